"""Matching real-world input: URLs, referrers, app ids, spoofed hosts and hostile text."""

from __future__ import annotations

import time

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import medsos

# The matcher's small internal interface: how text is read (docs/matching.md).
from medsos._analytics import campaign_source
from medsos._reference import read
from medsos._text import name_key
from medsos._urls import read_url

PLATFORMS = sorted(medsos.platforms, key=lambda p: p.id)
DOMAINS = sorted({(d, p.id) for p in PLATFORMS for d in (*p.domains, *p.short_domains)})
NAMES = sorted({(label, p.id) for p in PLATFORMS for label in (p.name, *p.aliases, *p.former_names)})
label_text = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)


def owner(host: str) -> str | None:
    """The platform that owns ``host`` by the dataset itself: the longest listed domain it ends with."""
    best: tuple[int, str] | None = None
    for domain, platform_id in DOMAINS:
        if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > best[0]):
            best = (len(domain), platform_id)
    return best[1] if best else None


# -- names --------------------------------------------------------------------------------------------------


@given(st.sampled_from(PLATFORMS))
def test_lookup_of_a_platforms_name_is_that_platform(platform: medsos.Platform) -> None:
    assert medsos.lookup(platform.name) is platform


@given(
    st.sampled_from(NAMES), st.sampled_from(["", " ", "\t", "\n ", "  "]), st.sampled_from(["", " ", "\r\n"])
)
def test_names_survive_case_space_and_width(pair: tuple[str, str], before: str, after: str) -> None:
    label, platform_id = pair
    expected = medsos.platforms[platform_id]
    full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in label)
    for variant in (label.upper(), label.lower(), before + label + after, full_width, f"«{label}»"):
        assert medsos.lookup(variant, fuzzy=False) is expected, variant
        assert medsos.classify(variant) == expected.type


@given(st.sampled_from(PLATFORMS))
def test_classify_agrees_with_lookup(platform: medsos.Platform) -> None:
    assert medsos.classify(platform.name) is medsos.lookup(platform.name).type


def test_accents_and_punctuation_do_not_matter() -> None:
    assert name_key("Ekşi Sözlük") == name_key("eksi sozluk")
    assert name_key(" Stack-Overflow! ") == name_key("stackoverflow")
    assert name_key("Google+") != name_key("Google")
    assert name_key("x" * 10_000) == ""


@pytest.mark.parametrize("text", ["X/Twitter", "x/twitter", "Twitter/X", "X / Twitter", "X (Twitter)"])
def test_a_slash_between_names_is_not_a_url(text: str) -> None:
    # Without a dot before the slash there is no host, so the text is read as a name.
    assert medsos.lookup(text).id == "x"
    assert medsos.lookup("example.com/" + text, default=None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("facebook.com / referral", "facebook"), ("l.facebook.com / referral", "facebook"), ("t.co / social", "x"),
     ("instagram / paid_social", "instagram"), ("lnkd.in / (none)", "linkedin"), ("fb_ads", "facebook"),
     ("Facebook_Ads", "facebook"), ("IG-Stories", "instagram"), ("tiktok_paid", "tiktok"), ("fb_ads / cpc", "facebook"),
     ("google / cpc", None), ("google_ads", None), ("(direct) / (none)", None), ("Facebook / Instagram", None),
     ("fb_evil", None), ("facebook.com.attacker.example / referral", None), ("attacker.example/?u=fb / social", None),
     ("evil_fb_ads", None), ("fb_ads_", None),
     ("https://www.facebook.com / referral", "facebook"), ("android-app://com.linkedin.android / referral", "linkedin"),
     ("instagram / Organic Social", "instagram"), ('"facebook.com / referral"', "facebook"),
     ("(facebook.com / referral)", "facebook"), ("facebook.com / referral\u200e", "facebook"),
     ("Facebook_Mobile_Feed", "facebook"), ("Messenger_Inbox", "messenger"), ("ig_link_in_bio", "instagram"),
     ("fb_ads_2024", "facebook"), ("IG Stories", "instagram"), ("Facebook Ads", "facebook"),
     ("\uff46\uff42_ads", "facebook"), ("fb\u2010ads", "facebook"),
     # Analytics text is never a typo: these are ordinary words with a tag, not misspelt platforms.
     ("stock / bio", None), ("trust / social", None), ("india / video", None), ("the_ads", None),
     ("research_page", None), ("second_live", None), ("last_dm", None), ("Facbook_ads", None),
     # A name's own words are no tags, and a bare number is no placement.
     ("Gogle Groups", "google_groups"), ("Trth Social", "truth_social"), ("Facebok Live", "facebook"),
     ("Line 1", None), ("Element 14", None), ("X 2024", None),
     # Everyday phrases that start with a platform's name; an underscore makes them campaign tokens.
     ("line feed", None), ("signal boost", None), ("x-post", None), ("x_post", "x"),
     # Tag-like words joined by spaces or dashes keep a typo only where they are the name's own.
     ("the ads", None), ("Stock Bio", None), ("stock-bio", None), ("research page", None), ("last dm", None),
     ("Tik Tokk", "tiktok"), ("Stak Overflow", "stack_overflow"),
     # Analytics text in other widths and with stray underscores is no typo either.
     ("stock\u00a0/\u00a0bio", None), ("stock \uff0f bio", None), ("the\uff3fads", None), ("stock_bio_", None),
     ("_stock_bio", None),
     ("\uff46\uff41\uff43\uff45\uff42\uff4f\uff4f\uff4b.com \uff0f referral", "facebook"),
     ("facebook.com\u00a0/\u00a0referral", "facebook")],
)  # fmt: skip
def test_analytics_source_tags(text: str, expected: str | None) -> None:
    # GA4's "source / medium", and utm_source tokens with a placement appended.
    found = medsos.lookup(text, default=None)
    assert (found.id if found else None) == expected
    assert medsos.classify(text, default=None) == (medsos.platforms[expected].type if expected else None)


