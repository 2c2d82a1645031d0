"""The scale-out recipes of docs/scale-out.md, run on small data: Dask's map_partitions and a PySpark pandas UDF.

Each recipe must answer, row by row, what ``medsos.lookup(value, default=None)`` answers, with missing values
(None, NaN, Spark's null) as unknown.  The recipes are the files in examples/, imported by path, so that the code
the docs show is the code tested here.  One local Spark session serves every Spark test.
"""

from __future__ import annotations

import math
import shutil
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medsos

pytest.importorskip("pandas", reason="the scale-out recipes need pandas: pip install 'medsos[scale]'")
import pandas as pd

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: Text a log holds: names, typos, campaign tokens, URLs and app ids medsos knows, and text it must refuse.
TEXTS = [
    "fb",
    "Facebook",
    "fesbuk",
    "Lindkein",
    "IG Stories",
    "fb_ads_2024",
    "l.facebook.com / referral",
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fshop.example%2F",
    "https://t.co/AbCdEf",
    "android-app://com.linkedin.android/",
    "com.instagram.android",
    "https://www.kaskus.co.id/thread/123",
    "https://id.quora.com/Apa-itu",
    "HTTPS://WWW.YOUTUBE.COM/watch?v=1",
    "ｆａｃｅｂｏｏｋ",  # fullwidth letters
    "ınstagram.com",  # a dotless i: a look-alike host
    "facebook.com.evil.example",
    "faceb00k.com",
    "google / cpc",
    "https://www.google.com/search?q=sepatu",
    "qwzxv",
    "",
    "   ",
    "Facebook " * 50,
    "https://" + "a." * 200 + "facebook.com/",
]
#: What a data frame holds where a referrer is missing.
MISSING: list[object] = [None, math.nan]

# pyspark warns that it does not fully support pandas 3 yet, whenever it checks the pandas version: when a pandas
# UDF is made (on importing the Spark recipe) and when Arrow batches cross to pandas.  Only that warning, and only
# in the Spark tests, is ignored; any other warning still fails the test.
spark_warnings = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


def expected(value: object) -> tuple[str | None, str | None]:
    """What the recipes must answer for one row: the platform id and type id that lookup() gives, or Nones."""
    if not isinstance(value, str):  # None or NaN: a missing value, unknown
        return (None, None)
    platform = medsos.lookup(value, default=None)
    return (None, None) if platform is None else (platform.id, platform.type.id)


def answers(frame: pd.DataFrame) -> list[tuple[str | None, str | None]]:
    """The ``platform_id`` and ``type`` of each row, with pandas' missing values (NA, NaN) as None."""
    return [
        (None if pd.isna(platform_id) else platform_id, None if pd.isna(type_id) else type_id)
        for platform_id, type_id in zip(frame["platform_id"], frame["type"], strict=True)
    ]


def test_the_cases_hold_known_unknown_and_missing_values() -> None:
    # Without this, a recipe that answered None everywhere could pass the tests below.
    assert expected("fb") == ("facebook", "social_network")
    assert expected("https://t.co/AbCdEf") == ("x", "microblog")
    assert expected("facebook.com.evil.example") == (None, None)
    assert expected(None) == expected(math.nan) == (None, None)
    assert sum(expected(text) == (None, None) for text in TEXTS) >= 5
    assert sum(expected(text) != (None, None) for text in TEXTS) >= 10


def values_strategy() -> st.SearchStrategy[list[object]]:
    return st.lists(st.one_of(st.sampled_from([*TEXTS, *MISSING]), st.text(max_size=40)), max_size=60)


# Dask --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_recipe(script: Callable[[str], ModuleType]) -> ModuleType:
    pytest.importorskip("dask.dataframe", reason="the Dask recipe needs dask: pip install 'medsos[scale]'")
    return script("examples/scale_out_dask.py")


def referrer_frame(recipe: ModuleType) -> pd.DataFrame:
    """A log of every case, repeated and shuffled in with the example's generated referrers."""
    generated: list[object] = recipe.referrer_log(300)["referrer"].tolist()
    values = [*TEXTS, *MISSING, *generated, *TEXTS, *MISSING]
    frame: pd.DataFrame = pd.DataFrame(
        {"visit": range(len(values)), "referrer": pd.Series(values, dtype=object)}
    )
    return frame


