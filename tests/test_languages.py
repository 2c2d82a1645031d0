"""The taxonomy in every language it lists: complete, findable by label, and written in the right script."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medsos

DATA = files("medsos").joinpath("data")
TAXONOMY: dict[str, Any] = json.loads(DATA.joinpath("taxonomy.json").read_text(encoding="utf-8"))
LANGUAGES: list[str] = TAXONOMY["languages"]
DOCS = Path(__file__).resolve().parent.parent / "docs"

RECORDS: list[medsos.PlatformType | medsos.Subtype] = []
for _type in medsos.types:
    RECORDS += [_type, *_type.subtypes]
TYPE_LABELS = [
    (platform_type.id, language, platform_type.labels[language])
    for platform_type in medsos.types
    for language in LANGUAGES
]

# The scripts of the languages that do not use the Latin alphabet, by the start of Unicode character names.
SCRIPTS: dict[str, tuple[str, ...]] = {
    "ru": ("CYRILLIC",),
    "ja": ("HIRAGANA", "KATAKANA", "CJK UNIFIED IDEOGRAPH"),
    "zh": ("CJK UNIFIED IDEOGRAPH",),
    "ko": ("HANGUL",),
    "ar": ("ARABIC",),
    "hi": ("DEVANAGARI",),
    "th": ("THAI",),
}
LATIN = ("es", "pt", "fr", "de", "tr", "vi", "ms")


def _names(text: str) -> list[str]:
    return [unicodedata.name(ch, "") for ch in text if ch.isalpha()]


def _in_script(text: str, prefixes: tuple[str, ...]) -> bool:
    return any(name.startswith(prefixes) for name in _names(text))


def _plain(text: str) -> str:
    """Case, width and everything but letters and digits folded away: an independent, rougher key."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def test_the_language_list_starts_with_english_and_indonesian() -> None:
    assert LANGUAGES[:2] == ["en", "id"]
    assert len(LANGUAGES) == len(set(LANGUAGES)) >= 14
    assert all(re.fullmatch(r"[a-z]{2}", language) for language in LANGUAGES)
    for language in ("es", "pt", "fr", "de", "ru", "ja", "zh", "ko", "ar", "hi"):
        assert language in LANGUAGES


@pytest.mark.parametrize("record", RECORDS, ids=str)
def test_every_type_and_subtype_is_complete_in_every_listed_language(
    record: medsos.PlatformType | medsos.Subtype,
) -> None:
    for texts in (record.labels, record.descriptions):
        # Complete in the listed languages, and nothing in a language the list leaves out.
        assert sorted(texts) == sorted(LANGUAGES)
        assert [language for language in LANGUAGES if not texts[language].strip()] == []
    assert all(record.label(language) == record.labels[language] for language in LANGUAGES)


def test_marketing_uses_stay_in_english_and_indonesian() -> None:
    assert {tuple(sorted(platform_type.marketing_uses)) for platform_type in medsos.types} == {("en", "id")}


@pytest.mark.parametrize(("type_id", "language", "label"), TYPE_LABELS)
def test_types_get_finds_a_type_by_its_label_in_every_language(
    type_id: str, language: str, label: str
) -> None:
    for text in (label, label.upper(), label.lower(), f"  {label} ", f"\t{label.upper()}\n"):
        found = medsos.types.get(text)
        assert found is not None, (language, text)
        assert found.id == type_id, (language, text)


@given(
    st.sampled_from(TYPE_LABELS),
    st.sampled_from([str.upper, str.lower, str.title, str.casefold, str.strip]),
    st.text(alphabet=" \t\n\u00a0\u3000", max_size=3),
    st.text(alphabet=" \t\n\u00a0\u3000", max_size=3),
)
def test_types_get_ignores_case_and_surrounding_space(
    entry: tuple[str, str, str], change: Any, before: str, after: str
) -> None:
    type_id, _, label = entry
    found = medsos.types.get(before + change(label) + after)
    assert found is not None
    assert found.id == type_id


@given(st.text(max_size=40))
def test_types_get_answers_any_text_with_a_type_or_none(text: str) -> None:
    found = medsos.types.get(text)
    assert found is None or found in medsos.types


