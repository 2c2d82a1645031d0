"""Benchmarks for medsos, each against a baseline measured in the same run.

    pip install -e ".[test,bench]"
    python benchmarks/run.py                 # print the figures
    python benchmarks/run.py --write         # and write them to docs/performance.md
    python benchmarks/run.py --quick         # smaller runs, no 70,000-platform registry

The machines we run on are noisy, so every figure is a ratio to a baseline timed alongside it, the two sides
taking turns and each taking the best of several repeats.  Everything it needs is in the repository; Snowplow's
own test referrers are measured too when the developers' ``../shared`` folder is there.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import difflib
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import medsos

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "anchors"
TYPOS = json.loads((ROOT / "tests" / "fixtures" / "typos.json").read_text(encoding="utf-8"))
# Sites that are not social media and that referrer logs are full of: search, mail, news, shops, maps.
NON_SOCIAL_SITES = [
    "google.com", "google.co.id", "bing.com", "duckduckgo.com", "search.yahoo.com", "yandex.ru", "baidu.com",
    "mail.google.com", "outlook.live.com", "kompas.com", "detik.com", "tribunnews.com", "nytimes.com",
    "bbc.co.uk", "cnn.com", "tokopedia.com", "shopee.co.id", "bukalapak.com", "amazon.com", "ebay.com",
    "maps.google.com", "news.ycombinator.com.evil.example", "example.com", "accounts.google.com",
]  # fmt: skip
# Words that name no platform: the misses of a name column.  Ordinary words of several lengths, in English and
# Indonesian, as a name column holds them.
UNKNOWN_WORDS = [
    "sepatu", "newsletter", "google", "marketing", "helloworld", "terimakasih", "analytics", "promotion",
    "kucing", "smartphone", "email", "direct", "organic", "billboard", "brosur", "teman", "radio", "television",
    "referral", "word of mouth", "koran", "majalah", "website", "influencer",
]  # fmt: skip


def compare(
    baseline: Callable[[], object], ours: Callable[[], object], calls: int, repeats: int = 9
) -> tuple[float, float]:
    """Seconds per call of each side, the fastest of ``repeats`` runs; each function makes ``calls`` calls.

    The garbage collector is paused while a side runs, so that a collection set off by one side's garbage does
    not land on the other's clock.
    """
    best = [float("inf"), float("inf")]
    for _ in range(repeats):
        for side, function in enumerate((baseline, ours)):
            gc.collect()
            gc.disable()
            started = time.perf_counter()
            try:
                function()
            finally:
                elapsed = time.perf_counter() - started
                gc.enable()
            best[side] = min(best[side], elapsed)
    return best[0] / calls, best[1] / calls


def names() -> list[str]:
    return sorted({p.name for p in medsos.platforms})


def referrer(rng: random.Random, host: str) -> str:
    """A referrer URL of ``host`` with a path and query of realistic shape, 40 to 400 characters long."""
    target = rng.randint(40, 400)
    words = [rng.choice(["p", "story", "watch", "r", "status", "posts", "search", "read", "2024", "id"])]
    query = [
        "utm_source=newsletter",
        "fbclid=IwAR" + "x" * rng.randint(10, 60),
        "q=sepatu+murah",
        "ref=share",
    ]
    url = f"https://{rng.choice(['www.', 'm.', ''])}{host}/" + "/".join(words)
    while len(url) < target:
        url += ("&" if "?" in url else "?") + rng.choice(query)
    return url[:target]


def referrer_mix(count: int = 2000, seed: int = 2026) -> tuple[list[str], list[str]]:
    """Distinct referrers, half of bundled platforms (hits) and half of other sites (misses)."""
    rng = random.Random(seed)
    hosts = sorted({d for p in medsos.platforms for d in (*p.domains, *p.short_domains)})
    hits = {referrer(rng, rng.choice(hosts)) for _ in range(count // 2)}
    misses = {referrer(rng, rng.choice(NON_SOCIAL_SITES)) for _ in range(count // 2)}
    return sorted(hits), sorted(misses)


def bench_exact_names() -> dict[str, float]:
    inputs = names() * 20
    folded = {unicodedata.normalize("NFKC", n).casefold(): n for n in names()}
    normalize = unicodedata.normalize
    medsos.lookup_many(inputs)

    def floor() -> None:
        get = folded.get
        for text in inputs:
            get(normalize("NFKC", text).casefold())

    def classify() -> None:
        ours = medsos.classify
        for text in inputs:
            ours(text)

    def lookup() -> None:
        ours = medsos.lookup
        for text in inputs:
            ours(text)

    base, classified = compare(floor, classify, len(inputs))
    base_2, looked_up = compare(floor, lookup, len(inputs))
    return {
        "floor_ns": base * 1e9,
        "classify_ns": classified * 1e9,
        "classify_ratio": classified / base,
        "lookup_ns": looked_up * 1e9,
        "lookup_ratio": looked_up / base_2,
    }


def bench_unknown_words() -> dict[str, float]:
    words = UNKNOWN_WORDS * 20
    folded = {unicodedata.normalize("NFKC", n).casefold(): n for n in names()}
    normalize = unicodedata.normalize
    for word in UNKNOWN_WORDS:
        assert medsos.lookup(word, default=None) is None, word

    def floor() -> None:
        get = folded.get
        for text in words:
            get(normalize("NFKC", text).casefold())

    def ours() -> None:
        lookup = medsos.lookup
        for text in words:
            lookup(text, default=None)

    base, mine = compare(floor, ours, len(words))
    return {
        "words": len(UNKNOWN_WORDS),
        "floor_ns": base * 1e9,
        "medsos_us": mine * 1e6,
        "ratio": mine / base,
    }


def _versus_referer_parser(urls: Sequence[str]) -> dict[str, float]:
    from referer_parser import Referer

    def theirs() -> None:
        for url in urls:
            Referer(url)

    def ours() -> None:
        lookup = medsos.lookup
        for url in urls:
            lookup(url, default=None)

    base, mine = compare(theirs, ours, len(urls), repeats=5)
    return {
        "urls": len(urls),
        "referer_parser_us": base * 1e6,
        "medsos_us": mine * 1e6,
        "speedup": base / mine,
    }


def bench_urls() -> dict[str, dict[str, float]]:
    hits, misses = referrer_mix()
    figures = {
        "mix": _versus_referer_parser(hits + misses),
        "hits": _versus_referer_parser(hits),
        "misses": _versus_referer_parser(misses),
    }
    snowplow = [
        case["uri"]
        for name in ("snowplow-referer-tests-social.json", "snowplow-referer-tests-nonsocial.json")
        if (SHARED / name).exists()
        for case in json.loads((SHARED / name).read_text(encoding="utf-8"))
    ]
    if snowplow:
        figures["snowplow"] = _versus_referer_parser(snowplow)
    return figures


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


def bench_hostile() -> dict[str, dict[str, float]]:
    """Seconds to look up 10 MB of one character repeated, against one NFC pass over the same text."""
    figures = {}
    texts = {
        "NUL": "\x00",
        "format characters (U+0600)": "\u0600",
        "wrapping characters (zero-width space)": "\u200b",
        "tag characters (U+E0020)": "\U000e0020",
        "spaces around a name": " ",
        "letters": "a",
        "U+FDFA (NFKC expands it 18 times)": "\ufdfa",
    }
    for what, character in texts.items():
        text = character * 10_000_000
        if character == " ":
            text = text[:5_000_000] + "Quora" + text[:5_000_000]
        started = time.perf_counter()
        medsos.lookup(text, default=None)
        medsos.search(text)
        ours = (time.perf_counter() - started) / 2
        started = time.perf_counter()
        unicodedata.normalize("NFC", text)
        base = time.perf_counter() - started
        figures[what] = {"seconds": ours, "nfc_seconds": base}
    return figures


def _subprocess_seconds(code: str, setup: str = "") -> tuple[float, float]:
    """Seconds ``code`` takes inside a fresh interpreter, and for the whole process."""
    program = f"import time\n{setup}\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    return float(result.stdout.strip()), time.perf_counter() - started


def bench_import(runs: int = 21) -> dict[str, float]:
    # attrs and cattrs were byte-compiled when pip installed them, and so is medsos by `pip install .`; an
    # editable install under PYTHONDONTWRITEBYTECODE never is, which would time our compiler, not our import.
    compileall.compile_dir(Path(medsos.__file__).parent, quiet=1)
    codes = {
        "attrs": "import attrs",
        "medsos": "import medsos",
        "attrs_cattrs": "import attrs, cattrs",
        "first_classify": "import medsos\nmedsos.classify('Quora')",
        "first_url": "import medsos\nmedsos.classify('https://m.facebook.com/story.php?id=1')",
        "first_lookup": "import medsos\nmedsos.lookup('Quora')",
        "first_typo": "import medsos\nmedsos.lookup('Lindkein')",
        "first_unknown": "import medsos\nmedsos.lookup('sepatu', default=None)",
    }
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in codes}
    for _ in range(runs):  # take turns, so that a busy moment falls on every command alike
        for name, code in codes.items():
            measured[name].append(_subprocess_seconds(code))
    inside = {name: statistics.median(m[0] for m in runs_) for name, runs_ in measured.items()}
    whole = {name: statistics.median(m[1] for m in runs_) for name, runs_ in measured.items()}
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, medsos; a = 'cattrs' in sys.modules; medsos.classify('Quora');"
         " print(a, 'cattrs' in sys.modules)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    figures = {f"{name}_ms": seconds * 1e3 for name, seconds in inside.items()}
    figures |= {
        f"{name}_ratio": inside[name] / inside["attrs_cattrs"] for name in codes if name.startswith("first")
    }
    figures["import_ratio"] = inside["medsos"] / inside["attrs"]
    figures["process_attrs_cattrs_ms"] = whole["attrs_cattrs"] * 1e3
    figures["process_first_classify_ms"] = whole["first_classify"] * 1e3
    figures["process_first_classify_ratio"] = whole["first_classify"] / whole["attrs_cattrs"]
    figures["cattrs_imported_by_import_medsos"] = float(loaded[0] == "True")
    figures["cattrs_imported_by_first_classify"] = float(loaded[1] == "True")
    return figures


def bench_bulk() -> dict[str, float]:
    hits, misses = referrer_mix(600)
    distinct = hits[:200] + misses[:100] + names()[:100]
    values = [distinct[i % len(distinct)] for i in range(1_000_000)]

    def baseline() -> None:
        answers = {value: value for value in distinct}
        [answers[value] for value in values]

    def ours() -> None:
        medsos.classify_many(values, default=None)

    base, mine = compare(baseline, ours, 1, repeats=3)
    return {"values": len(values), "distinct": len(distinct), "seconds": mine, "dict_seconds": base}


_SCALE_PROGRAM = """
import json, sys, time, tracemalloc, medsos
size, traced = int(sys.argv[1]), sys.argv[2] == "traced"
base = [p.to_dict() for p in medsos.platforms]
records = []
for i in range(size):
    record, copy = dict(base[i % len(base)]), i // len(base)
    if copy:  # another platform of the same shape: every name, host and app id made its own
        record["id"] = f"{record['id']}_{copy}"
        record["name"] = f"{record['name']} z{copy}"  # a name two to six letters longer, as names run
        for field in ("aliases", "former_names"):
            record[field] = [f"{label} z{copy}" for label in record[field]]
        record["domains"] = [f"copy{copy}-{host}" for host in record["domains"]]
        record["short_domains"] = [f"copy{copy}-{host}" for host in record["short_domains"]]
        record["app_ids"] = [f"{app_id}.copy{copy}" for app_id in record["app_ids"]]
    records.append(record)
