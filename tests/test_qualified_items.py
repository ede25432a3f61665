"""Items named with their 类 or 款 (人大事务行政运行), plain 收入/支出 questions that the report answers only
for the 总计, and counts stated as targets (年初预算…18次) — each on a report written for the test."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.lexicon import load_lexicon
from assistant.load import load_file
from assistant.store import connect

LEX = load_lexicon()

REPORT = """\
某县测试局2023年度部门决算
第二部分 2023年度部门决算情况说明
一、收入支出决算总体情况说明
2023年度收入、支出总计均为120.00万元。与2022年度相比，收入、支出总计各增加20.00万元，增长20%。主要变动原因是新增培训任务。
二、一般公共预算财政拨款支出决算具体情况说明
1.一般公共服务支出（类）人大事务（款）行政运行（项）：支出决算为10.00万元，完成预算100%。
2.城乡社区支出（类）城乡社区管理事务（款）行政运行（项）：支出决算为20.00万元，完成预算100%。
3.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为4.34万元，完成预算100%。
三、一般公共预算财政拨款基本支出决算情况说明
2023年度一般公共预算财政拨款基本支出34.34万元，其中：人员经费30.00万元，主要包括：基本工资20.00万元、住房公积金4.00万元；公用经费4.34万元，主要包括：差旅费2.00万元。
四、项目绩效情况
（1）驻外商会开展招商次数，年初预算驻外商会招商18次，实际招商6次，未完成目标任务。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    d = tmp_path_factory.mktemp("qualified")
    f = d / "report.txt"
    f.write_text(REPORT, encoding="utf-8")
    con = connect(d / "t.duckdb")
    assert load_file(con, f, LEX).status == "loaded"
    con.close()
    e = Engine.open(str(d / "t.duckdb"))
    yield e
    e.con.close()


def values(answer, column="值"):
    at = answer.columns.index(column)
    return sorted(float(r[at]) for r in answer.rows)


@pytest.mark.parametrize("question, figure", [
    ("人大事务行政运行", 10.0),
    ("人大事务的行政运行是多少", 10.0),
    ("城乡社区管理事务行政运行多少", 20.0),
    ("城乡社区支出行政运行", 20.0),  # a 类 qualifies its 项 too
    ("一般公共服务支出人大事务行政运行", 10.0),
    ("住房改革支出住房公积金", 4.34),
    ("住房保障支出类住房改革支出款住房公积金项", 4.34),
])
def test_a_qualified_item_is_the_one_under_that_parent(engine, question, figure):
    a = engine.ask(question)
    assert a.status == "ok", a.answer
    assert values(a) == [figure]


def test_the_unqualified_item_lists_each_parent_by_name(engine):
    a = engine.ask("行政运行多少")
    assert values(a) == [10.0, 20.0]
    assert "人大事务 行政运行" in a.answer and "城乡社区管理事务 行政运行" in a.answer


def test_the_qualifier_keeps_the_function_item_apart_from_the_economic_one(engine):
    # 住房公积金 is also an 经济分类 line (4.00 under 人员经费); under 住房改革支出 it is the 功能分类 项 only
    assert values(engine.ask("住房公积金多少")) == [4.0, 4.34]
    assert values(engine.ask("住房改革支出住房公积金")) == [4.34]


def test_an_item_not_under_the_parent_named_is_not_answered(engine):
    a = engine.ask("人大事务住房公积金")
    assert a.status == "no_data" and not a.rows


def test_a_type_without_the_qualifier_refuses_it(engine):
    a = engine.ask("人大事务行政运行的明细")
    assert a.status == "not_understood"
    assert "人大事务" in a.answer


def test_a_followup_on_another_item_drops_the_qualifier(engine):
    first = engine.understand("人大事务行政运行")
    assert first.param("上级") == "人大事务"
    follow = engine.understand("那差旅费呢", first)
    assert follow.status == "ok" and follow.param("科目") == "差旅费" and follow.param("上级") is None
    assert values(engine.answer("那差旅费呢", follow)) == [2.0]


@pytest.mark.parametrize("question, item, column, figure", [
    ("收入比去年增加了多少", "收入总计", "增减额", 20.0),
    ("支出增长率", "支出总计", "增减率", 20.0),
])
def test_plain_income_or_spending_change_is_the_stated_total(engine, question, item, column, figure):
    a = engine.ask(question)
    assert a.status == "ok", a.answer
    assert {r[a.columns.index("科目")] for r in a.rows} == {item}
    assert values(a, column) == [figure]
    assert item in a.answer  # the sentence names which total it is


def test_plain_spending_reason_is_the_stated_one(engine):
    a = engine.ask("支出为什么增加")
    assert a.status == "ok" and "新增培训任务" in a.answer and "支出总计" in a.answer


def test_the_total_fallback_survives_a_followup(engine):
    first = engine.understand("收入比去年增加了多少")
    follow = engine.understand("那支出呢", first)
    assert follow.fallback, follow
    a = engine.answer("那支出呢", follow)
    assert a.status == "ok" and "支出总计" in a.answer


def test_a_target_count_is_not_what_was_done(engine):
    rows = engine.con.execute("SELECT 科目, 数值 FROM 概况 WHERE 计量单位 = '次' ORDER BY 序号").fetchall()
    assert [(name, float(v)) for name, v in rows] == [("驻外商会招商目标", 18.0), ("驻外商会招商", 6.0)]
    for question in ("驻外商会招商多少次", "驻外商会招商完成几次"):  # 18 was the target; 实际招商6次 is what was done
        assert values(engine.ask(question), "数量") == [6.0]


def test_a_count_both_planned_and_done_in_one_phrase_is_left_unplaced(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("某县测试局2023年度部门决算\n第二部分 2023年度部门决算情况说明\n四、项目绩效情况\n"
                 "完成年度目标任务12次。\n", encoding="utf-8")
    con = connect(tmp_path / "t.duckdb")
    load_file(con, f, LEX)
    assert con.execute("SELECT count(*) FROM 事实 WHERE 数值 = 12").fetchone() == (0,)
    con.close()


def test_sql_files_take_the_qualifier_as_a_parameter():
    from assistant.catalog import load_catalog

    taking = {q.id for q in load_catalog() if "上级" in q.params}
    assert {"科目金额", "科目增减", "科目预算", "科目原因", "科目占比", "科目历年"} <= taking
