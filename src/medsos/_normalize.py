"""Turning what users type into keys: name keys for names and aliases, hosts for URLs.

Everything here is bounded by the length of its input and never raises on text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import TypeVar

    V = TypeVar("V")

__all__ = [
    "MAX_NAME_LENGTH",
    "Reference",
    "campaign_source",
    "exact_index",
    "find_by_host",
    "folded_text",
    "is_analytics_text",
    "literal_key",
    "name_key",
    "parse_reference",
    "placement_words",
    "split_words",
    "strip_wrapping",
]

#: Longer text is never a platform name; it is not normalised at all.
MAX_NAME_LENGTH = 200
#: The longest hostname DNS allows.
MAX_HOST_LENGTH = 253
_MAX_LABEL_LENGTH = 63

# Characters that survive in a name key besides letters and digits: they tell "Google+" from "Google", and
# "Are.na" from the word "arena".
_KEPT_SYMBOLS = frozenset("+&.")
# IDNA treats these as label separators, so a browser does too.
_DOT_LIKE = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_SCHEME_RE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_PORT_RE = re.compile(r":[0-9]*\Z")
_SPACE_RE = re.compile(r"\s")
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_HOST_RE = re.compile(rf"(?:{_LABEL}\.)+{_LABEL}")
# The usual shape of a referrer, lower-cased and parsed by one regex: an optional scheme and "//", a host, an
# optional port, then the path or the end.  Anything else takes the slower, general road.  The host is one
# run of host characters that neither starts nor ends with a dot or dash (quicker than matching it label by
# label); the rest of what makes it valid is checked after.
_PLAIN_URL_RE = re.compile(
    r"(?:(https?|android-app):(?=//))?(//)?([a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)\.?(?::([0-9]{1,5}))?([/?#]|\Z)"
)
_MAX_PORT = 65535
_WINDOW = MAX_HOST_LENGTH + 600
_URL_SCHEMES = frozenset({"http", "https"})
_APP_SCHEMES = frozenset({"android-app"})


# Turkish and Azeri dotless i: "DONANIMHABER" must find "DonanımHaber", whose ı has no upper case of its own.
_DOTLESS_I = str.maketrans({"ı": "i"})


def folded_text(text: str) -> str:
    """``text`` with compatibility forms and case folded, and nothing else changed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return folded if folded.isascii() else folded.translate(_DOTLESS_I)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _has_surrogates(text: str) -> bool:
    # A lone surrogate is a byte that was not text (Python's surrogateescape): "fa\udcffcebook" is not a name.
    return not text.isascii() and _SURROGATE_RE.search(text) is not None


def exact_index(claims: Iterable[tuple[str, str, V]]) -> dict[str, V]:
    """Map keys to values from ``(key, owner, value)`` claims, leaving out a key two owners claim.

    Keys are folded names (:func:`folded_text`), lower-case hosts and case-folded app ids.  The registry's
    index of exact text and the quick index that answers the first :func:`medsos.classify` are both built with
    this function, and a test checks that they agree.
    """
    index: dict[str, tuple[str, V]] = {}
    ambiguous: set[str] = set()
    for key, owner, value in claims:
        if index.setdefault(key, (owner, value))[0] != owner:
            ambiguous.add(key)
    return {key: value for key, (_, value) in index.items() if key not in ambiguous}


def find_by_host(index: Mapping[str, V], host: str) -> V | None:
    """The value of the longest suffix of ``host`` in ``index``, down to its last two labels.

    The longest claimed suffix wins, so that "my.mail.ru" can be a platform while "go.mail.ru" is not, and
    a single label ("com") is never looked up.
    """
    found = index.get(host)
    while found is None and "." in (host := host.partition(".")[2]):
        found = index.get(host)
    return found


