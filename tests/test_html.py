"""Notebook display: the HTML tables of records, collections and search results, through the public objects."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medsos


class _Cells(HTMLParser):
    """The text of an HTML fragment, and whether its tags balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag != "br":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open.pop() == tag, f"</{tag}> closes another tag"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    parser.close()
    assert not parser.open, f"unclosed tags: {parser.open}"
    return parser


def text_of(html: str) -> str:
    return " ".join(" ".join(parse(html).text).split())


def test_a_platform_shows_its_facts_in_both_languages() -> None:
    platform = medsos.lookup("fb")
    html = platform._repr_html_()
    assert html.startswith("<table")
    text = text_of(html)
    for fact in (platform.name, platform.id, platform.type.id, platform.subtype.id, platform.domains[0]):
        assert fact in text
    assert platform.type.label("en") in text
    assert platform.type.label("id") in text
    assert len(html) < 4_000


def test_a_type_lists_its_subtypes_with_bilingual_labels() -> None:
    platform_type = medsos.types["media_sharing"]
    text = text_of(platform_type._repr_html_())
    for subtype in platform_type.subtypes:
        assert subtype.id in text
        assert subtype.label("en") in text
        assert subtype.label("id") in text


def test_the_types_table_has_one_row_per_type() -> None:
    html = medsos.types._repr_html_()
    assert html.count("<tr>") == len(medsos.types) + 1  # and the header
    text = text_of(html)
    assert all(t.label("id") in text for t in medsos.types)


def test_big_collections_stay_small() -> None:
    forums = medsos.platforms.of_type("forum")
    assert len(forums) > 25
    for collection in (medsos.platforms, forums, medsos.platforms.of_subtype("forum.qna")):
        html = collection._repr_html_()
        assert len(html) < 6_000
        shown = html.count("<tr>") - 1  # the header
        if len(collection) > 20:
            assert f"and {len(collection) - 20} more" in text_of(html)
            assert shown == 21
        else:
            assert shown == len(collection)
    # of_type still returns a tuple that compares as one.
    assert forums == tuple(p for p in medsos.platforms if p.type.id == "forum")


def test_search_results_show_as_a_table() -> None:
    results = medsos.search("Instagarm")
    assert isinstance(results, list)
    html = results._repr_html_()
    text = text_of(html)
    for match in results:
        assert match.platform.name in text
        assert match.matched_by in text
        assert f"{match.score:g}" in text
    assert "no match" in text_of(medsos.search("qwzxvqwzxv")._repr_html_())


HOSTILE = '<script>alert("x")</script> & <b>'


@pytest.fixture(scope="module")
def hostile_registry() -> medsos.Registry:
    return medsos.Registry.from_records(
        [{"id": "hostile", "name": HOSTILE, "aliases": ["<img src=x onerror=alert(1)>"], "type": "forum",
          "subtype": "forum.qna", "domains": ["hostile.example"], "app_ids": ["com.hostile.app"]}]
    )  # fmt: skip


def test_data_text_is_escaped(hostile_registry: medsos.Registry) -> None:
    platform = hostile_registry.lookup("hostile.example")
    htmls = [
        platform._repr_html_(),
        hostile_registry.platforms._repr_html_(),
        hostile_registry.platforms.of_type("forum")._repr_html_(),
        hostile_registry.search("hostile.example")._repr_html_(),
    ]
    for html in htmls:
        assert "<script" not in html
        assert "<img" not in html
        tags = parse(html).tags
        assert tags <= {"table", "caption", "tr", "th", "td", "b", "i", "code", "small", "br"}
        assert HOSTILE in text_of(html)  # shown as text, whole


@given(st.text(min_size=1, max_size=40).filter(lambda s: s.strip() and re.search(r"\w", s)))
def test_any_name_is_shown_as_text(name: str) -> None:
    try:
        registry = medsos.Registry.from_records(
            [{"id": "p", "name": name, "type": "blog", "subtype": "blog.newsletter"}]
        )
    except medsos.DatasetError:
        return  # a name medsos refuses (no letters once normalised, say) never gets displayed
    platform = registry.platforms["p"]
    for html in (platform._repr_html_(), registry.platforms._repr_html_()):
        cells = parse(html)
        assert cells.tags <= {"table", "caption", "tr", "th", "td", "b", "i", "code", "small", "br"}
        assert " ".join(name.split()) in " ".join(" ".join(cells.text).split())
