"""Benchmarks for medsos, each against a baseline measured in the same run.

    pip install -e ".[test,bench]"
    python benchmarks/run.py                 # print the figures
    python benchmarks/run.py --write         # and write them to docs/performance.md

The machines we run on are noisy, so every figure is a ratio to a baseline timed alongside it, each side taking
the best of several repeats.  Referrer URLs come from the dataset itself (one URL per domain) plus a set of
non-social URLs, so the run needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import difflib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import medsos

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
TYPOS = json.loads((ROOT / "tests" / "fixtures" / "typos.json").read_text(encoding="utf-8"))
NON_SOCIAL = [
    "https://www.google.com/search?q=sepatu",
    "https://www.bing.com/search?q=x",
    "https://mail.google.com/mail/u/0/",
    "https://www.kompas.com/read/2024/01/01/x",
    "https://www.tokopedia.com/p/1",
    "https://duckduckgo.com/?q=x",
    "https://news.ycombinator.com.evil.example/",
    "https://example.com/?u=facebook.com",
]


def compare(
    baseline: Callable[[], object], ours: Callable[[], object], calls: int, repeats: int = 9
) -> tuple[float, float]:
    """Seconds per call of each side, the fastest of ``repeats`` runs; each function makes ``calls`` calls.

    The two sides take turns, so that a busy moment of the machine falls on both alike.
    """
    best = [float("inf"), float("inf")]
    for _ in range(repeats):
        for side, function in enumerate((baseline, ours)):
            started = time.perf_counter()
            function()
            best[side] = min(best[side], time.perf_counter() - started)
    return best[0] / calls, best[1] / calls


def names() -> list[str]:
    return sorted({p.name for p in medsos.platforms})


def referrer_urls() -> list[str]:
    urls = [f"https://www.{d}/some/path?utm_source=x" for p in medsos.platforms for d in p.domains]
    urls += [f"https://{d}/abc" for p in medsos.platforms for d in p.short_domains]
    return urls + NON_SOCIAL


def bench_exact_names() -> dict[str, float]:
    inputs = names() * 20
    folded = {unicodedata.normalize("NFKC", n).casefold(): n for n in names()}
    normalize = unicodedata.normalize

    def floor() -> None:
        get = folded.get
        for text in inputs:
            get(normalize("NFKC", text).casefold())

    def ours() -> None:
        classify = medsos.classify
        for text in inputs:
            classify(text)

    ours()
    base, mine = compare(floor, ours, len(inputs))
    return {"floor_ns": base * 1e9, "medsos_ns": mine * 1e9, "ratio": mine / base}


def bench_urls() -> dict[str, float]:
    from referer_parser import Referer

    urls = referrer_urls()

    def theirs() -> None:
        for url in urls:
            Referer(url)

    def ours() -> None:
        lookup = medsos.lookup
        for url in urls:
            lookup(url, default=None)

    ours()
    base, mine = compare(theirs, ours, len(urls))
    return {
        "urls": len(urls),
        "referer_parser_us": base * 1e6,
        "medsos_us": mine * 1e6,
        "speedup": base / mine,
    }


def bench_typos() -> dict[str, float]:
    typos = [typo for typo, _ in TYPOS["typos"] + TYPOS["held_out_typos"]]
    registry = medsos.load()
    vocabulary = sorted(
        {label for p in registry.platforms for label in (p.name, *p.aliases, *p.former_names)}
    )
    registry.search("warm up the index")

    def theirs() -> None:
        for typo in typos:
            difflib.get_close_matches(typo, vocabulary, n=3, cutoff=0.75)

    def ours() -> None:
        search = registry.search
        for typo in typos:
            search(typo, limit=3)

    base, mine = compare(theirs, ours, len(typos), repeats=3)
    return {
        "names": len(vocabulary),
        "difflib_us": base * 1e6,
        "medsos_us": mine * 1e6,
        "speedup": base / mine,
    }


def _subprocess_seconds(code: str, runs: int, setup: str = "") -> tuple[float, float]:
    """Medians over fresh interpreters: seconds ``code`` takes inside the interpreter, and for the whole process."""
    program = f"import time\n{setup}\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"
    inside, whole = [], []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
        whole.append(time.perf_counter() - started)
        inside.append(float(result.stdout.strip()))
    return statistics.median(inside), statistics.median(whole)


def bench_import(runs: int = 21) -> dict[str, float]:
    # attrs and cattrs were byte-compiled when pip installed them, and so is medsos by `pip install .`; an
    # editable install under PYTHONDONTWRITEBYTECODE never is, which would time our compiler, not our import.
    compileall.compile_dir(Path(medsos.__file__).parent, quiet=1)
    codes = {
        "attrs": "import attrs",
        "medsos": "import medsos",
        "attrs_cattrs": "import attrs, cattrs",
        "first": "import medsos\nmedsos.classify('Quora')",
        "load": "medsos.classify('Quora')",
        "first_url": "import medsos\nmedsos.classify('https://m.facebook.com/story.php?id=1')",
        "lookup": "import medsos\nmedsos.lookup('Quora')",
    }
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in codes}
    for _ in range(runs):  # take turns, so that a busy moment falls on every command alike
        for name, code in codes.items():
            setup = "import attrs, cattrs, medsos" if name == "load" else ""
            measured[name].append(_subprocess_seconds(code, 1, setup))
    inside = {name: statistics.median(m[0] for m in runs_) for name, runs_ in measured.items()}
    whole = {name: statistics.median(m[1] for m in runs_) for name, runs_ in measured.items()}
    cattrs_loaded = subprocess.run(
        [sys.executable, "-c", "import sys, medsos; a = 'cattrs' in sys.modules; medsos.classify('Quora'); print(a, 'cattrs' in sys.modules)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return {
        "import_attrs_ms": inside["attrs"] * 1e3,
        "import_medsos_ms": inside["medsos"] * 1e3,
        "import_ratio": inside["medsos"] / inside["attrs"],
        "import_attrs_cattrs_ms": inside["attrs_cattrs"] * 1e3,
        "first_classify_ms": inside["first"] * 1e3,
        "first_classify_ratio": inside["first"] / inside["attrs_cattrs"],
        "first_call_ms": inside["load"] * 1e3,
        "first_call_ratio": inside["load"] / inside["attrs_cattrs"],
        "first_url_ms": inside["first_url"] * 1e3,
        "first_url_ratio": inside["first_url"] / inside["attrs_cattrs"],
        "first_lookup_ms": inside["lookup"] * 1e3,
        "first_lookup_ratio": inside["lookup"] / inside["attrs_cattrs"],
        "process_attrs_cattrs_ms": whole["attrs_cattrs"] * 1e3,
        "process_first_classify_ms": whole["first"] * 1e3,
        "process_first_classify_ratio": whole["first"] / whole["attrs_cattrs"],
        "cattrs_imported_by_import_medsos": float(cattrs_loaded[0] == "True"),
        "cattrs_imported_by_first_classify": float(cattrs_loaded[1] == "True"),
    }


def bench_bulk() -> dict[str, float]:
    distinct = referrer_urls()[:200] + names()[:100]
    values = [distinct[i % len(distinct)] for i in range(1_000_000)]
    started = time.perf_counter()
    results = medsos.classify_many(values, default=None)
    elapsed = time.perf_counter() - started
    assert len(results) == len(values)
    return {"values": len(values), "distinct": len(distinct), "seconds": elapsed}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def report(figures: dict[str, dict[str, float]]) -> str:
    e, u, t, i, b = (figures[k] for k in ("exact", "urls", "typos", "import", "bulk"))
    today = datetime.date.today().isoformat()

    def vs_cattrs(what: str, name: str, target: str = "at most 1.5x") -> tuple[str, str, str, str]:
        measured = f"{i[name + '_ms']:.1f} ms vs {i['import_attrs_cattrs_ms']:.1f} ms"
        return what, measured, f"{i[name + '_ratio']:.2f}x", target

    rows = [
        ("Exact name classify vs CPython floor (NFKC, casefold, one dict lookup)",
         f"{e['medsos_ns']:.0f} ns vs {e['floor_ns']:.0f} ns per name", f"{e['ratio']:.2f}x the floor", "at most 2.5x"),
        (f"URL classify vs referer-parser, {u['urls']:.0f} distinct referrer URLs",
         f"{u['medsos_us']:.1f} µs vs {u['referer_parser_us']:.1f} µs per URL", f"{u['speedup']:.1f}x faster", "at least 5x"),
        (f"Typo search vs difflib.get_close_matches over {t['names']:.0f} names",
         f"{t['medsos_us']:.1f} µs vs {t['difflib_us']:.0f} µs per typo", f"{t['speedup']:.0f}x faster", "at least 20x"),
        ("import medsos vs import attrs",
         f"{i['import_medsos_ms']:.1f} ms vs {i['import_attrs_ms']:.1f} ms", f"{i['import_ratio']:.2f}x", "at most 1.3x"),
        vs_cattrs("import + first classify vs import attrs, cattrs (inside the interpreter)", "first_classify"),
        vs_cattrs("import + first classify of a URL vs import attrs, cattrs (inside the interpreter)", "first_url"),
        vs_cattrs("first classify call alone (loading the data), attrs and cattrs already imported", "first_call"),
        ("import + first classify, whole `python -c` process",
         f"{i['process_first_classify_ms']:.1f} ms vs {i['process_attrs_cattrs_ms']:.1f} ms", f"{i['process_first_classify_ratio']:.2f}x", "at most 1.5x"),
        vs_cattrs("import + first lookup (all 700 platform records structured by cattrs) vs import attrs, cattrs",
                  "first_lookup", target=""),
        (f"classify_many over {b['values']:,.0f} values ({b['distinct']:.0f} distinct)",
         f"{b['seconds']:.3f} s", "", "well under 1 s"),
    ]  # fmt: skip
    lines = [
        "# Performance",
        "",
        "<!-- Written by benchmarks/run.py --write: do not edit by hand. -->",
        "",
        f"Measured on {today} on {machine()}, medsos {medsos.__version__}, dataset {medsos.DATASET_VERSION}.",
        "Each figure is compared with a baseline timed in the same run (best of several repeats; import times",
        "are medians over fresh interpreters, timed inside the interpreter so start-up is not counted).",
        'Rerun with `python benchmarks/run.py --write` after `pip install -e ".[test,bench]"`.',
        "",
        "| what | time | result | target |",
        "|---|---|---|---|",
    ]
    lines += [f"| {what} | {time_} | {result} | {target} |" for what, time_, result, target in rows]
    lines += [
        "",
        f"`import medsos` imports cattrs: {'yes' if i['cattrs_imported_by_import_medsos'] else 'no'}; "
        f"the first classify() of a name imports it: {'yes' if i['cattrs_imported_by_first_classify'] else 'no'}.",
        "medsos is byte-compiled before the import figures are taken, as `pip install` does and as attrs and",
        "cattrs are.",
        "",
        "The cold path: `import medsos` reads nothing. classify() of a name, a host, a URL or an app id is",
        "answered from a quick index built straight from the JSON, with the six types built by their attrs",
        "classes; the platform records, cattrs and the full registry load only when something else is asked (a",
        "typo, unknown text, lookup(), search(), the collections).",
        "`python -X importtime -c \"import medsos; medsos.classify('Quora')\"` shows the parts.",
        "",
        "How: exact names and bare hosts hit a dict of ready answers keyed by case-folded text (NFKC-folded when it",
        "is not ASCII); URLs are cut to their host without `urllib`, then the host's suffixes are looked up",
        "longest first; typos go through a delete-variant (SymSpell-style) index built on first use, so a query",
        "costs a few dozen dict lookups instead of a comparison with every name; `classify_many` classifies each",
        "distinct value once.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the medsos benchmarks.")
    parser.add_argument("--write", action="store_true", help="write docs/performance.md")
    args = parser.parse_args(argv)
    figures = {
        "exact": bench_exact_names(),
        "urls": bench_urls(),
        "typos": bench_typos(),
        "import": bench_import(),
        "bulk": bench_bulk(),
    }
    print(json.dumps(figures, indent=2))
    text = report(figures)
    print(text)
    if args.write:
        (ROOT / "docs" / "performance.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
