"""List the words of other languages' word lists that typo matching takes for a platform name.

    python scripts/other_language_typos.py /usr/share/dict/spanish /usr/share/dict/french ...

On Debian the lists come with wspanish, wfrench, wngerman, wportuguese, witalian and wdutch.  The words it prints
are candidates for the 'curated' list of src/medsos/data/not_typos.json: review them (a word that is also a
common misspelling of the platform's name may stay a typo) and add the real words.  Run it before and after a
data change to see which words the change made match.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import medsos
from medsos._text import name_key


def taken_for_typos(words_file: Path) -> dict[str, str]:
    """Each word (its name key, five letters or more) that resolves only by typo matching, with the platform id."""
    registry = medsos.load()
    keys = {
        name_key(line.strip())
        for line in words_file.read_text(encoding="utf-8", errors="replace").splitlines()
    }
    found = {}
    for key in sorted(k for k in keys if k.isalpha() and len(k) >= 5):
        if registry.lookup(key, default=None, fuzzy=False) is not None:
            continue  # a name or alias itself, not a typo
        platform = registry.lookup(key, default=None)
        if platform is not None:
            found[key] = platform.id
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", type=Path, nargs="+", help="word lists, one word a line")
    args = parser.parse_args(argv)
    for words_file in args.words:
        if not words_file.exists():
            print(f"skipped: {words_file} is absent")
            continue
        for word, platform_id in taken_for_typos(words_file).items():
            print(f"{words_file.name}\t{word}\t{platform_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
