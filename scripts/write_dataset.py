"""Rewrite src/medsos/data/platforms.json in its canonical form: records sorted by id, one per line, their keys
in one order, and a key left out where it holds its default (no aliases, no country, "active", ...).

    python scripts/write_dataset.py             # normalise the file in place
    python scripts/write_dataset.py --version   # also set dataset_version to today's date

Hand edits keep diffs small when the file stays in this form; the tests check that it does.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

PATH = Path(__file__).resolve().parent.parent / "src" / "medsos" / "data" / "platforms.json"
KEYS = (
    "id", "name", "type", "subtype", "secondary_types", "aliases", "former_names", "domains",
    "short_domains", "app_ids", "country", "launched", "status", "closed",
)  # fmt: skip


#: What a record holds where it leaves a key out: Platform's own defaults.
DEFAULTS: dict[str, Any] = {
    "secondary_types": [], "aliases": [], "former_names": [], "domains": [], "short_domains": [], "app_ids": [],
    "country": None, "launched": None, "status": "active", "closed": None,
}  # fmt: skip


def render(data: dict[str, Any]) -> str:
    records = sorted(data["platforms"], key=lambda record: record["id"])
    lines = [
        json.dumps(
            {key: record[key] for key in KEYS if key in record and record[key] != DEFAULTS.get(key, ...)},
            ensure_ascii=False,
        )
        for record in records
    ]
    body = ",\n".join("    " + line for line in lines)
    return f'{{\n  "dataset_version": "{data["dataset_version"]}",\n  "platforms": [\n{body}\n  ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rewrite platforms.json in its canonical form.")
    parser.add_argument("--version", action="store_true", help="set dataset_version to today's date")
    args = parser.parse_args(argv)
    data = json.loads(PATH.read_text(encoding="utf-8"))
    if args.version:
        data["dataset_version"] = datetime.date.today().strftime("%Y.%m.%d")
    PATH.write_text(render(data), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