@given(st.text(alphabet="fbig_- /.:()acdeorstlkmn", max_size=40))
def test_a_tagged_source_is_shorter_than_its_text(text: str) -> None:
    source = campaign_source(text)
    assert source is None or len(source) < len(text.strip())


# -- hosts and URLs -----------------------------------------------------------------------------------------


@given(
    st.sampled_from(DOMAINS),
    st.sampled_from(["", "http://", "https://", "//", "HTTPS://"]),
    st.sampled_from(["", "www.", "m.", "mobile.", "id.", "someone."]),
    st.sampled_from(["", ":443", ":8080"]),
    st.sampled_from(["", "/", "/path/to?q=1", "?u=https%3A%2F%2Fexample.com", "#frag", "/a?b=c#d"]),
)
def test_urls_resolve_to_the_domain_owner(
    pair: tuple[str, str], scheme: str, sub: str, port: str, tail: str
) -> None:
    domain, _ = pair
    host = sub + domain
    url = scheme + host + port + tail
    found = medsos.lookup(url, default=None, fuzzy=False)
    assert found is not None, url
    assert found.id == owner(host)


@given(st.sampled_from(DOMAINS), st.sampled_from(["someone@", "a:b@", "@"]))
def test_userinfo_is_not_the_host(pair: tuple[str, str], userinfo: str) -> None:
    domain, _platform_id = pair
    assert medsos.lookup(f"https://{userinfo}{domain}/", fuzzy=False).id == owner(domain)
    assert medsos.lookup(f"https://{domain}@attacker.example/", default=None) is None


@given(st.sampled_from(DOMAINS), label_text, label_text)
@example(("facebook.com", "facebook"), "attacker", "example")
def test_a_platform_domain_followed_by_other_labels_is_not_the_platform(
    pair: tuple[str, str], middle: str, tld: str
) -> None:
    domain, _ = pair
    host = f"{domain}.{middle}.{tld}"
    assume(owner(host) is None)
    assert medsos.lookup(host, default=None) is None
    assert medsos.lookup(f"https://{host}/", default=None) is None


@given(st.sampled_from(DOMAINS), label_text)
def test_a_label_glued_before_a_domain_is_not_the_platform(pair: tuple[str, str], prefix: str) -> None:
    domain, _ = pair
    host = prefix + domain
    assume(owner(host) is None)
    assert medsos.lookup(host, default=None) is None


