"""Benchmark: ``series.medsos.classify()`` on a column of 1,000,000 values with 1,000 distinct ones.

    pip install -e ".[test]"
    python benchmarks/pandas_column.py              # print the figures and a markdown table row
    python benchmarks/pandas_column.py --rows 200000  # a quicker run

The baseline, timed in the same run, is the fastest thing a pandas user could write once the answers are known:
``series.map(answers)`` with a dict from every distinct value to its type id, computed beforehand.  The accessor
has to find the answers too, on every call: it factorizes the column, looks up each distinct value once with
:func:`medsos.lookup_many` and takes the answers back onto the rows.  The two sides take turns, and each figure is
the best of several repeats, since the machines we run on are noisy.  The target is at most 1.5x the baseline.

The values are a realistic referrer mix, drawn with a fixed seed: platform names and aliases (a few with
typos), hosts, referrer URLs of the bundled platforms, and non-social URLs (search engines, news and shops),
repeated with a long-tailed frequency as in real logs.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import time
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd
from run import machine  # benchmarks/run.py, beside this file

import medsos
import medsos.pandas  # registers the accessor

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from medsos.pandas import MedsosAccessor

TARGET = 1.5
NON_SOCIAL_SITES = [
    "google.com", "google.co.id", "bing.com", "duckduckgo.com", "search.yahoo.com", "kompas.com",
    "detik.com", "tokopedia.com", "shopee.co.id", "bukalapak.com", "nytimes.com", "bbc.co.uk",
    "example.com", "mail.google.com", "outlook.live.com", "github.io", "wikipedia.org", "amazon.com",
]  # fmt: skip


def distinct_values(count: int = 1_000, seed: int = 2026) -> list[str]:
    """``count`` distinct referrer-like values: about 30% names, 20% hosts, 30% URLs, 20% non-social URLs."""
    rng = random.Random(seed)
    platforms = list(medsos.platforms)
    names = sorted({label for p in platforms for label in (p.name, *p.aliases)})
    hosts = sorted({d for p in platforms for d in (*p.domains, *p.short_domains)})
    values: set[str] = set()

    def add(value: str) -> None:
        if len(values) < count:
            values.add(value)

    while len(values) < int(count * 0.3):
        name = rng.choice(names)
        if rng.random() < 0.1 and len(name) > 5:  # a typo: two letters swapped
            i = rng.randrange(1, len(name) - 1)
            name = name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]
        add(rng.choice((name, name.lower(), name.upper())))
    while len(values) < int(count * 0.5):
        add(rng.choice(("", "www.", "m.")) + rng.choice(hosts))
    while len(values) < int(count * 0.8):
        path = "/".join(rng.choice(("p", "watch", "status", "r", "groups", "2024")) for _ in range(2))
        add(
            f"https://{rng.choice(('', 'www.', 'l.', 'm.'))}{rng.choice(hosts)}/{path}?id={rng.randrange(10**6)}"
        )
    while len(values) < count:
        add(f"https://www.{rng.choice(NON_SOCIAL_SITES)}/search?q=item{rng.randrange(10**6)}")
    return sorted(values)


def column(rows: int, distinct: Sequence[str], seed: int = 2026) -> pd.Series[str]:
    """``rows`` values drawn from ``distinct`` with Zipf-like weights (a few values are most of the rows)."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(distinct) + 1)
    picks = rng.choice(len(distinct), size=rows, p=weights / weights.sum())
    order = rng.permutation(len(distinct))  # which value is frequent should not follow its sort order
    series: pd.Series[str] = pd.Series(np.asarray(distinct, dtype=object)[order][picks])
    return series.astype(pd.Series(["x"]).dtype)


def compare(baseline: Callable[[], object], ours: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Seconds of each side, the best of ``repeats`` runs, the two sides taking turns."""
    best = [float("inf"), float("inf")]
    for _ in range(repeats):
        for side, function in enumerate((baseline, ours)):
            started = time.perf_counter()
            function()
            best[side] = min(best[side], time.perf_counter() - started)
    return best[0], best[1]


def measure(
    rows: int = 1_000_000, distinct: int = 1_000, repeats: int = 7, dtype: str = "default"
) -> dict[str, float]:
    """Time both sides on a column of pandas' default text dtype (``str`` in pandas 3), or of ``object``."""
    values = distinct_values(distinct)
    series = column(rows, values)
    if dtype == "object":
        series = series.astype(object)
    medsos.load()  # both sides use the loaded dataset; loading it is import cost, measured elsewhere
    answers = {value: str(t) if t is not None else np.nan for value, t in zip(values, medsos.classify_many(values, default=None), strict=True)}  # fmt: skip
    # The two sides must agree before their speed means anything.
    expected = series.map(answers)
    accessor = cast("MedsosAccessor", series.medsos)  # pandas' type stubs do not know registered accessors
    got = accessor.classify()
    assert got.astype(object).where(got.notna(), np.nan).equals(expected.astype(object)), "answers differ"
    baseline, ours = compare(lambda: series.map(answers), accessor.classify, repeats)
    return {
        "rows": rows,
        "distinct": series.nunique(),
        "unknown_share": float(got.isna().mean()),
        "baseline_ms": baseline * 1e3,
        "accessor_ms": ours * 1e3,
        "ratio": ours / baseline,
    }


def table_row(figures: dict[str, float], dtype: str) -> str:
    return (
        f"| `s.medsos.classify()` vs `s.map(precomputed dict)`, {figures['rows']:,.0f} values, "
        f"{figures['distinct']:,.0f} distinct, {dtype} dtype "
        f"| {figures['accessor_ms']:.0f} ms vs {figures['baseline_ms']:.0f} ms "
        f"| {figures['ratio']:.2f}x | at most {TARGET}x |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"pandas {pd.__version__}, medsos {medsos.__version__}, {machine()}, {datetime.date.today()}")
    rows: list[str] = []
    worst = 0.0
    for dtype in ("default", "object"):
        figures = measure(args.rows, args.distinct, args.repeats, dtype)
        name = f"{pd.Series(['x']).dtype} (default)" if dtype == "default" else "object"
        print(
            f"{name} dtype: rows {figures['rows']:,.0f}, distinct {figures['distinct']:,.0f}, unknown {figures['unknown_share']:.0%}"
        )
        print(f"  s.map(precomputed dict): {figures['baseline_ms']:.1f} ms")
        print(
            f"  s.medsos.classify():     {figures['accessor_ms']:.1f} ms  ({figures['ratio']:.2f}x, target {TARGET}x)"
        )
        rows.append(table_row(figures, f"`{name.split(maxsplit=1)[0]}`"))
        worst = max(worst, figures["ratio"])
    print()
    print("| Benchmark | Measured | Ratio | Target |")
    print("| --- | --- | --- | --- |")
    print("\n".join(rows))
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
