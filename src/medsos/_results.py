"""What :func:`medsos.search` and :meth:`medsos.Registry.match` return: matches, with how and how sure."""

from __future__ import annotations

from attrs import field, frozen, validators

from medsos._index import MatchKind
from medsos._models import Platform

__all__ = ["Match", "SearchResults"]


@frozen
class Match:
    """One candidate from :func:`medsos.search`: the platform, how sure (0 < score <= 100), and how it matched.

    ``matched_by`` is one of ``name``, ``alias``, ``former_name``, ``domain``, ``short_domain``, ``app_id``,
    ``fuzzy`` (a typo) and ``prefix`` (a name that starts with the text, offered by search() only); ``key`` is
    the name, domain or app id that matched.
    """

    platform: Platform = field(repr=lambda platform: f"<Platform {platform.id!r}>")
    score: float = field(validator=[validators.gt(0), validators.le(100)])
    matched_by: MatchKind
    key: str


class SearchResults(list[Match]):
    """The :class:`Match` candidates of :func:`medsos.search`, best first: a list, shown as a table in notebooks."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from medsos._html import matches_html

        return matches_html(self)
