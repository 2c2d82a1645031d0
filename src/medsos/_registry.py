"""The matcher: indexes over a set of platforms, built once, and the lookups that use them."""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from attrs import field, frozen, validators

from medsos._errors import DatasetError, UnknownPlatformError
from medsos._models import Platform, PlatformType, Subtype
from medsos._normalize import (
    MAX_NAME_LENGTH,
    campaign_source,
    exact_index,
    find_by_host,
    folded_text,
    is_analytics_text,
    literal_key,
    name_key,
    parse_reference,
    placement_words,
    split_words,
    strip_wrapping,
)
from medsos._sentinel import MISSING as _MISSING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from medsos._fuzzy import FuzzyIndex

__all__ = ["Match", "MatchKind", "PlatformCollection", "Registry", "TypeCollection"]

T = TypeVar("T")

MatchKind = Literal["name", "alias", "former_name", "domain", "short_domain", "app_id", "fuzzy"]
#: What an index holds for a key: the platform, how the key names it, and the key as the data spells it.
_Entry = tuple[Platform, MatchKind, str]


#: How many close names an UnknownPlatformError suggests.
_SUGGESTIONS = 3
#: A typo is accepted by classify() and lookup() only at or above this score; calibrated on a labelled set of
#: typos and non-platform words (benchmarks/fuzzy_calibration.py, docs/matching.md).
FUZZY_ACCEPT_SCORE = 74.0


@frozen
class Match:
    """One candidate from :func:`medsos.search`: the platform, how sure (0 < score <= 100), and how it matched.

    ``matched_by`` is one of ``name``, ``alias``, ``former_name``, ``domain``, ``short_domain``, ``app_id`` and
    ``fuzzy``; ``key`` is the name, domain or app id that matched.
    """

    platform: Platform = field(repr=lambda platform: f"<Platform {platform.id!r}>")
    score: float = field(validator=[validators.gt(0), validators.le(100)])
    matched_by: MatchKind
    key: str


class _Platforms(tuple[Platform, ...]):
    """What :meth:`PlatformCollection.of_type` returns: a tuple that a notebook shows as a compact table."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from medsos._html import platforms_html

        return platforms_html(self)


class _Matches(list[Match]):
    """What :meth:`Registry.search` returns: a list that a notebook shows as a table of candidates."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        from medsos._html import matches_html

        return matches_html(self)


# Second-level public suffixes of country domains ("co.uk", "com.br", "or.id"): never one platform's domain.
_PUBLIC_SUFFIX_RE = re.compile(r"(?:co|com|net|org|gov|edu|ac|or|ne|go|gob|nic|mil|web|sch|my|biz)\.[a-z]{2}")


