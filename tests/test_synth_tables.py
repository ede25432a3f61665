"""Generated reports in the nine-table layout (``bench.synth.make_table_report``): every table row placed, the
audit silent, and questions answered with the generator's own figures (``table_figures``), never hard-coded ones."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from typer.testing import CliRunner

from assistant.catalog import load_catalog
from assistant.check import render_findings, run_checks
from assistant.cli import app
from assistant.engine import Engine, open_readonly
from assistant.load import load_file
from assistant.store import connect
from assistant.tables import TABLE_REASON
from bench.synth import (
    BRACKET_KUAN,
    CODE_FORMS,
    DEPARTMENTS,
    SH_REGIONS,
    TABLE_TITLES,
    corpus,
    make_table_report,
    other_item,
    render_table_report,
    table_figures,
    table_model,
    write_corpus,
)

# seeds whose styles together cover every printed form: the three code forms, each table in 元, blank and 0.00 zeros,
# wrapped names (also as PDFium wraps them), a table continued on a new page, spaced and hard-wrapped text (also
# inside numbers), both wordings, an empty 三公 table, 其他收入, a car bought (the first test checks the cover)
SEEDS = (2, 3, 12, 20, 21, 24, 26, 29, 32, 55)


def unit_of(seed: int) -> str:
    return SH_REGIONS[seed % len(SH_REGIONS)] + DEPARTMENTS[seed % len(DEPARTMENTS)]


def year_of(seed: int) -> int:
    return 2020 + seed % 6


def figures(seed: int) -> dict:
    return table_figures(table_model(seed, unit_of(seed)))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, lexicon):
    """All generated reports in one database: (path, load result by seed)."""
    d = tmp_path_factory.mktemp("synth_tables")
    db = d / "all.duckdb"
    con = connect(db)
    results = {}
    for seed in SEEDS:
        path = d / f"{year_of(seed)}年度{unit_of(seed)}部门决算.txt"
        path.write_text(make_table_report(seed, unit_of(seed), year_of(seed)), encoding="utf-8")
        results[seed] = load_file(con, path, lexicon)
    con.close()
    return db, results


@pytest.fixture(scope="module")
def ro(loaded):
    con = open_readonly(loaded[0])
    yield con
    con.close()


@pytest.fixture(scope="module")
def findings(ro):
    """The audit's 错误 and 警告, by department."""
    out: dict[str, list] = {}
    for f in run_checks(ro):
        if f.level in ("错误", "警告"):
            out.setdefault(f.unit, []).append(f)
    return out


@pytest.fixture(scope="module")
def engine(ro, lexicon):
    return Engine(ro, load_catalog(), lexicon)


# ---- the generator ----------------------------------------------------------------------------------


def test_seeds_cover_every_printed_form():
    models = [table_model(s, unit_of(s)) for s in SEEDS]
    styles = [m.style for m in models]
    assert {s.code_form for s in styles} == set(CODE_FORMS)
    assert set().union(*(s.yuan for s in styles)) == set(range(len(TABLE_TITLES)))
    for attr in ("thousands", "zeros", "wrap_names", "spaced", "one_line_cover", "page_breaks", "pdf_wraps",
                 "split_numbers"):
        assert {getattr(s, attr) for s in styles} == {True, False}, attr
    assert {bool(s.wrap_text) for s in styles} == {True, False}
    assert {s.total_label for s in styles} == {"合计", "类 款 项 合计"} and {s.wording for s in styles} == {0, 1}
    figs = [table_figures(m) for m in models]
    assert any(f["三公经费"] == 0 for f in figs) and any(f["三公经费"] > 0 for f in figs)
    assert any(f["公务用车购置费"] > 0 for f in figs)
    assert any(m.其他收入 > 0 for m in models) and any(m.其他收入 == 0 for m in models)


def test_deterministic_and_varied():
    assert make_table_report(7, unit_of(7), 2024) == make_table_report(7, unit_of(7), 2024)
    texts = {make_table_report(s, unit_of(s), year_of(s)) for s in range(12)}
    assert len(texts) == 12
    assert len({table_model(s).style for s in range(12)}) > 6


