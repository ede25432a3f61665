"""The audit (勾稽关系): rule files, findings on the sample, the synthetic report, one mutation per rule."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from assistant.check import (
    LEVELS,
    Finding,
    findings_for_sources,
    load_rules,
    parse_header,
    refresh_findings,
    render_findings,
    rules_dir,
    run_checks,
    stored_findings,
    summary_line,
)
from assistant.load import load_file
from assistant.model import JuesuanError
from assistant.store import connect

from .conftest import ROOT, SAMPLE


def _synth():
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


synth = _synth()
UNIT = "广元市昭化区测试局"
YEAR = 2024
SEED = 1


def _load_text(tmp_path: Path, lexicon, text: str, name: str | None = None) -> duckdb.DuckDBPyConnection:
    path = tmp_path / (name or f"{YEAR}年度{UNIT}部门决算.txt")
    path.write_text(text, encoding="utf-8")
    con = connect(tmp_path / "audit.duckdb")
    result = load_file(con, path, lexicon)
    assert result.status in ("loaded", "replaced"), result.message
    return con


def _rules_fired(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


# ---- the rule files ------------------------------------------------------------------------------


def test_every_rule_has_a_complete_header():
    rules = load_rules()
    assert len(rules) >= 25
    assert len({r.id for r in rules}) == len(rules)
    for r in rules:
        assert r.title and r.checks and r.tolerance and r.example, r.id
        assert r.level in LEVELS, r.id
        assert r.sql.lstrip().startswith("--"), r.id


def test_readme_lists_every_rule_with_tolerance_and_example():
    readme = (rules_dir() / "README.md").read_text(encoding="utf-8")
    for r in load_rules():
        assert f"`{r.id}`" in readme, r.id


def test_header_parser_joins_continuation_lines():
    head = parse_header("-- 标题：甲\n-- 检查：第一行，\n--   第二行。\n-- 级别：提示\n-- 容差：无\nSELECT 1")
    assert head == {"title": "甲", "checks": "第一行，第二行。", "level": "提示", "tolerance": "无"}


def test_rules_are_plain_queries_without_python_placeholders():
    for r in load_rules():
        body = "\n".join(line for line in r.sql.splitlines() if not line.lstrip().startswith("--"))
        assert not re.search(r"\{\s*[A-Za-z_\u4e00-\u9fff]+\s*\}", body), r.id  # no str.format slots
        assert not re.search(r"\$[A-Za-z_\u4e00-\u9fff]", body), r.id  # rules take no parameters
        assert len([s for s in body.split(";") if s.strip()]) == 1, r.id  # one statement


def test_a_broken_rule_is_reported_by_name(tmp_path, sample_con):
    bad = tmp_path / "broken.sql"
    bad.write_text("-- 标题：坏\n-- 检查：x\n-- 级别：错误\n-- 容差：无\nSELECT * FROM 不存在的视图\n", encoding="utf-8")
    with pytest.raises(JuesuanError, match="broken"):
        run_checks(sample_con, load_rules(tmp_path))


# ---- the sample: every finding verified against the text -----------------------------------------

# (rule, level, first source line) of every finding on the sample, each checked by reading the report.
SAMPLE_FINDINGS = {
    ("growth_rate", "错误", 33),  # 16.84 / (183.54 − 16.84) = 10.10%, stated 9.2% (= 16.84 / 183.54)
    ("growth_rate", "错误", 45),  # the same for 财政拨款收入/支出总计
    ("growth_rate", "错误", 50),  # the same for 一般公共预算财政拨款支出
    ("fund_sources_sum", "错误", 839),  # …915 总额 执行数 10.00, 财政资金 0.00 + 0 + 0
    ("indicator_weights_sum", "错误", 805),  # …915 indicator weights 0 + 10 ≠ 合计 100 (blank row, line 901)
    ("project_execution_vs_item", "警告", 41),  # Σ 执行数 22 + 1.87 + 29.95 + 10 = 63.82 > 项目支出 25
    ("same_figure", "警告", 69),  # 会议费 44 (line 69) vs 52 (line 160); and 差旅费 4 vs 11
    ("other_department", "警告", 95),  # 中共广元市昭化区委组织部共有车辆0辆
    ("indicator_unit", "警告", 340),  # 解决就业人数 in 平方米/人
    ("execution_score", "警告", 395),  # …842 执行率 18.75%, full execution score 10/10
    ("template_text", "警告", 805),  # “对照年度目标，说明相关任务目标的完成情况（100字以内）” (line 823)
    ("indicator_blank_row", "警告", 901),  # blank indicator row scoring 90
    ("functional_class_sum", "提示", 54),  # 154.44 + 22.75 + 2 + 4.34 = 183.53 vs 183.54
    ("functional_class_sum", "提示", 148),  # the same in the 附件 (收入)
    ("functional_class_sum", "提示", 151),  # the same in the 附件 (支出)
    ("functional_items_sum", "提示", 54),  # 社会保障和就业 22.75 vs 6.5 + 8.8 + 7.46 = 22.76
    ("listed_items_sum", "提示", 69),  # 公用经费 72.24, listed items sum 72.00 (主要包括)
    ("duplicate_punctuation", "提示", 158),  # “专题培训2次，。”
    ("indicator_unit", "提示", 328),  # 吸引新企业落户 counted in 人
    ("execution_rate", "提示", 429),  # …842 1.87 / 10 = 18.70% vs 18.75% (within rounding of 1.87)
}


@pytest.fixture(scope="module")
def sample_findings(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        return run_checks(con)
    finally:
        con.close()


def test_sample_findings_are_the_verified_ones(sample_findings):
    got = {(f.rule, f.level, f.sources[0]["line"]) for f in sample_findings}
    assert got == SAMPLE_FINDINGS


def test_sample_findings_carry_values_and_sources(sample_findings):
    growth = next(f for f in sample_findings if f.rule == "growth_rate" and f.sources[0]["line"] == 33)
    assert growth.unit == "广元市昭化区工商业联合会" and growth.year == 2024
    assert growth.values["列示"] == Decimal("9.2")
    assert growth.values["应为"] == Decimal("10.1020")
    assert growth.values["上年"] == Decimal("166.7")
    assert "疑以本年数为基数" in growth.message
    assert all(s["file"] == SAMPLE.name for s in growth.sources)
    meeting = next(f for f in sample_findings if f.rule == "same_figure" and "会议费" in f.message)
    assert sorted(s["line"] for s in meeting.sources) == [69, 160]
    assert meeting.values["各处"] == {"正文第69行": Decimal(44), "附件第160行": Decimal(52)}


def test_sample_has_errors_only_where_the_text_is_wrong(sample_findings):
    errors = sorted((f.rule, f.sources[0]["line"]) for f in sample_findings if f.level == "错误")
    assert errors == [("fund_sources_sum", 839), ("growth_rate", 33), ("growth_rate", 45), ("growth_rate", 50),
                      ("indicator_weights_sum", 805)]


# ---- the synthetic report ------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 7, 11])
def test_synthetic_report_loads_cleanly_and_raises_nothing(tmp_path, lexicon, seed):
    con = _load_text(tmp_path, lexicon, synth.make_narrative_report(seed, UNIT, YEAR))
    assert con.execute("SELECT count(*) FROM 未识别").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM 绩效指标").fetchone()[0] >= 14
    findings = run_checks(con)
    assert findings == [], render_findings(findings)


def _over(key: str, change):
    def make():
        fig = synth.printed_figures(synth.synth_model(SEED))
        value = change(fig[key])
        return synth.make_narrative_report(SEED, UNIT, YEAR, {key: value})

    return make


def _model(edit):
    def make():
        m = synth.synth_model(SEED)
        edit(m)
        return synth.render_report(m, UNIT, YEAR)

    return make


def _bigger_project(m):
    p = m.projects[0]
    m.projects[0] = replace(p, 年初预算=p.年初预算 + 5, 调整后预算=p.调整后预算 + 5, 执行数=p.执行数 + 5)


def _full_score_at_low_rate(m):
    p = m.projects[1]
    m.projects[1] = replace(p, 执行数=(p.调整后预算 * Decimal("0.8")).quantize(Decimal("0.01")), 执行得分=10)


def _indicator(**changes):
    def edit(m):
        ind = m.projects[0].indicators[0]
        done = str(int(ind.指标值) - 3)
        m.projects[0].indicators[0] = replace(ind, 完成值=done, **changes)

    return edit


def _blank_row(m):
    m.projects[0].indicators.append(synth.Indicator("", "", "", "", "", "", "", None, 5, "无"))


def _area_unit(m):
    inds = m.projects[0].indicators
    i = next(k for k, x in enumerate(inds) if x.三级 == "解决就业人数")
    inds[i] = replace(inds[i], 单位="平方米")


D = Decimal
MUTATIONS = {
    "income_parts_sum": _over("一般公共预算财政拨款收入", lambda v: v + D("0.05")),
    "expenditure_parts_sum": _over("项目支出", lambda v: v + D("0.03")),
    "totals_balance": _over("支出总计", lambda v: v + D("0.06")),
    "functional_class_sum": _over("附件.收入.卫生健康支出", lambda v: v + D("0.10")),
    "functional_items_sum": _over("项.行政单位离退休", lambda v: v + D("0.05")),
    "basic_expenditure_parts": _over("一般公共预算财政拨款基本支出", lambda v: v + D("0.05")),
    "listed_items_sum": _over("公用.办公费", lambda v: v + D("0.50")),
    "sangong_total": _over("三公经费", lambda v: v + D("0.05")),
    "sangong_subtotals": _over("公务用车运行维护费", lambda v: v + D("0.05")),
    "share_recompute": _over("基本支出.占比", lambda v: v + 1),
    "growth_rate": _over("机关运行经费.增长率", lambda v: v + 2),
    "prior_year_change": _over("附件.公务接待费上年元", lambda v: v + 800),
    "budget_completion": _over("公务用车.完成预算", lambda v: D(90)),
    "relation_words": _over("三公经费.完成预算", lambda v: D(95)),
    "same_figure": _over("附件.会议费", lambda v: v + 8),
    "fund_sources_sum": _over("项目0.财政资金.年初预算", lambda v: v + 1),
    "execution_rate": _over("项目0.财政资金.执行率", lambda v: v - 10),
    "project_execution_vs_item": _model(_bigger_project),
    "execution_score": _model(_full_score_at_low_rate),
    "indicator_weights_sum": _over("项目0.合计权重", lambda v: v + 10),
    "indicator_scores_sum": _over("项目0.合计得分", lambda v: v - 2),
    "indicator_not_met": _model(_indicator(得分=15, 原因="无")),
    "indicator_missed_full_score": _model(_indicator(原因="部分企业未参加")),
    "indicator_blank_row": _model(_blank_row),
    "indicator_unit": _model(_area_unit),
    "other_department": _over("资产.单位名", lambda v: "中共广元市昭化区委宣传部"),
    "template_text": _over("项目0.年度目标", lambda v: "对照年度目标，说明相关任务目标的完成情况（100字以内）"),
    "duplicate_punctuation": _over("项目0.评价结论", lambda v: "项目实施规范，，资金使用合规。"),
    "year_mismatch": _over("资产.截至年", lambda v: YEAR - 1),
    # the loader records a sentence that states both directions of a change (下降（增长）) as a discrepancy
    "parse_discrepancies": lambda: synth.make_narrative_report(SEED, UNIT, YEAR).replace(
        "万元，增长", "万元，下降（增长）", 1),
}


def test_every_rule_has_a_mutation():
    assert set(MUTATIONS) == {r.id for r in load_rules()}


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_mutating_one_figure_fires_exactly_its_rule(tmp_path, lexicon, rule):
    con = _load_text(tmp_path, lexicon, MUTATIONS[rule]())
    findings = run_checks(con)
    assert _rules_fired(findings) == {rule}, render_findings(findings)
    assert all(f.unit == UNIT and f.year == YEAR and f.sources for f in findings)


def test_listed_items_shortfall_under_zhuyao_baokuo_is_only_a_hint(tmp_path, lexicon):
    text = _over("公用.办公费", lambda v: v - D("0.50"))()
    findings = run_checks(_load_text(tmp_path, lexicon, text))
    assert [(f.rule, f.level) for f in findings] == [("listed_items_sum", "提示")]
    assert "可能未列全" in findings[0].message


def test_listed_items_excess_is_an_error(tmp_path, lexicon):
    findings = run_checks(_load_text(tmp_path, lexicon, MUTATIONS["listed_items_sum"]()))
    assert [(f.rule, f.level) for f in findings] == [("listed_items_sum", "错误")]


def test_difference_inside_the_rounding_margin_is_a_hint(tmp_path, lexicon):
    text = _over("项.行政单位离退休", lambda v: v + D("0.01"))()  # 3 items: margin ±0.03
    findings = run_checks(_load_text(tmp_path, lexicon, text))
    assert [(f.rule, f.level) for f in findings] == [("functional_items_sum", "提示")]


def test_no_error_on_a_line_the_loader_could_not_place(tmp_path, lexicon):
    con = _load_text(tmp_path, lexicon, MUTATIONS["growth_rate"]())
    [finding] = run_checks(con)
    assert finding.level == "错误"
    src = finding.sources[0]
    con.execute("INSERT INTO unplaced VALUES (1, '测试', ?, ?, ?, ?)", [src["file"], src["page"], src["line"], src["text"]])
    [finding] = run_checks(con)
    assert finding.level == "警告"


# ---- the findings table --------------------------------------------------------------------------


def test_refresh_findings_stores_and_replaces(tmp_path, lexicon):
    con = connect(tmp_path / "two.duckdb")
    for i, text in enumerate((MUTATIONS["growth_rate"](), MUTATIONS["same_figure"]())):
        path = tmp_path / f"{YEAR}年度单位{i}部门决算.txt"
        path.write_text(text.replace(UNIT, f"广元市昭化区单位{i}"), encoding="utf-8")
        assert load_file(con, path, lexicon).status == "loaded"
    stored = refresh_findings(con)
    assert [f.rule for f in stored] == ["growth_rate", "same_figure"]
    rows = con.execute("SELECT 报告ID, 级别, 规则, 单位, 年度, 说明, 数值, 来源 FROM findings ORDER BY 报告ID").fetchall()
    assert [(r[0], r[2]) for r in rows] == [(1, "growth_rate"), (2, "same_figure")]
    assert json.loads(rows[0][6])["列示"] == float(stored[0].values["列示"])
    assert json.loads(rows[0][7])[0]["line"] == stored[0].sources[0]["line"]
    assert stored_findings(con) == stored
    assert stored_findings(con, report_id=2) == [stored[1]]
    # refreshing one report leaves the other's rows alone
    con.execute("DELETE FROM findings WHERE 报告ID = 1")
    assert refresh_findings(con, report_id=2) == [stored[1]]
    assert [f.rule for f in stored_findings(con)] == ["same_figure"]
    assert refresh_findings(con, report_id=1) == [stored[0]]
    assert stored_findings(con) == stored


def test_findings_for_sources_looks_up_an_answers_lines(tmp_path, lexicon):
    con = _load_text(tmp_path, lexicon, MUTATIONS["same_figure"]())
    [finding] = refresh_findings(con)
    line = finding.sources[-1]
    assert findings_for_sources(con, [{"file": line["file"], "line": line["line"]}]) == [finding]
    assert findings_for_sources(con, [(line["file"], 1)]) == []
    assert findings_for_sources(con, []) == []


def test_stored_findings_without_a_table_is_empty(tmp_path):
    con = duckdb.connect(str(tmp_path / "empty.duckdb"))
    assert stored_findings(con) == []


# ---- rendering -----------------------------------------------------------------------------------


def test_render_json_has_the_documented_keys(sample_findings):
    data = json.loads(render_findings(sample_findings, "json"))
    assert len(data) == len(sample_findings)
    assert set(data[0]) == {"level", "rule", "unit", "year", "message", "values", "sources"}
    assert set(data[0]["sources"][0]) == {"file", "page", "line", "text"}
    assert data[0]["level"] == "错误"


def test_render_csv_markdown_and_table(sample_findings):
    rows = list(csv.reader(io.StringIO(render_findings(sample_findings, "csv"))))
    assert rows[0] == ["级别", "规则", "单位", "年度", "说明", "数值", "来源"]
    assert len(rows) == len(sample_findings) + 1
    md = render_findings(sample_findings, "markdown")
    assert md.startswith("| 级别 | 规则 |") and md.count("\n") == len(sample_findings) + 2
    table = render_findings(sample_findings, "table")
    assert table.startswith("2024年度 广元市昭化区工商业联合会：错误 5，警告 8，提示 8")
    assert "\r" not in table + md
    assert render_findings([], "table") == "未发现问题。\n"
    assert render_findings([], "json") == "[]\n"
    with pytest.raises(JuesuanError):
        render_findings(sample_findings, "xml")


def test_summary_line(sample_findings):
    assert summary_line(sample_findings) == "勾稽检查：错误 5，警告 8，提示 8（juesuan check 查看）"
    assert summary_line([]) == "勾稽检查：未发现问题"


def test_check_module_does_not_import_the_cli_libraries():
    code = "import sys, assistant.check; print(any(m.split('.')[0] in ('typer', 'prompt_toolkit') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
