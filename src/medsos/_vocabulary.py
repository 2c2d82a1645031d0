"""Every word list and character set the matcher uses, in one place.

The matching modules hold rules; what those rules look for (which characters wrap a name, which words mark a
campaign placement, which keys sit side by side on a keyboard) is written here, so that a change of vocabulary
is a change of this file and never a hunt through the code.  Words that typo matching must leave alone are
data, per registry: ``data/not_typos.json`` for the bundled one.
"""

from __future__ import annotations

__all__ = [
    "APP_SCHEMES",
    "DOT_LIKE",
    "KEPT_SYMBOLS",
    "KEYBOARD_ROWS",
    "LETTER_VARIANTS",
    "LITERAL_CHARACTERS",
    "MEDIUMS",
    "OPTIONAL_MARKS",
    "PUBLIC_SECOND_LEVEL_LABELS",
    "SOUND_ALIKE_LETTERS",
    "SPOKEN_TAGS",
    "TAGS",
    "URL_SCHEMES",
    "WRAPPING",
]

# Quotes, brackets and sentence punctuation that text copied from prose carries around a name or URL; the
# invisible characters that files and copied text carry (a byte-order mark, zero-width spaces and joiners,
# direction marks, embeddings and isolates, the word joiner, a soft hyphen, invisible operators, variation
# selectors, fillers, the Mongolian vowel separator, the grapheme joiner, tag characters); every width of space;
# the C0 and C1 controls; line and paragraph separators, deprecated format characters, the blank Braille
# pattern; the ellipsis and the full-width punctuation that prose puts around a name.
WRAPPING = (
    "\"'<>()[]{}«»‹›“”‘’„‚「」『』【】,;:!?. \t\r\n\f\v\u00a0\u3000"
    "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    "\u2060\u00ad\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
    "\u2061\u2062\u2063\u2064\u180e\u034f\u115f\u1160\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0000, 0xE0080)))
    + "".join(map(chr, range(0x20)))
    + "\x7f"
    + "".join(map(chr, range(0x80, 0xA0)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
    + "\u2028\u2029\u180b\u180c\u180d\u180f\u206a\u206b\u206c\u206d\u206e\u206f\u2800"
    + "…《》〈〉（）＂＇。，、！？：；"
)

# Characters that survive in a name key besides letters and digits: they tell "Google+" from "Google", and
# "Are.na" from the word "arena".
KEPT_SYMBOLS = "+&."

# A name holding one of these ("Last.fm", "Twitter/X") is also kept whole, so that only its exact spelling
# matches and nothing built to look like a host or URL can pass for it.
LITERAL_CHARACTERS = "./:?#@\\"

# IDNA treats these as label separators, so a browser does too.
DOT_LIKE = {"\u3002": ".", "\uff0e": ".", "\uff61": "."}

# The schemes whose URLs name a host of ours, and those that name an Android app.
URL_SCHEMES = frozenset({"http", "https"})
APP_SCHEMES = frozenset({"android-app"})

# Second-level labels under which countries sell domains to everyone ("co.uk", "com.br", "or.id"): such a
# suffix is never one platform's domain.
PUBLIC_SECOND_LEVEL_LABELS = frozenset(
    {
        "co",
        "com",
        "net",
        "org",
        "gov",
        "edu",
        "ac",
        "or",
        "ne",
        "go",
        "gob",
        "nic",
        "mil",
        "web",
        "sch",
        "my",
        "biz",
    }
)

# The medium half of GA4's "source / medium", for the values that mark a visit from a social source or a paid
# campaign ("google / cpc" is tagged too, and stays unknown because "google" names no platform).  Written with
# spaces: "paid_social", "Paid-Social" and "paid social" are one.
MEDIUMS = frozenset({
    "referral", "social", "social network", "social media", "sm", "organic", "organic social", "paid",
    "paid social", "paidsocial", "social paid", "paid ads", "cpc", "ppc", "cpm", "cpv", "cpa", "retargeting",
    "remarketing", "none", "not set", "display", "video", "affiliate", "influencer", "story", "stories", "post",
    "reel", "bio", "link",
})  # fmt: skip

# What campaigns append to a source token: "fb_ads", "IG-Stories", "tiktok_paid", "Facebook_Mobile_Feed" (Meta's
# placement names), "ig_link_in_bio", "fb_ads_2024".  Numbers count as tags too, after a first tag.
TAGS = frozenset({
    "ad", "ads", "paid", "organic", "social", "cpc", "cpm", "promo", "promoted", "sponsored", "boost", "boosted",
    "campaign", "retargeting", "remarketing", "story", "stories", "post", "posts", "reel", "reels", "short",
    "shorts", "live", "feed", "bio", "profile", "link", "links", "in", "linkinbio", "dm", "page", "group",
    "groups", "video", "videos", "mobile", "desktop", "marketplace", "right", "column", "instream", "explore",
    "inbox", "search", "shop", "shopping", "home", "grid", "notifications",
})  # fmt: skip

# Joined by spaces or dashes, only these read as tags: "IG Stories", "Facebook Ads", but not "line feed",
# "signal boost" or "x-post", everyday phrases that start with a platform's name.
SPOKEN_TAGS = frozenset({
    "ad", "ads", "paid", "organic", "sponsored", "promoted", "story", "stories", "reel", "reels", "short", "shorts",
    "live", "shop", "shopping", "marketplace",
})  # fmt: skip

# Marks that writers of a script add or leave out at will, dropped from name keys: Arabic short vowels, shadda,
# sukun and the hamza and madda written over or under alef (NFKD splits them off the letter), the Arabic
# tatweel that stretches a word, and the Devanagari nukta ("फ़ोरम" and "फोरम" are one word).
OPTIONAL_MARKS = frozenset([chr(code) for code in range(0x064B, 0x0660)] + ["\u0670", "\u0640", "\u093c"])
# Letters that Arabic writers use for one another at the end of a word: alef maksura for ya, ta marbuta for ha.
LETTER_VARIANTS = {"\u0649": "\u064a", "\u0629": "\u0647"}

# A hurried typist hits the key next to the one meant, on the same row.
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Letters that sound alike, so that a changed one is still a slip ("tiktoc", "kaskuz").
SOUND_ALIKE_LETTERS = ("ck", "kq", "sz", "iy")
