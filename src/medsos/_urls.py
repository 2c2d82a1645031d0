"""Hosts out of URLs: what a browser would visit for a piece of text, leniently but never wrongly.

Everything here is bounded by a window of the text's start and never raises on text.
"""

from __future__ import annotations

import re
import unicodedata

from medsos._text import strip_wrapping
from medsos._vocabulary import APP_SCHEMES, DOT_LIKE, URL_SCHEMES, WRAPPING

__all__ = ["MAX_HOST_LENGTH", "read_url"]

#: The longest hostname DNS allows.
MAX_HOST_LENGTH = 253
_MAX_LABEL_LENGTH = 63
_MAX_PORT = 65535
# Only the authority matters, and a valid one is short: no more of the text than this is read.
_WINDOW = MAX_HOST_LENGTH + 600

_WRAPPING_SET = frozenset(WRAPPING)
_DOT_LIKE = str.maketrans(DOT_LIKE)
# ASCII text without one of these cannot name a host, a scheme or a path: it is a name.
_URL_CHARACTERS = frozenset(".:/\\@?#")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_PORT = re.compile(r":[0-9]*\Z")
_SPACE = re.compile(r"\s")
_AUTHORITY_END = re.compile(r"[/?#\\]")
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_HOST = re.compile(rf"(?:{_LABEL}\.)+{_LABEL}")
# The usual shape of a referrer, read by one regex: an optional scheme and "//", a run of host characters, an
# optional port, then the path or the end.  The run is taken whole (possessively, never backtracked): what makes
# it a valid host is checked after.  Anything else takes the general road.
_PLAIN_URL = re.compile(
    r"(?:(https?|android-app):(?=//))?(//)?([a-z0-9_.-]++)(?::([0-9]{1,5}))?([/?#]|\Z)",
    re.IGNORECASE | re.ASCII,  # ASCII case only: the Kelvin sign is no "k" here
)

#: What :func:`read_url` finds: ``(host, app_id, is_url)``.
URLReading = tuple[str | None, str | None, bool]
_NOT_A_URL: URLReading = (None, None, False)
_REJECTED: URLReading = (None, None, True)


def read_url(text: str) -> URLReading:
    """The host (or Android app id) that ``text`` names: ``(host, app_id, is_url)``.

    Accepts bare hosts (``quora.com``), URLs with or without a scheme, protocol-relative URLs (``//host/x``),
    ports, userinfo (``user@host`` names ``host``), a trailing dot, and ``android-app://`` referrers, whose
    authority is an app id and never a host (``android-app://fake.facebook.com`` is no visit to Facebook).  Other
    schemes (``mailto:``, ``ftp:``) and anything whose host is not a valid hostname give no host, with
    ``is_url`` set so that the text is not tried as a name either.  A bare host is also offered as an app id,
    since ``com.instagram.android`` looks like one.
    """
    if text.isascii() and _URL_CHARACTERS.isdisjoint(text):
        return _NOT_A_URL
    # The usual shape of a referrer first, read by one regex; "kaskus.co.id?" in a sentence, and everything
    # else, take the general road.  Text cut short by the window must show where its authority ends inside it,
    # or the cut could make a host.
    plain = None if text[-1] in _WRAPPING_SET else _PLAIN_URL.match(text, 0, _WINDOW)
    if plain is None:
        return _general(text)
    scheme, slashes, host, port, after = plain.groups()
    host = host.lower()
    if host[-1] == ".":
        host = host[:-1]  # a fully qualified host: "facebook.com." is facebook.com
    if (
        (after or len(text) <= _WINDOW)
        and host
        and host[0] not in ".-"
        and host[-1] not in ".-"
        and "." in host
        and ".." not in host
        and len(host) <= MAX_HOST_LENGTH
        and (len(host) <= _MAX_LABEL_LENGTH or max(map(len, host.split("."))) <= _MAX_LABEL_LENGTH)
        and (port is None or int(port) <= _MAX_PORT)
        and not (host[-1].isdigit() and host.rpartition(".")[2].isdigit())  # an IPv4 address
        and not ("-" in host and ("-." in host or ".-" in host))
    ):
        if scheme is not None and len(scheme) > 5:  # android-app, the one scheme besides http and https
            return (None, host, True)  # an app's package name, which anyone may choose: never a host
        is_url = bool(slashes or after)
        return (host, None, True) if is_url else (host, host, False)
    return _general(text)


def _general(text: str) -> URLReading:
    text = strip_wrapping(text)
    head = text[:_WINDOW]
    truncated = len(text) > _WINDOW
    scheme = None
    rest = head
    match = _SCHEME.match(head)
    if match and match.group(1).lower() in URL_SCHEMES:
        # Browsers read "http:facebook.com" and "http:/\\facebook.com" as http://facebook.com/.
        scheme = match.group(1).lower()
        rest = head[match.end() :].lstrip("/\\")
    elif match and head.startswith("//", match.end()):
        scheme = match.group(1).lower()
        rest = head[match.end() + 2 :]
        if scheme not in APP_SCHEMES:
            return _REJECTED
    elif head.startswith("//"):
        scheme = ""
        rest = head[2:]
    elif match and not head[match.end() :][:1].isdigit():
        # "mailto:someone@facebook.com", "javascript:..." and their kind name no host of ours.
        return _REJECTED
    # Split on ASCII delimiters only: a full-width "／" or "＠" inside a host makes it invalid, as in a browser.
    authority, *path = _AUTHORITY_END.split(rest, maxsplit=1)
    if truncated and not path:
        return _REJECTED
    # "facebook.com/x" and "[::1]/x" are URLs without their scheme; "Where Are You Now?" and "X/Twitter" are
    # names: a word of letters alone before a slash is no host a browser would visit.
    is_url = scheme is not None or (
        bool(path) and not authority.isalpha() and not any(ch.isspace() for ch in authority)
    )
    _, at, host_part = authority.rpartition("@")
    if at and scheme is None:
        # "jane@facebook.com" or "Jane <jane@facebook.com>" is an e-mail address, not a visit to Facebook.
        return _REJECTED
    host = _clean_host(host_part)
    if host is None:
        # "17.live.0.0" is a broken host, not a name with a typo in it: only dot-free text is tried as a name.
        looks_dotted = "." in host_part.strip(".") and not any(ch.isspace() for ch in host_part)
        return _REJECTED if is_url or looks_dotted else _NOT_A_URL
    if scheme in APP_SCHEMES:
        return (None, host, True)  # an app's package name, which anyone may choose: never a host
    return (host, None, True) if is_url else (host, host, False)


def _clean_host(authority: str) -> str | None:
    if authority.startswith("["):  # an IPv6 literal is never a platform
        return None
    port = _PORT.search(authority)
    if port is not None and len(port.group()) > 1 and int(port.group()[1:]) > _MAX_PORT:
        return None
    host = authority[: port.start()] if port is not None else authority
    if not host or len(host) > MAX_HOST_LENGTH + 1 or _SPACE.search(host):
        return None
    if not host.isascii():
        host = unicodedata.normalize("NFKC", host).translate(_DOT_LIKE)
        if not host.isascii():
            return (
                None  # an internationalised host: ours are all ASCII, and a homoglyph must not pass for one
            )
    host = host.lower()
    if host.endswith("."):
        host = host[:-1]
    labels = host.split(".")
    if len(labels) < 2 or len(host) > MAX_HOST_LENGTH or not _HOST.fullmatch(host):
        return None
    if labels[-1].isdigit():  # an IPv4 address
        return None
    return host
