"""The registry: a set of platforms, its index, and the one matcher every lookup goes through."""

from __future__ import annotations

import bisect
import math
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

from medsos._collections import PlatformCollection, TypeCollection
from medsos._errors import DatasetError, UnknownPlatformError
from medsos._index import Index, MatchKind, facts_of_platform, facts_of_record
from medsos._models import Immutable, Platform, PlatformType
from medsos._sentinel import MISSING as _MISSING
from medsos._text import name_key, split_words

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from medsos import _fuzzy
    from medsos._index import Entry, Facts
    from medsos._reference import Reference
    from medsos._results import Match, SearchResults

__all__ = ["FUZZY_ACCEPT_SCORE", "MatchKind", "Registry"]

T = TypeVar("T")

#: How many close names an UnknownPlatformError suggests.
_SUGGESTIONS = 3
#: A typo is accepted by classify() and lookup() only at or above this score; calibrated on a labelled set of
#: typos and non-platform words (benchmarks/fuzzy_calibration.py, docs/matching.md).
FUZZY_ACCEPT_SCORE = 74.0
#: Names found by their start (``search("face")``) score at most this, below every typo candidate.
_PREFIX_SCORE = 50.0
#: The shortest text that search() completes to names that start with it.
_PREFIX_MIN_LENGTH = 3

#: Text this long or shorter is tried among the exact keys first, lower-cased, before anything else; longer
#: ASCII text is read at once.  Nearly every key is this short (longer ones are found by the full road, by the
#: same rules), and URLs are mostly longer.
_SHORT = 40
#: A candidate before it becomes a Match: its score, the platform's position, how it matched, the label.
_Candidate = tuple[float, int, MatchKind, str]


# How text is read (medsos._reference.read), imported when the first text that is no exact key needs it: an
# answer from the exact keys needs none of the modules that read URLs, names and campaign tags.
_read: Callable[[str], Reference] | None = None


def _import_read() -> Callable[[str], Reference]:
    global _read
    from medsos._reference import read

    _read = read
    return read


