"""Precision and recall of typo matching at several thresholds, on the labelled sets in tests/fixtures/typos.json.

    python benchmarks/fuzzy_calibration.py

The tuning set was used to choose the rules and the threshold; the held-out set was written afterwards and
never used to tune them, so its figures are the honest estimate.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import medsos

ROOT = Path(__file__).resolve().parent.parent
LABELLED = json.loads((ROOT / "tests" / "fixtures" / "typos.json").read_text(encoding="utf-8"))


def rates(
    registry: medsos.Registry, typos: list[list[str]], negatives: list[str]
) -> tuple[float, float, int]:
    correct = wrong = 0
    for typo, platform_id in typos:
        found = registry.lookup(typo, default=None)
        if found is not None:
            correct += found.id == platform_id
            wrong += found.id != platform_id
    wrong += sum(registry.lookup(word, default=None) is not None for word in negatives)
    return correct / max(correct + wrong, 1), correct / len(typos), wrong


def main() -> int:
    bundled = medsos.load()
    sets = [("tuning", "typos", "negatives"), ("held-out 1", "held_out_typos", "held_out_negatives")]
    sets.append(("held-out 2", "held_out_2_typos", "held_out_2_negatives"))
    sets.append(("held-out 3", "held_out_3_typos", "held_out_3_negatives"))
    print("| threshold | " + " | ".join(f"{name} precision | {name} recall" for name, _, _ in sets) + " |")
    print("|---" * (1 + 2 * len(sets)) + "|")
    for threshold in (60.0, 65.0, 70.0, 74.0, 78.0, 82.0, 86.0, 90.0):
        registry = medsos.Registry(bundled.platforms, types=bundled.types, fuzzy_threshold=threshold)
        cells = []
        for _, typos, negatives in sets:
            precision, recall, _ = rates(registry, LABELLED[typos], LABELLED[negatives])
            cells += [f"{precision:.1%}", f"{recall:.1%}"]
        mark = " (default)" if threshold == bundled.fuzzy_threshold else ""
        print(f"| {threshold:.0f}{mark} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
