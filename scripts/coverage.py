"""Measure how much of the public referrer lists the bundled dataset resolves.

Reads the lists in ``../shared/anchors/`` (Matomo's and Snowplow's social lists, GA4's social sources), which
exist only in the developers' workspace: without them it says so and exits 0.  Run from the repository root:

    python scripts/coverage.py            # figures
    python scripts/coverage.py --misses   # and what does not resolve
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import medsos

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = ROOT.parent / "shared" / "anchors"
EXCLUDED = ROOT / "scripts" / "excluded_hosts.json"


def _resolves(value: str) -> bool:
    return medsos.lookup(value, default=None, fuzzy=False) is not None


def measure(anchors: Path = ANCHORS) -> dict[str, Any]:
    """Coverage figures: for each list, how many entries resolve, and which do not."""
    exclusions = json.loads(EXCLUDED.read_text(encoding="utf-8"))
    excluded = {row["host"] for row in exclusions["excluded"]}
    excluded_tokens = {token for row in exclusions["excluded"] for token in row.get("tokens", [])}
    excluded_tokens |= {row["token"] for row in exclusions["excluded_tokens"]}
    figures: dict[str, Any] = {}
    for key, filename in (("matomo", "matomo-socials.json"), ("snowplow", "snowplow-social.json")):
        entries = json.loads((anchors / filename).read_text(encoding="utf-8"))
        missed = [e["name"] for e in entries if not any(_resolves(d) for d in e["domains"])]
        figures[key] = {"total": len(entries), "resolved": len(entries) - len(missed), "missed": missed}
    ga4 = json.loads((anchors / "ga4-social-sources.json").read_text(encoding="utf-8"))["social_sources"]
    hosts = sorted({s.lower() for s in ga4 if "." in s})
    missed_hosts = [h for h in hosts if not _resolves(h)]
    figures["ga4_hosts"] = {
        "total": len(hosts),
        "resolved": len(hosts) - len(missed_hosts),
        "missed": missed_hosts,
        "missed_by_choice": sorted(set(missed_hosts) & excluded),
    }
    tokens = sorted({s for s in ga4 if "." not in s})
    missed_tokens = [t for t in tokens if not _resolves(t)]
    figures["ga4_tokens"] = {
        "total": len(tokens),
        "resolved": len(tokens) - len(missed_tokens),
        "missed": missed_tokens,
        "missed_by_choice": sorted(set(missed_tokens) & excluded_tokens),
    }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="also list what does not resolve")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not ANCHORS.is_dir():
        print(f"skipped: {ANCHORS} is absent (it exists only in the developers' workspace)")
        return 0
    figures = measure()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"medsos {medsos.__version__}, dataset {medsos.DATASET_VERSION}, {len(medsos.platforms)} platforms")
    labels = {
        "matomo": "Matomo social list, platforms",
        "snowplow": "Snowplow social list, platforms",
        "ga4_hosts": "GA4 social sources, hostnames",
        "ga4_tokens": "GA4 social sources, utm tokens",
    }
    for key, label in labels.items():
        row = figures[key]
        print(
            f"{label:34} {row['resolved']:4d} / {row['total']:4d}  {100 * row['resolved'] / row['total']:5.1f}%"
        )
        if args.misses and row["missed"]:
            print("    missed: " + ", ".join(row["missed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
