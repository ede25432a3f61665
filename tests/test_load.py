"""Loading: encodings, .docx, bad input (clear message, non-zero exit, database unchanged), replacement."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.lexicon import load_lexicon
from assistant.load import load_file
from assistant.parse import parse
from assistant.read import read_document
from assistant.store import connect

from .conftest import SAMPLE

runner = CliRunner()


def _facts(path):
    report = parse(read_document(path), load_lexicon())
    key = sorted((f.表, f.口径, f.科目, f.属性, str(f.数值), f.文本 or "") for f in report.facts)
    rows = sorted((i.项目编码, i.三级指标, i.指标值, i.完成值, str(i.得分)) for i in report.indicators)
    return key, rows, len(report.projects)


def _docx_from_text(text: str, path):
    """A .docx built from the text form: plain lines as paragraphs, tab-cell blocks as table rows."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []
    cells: list[str] = []

    def flush_table():
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for i, r in enumerate(rows):
            for j, c in enumerate(r):
                table.cell(i, j).text = c
        rows.clear()

    for line in text.split("\n"):
        if line.lstrip(" ").startswith("\t"):
            cells.append(line.lstrip(" ")[1:].strip())
            continue
        if cells:
            rows.append(cells)
            cells = []
            if not line.strip():
                continue
        if line.strip() or not rows:
            flush_table()
            document.add_paragraph(line)
    if cells:
        rows.append(cells)
    flush_table()
    document.save(str(path))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_load_to_identical_facts(tmp_path, encoding):
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    assert _facts(path) == _facts(SAMPLE)


def test_docx_loads_to_identical_facts(tmp_path):
    path = tmp_path / "report.docx"
    _docx_from_text(SAMPLE.read_text(encoding="utf-8"), path)
    assert _facts(path) == _facts(SAMPLE)


def _db_state(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM facts").fetchone(), con.execute("SELECT count(*) FROM reports").fetchone()
    finally:
        con.close()


BAD = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 40,
    "image.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "not_a_report.txt": "今天天气很好，我们去公园散步。\n".encode() * 20,
    "cut.txt": None,  # the sample cut off after 第一部分
    "no_year.txt": None,  # the sample without a year in its title
    "zip.docx": b"PK\x03\x04" + b"\x00" * 60,
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_and_changes_nothing(tmp_path, name):
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["load", str(SAMPLE), "--db", str(db)]).exit_code == 0
    before = _db_state(db)
    text = SAMPLE.read_text(encoding="utf-8")
    data = BAD[name]
    if name == "cut.txt":
        data = text[: text.index("第二部分")].encode()
    elif name == "no_year.txt":
        data = text.replace("2024年度广元市", "广元市", 1).encode()
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["load", str(path), "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert name in result.output or str(path) in result.output
    assert _db_state(db) == before


def test_missing_file_is_refused(tmp_path):
    result = runner.invoke(app, ["load", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 2
    assert "不存在" in result.output


def test_loading_again_replaces(tmp_path):
    db = tmp_path / "t.duckdb"
    con = connect(db)
    first = load_file(con, SAMPLE, load_lexicon())
    second = load_file(con, SAMPLE, load_lexicon())
    assert (first.status, second.status) == ("loaded", "replaced")
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    n = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert n == len(parse(read_document(SAMPLE), load_lexicon()).facts)
    con.close()


def test_load_verbose_prints_coverage(tmp_path):
    result = runner.invoke(app, ["load", str(SAMPLE), "--db", str(tmp_path / "t.duckdb"), "-v"])
    assert result.exit_code == 0
    assert "覆盖率：100.0%" in result.output
    assert "载入" in result.output


def test_ask_cli_answers_and_exit_codes(tmp_path, sample_db):
    ok = runner.invoke(app, ["ask", "会议费多少", "--db", str(sample_db)])
    assert ok.exit_code == 0 and "44.00万元" in ok.output and "第69行" in ok.output
    refused = runner.invoke(app, ["ask", "今天天气怎么样", "--db", str(sample_db)])
    assert refused.exit_code == 1
    usage = runner.invoke(app, ["ask", "会议费多少", "--db", str(sample_db), "--format", "xml"])
    assert usage.exit_code == 2


def test_ask_uses_default_database_with_no_setup():
    result = runner.invoke(app, ["ask", "会议费多少"])
    assert result.exit_code == 0, result.output
    assert "44.00万元" in result.output


def test_every_command_has_help():
    for cmd in ("load", "ask", "sql", "repl"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0 and len(result.output) > 50


def test_batch_store_is_atomic_and_replaces(tmp_path):
    """store_reports: several reports in one transaction; a failure stores none of them."""
    from assistant.store import store_reports

    report = parse(read_document(SAMPLE), load_lexicon())
    con = connect(tmp_path / "b.duckdb")
    assert store_reports(con, [report]) == [(1, False)]
    assert store_reports(con, [report]) == [(1, True)]
    before = con.execute("SELECT count(*) FROM facts").fetchone()
    broken = report.__class__(**{**report.__dict__, "单位": "另一个单位", "facts": (*report.facts, None)})
    with pytest.raises(AttributeError):
        store_reports(con, [report, broken])
    assert con.execute("SELECT count(*) FROM facts").fetchone() == before
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    con.close()
