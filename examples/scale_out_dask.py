"""Classify a referrer column with Dask: one pandas call per partition, each distinct value matched once.

Copy :func:`add_platform_columns` and :func:`platform_columns` into your pipeline; run this
file with ``python examples/scale_out_dask.py`` to see them work on a small generated referrer log.  Needs
``pip install "medsos[scale]"``.
"""

from __future__ import annotations

from pathlib import Path

import dask.dataframe as dd
import pandas as pd


def platform_columns(referrers: pd.Series) -> pd.DataFrame:
    """The platform id and type of each value of ``referrers`` (one partition), missing where medsos knows none.

    Runs on the workers: the ``.medsos`` accessor matches each distinct value of the partition once, with the
    column primitive :func:`medsos.lookup_many`.  ``import medsos`` reads no data; the bundled dataset loads in
    each worker process on its first call, from the installed package, so nothing is shipped with the task.
    """
    # Imported here, in the worker: a task carries this function, not the imports at the top of its module.
    import medsos.pandas  # noqa: F401 (registers the .medsos accessor)

    found: pd.DataFrame = referrers.medsos.frame()[["platform_id", "type"]]
    return found


def add_platform_columns(frame: dd.DataFrame, column: str) -> dd.DataFrame:
    """``frame`` with two columns added: ``platform_id`` (text) and ``type`` (categorical), from ``column``."""
    meta = platform_columns(pd.Series([], dtype=object))  # the columns and dtypes of every partition's answer
    found = frame[column].map_partitions(platform_columns, meta=meta)
    classified: dd.DataFrame = frame.assign(platform_id=found["platform_id"], type=found["type"])
    return classified


def referrer_log(rows: int) -> pd.DataFrame:
    """A small web log: a visit id and a referrer per row, from the example export beside this file."""
    export = pd.read_csv(Path(__file__).with_name("referrers.csv"), keep_default_na=False, na_values=[""])
    referrers = export["referrer"].astype(object)
    log: pd.DataFrame = pd.DataFrame(
        {
            "visit": range(rows),
            "referrer": referrers.iloc[[i % len(referrers) for i in range(rows)]].to_numpy(),
        }
    )
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
