"""Exceptions raised by medsos."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DatasetError", "MedsosError", "UnknownIdError", "UnknownPlatformError"]


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


class UnknownIdError(MedsosError, KeyError, ValueError):
    """An id, or a language code, that the taxonomy or the registry does not have: ``types["forums"]``,
    ``platforms["nope"]``, ``platforms.of_type("forums")``, ``platform_type.label("xx")``.

    It is a :class:`KeyError`, as a failed look-up by key is in Python, and a :class:`ValueError` too, since
    the id is an argument's value; ``kind`` says what was asked for (``"type"``, ``"subtype"``, ``"platform"``,
    ``"language"``) and ``id`` the id that was not found.
    """

    def __init__(self, kind: str, unknown: object, known: Iterable[str] = (), *, where: str = "") -> None:
        self.kind = kind
        self.id = unknown
        self.known = tuple(known)
        message = f"unknown {kind} {unknown!r}"
        if where:
            message += f" in {where}"
        if self.known and len(self.known) <= 40:
            message += f"; the {kind}s are {', '.join(self.known)}"
        elif kind == "subtype":
            message += "; subtype ids look like 'forum.qna'"
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message  # not KeyError's repr() of its argument

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unknown_id, (self.kind, self.id, self.known, self.message))


def _rebuild_unknown_id(kind: str, unknown: object, known: tuple[str, ...], message: str) -> UnknownIdError:
    error = UnknownIdError(kind, unknown, known)
    error.message = message
    return error
