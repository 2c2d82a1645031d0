from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")

ROOT = Path(__file__).resolve().parent.parent
#: The project's shared folder of reference lists; a user's clone has none.
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def anchors() -> Path:
    folder = SHARED / "anchors"
    if not folder.is_dir():
        pytest.skip("../shared/anchors is absent (it exists only in the developers' workspace)")
    return folder
