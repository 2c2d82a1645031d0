"""Write the dictionary part of src/medsos/data/not_typos.json: words that typo matching must leave alone.

    python scripts/build_not_typos.py                 # from /usr/share/dict/words (Debian's wamerican)
    python scripts/build_not_typos.py --check         # exit 1 when the file is stale
    python scripts/build_not_typos.py --words FILE

Typo matching accepts "a slip of the fingers" on a platform's name; some real words look exactly like one
("video" against Viadeo, "thread" against Threads, "patron" against Patreon).  This script runs every word of a
word list through the bundled registry's typo matching and records those it would accept, so that they stay
unknown.  Rerun it whenever platforms or their names change; the tests check that it is current when the word
list is installed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import medsos
from medsos._text import name_key

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "medsos" / "data" / "not_typos.json"
DEFAULT_WORDS = Path("/usr/share/dict/words")


def words_taken_for_typos(words_file: Path, curated: list[str]) -> list[str]:
    # The bundled platforms, with the hand-made list alone as their not-typos: so that the result does not
    # depend on the words it replaces.
    registry = medsos.Registry(medsos.platforms, not_typos=curated)
    curated_keys = {name_key(word) for word in curated}
    lines = words_file.read_text(encoding="utf-8").splitlines()
    words = {name_key(line.strip()) for line in lines}  # "Goodyear's" too: name keys drop the apostrophe
    found = []
    for key in sorted(w for w in words if w.isalpha()):  # keys with digits or symbols are no dictionary word
        if key in curated_keys or registry.lookup(key, default=None, fuzzy=False) is not None:
            continue  # listed by hand already, or a real name or alias: not a typo at all
        if registry.match(key) is not None:
            found.append(key)
    return found


def render(words: list[str], source: Path) -> str:
    data = json.loads(TARGET.read_text(encoding="utf-8"))
    data["dictionary_source"] = (
        f"{source.name} (Debian wamerican)" if source == DEFAULT_WORDS else source.name
    )
    data["dictionary"] = words
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the list of dictionary words that are not typos.")
    parser.add_argument("--words", type=Path, default=DEFAULT_WORDS, help="a word list, one word per line")
    parser.add_argument("--check", action="store_true", help="only report whether the file is stale")
    args = parser.parse_args(argv)
    if not args.words.exists():
        print(f"skipped: {args.words} is absent (on Debian: apt-get install wamerican)")
        return 0
    curated = json.loads(TARGET.read_text(encoding="utf-8"))["curated"]
    text = render(words_taken_for_typos(args.words, curated), args.words)
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"stale: {TARGET.relative_to(ROOT)} (run python scripts/build_not_typos.py)")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"{len(json.loads(text)['dictionary'])} dictionary words written to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