def name_key(text: str) -> str:
    """The key a name or alias is indexed and looked up by.

    Width forms and compatibility characters are folded (NFKC), case is folded, accents on Latin letters are
    dropped, surrounding space and punctuation go, and inside the name every character that is not a letter,
    a digit, ``+``, ``&`` or ``.`` is removed, so inner spaces and dashes do not matter: ``" Stack-Overflow! "``
    and ``"stackoverflow"`` share a key, while ``"Are.na"`` and ``"arena"`` do not.  Text longer than
    :data:`MAX_NAME_LENGTH`, once its surroundings are stripped, and text holding lone surrogates (bytes that
    were not text) get the empty key.
    """
    text = strip_wrapping(text)
    if len(text) > MAX_NAME_LENGTH or _has_surrogates(text):
        return ""
    folded = folded_text(text)
    if folded.isascii():
        return "".join(ch for ch in folded if ch.isalnum() or ch in _KEPT_SYMBOLS)
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", folded):
        if ch.isalnum() or ch in _KEPT_SYMBOLS:
            kept.append(ch)
        elif unicodedata.category(ch)[0] == "M" and kept and kept[-1] >= "\u0250":
            # Drop accents on Latin letters only: in Thai, kana or Devanagari the mark is part of the letter.
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


# Quotes, brackets and sentence punctuation that text copied from prose carries around a name or URL.
_WRAPPING = (
    "\"'<>()[]{}«»‹›“”‘’„‚「」『』【】,;:!?. \t\r\n\f\v\u00a0\u3000"
    # Invisible characters that files and copied text carry: a byte-order mark, zero-width spaces and joiners,
    # direction marks, embeddings and isolates, the word joiner, a soft hyphen; and the other widths of space.
    "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    "\u2060\u00ad\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
    # Characters that show nothing: invisible operators, variation selectors, fillers, the Mongolian vowel
    # separator, the grapheme joiner, tag characters; and the C0 controls.
    "\u2061\u2062\u2063\u2064\u180e\u034f\u115f\u1160\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0000, 0xE0080)))
    + "".join(map(chr, range(0x20)))
    + "\x7f"
    + "".join(map(chr, range(0x80, 0xA0)))  # the C1 controls, NEL among them
    + "".join(map(chr, range(0xE0100, 0xE01F0)))  # the supplementary variation selectors, after kanji
    # Line and paragraph separators, Mongolian variation selectors, deprecated format characters, the blank
    # Braille pattern; the ellipsis and full-width punctuation that prose puts around a name.
    + "\u2028\u2029\u180b\u180c\u180d\u180f\u206a\u206b\u206c\u206d\u206e\u206f\u2800"
    + "…《》〈〉（）＂＇。，、！？：；"
)


def strip_wrapping(text: str) -> str:
    """``text`` without the white space, quotes, brackets and sentence punctuation around it."""
    return text.strip(_WRAPPING)


def literal_key(text: str) -> str:
    """The key of a name with URL characters in it ("Last.fm", "Twitter/X"): kept whole, so that only the
    exact name matches and nothing built to look like a host or URL can pass for it."""
    text = strip_wrapping(text)
    return "" if len(text) > MAX_NAME_LENGTH or _has_surrogates(text) else folded_text(text)


# The medium half of GA4's "source / medium", for the values that mark a visit from a social source or a paid
# campaign ("google / cpc" is tagged too, and stays unknown because "google" names no platform).  Written with
# spaces: "paid_social", "Paid-Social" and "paid social" are one.
_MEDIUMS = frozenset({
    "referral", "social", "social network", "social media", "sm", "organic", "organic social", "paid",
    "paid social", "paidsocial", "social paid", "paid ads", "cpc", "ppc", "cpm", "cpv", "cpa", "retargeting",
    "remarketing", "none", "not set", "display", "video", "affiliate", "influencer", "story", "stories", "post",
    "reel", "bio", "link",
})  # fmt: skip
# What campaigns append to a source token: "fb_ads", "IG-Stories", "tiktok_paid", "Facebook_Mobile_Feed" (Meta's
# placement names), "ig_link_in_bio", "fb_ads_2024".  Numbers count as tags too.
_TAGS = frozenset({
    "ad", "ads", "paid", "organic", "social", "cpc", "cpm", "promo", "promoted", "sponsored", "boost", "boosted",
    "campaign", "retargeting", "remarketing", "story", "stories", "post", "posts", "reel", "reels", "short",
    "shorts", "live", "feed", "bio", "profile", "link", "links", "in", "linkinbio", "dm", "page", "group",
    "groups", "video", "videos", "mobile", "desktop", "marketplace", "right", "column", "instream", "explore",
    "inbox", "search", "shop", "shopping", "home", "grid", "notifications",
})  # fmt: skip
# Joined by spaces or dashes, only these read as tags: "IG Stories", "Facebook Ads", but not "line feed",
# "signal boost" or "x-post", everyday phrases that start with a platform's name.
_SPOKEN_TAGS = frozenset({
    "ad", "ads", "paid", "organic", "sponsored", "promoted", "story", "stories", "reel", "reels", "short", "shorts",
    "live", "shop", "shopping", "marketplace",
})  # fmt: skip
_SEPARATORS_RE = re.compile(r"[\s_\-\u2010-\u2015]+")


