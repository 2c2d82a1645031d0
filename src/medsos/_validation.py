"""The rules a set of platforms must keep to be matched: what makes a dataset inconsistent.

The index reports keys that two platforms claim while it builds; the rules here look at the records alone.
Every problem is collected, so that one :class:`~medsos.DatasetError` names them all.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from medsos._errors import DatasetError
from medsos._text import MAX_NAME_LENGTH
from medsos._vocabulary import PUBLIC_SECOND_LEVEL_LABELS

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

__all__ = ["check", "claim_problem", "empty_key_problem", "record_problems"]


def record_problems(
    platforms: Iterable[tuple[str, Sequence[str], Sequence[str]]], type_ids: Collection[str]
) -> list[str]:
    """Ids used twice, types outside the registry's taxonomy, and domains that are public suffixes, of platforms
    given as ``(id, domains, type ids)``."""
    platforms = list(platforms)
    counts = Counter(platform[0] for platform in platforms)
    problems = [f"id {pid!r} is used twice" for pid, count in sorted(counts.items()) if count > 1]
    for platform_id, domains, type_ids_of_platform in platforms:
        problems += [
            f"{platform_id}: type {type_id} is not in this registry's taxonomy"
            for type_id in type_ids_of_platform
            if type_id not in type_ids
        ]
        problems += [
            f"{platform_id}: {domain!r} is a public suffix, shared by everyone under it"
            for domain in domains
            if _is_public_suffix(domain)
        ]
        problems += [f"{platform_id}: domain {domain!r} is listed twice" for domain in _repeated(domains)]
    return problems


def _repeated(items: Sequence[str]) -> list[str]:
    return sorted(item for item, count in Counter(items).items() if count > 1)


def _is_public_suffix(domain: str) -> bool:
    labels = domain.split(".")
    return (
        len(labels) == 2
        and labels[0] in PUBLIC_SECOND_LEVEL_LABELS
        and len(labels[1]) == 2
        and labels[1].isalpha()
    )


def claim_problem(key: str, label: str, owner: str, claimed_label: str, claimed_owner: str) -> str:
    return f"{label!r} ({owner}) and {claimed_label!r} ({claimed_owner}) share the key {key!r}"


def empty_key_problem(owner: str, kind: str, label: str) -> str:
    why = "is too long" if len(label) > MAX_NAME_LENGTH else "has no letters or digits"
    return f"{owner}: {kind} {label!r} {why}"


def check(problems: list[str]) -> None:
    """Raise :class:`~medsos.DatasetError` naming every problem, if there is any."""
    if problems:
        raise DatasetError("inconsistent platforms:\n  " + "\n  ".join(problems))
