"""Invariants of the bundled dataset: schema, uniqueness, placement, plausible facts, generated docs."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pycountry
import pytest

import medsos
from medsos._text import name_key

ROOT = Path(__file__).resolve().parent.parent
DATA = files("medsos").joinpath("data")


def read(name: str) -> Any:
    return json.loads(DATA.joinpath(name).read_text(encoding="utf-8"))


PLATFORMS_JSON = read("platforms.json")
RECORDS: list[dict[str, Any]] = PLATFORMS_JSON["platforms"]
THIS_YEAR = datetime.date.today().year


@pytest.mark.parametrize(
    ("data", "schema"),
    [("platforms.json", "platforms.schema.json"), ("taxonomy.json", "taxonomy.schema.json")],
)
def test_data_matches_its_schema(data: str, schema: str) -> None:
    validator = jsonschema.Draft202012Validator(read(schema))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(read(data))]
    assert errors == []


def test_schema_rejects_what_it_should() -> None:
    validator = jsonschema.Draft202012Validator(read("platforms.schema.json"))
    record = dict(RECORDS[0])
    for bad in ({"type": "tv"}, {"domains": ["https://x.com"]}, {"followers": 3}, {"launched": "2004"}):
        assert not validator.is_valid({"dataset_version": "2026.01.01", "platforms": [{**record, **bad}]}), (
            bad
        )


def test_enough_platforms_of_every_type() -> None:
    assert len(medsos.platforms) == len(RECORDS) >= 400
    per_type = Counter(p.type.id for p in medsos.platforms)
    assert set(per_type) == {t.id for t in medsos.types}
    assert min(per_type.values()) >= 15, per_type


def test_every_subtype_has_a_platform() -> None:
    used = {p.subtype.id for p in medsos.platforms}
    assert [s.id for t in medsos.types for s in t.subtypes if s.id not in used] == []


def test_ids_are_unique_and_sorted() -> None:
    ids = [r["id"] for r in RECORDS]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))


def test_no_key_is_claimed_by_two_platforms() -> None:
    # The Registry refuses such data at load; this names the offenders directly.
    owners: dict[tuple[str, str], set[str]] = {}
    for r in RECORDS:
        for label in (r["name"], *r["aliases"], *r["former_names"]):
            owners.setdefault(("name", name_key(label)), set()).add(r["id"])
        for domain in (*r["domains"], *r["short_domains"]):
            owners.setdefault(("host", domain), set()).add(r["id"])
        for app_id in r["app_ids"]:
            owners.setdefault(("app", app_id.casefold()), set()).add(r["id"])
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_aliases_are_not_domains_or_repeats() -> None:
    problems = []
    for r in RECORDS:
        keys = [name_key(label) for label in (r["name"], *r["aliases"], *r["former_names"])]
        if len(keys) != len(set(keys)):
            problems.append(f"{r['id']}: a name or alias repeats another after normalisation")
        problems += [
            f"{r['id']}: alias {a!r} looks like a domain" for a in r["aliases"] if a.lower() in r["domains"]
        ]
    assert problems == []


def test_subtypes_belong_to_their_type_and_secondaries_differ() -> None:
    for r in RECORDS:
        assert r["subtype"].split(".")[0] == r["type"], r["id"]
        assert r["type"] not in r["secondary_types"], r["id"]


def test_facts_are_plausible() -> None:
    problems = []
    for r in RECORDS:
        launched, closed = r["launched"], r["closed"]
        if launched is not None and not 1978 <= launched <= THIS_YEAR:
            problems.append(f"{r['id']}: launched {launched}")
        if r["status"] != "defunct" and closed is not None:
            problems.append(f"{r['id']}: status {r['status']} with closing year {closed}")
        if closed is not None and not (launched or 1978) <= closed <= THIS_YEAR:
            problems.append(f"{r['id']}: closed {closed}")
        if r["country"] is not None and pycountry.countries.get(alpha_2=r["country"]) is None:
            problems.append(f"{r['id']}: country {r['country']}")
    assert problems == []


def test_app_ids_are_well_formed() -> None:
    app_id = re.compile(r"[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+")
    assert [a for p in medsos.platforms for a in p.app_ids if not app_id.fullmatch(a)] == []


def test_every_domain_resolves_to_its_own_platform() -> None:
    wrong = {
        domain: medsos.lookup(domain, default=None, fuzzy=False)
        for platform in medsos.platforms
        for domain in (*platform.domains, *platform.short_domains)
        if medsos.lookup(domain, default=None, fuzzy=False) is not platform
    }
    assert wrong == {}


@pytest.mark.parametrize(
    "text",
    [
        "google.com", "www.google.co.id", "bing.com", "yahoo.com", "mail.ru", "go.mail.ru", "qq.com",
        "mail.google.com", "outlook.live.com", "gmail.com", "bit.ly", "tinyurl.com", "amazon.com",
        "tokopedia.com", "shopee.co.id", "kompas.com", "detik.com", "nytimes.com", "netflix.com",
        "login.live.com", "sites.google.com", "wordpress.org",
    ],
)  # fmt: skip
def test_non_platforms_stay_unknown(text: str) -> None:
    assert medsos.lookup(text, default=None) is None


def test_most_defunct_platforms_carry_their_closing_year() -> None:
    # A closing year nobody could confirm stays empty; those are few and listed in docs/data.md.
    defunct = [p for p in medsos.platforms if p.status == "defunct"]
    without_year = [p.id for p in defunct if p.closed is None]
    assert len(defunct) >= 60
    assert len(without_year) <= len(defunct) // 4, without_year


def test_defunct_platforms_from_old_data() -> None:
    for name in ("Friendster", "Orkut", "Google+", "Vine", "Path"):
        platform = medsos.lookup(name)
        assert platform.status == "defunct", name
        assert platform.closed is not None, name


def test_renames_resolve_to_the_current_platform() -> None:
    for old, new in (("Twitter", "X"), ("Wikia", "Fandom"), ("musical.ly", "TikTok")):
        assert medsos.lookup(old).name == new
        assert old in medsos.lookup(old).former_names


def test_indonesian_and_southeast_asian_platforms() -> None:
    for name in (
        "Kaskus",
        "Kompasiana",
        "Brainly",
        "LINE",
        "MiChat",
        "Lemon8",
        "Likee",
        "Snack Video",
        "Wattpad",
    ):
        assert medsos.lookup(name, fuzzy=False).name.casefold().replace(" ", "") == name.casefold().replace(
            " ", ""
        )
    for alias, name in (("fesbuk", "Facebook"), ("WA", "WhatsApp")):
        assert medsos.lookup(alias, fuzzy=False).name == name


def test_generated_docs_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate_docs.py"), "--check"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_exclusions_really_stay_unknown() -> None:
    rows = json.loads((ROOT / "scripts" / "excluded_hosts.json").read_text(encoding="utf-8"))["excluded"]
    resolved = [row["host"] for row in rows if medsos.lookup(row["host"], default=None, fuzzy=False)]
    assert resolved == []


def test_dataset_file_is_in_canonical_form(script: Callable[[str], ModuleType]) -> None:
    text = DATA.joinpath("platforms.json").read_text(encoding="utf-8")
    assert script("scripts/write_dataset.py").render(json.loads(text)) == text, (
        "run python scripts/write_dataset.py"
    )


def test_feature_names_resolve_to_their_platform() -> None:
    for feature, platform_id in (
        ("Facebook Groups", "facebook"), ("YouTube Shorts", "youtube"), ("Instagram Reels", "instagram"),
        ("IGTV", "instagram"), ("X Spaces", "x"),
    ):  # fmt: skip
        assert medsos.lookup(feature, fuzzy=False).id == platform_id
