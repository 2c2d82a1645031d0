"""The ``medsos`` command on long input, against plain Python loops over the same input, in the same run.

    python benchmarks/cli.py                  # 1,000,000 lines and rows, 5 turns each
    python benchmarks/cli.py --rows 100000 --repeats 3

Whole processes are timed, start-up and loading the data included, with standard output to the null device.
The sides take turns (baseline, medsos, baseline, medsos, ...) so that a busy moment of the machine falls on
both alike, and each figure is the median of its turns.  The input holds 1,000 distinct values: referrer URLs
and names from the dataset and URLs of sites that are no social media, in a fixed shuffled order.

- lines: ``medsos classify < lines`` against a loop that reads standard input and writes each line back with
  a tab and a constant (the least any line-by-line tool does);
- CSV: ``medsos classify --csv FILE --column referrer`` against a ``csv.reader`` to ``csv.writer`` copy loop.

Prints a markdown table fragment for docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import medsos

if TYPE_CHECKING:
    from collections.abc import Sequence

ROOT = Path(__file__).resolve().parent.parent

LINES_BASELINE = """\
import sys
write = sys.stdout.write
for line in sys.stdin:
    write(line.rstrip("\\n") + "\\tunknown\\n")
"""

CSV_BASELINE = """\
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as source:
    writer = csv.writer(sys.stdout)
    for row in csv.reader(source):
        writer.writerow(row)
"""


def distinct_values(count: int = 1000) -> list[str]:
    """``count`` distinct inputs: mostly platforms' referrer URLs and names, a fifth sites that are not social."""
    platforms = sorted(medsos.platforms, key=lambda p: p.id)
    urls = [f"https://www.{domain}/post/1?utm_source=x" for p in platforms for domain in p.domains]
    names = [p.name for p in platforms]
    others = [f"https://www.shop{i}.example/item/{i}" for i in range(count)]
    values = list(dict.fromkeys(urls[: count * 3 // 5] + names[: count // 5]))
    values += others[: count - len(values)]
    return values[:count]


def write_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    values = distinct_values()
    chooser = random.Random(20261208)
    column = [chooser.choice(values) for _ in range(rows)]
    lines = folder / "lines.txt"
    with lines.open("w", encoding="utf-8", newline="\n") as out:
        out.writelines(value + "\n" for value in column)
    table = folder / "rows.csv"
    with table.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["date", "referrer", "landing_page", "visits"])
        for i, value in enumerate(column):
            writer.writerow([f"2026-12-{i % 28 + 1:02d}", value, f"/p/{i % 97},{i % 7}", i % 13])
    return lines, table


def seconds(command: Sequence[str], stdin: Path | None, env: dict[str, str]) -> float:
    with open(stdin or os.devnull, "rb") as source:
        started = time.perf_counter()
        subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, env=env, check=False)
        return time.perf_counter() - started


def compare(
    baseline: Sequence[str], ours: Sequence[str], stdin: Path | None, env: dict[str, str], repeats: int
) -> tuple[float, float]:
    """Median seconds of each side over ``repeats`` turns, taken alternately."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for side, command in enumerate((baseline, ours)):
            times[side].append(seconds(command, stdin, env))
    return statistics.median(times[0]), statistics.median(times[1])


def check(command: Sequence[str], stdin: Path | None, env: dict[str, str], rows: int) -> None:
    """The command gives one output row per input row, and some of them are known platforms."""
    with open(stdin or os.devnull, "rb") as source:
        result = subprocess.run(command, stdin=source, capture_output=True, env=env, check=False)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.count(b"\n") == rows, (result.stdout.count(b"\n"), rows)
    assert b"social_network" in result.stdout


def measure(rows_count: int = 1_000_000, repeats: int = 5) -> list[tuple[str, str, str, str]]:
    """The table rows: what, time, result, target."""
    args = argparse.Namespace(rows=rows_count, repeats=repeats)
    # The child processes run this checkout's medsos, whatever is installed.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    python = sys.executable
    medsos_command = [python, "-m", "medsos", "classify"]
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        lines, table = write_inputs(Path(folder), args.rows)
        distinct = len(distinct_values())
        csv_command = [*medsos_command, "--csv", str(table), "--column", "referrer"]
        check(medsos_command, lines, env, args.rows)
        check(csv_command, None, env, args.rows + 1)
        cases = [
            (
                f"`medsos classify` on {args.rows:,} stdin lines ({distinct:,} distinct) vs a read-and-write loop",
                [python, "-c", LINES_BASELINE],
                medsos_command,
                lines,
                "at most 3x",
            ),
            (
                "`medsos classify --json` on the same lines vs the same loop",
                [python, "-c", LINES_BASELINE],
                [*medsos_command, "--json"],
                lines,
                "",
            ),
            (
                f"`medsos classify --csv` on {args.rows:,} rows ({distinct:,} distinct) vs a csv.reader to "
                "csv.writer copy",
                [python, "-c", CSV_BASELINE, str(table)],
                csv_command,
                None,
                "at most 3x",
            ),
        ]
        for what, baseline, ours, stdin, target in cases:
            base, mine = compare(baseline, ours, stdin, env, args.repeats)
            rows.append((what, f"{mine:.2f} s vs {base:.2f} s", f"{mine / base:.2f}x", target))
            print(f"{what}: {mine:.3f} s vs {base:.3f} s", file=sys.stderr)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the medsos command on long input.")
    parser.add_argument("--rows", type=int, default=1_000_000, help="lines and CSV rows (default 1,000,000)")
    parser.add_argument("--repeats", type=int, default=5, help="turns of each side (default 5)")
    args = parser.parse_args(argv)
    rows = measure(args.rows, args.repeats)
    print(f"medsos {medsos.__version__}, dataset {medsos.DATASET_VERSION}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores; whole processes, medians of {args.repeats} alternating turns.")  # fmt: skip
    print()
    print("| what | time | result | target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
