"""Notebook display: compact, escaped HTML tables of types, platforms and search results."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from medsos._collections import PlatformCollection, TypeCollection
    from medsos._models import Platform, PlatformType, Subtype
    from medsos._registry import Match

__all__ = ["matches_html", "platform_html", "platforms_html", "subtype_html", "type_html", "types_html"]

#: A collection shows at most this many rows, then says how many more it holds.
MAX_ROWS = 20


def _table(header: Iterable[str], rows: Iterable[Iterable[object]], more: int = 0) -> str:
    head = "".join(f"<th>{escape(str(cell))}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    tail = f"<tr><td colspan='99'>… and {more} more</td></tr>" if more > 0 else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}{tail}</tbody></table>"


def subtype_html(subtype: Subtype) -> str:
    return _table(("subtype", "en", "id"), [(subtype.id, subtype.label("en"), subtype.label("id"))])


def type_html(platform_type: PlatformType) -> str:
    rows = [(s.id, s.label("en"), s.label("id")) for s in platform_type.subtypes]
    title = f"<p><b>{escape(platform_type.label('en'))}</b> ({escape(platform_type.label('id'))})</p>"
    return title + _table(("subtype", "en", "id"), rows)


def types_html(types: TypeCollection) -> str:
    rows = [(t.id, t.label("en"), t.label("id"), len(t.subtypes)) for t in types]
    return _table(("type", "en", "id", "subtypes"), rows)


def _platform_row(platform: Platform) -> tuple[object, ...]:
    return (
        platform.id,
        platform.name,
        platform.type.id,
        platform.subtype.id,
        ", ".join(platform.domains[:3]),
    )


def platform_html(platform: Platform) -> str:
    return _table(("id", "name", "type", "subtype", "domains"), [_platform_row(platform)])


def platforms_html(platforms: PlatformCollection) -> str:
    rows = [_platform_row(platform) for platform in list(platforms)[:MAX_ROWS]]
    return _table(("id", "name", "type", "subtype", "domains"), rows, len(platforms) - len(rows))


def matches_html(matches: Iterable[Match]) -> str:
    rows = [(m.platform.name, m.platform.type.id, m.score, m.matched_by, m.key) for m in matches]
    return _table(("platform", "type", "score", "matched by", "key"), rows)
