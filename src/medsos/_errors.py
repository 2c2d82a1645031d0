"""Exceptions raised by medsos."""

from __future__ import annotations

from typing import Any

__all__ = ["DatasetError", "MedsosError", "UnknownPlatformError"]


class MedsosError(Exception):
    """Base class of every exception medsos raises on purpose."""


class UnknownPlatformError(MedsosError, LookupError):
    """The text names no platform medsos knows.

    ``query`` is the text that was looked up; ``suggestions`` holds the names of close platforms, best first,
    and may be empty; ``missing`` is true when the value was a gap in a column rather than text.
    """

    def __init__(self, query: str, suggestions: tuple[str, ...] = (), *, missing: bool = False) -> None:
        self.query = query
        self.suggestions = suggestions
        #: The value was a gap in a column (``None``, NaN) rather than text; ``query`` is its ``str()``.
        self.missing = missing
        if missing:
            message = f"a missing value ({query}) names no platform; pass default= to keep gaps"
        else:
            shown = query if len(query) <= 80 else query[:77] + "..."
            message = f"{shown!r} is not a social media platform medsos knows"
            if suggestions:
                message += "; did you mean " + ", ".join(repr(name) for name in suggestions) + "?"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unknown, (self.query, self.suggestions, self.missing))


def _rebuild_unknown(query: str, suggestions: tuple[str, ...], missing: bool) -> UnknownPlatformError:
    return UnknownPlatformError(query, suggestions, missing=missing)


class DatasetError(MedsosError, ValueError):
    """A dataset is inconsistent: two platforms claim one name, alias, domain or app id, or a record is invalid."""