def test_no_label_is_shared_by_two_types_in_any_language() -> None:
    # A label of one type, in any language, must not also be a label of another type in any language:
    # types.get() looks labels up across every language at once.
    owners: dict[str, set[str]] = {}
    for type_id, _, label in TYPE_LABELS:
        owners.setdefault(_plain(label), set()).add(type_id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}
    assert "" not in owners


def test_subtype_labels_are_unique_within_their_type_in_every_language() -> None:
    repeats = []
    for platform_type in medsos.types:
        for language in LANGUAGES:
            keys = Counter(_plain(subtype.labels[language]) for subtype in platform_type.subtypes)
            repeats += [
                (platform_type.id, language, key) for key, count in keys.items() if count > 1 or not key
            ]
    assert repeats == []


@pytest.mark.parametrize("record", RECORDS, ids=str)
def test_descriptions_are_written_for_each_language_not_copied(
    record: medsos.PlatformType | medsos.Subtype,
) -> None:
    descriptions = record.descriptions
    copies = [language for language in LANGUAGES[1:] if descriptions[language] == descriptions["en"]]
    assert copies == []
    # Malay and Indonesian are close, but each has its own text.
    assert descriptions["ms"] != descriptions["id"]
    assert len(set(descriptions.values())) == len(LANGUAGES)


@pytest.mark.parametrize("language", sorted(SCRIPTS))
def test_labels_and_descriptions_are_in_the_script_of_their_language(language: str) -> None:
    prefixes = SCRIPTS[language]
    wrong = [
        (str(record), text)
        for record in RECORDS
        for text in (record.labels[language], record.descriptions[language])
        if not _in_script(text, prefixes)
    ]
    assert wrong == []


def test_japanese_and_chinese_are_told_apart() -> None:
    kana = ("HIRAGANA", "KATAKANA")
    # Japanese sentences carry kana; Chinese ones never do.
    assert [str(r) for r in RECORDS if not _in_script(r.descriptions["ja"], kana)] == []
    assert [str(r) for r in RECORDS if _in_script(r.labels["zh"] + r.descriptions["zh"], kana)] == []


@pytest.mark.parametrize("language", LATIN)
def test_latin_script_languages_use_only_latin_letters(language: str) -> None:
    wrong = [
        (str(record), text)
        for record in RECORDS
        for text in (record.labels[language], record.descriptions[language])
        if not all(name.startswith("LATIN") for name in _names(text))
    ]
    assert wrong == []


def test_vietnamese_carries_its_diacritics() -> None:
    # Text stripped of its tone marks is not Vietnamese: every description has at least one.
    def marked(text: str) -> bool:
        decomposed = unicodedata.normalize("NFD", text)
        return "đ" in text.lower() or any(unicodedata.category(ch) == "Mn" for ch in decomposed)

    assert [str(r) for r in RECORDS if not marked(r.descriptions["vi"])] == []


def test_arabic_labels_carry_no_optional_vowel_marks() -> None:
    # People type Arabic without harakat or tatweel; a label that has them could not be found as typed.
    optional = re.compile("[\u064b-\u0652\u0640]")
    assert [r.labels["ar"] for r in RECORDS if optional.search(r.labels["ar"])] == []


def test_the_schema_describes_the_language_list() -> None:
    validator = jsonschema.Draft202012Validator(
        json.loads(DATA.joinpath("taxonomy.schema.json").read_text("utf-8"))
    )
    assert validator.is_valid(TAXONOMY)
    for bad in (["id", "en"], ["en"], ["en", "id", "es", "es"], ["en", "id", "Spanish"], None):
        damaged = {**TAXONOMY, "languages": bad}
        assert not validator.is_valid(damaged), bad
    assert not validator.is_valid({"types": TAXONOMY["types"]})


def test_the_taxonomy_page_shows_every_label_in_every_language() -> None:
    page = (DOCS / "taxonomy.md").read_text(encoding="utf-8")
    missing = [
        (str(r), language) for r in RECORDS for language in LANGUAGES if r.labels[language] not in page
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("written", "type_id"),
    [
        ("مُدَوَّنَة", "blog"),  # with its short vowels
        ("مـدونة", "blog"),  # stretched by a tatweel
        ("फोरम", "forum"),  # without the nukta of the label "फ़ोरम"
    ],
)
def test_marks_written_at_will_do_not_hide_a_label(written: str, type_id: str) -> None:
    assert medsos.types.get(written) == type_id
