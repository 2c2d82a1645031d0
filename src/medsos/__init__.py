"""medsos knows social media: which platform a name, URL or app id refers to, and what type of social media it is.

>>> import medsos
>>> print(medsos.classify("Quora"))
forum
>>> medsos.lookup("https://id.quora.com/some-question").name
'Quora'

``import medsos`` reads no data and imports neither attrs nor cattrs: the records, the matcher and the bundled
dataset load on first use.
"""

from __future__ import annotations

import unicodedata

from medsos._sentinel import MISSING as _MISSING

# Like typing.TYPE_CHECKING, which mypy also reads this way, without importing typing at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, TypeVar, overload

    from medsos._errors import DatasetError, MedsosError, UnknownPlatformError
    from medsos._load import QuickIndex
    from medsos._models import Platform, PlatformType, Subtype
    from medsos._registry import Match, MatchKind, PlatformCollection, Registry, TypeCollection

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
    "Subtype",
    "TypeCollection",
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
    "UnknownPlatformError": "medsos._errors",
    "Platform": "medsos._models",
    "PlatformType": "medsos._models",
    "Subtype": "medsos._models",
    "Match": "medsos._registry",
    "MatchKind": "medsos._registry",
    "PlatformCollection": "medsos._registry",
    "Registry": "medsos._registry",
    "TypeCollection": "medsos._registry",
}

# The bundled registry once loaded.  Not "_registry": importing medsos._registry would overwrite that name.
_shared: Registry | None = None
# Not "_normalize": importing the submodule medsos._normalize would overwrite that name.
_unicode_normalize = unicodedata.normalize


def load() -> Registry:
    """Load the bundled dataset now rather than on first use, and return its :class:`Registry`.

    Useful before forking worker processes, so that each does not load it again.
    """
    global _shared, _quick, _ascii_answers, _name_answers
    if _shared is None:
        from medsos._load import default_registry

        registry = default_registry()
        # The registry answers from now on; its ready answers agree with the quick index's.
        _ascii_answers, _name_answers = registry._fast_types, registry._fast_name_types
        _shared = registry
        _quick = None
    return _shared


# What classify() answers before anything else, kept here so that it does not import on every call: the types of
# exact names, hosts and app ids (ASCII keys), and of names beyond ASCII.  The quick index's until the registry
# loads, then the registry's.
_ascii_answers: dict[str, PlatformType] | None = None
_name_answers: dict[str, PlatformType] = {}
_quick: QuickIndex | None = None


def _prepare_answers() -> dict[str, PlatformType]:
    global _quick, _ascii_answers, _name_answers
    if _shared is not None:
        _ascii_answers, _name_answers = _shared._fast_types, _shared._fast_name_types
    else:
        from medsos._load import quick_index

        quick = quick_index()
        _ascii_answers, _name_answers, _quick = quick.exact, quick.names, quick
    return _ascii_answers


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
    # The common case, exact text of a name or host, inlined: classify() is called once per log line.  Longer
    # text is no exact name or host, and goes straight to the registry, which bounds the work it does on it.
    if text.__class__ is str and len(text) <= 300:
        answers = _ascii_answers or _prepare_answers()
        if text.isascii():  # most text is, and NFKC leaves ASCII alone
            found = answers.get(text.lower())
        else:
            key = _unicode_normalize("NFKC", text)
            # Hosts and app ids are ASCII: text that is not, once normalised, is looked up among names alone, so
            # that case folding cannot turn a look-alike host (a dotless i in "instagram.com") into a real one.
            found = answers.get(key.lower()) if key.isascii() else _name_answers.get(key.casefold())
        if found is None and _quick is not None:
            found = _quick.classify(text)  # a URL, answered from the quick index's hosts
        if found is not None:
            return found
    return (_shared or load()).classify(text, default=default, fuzzy=fuzzy)


@overload
def lookup(text: str, *, fuzzy: bool = ...) -> Platform: ...
@overload
def lookup(text: str, *, default: T, fuzzy: bool = ...) -> Platform | T: ...
def lookup(text: str, *, default: Any = _MISSING, fuzzy: bool = True) -> Any:
    """The :class:`Platform` that ``text`` names, with the same rules as :func:`classify`.

    >>> medsos.lookup("Lindkein").name
    'LinkedIn'
    """
    return (_shared or load()).lookup(text, default=default, fuzzy=fuzzy)


def search(text: str, *, limit: int = 5) -> list[Match]:
    """Ranked :class:`Match` candidates for ``text``, best first, at most ``limit`` of them.

    >>> [(m.platform.name, m.matched_by) for m in medsos.search("Instagarm", limit=1)]
    [('Instagram', 'fuzzy')]
    """
    return (_shared or load()).search(text, limit=limit)


@overload
def classify_many(values: Iterable[str], *, fuzzy: bool = ...) -> list[PlatformType]: ...
@overload
def classify_many(values: Iterable[str], *, default: T, fuzzy: bool = ...) -> list[PlatformType | T]: ...
def classify_many(values: Iterable[str], *, default: Any = _MISSING, fuzzy: bool = True) -> Any:
    """:func:`classify` each value in order, classifying each distinct value only once.

    >>> [str(t) for t in medsos.classify_many(["fb", "fb", "t.co", "nope"], default="unknown")]
    ['social_network', 'social_network', 'microblog', 'unknown']
    """
    return (_shared or load()).classify_many(values, default=default, fuzzy=fuzzy)


@overload
def lookup_many(values: Iterable[str], *, fuzzy: bool = ...) -> list[Platform]: ...
@overload
def lookup_many(values: Iterable[str], *, default: T, fuzzy: bool = ...) -> list[Platform | T]: ...
def lookup_many(values: Iterable[str], *, default: Any = _MISSING, fuzzy: bool = True) -> Any:
    """:func:`lookup` each value in order, looking up each distinct value only once."""
    return (_shared or load()).lookup_many(values, default=default, fuzzy=fuzzy)


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
        from medsos._load import dataset_version

        return dataset_version()
    raise AttributeError(f"module 'medsos' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
