"""Start-up cost: building the default database also compiles the package, so that a later `juesuan ask` reads
bytecode even where Python may not write it (PYTHONDONTWRITEBYTECODE=1)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import assistant
from assistant import dbpath


def test_building_the_default_database_compiles_the_package(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    source = Path(assistant.__file__).parent / "render.py"
    cached = Path(importlib.util.cache_from_source(str(source)))
    cached.unlink(missing_ok=True)
    dbpath.default_db()  # also: juesuan load (dbpath.precompile)
    assert cached.exists()
