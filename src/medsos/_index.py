"""The index: every key a set of platforms is known by, built once, and the one matcher that reads it.

Keys come from :data:`Facts`, the few fields of a platform that matching needs, taken from a
:class:`~medsos.Platform` or straight from a record of the bundled JSON (so that the first lookups need no
platform records at all).  Exact keys, hosts and app ids are indexed at once; name keys, which cost a Unicode
normalisation each, when first needed.  Entries name platforms by their position; the registry turns a
position into a record.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from medsos import _validation
from medsos._text import MAX_NAME_LENGTH, fold, letters_are_ascii, literal_key, name_key
from medsos._vocabulary import LITERAL_CHARACTERS

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Mapping

    from medsos._models import Platform
    from medsos._reference import Reference

__all__ = ["Entry", "Facts", "Index", "MatchKind", "facts_of_platform", "facts_of_record"]

MatchKind = Literal["name", "alias", "former_name", "domain", "short_domain", "app_id", "fuzzy", "prefix"]
#: What the index holds for a key: the platform's position, how the key names it, and the key as the data
#: spells it.
Entry = tuple[int, MatchKind, str]
#: id, name, aliases, former names, domains, short domains, app ids, and type ids (the primary type first).
Facts = tuple[
    str, str, Sequence[str], Sequence[str], Sequence[str], Sequence[str], Sequence[str], Sequence[str]
]


def facts_of_platform(platform: Platform) -> Facts:
    return (
        platform.id,
        platform.name,
        platform.aliases,
        platform.former_names,
        platform.domains,
        platform.short_domains,
        platform.app_ids,
        tuple(platform_type.id for platform_type in platform.types),
    )


def facts_of_record(record: Mapping[str, Any]) -> Facts:
    """The facts of a record of the bundled JSON, which the tests keep valid; a key left out holds its default."""
    # The record's own lists, not copies: the registry keeps the records and never changes them.
    get = record.get
    return (
        record["id"],
        record["name"],
        get("aliases", ()),
        get("former_names", ()),
        get("domains", ()),
        get("short_domains", ()),
        get("app_ids", ()),
        (record["type"], *get("secondary_types", ())),
    )


def _labels(facts: Facts) -> Iterator[tuple[MatchKind, str]]:
    yield "name", facts[1]
    for alias in facts[2]:
        yield "alias", alias
    for former in facts[3]:
        yield "former_name", former


class Index:
    """Every key of a set of platforms.

    ``exact`` holds folded names, aliases and former names, hosts and app ids, leaving out a key that two
    platforms claim (the other indexes decide it, or the registry refuses it); ``hosts`` and ``apps`` hold domains and app ids; ``names`` name keys,
    ``literal`` the folded names that hold URL characters, both built by :meth:`complete`.
    """

    def __init__(self, facts: Sequence[Facts]) -> None:
        self._facts = facts
        self.hosts: dict[str, Entry] = {}
        self.apps: dict[str, Entry] = {}
        self.problems: list[str] = []
        exact: dict[str, Entry] = {}
        ambiguous: set[str] = set()
        hosts, apps = self.hosts, self.apps
        # One pass over every key, the claims written out: this runs before the first answer.
        for position, platform in enumerate(facts):
            claims: list[tuple[str, Entry]] = [(fold(platform[1]), (position, "name", platform[1]))]
            claims += [(fold(alias), (position, "alias", alias)) for alias in platform[2]]
            claims += [(fold(former), (position, "former_name", former)) for former in platform[3]]
            for kind, index, keys in (
                ("domain", hosts, platform[4]),
                ("short_domain", hosts, platform[5]),
                ("app_id", apps, platform[6]),
            ):
                for label in keys:
                    entry: Entry = (position, kind, label)  # type: ignore[assignment]
                    key = label.casefold() if kind == "app_id" else label
                    if index.setdefault(key, entry)[0] != position:
                        self._report(key, entry, index[key])
                    claims.append((key, entry))
            for key, entry in claims:
                if exact.setdefault(key, entry)[0] != position:
                    ambiguous.add(key)
        for key in ambiguous:
            del exact[key]
        self.exact = exact
        #: The length of the longest exact key: longer text is not worth folding to look it up.
        self.longest_key = max(map(len, exact), default=0)
        self._names: dict[str, Entry] | None = None
        self._literal: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def _claim(self, index: dict[str, Entry], key: str, entry: Entry) -> None:
        claimed = index.setdefault(key, entry)
        if claimed[0] != entry[0]:
            self._report(key, entry, claimed)

    def _report(self, key: str, entry: Entry, claimed: Entry) -> None:
        owner, claimed_owner = self._facts[entry[0]][0], self._facts[claimed[0]][0]
        if owner == claimed_owner:
            return  # one platform listed twice: its id says so once, rather than each of its keys
        self.problems.append(_validation.claim_problem(key, entry[2], owner, claimed[2], claimed_owner))

    @property
    def names(self) -> dict[str, Entry]:
        """Name keys of every name, alias and former name (built on first use)."""
        return self._names if self._names is not None else self.complete()

    def complete(self) -> dict[str, Entry]:
        """Build the name keys now, adding what is wrong with them to :attr:`problems`; returns them."""
        with self._lock:
            if self._names is None:
                names: dict[str, Entry] = {}
                for position, platform in enumerate(self._facts):
                    for kind, label in _labels(platform):
                        key = name_key(label)
                        if not key:
                            self.problems.append(_validation.empty_key_problem(platform[0], kind, label))
                            continue
                        self._claim(names, key, (position, kind, label))
                        if any(ch in label for ch in LITERAL_CHARACTERS):
                            self._literal.setdefault(literal_key(label), (position, kind, label))
                self._names = names
        return self._names

    def exact_keys(self, position: int) -> Iterator[str]:
        """The exact keys of the platform at ``position``, ambiguous ones included."""
        platform = self._facts[position]
        for _, label in _labels(platform):
            yield fold(label)
        yield from (*platform[4], *platform[5])
        for app_id in platform[6]:
            yield app_id.casefold()

    def check(self, type_ids: Collection[str]) -> None:
        """Raise :class:`~medsos.DatasetError` naming every problem of these platforms."""
        self.complete()
        _validation.check(
            _validation.record_problems(((f[0], f[4], f[7]) for f in self._facts), type_ids) + self.problems
        )

    def exact_entry(self, text: str) -> Entry | None:
        """The entry of text that is exactly a key once folded: the common case, one dict lookup."""
        if len(text) > (self.longest_key if text.isascii() else MAX_NAME_LENGTH):
            return None  # folding keeps the length of ASCII text; NFKC may shorten other text
        key = fold(text)
        entry = self.exact.get(key)
        if (
            entry is not None
            and not text.isascii()
            and "." in key
            and key.isascii()
            and not letters_are_ascii(text)
        ):
            return None  # only case folding made it a host-like key: "wordpreß.com" is another host
        return entry

    def find(self, reference: Reference) -> Entry | None:
        """The entry that a reference names exactly, by every rule but typos."""
        if reference.app_id is not None:
            entry = self.apps.get(reference.app_id.casefold())
            if entry is not None:
                return entry
        host = reference.host
        if host is not None:
            # The longest listed suffix of the host wins, down to its last two labels: "my.mail.ru" can be a
            # platform while "go.mail.ru" is not, and a single label ("com") is never looked up.
            hosts = self.hosts
            entry = hosts.get(host)
            while entry is None and "." in (host := host.partition(".")[2]):
                entry = hosts.get(host)
            if entry is not None:
                return entry
        elif reference.name:
            entry = self.names.get(reference.name)
            if entry is not None and _allowed(reference, reference.name):
                return entry
        if reference.literal:
            if self._names is None:
                self.complete()
            entry = self._literal.get(reference.literal)
            if entry is not None and _allowed(reference, reference.literal):
                return entry
        if reference.source is not None:
            # Analytics text names its source exactly, by every rule above; a tag is never guessed at.
            return self.find(reference.source)
        return None


def _allowed(reference: Reference, key: str) -> bool:
    # A key that reads like a host ("wordpress.com" as a name) matches only text whose letters are ASCII.
    return reference.plain_letters or "." not in key or not key.isascii()
