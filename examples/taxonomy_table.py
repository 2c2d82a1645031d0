"""Print the six types of social media with their subtypes and marketing uses, in English or Indonesian.

Run it with ``python examples/taxonomy_table.py`` or ``python examples/taxonomy_table.py id``.
"""

from __future__ import annotations

import sys

import medsos


def main(language: str = "en") -> None:
    for platform_type in medsos.types:
        count = len(medsos.platforms.of_type(platform_type))
        print(f"{platform_type.label(language)} ({count} platforms)")
        print(f"  {platform_type.descriptions[language]}")
        for use in platform_type.marketing_uses[language]:
            print(f"  + {use}")
        for subtype in platform_type.subtypes:
            print(f"    - {subtype.label(language)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
