"""Shared fixtures: the path to ../shared and the skip marker for tests that read it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))

requires_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared (seeds, gold, external data) is not beside the checkout"
)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (seeds, gold, external data) is not beside the checkout")
    return SHARED
