"""Loading reports into a database (read → parse → store), and where the database lives.

Database location: ``--db PATH``, else ``$JUESUAN_DB``, else a default database in the user's data
directory, built from the reports in ``data/reports`` on first use and rebuilt when they (or the
parser) change. The default database is written to a temporary file and moved into place, so a
reader never sees a half-built one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .lexicon import Lexicon, data_dir, load_lexicon
from .model import JuesuanError, Unplaced
from .parse import parse
from .read import read_document
from .store import SCHEMA_VERSION, connect, counts, set_meta, store_report

REPORT_SUFFIXES = (".txt", ".docx", ".pdf")


@dataclass(frozen=True)
class LoadResult:
    file: str
    status: str  # loaded / replaced / refused
    message: str = ""
    单位: str = ""
    年度: int = 0
    report_id: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    unplaced: tuple[Unplaced, ...] = ()
    coverage: float = 0.0


def load_file(con: duckdb.DuckDBPyConnection, path: str | Path, lexicon: Lexicon) -> LoadResult:
    """Read, parse and store one file. A refused file leaves the database unchanged."""
    try:
        report = parse(read_document(path), lexicon)
        rid, replaced = store_report(con, report)
    except JuesuanError as e:
        return LoadResult(str(path), "refused", str(e))
    return LoadResult(
        str(path), "replaced" if replaced else "loaded", "", report.单位, report.年度, rid, counts(con, rid),
        report.unplaced, report.coverage,
    )


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus report files found (recursively) in named folders."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES))
        else:
            out.append(p)
    return out


# ---- the default database ----------------------------------------------------------------------


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "juesuan"


def sample_reports() -> list[Path]:
    return sorted(p for p in (data_dir() / "reports").iterdir() if p.suffix.lower() in REPORT_SUFFIXES)


def fingerprint() -> str:
    """Changes when the bundled reports, the lexicons, the parser or the schema change."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    here = Path(__file__).resolve().parent
    for p in [*sample_reports(), *sorted(data_dir().glob("*.tsv")), *sorted(here.glob("*.py"))]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def default_db(progress: Callable[[str], None] | None = None) -> Path:
    """The default database, (re)built from ``data/reports`` when missing or stale."""
    path = user_data_dir() / "juesuan.duckdb"
    fp = fingerprint()
    if path.exists():
        try:
            with duckdb.connect(str(path), read_only=True) as con:
                row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row and row[0] == fp:
                return path
        except duckdb.Error:
            pass  # stale, locked while being rebuilt, or corrupt: rebuild below
    if progress:
        progress("正在用内置示例报告建立默认数据库…")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".juesuan-", suffix=".duckdb", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        lexicon = load_lexicon()
        con = connect(tmp)
        try:
            for f in sample_reports():
                result = load_file(con, f, lexicon)
                if result.status == "refused":
                    raise JuesuanError(f"内置示例报告无法载入：{result.message}")
            set_meta(con, [("fingerprint", fp)])
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return path


def resolve_db(db: str | None, progress: Callable[[str], None] | None = None) -> Path:
    if db:
        return Path(db)
    env = os.environ.get("JUESUAN_DB")
    if env:
        return Path(env)
    return default_db(progress)
