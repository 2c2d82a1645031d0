"""Classify a small referrer log: which platforms sent visits, and of which type of social media.

Run it with ``python examples/classify_referrers.py``.
"""

from __future__ import annotations

from collections import Counter

import medsos

REFERRERS = [
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fshop.example%2F",
    "https://t.co/AbCdEf",
    "android-app://com.linkedin.android/",
    "https://www.kaskus.co.id/thread/123",
    "https://id.quora.com/Apa-itu",
    "https://www.google.com/search?q=sepatu",
    "https://someone.blogspot.com/2024/01/review.html",
    "https://youtu.be/dQw4w9WgXcQ",
    "https://lnkd.in/abc",
    "https://facebook.com.attacker.example/",
]


def main() -> None:
    types = medsos.classify_many(REFERRERS, default=None)
    by_type = Counter(t.label("id") if t else "bukan media sosial" for t in types)
    for label, count in by_type.most_common():
        print(f"{count:3d}  {label}")
    print()
    for referrer, platform in zip(REFERRERS, medsos.lookup_many(REFERRERS, default=None), strict=True):
        print(f"{platform.name if platform else '-':12}  {referrer}")


if __name__ == "__main__":
    main()
