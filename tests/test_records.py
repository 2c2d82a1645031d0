"""Records that travel: every public record and collection pickles, deep-copies, stays frozen and orders."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from typing import Any

import attrs
import pytest

import medsos

RECORDS: list[Any] = []


def travelling() -> list[tuple[str, Any]]:
    registry = medsos.load()
    custom = medsos.Registry(medsos.platforms.of_type("forum")[:5], not_typos=["kasus"], fuzzy_threshold=80)
    return [
        ("type", medsos.types["forum"]),
        ("subtype", medsos.types.subtype("forum.qna")),
        ("platform", medsos.lookup("fb")),
        ("platform with secondary types", medsos.lookup("Facebook")),
        ("match", medsos.search("Instagarm")[0]),
        ("search results", medsos.search("face")),
        ("types", medsos.types),
        ("platforms", medsos.platforms),
        ("platforms of a type", medsos.platforms.of_type("microblog")),
        ("bundled registry", registry),
        ("registry", custom),
        ("unknown platform error", medsos.UnknownPlatformError("x", ("Quora",))),
    ]


@pytest.mark.parametrize(("what", "record"), travelling(), ids=[what for what, _ in travelling()])
def test_records_pickle_and_deep_copy_equal(what: str, record: Any) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(record, protocol=protocol))
        assert type(restored) is type(record)
        if isinstance(record, Exception):
            assert str(restored) == str(record)
        else:
            assert restored == record, what
    assert copy.deepcopy(record) == record if not isinstance(record, Exception) else True
    assert copy.copy(record) == record if not isinstance(record, Exception) else True


def test_the_bundled_registry_unpickles_as_the_bundled_registry() -> None:
    assert pickle.loads(pickle.dumps(medsos.load())) is medsos.load()


def test_a_custom_registry_unpickles_with_its_own_rules() -> None:
    custom = medsos.Registry(medsos.platforms.of_type("forum"), not_typos=["kaskuz"], fuzzy_threshold=90)
    restored = pickle.loads(pickle.dumps(custom))
    assert restored.fuzzy_threshold == 90
    assert len(restored.platforms) == len(custom.platforms)
    assert restored.lookup("kaskuz", default=None) is None  # its own not-typo
    assert medsos.lookup("kaskuz").id == "kaskus"  # a typo for the bundled registry


def test_unpickled_records_stay_frozen() -> None:
    platform = pickle.loads(pickle.dumps(medsos.lookup("Quora")))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        platform.name = "Not Quora"
    platform_type = pickle.loads(pickle.dumps(medsos.types["blog"]))
    with pytest.raises(TypeError):
        platform_type.labels["en"] = "Vlog"
    assert medsos.types["blog"].label("en") == "Blog"


def _classify_in_a_worker(values: list[str]) -> list[medsos.Platform | None]:
    return medsos.lookup_many(values, default=None)


def test_records_come_back_from_worker_processes() -> None:
    values = [["fb", "Quora"], ["kaskus.co.id", "nope"], ["https://t.co/x", "Lindkein"]]
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing shared but the pickles
    with context.Pool(2) as pool:
        results = pool.map(_classify_in_a_worker, values)
    assert results == [medsos.lookup_many(chunk, default=None) for chunk in values]
    assert results[1][1] is None
    assert [p.type for p in results[0] if p is not None] == ["social_network", "forum"]


def test_types_order_as_the_source_article_lists_them() -> None:
    article = ["blog", "social_network", "microblog", "media_sharing", "forum", "collaboration"]
    shuffled = [medsos.types[type_id] for type_id in reversed(article)]
    assert [str(t) for t in sorted(shuffled)] == article
    assert medsos.types["blog"] < medsos.types["collaboration"]
    assert max(medsos.types) == "collaboration"
    with pytest.raises(TypeError):
        _ = medsos.types["blog"] < "forum"


def test_subtypes_order_by_type_then_id() -> None:
    subtypes = [s for t in medsos.types for s in t.subtypes]
    backwards = subtypes[::-1]
    ordered = sorted(backwards)
    assert [s.type_id for s in ordered] == sorted(
        (s.type_id for s in subtypes), key=[str(t) for t in medsos.types].index
    )
    assert ordered[0].type_id == "blog"


def test_platforms_order_by_id() -> None:
    chosen = [medsos.lookup(name) for name in ("Quora", "Facebook", "Kaskus", "X")]
    assert [p.id for p in sorted(chosen)] == sorted(p.id for p in chosen)
    assert list(medsos.platforms) == sorted(medsos.platforms)


def test_a_platform_repr_is_one_short_line() -> None:
    for platform in medsos.platforms:
        text = repr(platform)
        assert "\n" not in text
        assert len(text) <= 80 + len(platform.name) + len(platform.id)
        assert text.startswith("Platform(id=")
    assert repr(medsos.platforms.of_type("forum")).startswith("<PlatformCollection of ")


def test_to_dict_round_trips_through_from_records() -> None:
    records = [platform.to_dict() for platform in medsos.platforms]
    rebuilt = medsos.Registry.from_records(records)
    assert rebuilt.platforms == medsos.platforms
    assert medsos.types["forum"].to_dict()["subtypes"][0]["id"].startswith("forum.")
    records[0]["aliases"].append("changed")  # the dict is the caller's own
    assert "changed" not in medsos.platforms[records[0]["id"]].aliases
