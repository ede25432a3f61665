"""Export: the base tables as Parquet, partitioned by 年度, plus ``views.sql`` that rebuilds the public views
over those files, so that the ``sql/`` files run with plain DuckDB (or the Parquet files are read by any engine).

Layout of ``DIR``::

    reports/year=2024/data_0.parquet      one directory per table, hive-partitioned by 年度
    facts/year=2024/data_0.parquet        (tables without a 年度 column get the report's 年度)
    …
    views.sql                             base-table views over the Parquet globs + the public views of store.py

``views.sql`` uses paths relative to ``DIR``: run it from there (``cd DIR && duckdb -init views.sql``), or set
DuckDB's ``file_search_path`` to ``DIR`` first; for object storage, replace the relative prefix with an
``s3://…`` one. The partition key in the directory names is ``year`` (DuckDB URL-encodes a non-ASCII key such
as 年度 in directory names and does not decode it when reading); the files keep every column of the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from .model import JuesuanError, os_error_text
from .store import _VIEWS, ENTRY_VIEW, VIEW_NAMES

BASE_TABLES = ("reports", "facts", "fact_rows", "projects", "funds", "indicators", "terms", "unplaced", "findings")
# … and any other table of the database (all but meta), so a table added to store.py is exported too


@dataclass(frozen=True)
class Exported:
    table: str
    rows: int
    years: tuple[int, ...]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_parquet(con: duckdb.DuckDBPyConnection, directory: str | Path) -> list[Exported]:
    """Write every base table under ``directory/<table>/年度=<y>/`` and ``directory/views.sql``."""
    out_dir = Path(directory)
    if out_dir.exists() and not out_dir.is_dir():
        raise JuesuanError(f"{out_dir}：已有同名文件，不是文件夹；请指定一个新的导出目录")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise JuesuanError(f"{out_dir}：无法建立导出目录（{os_error_text(e)}）") from e
    present = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "reports" not in present:
        raise JuesuanError("这不是 juesuan 数据库（没有 reports 表）")
    done: list[Exported] = []
    view_sql: list[str] = []
    tables = [t for t in BASE_TABLES if t in present] + sorted(present - set(BASE_TABLES) - {"meta"})
    for table in tables:
        cols = _columns(con, table)
        has_year = any(c == "年度" for c, _ in cols)
        body = (f"SELECT *, 年度 AS year FROM {table}" if has_year else
                f"SELECT t.*, r.年度 AS year FROM {table} t JOIN reports r USING (报告ID)")
        target = out_dir / table
        if target.exists():
            raise JuesuanError(f"{target} 已存在；请换一个空目录导出")
        rows = con.execute(f"SELECT count(*) FROM ({body})").fetchone()[0]  # type: ignore[index]
        if rows:
            con.execute(f"COPY ({body}) TO '{_sql_str(target)}' (FORMAT PARQUET, PARTITION_BY (year))")
        else:  # an empty table still needs a file, for its schema
            (target / "year=0").mkdir(parents=True)
            con.execute(f"COPY (SELECT * EXCLUDE (year) FROM ({body}) LIMIT 0) "
                        f"TO '{_sql_str(target / 'year=0' / 'data_0.parquet')}' (FORMAT PARQUET)")
        years = tuple(r[0] for r in con.execute(f"SELECT DISTINCT year FROM ({body}) ORDER BY 1").fetchall())
        done.append(Exported(table, rows, years))
        select = ", ".join(_quote(c) for c, _ in cols)  # the table's own columns (not the partition key)
        view_sql.append(f"CREATE OR REPLACE VIEW {table} AS SELECT {select}\n"
                        f"  FROM read_parquet('{table}/*/*.parquet', hive_partitioning = true);")
    (out_dir / "views.sql").write_text(views_sql(view_sql), encoding="utf-8")
    return done


def views_sql(base_views: list[str]) -> str:
    header = ("-- juesuan: the base tables as views over the Parquet files of this directory, then the public views\n"
              f"-- ({'、'.join(VIEW_NAMES)}), exactly as assistant/store.py defines them.\n"
              "-- Run from this directory: duckdb -init views.sql   (or SET file_search_path = '<this directory>')\n")
    return header + "\n".join(base_views) + "\n" + ENTRY_VIEW + _VIEWS.strip() + "\n"


def _sql_str(path: Path) -> str:
    """A path as the body of a SQL string literal (COPY … TO takes no parameters)."""
    return str(path).replace("'", "''")


def attach_views(con: duckdb.DuckDBPyConnection, directory: str | Path) -> None:
    """Create the views of ``directory/views.sql`` on ``con`` (relative paths resolved against ``directory``)."""
    d = Path(directory).resolve()
    con.execute(f"SET file_search_path = '{_sql_str(d)}'")
    con.execute((d / "views.sql").read_text(encoding="utf-8"))
