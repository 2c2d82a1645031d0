"""Classify a referrer column with Apache Spark: a pandas UDF that calls medsos on each Arrow batch.

Copy :data:`PLATFORM_COLUMNS`, :func:`platform_columns`, :data:`platform_udf` and :func:`add_platform_columns`
(or the ``mapInPandas`` variant, :func:`classify_partitions`) into your job; run this file with
``python examples/scale_out_spark.py`` to see them work on a small generated referrer log in local mode.  Needs
``pip install "medsos[scale]"`` and Java 17 or newer, with medsos installed on every executor.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql.functions import col
from pyspark.sql.pandas.functions import pandas_udf
from pyspark.sql.types import StringType, StructField, StructType

import medsos

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pyspark.sql import DataFrame

#: What :func:`platform_columns` returns for each row: a struct of two strings, null where medsos knows none.
PLATFORM_COLUMNS = StructType([StructField("platform_id", StringType()), StructField("type", StringType())])


def platform_columns(referrers: pd.Series) -> pd.DataFrame:
    """The platform id and type of each referrer of one batch, None where medsos knows none.

    Plain pandas, so that you can test it without Spark; :data:`platform_udf` runs it in Spark's Python workers,
    on batches of up to ``spark.sql.execution.arrow.maxRecordsPerBatch`` rows (10,000 by default).  ``import
    medsos`` reads no data: the bundled dataset loads on the first call in each Python worker, from the installed
    package, and stays loaded while Spark reuses the worker for later tasks.
    """
    # Imported here, in the worker: a task carries this function, not the imports at the top of its module.
    import medsos.pandas  # noqa: F401 (registers the .medsos accessor)

    # The .medsos accessor matches each distinct value of the batch once; Arrow takes plain strings and None.
    found = referrers.medsos.frame()[["platform_id", "type"]].astype(object)
    answers: pd.DataFrame = found.where(found.notna(), None)
    return answers


#: The Spark column function: ``platform_udf(col("referrer"))`` is a struct of ``platform_id`` and ``type``.  The
#: type hints of :func:`platform_columns` (a Series in, a DataFrame out) make it a scalar pandas UDF that returns
#: a struct.  pyspark's type stubs describe only the older functionType= form, which Spark now warns against.
platform_udf = pandas_udf(platform_columns, PLATFORM_COLUMNS)  # type: ignore[call-overload]


def add_platform_columns(frame: DataFrame, column: str) -> DataFrame:
    """``frame`` with two string columns added, ``platform_id`` and ``type``, from the string column ``column``."""
    found = platform_udf(col(column))
    return frame.withColumns({"platform_id": found["platform_id"], "type": found["type"]})


def classify_partitions(batches: Iterator[pd.DataFrame], column: str = "referrer") -> Iterator[pd.DataFrame]:
    """The ``mapInPandas`` variant: each batch of a partition with ``platform_id`` and ``type`` added.

    Use it as ``frame.mapInPandas(classify_partitions, schema)``, where ``schema`` is ``frame``'s schema plus the
    two string fields (see :func:`main`); for another column than ``referrer``, pass
    ``functools.partial(classify_partitions, column="...")``.  Results are remembered across the batches of a partition, so a value
    is matched once per partition rather than once per batch.
    """
    seen: dict[str, tuple[str | None, str | None]] = {}
    for batch in batches:
        values = batch[column]
        new = [value for value in pd.unique(values.dropna()) if value not in seen]
        for value, platform in zip(new, medsos.lookup_many(new, default=None), strict=True):
            seen[value] = (platform.id, platform.type.id) if platform is not None else (None, None)
        found = [seen[value] if isinstance(value, str) else (None, None) for value in values]
        yield pd.concat(
            [batch, pd.DataFrame(found, columns=["platform_id", "type"], index=batch.index)], axis=1
        )


def local_session() -> SparkSession:
    """A small local Spark session, as for tests: two cores, two shuffle partitions, no web UI."""
    # The Python workers must run the interpreter that has medsos installed: this one.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    # Local mode needs no network address: this also spares the warning about the host name.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("medsos-scale-out")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.log.level", "ERROR")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def referrer_log(rows: int) -> list[tuple[int, str | None]]:
    """A small web log: a visit id and a referrer per row, from the example export beside this file."""
    export = pd.read_csv(Path(__file__).with_name("referrers.csv"), keep_default_na=False, na_values=[""])
    referrers = [None if pd.isna(value) else str(value) for value in export["referrer"]]
    return [(visit, referrers[visit % len(referrers)]) for visit in range(rows)]


def main() -> None:
    spark = local_session()
    try:
        logs = spark.createDataFrame(referrer_log(10_000), "visit long, referrer string").repartition(4)
        classified = add_platform_columns(logs, "referrer")
        classified.groupBy("type").count().orderBy(col("count").desc()).show()
        # The same with mapInPandas: the output schema is the input's plus the two new columns.
        schema = StructType([*logs.schema.fields, *PLATFORM_COLUMNS.fields])
        by_platform = logs.mapInPandas(classify_partitions, schema).groupBy("platform_id").count()
        by_platform.orderBy(col("count").desc()).show(5)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
