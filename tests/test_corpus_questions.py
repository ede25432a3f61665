"""Cross-report questions (部门排名, 部门合计, 部门平均, 科目对比, 科目历年) on a corpus of the sample plus generated
reports of five departments over two years. Expected answers come from the generator's figures
(``bench.synth.printed_figures``) and the sample's printed figures, never from the engine."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from assistant.catalog import load_catalog
from assistant.conversation import Conversation
from assistant.engine import Engine, open_readonly
from assistant.load import load_file
from assistant.store import connect
from bench.synth import CorpusReport, cached_model, printed_figures, write_corpus

from .conftest import SAMPLE

REGION = "广元市昭化区"
DEPTS = ("财政局", "司法局", "教育局", "公安局", "民政局")
YEARS = (2023, 2024)
GENERATED = [CorpusReport(REGION + d, y, 100 + 10 * i + (y - 2023)) for i, d in enumerate(DEPTS) for y in YEARS]
SAMPLE_UNIT = "广元市昭化区工商业联合会"
# the sample's own printed figures (2024 report; 2023 = the 上年 figures it states)
SAMPLE_2024 = {"会议费": Decimal("44.00"), "差旅费": Decimal("4.00"), "三公经费": Decimal("1.12"),
               "机关运行经费": Decimal("72.24"), "部门整体绩效自评得分": Decimal("88")}
SAMPLE_2023 = {"会议费": Decimal("39.00")}


def figure(unit: str, year: int, item: str) -> Decimal:
    if unit == SAMPLE_UNIT:
        return (SAMPLE_2024 if year == 2024 else SAMPLE_2023)[item]
    r = next(r for r in GENERATED if r.unit == unit and r.year == year)
    m = cached_model(r.seed)
    f = printed_figures(m)
    return {"会议费": f["公用.会议费"], "差旅费": f["公用.差旅费"], "三公经费": f["三公经费"],
            "机关运行经费": f["机关运行经费"], "部门整体绩效自评得分": Decimal(95)}[item]


def units_2024() -> list[str]:
    return [SAMPLE_UNIT] + [REGION + d for d in DEPTS]


def ranked(item: str, year: int = 2024, lowest: bool = False) -> list[str]:
    units = units_2024() if year == 2024 else [REGION + d for d in DEPTS] + [SAMPLE_UNIT]
    return sorted(units, key=lambda u: figure(u, year, item), reverse=not lowest)


def wan(x: Decimal) -> str:
    return f"{x.quantize(Decimal('0.01')):f}万元"


@pytest.fixture(scope="module")
def engine(tmp_path_factory, lexicon):
    d = tmp_path_factory.mktemp("corpus")
    paths = [SAMPLE, *write_corpus(d / "reports", GENERATED)]
    con = connect(d / "corpus.duckdb")
    for p in paths:
        assert load_file(con, p, lexicon).status == "loaded", p
    con.close()
    return Engine(open_readonly(d / "corpus.duckdb"), load_catalog(), lexicon)


def rows(answer, *cols):
    idx = [answer.columns.index(c) for c in cols]
    return [tuple(r[i] for i in idx) for r in answer.rows]


@pytest.mark.parametrize("item", ["会议费", "三公经费", "机关运行经费"])
def test_highest_and_lowest(engine, item):
    top = engine.ask(f"哪个部门{item}最高")
    assert top.question_type == "部门排名", top.answer
    assert rows(top, "单位", "名次", "值") == [(ranked(item)[0], 1, figure(ranked(item)[0], 2024, item))]
    assert wan(figure(ranked(item)[0], 2024, item)) in top.answer and "共6个部门" in top.answer
    low = engine.ask(f"{item}最低的部门")
    assert rows(low, "单位") == [(ranked(item, lowest=True)[0],)]
    assert "从低到高第1名" in low.answer


def test_top_n_and_full_ranking(engine):
    a = engine.ask("会议费前三名")
    assert [u for (u,) in rows(a, "单位")] == ranked("会议费")[:3]
    assert [n for (n,) in rows(a, "名次")] == [1, 2, 3]
    b = engine.ask("各部门三公经费排名")
    assert [u for (u,) in rows(b, "单位")] == ranked("三公经费")
    c = engine.ask("机关运行经费最少的前两个部门")
    assert [u for (u,) in rows(c, "单位")] == ranked("机关运行经费", lowest=True)[:2]


def test_rank_of_one_department(engine):
    a = engine.ask("财政局会议费排第几")
    want = ranked("会议费").index(REGION + "财政局") + 1
    assert rows(a, "单位", "名次", "部门数") == [(REGION + "财政局", want, 6)]


def test_ranking_in_an_earlier_year_uses_that_years_figures(engine):
    a = engine.ask("2023年哪个部门会议费最高")
    best = ranked("会议费", 2023)[0]
    assert rows(a, "单位", "年度", "值") == [(best, 2023, figure(best, 2023, "会议费"))]


def test_sum_across_departments(engine):
    a = engine.ask("全区三公经费合计")
    assert a.question_type == "部门合计"
    total = sum((figure(u, 2024, "三公经费") for u in units_2024()), Decimal(0))
    assert rows(a, "年度", "部门数", "值") == [(2024, 6, total)]
    assert f"6个部门 三公经费合计 {wan(total)}" in a.answer
    b = engine.ask("2023年所有部门会议费合计")
    total23 = sum((figure(u, 2023, "会议费") for u in units_2024()), Decimal(0))
    assert rows(b, "部门数", "值") == [(6, total23)]


def test_average_across_departments(engine):
    a = engine.ask("各部门平均绩效得分")
    assert a.question_type == "部门平均"
    scores = [figure(u, 2024, "部门整体绩效自评得分") for u in units_2024()]
    mean = (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert rows(a, "部门数", "值") == [(6, mean)] and f"平均 {mean}分" in a.answer
    b = engine.ask("会议费平均多少")
    fees = [figure(u, 2024, "会议费") for u in units_2024()]
    assert rows(b, "值") == [((sum(fees, Decimal(0)) / 6).quantize(Decimal("0.01"), ROUND_HALF_UP),)]


def test_two_named_departments_compared(engine):
    a = engine.ask("财政局和司法局的机关运行经费对比")
    assert a.question_type == "科目对比"
    f, s = figure(REGION + "财政局", 2024, "机关运行经费"), figure(REGION + "司法局", 2024, "机关运行经费")
    assert rows(a, "单位", "值", "增减额") == [(REGION + "财政局", f, None), (REGION + "司法局", s, s - f)]
    assert f"比{REGION}财政局" in a.answer


def test_one_department_two_years_compared(engine):
    a = engine.ask("财政局2023年和2024年会议费对比")
    old, new = figure(REGION + "财政局", 2023, "会议费"), figure(REGION + "财政局", 2024, "会议费")
    assert rows(a, "年度", "值", "增减额") == [(2023, old, None), (2024, new, new - old)]
    rate = (100 * (new - old) / old).quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert rows(a, "增减率")[1][0] == rate
    assert "比2023年度" in a.answer


def test_recent_years(engine):
    a = engine.ask("司法局近两年三公经费变化")
    assert a.question_type == "科目历年"
    u = REGION + "司法局"
    old, new = figure(u, 2023, "三公经费"), figure(u, 2024, "三公经费")
    assert rows(a, "单位", "年度", "值", "增减额") == [(u, 2023, old, None), (u, 2024, new, new - old)]
    b = engine.ask("司法局近一年三公经费变化")
    assert rows(b, "年度") == [(2024,)]


def test_pairs_of_other_types_still_answered_as_two_questions(engine):
    a = engine.ask("财政局2023年和2024年会议费")
    assert a.status == "ok" and a.question_type == "科目金额"
    assert {(r[0], r[1]) for r in rows(a, "年度", "值")} == {
        (2023, figure(REGION + "财政局", 2023, "会议费")), (2024, figure(REGION + "财政局", 2024, "会议费"))}
    b = engine.ask("财政局和司法局的会议费")
    assert b.status == "ok" and {u for (u,) in rows(b, "单位")} == {REGION + "财政局", REGION + "司法局"}


def test_follow_ups_across_departments(engine):
    c = Conversation(engine)
    assert rows(c.ask("哪个部门会议费最高"), "单位") == [(ranked("会议费")[0],)]
    travel = c.ask("差旅费呢")
    assert travel.question_type == "部门排名" and travel.understood
    assert rows(travel, "单位") == [(ranked("差旅费")[0],)]
    low = c.ask("最低呢")
    assert rows(low, "单位") == [(ranked("差旅费", lowest=True)[0],)]
    top3 = c.ask("前三名呢")
    assert [u for (u,) in rows(top3, "单位")] == ranked("差旅费", lowest=True)[:3]


def test_follow_up_from_a_sum_to_another_item_and_year(engine):
    c = Conversation(engine)
    c.ask("全区三公经费合计")
    a = c.ask("会议费呢")
    assert a.question_type == "部门合计"
    assert rows(a, "值") == [(sum((figure(u, 2024, "会议费") for u in units_2024()), Decimal(0)),)]
    b = c.ask("2023年呢")
    assert rows(b, "年度", "值") == [(2023, sum((figure(u, 2023, "会议费") for u in units_2024()), Decimal(0)))]