text = json.dumps(records)
started = time.perf_counter(); json.loads(text); parse = time.perf_counter() - started
if traced:
    tracemalloc.start()
started = time.perf_counter()
registry = medsos.Registry.from_records(records)
built = time.perf_counter() - started
memory = tracemalloc.get_traced_memory()[0] if traced else 0
started = time.perf_counter()
registry.search("Instagarm")
typo = time.perf_counter() - started
typo_memory = tracemalloc.get_traced_memory()[0] - memory if traced else 0
print(json.dumps({"parse_s": parse, "build_s": built, "typo_s": typo, "build_mb": memory / 2**20,
                  "typo_mb": typo_memory / 2**20}))
"""


def bench_scale(sizes: Sequence[int]) -> dict[int, dict[str, float]]:
    """Building a Registry and its typo index at several sizes: seconds (untraced) and memory (traced)."""
    figures = {}
    for size in sizes:
        run = [sys.executable, "-c", _SCALE_PROGRAM, str(size)]
        timed = json.loads(subprocess.run([*run, "plain"], capture_output=True, text=True, check=True).stdout)
        traced = json.loads(
            subprocess.run([*run, "traced"], capture_output=True, text=True, check=True).stdout
        )
        figures[size] = {**timed, "build_mb": traced["build_mb"], "typo_mb": traced["typo_mb"]}
    return figures


def bench_pipelines(quick: bool) -> list[tuple[str, str, str, str]]:
    """The pandas column and the command line, from their own scripts beside this one."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import cli
    import pandas_column

    rows = []
    for dtype in ("default", "object"):
        f = pandas_column.measure(
            rows=200_000 if quick else 1_000_000, repeats=3 if quick else 7, dtype=dtype
        )
        rows.append((
            f"`s.medsos.classify()` on {f['rows']:,.0f} values ({f['distinct']:,.0f} distinct, {dtype} dtype) vs "
            "`s.map()` of a precomputed dict",
            f"{f['accessor_ms']:.0f} ms vs {f['baseline_ms']:.0f} ms", f"{f['ratio']:.2f}x", "at most 1.5x",
        ))  # fmt: skip
    return rows + cli.measure(200_000 if quick else 1_000_000, 3 if quick else 5)