@given(st.sampled_from(DOMAINS), st.sampled_from(["?u=", "?next=https://", "#@", "#", "/"]))
def test_a_domain_in_the_path_query_or_fragment_does_not_count(pair: tuple[str, str], glue: str) -> None:
    domain, _ = pair
    assert medsos.lookup(f"https://attacker.example/{glue}{domain}", default=None) is None
    assert medsos.lookup(f"attacker.example/{glue}{domain}", default=None) is None


@pytest.mark.parametrize(
    "text",
    [
        "facebook.com.attacker.example",
        "evilfacebook.com",
        "attacker.example/?u=facebook.com",
        "attacker.example/#@youtube.com",
        "https://attacker.example\\@youtube.com",
        "faceb00k.com",
        "https://xn--facebook-7za.com/",
        "https://fаcebook.com/",  # Cyrillic a
        "https://www.youtubе.com/",  # Cyrillic e
        "mailto:someone@facebook.com",
        "ftp://facebook.com/",
        "javascript:alert('facebook.com')",
        "file:///facebook.com",
        "https://[::1]/facebook.com",
        "https://127.0.0.1/",
        "http://facebook",
        "https://face book.com/",
        # Case folding would make these the real hosts; a browser would not.
        "\u0131nstagram.com",
        "l\u0131nkedin.com",
        "i\u00dfuu.com",
        "ME\u1e9eENGER.COM",
        "com.\u0131nstagram.android",
        "\u0131nstagram.com / referral",
        "[::]/facebook",
        "[::1]/Twitter",
        # Names that read like hosts are hosts too: a browser sends these elsewhere.
        "\u0131denti.ca",
        "wordpre\u00df.com",
        "WORDPRE\u1e9e.COM",
        "M\u0131cro.blog",
        "S\u0131xDegrees.com",
        "wordpre\u00df.com / referral",
    ],
)
def test_lookalikes_and_other_schemes_stay_unknown(text: str) -> None:
    assert medsos.lookup(text, default=None) is None
    assert medsos.search(text) == []


def test_full_width_hosts_resolve_like_a_browser_would() -> None:
    assert medsos.lookup("https://ｗｗｗ．ｙｏｕｔｕｂｅ．ｃｏｍ/").id == "youtube"
    assert medsos.lookup("ｗｗｗ。ｙｏｕｔｕｂｅ。ｃｏｍ").id == "youtube"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example＠facebook.com",
        "https://facebook.com＃.evil.example",
        "https://facebook.com／.evil.example",
        "https://facebook.com？x.evil.example",
        "https://facebook.com＼.evil.example",
    ],
)
def test_full_width_delimiters_do_not_split_a_host(url: str) -> None:
    assert medsos.lookup(url, default=None) is None


@pytest.mark.parametrize("padding", [" ", "(", '"', "‹", "a"])
def test_padding_cannot_cut_a_host_short(padding: str) -> None:
    for text in (
        "https://" + "a" * 832 + "@facebook.com.evil.example/",
        padding * 841 + "facebook.com.evil.example/x",
        "http:" + "/" * 836 + "facebook.com.evil.example",
    ):
        assert medsos.lookup(text, default=None) is None, text[-40:]


@given(st.integers(0, 1200), st.sampled_from(DOMAINS))
def test_no_window_position_turns_a_lookalike_into_a_platform(cut: int, pair: tuple[str, str]) -> None:
    domain, _ = pair
    for text in (" " * cut + f"{domain}.evil.example/x", "https://" + "a" * cut + f"@{domain}.evil.example/"):
        assert medsos.lookup(text, default=None) is None


@pytest.mark.parametrize(
    "text", ["Jane Doe <jane@facebook.com>", "contact us at press@fb.com", "press@fb.com"]
)
def test_email_addresses_are_not_visits(text: str) -> None:
    assert medsos.lookup(text, default=None) is None


def test_longest_listed_domain_wins() -> None:
    # go.mail.ru is Mail.ru's search engine: only my.mail.ru is a social platform.
    assert medsos.lookup("https://go.mail.ru/search?q=x", default=None) is None
    moi_mir = medsos.lookup("https://my.mail.ru/")
    assert "my.mail.ru" in moi_mir.domains


# -- app ids ------------------------------------------------------------------------------------------------

APP_IDS = sorted({(a, p.id) for p in PLATFORMS for a in p.app_ids})


