"""A cache of the catalog, lexicon and matcher built for one database, so that ``juesuan ask`` does not
rebuild the vocabulary on every start.

The key covers everything the matcher is built from: the database file (path, size, modification
time: the engine only reads it), the ``sql/questions`` files, the lexicons (and ``$JUESUAN_SYNONYMS``),
and the code that builds the matcher. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from .catalog import sql_dir
from .lexicon import data_dir

_CODE = ("match.py", "catalog.py", "lexicon.py", "normalize.py", "matchcache.py")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "juesuan"


def _stat(p: Path) -> str:
    st = p.stat()
    return f"{p}:{st.st_size}:{st.st_mtime_ns}"


def key(db: Path) -> str:
    here = Path(__file__).resolve().parent
    parts = [_stat(db.resolve())]
    parts += [_stat(p) for p in sorted((sql_dir() / "questions").glob("*.sql"))]
    parts += [_stat(p) for p in sorted(data_dir().glob("*.tsv"))]
    parts += [_stat(here / name) for name in _CODE]
    extra = os.environ.get("JUESUAN_SYNONYMS")
    if extra and Path(extra).exists():
        parts.append(_stat(Path(extra)))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def load(db: Path) -> Any | None:
    try:
        with open(cache_dir() / f"matcher-{key(db)}.pickle", "rb") as f:
            return pickle.load(f)
    except Exception:  # missing, stale format, unreadable: rebuild
        return None


def save(db: Path, value: Any) -> None:
    try:
        d = cache_dir()
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, d / f"matcher-{key(db)}.pickle")
        old = sorted(d.glob("matcher-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[8:]
        for p in old:  # keep the eight most recent databases' caches
            p.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: run without the cache