def split_words(text: str) -> list[str]:
    """The words of ``text``, NFKC- and case-folded, split at white space, ``_`` and dashes."""
    return _SEPARATORS_RE.split(strip_wrapping(unicodedata.normalize("NFKC", text)).casefold())


def placement_words(text: str) -> list[str]:
    """The words after the first when every one is a campaign tag or a number ("Stock Bio" gives ``["bio"]``),
    else none."""
    words = split_words(text) if len(text) <= MAX_NAME_LENGTH else []
    if len(words) > 1 and all(word in _TAGS or word.isdigit() for word in words[1:]):
        return words[1:]
    return []


def is_analytics_text(text: str) -> bool:
    """Whether ``text`` is shaped like analytics data rather than a name: "source / medium", or words joined by
    ``_`` (in any width), which people do not type between the words of a name."""
    if len(text) > MAX_NAME_LENGTH and len(text := strip_wrapping(text)) > MAX_NAME_LENGTH:
        return False
    normalized = unicodedata.normalize("NFKC", text)
    return "_" in normalized or " / " in " ".join(normalized.split())


def campaign_source(text: str) -> str | None:
    """The source that analytics text tags, or ``None`` when it carries no known tag.

    GA4's "source / medium" gives its source when the medium is one of referral, social, cpc and their kin
    (``"facebook.com / referral"`` gives ``"facebook.com"``), and a campaign token followed by placements joined
    with ``_``, ``-`` or spaces gives the token (``"fb_ads"`` and ``"IG Stories"`` give ``"fb"`` and ``"ig"``).
    """
    text = strip_wrapping(text)
    if len(text) > MAX_NAME_LENGTH:
        return None
    text = unicodedata.normalize("NFKC", text)  # full-width and no-break forms of " / " too
    source, separator, medium = text.rpartition(" / ")
    if separator:
        source = strip_wrapping(source)
        return source if source and " ".join(split_words(medium)) in _MEDIUMS else None
    words = split_words(text)
    tags = _TAGS if "_" in text else _SPOKEN_TAGS
    # A number only after a placement ("fb_ads_2024"): "Line 1" and "Element 14" are other names.
    if (
        len(words) > 1
        and words[0].isalnum()
        and words[1] in tags
        and all(word in tags or word.isdigit() for word in words[2:])
    ):
        return words[0]
    return None


#: What :func:`parse_reference` finds: ``(host, app_id, is_url)``.  A plain tuple, since it is made for
#: every URL looked up.
Reference = tuple[str | None, str | None, bool]

_NOT_A_REFERENCE: Reference = (None, None, False)
_REJECTED_URL: Reference = (None, None, True)


def parse_reference(text: str) -> Reference:
    """Find the host (or Android app id) that ``text`` names, leniently but never wrongly: ``(host, app_id, is_url)``.

    Accepts bare hosts (``quora.com``), URLs with or without a scheme, protocol-relative URLs (``//host/x``),
    ports, userinfo (``user@host`` names ``host``), a trailing dot, and ``android-app://`` referrers.  Other
    schemes (``mailto:``, ``ftp:``) and anything whose host is not a valid hostname give no host, with
    ``is_url`` set so that the text is not tried as a name either.  A bare host is also offered as an app
    id, since ``com.instagram.android`` looks like one.
    """
    return _plain_reference(text) or _general_reference(text)


