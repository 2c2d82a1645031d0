"""Names as keys: how a name, alias or former name is folded, and how text is stripped of what wraps it.

Every function here takes any ``str``, does work linear in its length, and never raises.
"""

from __future__ import annotations

import re
import unicodedata

from medsos._vocabulary import KEPT_SYMBOLS, LETTER_VARIANTS, OPTIONAL_MARKS, WRAPPING

__all__ = [
    "MAX_NAME_LENGTH",
    "fold",
    "has_surrogates",
    "letters_are_ascii",
    "literal_key",
    "name_key",
    "split_words",
    "strip_wrapping",
]

#: Longer text, once what wraps it is stripped, is never a platform name: it is not normalised at all.
MAX_NAME_LENGTH = 200

_WRAPPING_SET = frozenset(WRAPPING)


def _character_class(characters: frozenset[str]) -> str:
    """A regex class of ``characters`` written as ranges of consecutive code points."""
    codes = sorted(map(ord, characters))
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]"


# One character class of a few ranges: membership costs the same whatever the size of the set, so that
# stripping megabytes of wrapping characters stays linear (str.strip compares each character with every one of
# the set).
_WRAPPING_RUN = _character_class(_WRAPPING_SET) + "+"
# Turkish and Azeri dotless i: "DONANIMHABER" must find "DonanımHaber", whose ı has no upper case of its own.
_DOTLESS_I = str.maketrans({"ı": "i"})
_SURROGATE = "[\ud800-\udfff]"
# What an ASCII name key keeps: letters, digits and the kept symbols.
_ASCII_DROPPED = str.maketrans(
    {chr(code): None for code in range(128) if not chr(code).isalnum() and chr(code) not in KEPT_SYMBOLS}
)
_LETTER_VARIANTS = str.maketrans(LETTER_VARIANTS)
_SEPARATORS = r"[\s_\-\u2010-\u2015]+"
# The patterns above are compiled when first used (re keeps the last few hundred patterns it compiled): the
# first answers, from exact keys, need none of them.


def strip_wrapping(text: str) -> str:
    """``text`` without the white space, quotes, brackets, punctuation and invisible characters around it."""
    if not text or (text[0] not in _WRAPPING_SET and text[-1] not in _WRAPPING_SET):
        return text
    lead = re.match(_WRAPPING_RUN, text)
    start = lead.end() if lead is not None else 0
    if start == len(text):
        return ""
    end = len(text)
    if text[-1] in _WRAPPING_SET:
        trail = re.match(_WRAPPING_RUN, text[::-1])  # the run at the end, read from the end
        end -= trail.end() if trail is not None else 0
    return text[start:end]


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: a byte that was not text, read with ``surrogateescape``."""
    return not text.isascii() and re.search(_SURROGATE, text) is not None


def fold(text: str) -> str:
    """``text`` with compatibility forms (full-width letters) and case folded, the Turkish dotless ı read as i,
    and nothing else changed."""
    if text.isascii():
        return text.lower()  # NFKC leaves ASCII alone, and casefold() is lower() on it
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded if folded.isascii() else folded.translate(_DOTLESS_I)


def name_key(text: str) -> str:
    """The key a name or alias is indexed and looked up by.

    Width forms and compatibility characters are folded (NFKC), case is folded, accents on Latin letters are
    dropped, surrounding space and punctuation go, and inside the name every character that is not a letter,
    a digit, ``+``, ``&`` or ``.`` is removed, so inner spaces and dashes do not matter: ``" Stack-Overflow! "``
    and ``"stackoverflow"`` share a key, while ``"Are.na"`` and ``"arena"`` do not.  Marks that writers add
    or leave out at will (Arabic short vowels and hamza, the tatweel, the Devanagari nukta) are dropped.  Text longer than
    :data:`MAX_NAME_LENGTH`, once its surroundings are stripped, and text holding lone surrogates get the empty
    key.
    """
    text = strip_wrapping(text)
    if len(text) > MAX_NAME_LENGTH or has_surrogates(text):
        return ""
    folded = fold(text)
    if folded.isascii():
        return folded.translate(_ASCII_DROPPED)
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", folded).translate(_LETTER_VARIANTS):
        if ch in OPTIONAL_MARKS:
            continue
        if ch.isalnum() or ch in KEPT_SYMBOLS:
            kept.append(ch)
        elif unicodedata.category(ch)[0] == "M" and kept and kept[-1] >= "\u0250":
            # Drop accents on Latin letters only: in Thai, kana or Devanagari the mark is part of the letter.
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def literal_key(text: str) -> str:
    """The key of a name kept whole ("Last.fm", "Twitter/X"): stripped and folded, nothing removed."""
    text = strip_wrapping(text)
    return "" if len(text) > MAX_NAME_LENGTH or has_surrogates(text) else fold(text)


def letters_are_ascii(text: str) -> bool:
    """Whether the letters and digits that spell ``text`` are ASCII once compatibility forms are folded.

    Case folding turns a dotless i into "i" and "ß" into "ss", which a browser never does to a host:
    "wordpreß.com" folds to "wordpress.com" but is another host.  Keys that read like hosts match only text
    for which this holds; decoration around a name ("• Last.fm ✓") does not count.
    """
    if text.isascii():
        return True
    name = unicodedata.normalize("NFKC", strip_wrapping(text)[: MAX_NAME_LENGTH + 1])
    return all(ch.isascii() for ch in name if ch.isalnum())


def split_words(text: str) -> list[str]:
    """The words of ``text``, NFKC- and case-folded, split at white space, ``_`` and dashes."""
    return re.split(_SEPARATORS, fold(strip_wrapping(text)))
