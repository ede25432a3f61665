"""`juesuan load DIR` on a folder of many reports (parallel parse, progress, summary, bad files) and
`juesuan export DIR`: Parquet partitioned by 年度, and the sql/ files answering the same over it in plain DuckDB."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from assistant.catalog import load_catalog
from assistant.cli import app
from assistant.export import attach_views
from assistant.lexicon import load_lexicon
from assistant.load import load_files, report_files
from assistant.store import connect
from bench.synth import corpus, write_corpus

from .conftest import SAMPLE

runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("many")
    write_corpus(d / "reports", corpus(24, models=6))
    (d / "reports" / "空文件.txt").write_bytes(b"")
    (d / "reports" / "不是报告.txt").write_text("今天天气很好。\n" * 20, encoding="utf-8")
    return d / "reports"


def _state(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT 单位, 年度 FROM reports ORDER BY ALL").fetchall(), \
            con.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        con.close()


def test_parallel_and_sequential_loads_store_the_same(tmp_path, folder):
    paths = report_files([folder])
    out = {}
    for workers in (1, 2):
        con = connect(tmp_path / f"w{workers}.duckdb")
        results = list(load_files(con, paths, load_lexicon(), workers=workers))
        con.close()
        assert [r.file for r in results] == [str(p) for p in paths]  # in order
        out[workers] = ([r.status for r in results], _state(tmp_path / f"w{workers}.duckdb"))
    assert out[1] == out[2]
    assert out[1][0].count("refused") == 2 and len(out[1][1][0]) == 24


def test_load_folder_prints_a_summary_and_bad_files_do_not_stop_the_rest(tmp_path, folder):
    db = str(tmp_path / "t.duckdb")
    result = runner.invoke(app, ["load", str(folder), "--db", db])
    assert result.exit_code == 1, result.output  # some refused, not all
    assert "共 26 份" in result.output and "载入 24，替换 0，拒绝 2" in result.output
    assert "空文件.txt" in result.output and "不是报告.txt" in result.output
    again = runner.invoke(app, ["load", str(folder), "--db", db, "-j", "1"])
    assert "载入 0，替换 24，拒绝 2" in again.output
    assert len(_state(db)[0]) == 24


def test_many_files_print_progress_instead_of_a_line_each(tmp_path, monkeypatch, folder):
    monkeypatch.setattr("assistant.commands.MANY_FILES", 10)
    result = runner.invoke(app, ["load", str(folder), "--db", str(tmp_path / "t.duckdb")])
    assert "进度 26/26" in result.output
    assert "勾稽检查：" in result.output and "24 份报告，用时" in result.output
    assert "（收入" not in result.output  # no per-file line


def test_single_file_output_has_no_summary(tmp_path):
    result = runner.invoke(app, ["load", str(SAMPLE), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 0 and "共 " not in result.output and "进度" not in result.output


@pytest.fixture(scope="module")
def exported(tmp_path_factory, folder):
    d = tmp_path_factory.mktemp("export")
    db = d / "t.duckdb"
    con = connect(db)
    for _ in load_files(con, [SAMPLE, *report_files([folder])], load_lexicon(), workers=1):
        pass
    from assistant.check import refresh_findings

    refresh_findings(con)
    con.close()
    result = runner.invoke(app, ["export", str(d / "parquet"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, d / "parquet"


def test_export_writes_parquet_partitioned_by_year(exported):
    _, out = exported
    assert (out / "views.sql").is_file()
    assert (out / "findings" / "year=2024").is_dir()  # the sample's audit findings
    for table in ("reports", "facts", "fact_rows", "projects", "funds", "indicators", "terms"):
        assert sorted(p.name for p in (out / table).iterdir()) == ["year=2023", "year=2024"], table
    assert list((out / "facts" / "year=2024").glob("*.parquet"))


QUESTIONS = [
    ("科目金额", {"科目": "会议费", "上级": None, "单位": None, "年度": None, "年度偏移": None}),
    ("部门排名", {"科目": "三公经费", "方向": None, "数量": "5", "单位": None, "年度": None, "年度偏移": None}),
    ("部门合计", {"科目": "会议费", "年度": 2023, "年度偏移": None}),
    ("科目历年", {"科目": "机关运行经费", "上级": None, "单位": None, "年度": None, "年度偏移": None, "年数": None}),
    ("项目列表", None),
]


@pytest.mark.parametrize(("qid", "params"), QUESTIONS)
def test_question_files_give_the_same_answer_over_parquet(exported, qid, params):
    db, out = exported
    q = next(x for x in load_catalog() if x.id == qid)
    bound = params if params is not None else {n: None for n in q.params}
    native = duckdb.connect(str(db), read_only=True)
    plain = duckdb.connect()  # a fresh, empty DuckDB: only the Parquet files and views.sql
    attach_views(plain, out)
    try:
        want = native.execute(q.sql, bound).fetchall()
        got = plain.execute(q.sql, bound).fetchall()
    finally:
        native.close()
        plain.close()
    assert want and got == want


def test_export_refuses_a_non_empty_target(exported):
    db, out = exported
    result = runner.invoke(app, ["export", str(out), "--db", str(db)])
    assert result.exit_code == 2 and "已存在" in result.output
