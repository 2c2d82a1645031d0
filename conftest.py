"""Test set-up shared by tests/, the doctests in src/ and the examples in docs/ and README.md."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import medsos

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")

ROOT = Path(__file__).resolve().parent
#: The project's shared folder of reference lists; a user's clone has none.
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def anchors() -> Path:
    folder = SHARED / "anchors"
    if not folder.is_dir():
        pytest.skip("../shared/anchors is absent (it exists only in the developers' workspace)")
    return folder


@pytest.fixture(scope="session")
def script() -> Callable[[str], ModuleType]:
    """Import one of the repository's scripts (``scripts/x.py`` or ``benchmarks/x.py``) by its path."""

    def load(relative_path: str) -> ModuleType:
        path = ROOT / relative_path
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(autouse=True)
def _medsos_in_doctests(doctest_namespace: dict[str, Any]) -> None:
    """Every example in the docs and docstrings may use ``medsos`` without importing it."""
    doctest_namespace["medsos"] = medsos
