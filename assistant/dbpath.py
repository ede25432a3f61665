"""Where the database lives.

``--db PATH``, else ``$JUESUAN_DB``, else a default database in the user's data directory, built from
the reports in ``data/reports`` on first use and rebuilt when they, the lexicons, the package source
or the schema change. It is written to a temporary file and moved into place, so a reader never sees
a half-built one; its fingerprint sits beside it in ``juesuan.duckdb.fingerprint``, so checking it
costs one small file read, not a database connection. This module is on the ``ask`` path: it imports
the parser only when it has to rebuild.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .lexicon import data_dir
from .model import JuesuanError, os_error_text

REPORT_SUFFIXES = (".txt", ".docx", ".pdf")


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "juesuan"


def sample_reports() -> list[Path]:
    return sorted(p for p in (data_dir() / "reports").iterdir() if p.suffix.lower() in REPORT_SUFFIXES)


def fingerprint() -> str:
    """Changes when the bundled reports, the lexicons or the package source (parser, schema) change."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for p in [*sample_reports(), *sorted(data_dir().glob("*.tsv")), *sorted(here.glob("*.py"))]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def default_db(progress: Callable[[str], None] | None = None) -> Path:
    """The default database, (re)built from ``data/reports`` when missing or stale."""
    path = user_data_dir() / "juesuan.duckdb"
    stamp = path.with_name(path.name + ".fingerprint")
    fp = fingerprint()
    if path.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == fp:
        return path
    from .lexicon import load_lexicon
    from .load import load_file
    from .store import connect, set_meta

    if progress:
        progress("正在用内置示例报告建立默认数据库…")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".juesuan-", suffix=".duckdb", dir=path.parent)
    except OSError as e:
        raise JuesuanError(f"无法在 {path.parent} 建立默认数据库（{os_error_text(e)}）；请把 XDG_DATA_HOME 设为可写的目录，"
                           "或用 --db 指定数据库") from e
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
            from .check import refresh_findings

            refresh_findings(con)
            set_meta(con, [("fingerprint", fp)])
        finally:
            con.close()
        os.replace(tmp, path)
        precompile()
        stamp_tmp = stamp.with_name(stamp.name + ".tmp")
        stamp_tmp.write_text(fp, encoding="utf-8")
        os.replace(stamp_tmp, stamp)
    finally:
        for leftover in (tmp, tmp + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return path


def precompile() -> None:
    """Compile the package's modules once, beside them (as pip does for a regular install). Where Python may not
    write bytecode itself (PYTHONDONTWRITEBYTECODE=1) every `juesuan ask` would otherwise compile the package
    again, about 70 ms; it still reads bytecode that is there. A read-only install only keeps that cost."""
    import compileall
    import contextlib

    with contextlib.suppress(OSError):
        compileall.compile_dir(str(Path(__file__).parent), quiet=2)


def resolve_db(db: str | None, progress: Callable[[str], None] | None = None) -> Path:
    if db is not None and not db.strip():
        raise JuesuanError("--db 的值是空的；请给出数据库文件路径，或不写 --db 使用默认数据库")
    if db:
        return Path(db)
    env = os.environ.get("JUESUAN_DB")
    if env:
        return Path(env)
    return default_db(progress)
