"""Compact HTML tables for notebooks: what the records' and collections' ``_repr_html_`` show.

Pure functions of public attributes, standard library only.  Every piece of text that comes from the data, or
from a user's own registry, is escaped, so a platform named ``<script>`` shows as text.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from medsos._models import Platform, PlatformType, Subtype
    from medsos._results import Match

__all__ = ["matches_html", "platform_html", "platforms_html", "subtype_html", "type_html", "types_html"]

#: How many rows a table of platforms shows before "... and N more".
PLATFORMS_LIMIT = 20
#: How many aliases, domains or app ids a platform's table lists before "(+N)".
LIST_LIMIT = 8

_STYLE = "border-collapse:collapse;text-align:left"


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _listed(values: Sequence[object], limit: int = LIST_LIMIT) -> str:
    shown = ", ".join(_text(value) for value in values[:limit])
    return shown + (f" (+{len(values) - limit})" if len(values) > limit else "")


def _bilingual(labels: Mapping[str, str]) -> str:
    """``English · Indonesian`` when they differ, one of them when they are the same word ("Forum")."""
    en, id_ = labels.get("en"), labels.get("id")
    if en and id_ and en != id_:
        return f"{_text(en)} &middot; <i>{_text(id_)}</i>"
    return _text(en or id_ or "")


def _table(body: Iterable[str], header: Sequence[str] = (), caption: str = "") -> str:
    head = "<tr>" + "".join(f"<th>{_text(h)}</th>" for h in header) + "</tr>" if header else ""
    cap = f"<caption>{caption}</caption>" if caption else ""
    return f'<table class="medsos" style="{_STYLE}">{cap}{head}{"".join(body)}</table>'


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _field(name: str, value: str) -> str:
    return f"<tr><th>{_text(name)}</th><td>{value}</td></tr>"


def platform_html(platform: Platform) -> str:
    """One platform: its name and id, type and subtype (in English and Indonesian), names, hosts and facts."""
    fields = [
        _field("type", f"<code>{_text(platform.type.id)}</code> {_bilingual(platform.type.labels)}"),
        _field("subtype", f"<code>{_text(platform.subtype.id)}</code> {_bilingual(platform.subtype.labels)}"),
    ]
    lists = {
        "secondary types": [t.id for t in platform.secondary_types],
        "aliases": platform.aliases,
        "former names": platform.former_names,
        "domains": platform.domains,
        "short domains": platform.short_domains,
        "app ids": platform.app_ids,
    }
    fields += [_field(name, _listed(values)) for name, values in lists.items() if values]
    if platform.country is not None:
        fields.append(_field("country", _text(platform.country)))
    if platform.launched is not None:
        fields.append(_field("launched", _text(platform.launched)))
    status = platform.status if platform.closed is None else f"{platform.status} (closed {platform.closed})"
    fields.append(_field("status", _text(status)))
    caption = f"<b>{_text(platform.name)}</b> <code>{_text(platform.id)}</code>"
    return _table(fields, caption=caption)


def type_html(platform_type: PlatformType) -> str:
    """One type: its labels and description, and its subtypes with their labels."""
    description = platform_type.descriptions.get("en", "")
    caption = f"<b>{_bilingual(platform_type.labels)}</b> <code>{_text(platform_type.id)}</code>"
    if description:
        caption += f"<br><small>{_text(description)}</small>"
    rows = (_row(f"<code>{_text(s.id)}</code>", _bilingual(s.labels)) for s in platform_type.subtypes)
    return _table(rows, header=("subtype", "label"), caption=caption)


def subtype_html(subtype: Subtype) -> str:
    """One subtype: its labels and description."""
    caption = f"<b>{_bilingual(subtype.labels)}</b> <code>{_text(subtype.id)}</code>"
    description = subtype.descriptions.get("en", "")
    rows = [_field("description", _text(description))] if description else []
    return _table(rows, caption=caption)


def types_html(types: Iterable[PlatformType]) -> str:
    """The types, one row each: id, English and Indonesian labels, and how many subtypes."""
    rows = (
        _row(
            f"<code>{_text(t.id)}</code>",
            _text(t.labels.get("en", "")),
            _text(t.labels.get("id", "")),
            _text(len(t.subtypes)),
        )
        for t in types
    )
    return _table(rows, header=("type", "English", "Indonesian", "subtypes"))


def platforms_html(platforms: Iterable[Platform], limit: int = PLATFORMS_LIMIT) -> str:
    """A table of platforms, one row each, at most ``limit`` rows and then "... and N more"."""
    rows: list[str] = []
    more = 0
    for count, platform in enumerate(platforms):
        if count >= limit:
            more += 1
            continue
        rows.append(
            _row(
                f"<code>{_text(platform.id)}</code>",
                _text(platform.name),
                _text(platform.type.id),
                _text(platform.subtype.id),
                _text(platform.country or ""),
                _text(platform.status),
            )
        )
    total = len(rows) + more
    if more:
        rows.append(f'<tr><td colspan="6">&hellip; and {more} more</td></tr>')
    caption = f"{total} platform{'' if total == 1 else 's'}"
    return _table(rows, header=("id", "name", "type", "subtype", "country", "status"), caption=caption)


def matches_html(matches: Iterable[Match]) -> str:
    """Search results, best first: platform, type, score, how it matched and the key that matched."""
    rows = [
        _row(
            f"{_text(m.platform.name)} <code>{_text(m.platform.id)}</code>",
            _text(m.platform.type.id),
            _text(f"{m.score:g}"),
            _text(m.matched_by),
            _text(m.key),
        )
        for m in matches
    ]
    if not rows:
        rows.append('<tr><td colspan="5">no match</td></tr>')
    return _table(rows, header=("platform", "type", "score", "matched by", "key"))