def _plain_reference(text: str) -> Reference | None:
    """The usual shape of a referrer, read by one regex; ``None`` sends the text down the general road."""
    # Only the authority matters, and a valid one is short: look no further than this window.  Text cut
    # short by it must show where its authority ends inside the window, or the cut could make a host.
    plain = _PLAIN_URL_RE.match(text[:_WINDOW].lower())
    if plain is None or text[-1] in _WRAPPING:  # "kaskus.co.id?" in a sentence: the general road strips it
        return None
    scheme, slashes, host, port, after = plain.groups()
    if (
        (after or len(text) <= _WINDOW)
        and "." in host
        and ".." not in host
        and len(host) <= MAX_HOST_LENGTH
        and (len(host) <= _MAX_LABEL_LENGTH or max(map(len, host.split("."))) <= _MAX_LABEL_LENGTH)
        and (port is None or int(port) <= _MAX_PORT)
        and not (host[-1].isdigit() and host.rpartition(".")[2].isdigit())  # an IPv4 address
        and not ("-" in host and ("-." in host or ".-" in host))
    ):
        is_url = bool(slashes or after)
        if scheme == "android-app" or not is_url:
            return (host, host, is_url)
        return (host, None, True)
    return None


def _general_reference(text: str) -> Reference:
    # The general road, for everything else: text in quotes or brackets first loses them.
    text = strip_wrapping(text)
    head = text[:_WINDOW]
    truncated = len(text) > _WINDOW
    scheme = None
    rest = head
    match = _SCHEME_RE.match(head)
    if match and match.group(1).lower() in _URL_SCHEMES:
        # Browsers read "http:facebook.com" and "http:/\\facebook.com" as http://facebook.com/.
        scheme = match.group(1).lower()
        rest = head[match.end() :].lstrip("/\\")
    elif match and head.startswith("//", match.end()):
        scheme = match.group(1).lower()
        rest = head[match.end() + 2 :]
        if scheme not in _APP_SCHEMES:
            return _REJECTED_URL
    elif head.startswith("//"):
        scheme = ""
        rest = head[2:]
    elif match and not head[match.end() :][:1].isdigit():
        # "mailto:someone@facebook.com", "javascript:..." and their kind name no host of ours.
        return _REJECTED_URL
    # Split on ASCII delimiters only: a full-width "／" or "＠" inside a host makes it invalid, as in a browser.
    authority, *path = re.split(r"[/?#\\]", rest, maxsplit=1)
    if truncated and not path:
        return _REJECTED_URL
    # "facebook.com/x" and "[::1]/x" are URLs without their scheme; "Where Are You Now?" and "X/Twitter" are
    # names: a word of letters alone before a slash is no host a browser would visit.
    is_url = scheme is not None or (
        bool(path) and not authority.isalpha() and not any(ch.isspace() for ch in authority)
    )
    _, at, host_part = authority.rpartition("@")
    if at and scheme is None:
        # "jane@facebook.com" or "Jane <jane@facebook.com>" is an e-mail address, not a visit to Facebook.
        return _REJECTED_URL
    host = _clean_host(host_part)
    if host is None:
        # "17.live.0.0" is a broken host, not a name with a typo in it: only dot-free text is tried as a name.
        looks_dotted = "." in host_part.strip(".") and not any(ch.isspace() for ch in host_part)
        return _REJECTED_URL if is_url or looks_dotted else _NOT_A_REFERENCE
    if scheme in _APP_SCHEMES or not is_url:
        return (host, host, is_url)
    return (host, None, True)


def _clean_host(authority: str) -> str | None:
    if authority.startswith("["):  # an IPv6 literal is never a platform
        return None
    port = _PORT_RE.search(authority)
    if port is not None and len(port.group()) > 1 and int(port.group()[1:]) > _MAX_PORT:
        return None
    host = authority[: port.start()] if port is not None else authority
    if not host or len(host) > MAX_HOST_LENGTH + 1 or _SPACE_RE.search(host):
        return None
    if not host.isascii():
        host = unicodedata.normalize("NFKC", host).translate(_DOT_LIKE)
        if not host.isascii():
            # An internationalised host: ours are all ASCII, and a homoglyph must not pass for one.
            return None
    host = host.lower()
    if host.endswith("."):
        host = host[:-1]
    labels = host.split(".")
    if len(labels) < 2 or len(host) > MAX_HOST_LENGTH:
        return None
    if not _HOST_RE.fullmatch(host):
        return None
    if labels[-1].isdigit():  # an IPv4 address
        return None
    return host
