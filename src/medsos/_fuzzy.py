"""Typo-tolerant name matching: a delete-variant (SymSpell-style) index over name keys.

Only names, aliases and former names are indexed: hostnames and URLs never match fuzzily, since a host one
letter away from a platform's is exactly what a spoofer registers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medsos._vocabulary import KEYBOARD_ROWS, SOUND_ALIKE_LETTERS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["FuzzyIndex", "edit_distance", "keeps_word_starts", "looks_like_a_typo", "max_edits"]

#: Fuzzy matching needs at least this many characters: shorter keys have too many neighbours.
MIN_LENGTH = 5
#: Longer queries are not matched fuzzily (no platform name is that long), which bounds the work.
MAX_LENGTH = 30


def max_edits(length: int) -> int:
    """How many edits a query of ``length`` characters may be from a name and still match it."""
    if length < MIN_LENGTH or length > MAX_LENGTH:
        return 0
    return 1 if length < 8 else 2


def looks_like_a_typo(query: str, key: str, distance: int) -> bool:
    """Whether ``query`` reads as a slip of the fingers on ``key`` rather than a word of its own.

    Typos keep the first letter and the letters of the word: a dropped, doubled or swapped letter, or in a name
    of eight letters or more, two such slips or one wrong letter.  Words built on a name are not typos of it: a different first
    letter ("interest", "funny" against "pinterest", "ifunny"), letters added at the end ("bloggers"),
    another ending ("telegrame" against "telegraph"), other letters ("medically" against "musically"), or
    a short word with a letter added or changed ("lines" for "line", "tender" for "tinder"), unless the
    change is to a key next to it on the keyboard row or to a letter that sounds the same ("tiktoc").  Dictionary
    words that still look like typos of a name are listed in ``data/not_typos.json``.
    """
    if query[0] != key[0] and not (query[:2] == key[1::-1] and query[2:3] == key[2:3]):
        return False
    if key.startswith(query):
        # Only the last letter dropped, from a name long enough that the rest is not a word of its own
        # ("youtub", but not "prima" for "primal" or "lista" for "listal").
        return len(key) - len(query) == 1 and len(key) >= 7
    if query.startswith(key):
        return query == key + key[-1]  # only the last letter doubled
    if len(_letter_difference(query, key)) > 2:
        return False  # more than one letter differs: another word, not a slip
    if len(key) >= 8:
        # Two edits in the last two letters replace the ending: "telegrame" is not "telegraph".
        return distance < 2 or query[: len(key) - 2] != key[:-2]
    if len(query) == len(key) - 1:
        return True
    if len(query) == len(key) + 1:
        for i in range(len(query)):
            if query[:i] + query[i + 1 :] == key:
                return (i > 0 and query[i - 1] == query[i]) or (
                    i + 1 < len(query) and query[i + 1] == query[i]
                )
        return False
    if len(query) == len(key):
        diff = [i for i in range(len(query)) if query[i] != key[i]]
        if len(diff) == 1:
            # A slip to the next key on the row, or a letter that sounds the same ("githib", "tiktoc").
            return query[diff[0]] + key[diff[0]] in _CONFUSABLE
        return len(diff) == 2 and diff[1] == diff[0] + 1 and query[diff[0]] == key[diff[1]]
    return False


def keeps_word_starts(query: str, key: str, word_starts: tuple[int, ...]) -> bool:
    """Whether each later word of a query of several words begins where the same letter stands in ``key``, a
    name of fewer words.

    People split a name in two ("Tik Tokk", "Trip advsor"), but a slip of the fingers does not move where a word
    begins: "music hall" is no Musically, "red it" no Reddit.  ``word_starts`` are where the words begin in
    ``query``, a name key.
    """
    return all(query[start : start + 1] == key[start : start + 1] for start in word_starts)


def _confusable_pairs() -> frozenset[str]:
    pairs = set(SOUND_ALIKE_LETTERS)
    for row in KEYBOARD_ROWS:
        pairs.update(row[i : i + 2] for i in range(len(row) - 1))
    return frozenset(pairs | {pair[::-1] for pair in pairs})


#: Two letters, either way round, that a hurried typist swaps one for the other.
_CONFUSABLE = _confusable_pairs()


def _letter_difference(a: str, b: str) -> list[str]:
    """The letters one of ``a`` and ``b`` has and the other lacks, counted with repeats."""
    remaining = list(b)
    extra = []
    for ch in a:
        if ch in remaining:
            remaining.remove(ch)
        else:
            extra.append(ch)
    return extra + remaining


def _deletes(word: str, depth: int) -> Iterator[str]:
    """Every string made by deleting up to ``depth`` characters from ``word`` (with repeats)."""
    frontier = {word}
    for _ in range(depth):
        following: set[str] = set()
        for item in frontier:
            for i in range(len(item)):
                following.add(item[:i] + item[i + 1 :])
        yield from following
        frontier = following


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions), or ``limit + 1``."""
    # A typo leaves most of a word alone: compare only what lies between the shared start and end.
    start, stop_a, stop_b = 0, len(a), len(b)
    while start < stop_a and start < stop_b and a[start] == b[start]:
        start += 1
    while stop_a > start and stop_b > start and a[stop_a - 1] == b[stop_b - 1]:
        stop_a -= 1
        stop_b -= 1
    a, b = a[start:stop_a], b[start:stop_b]
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a or not b:
        return len(a) or len(b)
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        char = a[i - 1]
        current = [i] * (len(b) + 1)
        best = i
        for j in range(1, len(b) + 1):
            value = previous[j - 1] if char == b[j - 1] else previous[j - 1] + 1
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == b[j - 1] and previous2[j - 2] + 1 < value:
                value = previous2[j - 2] + 1
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1


class FuzzyIndex:
    """Maps each delete variant of every key to the keys it came from, by their position in :attr:`keys`."""

    def __init__(self, keys: Iterable[str]) -> None:
        # A key may be up to two characters shorter or longer than a query that matches it.
        self.keys = tuple(sorted({key for key in keys if MIN_LENGTH - 2 <= len(key) <= MAX_LENGTH + 2}))
        # A variant of a single key, by far the most common, holds its position alone: no tuple per variant.
        variants: dict[str, int | tuple[int, ...]] = {}
        get = variants.get
        for position, key in enumerate(self.keys):
            for variant in (key, *_deletes(key, 2 if len(key) >= 7 else 1)):
                held = get(variant)
                if held is None:
                    variants[variant] = position
                elif isinstance(held, int):
                    if held != position:
                        variants[variant] = (held, position)
                elif position not in held:
                    variants[variant] = (*held, position)
        self._variants = variants

    def candidates(self, query: str) -> list[tuple[int, str]]:
        """``(distance, key)`` pairs within :func:`max_edits` of ``query``, closest first, then by key."""
        limit = max_edits(len(query))
        if not limit:
            return []
        seen: set[int] = set()
        found: list[tuple[int, str]] = []
        get = self._variants.get
        keys = self.keys
        for variant in (query, *_deletes(query, 1)):
            held = get(variant)
            if held is None:
                continue
            for position in (held,) if isinstance(held, int) else held:
                if position in seen:
                    continue
                seen.add(position)
                key = keys[position]
                if key == query:
                    continue
                distance = edit_distance(query, key, limit)
                if distance <= limit:
                    found.append((distance, key))
        found.sort()
        return found