@given(st.sampled_from(APP_IDS), st.sampled_from(["", "android-app://", "ANDROID-APP://"]))
def test_app_ids_resolve(pair: tuple[str, str], scheme: str) -> None:
    app_id, platform_id = pair
    assert medsos.lookup(scheme + app_id, fuzzy=False).id == platform_id
    if scheme:
        assert medsos.lookup(scheme + app_id + "/", fuzzy=False).id == platform_id


def test_app_ids_are_not_matched_as_urls() -> None:
    assert read("https://com.instagram.android/").app_id is None


# -- hostile input ------------------------------------------------------------------------------------------

HOSTILE = [
    ("a" * 1_000_000, None),
    ("facebook " * 200_000, None),
    (".".join(["a"] * 100_000) + ".facebook.com", None),
    ("https://" + ".".join(["x"] * 100_000) + ".youtube.com/", None),
    ("https://" + "a" * 1_000_000 + ".com/", None),
    ("\ud800\udfff\ud800", None),
    ("\x00facebook\x00", "facebook"),
    ("face\u200bbook.com", None),
    ("\u200b" * 100_000, None),
    ("%" * 500_000, None),
    ("//" * 300_000, None),
    ("@" * 300_000 + "youtube.com", None),
    ("a:" * 300_000, None),
    ("ｆ" * 400_000, None),
    ("\ufdfa" * 1_000_000, None),  # NFKC makes each of these 18 characters
    (" " * 1_000_000 + "Instagram" + " " * 1_000_000, "instagram"),
]


@pytest.mark.parametrize(
    "mark",
    ["\ufeff", "\u200b", "\u200e", "\u202a", "\u2060", "\u00ad", "\u200b\ufeff ", "\u2068", "\u2069", "\u2003", "\u202f",
     "\ufe0f", "\u3164", "\u2061", "\U000e0041", "\x00", "\u2028", "\U000e0100", "\u2800", "\x85"],
)  # fmt: skip
@pytest.mark.parametrize(
    ("text", "expected"),
    [("https://www.facebook.com/", "facebook"), ("kaskus.co.id", "kaskus"), ("Quora", "quora"),
     ("com.instagram.android", "instagram"), ("Instagarm", "instagram")],
)  # fmt: skip
def test_invisible_characters_around_text_are_ignored(mark: str, text: str, expected: str) -> None:
    # The byte-order mark that starts an Excel CSV, zero-width spaces and direction marks from copied text.
    for variant in (mark + text, text + mark, mark + text + mark):
        assert medsos.lookup(variant).id == expected
        assert medsos.classify(variant) == medsos.platforms[expected].type


@pytest.mark.parametrize("text", ["fa\udcffcebook", "\udced\udca0\udc80x", "X\udcff", "Insta\udcffgarm"])
def test_bytes_that_were_not_text_make_a_name_unknown(text: str) -> None:
    # Python reads undecodable bytes as lone surrogates; dropping them would make up a name.
    assert medsos.lookup(text, default=None) is None
    assert medsos.classify(text, default=None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("\u2022 Last.fm", "lastfm"), ("WordPress.com \u2713", "wordpress_com"), ("Micro.blog \U0001f44d", "micro_blog"),
     ("\u30a2\u30e1\u30d6\u30ed\U000e0100", "ameba"), ("\u300a\u042f\u043d\u0434\u0435\u043a\u0441.\u0414\u0437\u0435\u043d\u300b", "dzen"),
     ("Facebook\u2026", "facebook")],
)  # fmt: skip
def test_decoration_around_a_name_does_not_hide_it(text: str, expected: str) -> None:
    # Bullets, ticks, emoji, variation selectors after kanji, full-width brackets, an ellipsis.
    assert medsos.lookup(text).id == expected


def test_padding_past_the_name_limit_is_stripped() -> None:
    # Fixed-width database columns pad their values with spaces.
    assert medsos.lookup("Instagram" + " " * 400).id == "instagram"
    assert medsos.lookup(" " * 400 + "Stack Overflow").name == "Stack Overflow"
    assert medsos.lookup("Instagarm" + " " * 400).id == "instagram"
    assert medsos.lookup("x" * 250, default=None) is None


