"""The marker for "no default given", shared by the module functions and :class:`~medsos.Registry`."""

from __future__ import annotations

__all__ = ["MISSING"]


class _Missing:
    def __repr__(self) -> str:
        return "<no default>"


MISSING = _Missing()
