"""Loading reports into a database: read → parse → store, one transaction per file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .dbpath import REPORT_SUFFIXES, default_db, resolve_db, sample_reports, user_data_dir
from .lexicon import Lexicon
from .model import JuesuanError, Unplaced
from .parse import parse
from .read import read_document
from .store import counts, store_report

__all__ = ["LoadResult", "default_db", "load_file", "report_files", "resolve_db", "sample_reports", "user_data_dir"]


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
