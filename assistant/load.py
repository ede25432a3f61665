"""Loading reports into a database: read → parse → store, one transaction per file."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .dbpath import REPORT_SUFFIXES, default_db, resolve_db, sample_reports, user_data_dir
from .lexicon import Lexicon
from .model import JuesuanError, Report, Unplaced
from .parse import parse
from .read import read_document
from .store import counts, store_report, store_reports

__all__ = ["LoadResult", "default_db", "load_file", "load_files", "report_files", "resolve_db", "sample_reports",
           "user_data_dir"]

PARALLEL_MIN = 16  # files: below this, starting worker processes costs more than it saves
BATCH = 50  # reports per transaction when loading a large folder (with_counts=False)


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


def _parse(path: Path, lexicon: Lexicon) -> Report | str:
    """Read and parse one file: the report, or why it is refused. Never raises (one bad file never stops a
    folder): an unexpected error is reported as a refusal too."""
    try:
        return parse(read_document(path), lexicon)
    except JuesuanError as e:
        return str(e)
    except Exception as e:  # a parser bug on one odd file
        return f"解析出错（{type(e).__name__}：{e}）"


def _store(con: duckdb.DuckDBPyConnection, path: Path, parsed: Report | str, with_counts: bool) -> LoadResult:
    if isinstance(parsed, str):
        return LoadResult(str(path), "refused", parsed)
    try:
        rid, replaced = store_report(con, parsed)
    except (JuesuanError, duckdb.Error) as e:
        return LoadResult(str(path), "refused", f"无法存入数据库（{e}）")
    return LoadResult(
        str(path), "replaced" if replaced else "loaded", "", parsed.单位, parsed.年度, rid,
        counts(con, rid) if with_counts else {}, parsed.unplaced, parsed.coverage,
    )


_WORKER_LEXICON: Lexicon | None = None


def _worker_init(lexicon: Lexicon) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon


def _worker_parse(path: Path) -> Report | str:
    assert _WORKER_LEXICON is not None
    return _parse(path, _WORKER_LEXICON)


def load_files(con: duckdb.DuckDBPyConnection, paths: list[Path], lexicon: Lexicon, workers: int | None = None,
               with_counts: bool = True) -> Iterator[LoadResult]:
    """Load many files, yielding one ``LoadResult`` per path in order; a refused file changes nothing.

    Reading and parsing run in ``workers`` processes (default: one per CPU) ahead of storing, which stays in
    this process (DuckDB has one writer). With ``with_counts`` (a few files, a line each) every report is stored in
    its own transaction and its rows are counted; without, reports are stored ``BATCH`` at a time in one
    transaction (``store_reports``: the per-statement cost is paid per batch), and a batch that fails is stored
    again report by report, so one bad report never takes the others with it.
    """
    parsed = _parsed(paths, lexicon, workers)
    if with_counts:
        for p, r in parsed:
            yield _store(con, p, r, True)
        return
    batch: list[tuple[Path, Report | str]] = []
    for item in parsed:
        batch.append(item)
        if len(batch) >= BATCH:
            yield from _store_batch(con, batch)
            batch = []
    yield from _store_batch(con, batch)


def _store_batch(con: duckdb.DuckDBPyConnection, batch: list[tuple[Path, Report | str]]) -> list[LoadResult]:
    reports = [r for _, r in batch if not isinstance(r, str)]
    try:
        stored = iter(store_reports(con, reports)) if reports else iter(())
    except (JuesuanError, duckdb.Error):
        return [_store(con, p, r, False) for p, r in batch]
    out = []
    for p, r in batch:
        if isinstance(r, str):
            out.append(LoadResult(str(p), "refused", r))
            continue
        rid, replaced = next(stored)
        out.append(LoadResult(str(p), "replaced" if replaced else "loaded", "", r.单位, r.年度, rid, {}, r.unplaced,
                              r.coverage))
    return out


def _parsed(paths: list[Path], lexicon: Lexicon, workers: int | None) -> Iterator[tuple[Path, Report | str]]:
    """(path, report or refusal) in order; in worker processes when there are enough files."""
    if workers is None:
        workers = os.cpu_count() or 1
    if workers <= 1 or len(paths) < PARALLEL_MIN:
        for p in paths:
            yield p, _parse(p, lexicon)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    # a bounded window of parses in flight: an unbounded pool.map would hold every parsed report of a large
    # folder in memory when parsing runs ahead of storing
    window = 8 * workers
    # forkserver, not fork: a forked child inherits this process's DuckDB threads and their locks (the database is
    # open here while the workers parse), which can hang or kill the child mid-way
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init, initargs=(lexicon,)) as pool:
        pending: deque[tuple[Path, Future[Report | str]]] = deque()
        todo = iter(paths)
        for p in todo:
            pending.append((p, pool.submit(_worker_parse, p)))
            if len(pending) >= window:
                break
        while pending:
            p, future = pending.popleft()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_worker_parse, nxt)))
            yield p, future.result()