def _is_missing(value: object) -> bool:
    """``None``, a NaN of any float type (numpy's too), or pandas' ``NA`` and ``NaT``, or numpy's ``NaT``: how
    data frames spell a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    if type(value).__name__ in {"NAType", "NaTType"}:
        return True
    try:  # a NaN, or numpy's NaT, is the one value that differs from itself
        return hasattr(value, "dtype") and bool(value != value)  # noqa: PLR0124
    except (TypeError, ValueError):
        return False


class Registry(Immutable):
    """A set of platforms with its index built once, and the lookups over them.

    The module functions :func:`medsos.classify`, :func:`medsos.lookup` and :func:`medsos.search` use the
    bundled registry; build your own from :class:`~medsos.Platform` records, or with :meth:`from_records`, to
    match against other data.  ``types`` is the taxonomy (the bundled one by default); ``not_typos`` the words
    that typo matching must leave unknown (by default the bundled list of ``data/not_typos.json``; pass an
    empty list for none).  A registry never changes after it is built.

    Raises :class:`~medsos.DatasetError` when two platforms claim the same id, name, alias, domain or app id,
    and :class:`TypeError` when ``platforms`` holds something other than :class:`~medsos.Platform` records.
    """

    __slots__ = (
        "_exact_platforms",
        "_exact_types",
        "_facts",
        "_fuzzy",
        "_fuzzy_threshold",
        "_index",
        "_lock",
        "_not_typos",
        "_platforms",
        "_prefixes",
        "_raw",
        "_records",
        "_type_of",
        "_types",
    )

    def __init__(
        self,
        platforms: Iterable[Platform],
        *,
        types: Iterable[PlatformType] | None = None,
        fuzzy_threshold: float = FUZZY_ACCEPT_SCORE,
        not_typos: Iterable[str] | None = None,
    ) -> None:
        if isinstance(platforms, (str, bytes, Mapping)):
            raise TypeError(f"a Registry takes Platform records, not a {type(platforms).__name__}")
        records = list(platforms)
        for record in records:
            if not isinstance(record, Platform):
                raise TypeError(f"a Registry takes Platform records, not {type(record).__name__}")
        if types is None:
            from medsos._dataset import taxonomy

            taxonomy_types, languages = taxonomy()
        else:
            taxonomy_types, languages = tuple(types), None
            for platform_type in taxonomy_types:
                if not isinstance(platform_type, PlatformType):
                    raise TypeError(f"types are PlatformType records, not {type(platform_type).__name__}")
        if not_typos is not None and isinstance(not_typos, (str, bytes)):
            raise TypeError("not_typos is a list of words, not a single string")
        if not_typos is not None:
            not_typos = list(not_typos)
            for word in not_typos:
                if not isinstance(word, str):
                    raise TypeError(f"not_typos is a list of words (str), not of {type(word).__name__}")
        words = None if not_typos is None else frozenset(name_key(word) for word in not_typos) - {""}
        self._setup(
            types=taxonomy_types,
            languages=languages,
            facts=[facts_of_platform(p) for p in records],
            records=list(records),
            raw=None,
            fuzzy_threshold=fuzzy_threshold,
            not_typos=words,
        )
        self._index.check({platform_type.id for platform_type in self._types})

    @classmethod
    def _bundled(
        cls,
        records: Sequence[Mapping[str, Any]],
        types: Sequence[PlatformType],
        languages: Sequence[str],
        not_typos: Callable[[], frozenset[str]],
    ) -> Registry:
        """The registry of the bundled JSON records: each record is structured when it is first asked for, and
        name keys are built on first use.  The test suite checks the bundled data as a user registry is checked."""
        registry = cls.__new__(cls)
        registry._setup(
            types=types,
            languages=languages,
            facts=[facts_of_record(r) for r in records],
            records=[None] * len(records),
            raw=records,
            fuzzy_threshold=FUZZY_ACCEPT_SCORE,
            not_typos=not_typos,
        )
        return registry

    def _setup(
        self,
        *,
        types: Sequence[PlatformType],
        languages: Sequence[str] | None,
        facts: list[Facts],
        records: list[Platform | None],
        raw: Sequence[Mapping[str, Any]] | None,
        fuzzy_threshold: float,
        not_typos: frozenset[str] | Callable[[], frozenset[str]] | None,
    ) -> None:
        if isinstance(fuzzy_threshold, bool) or not isinstance(fuzzy_threshold, (int, float)):
            raise TypeError(f"fuzzy_threshold must be a number, not {type(fuzzy_threshold).__name__}")
        if not 0 < fuzzy_threshold <= 100:  # NaN fails this too
            raise ValueError(f"fuzzy_threshold must be in (0, 100], not {fuzzy_threshold!r}")
        self._fuzzy_threshold = float(fuzzy_threshold)
        self._types = TypeCollection(types, languages=languages)
        self._facts = facts
        self._records = records
        self._raw = raw
        self._lock = threading.RLock()
        self._index = Index(facts)
        by_id = {platform_type.id: platform_type for platform_type in types}
        self._type_of = [by_id.get(f[7][0]) for f in facts]
        # The ready answers of lookup(): the platform of every exact key whose record is built (all of them for a
        # registry of records; for the bundled one, filled as records are structured).
        self._exact_platforms: dict[str, Platform] = {
            key: platform
            for key, entry in self._index.exact.items()
            if (platform := records[entry[0]]) is not None
        }
        # The ready answers of classify(): the type of every exact key.
        type_of = self._type_of
        self._exact_types = {key: type_of[entry[0]] for key, entry in self._index.exact.items()}
        self._not_typos = not_typos
        self._fuzzy: _fuzzy.FuzzyIndex | None = None
        self._prefixes: tuple[list[str], list[tuple[int, str]]] | None = None
        self._platforms: PlatformCollection | None = None

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, object]],
        *,
        types: Iterable[PlatformType] | None = None,
        fuzzy_threshold: float = FUZZY_ACCEPT_SCORE,
        not_typos: Iterable[str] | None = None,
    ) -> Registry:
        """Build a registry from plain dicts shaped like the bundled ``platforms.json`` entries.

        Types and subtypes are given by id.  Invalid records, and anything but a list of dicts, raise
        :class:`~medsos.DatasetError` naming what is wrong.
        """
        from medsos._dataset import structure_platforms, taxonomy

        checked: object = records
        if isinstance(checked, Mapping):
            raise DatasetError("from_records() takes a list of records; wrap a single record in a list")
        if isinstance(checked, (str, bytes)) or not _is_iterable(checked):
            raise DatasetError(
                f"from_records() takes a list of records (dicts), not {type(records).__name__}"
            )
        taxonomy_types = tuple(types) if types is not None else taxonomy()[0]
        for platform_type in taxonomy_types:
            if not isinstance(platform_type, PlatformType):
                raise TypeError(f"types are PlatformType records, not {type(platform_type).__name__}")
        platforms = structure_platforms(list(records), taxonomy_types)
        given = None if types is None else taxonomy_types  # read once: types may be an iterator
        return cls(platforms, types=given, fuzzy_threshold=fuzzy_threshold, not_typos=not_typos)

    # -- what a registry holds ---------------------------------------------------------------------------

    @property
    def types(self) -> TypeCollection:
        """The taxonomy this registry's platforms are placed in."""
        return self._types

    @property
    def platforms(self) -> PlatformCollection:
        """Every platform of this registry."""
        if self._platforms is None:
            with self._lock:
                if self._platforms is None:
                    self._platforms = PlatformCollection(
                        (self._platform(position) for position in range(len(self._facts))),
                        subtype_ids=(s.id for t in self._types for s in t.subtypes),
                    )
        return self._platforms

    @property
    def fuzzy_threshold(self) -> float:
        """The lowest score at which :meth:`lookup` and :meth:`classify` accept a typo."""
        return self._fuzzy_threshold

    def _platform(self, position: int) -> Platform:
        platform = self._records[position]
        if platform is None:
            from medsos._dataset import structure_platform

            with self._lock:
                platform = self._records[position]
                if platform is None:
                    assert self._raw is not None
                    platform = structure_platform(self._raw[position], tuple(self._types))
                    self._records[position] = platform
                    exact = self._index.exact
                    for key in self._index.exact_keys(position):
                        entry = exact.get(key)
                        if entry is not None and entry[0] == position:
                            self._exact_platforms[key] = platform
        return platform

    # -- the matcher --------------------------------------------------------------------------------------

    def _exact(self, text: str) -> tuple[Entry | None, Reference | None]:
        """The entry ``text`` names exactly, and the reference read from it when that took reading."""
        if not isinstance(text, str):
            raise TypeError(f"medsos looks up text (str), not {type(text).__name__}")
        index = self._index
        if len(text) <= index.longest_key or not text.isascii():  # longer ASCII text is no key: a URL, mostly
            entry = index.exact_entry(text)
            if entry is not None:
                return entry, None
        reference = (_read or _import_read())(text)
        return index.find(reference), reference

    def _typos(self, reference: Reference | None) -> list[_Candidate]:
        """Typo candidates, best first, for a reference that is a name rather than a host, URL or analytics text."""
        if reference is None or reference.is_url or reference.host is not None or reference.analytics:
            return []
        from medsos import _fuzzy

        key = reference.name
        if not _fuzzy.max_edits(len(key)) or key in self._words_not_typos():
            return []
        if not key.isascii() and any("a" <= ch <= "z" for ch in key):
            return []  # Latin mixed with another script is a homoglyph trick, not a typo
        names = self._index.names
        candidates: list[_Candidate] = []
        seen: set[int] = set()
        for distance, candidate in self._fuzzy_index().candidates(key):
            position, _, label = names[candidate]
            if position in seen:
                continue
            seen.add(position)
            score = 100.0 * (1.0 - distance / max(len(key), len(candidate)))
            split = reference.word_starts and len(split_words(label)) <= len(reference.word_starts)
            if not _fuzzy.looks_like_a_typo(key, candidate, distance) or (
                split and not _fuzzy.keeps_word_starts(key, candidate, reference.word_starts)
            ):
                score *= 0.7  # still a candidate for search(), never close enough for lookup() to accept
            candidates.append((round(score, 1), position, "fuzzy", label))
        if reference.tags:
            # Words that read as campaign tags ("stock bio", "the ads") are forgiven a typo only where they are
            # the name's own: "Gogle Groups" is Google Groups, "Stock Bio" no Stockbit.
            n = len(reference.tags)
            candidates = [c for c in candidates if tuple(split_words(c[3])[-n:]) == reference.tags]
        candidates.sort(key=lambda c: (-c[0], self._facts[c[1]][1].casefold(), self._facts[c[1]][0]))
        return candidates

    def _words_not_typos(self) -> frozenset[str]:
        words = self._not_typos
        if isinstance(words, frozenset):
            return words
        with self._lock:
            if not isinstance(self._not_typos, frozenset):
                if self._not_typos is None:
                    from medsos._dataset import bundled_not_typos

                    self._not_typos = bundled_not_typos()
                else:
                    self._not_typos = self._not_typos()
            return self._not_typos

    def _fuzzy_index(self) -> _fuzzy.FuzzyIndex:
        if self._fuzzy is None:
            from medsos import _fuzzy

            names = self._index.names
            with self._lock:
                if self._fuzzy is None:
                    # Names with dots ("Micro.blog") are host-like: only their exact spelling should match.
                    self._fuzzy = _fuzzy.FuzzyIndex(key for key in names if "." not in key)
        return self._fuzzy

    def _prefix_candidates(self, reference: Reference | None, seen: set[int]) -> list[_Candidate]:
        """Names that start with the text, or one of whose words does ("face" gives Facebook)."""
        if reference is None or reference.is_url or reference.host is not None or reference.analytics:
            return []
        query = reference.name
        if len(query) < _PREFIX_MIN_LENGTH:
            return []
        fragments, owners = self._prefix_index()
        found: dict[int, _Candidate] = {}
        start = bisect.bisect_left(fragments, query)
        for i in range(start, len(fragments)):
            fragment = fragments[i]
            if not fragment.startswith(query):
                break
            position, label = owners[i]
            if position in seen:
                continue
            score = self._prefix_score(query, fragment, position, whole=fragment == name_key(label))
            if position not in found or found[position][0] < score:
                found[position] = (score, position, "prefix", label)
        return sorted(
            found.values(), key=lambda c: (-c[0], self._facts[c[1]][1].casefold(), self._facts[c[1]][0])
        )

    def _prefix_score(self, query: str, fragment: str, position: int, *, whole: bool) -> float:
        # How much of the name the text covers, and how widely known the platform is (the more names, domains
        # and apps it has, the likelier it is the one meant): "face" is Facebook before Facebox.
        facts = self._facts[position]
        known = sum(len(facts[i]) for i in range(2, 7))
        closeness = 0.5 * len(query) / len(fragment) + 0.5 * min(1.0, known / 12)
        return max(0.1, round(_PREFIX_SCORE * closeness * (1.0 if whole else 0.8), 1))

    def _prefix_index(self) -> tuple[list[str], list[tuple[int, str]]]:
        if self._prefixes is None:
            names = self._index.names
            with self._lock:
                if self._prefixes is None:
                    pairs: set[tuple[str, int, str]] = set()
                    for key, (position, _, label) in names.items():
                        pairs.add((key, position, label))
                        words = split_words(label)
                        for i in range(1, len(words)):
                            if (fragment := name_key(" ".join(words[i:]))) and len(
                                fragment
                            ) >= _PREFIX_MIN_LENGTH:
                                pairs.add((fragment, position, label))
                    ordered = sorted(pairs)
                    self._prefixes = ([p[0] for p in ordered], [(p[1], p[2]) for p in ordered])
        return self._prefixes

    def _accept(self, candidates: list[_Candidate]) -> _Candidate | None:
        """The candidate that is clearly the one meant, if there is one."""
        if not candidates or candidates[0][0] < self._fuzzy_threshold:
            return None
        # Two different platforms equally close is a guess, not a match.
        if len(candidates) > 1 and candidates[1][0] == candidates[0][0]:
            return None
        return candidates[0]

    def _typo(
        self, text: str, reference: Reference | None, fuzzy: bool, raise_if_unknown: bool
    ) -> int | None:
        """The position of the platform that ``text``, which names none exactly, is a typo of; or ``None`` (or the
        error, with suggestions)."""
        # One typo search serves both the match and the suggestions of the error.
        candidates = self._typos(reference) if fuzzy or raise_if_unknown else []
        accepted = self._accept(candidates) if fuzzy else None
        if accepted is not None:
            return accepted[1]
        if raise_if_unknown:
            raise UnknownPlatformError(text, tuple(self._facts[c[1]][1] for c in candidates[:_SUGGESTIONS]))
        return None

    def _match(self, candidate: _Candidate) -> Match:
        from medsos._results import Match  # made on the first match: lookup() and classify() never need it

        score, position, kind, label = candidate
        return Match(self._platform(position), score, kind, label)

    # -- the public lookups -------------------------------------------------------------------------------

    def match(self, text: str, *, fuzzy: bool = True) -> Match | None:
        """The best :class:`Match` for ``text``, or ``None``: what :meth:`lookup` decides, with how and how sure."""
        entry, reference = self._exact(text)
        if entry is not None:
            return self._match((100.0, *entry))
        accepted = self._accept(self._typos(reference)) if fuzzy else None
        return None if accepted is None else self._match(accepted)

    @overload
    def lookup(self, text: str, *, fuzzy: bool = ...) -> Platform: ...
    @overload
    def lookup(self, text: str, *, default: T, fuzzy: bool = ...) -> Platform | T: ...
    def lookup(self, text: str, *, default: object = _MISSING, fuzzy: bool = True) -> object:
        """The platform that ``text`` names: a name, alias, former name, URL, hostname or Android app id.

        A small typo in a name is forgiven unless ``fuzzy`` is false.  Unknown text raises
        :class:`~medsos.UnknownPlatformError` unless ``default`` is given, which is then returned.  Text that is
        not a :class:`str` raises :class:`TypeError`.
        """
        # The common case first, one dict lookup: text that is a key once lower-cased.  (Where lower() makes a
        # key of text beyond ASCII, NFKC and case folding make the same key: the rules below agree.)
        reference: Reference | None
        if text.__class__ is str and len(text) > _SHORT and text.isascii():
            # Longer ASCII text, a URL mostly, is read at once (what _exact() does, without the exact keys it
            # cannot be): every rule of the full road applies all the same.
            reference = read = (_read or _import_read())(text)
            entry = self._index.find(read)
        else:
            try:
                platform = self._exact_platforms.get(text.lower())
                if platform is not None:
                    return platform
            except (TypeError, AttributeError):
                pass  # not text: _exact() says what it wanted
            entry, reference = self._exact(text)
        if entry is not None:
            platform = self._records[entry[0]]
            return platform if platform is not None else self._platform(entry[0])
        if reference is not None and reference.is_url and default is not _MISSING:
            return default  # a URL that names no host of ours: no typo to look for, no suggestion to make
        position = self._typo(text, reference, fuzzy, default is _MISSING)
        return default if position is None else self._platform(position)

    @overload
    def classify(self, text: str, *, fuzzy: bool = ...) -> PlatformType: ...
    @overload
    def classify(self, text: str, *, default: T, fuzzy: bool = ...) -> PlatformType | T: ...
    def classify(self, text: str, *, default: object = _MISSING, fuzzy: bool = True) -> object:
        """The primary :class:`~medsos.PlatformType` of the platform that ``text`` names.

        Same rules as :meth:`lookup`; the platform record itself is never needed.
        """
        reference: Reference | None
        if text.__class__ is str and len(text) > _SHORT and text.isascii():
            reference = read = (_read or _import_read())(text)
            entry = self._index.find(read)
        else:
            try:
                found = self._exact_types.get(text.lower())
                if found is not None:
                    return found
            except (TypeError, AttributeError):
                pass
            entry, reference = self._exact(text)
        if entry is not None:
            return self._type_of[entry[0]]
        if reference is not None and reference.is_url and default is not _MISSING:
            return default
        position = self._typo(text, reference, fuzzy, default is _MISSING)
        return default if position is None else self._type_of[position]

    @overload
    def classify_many(self, values: Iterable[str], *, fuzzy: bool = ...) -> list[PlatformType]: ...
    @overload
    def classify_many(
        self, values: Iterable[str], *, default: T, fuzzy: bool = ...
    ) -> list[PlatformType | T]: ...
    def classify_many(
        self, values: Iterable[str], *, default: object = _MISSING, fuzzy: bool = True
    ) -> Sequence[object]:
        """:meth:`classify` every value, in order; each distinct value is classified once.

        Meant for columns of logs, where a few hundred distinct values repeat a million times.  Missing values
        (``None``, NaN, pandas' ``NA``) count as unknown text: they give ``default``, or raise
        :class:`~medsos.UnknownPlatformError` when there is none.  Other values that are not text raise
        :class:`TypeError`, and so does a single string passed instead of a column of them.
        """
        return self._many(values, default, lambda text: self.classify(text, default=default, fuzzy=fuzzy))

    @overload
    def lookup_many(self, values: Iterable[str], *, fuzzy: bool = ...) -> list[Platform]: ...
    @overload
    def lookup_many(self, values: Iterable[str], *, default: T, fuzzy: bool = ...) -> list[Platform | T]: ...
    def lookup_many(
        self, values: Iterable[str], *, default: object = _MISSING, fuzzy: bool = True
    ) -> Sequence[object]:
        """:meth:`lookup` every value, in order; each distinct value is looked up once.

        Missing values are handled as by :meth:`classify_many`.
        """
        return self._many(values, default, lambda text: self.lookup(text, default=default, fuzzy=fuzzy))

    @staticmethod
    def _many(values: Iterable[str], default: object, resolve: Callable[[str], object]) -> list[object]:
        if isinstance(values, str):
            raise TypeError(
                "pass a column (an iterable of strings), not a single string; use classify() for one"
            )
        if isinstance(values, (bytes, bytearray, memoryview)):
            raise TypeError(f"pass a column (an iterable of strings), not {type(values).__name__}")
        cache: dict[object, object] = {}
        results: list[object] = []
        append = results.append
        for value in values:
            try:
                append(cache[value])
                continue
            except KeyError:
                pass
            except TypeError:  # unhashable: resolve() explains what it wanted
                append(resolve(value))
                continue
            if value.__class__ is str:
                result = resolve(value)
            elif _is_missing(value):
                if default is _MISSING:
                    raise UnknownPlatformError(str(value), missing=True)
                result = default
            else:
                result = resolve(value)  # raises TypeError, naming the type
            cache[value] = result
            append(result)
        return results

    def search(self, text: str, *, limit: int = 5) -> SearchResults:
        """Ranked candidates for ``text``, best first: an exact match, then names within a few typos, then names
        that start with the text (``"face"`` finds Facebook, ``"linked"`` LinkedIn), which only search() offers.

        Ties are broken by name, so the order is deterministic.  Returns at most ``limit`` matches, and none
        when nothing is close.
        """
        checked: object = limit
        if not isinstance(checked, int) or isinstance(checked, bool):
            raise TypeError(f"limit must be an int, not {type(limit).__name__}")
        if checked < 0:
            raise ValueError(f"limit must be zero or more, not {limit!r}")
        entry, reference = self._exact(text)
        if reference is None:  # an exact key: search() lists what else is close all the same
            reference = (_read or _import_read())(text)
        found: list[_Candidate] = [] if entry is None else [(100.0, *entry)]
        seen = {c[1] for c in found}
        for candidate in self._typos(reference):
            if candidate[1] not in seen:
                seen.add(candidate[1])
                found.append(candidate)
        if len(found) < limit:
            found += self._prefix_candidates(reference, seen)
        from medsos._results import SearchResults

        return SearchResults(self._match(candidate) for candidate in found[:limit])

    # -- a registry as a value ----------------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Registry):
            return NotImplemented
        return self is other or (
            self.platforms == other.platforms
            and self.types == other.types
            and self._fuzzy_threshold == other._fuzzy_threshold
            and self._words_not_typos() == other._words_not_typos()
        )

    def __hash__(self) -> int:
        return hash((len(self._facts), self._fuzzy_threshold))

    def __reduce__(self) -> tuple[Any, ...]:
        if self is _bundled:
            return (bundled, ())  # the receiving process has the same data, and loads it on first use
        return (
            _rebuild_registry,
            (
                tuple(self.platforms),
                tuple(self._types),
                self._fuzzy_threshold,
                tuple(sorted(self._words_not_typos())),
            ),
        )

    def __repr__(self) -> str:
        return f"<Registry of {len(self._facts)} platforms>"


#: The registry of the bundled dataset, once built, and the version of that dataset.
_bundled: Registry | None = None
_bundled_version: str | None = None


def bundled() -> Registry:
    """The registry over the bundled dataset: built on first use, behind the dataset's lock, and shared."""
    global _bundled, _bundled_version
    if _bundled is None:
        from medsos._dataset import bundled_not_typos, lock, read_platforms, taxonomy

        with lock():
            if _bundled is None:
                types, languages = taxonomy()
                _bundled_version, records = read_platforms()
                _bundled = Registry._bundled(records, types, languages, bundled_not_typos)
    return _bundled


def bundled_version() -> str:
    """The version of the bundled dataset, such as ``"2026.11.26"``."""
    bundled()
    assert _bundled_version is not None
    return _bundled_version


def _rebuild_registry(
    platforms: tuple[Platform, ...],
    types: tuple[PlatformType, ...],
    threshold: float,
    not_typos: tuple[str, ...],
) -> Registry:
    return Registry(platforms, types=types, fuzzy_threshold=threshold, not_typos=not_typos)


def _is_iterable(value: object) -> bool:
    try:
        iter(value)  # type: ignore[call-overload]
    except TypeError:
        return False
    return True
