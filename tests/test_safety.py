"""Queries cannot change or reach anything; loads lose nothing; a locked, corrupt or foreign database is a message.

Every path that runs SQL a user typed (``juesuan sql``, ``Engine.run_sql``, raw SQL in the REPL) runs on
a read-only connection with external access off and the configuration locked, and only read statements
are passed to it at all. Each refusal is a Chinese message and exit code 2, and the database file is
byte-identical afterwards.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from assistant.catalog import load_catalog
from assistant.cli import app
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon
from assistant.load import load_file
from assistant.model import JuesuanError
from assistant.repl import Repl
from assistant.store import connect

from .conftest import ROOT, SAMPLE

runner = CliRunner()

# (statement, what it tries) — each must be refused with 查询被拒绝
REFUSED = [
    ("INSERT INTO meta VALUES ('x', 'y')", "write"),
    ("UPDATE meta SET value = 'x'", "write"),
    ("DELETE FROM facts", "write"),
    ("CREATE TABLE x(a INTEGER)", "write"),
    ("CREATE TEMP TABLE t AS SELECT 1", "write (temporary)"),
    ("CREATE MACRO m(x) AS x", "write"),
    ("DROP TABLE facts", "write"),
    ("DROP VIEW 支出", "write"),
    ("ALTER TABLE facts ADD COLUMN z INTEGER", "write"),
    ("SELECT 1; DROP TABLE facts", "write after a read"),
    ("ATTACH ':memory:' AS m", "attach"),
    ("ATTACH '/tmp/juesuan-attack.duckdb' AS m", "attach"),
    ("DETACH memory", "detach"),
    ("COPY facts TO '/tmp/juesuan-attack.csv'", "copy to a file"),
    ("COPY (SELECT 1) TO '/tmp/juesuan-attack.parquet' (FORMAT parquet)", "copy to a file"),
    ("EXPORT DATABASE '/tmp/juesuan-attack'", "export"),
    ("SELECT * FROM read_csv('/etc/passwd')", "read a file"),
    ("SELECT * FROM read_text('/etc/passwd')", "read a file"),
    ("SELECT * FROM read_blob('/etc/passwd')", "read a file"),
    ("SELECT * FROM glob('/etc/*')", "list files"),
    ("INSTALL httpfs", "install an extension"),
    ("LOAD httpfs", "load an extension"),
    ("SET enable_external_access = true", "change configuration"),
    ("SET lock_configuration = false", "change configuration"),
    ("RESET enable_external_access", "change configuration"),
    ("SET threads = 1", "change configuration"),
    ("SET VARIABLE x = 1", "change state"),
    ("PRAGMA enable_profiling", "change configuration"),
    ("PRAGMA disable_checkpoint_on_shutdown", "change configuration"),
    ("BEGIN TRANSACTION", "open a transaction"),
    ("VACUUM", "maintenance"),
]


@pytest.fixture
def db(tmp_path, sample_db) -> Path:
    path = tmp_path / "t.duckdb"
    shutil.copy(sample_db, path)
    return path


def _engine(db: Path) -> Engine:
    return Engine(open_readonly(db), load_catalog(), load_lexicon())


def _dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table (a load that is rolled back or killed must leave exactly this)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}  # type: ignore[misc]
    finally:
        con.close()


# ---- queries cannot change or reach anything ----------------------------------------------------


@pytest.mark.parametrize(("query", "what"), REFUSED, ids=[q for q, _ in REFUSED])
def test_sql_command_refuses(db, query, what):
    before = db.read_bytes()
    result = runner.invoke(app, ["sql", query, "--db", str(db)])
    assert result.exit_code == 2, (what, result.output)
    assert "查询被拒绝" in result.output, (what, result.output)
    assert "Traceback" not in result.output and "root:" not in result.output
    assert db.read_bytes() == before
    assert not db.with_name(db.name + ".wal").exists()


@pytest.mark.parametrize(("query", "what"), REFUSED, ids=[q for q, _ in REFUSED])
def test_run_sql_refuses_and_the_engine_goes_on(db, query, what):
    before = db.read_bytes()
    engine = _engine(db)
    with pytest.raises(JuesuanError, match="查询被拒绝"):
        engine.run_sql(query, {})
    assert engine.ask("会议费多少").status == "ok"  # the connection is still usable (no open transaction)
    assert engine.run_sql("SELECT count(*) FROM facts", {})[1][0][0] > 0
    engine.con.close()
    assert db.read_bytes() == before


@pytest.mark.parametrize("query", ["SELECT * FROM '/etc/passwd'", "CHECKPOINT", "FORCE CHECKPOINT",
                                   "PRAGMA database_list", "SELECT current_setting('enable_external_access')"])
def test_other_statements_reach_nothing(db, query):
    """Allowed or not, these read no file and leave the database file as it was."""
    before = db.read_bytes()
    result = runner.invoke(app, ["sql", query, "--db", str(db)])
    assert "Traceback" not in result.output and "root:" not in result.output
    if result.exit_code:
        assert result.exit_code == 2 and "错误：" in result.output
    assert db.read_bytes() == before


def test_external_access_stays_off(db):
    engine = _engine(db)
    _, rows = engine.run_sql("SELECT current_setting('enable_external_access')", {})
    assert rows == [(False,)]
    engine.con.close()


def test_parameters_are_bound_not_spliced(db):
    before = db.read_bytes()
    hostile = "会议费'; DROP TABLE facts; --"
    result = runner.invoke(app, ["sql", "SELECT 金额 FROM 支出 WHERE 科目 = $科目", "-p", f"科目={hostile}", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "44" not in result.output  # no row has that name
    assert db.read_bytes() == before


@pytest.mark.parametrize(("query", "what"), REFUSED, ids=[q for q, _ in REFUSED])
def test_repl_raw_sql_refuses(db, query, what):
    before = db.read_bytes()
    engine = _engine(db)
    out = io.StringIO()
    repl = Repl(engine, stream=out)
    assert repl.handle(query)
    assert repl.handle("会议费多少")
    text = out.getvalue()
    assert "Traceback" not in text
    assert "查询被拒绝" in text or "无法理解" in text, text  # refused, or never taken for SQL at all
    assert "44.00万元" in text
    engine.con.close()
    assert db.read_bytes() == before


# ---- a corrupt, foreign, locked database ----------------------------------------------------------


def _foreign(kind: str, path: Path) -> None:
    if kind == "random":
        path.write_bytes(os.urandom(64 * 1024))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    elif kind == "sqlite":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t(x)")
        con.commit()
        con.close()
    elif kind == "duckdb":
        con = duckdb.connect(str(path))
        con.execute("CREATE TABLE 账目(x INTEGER)")
        con.execute("INSERT INTO 账目 VALUES (1)")
        con.close()


@pytest.mark.parametrize("kind", ["random", "empty", "text", "sqlite", "duckdb"])
@pytest.mark.parametrize("command", [["ask", "会议费多少"], ["sql", "SELECT 1"], ["check"], ["load", str(SAMPLE)]])
def test_corrupt_or_foreign_database_is_a_message(tmp_path, kind, command):
    db = tmp_path / "x.duckdb"
    _foreign(kind, db)
    before = db.read_bytes()
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "juesuan load" in result.output and "删除" in result.output, result.output  # how to rebuild
    assert db.read_bytes() == before  # someone else's file is never written to


_HOLDER = textwrap.dedent("""
    import sys, time
    from assistant.store import connect
    con = connect(sys.argv[1])          # what ``juesuan load`` holds while it loads
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM facts")    # uncommitted: must never be seen, nor survive a kill
    print("ready", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def held(db):
    """A second process holding the database for writing, as a load does."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield db, proc
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("command", [["ask", "会议费多少"], ["sql", "SELECT 1"], ["check"], ["load", str(SAMPLE)]])
def test_database_in_use_is_a_message(held, command):
    db, _ = held
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "另一个进程" in result.output and "稍后再试" in result.output, result.output
    assert "Traceback" not in result.output


def test_killed_writer_loses_nothing(held, sample_db):
    db, proc = held
    before = _dump(sample_db)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _dump(db) == before
    assert runner.invoke(app, ["ask", "会议费多少", "--db", str(db)]).exit_code == 0


# ---- loads lose nothing ------------------------------------------------------------------------------


def _synth_text(seed: int, filler_lines: int = 0) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from synth import make_narrative_report
    finally:
        sys.path.remove(str(ROOT / "bench"))
    text = make_narrative_report(seed, "测试单位", 2023)
    return text + "本单位认真贯彻落实各项工作部署，加强内部管理。\n" * filler_lines


def test_failure_in_the_middle_of_a_store_rolls_back(db, monkeypatch):
    import assistant.store as store

    before = _dump(db)
    calls = {"n": 0}
    real = store._insert

    def failing(con, table, rows):
        calls["n"] += 1
        if calls["n"] == 3:  # facts and projects are in; funds fails
            raise RuntimeError("disk full")
        return real(con, table, rows)

    monkeypatch.setattr(store, "_insert", failing)
    con = connect(db)
    with pytest.raises(RuntimeError):
        load_file(con, SAMPLE, load_lexicon())  # the sample again: replaces, i.e. deletes first
    con.close()
    assert calls["n"] == 3
    assert _dump(db) == before


_KILLED_LOAD = textwrap.dedent("""
    import os, signal, sys
    import assistant.store as store
    from assistant.lexicon import load_lexicon
    from assistant.load import load_file
    real, calls = store._insert, []
    def insert(con, table, rows):
        calls.append(table)
        real(con, table, rows)
        if table == "indicators":
            os.kill(os.getpid(), signal.SIGKILL)   # killed mid-way through a report's transaction
    store._insert = insert
    con = store.connect(sys.argv[1])
    load_file(con, sys.argv[2], load_lexicon())
""")


@pytest.mark.parametrize("report", ["sample", "new"])
def test_load_killed_mid_way_leaves_the_database_as_before(db, tmp_path, report):
    path = SAMPLE
    if report == "new":
        path = tmp_path / "synth.txt"
        path.write_text(_synth_text(3), encoding="utf-8")
    before = _dump(db)
    proc = subprocess.run([sys.executable, "-c", _KILLED_LOAD, str(db), str(path)], cwd=ROOT, capture_output=True,
                          timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert _dump(db) == before
    result = runner.invoke(app, ["ask", "会议费多少", "--db", str(db)])
    assert result.exit_code == 0 and "44.00万元" in result.output


def test_load_killed_by_signal_at_a_random_moment(db, tmp_path):
    """A real ``juesuan load`` of a large report, killed while it runs: before or after, never half."""
    big = tmp_path / "big.txt"
    big.write_text(_synth_text(5, filler_lines=20_000), encoding="utf-8")
    before = _dump(db)
    cmd = [sys.executable, "-m", "assistant", "load", str(big), "--db", str(db)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    proc.kill()
    proc.wait()
    after = _dump(db)
    if after != before:  # the load finished first: then it is complete
        assert proc.returncode == 0
        assert len(after["reports"]) == len(before["reports"]) + 1
    engine = _engine(db)
    assert engine.ask("会议费多少").status == "ok"
    engine.con.close()


def test_two_loads_at_once_do_not_corrupt(db, tmp_path):
    paths = []
    for seed in (11, 12):
        p = tmp_path / f"r{seed}.txt"
        p.write_text(_synth_text(seed, filler_lines=3_000).replace("测试单位", f"测试单位{seed}"), encoding="utf-8")
        paths.append(p)
    procs = [subprocess.Popen([sys.executable, "-m", "assistant", "load", str(p), "--db", str(db)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in paths]
    outs = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    for code, out, err in outs:
        assert "Traceback" not in out + err
        if code:
            assert code == 2 and "另一个进程" in err, err
    assert any(code == 0 for code, _, _ in outs)
    engine = _engine(db)
    units = {u for u, _ in engine.reports()}
    assert "广元市昭化区工商业联合会" in units
    assert {f"测试单位{s}" for s, (code, _, _) in zip((11, 12), outs, strict=True) if code == 0} <= units
    assert engine.ask("会议费多少").status in ("ok", "not_understood")  # several units: may ask which
    engine.con.close()
