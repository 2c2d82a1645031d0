"""Shared by the doctests in src/ and docs/: every example may use ``medsos`` without importing it."""

from __future__ import annotations

from typing import Any

import pytest

import medsos


@pytest.fixture(autouse=True)
def _medsos_in_doctests(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["medsos"] = medsos
