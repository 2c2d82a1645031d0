"""The attrs models: validation, conversion, immutability, and the cattrs round trip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medsos
from medsos import DatasetError, Platform, Registry
from medsos._dataset import _read_json, structure_platforms, structure_taxonomy


def _forum_qna() -> tuple[medsos.PlatformType, medsos.Subtype]:
    forum = medsos.types["forum"]
    return forum, forum.subtype("qna")


def make(**changes: object) -> Platform:
    forum, qna = _forum_qna()
    fields: dict[str, object] = {"id": "askhere", "name": "AskHere", "type": forum, "subtype": qna}
    fields.update(changes)
    return Platform(**fields)  # type: ignore[arg-type]


def test_defaults_are_empty_and_active() -> None:
    platform = make()
    assert platform.aliases == ()
    assert platform.domains == ()
    assert platform.app_ids == ()
    assert platform.status == "active"
    assert platform.closed is None
    assert platform.is_active


def test_lists_become_tuples_and_domains_lower_case() -> None:
    platform = make(aliases=["Ask"], domains=["AskHere.Example"])
    assert platform.aliases == ("Ask",)
    assert platform.domains == ("askhere.example",)


@pytest.mark.parametrize(
    "changes",
    [
        {"id": "Ask Here"},
        {"name": ""},
        {"aliases": "Ask"},
        {"aliases": [""]},
        {"domains": ["https://askhere.example/"]},
        {"domains": ["askhere"]},
        {"app_ids": ["not an app id"]},
        {"country": "Indonesia"},
        {"status": "dormant"},
        {"closed": 2020},
        {"status": "defunct", "closed": 2001, "launched": 2005},
        {"launched": "2005"},
        {"subtype": medsos.types.subtype("blog.newsletter")},
        {"secondary_types": [medsos.types["forum"]]},
        {"secondary_types": [medsos.types["blog"], medsos.types["blog"]]},
        {"secondary_types": ["blog"]},
    ],
)
def test_invalid_fields_are_rejected(changes: dict[str, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        make(**changes)


def test_a_defunct_platform_may_lack_its_closing_year() -> None:
    platform = make(status="defunct")
    assert platform.closed is None
    assert not platform.is_active
    assert make(status="defunct", closed=2010, launched=2004).closed == 2010


def test_platforms_are_frozen_and_slotted() -> None:
    platform = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        platform.name = "Other"  # type: ignore[misc]
    assert not hasattr(platform, "__dict__")


def test_types_hash_and_compare_by_value() -> None:
    forum = medsos.types["forum"]
    assert hash(forum) == hash(attrs.evolve(forum))
    assert {make(), make()} == {make()}


@given(st.sampled_from(sorted(p.id for p in medsos.platforms)))
def test_every_record_survives_a_round_trip(platform_id: str) -> None:
    platform = medsos.platforms[platform_id]
    data = platform.to_dict()
    assert isinstance(data["type"], str)
    raw = next(r for r in _read_json("platforms.json")["platforms"] if r["id"] == platform_id)
    assert {key: value for key, value in data.items() if key in raw} == raw
    (again,) = structure_platforms([data], tuple(medsos.types))
    assert again == platform


def test_unknown_keys_are_errors() -> None:
    data = medsos.platforms["quora"].to_dict()
    data["followers"] = 1
    with pytest.raises(DatasetError, match="quora"):
        structure_platforms([data], tuple(medsos.types))


def test_unknown_type_is_an_error() -> None:
    data = medsos.platforms["quora"].to_dict()
    data["type"] = "television"
    with pytest.raises(DatasetError, match="television"):
        structure_platforms([data], tuple(medsos.types))


def test_taxonomy_is_structured_strictly() -> None:
    taxonomy, languages = structure_taxonomy(_read_json("taxonomy.json"))
    assert languages[:2] == ("en", "id")
    assert [str(platform_type) for platform_type in taxonomy] == list(medsos._models.TYPE_IDS)
    assert taxonomy[4].subtype("qna").labels["en"] == medsos.types["forum"].subtype("qna").labels["en"]


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda types: types[0].update(colour="red"), "invalid type blog: .*colour"),
        (
            lambda types: types[1]["subtypes"][0].update(labels={"en": "Only"}),
            "social_network: labels lacks text in id",
        ),
        (lambda types: types[2].pop("subtypes"), "invalid type microblog: it lacks 'subtypes'"),
        (lambda types: types[3].update(subtypes="video"), "media_sharing: .*must be a mapping, not str"),
    ],
)
def test_taxonomy_errors_name_the_type(damage: Callable[[list[dict[str, Any]]], object], said: str) -> None:
    data = _read_json("taxonomy.json")
    damage(data["types"])
    with pytest.raises(DatasetError, match=said):
        structure_taxonomy(data)


def test_registry_from_records() -> None:
    registry = Registry.from_records(
        [
            {"id": "askhere", "name": "AskHere", "type": "forum", "subtype": "forum.qna",
             "aliases": ["ask-here"], "domains": ["askhere.example"]},
        ]
    )  # fmt: skip
    assert registry.classify("ask here").id == "forum"
    assert registry.lookup("https://www.askhere.example/q/1").name == "AskHere"
    assert registry.lookup("Quora", default=None) is None
    assert len(registry.platforms) == 1


def test_registry_rejects_keys_claimed_twice() -> None:
    first = make()
    second = make(id="askthere", name="AskThere", aliases=["Ask Here"])
    with pytest.raises(DatasetError, match="share the key"):
        Registry([first, second])
    with pytest.raises(DatasetError, match="share the key"):
        Registry([make(domains=["a.example"]), make(id="b", name="B", domains=["a.example"])])
    with pytest.raises(DatasetError, match="used twice"):
        Registry([make(), make(name="Other")])


def test_custom_registry_does_not_touch_the_bundled_one() -> None:
    before = len(medsos.platforms)
    Registry([*medsos.platforms.of_type("forum")[:3], make()])
    assert len(medsos.platforms) == before
    assert medsos.lookup("AskHere", default=None) is None


@pytest.mark.parametrize(
    ("bad", "said"),
    [
        ({"id": "Bad Id"}, "'id' must be snake_case"),
        ({"country": "Indonesia"}, "'country' must match"),
        ({"launched": "2004"}, "'launched' must be"),
        ({"status": "dead"}, "'status' must be in"),
        ({"type": "tv"}, "unknown type 'tv'"),
        ({"followers": 3}, "unknown key 'followers'"),
    ],
)
def test_record_errors_are_short_and_name_the_field(bad: dict[str, object], said: str) -> None:
    record = {
        "id": "x",
        "name": "X1",
        "type": "forum",
        "subtype": "forum.qna",
        "domains": ["x1.example"],
        **bad,
    }
    with pytest.raises(DatasetError) as info:
        Registry.from_records([record])
    assert said in str(info.value)
    assert "Attribute(" not in str(info.value)


@pytest.mark.parametrize(
    ("records", "said"),
    [
        (
            [{"id": "x", "name": "X1", "type": "forum", "subtype": "forum.qna", "domains": ["co.uk"]}],
            "public suffix",
        ),
        ([{"id": "x", "name": "X1", "type": "forum", "subtype": "forum.qna", "launched": True}], "year"),
        (
            [{"id": "x", "name": "X1", "type": "forum", "subtype": "forum.qna", "aliases": ["a" * 300]}],
            "too long",
        ),
        ({"id": "x", "name": "X1", "type": "forum", "subtype": "forum.qna"}, "list of records"),
        (["facebook"], "mapping"),
    ],
)
def test_from_records_refuses_what_it_cannot_use(records: object, said: str) -> None:
    with pytest.raises(DatasetError, match=said):
        Registry.from_records(records)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("threshold", "error"), [(float("nan"), ValueError), ("74", TypeError), (0, ValueError)]
)
def test_fuzzy_threshold_is_checked(threshold: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        Registry([], fuzzy_threshold=threshold)  # type: ignore[arg-type]