@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_dask_recipe_answers_as_lookup_row_by_row(dask_recipe: ModuleType, scheduler: str) -> None:
    import dask.dataframe as dd

    # The processes scheduler pickles the function and the frames it returns, to and from its worker processes.
    log = referrer_frame(dask_recipe)
    logs = dd.from_pandas(log, npartitions=4)  # type: ignore[no-untyped-call]
    classified = dask_recipe.add_platform_columns(logs, "referrer")
    result = classified.compute(scheduler=scheduler, num_workers=2)
    assert result["visit"].tolist() == log["visit"].tolist()
    assert answers(result) == [expected(value) for value in log["referrer"]]
    # The meta Dask was given is what the partitions return.
    assert result.dtypes.to_dict() == classified.dtypes.to_dict()


def test_dask_recipe_columns(dask_recipe: ModuleType) -> None:
    result = dask_recipe.platform_columns(pd.Series(["fb", None, "qwzxv"], index=[7, 8, 9]))
    assert result.index.tolist() == [7, 8, 9]
    assert result.columns.tolist() == ["platform_id", "type"]
    assert isinstance(result["platform_id"].dtype, pd.StringDtype)
    assert result["type"].cat.categories.tolist() == [t.id for t in medsos.types]


@given(values=values_strategy())
def test_dask_partition_function_answers_as_lookup(dask_recipe: ModuleType, values: list[object]) -> None:
    result = dask_recipe.platform_columns(pd.Series(values, dtype=object))
    assert answers(result) == [expected(value) for value in values]


# Spark -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark_recipe(script: Callable[[str], ModuleType]) -> ModuleType:
    pytest.importorskip("pyspark", reason="the Spark recipe needs pyspark: pip install 'medsos[scale]'")
    if shutil.which("java") is None:
        pytest.skip("the Spark recipe needs Java 17 or newer, and no java is on PATH")
    return script("examples/scale_out_spark.py")


@pytest.fixture(scope="module")
def spark(spark_recipe: ModuleType) -> Iterator[SparkSession]:
    """One local Spark session for every Spark test, its Python workers running this interpreter."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session: SparkSession = spark_recipe.local_session()
        # Small Arrow batches, so that a partition spans several and the recipes must work across them.
        session.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        try:
            yield session
        finally:
            session.stop()


def spark_rows(recipe: ModuleType) -> list[tuple[int, str | None]]:
    """Every case, repeated, among the example's generated referrers; Spark's null stands for missing."""
    generated: list[str | None] = [referrer for _, referrer in recipe.referrer_log(300)]
    values = [*TEXTS, None, *generated, *TEXTS, None]
    return list(enumerate(values))


@spark_warnings
def test_spark_pandas_udf_answers_as_lookup_row_by_row(spark_recipe: ModuleType, spark: SparkSession) -> None:
    rows = spark_rows(spark_recipe)
    logs = spark.createDataFrame(rows, "visit long, referrer string").repartition(3)
    classified = spark_recipe.add_platform_columns(logs, "referrer")
    assert classified.columns == ["visit", "referrer", "platform_id", "type"]
    result = classified.orderBy("visit").collect()
    assert [(row.visit, row.referrer) for row in result] == rows
    assert [(row.platform_id, row.type) for row in result] == [expected(value) for _, value in rows]


@spark_warnings
def test_spark_map_in_pandas_answers_as_lookup_row_by_row(
    spark_recipe: ModuleType, spark: SparkSession
) -> None:
    from pyspark.sql.types import StructType

    rows = spark_rows(spark_recipe)
    logs = spark.createDataFrame(rows, "visit long, referrer string").repartition(3)
    schema = StructType([*logs.schema.fields, *spark_recipe.PLATFORM_COLUMNS.fields])
    result = logs.mapInPandas(spark_recipe.classify_partitions, schema).orderBy("visit").collect()
    assert [(row.visit, row.referrer) for row in result] == rows
    assert [(row.platform_id, row.type) for row in result] == [expected(value) for _, value in rows]


@spark_warnings
@given(values=values_strategy())
def test_spark_batch_functions_answer_as_lookup(spark_recipe: ModuleType, values: list[object]) -> None:
    # The pandas functions the UDF and mapInPandas run, without Spark: the same answers, batch by batch.
    assert answers(spark_recipe.platform_columns(pd.Series(values, dtype=object))) == [
        expected(value) for value in values
    ]
    batches = [
        pd.DataFrame({"referrer": pd.Series(values[i : i + 7], dtype=object)}) for i in range(0, 60, 7)
    ]
    found = pd.concat(list(spark_recipe.classify_partitions(iter(batches))))
    assert answers(found) == [expected(value) for value in values]
