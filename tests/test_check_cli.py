"""`juesuan check`, the per-report summary of `juesuan load`, and audit warnings on answers."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli import app

from .conftest import SAMPLE

runner = CliRunner()


def test_load_prints_a_findings_summary_and_check_exits_1_on_errors(tmp_path):
    db = str(tmp_path / "t.duckdb")
    loaded = runner.invoke(app, ["load", str(SAMPLE), "--db", db])
    assert loaded.exit_code == 0
    assert "勾稽检查：错误" in loaded.output
    result = runner.invoke(app, ["check", "--db", db, "--format", "json"])
    assert result.exit_code == 1  # the sample's growth rate is computed on the wrong base
    findings = json.loads(result.output)
    assert {"level", "rule", "unit", "year", "message", "values", "sources"} <= set(findings[0])
    assert any(f["rule"] == "growth_rate" and f["level"] == "错误" for f in findings)


def test_answer_carries_the_finding_on_its_figure(tmp_path):
    db = str(tmp_path / "t.duckdb")
    assert runner.invoke(app, ["load", str(SAMPLE), "--db", db]).exit_code == 0
    meeting = json.loads(runner.invoke(app, ["ask", "会议费多少", "--db", db, "--format", "json"]).output)
    assert meeting["rows"] and any("52" in w and "44" in w for w in meeting["warnings"])
    table = runner.invoke(app, ["ask", "会议费多少", "--db", db]).output
    assert "⚠" in table and "juesuan check" in table
    office = json.loads(runner.invoke(app, ["ask", "办公费多少", "--db", db, "--format", "json"]).output)
    assert office["status"] == "ok" and office["warnings"] == []
