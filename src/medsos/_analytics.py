"""Analytics text: GA4's "source / medium" and campaign tokens with placements ("fb_ads", "IG Stories")."""

from __future__ import annotations

import unicodedata

from medsos._text import split_words, strip_wrapping
from medsos._vocabulary import MEDIUMS, SPOKEN_TAGS, TAGS

__all__ = ["campaign_source", "is_analytics_text", "placement_words"]


def is_analytics_text(text: str) -> bool:
    """Whether ``text`` (stripped, at most :data:`MAX_NAME_LENGTH` long) is shaped like analytics data rather
    than a name: "source / medium", or words joined by ``_`` (in any width), which people do not type between
    the words of a name."""
    normalized = text if text.isascii() else unicodedata.normalize("NFKC", text)
    return "_" in normalized or " / " in " ".join(normalized.split())


def campaign_source(text: str) -> str | None:
    """The source that analytics text tags, or ``None`` when it carries no known tag.

    ``text`` is stripped and at most :data:`MAX_NAME_LENGTH` long.  GA4's "source / medium" gives its source
    when the medium is one of referral, social, cpc and their kin (``"facebook.com / referral"`` gives
    ``"facebook.com"``), and a campaign token followed by placements joined with ``_``, ``-`` or spaces gives the
    token (``"fb_ads"`` and ``"IG Stories"`` give ``"fb"`` and ``"ig"``).
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)  # full-width and no-break forms of " / " too
    source, separator, medium = text.rpartition(" / ")
    if separator:
        source = strip_wrapping(source)
        return source if source and " ".join(split_words(medium)) in MEDIUMS else None
    words = split_words(text)
    tags = TAGS if "_" in text else SPOKEN_TAGS
    # A number only after a placement ("fb_ads_2024"): "Line 1" and "Element 14" are other names.
    if (
        len(words) > 1
        and words[0].isalnum()
        and words[1] in tags
        and all(word in tags or word.isdigit() for word in words[2:])
    ):
        return words[0]
    return None


def placement_words(text: str) -> tuple[str, ...]:
    """The words after the first when every one is a campaign tag or a number ("Stock Bio" gives ``("bio",)``),
    else none.  ``text`` is stripped and at most :data:`MAX_NAME_LENGTH` long."""
    words = split_words(text)
    if len(words) > 1 and all(word in TAGS or word.isdigit() for word in words[1:]):
        return tuple(words[1:])
    return ()