def machine() -> str:
    """The processor, cores, system and Python of this machine, for the page's header."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def report(figures: dict[str, Any]) -> str:
    e, w, u, t, i, b = (figures[k] for k in ("exact", "unknown", "urls", "typos", "import", "bulk"))
    today = datetime.date.today().isoformat()

    def vs_cattrs(what: str, name: str, target: str = "at most 1.5x") -> tuple[str, str, str, str]:
        return (
            what,
            f"{i[name + '_ms']:.1f} ms vs {i['attrs_cattrs_ms']:.1f} ms",
            f"{i[name + '_ratio']:.2f}x",
            target,
        )

    def urls(what: str, f: dict[str, float], target: str = "at least 5x") -> tuple[str, str, str, str]:
        measured = f"{f['medsos_us']:.2f} µs vs {f['referer_parser_us']:.2f} µs per URL"
        return f"{what} ({f['urls']:.0f} distinct)", measured, f"{f['speedup']:.1f}x faster", target

    rows = [
        (
            "lookup() of an exact name vs the CPython floor (NFKC, casefold, one dict lookup)",
            f"{e['lookup_ns']:.0f} ns vs {e['floor_ns']:.0f} ns",
            f"{e['lookup_ratio']:.2f}x the floor",
            "at most 2.5x",
        ),
        (
            "classify() of an exact name vs the same floor",
            f"{e['classify_ns']:.0f} ns vs {e['floor_ns']:.0f} ns",
            f"{e['classify_ratio']:.2f}x the floor",
            "at most 2.5x",
        ),
        (
            f"lookup() of an unknown word ({w['words']:.0f} ordinary words) vs the same floor",
            f"{w['medsos_us']:.1f} µs vs {w['floor_ns']:.0f} ns",
            f"{w['ratio']:.0f}x the floor",
            "within 10 µs",
        ),
        urls("URLs vs referer-parser 0.4.1, the mix: half social, half not, 40 to 400 characters", u["mix"]),
        urls("URLs vs referer-parser, the mix's social half (hits)", u["hits"], target=""),
        urls("URLs vs referer-parser, the mix's other half (misses)", u["misses"]),
    ]
    if "snowplow" in u:
        rows.append(urls("URLs vs referer-parser, Snowplow's own test referrers", u["snowplow"], target=""))
    rows += [
        (f"Typo search vs difflib.get_close_matches over {t['names']:.0f} names",
         f"{t['medsos_us']:.1f} µs vs {t['difflib_us']:.0f} µs per typo", f"{t['speedup']:.0f}x faster", "at least 20x"),
        ("import medsos vs import attrs", f"{i['medsos_ms']:.1f} ms vs {i['attrs_ms']:.1f} ms",
         f"{i['import_ratio']:.2f}x", "at most 1.3x"),
        vs_cattrs("import + first classify() vs import attrs, cattrs (inside the interpreter)", "first_classify"),
        vs_cattrs("import + first classify() of a URL vs import attrs, cattrs", "first_url"),
        vs_cattrs("import + first lookup() vs import attrs, cattrs", "first_lookup"),
        vs_cattrs("import + first lookup() of a typo vs import attrs, cattrs", "first_typo", target=""),
        vs_cattrs("import + first lookup() of an unknown word vs import attrs, cattrs", "first_unknown", target=""),
        ("import + first classify(), whole `python -c` process",
         f"{i['process_first_classify_ms']:.1f} ms vs {i['process_attrs_cattrs_ms']:.1f} ms",
         f"{i['process_first_classify_ratio']:.2f}x", "at most 1.5x"),
        (f"classify_many() over {b['values']:,.0f} values ({b['distinct']:.0f} distinct) vs a dict of the answers",
         f"{b['seconds']:.3f} s vs {b['dict_seconds']:.3f} s", f"{b['seconds'] / b['dict_seconds']:.1f}x", "well under 1 s"),
    ]  # fmt: skip
    lines = [
        "# Performance",
        "",
        "<!-- Written by benchmarks/run.py --write: do not edit by hand. -->",
        "",
        f"Measured on {today} on {machine()}, medsos {medsos.__version__}, dataset {medsos.DATASET_VERSION}.",
        "Each figure is compared with a baseline timed in the same run (best of several repeats, the two sides",
        "taking turns; import times are medians over fresh interpreters, timed inside the interpreter so that",
        'start-up is not counted). Rerun with `python benchmarks/run.py --write` after `pip install -e ".[test,bench]"`.',
        "",
        "The referrer mix: 2,000 distinct referrer URLs, 40 to 400 characters long, drawn with a fixed seed; half",
        "are of the bundled platforms' domains and short links (with `www.`, `m.` or nothing before the host), half",
        f"of {len(NON_SOCIAL_SITES)} sites that are not social media (search engines, mail, news, shops, a look-alike",
        "host); each has a path and a query string of the usual shapes (`fbclid`, `utm_source`, `q`).",
        "The unknown words are ordinary English and Indonesian words of 5 to 13 letters, the misses of a name column.",
        "",
        "| what | time | result | target |",
        "|---|---|---|---|",
    ]
    lines += [f"| {what} | {time_} | {result} | {target} |" for what, time_, result, target in rows]
    lines += [
        "",
        "## Columns, files and pipelines",
        "",
        "The pandas accessor on a column of referrer-like values (names, hosts, URLs, non-social URLs, repeated",
        "with a long-tailed frequency), and the command line as whole processes (medians of alternating turns)",
        "on 1,000,000 lines or CSV rows of the same values, each against the plainest code a user could write.",
        "",
        "| what | time | result | target |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {what} | {time_} | {result} | {target} |" for what, time_, result, target in figures["pipelines"]
    ]
    lines += [
        "",
        f"`import medsos` imports cattrs: {'yes' if i['cattrs_imported_by_import_medsos'] else 'no'}; "
        f"the first classify() imports it: {'yes' if i['cattrs_imported_by_first_classify'] else 'no'}.",
        "medsos is byte-compiled before the import figures are taken, as `pip install` does and as attrs and",
        "cattrs are.",
        "",
        "## Hostile input",
        "",
        "One lookup() and one search() of 10 MB of a single character (10 MB of spaces with a name in the middle),",
        "each against one Unicode normalisation (NFC) pass over the same text: the work is linear in the text.",
        "",
        "| text | medsos, per call | one NFC pass | target |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {what} | {f['seconds']:.3f} s | {f['nfc_seconds']:.3f} s | under 0.5 s |"
        for what, f in figures["hostile"].items()
    ]
    if figures.get("scale"):
        lines += [
            "",
            "## Building a registry",
            "",
            "`Registry.from_records()` over copies of the bundled records made distinct (`Facebook z3`, `copy3-",
            "facebook.com`: every name, host and app id its own, names a few letters longer), then the typo index,",
            "built on the first typo; seconds untraced, memory as tracemalloc",
            "counts it in a second run. The baseline is parsing the same records from JSON.",
            "",
            "| platforms | json.loads of the records | build | typo index | registry memory | typo index memory |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {size:,} | {f['parse_s']:.2f} s | {f['build_s']:.2f} s | {f['typo_s']:.2f} s | "
            f"{f['build_mb']:.0f} MB | {f['typo_mb']:.0f} MB |"
            for size, f in figures["scale"].items()
        ]
    lines += [
        "",
        "## How",
        "",
        "Text is read once into a small value (its host, app id, name key, campaign source), which one index",
        "matches; see [matching](matching.md). Exact names, hosts and app ids are one dict lookup of the folded",
        "text, and classify() answers from the type of each key without building a platform record. URLs are cut",
        "to their host by one regex, without `urllib`, and the host's suffixes are looked up longest first. The",
        "bundled registry builds name keys, and structures a platform record with cattrs, only when first needed.",
        "Typos go through a delete-variant (SymSpell-style) index built on first use: a query's one-letter",
        "deletions are looked up among the keys' deletions of up to two letters. `classify_many` classifies each",
        "distinct value once.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the medsos benchmarks.")
    parser.add_argument("--write", action="store_true", help="write docs/performance.md")
    parser.add_argument("--quick", action="store_true", help="fewer repeats and no 70,000-platform registry")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {
        "exact": bench_exact_names(),
        "unknown": bench_unknown_words(),
        "urls": bench_urls(),
        "typos": bench_typos(),
        "import": bench_import(runs=5 if args.quick else 21),
        "bulk": bench_bulk(),
        "hostile": bench_hostile(),
        "scale": bench_scale((700, 7_000) if args.quick else (700, 7_000, 70_000)),
        "pipelines": bench_pipelines(args.quick),
    }
    print(json.dumps(figures, indent=2, default=str))
    text = report(figures)
    print(text)
    if args.write:
        (ROOT / "docs" / "performance.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
