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
#: Every record with every key: the file leaves out the keys that hold their defaults (scripts/write_dataset.py).
RECORDS: list[dict[str, Any]] = [platform.to_dict() for platform in medsos.platforms]
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
    assert len(medsos.platforms) == len(RECORDS) >= 1200
    per_type = Counter(p.type.id for p in medsos.platforms)
    assert set(per_type) == {t.id for t in medsos.types}
    assert min(per_type.values()) >= 25, per_type


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


SECONDARY_RULES: dict[str, Any] = json.loads((ROOT / "scripts" / "secondary_types.json").read_text("utf-8"))


def test_every_subtype_has_a_secondary_type_rule() -> None:
    rules = SECONDARY_RULES["subtypes"]
    assert sorted(rules) == sorted(s.id for t in medsos.types for s in t.subtypes)
    for subtype, rule in rules.items():
        own = subtype.split(".")[0]
        assert own not in rule["always"], subtype
        assert own not in rule["may"], subtype
        assert not set(rule["always"]) & set(rule["may"]), subtype
        assert all(
            isinstance(when, str) and when for when in (*rule["always"].values(), *rule["may"].values())
        )


def test_secondary_types_follow_the_rule_of_their_subtype() -> None:
    by_id = {r["id"]: r for r in RECORDS}
    families: dict[str, set[str]] = {}
    for family in SECONDARY_RULES["families"]:
        assert family["why"], family["name"]
        for member in family["members"]:
            assert by_id[member]["subtype"] == family["subtype"], member
            families.setdefault(member, set()).update(family["always"])
    exceptions = SECONDARY_RULES["exceptions"]
    problems = []
    for r in RECORDS:
        rule = SECONDARY_RULES["subtypes"][r["subtype"]]
        carried = set(r["secondary_types"])
        required = set(rule["always"]) | families.get(r["id"], set())
        allowed = required | set(rule["may"])
        if r["id"] in exceptions:
            if carried != set(exceptions[r["id"]]["secondary_types"]):
                problems.append(f"{r['id']}: carries {sorted(carried)}, its exception says otherwise")
            continue
        if not required <= carried:
            problems.append(f"{r['id']} ({r['subtype']}): lacks {sorted(required - carried)}")
        if not carried <= allowed:
            problems.append(
                f"{r['id']} ({r['subtype']}): {sorted(carried - allowed)} not allowed by the rule"
            )
    assert problems == []


def test_secondary_type_exceptions_are_needed_and_explained() -> None:
    by_id = {r["id"]: r for r in RECORDS}
    for platform_id, exception in SECONDARY_RULES["exceptions"].items():
        assert exception["reason"], platform_id
        rule = SECONDARY_RULES["subtypes"][by_id[platform_id]["subtype"]]
        carried = set(exception["secondary_types"])
        # An exception that the rule would accept anyway is stale.
        assert not (set(rule["always"]) <= carried <= set(rule["always"]) | set(rule["may"])), platform_id


def test_photo_short_video_and_membership_apps_carry_social_network() -> None:
    # The consistency that issue 11 asked for, stated through the public API.
    for name in ("Instagram", "Pixelfed", "VSCO", "TikTok", "Kwai", "Patreon", "Ko-fi", "Buy Me a Coffee"):
        platform = medsos.lookup(name, fuzzy=False)
        assert "social_network" in [t.id for t in platform.secondary_types], name
    for name in ("LiveJournal", "Dreamwidth", "InsaneJournal"):
        assert "social_network" in [t.id for t in medsos.lookup(name, fuzzy=False).secondary_types], name


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
    assert len(defunct) >= 150
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
    writer = script("scripts/write_dataset.py")
    assert writer.render(json.loads(text)) == text, "run python scripts/write_dataset.py"
    # What the file leaves out is exactly what a platform holds by default.
    for raw, full in zip(PLATFORMS_JSON["platforms"], RECORDS, strict=True):
        assert {**writer.DEFAULTS, **raw} == full, raw["id"]


@pytest.mark.parametrize(
    ("host", "platform_id"),
    [
        ("social.bund.de", "mastodon"), ("mstdn.jp", "mastodon"), ("fosstodon.org", "mastodon"),
        ("lemmy.world", "lemmy"), ("pixelfed.social", "pixelfed"), ("framatube.org", "peertube"),
    ],
)  # fmt: skip
def test_fediverse_servers_resolve_to_their_software(host: str, platform_id: str) -> None:
    assert medsos.lookup(f"https://{host}/@someone", fuzzy=False).id == platform_id


@pytest.mark.parametrize(
    "name", ["Linktree", "Beacons", "Taplink", "Lnk.Bio", "bio.site", "Gravatar", "Keybase", "about.me"]
)
def test_profile_pages_are_general_social_networks(name: str) -> None:
    platform = medsos.lookup(name, fuzzy=False)
    assert platform.subtype.id == "social_network.general"


@pytest.mark.parametrize(
    ("alias", "platform_id"),
    [
        ("Фейсбук", "facebook"), ("脸书", "facebook"), ("臉書", "facebook"), ("ยูทูบ", "youtube"),
        ("Ютуб", "youtube"), ("인스타그램", "instagram"), ("واتساب", "whatsapp"), ("Твиттер", "x"),
        ("领英", "linkedin"), ("スレッズ", "threads"),
    ],
)  # fmt: skip
def test_names_in_local_scripts(alias: str, platform_id: str) -> None:
    assert medsos.lookup(alias, fuzzy=False).id == platform_id


@pytest.mark.parametrize(
    "word", ["スレッド", "テレグラフ", "ディスコ", "Дискотека", "テレビ", "mundo", "simpatia", "vicino"]
)
def test_words_near_local_names_stay_unknown(word: str) -> None:
    # スレッド is a thread, テレグラフ a telegraph, ディスコ a disco; mundo, simpatia and vicino are ordinary words.
    assert medsos.lookup(word, default=None) is None


def test_feature_names_resolve_to_their_platform() -> None:
    for feature, platform_id in (
        ("Facebook Groups", "facebook"), ("YouTube Shorts", "youtube"), ("Instagram Reels", "instagram"),
        ("IGTV", "instagram"), ("X Spaces", "x"),
    ):  # fmt: skip
        assert medsos.lookup(feature, fuzzy=False).id == platform_id
