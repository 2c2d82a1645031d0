"""Hostile input, wrong types, mistakes of every kind: each gets one clear, documented answer."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medsos

# -- text of any length and content ----------------------------------------------------------------------------


def test_ten_megabytes_of_anything_are_answered(tmp_path: object) -> None:
    # A hang guard, not a timing: benchmarks/run.py measures these (docs/performance.md).  In a fresh
    # interpreter, one lookup and one search of each text must finish long before the timeout.
    code = (
        "import medsos\n"
        "texts = ['\\x00', '\\u0600', '\\u200b', '\\U000e0020', 'a', '.', '/', '\\ufdfa']\n"
        "answers = [medsos.lookup(ch * 10_000_000, default=None) for ch in texts]\n"
        "answers += [len(medsos.search(ch * 10_000_000)) for ch in texts]\n"
        "padded = ' ' * 5_000_000 + 'Quora' + '\\u200b' * 5_000_000\n"
        "print(answers.count(None), sum(a for a in answers if a is not None), medsos.lookup(padded).id)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.split() == ["8", "0", "quora"], result.stderr


@given(st.text(max_size=50), st.integers(min_value=0, max_value=3))
def test_wrapping_repeated_around_text_does_not_change_the_answer(text: str, times: int) -> None:
    wrapped = " \u200b«" * times + text + "»\ufeff " * times
    assert medsos.lookup(wrapped, default=None) == medsos.lookup(" «" + text + "» ", default=None)


# -- wrong types and wrong records -----------------------------------------------------------------------------

RECORD = {
    "id": "example",
    "name": "Example",
    "type": "forum",
    "subtype": "forum.qna",
    "secondary_types": [],
    "aliases": [],
    "former_names": [],
    "domains": ["example.org"],
    "short_domains": [],
    "app_ids": [],
    "country": None,
    "launched": None,
    "status": "active",
    "closed": None,
}


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("name", None, "name"),
        ("name", 42, "name"),
        ("id", None, "'id' must be snake_case"),
        ("id", 7, "'id' must be snake_case"),
        ("aliases", "fb", "list of strings"),
        ("aliases", [None], "aliases"),
        ("domains", [3], "domains"),
        ("launched", "2004", "year"),
        ("launched", True, "year"),
        ("type", 1, "unknown type"),
        ("status", "closed", "status"),
    ],
)
def test_wrong_types_in_records_are_dataset_errors(field: str, value: object, said: str) -> None:
    with pytest.raises(medsos.DatasetError) as info:
        medsos.Registry.from_records([{**RECORD, field: value}])
    assert said in str(info.value)
    assert "None" not in [p.name for p in medsos.platforms]


@pytest.mark.parametrize("records", [None, 42, "example", b"x", {"id": "x"}, [None], [42]])
def test_what_is_not_a_list_of_records_is_a_dataset_error(records: object) -> None:
    with pytest.raises(medsos.DatasetError, match="record"):
        medsos.Registry.from_records(records)  # type: ignore[arg-type]


def test_a_registry_takes_platform_records_only() -> None:
    with pytest.raises(TypeError, match="Platform records"):
        medsos.Registry([RECORD])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not_typos"):
        medsos.Registry(medsos.platforms, not_typos="kasus")


@pytest.mark.parametrize(
    "ask",
    [
        lambda: medsos.types["forums"],
        lambda: medsos.types.subtype("forum.question"),
        lambda: medsos.types["forum"].subtype("question"),
        lambda: medsos.platforms["no_such_platform"],
        lambda: medsos.platforms.of_type("forums"),
        lambda: medsos.platforms.of_subtype("forum.question"),
        lambda: medsos.lookup("Quora").is_a("forums"),
        lambda: medsos.types["forum"].label("xx"),
    ],
)
def test_an_unknown_id_is_one_exception_a_key_error_and_a_value_error(ask: object) -> None:
    with pytest.raises(medsos.UnknownIdError) as info:
        ask()  # type: ignore[operator]
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, ValueError)
    assert str(info.value).startswith("unknown ")  # a sentence, not KeyError's quoted repr


@pytest.mark.parametrize("value", [None, 3, 3.5, b"fb", ["fb"]])
def test_what_is_not_text_is_a_type_error(value: object) -> None:
    for ask in (medsos.classify, medsos.lookup):
        with pytest.raises(TypeError, match="str"):
            ask(value, default=None)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="str"):
        medsos.search(value)  # type: ignore[arg-type]


# -- nothing a caller does changes the shared dataset ----------------------------------------------------------


def test_public_records_and_collections_cannot_be_changed() -> None:
    quora = medsos.lookup("Quora")
    forum = medsos.types["forum"]
    with pytest.raises(AttributeError):
        quora.type = medsos.types["blog"]  # type: ignore[misc]
    with pytest.raises(TypeError):
        forum.labels["en"] = "Blog"  # type: ignore[index]
    with pytest.raises(TypeError):
        forum.marketing_uses["en"] += ("spam",)  # type: ignore[index]
    with pytest.raises(AttributeError):
        quora.aliases.append("x")  # type: ignore[attr-defined]
    for collection in (medsos.platforms, medsos.types, medsos.load()):
        with pytest.raises(AttributeError):
            collection.extra = 1  # type: ignore[union-attr]
    results = medsos.search("Quora")
    results.clear()  # the caller's own list
    assert medsos.search("Quora")[0].platform == quora
    forum.to_dict()["labels"]["en"] = "Blog"
    assert medsos.classify("Quora").label("en") == "Forum"


# -- each registry has its own words that are not typos --------------------------------------------------------


def test_not_typos_belong_to_a_registry() -> None:
    forums = medsos.platforms.of_type("forum")
    plain = medsos.Registry(forums, not_typos=[])
    strict = medsos.Registry(forums, not_typos=["Kaskuz", "kasus"])
    assert plain.lookup("Kaskuz").id == "kaskus"
    assert strict.lookup("Kaskuz", default=None) is None
    assert medsos.lookup("kasus", default=None) is None  # the bundled list
    assert plain.lookup("kasus").id == "kaskus"  # not in this registry's (empty) list
    assert medsos.lookup("Kaskuz").id == "kaskus"


# -- discovery ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("face", "facebook"), ("linked", "linkedin"), ("twit", "x")])
def test_search_finds_platforms_by_the_start_of_their_name(text: str, expected: str) -> None:
    results = medsos.search(text)
    assert results[0].platform.id == expected
    assert results[0].matched_by == "prefix"
    assert medsos.lookup(text, default=None) is None  # discovery is search's only: lookup stays exact


def test_prefix_matches_rank_below_exact_and_typo_matches() -> None:
    results = medsos.search("Instagarm", limit=10)
    kinds = [m.matched_by for m in results]
    assert kinds[0] == "fuzzy"
    assert kinds == sorted(kinds, key=["name", "alias", "fuzzy", "prefix"].index)
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)
    assert all(m.score <= 50 for m in results if m.matched_by == "prefix")


@given(st.text(max_size=30))
def test_search_prefixes_never_change_what_lookup_accepts(text: str) -> None:
    found = medsos.lookup(text, default=None)
    best = medsos.search(text, limit=1)
    if found is not None:
        assert best[0].platform == found
    assert all(m.matched_by != "prefix" or m.score <= 50 for m in medsos.search(text))


# -- found in review --------------------------------------------------------------------------------------------


def test_a_registry_with_its_own_taxonomy_never_changes_the_bundled_records() -> None:
    import attrs

    renamed = [attrs.evolve(t, labels={**t.labels, "en": f"Own {t.id}"}) for t in medsos.types]
    record = {"id": "corp", "name": "Corp Forum", "type": "forum", "subtype": "forum.qna"}
    own = medsos.Registry.from_records([record], types=renamed)
    assert own.lookup("Corp Forum").type.label("en") == "Own forum"
    assert medsos.lookup("Quora").type.label("en") == "Forum"
    assert medsos.Registry.from_records([record]).lookup("Corp Forum").type.label("en") == "Forum"


def test_taxonomy_given_as_an_iterator_is_read_once() -> None:
    record = {"id": "corp", "name": "Corp Forum", "type": "forum", "subtype": "forum.qna"}
    own = medsos.Registry.from_records([record], types=iter(medsos.types))
    assert own.classify("Corp Forum") == "forum"


@pytest.mark.parametrize("text", ["music hall", "music-hall", "red it", "Red It"])
def test_everyday_phrases_are_no_typos_of_one_word_names(text: str) -> None:
    assert medsos.lookup(text, default=None) is None


@pytest.mark.parametrize(("text", "expected"), [("Tik Tokk", "tiktok"), ("Trip advsor", "tripadvisor")])
def test_a_name_split_in_two_keeps_its_typos(text: str, expected: str) -> None:
    assert medsos.lookup(text).id == expected


def test_an_android_referrer_names_an_app_never_a_host() -> None:
    assert medsos.lookup("android-app://fake.facebook.com/", default=None) is None
    assert medsos.lookup("android-app://m.facebook.com", default=None) is None
    assert medsos.lookup("android-app://com.linkedin.android/").id == "linkedin"
    assert medsos.lookup("com.instagram.android").id == "instagram"


def test_search_lists_the_same_candidates_whether_or_not_the_text_is_a_key() -> None:
    exact = [m.platform.id for m in medsos.search("line", limit=10)]
    padded = [m.platform.id for m in medsos.search("  line.  ", limit=10)]
    assert exact == padded
    assert len(exact) > 1


def test_prefix_scores_stay_positive_for_very_long_names() -> None:
    record = {"id": "long", "name": "Abc" + "\ufdfa" * 150, "type": "forum", "subtype": "forum.qna"}
    results = medsos.Registry.from_records([record], not_typos=[]).search("abc")
    assert [m.platform.id for m in results] == ["long"]
    assert results[0].score > 0


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: medsos.Registry(medsos.platforms, types=["forum"]), TypeError),  # type: ignore[list-item]
        (lambda: medsos.Registry(medsos.platforms, not_typos=[1]), TypeError),  # type: ignore[list-item]
        (lambda: medsos.Registry.from_records([{**RECORD, "secondary_types": "blog"}]), medsos.DatasetError),
    ],
)
def test_wrong_types_of_taxonomy_and_words_are_explained(make: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        make()  # type: ignore[operator]


def test_numpy_missing_values_are_missing() -> None:
    np = pytest.importorskip("numpy")
    values = [np.float32("nan"), np.datetime64("NaT"), np.float64("nan"), "fb"]
    assert medsos.classify_many(values, default=None) == [None, None, None, "social_network"]


def test_a_domain_listed_twice_and_a_platform_listed_twice_are_each_one_problem() -> None:
    with pytest.raises(medsos.DatasetError) as info:
        medsos.Registry.from_records([{**RECORD, "domains": ["a.example", "A.EXAMPLE"]}])
    assert "listed twice" in str(info.value)
    with pytest.raises(medsos.DatasetError) as twice:
        medsos.Registry.from_records([RECORD, RECORD])
    assert str(twice.value).count("\n") == 1  # "id 'example' is used twice", and not every key again