def _is_missing(value: object) -> bool:
    """``None``, a float NaN, or pandas' ``NA`` and ``NaT``: how data frames spell a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ in {"NAType", "NaTType"}


def _spoofs(text: str, key: str) -> bool:
    """Whether ``text`` only matches ``key``, a host, an app id or a name that reads like one ("WordPress.com"),
    through case folding.

    Case folding turns a dotless i into "i" and "ß" into "ss", which a browser never does to a host:
    "wordpreß.com" folds to "wordpress.com" but is another host.  Such keys match only text that is ASCII once
    normalised.
    """
    if "." not in key or not key.isascii():
        return False
    # Only the letters and digits that spell the name count: "• Last.fm ✓" is still Last.fm.
    name = unicodedata.normalize("NFKC", strip_wrapping(text)[: MAX_NAME_LENGTH + 1])
    return not all(ch.isascii() for ch in name if ch.isalnum())


class TypeCollection:
    """The six social media types, in the source article's order: iterable, sized, read-only.

    ``types["forum"]`` finds a type by id; ``types.get("Jejaring Sosial")`` by id or label in any language.
    """

    __slots__ = ("_by_id", "_by_key", "_order")

    def __init__(self, types: Iterable[PlatformType]) -> None:
        self._order = tuple(types)
        self._by_id = {platform_type.id: platform_type for platform_type in self._order}
        self._by_key: dict[str, PlatformType] = {}
        for platform_type in self._order:
            keys = {platform_type.id, *platform_type.labels.values()}
            keys |= {f"layanan {label}" for label in platform_type.labels.values()}
            for key in keys:
                self._by_key[name_key(key)] = platform_type

    def __getitem__(self, type_id: str) -> PlatformType:
        return self._by_id[type_id]

    def __iter__(self) -> Iterator[PlatformType]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, PlatformType):
            return self._by_id.get(item.id) == item
        return item in self._by_id

    @overload
    def get(self, label: str) -> PlatformType | None: ...
    @overload
    def get(self, label: str, default: T) -> PlatformType | T: ...
    def get(self, label: str, default: object = None) -> object:
        """The type whose id or label (English or Indonesian, any case) is ``label``, else ``default``."""
        if not isinstance(label, str):
            raise TypeError(f"a type label must be a str, not {type(label).__name__}")
        return self._by_key.get(name_key(label), default)

    def subtype(self, subtype_id: str) -> Subtype:
        """The subtype with this dotted id, such as ``"media_sharing.photo"``."""
        type_id = subtype_id.partition(".")[0]
        if type_id not in self._by_id:
            raise KeyError(subtype_id)
        return self._by_id[type_id].subtype(subtype_id)

    def __repr__(self) -> str:
        return f"<TypeCollection: {', '.join(self._by_id)}>"

    def _repr_html_(self) -> str:
        from medsos._html import types_html

        return types_html(self)


class PlatformCollection:
    """Every platform of a registry, ordered by id: iterable, sized, read-only.

    ``platforms["quora"]`` finds a platform by id, ``platforms.get("quora")`` too but returns ``None`` when
    there is none, and ``platforms.of_type("forum")`` filters by type.
    """

    __slots__ = ("_by_id", "_subtype_ids")

    def __init__(self, platforms: Iterable[Platform], *, subtype_ids: Iterable[str] = ()) -> None:
        self._by_id = {platform.id: platform for platform in sorted(platforms, key=lambda p: p.id)}
        self._subtype_ids = frozenset(subtype_ids)

    def __getitem__(self, platform_id: str) -> Platform:
        return self._by_id[platform_id]

    @overload
    def get(self, platform_id: str) -> Platform | None: ...
    @overload
    def get(self, platform_id: str, default: T) -> Platform | T: ...
    def get(self, platform_id: str, default: object = None) -> object:
        return self._by_id.get(platform_id, default)

    def __iter__(self) -> Iterator[Platform]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Platform):
            return self._by_id.get(item.id) == item
        return item in self._by_id

    def of_type(
        self, platform_type: PlatformType | str, *, include_secondary: bool = False
    ) -> tuple[Platform, ...]:
        """The platforms of a type (a :class:`PlatformType` or its id), by primary type unless
        ``include_secondary``.  An unknown type id raises :class:`ValueError`."""
        wanted = str(platform_type)
        return _Platforms(p for p in self if p.is_a(wanted, include_secondary=include_secondary))

    def of_subtype(self, subtype: Subtype | str) -> tuple[Platform, ...]:
        """The platforms whose primary subtype is ``subtype`` (a :class:`Subtype` or its dotted id).

        An unknown subtype id raises :class:`ValueError`.
        """
        wanted = str(subtype)
        if self._subtype_ids and wanted not in self._subtype_ids:
            raise ValueError(f"unknown subtype {wanted!r}; subtype ids look like 'forum.qna'")
        return _Platforms(p for p in self if p.subtype.id == wanted)

    def __repr__(self) -> str:
        return f"<PlatformCollection of {len(self)} platforms>"

    def _repr_html_(self) -> str:
        from medsos._html import platforms_html

        return platforms_html(self)


class Registry:
    """A set of platforms with every index built once, and the lookups over them.

    The module functions :func:`medsos.classify`, :func:`medsos.lookup` and :func:`medsos.search` use the
    bundled registry; build your own from :class:`~medsos.Platform` records, or with :meth:`from_records`,
    to match against other data.  A registry never changes after it is built.

    Raises :class:`~medsos.DatasetError` when two platforms claim the same id, name, alias, domain or app id.
    """

    def __init__(
        self,
        platforms: Iterable[Platform],
        *,
        types: Iterable[PlatformType] | None = None,
        fuzzy_threshold: float = FUZZY_ACCEPT_SCORE,
    ) -> None:
        platforms = tuple(platforms)
        if isinstance(fuzzy_threshold, bool) or not isinstance(fuzzy_threshold, (int, float)):
            raise TypeError(f"fuzzy_threshold must be a number, not {type(fuzzy_threshold).__name__}")
        if not 0 < fuzzy_threshold <= 100:  # NaN fails this too
            raise ValueError(f"fuzzy_threshold must be in (0, 100], not {fuzzy_threshold!r}")
        self._fuzzy_threshold = float(fuzzy_threshold)
        if types is None:
            from medsos._load import load_taxonomy

            types = load_taxonomy()
        self._types = TypeCollection(types)
        self._platforms = PlatformCollection(
            platforms,
            subtype_ids=(subtype.id for platform_type in self._types for subtype in platform_type.subtypes),
        )
        self._names: dict[str, _Entry] = {}
        # Names with URL characters in them: parsed as URLs they name nothing, so they are looked up whole.
        self._literal_labels: dict[str, _Entry] = {}
        self._hosts: dict[str, _Entry] = {}
        self._apps: dict[str, _Entry] = {}
        self._fuzzy: FuzzyIndex | None = None
        self._fuzzy_lock = threading.Lock()
        problems: list[str] = []
        if len(self.platforms) != len(platforms):
            ids = [p.id for p in platforms]
            problems += [f"id {pid!r} is used twice" for pid in sorted({i for i in ids if ids.count(i) > 1})]
        for label, entry in self._labels():
            key = name_key(label)
            if not key:
                why = "is too long" if len(label) > MAX_NAME_LENGTH else "has no letters or digits"
                problems.append(f"{entry[0].id}: {entry[1]} {label!r} {why}")
                continue
            self._claim(self._names, key, entry, problems)
            if any(ch in label for ch in "./:?#@\\"):
                self._literal_labels.setdefault(literal_key(label), entry)
        for platform in self.platforms:
            for platform_type in platform.types:
                if platform_type not in self.types:
                    problems.append(
                        f"{platform.id}: type {platform_type.id} is not in this registry's taxonomy"
                    )
            for domain in platform.domains:
                if _PUBLIC_SUFFIX_RE.fullmatch(domain):
                    problems.append(
                        f"{platform.id}: {domain!r} is a public suffix, shared by everyone under it"
                    )
                self._claim(self._hosts, domain, (platform, "domain", domain), problems)
            for domain in platform.short_domains:
                self._claim(self._hosts, domain, (platform, "short_domain", domain), problems)
            for app_id in platform.app_ids:
                self._claim(self._apps, app_id.casefold(), (platform, "app_id", app_id), problems)
        if problems:
            raise DatasetError("inconsistent platforms:\n  " + "\n  ".join(problems))
        self._fast = self._fast_index()
        self._fast_types = {key: entry[0].type for key, entry in self._fast.items()}
        # Keys beyond ASCII, which only names have: what text that is not ASCII may match.
        self._fast_name_types = {key: value for key, value in self._fast_types.items() if not key.isascii()}

    def _fast_index(self) -> dict[str, _Entry]:
        """Ready answers for text that is exactly a label, a domain or an app id once case is folded.

        Most real input is, so most lookups cost one normalisation and one dict lookup.
        """
        claims = [(folded_text(label), entry[0].id, entry) for label, entry in self._labels()]
        claims += [(key, entry[0].id, entry) for key, entry in (*self._hosts.items(), *self._apps.items())]
        return exact_index(claims)

    def _labels(self) -> Iterator[tuple[str, _Entry]]:
        for platform in self._platforms:
            yield platform.name, (platform, "name", platform.name)
            for alias in platform.aliases:
                yield alias, (platform, "alias", alias)
            for former in platform.former_names:
                yield former, (platform, "former_name", former)

    @property
    def types(self) -> TypeCollection:
        """The taxonomy this registry's platforms are placed in."""
        return self._types

    @property
    def platforms(self) -> PlatformCollection:
        """Every platform of this registry."""
        return self._platforms

    @property
    def fuzzy_threshold(self) -> float:
        """The lowest score at which :meth:`lookup` and :meth:`classify` accept a typo."""
        return self._fuzzy_threshold

    @staticmethod
    def _claim(index: dict[str, _Entry], key: str, entry: _Entry, problems: list[str]) -> None:
        claimed = index.setdefault(key, entry)
        if claimed[0] is not entry[0]:
            problems.append(
                f"{entry[2]!r} ({entry[0].id}) and {claimed[2]!r} ({claimed[0].id}) share the key {key!r}"
            )

    @classmethod
    def from_records(
        cls,
        records: Iterable[dict[str, object]],
        *,
        types: Iterable[PlatformType] | None = None,
        fuzzy_threshold: float = FUZZY_ACCEPT_SCORE,
    ) -> Registry:
        """Build a registry from plain dicts shaped like the bundled ``platforms.json`` entries.

        Types and subtypes are given by id.  Invalid records raise :class:`~medsos.DatasetError` naming them.
        """
        from medsos._load import load_taxonomy, structure_platforms

        if isinstance(records, Mapping):
            raise DatasetError("from_records() takes a list of records; wrap a single record in a list")
        taxonomy = tuple(types) if types is not None else load_taxonomy()
        platforms = structure_platforms(list(records), taxonomy)
        return cls(platforms, types=taxonomy, fuzzy_threshold=fuzzy_threshold)

    # -- matching ---------------------------------------------------------------------------------------

    def _exact(self, text: str) -> _Entry | None:
        if not isinstance(text, str):
            raise TypeError(f"medsos looks up text (str), not {type(text).__name__}")
        if len(text) <= MAX_NAME_LENGTH and "/" not in text:
            key = folded_text(text)
            hit = self._fast.get(key)
            if hit is not None and not _spoofs(text, key):
                return hit
        host, app_id, is_url = parse_reference(text)
        if app_id is not None:
            entry = self._apps.get(app_id.casefold())
            if entry is not None:
                return entry
        if host is not None:
            entry = find_by_host(self._hosts, host)
            if entry is not None:
                return entry
        elif not is_url:
            key = name_key(text)
            entry = self._names.get(key)
            if entry is not None and not _spoofs(text, key):
                return entry
        key = literal_key(text)
        entry = self._literal_labels.get(key) if self._literal_labels and not _spoofs(text, key) else None
        if entry is None and (source := campaign_source(text)) is not None:
            # Analytics text names its source exactly, with every rule above; a tag is never guessed at.
            entry = self._exact(source)
        return entry

    def _fuzzy_matches(self, text: str, *, not_typos: frozenset[str] | None = None) -> list[Match]:
        key = name_key(text)
        from medsos import _fuzzy

        if not _fuzzy.max_edits(len(key)) or key in (_fuzzy.not_typos() if not_typos is None else not_typos):
            return []
        if not key.isascii() and any("a" <= ch <= "z" for ch in key):
            return []  # Latin mixed with another script is a homoglyph trick, not a typo
        if self._fuzzy is None:
            with self._fuzzy_lock:
                if self._fuzzy is None:
                    # Names with dots ("Micro.blog") are host-like: only their exact spelling should match.
                    self._fuzzy = _fuzzy.FuzzyIndex(key for key in self._names if "." not in key)
        matches: list[Match] = []
        seen: set[str] = set()
        for distance, candidate in self._fuzzy.candidates(key):
            platform, _, label = self._names[candidate]
            if platform.id in seen:
                continue
            seen.add(platform.id)
            score = 100.0 * (1.0 - distance / max(len(key), len(candidate)))
            if not _fuzzy.looks_like_a_typo(key, candidate, distance):
                # Still a candidate for search(), but never close enough for lookup() to accept.
                score *= 0.7
            matches.append(Match(platform, round(score, 1), "fuzzy", label))
        matches.sort(key=lambda m: (-m.score, m.platform.name.casefold(), m.platform.id))
        return matches

    def _candidates(self, text: str) -> list[Match]:
        """Typo candidates, best first, for text that is a name rather than a host or URL."""
        host, _, is_url = parse_reference(text)
        if is_url or host is not None or is_analytics_text(text):
            return []  # a host, or analytics text ("stock / bio", "the_ads"): no typo of a name
        matches = self._fuzzy_matches(text)
        tags = placement_words(text)
        if tags:
            # Words that read as campaign tags ("stock bio", "the ads") are forgiven a typo only where they are
            # the name's own: "Gogle Groups" is Google Groups, "Stock Bio" no Stockbit.
            matches = [m for m in matches if split_words(m.key)[-len(tags) :] == tags]
        return matches

    def _accept(self, candidates: list[Match]) -> Match | None:
        """The candidate that is clearly the one meant, if there is one."""
        if not candidates or candidates[0].score < self._fuzzy_threshold:
            return None
        # Two different platforms equally close is a guess, not a match.
        if len(candidates) > 1 and candidates[1].score == candidates[0].score:
            return None
        return candidates[0]

    def _resolve(self, text: str, fuzzy: bool) -> Match | None:
        entry = self._exact(text)
        if entry is not None:
            return Match(entry[0], 100.0, entry[1], entry[2])
        return self._accept(self._candidates(text)) if fuzzy else None

    def _find(self, text: str, fuzzy: bool, raise_if_unknown: bool) -> Platform | None:
        entry = self._exact(text)
        if entry is not None:
            return entry[0]
        # One typo search serves both the match and the suggestions of the error.
        candidates = self._candidates(text) if fuzzy or raise_if_unknown else []
        match = self._accept(candidates) if fuzzy else None
        if match is not None:
            return match.platform
        if raise_if_unknown:
            raise UnknownPlatformError(text, tuple(m.platform.name for m in candidates[:_SUGGESTIONS]))
        return None

    def match(self, text: str, *, fuzzy: bool = True) -> Match | None:
        """The best :class:`Match` for ``text``, or ``None``: what :meth:`lookup` decides, with how and how sure."""
        return self._resolve(text, fuzzy)

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
        platform = self._find(text, fuzzy, raise_if_unknown=default is _MISSING)
        return default if platform is None else platform

    @overload
    def classify(self, text: str, *, fuzzy: bool = ...) -> PlatformType: ...
    @overload
    def classify(self, text: str, *, default: T, fuzzy: bool = ...) -> PlatformType | T: ...
    def classify(self, text: str, *, default: object = _MISSING, fuzzy: bool = True) -> object:
        """The primary :class:`~medsos.PlatformType` of the platform that ``text`` names.

        Same rules as :meth:`lookup`.
        """
        platform = self._find(text, fuzzy, raise_if_unknown=default is _MISSING)
        return default if platform is None else platform.type

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

    def search(self, text: str, *, limit: int = 5) -> list[Match]:
        """Ranked candidates for ``text``, best first: an exact match, then names within a few typos.

        Ties are broken by name, so the order is deterministic.  Returns at most ``limit`` matches and an empty
        list when nothing is close.
        """
        checked: object = limit
        if not isinstance(checked, int) or isinstance(checked, bool) or checked < 0:
            raise ValueError(f"limit must be a non-negative int, not {limit!r}")
        entry = self._exact(text)
        exact = Match(entry[0], 100.0, entry[1], entry[2]) if entry is not None else None
        results = [exact] if exact is not None else []
        seen = {exact.platform.id} if exact is not None else set()
        results += [m for m in self._candidates(text) if m.platform.id not in seen]
        return _Matches(results[:limit])

    def __repr__(self) -> str:
        return f"<Registry of {len(self.platforms)} platforms>"
