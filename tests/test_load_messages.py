"""What `juesuan load` tells the user: warnings that name their file, a worse copy replacing a better one, an
interrupted load, and refusals that say which year is missing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from assistant import load as load_module
from assistant.commands import app
from assistant.engine import Engine

from .conftest import SAMPLE, SHARED_REPORTS

runner = CliRunner()


def _shared(no: str):
    if not SHARED_REPORTS.is_dir():
        pytest.skip("共享报告目录不存在")
    return next(SHARED_REPORTS.glob(f"{no}_*.txt"))


def test_warnings_name_their_file(tmp_path):
    report = _shared("01")
    result = runner.invoke(app, ["load", str(report), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 0, result.output
    warnings = [ln for ln in result.stderr.splitlines() if "未能识别" in ln]
    assert warnings and all(report.name in ln for ln in warnings)


def test_a_worse_copy_replacing_a_better_one_is_said(tmp_path):
    db = str(tmp_path / "t.duckdb")
    assert runner.invoke(app, ["load", str(_shared("01")), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["load", str(_shared("04")), "--db", db])
    assert result.exit_code == 0 and "覆盖率较低" in result.stderr and _shared("01").name in result.stderr
    again = runner.invoke(app, ["load", str(_shared("01")), "--db", db])  # the better copy back: no warning
    assert again.exit_code == 0 and "覆盖率较低" not in again.stderr


def test_an_interrupted_load_lists_what_was_loaded(tmp_path, monkeypatch):
    real = load_module.load_files

    def interrupted(con, paths, *args, **kwargs):
        yield from real(con, paths[:1], *args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(load_module, "load_files", interrupted)
    db = tmp_path / "t.duckdb"
    other = tmp_path / "copy.txt"
    other.write_bytes(SAMPLE.read_bytes())
    result = runner.invoke(app, ["load", str(SAMPLE), str(other), "--db", str(db)])
    assert result.exit_code == 130
    assert "已中断" in result.stderr and SAMPLE.name in result.stderr and "其余 1 份未载入" in result.stderr
    assert Engine.open(str(db)).reports()  # what was loaded stays


def test_a_missing_year_of_a_listed_item_is_named_as_the_year(sample_db):
    a = Engine.open(str(sample_db)).ask("前年的会议费")
    assert a.status == "no_data" and "列示了它的年度" in a.answer, a.answer


def test_system_errors_are_said_in_chinese(sample_db, tmp_path):
    lines = ["会议费多少", f"\\export {tmp_path / 'no' / 'such' / 'x.csv'}"]
    result = runner.invoke(app, ["repl", "--db", str(sample_db)], input="\n".join(lines) + "\n")
    assert "文件或目录不存在" in result.stdout and "No such file" not in result.stdout
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    result = runner.invoke(app, ["load", str(bad), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 2 and "PDF 文件已损坏" in result.stderr and "PDFium" not in result.stderr