@pytest.mark.parametrize(("text", "expected"), HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_hostile_input_gets_a_quick_clear_answer(text: str, expected: str | None) -> None:
    # A generous bound that only a hang or quadratic work could break; speed is measured in benchmarks/.
    started = time.perf_counter()
    found = medsos.lookup(text, default=None)
    assert (found.id if found else None) == expected
    assert isinstance(medsos.search(text), list)
    if expected is None:
        with pytest.raises(medsos.UnknownPlatformError):
            medsos.classify(text)
    assert time.perf_counter() - started < 5


@given(st.text(max_size=300))
@example("\ud800")
@example("\x00")
def test_any_text_gives_a_platform_or_unknown(text: str) -> None:
    result = medsos.lookup(text, default=None)
    assert result is None or isinstance(result, medsos.Platform)
    for match in medsos.search(text):
        assert 0 < match.score <= 100


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60).map(lambda s: "https://" + s))
def test_any_url_gives_a_platform_or_unknown(url: str) -> None:
    result = medsos.lookup(url, default=None)
    assert result is None or result.id == owner(read(url).host or "")


# Text made mostly of what URLs are made of, so that the quick road is taken often and its edges are met.
url_shaped = st.lists(
    st.sampled_from(["http", "https", "android-app", ":", "//", "/", ".", "..", "-", "_", "a", "b1", "com", "9",
                     "@", "?", "#", ":80", ":99999", "x" * 64, "WWW.", "Ä", " ", "\\"]),
    max_size=14,
).map("".join)  # fmt: skip


@given(url_shaped)
@example("https://" + "x" * 64 + ".facebook.com/")
@example("facebook.com..")
@example("com.instagram.android?")
@example("1.2.3.4/")
def test_the_quick_road_agrees_with_the_general_one(text: str) -> None:
    # A space at the end sends the text down the general road, which strips it.
    assert read_url(text) == read_url(text + " ") or text != text.strip()


#: Built eagerly from the same records, where the bundled registry builds its name keys and records lazily.
EAGER = medsos.Registry(medsos.platforms)


@given(
    st.sampled_from(DOMAINS),
    st.sampled_from(["", "https://", "//", "HTTP://", "android-app://", "https://someone@", "evil"]),
    st.sampled_from(["", "m.", "www.", "x.", "evil-", "."]),
    st.sampled_from(["", "/", ".", ".evil.example", ":8080/x", "?u=x", "#@x", "evil"]),
)
def test_the_lazy_registry_answers_as_an_eager_one(
    pair: tuple[str, str], scheme: str, prefix: str, suffix: str
) -> None:
    text = scheme + prefix + pair[0] + suffix
    assert medsos.classify(text, default=None) == EAGER.classify(text, default=None)
    assert medsos.lookup(text, default=None) == EAGER.lookup(text, default=None)


@given(url_shaped)
def test_the_lazy_registry_answers_as_an_eager_one_for_any_url_shaped_text(text: str) -> None:
    assert medsos.classify(text, default=None) == EAGER.classify(text, default=None)


def test_marks_of_other_scripts_are_kept() -> None:
    assert name_key("พันทิป") != name_key("พนทป")
    assert name_key("ドコモ") != name_key("トコモ")
    assert medsos.lookup("พันทิป", fuzzy=False).id == medsos.lookup("pantip.com").id


def test_every_label_survives_case_space_quotes_and_width() -> None:
    # The property test above samples; this one walks every name, alias and former name, so that a label
    # with URL characters in it ("Twitter/X", "Яндекс.Дзен") cannot slip through.
    failures = []
    for label, platform_id in NAMES:
        full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in label)
        for variant in (label, label.upper(), f"  {label} ", f'"{label}"', f"{label}.", full_width):
            found = medsos.lookup(variant, default=None, fuzzy=False)
            if found is None or found.id != platform_id:
                failures.append((variant, platform_id, found.id if found else None))
    assert failures == []


@pytest.mark.parametrize(
    "url", ["http:facebook.com", "http:/facebook.com", "https:\\\\facebook.com/x", "https:///facebook.com"]
)
def test_slashes_after_an_http_scheme_are_read_as_browsers_do(url: str) -> None:
    assert medsos.lookup(url).id == "facebook"


def test_ports_must_be_real_ports() -> None:
    assert medsos.lookup("https://facebook.com:443/").id == "facebook"
    assert medsos.lookup("https://facebook.com:99999/", default=None) is None
    assert medsos.lookup("facebook.com:70000", default=None) is None
