"""Write the referrer export that ``referrer_analysis.ipynb`` analyses: a made-up month of web analytics.

Run it with ``python examples/make_referrer_export.py examples/referrers.csv``; without a file name it writes
the CSV to standard output.  The rows are drawn with a fixed seed, so the file is the same on every run.

Each row is a day, what the analytics tool recorded as the visit's referrer, and a number of sessions.  The
referrers mix what real exports hold: full referrer URLs of social and non-social sites, bare hosts, Android
app referrers, campaign sources (``utm_source`` values such as ``fb_ads`` or ``IG Stories``), GA4's
"source / medium" pairs, typos typed by hand into campaign links, a look-alike host, and "(direct)".
"""

from __future__ import annotations

import csv
import datetime
import random
import sys
from typing import TextIO

SEED = 2026
ROWS = 3_000
START = datetime.date(2026, 11, 1)
DAYS = 30

# (referrer template, weight): "{n}" becomes a number, so that one page gives many distinct URLs.
REFERRERS: list[tuple[str, float]] = [
    # Social platforms, as referrer URLs
    ("https://l.facebook.com/l.php?u=https%3A%2F%2Fshop.example%2Fp%2F{n}", 14),
    ("https://m.facebook.com/groups/{n}/", 5),
    ("https://www.instagram.com/", 9),
    ("https://l.instagram.com/?u=https%3A%2F%2Fshop.example%2F", 6),
    ("https://t.co/{n}", 6),
    ("https://x.com/shop/status/{n}", 3),
    ("https://www.youtube.com/watch?v={n}", 5),
    ("https://youtu.be/{n}", 3),
    ("https://www.tiktok.com/@shop/video/{n}", 7),
    ("https://www.kaskus.co.id/thread/{n}", 3),
    ("https://id.quora.com/Apa-merek-sepatu-lari-terbaik-{n}", 2),
    ("https://www.reddit.com/r/indonesia/comments/{n}/", 2),
    ("https://www.linkedin.com/feed/", 2),
    ("https://lnkd.in/{n}", 1),
    ("https://id.pinterest.com/pin/{n}/", 2),
    ("https://medium.com/@runner/review-{n}", 1),
    ("https://someone.blogspot.com/2026/11/review-{n}.html", 1),
    ("https://github.com/shop/issues/{n}", 0.5),
    ("android-app://com.linkedin.android/", 1),
    ("android-app://com.instagram.android/", 2),
    # Bare hosts
    ("m.facebook.com", 3),
    ("instagram.com", 2),
    ("t.co", 2),
    ("web.whatsapp.com", 2),
    ("kaskus.co.id", 1),
    # Campaign sources and GA4 "source / medium"
    ("fb_ads", 6),
    ("ig", 4),
    ("IG Stories", 3),
    ("tiktok_paid", 3),
    ("facebook / cpc", 2),
    ("linkedin / social", 1),
    ("newsletter", 4),
    ("email", 2),
    ("google / cpc", 6),
    ("google / organic", 10),
    # Typos typed by hand into campaign links
    ("Instagarm", 1),
    ("Lindkein", 0.5),
    ("facebok", 0.5),
    ("Youtbe", 0.5),
    # Other sites, and a look-alike host that is not Facebook
    ("https://www.google.com/search?q=sepatu+lari+{n}", 12),
    ("https://www.google.co.id/", 5),
    ("https://www.bing.com/search?q=sepatu+{n}", 2),
    ("https://duckduckgo.com/", 1),
    ("https://www.kompas.com/read/2026/11/{n}/sepatu", 2),
    ("https://www.detik.com/jatim/berita/d-{n}", 1),
    ("https://www.tokopedia.com/shop/product-{n}", 2),
    ("https://shopee.co.id/product/{n}", 2),
    ("https://chatgpt.com/", 1),
    ("https://facebook.com.promo-login.example/", 0.3),
    ("(direct)", 15),
]


def rows(seed: int = SEED, count: int = ROWS) -> list[tuple[str, str, int]]:
    """``count`` rows of (date, referrer, sessions), sorted by date, the same for the same seed."""
    rng = random.Random(seed)
    templates = [template for template, _ in REFERRERS]
    weights = [weight for _, weight in REFERRERS]
    drawn = []
    for _ in range(count):
        template = rng.choices(templates, weights)[0]
        referrer = template.format(n=rng.randrange(100, 400))
        day = START + datetime.timedelta(days=rng.randrange(DAYS))
        sessions = 1 + int(rng.expovariate(1 / 6))
        drawn.append((day.isoformat(), referrer, sessions))
    drawn.sort(key=lambda row: row[0])
    return drawn


def write(out: TextIO, seed: int = SEED, count: int = ROWS) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("date", "referrer", "sessions"))
    writer.writerows(rows(seed, count))


def main(argv: list[str]) -> None:
    if len(argv) > 1:
        with open(argv[1], "w", encoding="utf-8", newline="") as out:
            write(out)
    else:
        write(sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
