"""Exceptions raised by medsos."""

from __future__ import annotations

__all__ = ["DatasetError", "MedsosError", "UnknownPlatformError"]


class MedsosError(Exception):
    """Base class of every exception medsos raises on purpose."""


class UnknownPlatformError(MedsosError, LookupError):
    """The text names no platform medsos knows.

    ``query`` is the text that was looked up; ``suggestions`` holds the names of close platforms, best first,
    and may be empty.
    """

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()) -> None:
        self.query = query
        self.suggestions = suggestions
        shown = query if len(query) <= 80 else query[:77] + "..."
        message = f"{shown!r} is not a social media platform medsos knows"
        if suggestions:
            message += "; did you mean " + ", ".join(repr(name) for name in suggestions) + "?"
        super().__init__(message)

    def __reduce__(self) -> tuple[type[UnknownPlatformError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.query, self.suggestions))


class DatasetError(MedsosError, ValueError):
    """A dataset is inconsistent: two platforms claim one name, alias, domain or app id, or a record is invalid."""
