"""Conformance with public referrer lists in ../shared/anchors (developers' workspace only; skipped elsewhere)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import medsos

ROOT = Path(__file__).resolve().parent.parent
EXCLUSIONS: dict[str, Any] = json.loads((ROOT / "scripts" / "excluded_hosts.json").read_text("utf-8"))
EXCLUDED = {row["host"] for row in EXCLUSIONS["excluded"]}
EXCLUDED_TOKENS = {token for row in EXCLUSIONS["excluded"] for token in row.get("tokens", [])} | {
    row["token"] for row in EXCLUSIONS["excluded_tokens"]
}
#: Snowplow's names for platforms that medsos calls otherwise.
SNOWPLOW_NAMES = {"Workplace": "workplace_meta"}


def cases(anchors: Path, name: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = json.loads((anchors / name).read_text(encoding="utf-8"))
    return result


def cases_of(anchors: Path, name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((anchors / name).read_text(encoding="utf-8"))
    return result


def test_snowplow_social_referrers_resolve_to_their_platform(anchors: Path) -> None:
    for case in cases(anchors, "snowplow-referer-tests-social.json"):
        found = medsos.lookup(case["uri"], default=None)
        host = case["uri"].split("//", 1)[1].split("/", 1)[0]
        if host in EXCLUDED:
            assert found is None, case["spec"]
            continue
        expected = SNOWPLOW_NAMES.get(case["source"]) or medsos.lookup(case["source"], fuzzy=False).id
        assert found is not None, case["spec"]
        assert found.id == expected, case["spec"]


def test_snowplow_other_referrers_stay_unknown(anchors: Path) -> None:
    # Search engines, webmail, chatbots and ads: none of them is social media.
    resolved = {
        case["uri"]: found.name
        for case in cases(anchors, "snowplow-referer-tests-nonsocial.json")
        if (found := medsos.lookup(case["uri"], default=None)) is not None
    }
    assert resolved == {}


def test_coverage_does_not_fall(anchors: Path, script: Callable[[str], ModuleType]) -> None:
    # Floors at the figures of the dataset of issue 11 (docs/data.md): a change that loses coverage fails here.
    figures = script("scripts/coverage.py").measure(anchors)
    share = {key: row["resolved"] / row["total"] for key, row in figures.items()}
    assert share["matomo"] >= 0.978
    assert share["snowplow"] >= 0.955
    assert share["ga4_hosts"] >= 0.78
    assert share["ga4_tokens"] >= 0.745


def test_everything_unresolved_is_a_documented_exclusion(
    anchors: Path, script: Callable[[str], ModuleType]
) -> None:
    figures = script("scripts/coverage.py").measure(anchors)
    assert [h for h in figures["ga4_hosts"]["missed"] if h not in EXCLUDED] == []
    assert [t for t in figures["ga4_tokens"]["missed"] if t not in EXCLUDED_TOKENS] == []
    for key in ("matomo", "snowplow"):
        entries = cases(anchors, f"{key}-socials.json" if key == "matomo" else "snowplow-social.json")
        unresolved = {
            d for e in entries for d in e["domains"] if medsos.lookup(d, default=None, fuzzy=False) is None
        }
        assert sorted(unresolved - EXCLUDED) == [], key


def test_excluded_tokens_stay_unknown_and_name_their_host(anchors: Path) -> None:
    ga4 = {s for s in cases_of(anchors, "ga4-social-sources.json")["social_sources"] if "." not in s}
    for row in EXCLUSIONS["excluded"]:
        for token in row.get("tokens", []):
            assert token in ga4, token
            assert medsos.lookup(token, default=None, fuzzy=False) is None, token
    for row in EXCLUSIONS["excluded_tokens"]:
        assert row["token"] in ga4, row
        assert row["reason"], row
        assert medsos.lookup(row["token"], default=None, fuzzy=False) is None, row
