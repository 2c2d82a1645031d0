"""What a piece of text is, read once: a host, an app id, a name, analytics text, or nothing medsos can use.

:func:`read` is the one place where user text is taken apart; the index matches the :class:`Reference` it
returns and never looks at the text again.  It is a small internal interface that the tests use as well.
"""

from __future__ import annotations

from medsos._analytics import campaign_source, is_analytics_text, placement_words
from medsos._text import (
    MAX_NAME_LENGTH,
    has_surrogates,
    letters_are_ascii,
    literal_key,
    name_key,
    split_words,
    strip_wrapping,
)
from medsos._urls import read_url
from medsos._vocabulary import WRAPPING

__all__ = ["Reference", "read"]

_WRAPPING = frozenset(WRAPPING)
# Text without one of these is no "source / medium" and no token with placements.
_ANALYTICS_SEPARATORS = frozenset(" _-/")


class Reference:
    """``text`` read once.

    ``host`` is the host a URL or bare hostname names, lower-cased; ``app_id`` an Android app id the text may
    be (a bare host may be one too); ``is_url`` says the text is shaped like a URL, so that it is never tried as
    a name, even when it names no valid host.  ``name`` is the name key (empty when the text is a host, a URL or
    too long to be a name), ``literal`` the whole text folded, for names kept whole ("Last.fm").
    ``plain_letters`` says the letters and digits of the text are ASCII, without which no key that reads like
    a host may match.  ``analytics`` marks analytics-shaped text ("a / b", words joined by ``_``), where typos
    are never guessed; ``source`` is the reference that a "source / medium" or a campaign token names;
    ``tags`` the campaign words after a name ("Stock Bio" gives ``("bio",)``); ``word_starts`` where the second and
    later words of a name begin in its name key ("music hall" gives ``(5,)``).
    """

    __slots__ = (
        "analytics",
        "app_id",
        "host",
        "is_url",
        "literal",
        "name",
        "plain_letters",
        "source",
        "tags",
        "word_starts",
    )

    def __init__(  # noqa: PLR0917 (made for every URL looked up: positional arguments are the quicker)
        self,
        host: str | None = None,
        app_id: str | None = None,
        is_url: bool = False,
        name: str = "",
        literal: str = "",
        plain_letters: bool = True,
        analytics: bool = False,
        source: Reference | None = None,
        tags: tuple[str, ...] = (),
        word_starts: tuple[int, ...] = (),
    ) -> None:
        self.host = host
        self.app_id = app_id
        self.is_url = is_url
        self.name = name
        self.literal = literal
        self.plain_letters = plain_letters
        self.analytics = analytics
        self.source = source
        self.tags = tags
        self.word_starts = word_starts

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self.__slots__ if getattr(self, name)
        )
        return f"Reference({fields})"


def read(text: str) -> Reference:
    """Read ``text`` (any ``str``) once, in time linear in its length."""
    stripped = strip_wrapping(text) if text and (text[0] in _WRAPPING or text[-1] in _WRAPPING) else text
    host, app_id, is_url = read_url(stripped)
    if host is not None and is_url:
        return Reference(host, app_id, True)  # a URL with a host: the common case, and all there is to know
    if len(stripped) > MAX_NAME_LENGTH or has_surrogates(stripped):
        return Reference(host, app_id, is_url)
    if host is not None:
        return Reference(
            host=host, app_id=app_id, literal=literal_key(stripped), plain_letters=letters_are_ascii(stripped)
        )
    source = None
    analytics = False
    if not (stripped.isascii() and _ANALYTICS_SEPARATORS.isdisjoint(stripped)):
        # "https://www.facebook.com / referral" is shaped like a URL that names no host, and still has a source.
        analytics = is_analytics_text(stripped)
        token = campaign_source(stripped)
        source = read(token) if token is not None and token != stripped else None
    if is_url:
        # Names kept whole may read as broken URLs ("@cosme", "Яндекс.Дзен"): only their exact spelling counts.
        return Reference(
            app_id=app_id,
            is_url=True,
            literal=literal_key(stripped),
            plain_letters=letters_are_ascii(stripped),
            analytics=analytics,
            source=source,
        )
    spaced = " " in stripped or "-" in stripped or not stripped.isascii()
    return Reference(
        name=name_key(stripped),
        literal=literal_key(stripped),
        plain_letters=letters_are_ascii(stripped),
        analytics=analytics,
        source=source,
        tags=placement_words(stripped) if spaced or "_" in stripped else (),
        word_starts=_word_starts(stripped) if spaced else (),
    )


def _word_starts(text: str) -> tuple[int, ...]:
    starts: list[int] = []
    offset = 0
    for word in split_words(text):
        length = len(name_key(word))
        if offset and length:
            starts.append(offset)
        offset += length
    return tuple(starts)
