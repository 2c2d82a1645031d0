"""The public API: names, error contract, collections, immutability."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import medsos

GOLDEN = json.loads((Path(__file__).parent / "fixtures" / "golden.json").read_text(encoding="utf-8"))["cases"]


def test_all_names_resolve() -> None:
    assert sorted(medsos.__all__) == medsos.__all__
    for name in medsos.__all__:
        assert getattr(medsos, name) is not None, name


def test_star_import_gives_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from medsos import *", namespace)
    assert set(medsos.__all__) <= set(namespace)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        _ = medsos.no_such_thing


@pytest.mark.parametrize("case", GOLDEN, ids=[repr(c["input"]) for c in GOLDEN])
def test_golden_case(case: dict[str, str | None]) -> None:
    text = case["input"]
    assert text is not None
    platform = medsos.lookup(text, default=None)
    if case["platform"] is None:
        assert platform is None
        assert medsos.classify(text, default=None) is None
    else:
        assert platform is not None
        assert platform.id == case["platform"]
        assert str(medsos.classify(text)) == case["type"]


def test_source_article_examples() -> None:
    expected = {
        "WordPress": "blog", "Blogger": "blog",
        "Facebook": "social_network", "LinkedIn": "social_network",
        "Twitter": "microblog",
        "YouTube": "media_sharing", "SoundCloud": "media_sharing", "Instagram": "media_sharing",
        "Flickr": "media_sharing",
        "Kaskus": "forum", "Quora": "forum",
        "Wikipedia": "collaboration",
    }  # fmt: skip
    assert {name: medsos.classify(name).id for name in expected} == expected


def test_unknown_raises_lookup_error_with_the_query() -> None:
    with pytest.raises(medsos.UnknownPlatformError) as info:
        medsos.classify("qwzxv")
    assert isinstance(info.value, LookupError)
    assert info.value.query == "qwzxv"
    assert "qwzxv" in str(info.value)


def test_unknown_error_suggests_close_names() -> None:
    with pytest.raises(medsos.UnknownPlatformError) as info:
        medsos.lookup("Instagrm", fuzzy=False)
    assert "Instagram" in info.value.suggestions
    assert "Instagram" in str(info.value)


def test_unknown_error_pickles() -> None:
    error = medsos.UnknownPlatformError("x y", ("Quora",))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.query, copy.suggestions, str(copy)) == (error.query, error.suggestions, str(error))


def test_default_is_returned_for_unknown_input() -> None:
    assert medsos.classify("qwzxv", default=None) is None
    sentinel = object()
    assert medsos.lookup("qwzxv", default=sentinel) is sentinel


@pytest.mark.parametrize("value", [None, 42, b"Quora", ["Quora"], 3.5])
def test_non_text_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        medsos.classify(value)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        medsos.lookup(value, default=None)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        medsos.search(value)  # type: ignore[arg-type]


def test_types_in_article_order() -> None:
    assert [t.id for t in medsos.types] == [
        "blog", "social_network", "microblog", "media_sharing", "forum", "collaboration",
    ]  # fmt: skip
    assert len(medsos.types) == 6
    assert medsos.types["forum"].labels["id"] == "Forum"
    assert "forum" in medsos.types
    assert str(medsos.types["media_sharing"]) == "media_sharing"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Jejaring Sosial", "social_network"),
        ("jejaring sosial", "social_network"),
        ("Social network", "social_network"),
        ("social_network", "social_network"),
        ("Layanan Berbagi Media", "media_sharing"),
        ("Berbagi media", "media_sharing"),
        ("Kolaborasi", "collaboration"),
        ("Mikroblog", "microblog"),
    ],
)
def test_types_get_by_label_in_either_language(label: str, expected: str) -> None:
    found = medsos.types.get(label)
    assert found is not None
    assert found.id == expected


def test_types_get_unknown_label() -> None:
    assert medsos.types.get("Television") is None
    assert medsos.types.get("Television", "none") == "none"
    with pytest.raises(KeyError):
        medsos.types["television"]


def test_platform_collection() -> None:
    quora = medsos.platforms["quora"]
    assert quora.name == "Quora"
    assert medsos.platforms.get("no_such_platform") is None
    assert quora in medsos.platforms
    assert len(list(medsos.platforms)) == len(medsos.platforms)
    forums = medsos.platforms.of_type("forum")
    assert quora in forums
    assert all(p.type.id == "forum" for p in forums)
    assert medsos.platforms.of_type(medsos.types["forum"]) == forums
    with_secondary = medsos.platforms.of_type("forum", include_secondary=True)
    assert set(forums) < set(with_secondary)
    assert medsos.platforms["facebook"] in with_secondary
    assert quora in medsos.platforms.of_subtype("forum.qna")


def test_subtypes_are_reachable() -> None:
    photo = medsos.types.subtype("media_sharing.photo")
    assert photo.type_id == "media_sharing"
    assert medsos.types["media_sharing"].subtype("photo") is photo
    assert medsos.lookup("Instagram").subtype is photo
    assert photo.label("id") == "Berbagi foto"
    with pytest.raises(KeyError):
        medsos.types.subtype("media_sharing.hologram")


def test_records_are_immutable() -> None:
    quora = medsos.lookup("Quora")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quora.name = "Not Quora"  # type: ignore[misc]
    with pytest.raises(TypeError):
        quora.type.labels["en"] = "changed"  # type: ignore[index]
    with pytest.raises(AttributeError):
        quora.aliases.append("x")  # type: ignore[attr-defined]
    assert medsos.lookup("Quora").name == "Quora"
    assert medsos.types["forum"].labels["en"] == "Forum"


def test_collections_cannot_be_assigned_into() -> None:
    with pytest.raises(TypeError):
        medsos.platforms["quora"] = medsos.platforms["reddit"]  # type: ignore[index]
    with pytest.raises(TypeError):
        medsos.types["forum"] = medsos.types["blog"]  # type: ignore[index]


def test_platform_types_and_is_a() -> None:
    facebook = medsos.lookup("Facebook")
    assert facebook.types[0] is facebook.type
    assert facebook.is_a("social_network")
    assert facebook.is_a(medsos.types["forum"], include_secondary=True)
    assert not facebook.is_a("forum")
    assert str(facebook) == "Facebook"
    with pytest.raises(ValueError, match="unknown type"):
        facebook.is_a("Forum")


def test_unknown_type_and_subtype_ids_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown type"):
        medsos.platforms.of_type("forums")
    with pytest.raises(ValueError, match="unknown subtype"):
        medsos.platforms.of_subtype("forum.question")


def test_search_shape_and_order() -> None:
    results = medsos.search("Quora")
    assert results[0].platform.id == "quora"
    assert results[0].score == 100
    assert results[0].matched_by == "name"
    assert all(0 < m.score <= 100 for m in results)
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)
    assert medsos.search("Quora") == results
    assert medsos.search("qwzxv") == []
    assert medsos.search("Quora", limit=0) == []
    with pytest.raises(ValueError, match="limit"):
        medsos.search("Quora", limit=-1)


def test_search_reports_how_it_matched() -> None:
    assert medsos.search("fb")[0].matched_by == "alias"
    assert medsos.search("Twitter")[0].matched_by == "former_name"
    assert medsos.search("https://quora.com")[0].matched_by == "domain"
    assert medsos.search("https://t.co/x")[0].matched_by == "short_domain"
    assert medsos.search("com.instagram.android")[0].matched_by == "app_id"
    assert medsos.search("Instagarm")[0].matched_by == "fuzzy"


def test_classify_many_keeps_order_and_defaults() -> None:
    values = ["Quora", "fb", "nothing-here-at-all", "Quora"]
    result = medsos.classify_many(values, default=None)
    assert [t.id if t else None for t in result] == ["forum", "social_network", None, "forum"]
    with pytest.raises(medsos.UnknownPlatformError):
        medsos.classify_many(values)
    platforms = medsos.lookup_many(["Quora", "zzzz"], default=None)
    assert platforms[0] is medsos.platforms["quora"]
    assert platforms[1] is None


def test_classify_many_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        medsos.classify_many(["Quora", 42], default=None)  # type: ignore[list-item]


def test_load_returns_the_shared_registry() -> None:
    assert medsos.load() is medsos.load()
    assert isinstance(medsos.load(), medsos.Registry)


def test_dataset_version_is_a_date() -> None:
    year, month, day = (int(part) for part in medsos.DATASET_VERSION.split("."))
    assert year >= 2026
    assert 1 <= month <= 12
    assert 1 <= day <= 31


def test_the_shared_registry_cannot_be_rewired() -> None:
    registry = medsos.load()
    for name in ("platforms", "types", "fuzzy_threshold"):
        with pytest.raises(AttributeError):
            setattr(registry, name, None)


def test_types_and_subtypes_compare_equal_to_their_ids() -> None:
    forum = medsos.classify("Quora")
    assert forum == "forum"
    assert forum != "blog"
    assert "forum" == forum  # noqa: SIM300
    counts: dict[object, int] = {forum: 1}
    assert counts["forum"] == 1
    assert [str(t) for t in medsos.types if t == "blog"] == ["blog"]
    assert medsos.lookup("Quora").subtype == "forum.qna"
    assert forum != 3


def test_reprs_are_short() -> None:
    assert repr(medsos.types["forum"]) == "PlatformType(id='forum')"
    assert repr(medsos.types.subtype("forum.qna")) == "Subtype(id='forum.qna')"
    assert len(repr(medsos.lookup("Quora"))) < 500
    assert repr(medsos.search("Quora")[0]).startswith("Match(platform=<Platform 'quora'>, score=100.0")


def test_bulk_counts_missing_values_as_unknown() -> None:
    nan = float("nan")
    result = medsos.classify_many(["fb", None, nan, "fb"], default="unknown")  # type: ignore[list-item]
    assert result == ["social_network", "unknown", "unknown", "social_network"]
    with pytest.raises(medsos.UnknownPlatformError, match="missing value") as info:
        medsos.classify_many(["fb", None])  # type: ignore[list-item]
    assert info.value.missing
    assert not pickle.loads(pickle.dumps(info.value)).suggestions
    with pytest.raises(TypeError, match="str"):
        medsos.lookup_many(["fb", 3], default=None)  # type: ignore[list-item]


def test_bulk_refuses_a_single_string() -> None:
    with pytest.raises(TypeError, match="single string"):
        medsos.classify_many("facebook", default=None)
    with pytest.raises(TypeError, match="not bytes"):
        medsos.classify_many(b"fb", default=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("limit", "error"), [(True, TypeError), (-1, ValueError), (2.0, TypeError), ("3", TypeError)]
)
def test_search_limit_must_be_a_count(limit: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="limit"):
        medsos.search("fb", limit=limit)  # type: ignore[arg-type]


def test_concurrent_first_use_loads_once(tmp_path: Path) -> None:
    # In a fresh interpreter, eight threads ask at once: one registry, eight right answers.
    code = (
        "import threading, medsos\n"
        "results, registries = [], []\n"
        "def work():\n"
        "    results.append(str(medsos.classify('Quora')))\n"
        "    registries.append(id(medsos.load()))\n"
        "threads = [threading.Thread(target=work) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(sorted(set(results)), len(set(registries)))\n"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False)
    assert result.stdout.split("\n")[0] == "['forum'] 1", result.stderr


def test_concurrent_first_use_reads_each_data_file_once(tmp_path: Path) -> None:
    # Eight threads released by one barrier each ask something different first; an audit hook counts the
    # opens of the bundled data files.
    code = (
        "import sys, threading, collections, medsos\n"
        "opened = collections.Counter()\n"
        "def audit(event, args):\n"
        "    if event == 'open' and str(args[0]).endswith('.json'):\n"
        "        opened[str(args[0]).replace(chr(92), '/').rpartition('/')[2]] += 1\n"
        "sys.addaudithook(audit)\n"
        "asks = [lambda: medsos.classify('Quora'), lambda: medsos.lookup('fb'), lambda: medsos.search('Instagarm'),\n"
        "        lambda: len(medsos.platforms), lambda: list(medsos.types), lambda: medsos.DATASET_VERSION,\n"
        "        lambda: medsos.classify('Lindkein'), lambda: medsos.lookup_many(['t.co', 'Facebok'])]\n"
        "barrier = threading.Barrier(len(asks))\n"
        "errors = []\n"
        "def work(ask):\n"
        "    barrier.wait()\n"
        "    try:\n"
        "        ask()\n"
        "    except Exception as error:\n"
        "        errors.append(repr(error))\n"
        "threads = [threading.Thread(target=work, args=(ask,)) for ask in asks]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(sorted(opened.items()), errors)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.stdout.strip() == (
        "[('not_typos.json', 1), ('platforms.json', 1), ('taxonomy.json', 1)] []"
    ), result.stderr


def test_the_lazy_bundled_registry_answers_as_an_eager_one() -> None:
    # The bundled registry structures records and builds name keys on first use; a registry built eagerly from
    # the same records must answer every question the same way.
    eager = medsos.Registry(medsos.platforms)
    questions = [
        "Quora", "fb", "Lindkein", "kaskus.co.id", "https://l.facebook.com/l.php?u=x", "com.instagram.android",
        " Stack-Overflow! ", "Last.fm", "X/Twitter", "fb_ads", "t.co / social", "Instagarm", "qwzxv",
        "facebook.com.evil.example", "wordpreß.com", "DONANIMHABER", "ВКонтакте", "face",
    ]  # fmt: skip
    for text in questions:
        assert eager.match(text) == medsos.load().match(text), text
        assert eager.search(text) == medsos.search(text), text
    assert eager == medsos.load()


def test_classify_needs_no_platform_record(tmp_path: Path) -> None:
    code = (
        "import sys, medsos\n"
        "exact = ['Quora', 'kaskus.co.id', 'https://www.kaskus.co.id/x', 'android-app://com.linkedin.android/']\n"
        "print(*[medsos.classify(text) for text in exact], 'cattrs' in sys.modules)\n"
        "print(medsos.classify('Instagarm'), medsos.classify('nope', default=None), 'cattrs' in sys.modules)\n"
        "print(medsos.lookup('Quora').name, 'cattrs' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    # The type of every platform is known without its record; only lookup() structures one, with cattrs.
    assert result.stdout.split() == [
        "forum", "forum", "forum", "social_network", "False", "media_sharing", "None", "False", "Quora", "True",
    ], result.stderr  # fmt: skip