@pytest.mark.parametrize("seed", SEEDS)
def test_figures_add_up(seed):
    """Consistency by construction, recomputed from the model rather than from the printed figures."""
    m = table_model(seed, unit_of(seed))
    f = table_figures(m)
    fiscal = sum((it.基本 + it.项目 for it in m.items), Decimal(0))
    assert f["一般公共预算财政拨款支出"] == fiscal == f["一般公共预算财政拨款收入"]
    assert f["本年收入合计"] == fiscal + m.其他收入
    assert f["收入总计"] == f["本年收入合计"] + f["年初结转和结余"] == f["本年支出合计"] + f["年末结转和结余"]
    assert f["基本支出"] == f["人员经费"] + f["公用经费"] == f["一般公共预算财政拨款基本支出"]
    assert f["本年支出合计"] == f["基本支出"] + f["项目支出"]
    assert f["经济.工资福利支出"] + f["经济.对个人和家庭的补助"] == f["人员经费"]
    assert f["经济.商品和服务支出"] + f["经济.资本性支出"] == f["公用经费"] == f["机关运行经费"]
    assert f["三公经费"] == f["因公出国（境）费"] + f["公务用车购置及运行维护费"] + f["公务接待费"]
    assert f["公务用车购置及运行维护费"] == f["公务用车购置费"] + f["公务用车运行维护费"]
    assert f["经济.公务接待费"] == f["公务接待费"] and f["经济.公务用车运行维护费"] == f["公务用车运行维护费"]
    classes = {it.code[:3] for it in m.items}
    assert sum((f[f"功能.{c}"] for c in classes), Decimal(0)) == fiscal
    for it in m.items:
        assert it.预算 >= it.基本 + it.项目 > 0
    assert f["政府采购"] == f["政府采购.货物"] + f["政府采购.工程"] + f["政府采购.服务"]


# ---- loading: every table row placed, nothing left over ------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_loads_with_every_table_row_placed(loaded, ro, seed):
    result = loaded[1][seed]
    assert result.status == "loaded", result.message
    assert result.coverage == 1.0
    unit = [unit_of(seed)]
    unplaced = ro.execute("SELECT 原因, 来源 FROM 未识别 WHERE 单位 = ?", unit).fetchall()
    assert [u for u in unplaced if u[0].startswith(TABLE_REASON)] == []
    assert unplaced == []  # the 情况说明 is read completely too
    tables = {t for (t,) in ro.execute("SELECT DISTINCT 表名 FROM 事实 WHERE 来源类型 = 'table' AND 单位 = ?", unit).fetchall()}
    assert tables == set(TABLE_TITLES)  # the 基金/国资 tables (and an empty 三公 table) by their notes
    assert ro.execute("SELECT 年度 FROM 报告 WHERE 单位 = ?", unit).fetchall() == [(year_of(seed),)]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_audit_finds_no_error_or_warning(findings, seed):
    serious = findings.get(unit_of(seed), [])
    assert serious == [], render_findings(serious)


