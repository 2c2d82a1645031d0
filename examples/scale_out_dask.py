"""Classify a referrer column with Dask: one pandas call per partition, each distinct value matched once.

Copy :func:`add_platform_columns`, :func:`platform_columns` and :func:`type_dtype` into your pipeline; run this
file with ``python examples/scale_out_dask.py`` to see them work on a small generated referrer log.  Needs
``pip install "medsos[scale]"``.
"""

from __future__ import annotations

import random

import dask.dataframe as dd
import numpy as np
import pandas as pd

import medsos


def type_dtype() -> pd.CategoricalDtype:
    """The ``type`` column's dtype: a categorical of the six type ids, in the source article's order."""
    return pd.CategoricalDtype([platform_type.id for platform_type in medsos.types])


def platform_columns(referrers: pd.Series) -> pd.DataFrame:
    """The platform id and type of each value of ``referrers`` (one partition), missing where medsos knows none.

    Runs on the workers.  ``import medsos`` reads no data; the bundled dataset loads in each worker process on
    its first call, from the installed package, so nothing is shipped with the task.
    """
    # factorize() numbers the distinct values; missing values (None, NaN, pd.NA) get the code -1.
    codes, distinct = pd.factorize(referrers)
    platforms = medsos.lookup_many(distinct.tolist(), default=None)
    # One entry per distinct value, plus a last one for the code -1.
    ids = np.array([p.id if p is not None else None for p in platforms] + [None], dtype=object)
    dtype = type_dtype()
    type_codes = np.array(
        [dtype.categories.get_loc(p.type.id) if p is not None else -1 for p in platforms] + [-1],
        dtype=np.int64,
    )
    found: pd.DataFrame = pd.DataFrame(
        {
            "platform_id": pd.array(ids[codes], dtype="string"),
            "type": pd.Categorical.from_codes(type_codes[codes], dtype=dtype),
        },
        index=referrers.index,
    )
    return found


def add_platform_columns(frame: dd.DataFrame, column: str) -> dd.DataFrame:
    """``frame`` with two columns added: ``platform_id`` (string) and ``type`` (categorical), from ``column``."""
    meta = pd.DataFrame(
        {"platform_id": pd.Series(dtype="string"), "type": pd.Series(dtype=type_dtype())}, index=pd.Index([])
    )
    found = frame[column].map_partitions(platform_columns, meta=meta)
    classified: dd.DataFrame = frame.assign(platform_id=found["platform_id"], type=found["type"])
    return classified


REFERRERS = [
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fshop.example%2F",
    "https://t.co/AbCdEf",
    "android-app://com.linkedin.android/",
    "https://www.kaskus.co.id/thread/123",
    "https://id.quora.com/Apa-itu",
    "https://youtu.be/dQw4w9WgXcQ",
    "https://www.instagram.com/p/xyz/",
    "https://www.google.com/search?q=sepatu",  # a search engine, not social media
    "https://facebook.com.attacker.example/",  # a look-alike host
    "",
]


def referrer_log(rows: int, *, seed: int = 10) -> pd.DataFrame:
    """A small web log: a visit id and a referrer per row, some referrers missing."""
    rng = random.Random(seed)
    referrers = [None if rng.random() < 0.05 else rng.choice(REFERRERS) for _ in range(rows)]
    log: pd.DataFrame = pd.DataFrame({"visit": range(rows), "referrer": pd.Series(referrers, dtype=object)})
    return log


def main() -> None:
    logs = dd.from_pandas(referrer_log(10_000), npartitions=4)  # type: ignore[no-untyped-call]
    classified = add_platform_columns(logs, "referrer")
    print(classified.dtypes.to_string())
    print()
    print(classified["type"].value_counts(dropna=False).compute().to_string())
    print()
    print(classified["platform_id"].value_counts().compute().nlargest(5).to_string())


if __name__ == "__main__":
    main()
