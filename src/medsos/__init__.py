"""medsos knows social media: which platform a name, URL or app id refers to, and what type of social media it is.

>>> import medsos
>>> print(medsos.classify("Quora"))
forum
>>> medsos.lookup("https://id.quora.com/some-question").name
'Quora'

``import medsos`` reads no data and imports neither attrs nor cattrs: the records, the matcher and the bundled
dataset load on first use.  Every function here is a call on one :class:`Registry`, the bundled one, built the
first time it is needed (:func:`load`).
"""

from __future__ import annotations

from medsos._sentinel import MISSING as _MISSING

# Like typing.TYPE_CHECKING, which mypy also reads this way, without importing typing at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, TypeVar, overload

    from medsos._collections import PlatformCollection, TypeCollection
    from medsos._errors import DatasetError, MedsosError, UnknownIdError, UnknownPlatformError
    from medsos._models import Platform, PlatformType, Subtype
    from medsos._registry import MatchKind, Registry
    from medsos._results import Match, SearchResults

    T = TypeVar("T")

    #: The six social media types, in the source article's order (loaded on first use).
    types: TypeCollection
    #: Every bundled platform (loaded on first use).
    platforms: PlatformCollection
    #: The version of the bundled dataset, a date such as ``"2026.11.26"``.
    DATASET_VERSION: str
else:

    def overload(function):  # the typing module costs more to import than all of medsos
        return function


__version__ = "0.1.0"

__all__ = [
    "DATASET_VERSION",
    "DatasetError",
    "Match",
    "MatchKind",
    "MedsosError",
    "Platform",
    "PlatformCollection",
    "PlatformType",
    "Registry",
    "SearchResults",
    "Subtype",
    "TypeCollection",
    "UnknownIdError",
    "UnknownPlatformError",
    "__version__",
    "classify",
    "classify_many",
    "load",
    "lookup",
    "lookup_many",
    "platforms",
    "search",
    "types",
]

# Public names that live in private modules, imported when first asked for.
_LAZY = {
    "DatasetError": "medsos._errors",
    "MedsosError": "medsos._errors",
    "UnknownIdError": "medsos._errors",
    "UnknownPlatformError": "medsos._errors",
    "Platform": "medsos._models",
    "PlatformType": "medsos._models",
    "Subtype": "medsos._models",
    "PlatformCollection": "medsos._collections",
    "TypeCollection": "medsos._collections",
    "Match": "medsos._results",
    "MatchKind": "medsos._registry",
    "Registry": "medsos._registry",
    "SearchResults": "medsos._results",
}

# The bundled registry, once load() has fetched it from medsos._registry, which builds it behind the dataset's
# lock.  Kept here too only so that each call is one global look-up.  Not "_registry": importing medsos._registry would
# overwrite that name.
_bundled: Registry | None = None


def load() -> Registry:
    """The bundled :class:`Registry`, loading the dataset now rather than on first use.

    Useful before forking worker processes, so that each does not load it again.
    """
    global _bundled
    if _bundled is None:
        from medsos._registry import bundled

        _bundled = bundled()
    return _bundled


@overload
def classify(text: str, *, fuzzy: bool = ...) -> PlatformType: ...
@overload
def classify(text: str, *, default: T, fuzzy: bool = ...) -> PlatformType | T: ...
def classify(text: str, *, default: Any = _MISSING, fuzzy: bool = True) -> Any:
    """The :class:`PlatformType` of the platform that ``text`` names.

    ``text`` may be a name or alias (``"Quora"``, ``"fb"``), a URL or hostname (``"https://id.quora.com/x"``),
    or an Android app id (``"com.instagram.android"``, ``"android-app://com.linkedin.android/"``); small typos in
    names are forgiven unless ``fuzzy=False``.

    Raises :class:`UnknownPlatformError` (a :class:`LookupError`) when ``text`` names no known platform, unless
    ``default`` is given, which is then returned.  Raises :class:`TypeError` when ``text`` is not a ``str``.

    >>> print(medsos.classify("Instagram"), medsos.classify("kaskus.co.id"))
    media_sharing forum
    >>> medsos.classify("qwzxv", default=None) is None
    True
    """
    return (_bundled or load()).classify(text, default=default, fuzzy=fuzzy)


@overload
def lookup(text: str, *, fuzzy: bool = ...) -> Platform: ...
@overload
def lookup(text: str, *, default: T, fuzzy: bool = ...) -> Platform | T: ...
def lookup(text: str, *, default: Any = _MISSING, fuzzy: bool = True) -> Any:
    """The :class:`Platform` that ``text`` names, with the same rules as :func:`classify`.

    >>> medsos.lookup("Lindkein").name
    'LinkedIn'
    """
    return (_bundled or load()).lookup(text, default=default, fuzzy=fuzzy)


def search(text: str, *, limit: int = 5) -> SearchResults:
    """Ranked :class:`Match` candidates for ``text``, best first, at most ``limit`` of them.

    >>> [(m.platform.name, m.matched_by) for m in medsos.search("Instagarm", limit=1)]
    [('Instagram', 'fuzzy')]
    >>> [m.platform.name for m in medsos.search("linked", limit=1)]
    ['LinkedIn']
    """
    return (_bundled or load()).search(text, limit=limit)


@overload
def classify_many(values: Iterable[str], *, fuzzy: bool = ...) -> list[PlatformType]: ...
@overload
def classify_many(values: Iterable[str], *, default: T, fuzzy: bool = ...) -> list[PlatformType | T]: ...
def classify_many(values: Iterable[str], *, default: Any = _MISSING, fuzzy: bool = True) -> Any:
    """:func:`classify` each value in order, classifying each distinct value only once.

    >>> [str(t) for t in medsos.classify_many(["fb", "fb", "t.co", "nope"], default="unknown")]
    ['social_network', 'social_network', 'microblog', 'unknown']
    """
    return (_bundled or load()).classify_many(values, default=default, fuzzy=fuzzy)


@overload
def lookup_many(values: Iterable[str], *, fuzzy: bool = ...) -> list[Platform]: ...
@overload
def lookup_many(values: Iterable[str], *, default: T, fuzzy: bool = ...) -> list[Platform | T]: ...
def lookup_many(values: Iterable[str], *, default: Any = _MISSING, fuzzy: bool = True) -> Any:
    """:func:`lookup` each value in order, looking up each distinct value only once: the column primitive that
    the pandas accessor, the command line and the scale-out recipes build on.

    Missing values (``None``, NaN, pandas' ``NA``) give ``default``; without one they raise
    :class:`UnknownPlatformError`, as unknown text does.
    """
    return (_bundled or load()).lookup_many(values, default=default, fuzzy=fuzzy)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        import importlib

        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    # The collections and the dataset version need the data, so they are made on first access.
    if name == "types":
        return load().types
    if name == "platforms":
        return load().platforms
    if name == "DATASET_VERSION":
        from medsos._registry import bundled_version

        return bundled_version()
    raise AttributeError(f"module 'medsos' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