def test_juesuan_check_exits_cleanly(loaded, tmp_path):
    import shutil

    db = tmp_path / "copy.duckdb"  # the CLI opens the database its own way; keep the module's file untouched
    shutil.copy(loaded[0], db)
    out = CliRunner().invoke(app, ["check", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "[错误]" not in out.output and "[警告]" not in out.output


@pytest.mark.parametrize("seed", SEEDS)
def test_stored_table_figures_equal_the_generators(ro, seed):
    """Every 功能分类 row of the 一般公共预算 table and every 经济分类 item, as stored, is the generated figure."""
    f = figures(seed)
    unit = [unit_of(seed)]
    rows = ro.execute("SELECT 科目编码, 属性, 数值 FROM 事实 WHERE 表名 = '一般公共预算财政拨款支出决算表' "
                      "AND 科目编码 <> '' AND 单位 = ?", unit).fetchall()
    assert rows
    for code, attr, value in rows:
        key = f"功能.{code}" + ("" if attr == "金额" else f".{attr}")
        assert value == f[key], (code, attr)
    econ = ro.execute("SELECT 科目, 数值 FROM 事实 WHERE 表名 = '一般公共预算财政拨款基本支出决算表' "
                      "AND 科目编码 <> '' AND 单位 = ?", unit).fetchall()
    assert len(econ) == len([k for k in f if k.startswith("经济.")])
    for name, value in econ:
        assert value == f[f"经济.{name}"], name


# ---- questions ---------------------------------------------------------------------------------------

AMOUNTS = {  # question (after the department's name) → figure key; the first row answers it
    "会议费多少": "经济.会议费",
    "差旅费多少": "经济.差旅费",
    "办公费多少": "经济.办公费",
    "人员经费多少": "人员经费",
    "公用经费多少": "公用经费",
    "机关运行经费多少": "机关运行经费",
    "收入总计多少": "收入总计",
    "一般公共预算财政拨款支出多少": "一般公共预算财政拨款支出",
    "年末结转和结余多少": "年末结转和结余",
    "政府采购多少": "政府采购",
}


def _value(answer, column: str = "值"):
    assert answer.status == "ok", answer.answer
    return answer.rows[0][answer.columns.index(column)]


def _pct(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("question", list(AMOUNTS))
def test_amounts(engine, seed, question):
    a = engine.ask(unit_of(seed) + question)
    assert a.question_type == "科目金额"
    assert _value(a) == figures(seed)[AMOUNTS[question]]
    assert {r[a.columns.index("单位")] for r in a.rows} == {unit_of(seed)}


@pytest.mark.parametrize("seed", SEEDS)
def test_sangong(engine, seed):
    f = figures(seed)
    unit = unit_of(seed)
    total = engine.ask(unit + "三公经费多少")
    assert _value(total) == f["三公经费"]
    reception = engine.ask(unit + "公务接待费多少")
    assert {r[reception.columns.index("值")] for r in reception.rows} == {f["公务接待费"]}  # 三公 table = 基本支出 table
    budget = engine.ask(unit + "三公经费预算多少")
    assert budget.question_type == "科目预算"
    assert _value(budget, "预算数") == f["三公经费.预算"]
    if f["三公经费"]:
        change = engine.ask(unit + "三公经费比上年增减多少")
        assert change.question_type == "科目增减"
        assert _value(change, "上年金额") == f["上年.三公经费"]
        assert _value(change, "增减额") == f["三公经费"] - f["上年.三公经费"]


@pytest.mark.parametrize("seed", SEEDS)
def test_shares_and_changes(engine, seed):
    f = figures(seed)
    unit = unit_of(seed)
    share = engine.ask(unit + "基本支出占比多少")
    assert share.question_type == "科目占比"
    assert _value(share, "金额") == f["基本支出"]
    assert _value(share, "占比") == _pct(100 * f["基本支出"] / f["本年支出合计"])
    running = engine.ask(unit + "机关运行经费比上年增加多少")
    assert _value(running, "上年金额") == f["上年.机关运行经费"]
    assert _value(running, "增减率") == _pct(100 * (f["机关运行经费"] - f["上年.机关运行经费"]) / f["上年.机关运行经费"])


@pytest.mark.parametrize("seed", SEEDS)
def test_functional_items(engine, seed):
    """Each 项: the answer is the all-funds 支出决算表's figure — the 一般公共预算 table's amount, plus the spending
    of 其他收入 under the 项 where it is booked — never the 财政拨款 table's nor the income table's."""
    f = figures(seed)
    m = table_model(seed, unit_of(seed))
    for it in m.items:
        a = engine.ask(f"{unit_of(seed)}{it.项}多少")
        assert a.status == "ok", (it.项, a.answer)
        values = {r[a.columns.index("值")] for r in a.rows}
        extra = m.其他收入支出 if it is other_item(m) else Decimal(0)
        assert values == {f[f"功能.{it.code}"] + extra}, (it.项, values)


def test_ranking_across_generated_departments(engine):
    years = [year_of(s) for s in SEEDS]
    year = max(years, key=years.count)  # the year with the most departments
    units = {unit_of(s): figures(s)["经济.会议费"] for s in SEEDS if year_of(s) == year}
    assert len(units) > 2
    a = engine.ask(f"{year}年哪个部门会议费最高")
    assert a.question_type == "部门排名"
    best = max(units, key=lambda u: units[u])
    assert (_value(a, "单位"), _value(a)) == (best, units[best])


# ---- corpora mixing both layouts --------------------------------------------------------------------------


def test_corpus_default_is_unchanged_and_tables_mix_in():
    plain = corpus(6)
    assert {r.layout for r in plain} == {"narrative"} and plain[0].unit == "广元市昭化区财政局"
    mixed = corpus(20, tables=0.5)
    assert {r.layout for r in mixed} == {"narrative", "tables"}
    assert [r.unit for r in mixed if r.layout == "narrative"][:2] == [plain[0].unit] * 2
    assert all(r.unit.startswith(SH_REGIONS) for r in mixed if r.layout == "tables")
    assert sum(r.layout == "tables" for r in mixed) == 10
    assert {r.layout for r in corpus(10, tables=1.0)} == {"tables"}


def test_write_corpus_loads_both_layouts(tmp_path, lexicon):
    reports = corpus(4, years=(2024,), tables=0.5, models=3)
    paths = write_corpus(tmp_path / "reports", reports)
    con = connect(tmp_path / "mixed.duckdb")
    for p in paths:
        assert load_file(con, p, lexicon).status in ("loaded", "replaced"), p
    kinds = dict(con.execute("SELECT 单位, count(DISTINCT 来源类型) FROM 事实 GROUP BY 单位").fetchall())
    con.close()
    tables_units = {r.unit for r in reports if r.layout == "tables"}
    assert tables_units and all(kinds[u] == 2 for u in tables_units)  # table and narrative facts


# ---- forms of the real reports that the parser once misread ------------------------------------------------


def _serious_findings(tmp_path, lexicon, m, unit, year):
    """Load the report rendered from model ``m`` and return the audit's 错误 and 警告 findings."""
    path = tmp_path / "r.txt"
    path.write_text(render_table_report(m, unit, year), encoding="utf-8")
    con = connect(tmp_path / "r.duckdb")
    assert load_file(con, path, lexicon).status == "loaded"
    serious = [f for f in run_checks(con) if f.level in ("错误", "警告")]
    con.close()
    return serious


def test_kuan_with_brackets_in_the_narrative(tmp_path, lexicon):
    unit = "上海市普陀区人民政府办公室"
    m = table_model(6, unit, kuan=BRACKET_KUAN)
    serious = _serious_findings(tmp_path, lexicon, m, unit, 2024)
    assert serious == [], render_findings(serious)


def test_sangong_reason_after_an_item_at_full_budget(tmp_path, lexicon):
    seed = 33
    unit = unit_of(seed)
    m = table_model(seed, unit)
    actual = m.sangong["公务接待费"][1]
    m.sangong = {k: (a, a) for k, (_, a) in m.sangong.items()}  # every item at full budget …
    m.sangong["因公出国（境）费"] = (Decimal("5.00"), Decimal("0.00"))  # … but one budgeted and not spent
    assert actual > 0 and table_figures(m)["三公经费.预算"] > table_figures(m)["三公经费"]
    serious = _serious_findings(tmp_path, lexicon, m, unit, 2023)
    assert serious == [], render_findings(serious)


def test_basic_expenditure_table_continued_on_a_new_page(tmp_path, lexicon):
    seed = 2  # blank zeros: items without a value are printed bare
    unit = unit_of(seed)
    assert not table_model(seed, unit).style.zeros
    lines = make_table_report(seed, unit, 2024).split("\n")
    start = lines.index("一般公共预算财政拨款基本支出决算表")
    at = next(k for k in range(start + 8, start + 40) if re.fullmatch(r"3\d{4} \S+ 3\d{4} \S+ [\d.,]+", lines[k]))
    lines.insert(at + 1, "\f科目编码 科目名称 决算数 科目编码 科目名称 决算数")
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    con = connect(tmp_path / "r.duckdb")
    assert load_file(con, path, lexicon).status == "loaded"
    unplaced = con.execute("SELECT 原因, 来源 FROM 未识别").fetchall()
    con.close()
    assert unplaced == []
