"""Table layouts that differ from the template: columns printed in another order or only some of them, a
三公 table of 上年/本年 决算数, a 行次 column, a 收入支出决算总表 of 上年/本年 决算数 (invented tables)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.load import load_file
from assistant.store import connect

HEAD = "某县测试局2024年度部门决算\n{title}\n单位：万元\n"


def load(tmp_path, lexicon, title: str, body: str) -> tuple[dict[tuple[str, str], Decimal], list[str]]:
    """The stored figures by (科目, 属性), and the 未识别 reasons."""
    path = tmp_path / "某县测试局2024年度部门决算.txt"
    path.write_text(HEAD.format(title=title) + body, encoding="utf-8")
    con = connect(tmp_path / "t.duckdb")
    load_file(con, path, lexicon)
    rows = con.execute("SELECT 科目, 属性, 数值 FROM 事实 WHERE 来源类型 = 'table'").fetchall()
    facts: dict[tuple[str, str], Decimal] = {}
    for name, attr, value in rows:
        assert (name, attr) not in facts, (name, attr)
        facts[(name, attr)] = Decimal(value)
    unplaced = [r[0] for r in con.execute("SELECT 原因 FROM 未识别").fetchall()]
    return facts, unplaced


def test_coded_columns_follow_the_header(tmp_path, lexicon):
    body = ("科目编码 科目名称 合计 项目支出 基本支出\n合计 100.00 30.00 70.00\n"
            "2010101 行政运行 70.00 0.00 70.00\n2010102 一般行政管理事务 30.00 30.00 0.00\n")
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "基本支出")] == 70 and facts[("行政运行", "项目支出")] == 0
    assert facts[("一般行政管理事务", "项目支出")] == 30 and facts[("一般行政管理事务", "基本支出")] == 0
    assert facts[("一般公共预算财政拨款支出", "基本支出")] == 70


def test_coded_total_column_last(tmp_path, lexicon):
    body = ("科目编码 科目名称 基本支出 项目支出 合计\n合计 70.00 30.00 100.00\n"
            "2010101 行政运行 70.00 0.00 70.00\n2010102 一般行政管理事务 0.00 30.00 30.00\n")
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("一般公共预算财政拨款支出", "金额")] == 100
    assert facts[("行政运行", "金额")] == 70 and facts[("行政运行", "基本支出")] == 70


def test_income_columns_in_another_order_and_subset(tmp_path, lexicon):
    body = ("科目编码 科目名称 本年收入合计 其他收入 财政拨款收入 事业收入\n合计 100.00 10.00 90.00 0.00\n"
            "2010101 行政运行 100.00 10.00 90.00 0.00\n")
    facts, unplaced = load(tmp_path, lexicon, "收入决算表", body)
    assert facts[("行政运行", "财政拨款收入")] == 90 and facts[("行政运行", "其他收入")] == 10
    assert facts[("本年收入合计", "财政拨款收入")] == 90
    assert not unplaced


def test_wrapped_header_keeps_the_template(tmp_path, lexicon):
    # 合 / 计 wrapped: the header is not understood, the template order (合计 基本支出 项目支出) is assumed
    body = "科目编码 科目名称 合 基本支出 项目支出\n计\n合计 12.00 2.00 10.00\n2010101 行政运行 12.00 2.00 10.00\n"
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "基本支出")] == 2 and facts[("行政运行", "项目支出")] == 10


def test_three_column_capital_table(tmp_path, lexicon):
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计 12.00 0.00 12.00\n"
            "2230199 其他解决历史遗留问题及改革成本支出 12.00 0.00 12.00\n")
    facts, _ = load(tmp_path, lexicon, "国有资本经营预算财政拨款支出决算表", body)
    row = "其他解决历史遗留问题及改革成本支出"
    assert facts[(row, "金额")] == 12 and facts[(row, "基本支出")] == 0 and facts[(row, "项目支出")] == 12
    assert (row, "年末结转和结余") not in facts


def test_three_column_fund_table_with_wrapped_header(tmp_path, lexicon):
    body = ("科目编码 科目名称 合 基本支出 项目支出\n计\n合计 12.00 0.00 12.00\n"
            "2290402 其他地方自行试点项目收益专项债券收入安排的支出 12.00 0.00 12.00\n")
    facts, _ = load(tmp_path, lexicon, "政府性基金预算财政拨款支出决算表", body)
    assert facts[("政府性基金预算财政拨款支出", "金额")] == 12
    assert facts[("政府性基金预算财政拨款支出", "项目支出")] == 12
    assert ("政府性基金预算财政拨款支出", "年末结转和结余") not in facts


SANGONG = ("合计 因公出国（境）费 公务用车购置及运行费\n小计 公务接待费\n公务用车购置费\n公务用车运行费\n{heads}\n"
           "11.00 10.50 3.00 2.50 5.00 5.00 2.00 1.80 3.00 3.20 3.00 3.00\n")


def _check_sangong(facts: dict[tuple[str, str], Decimal]) -> None:
    assert not any(attr == "预算数" for _, attr in facts)
    assert facts[("三公经费", "决算数")] == Decimal("10.5") and facts[("三公经费", "上年金额")] == 11
    assert facts[("公务用车运行维护费", "决算数")] == Decimal("3.2")


def test_sangong_last_and_this_year(tmp_path, lexicon):
    heads = " ".join(["上年决算数 本年决算数"] * 6)
    facts, _ = load(tmp_path, lexicon, "财政拨款“三公”经费支出决算表", SANGONG.format(heads=heads))
    _check_sangong(facts)


def test_sangong_years_named(tmp_path, lexicon):
    heads = " ".join(["2023年决算数 2024年决算数"] * 6)
    facts, _ = load(tmp_path, lexicon, "财政拨款“三公”经费支出决算表", SANGONG.format(heads=heads))
    _check_sangong(facts)


def test_row_numbers_are_not_amounts(tmp_path, lexicon):
    body = ("项目 行次 金额 项目 行次 金额\n"
            "一、一般公共预算财政拨款收入 1 100.00 一、一般公共服务支出 32 100.00\n"
            "二、政府性基金预算财政拨款收入 2 二、外交支出 33\n"
            "本年收入合计 10 100.00 本年支出合计 60 100.00\n")
    facts, _ = load(tmp_path, lexicon, "收入支出决算总表", body)
    assert facts.get(("政府性基金预算财政拨款收入", "金额"), 0) == 0
    assert facts.get(("外交支出", "金额"), 0) == 0
    assert facts[("一般公共预算财政拨款收入", "金额")] == 100 and facts[("本年支出合计", "金额")] == 100


def test_summary_of_two_years(tmp_path, lexicon):
    body = ("项目 上年决算数 本年决算数 项目 上年决算数 本年决算数\n"
            "一、一般公共预算财政拨款收入 90.00 100.00 一、一般公共服务支出 90.00 100.00\n"
            "二、政府性基金预算财政拨款收入 5.00 二、外交支出 5.00\n"
            "本年收入合计 95.00 100.00 本年支出合计 95.00 100.00\n")
    facts, _ = load(tmp_path, lexicon, "收入支出决算总表", body)
    assert facts.get(("政府性基金预算财政拨款收入", "金额"), 0) == 0  # the single 5.00 is last year's
    assert facts.get(("外交支出", "金额"), 0) == 0
    assert facts[("一般公共预算财政拨款收入", "金额")] == 100 and facts[("本年收入合计", "金额")] == 100
    assert facts.get(("本年收入合计", "上年金额"), 95) == 95


TEXT = "第二部分 2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n2024年度收入总计100万元。\n"


def test_budget_columns_are_not_read_as_the_template_s(tmp_path, lexicon):
    """年初预算数 调整预算数 决算数: no column of the template — the rows are left unplaced, never read as
    金额/基本支出/项目支出 (table trial 12)."""
    body = "科目编码 科目名称 年初预算数 调整预算数 决算数\n201 一般公共服务支出 90.00 95.00 100.00\n" + TEXT
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not [k for k in facts if k[0].startswith("一般公共服务支出") or "预算数" in k[0]], facts
    assert any("表头的栏目不是本表模板的" in u for u in unplaced)


def test_a_header_in_another_order_that_cannot_be_read_in_full_refuses_the_table(tmp_path, lexicon):
    body = ("科目编码 科目名称 本年支出\n基本支出 项目支出 合计\n201 一般公共服务支出 70.00 30.00 100.00\n"
            "合计 70.00 30.00 100.00\n" + TEXT)
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not [k for k in facts if k[0] == "一般公共服务支出"], facts
    assert any("栏目顺序与模板不同" in u for u in unplaced)


def test_a_repeated_title_on_the_next_page_is_not_part_of_a_name(tmp_path, lexicon):
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计 135.00 100.00 35.00\n201 一般公共服务支出 135.00 100.00 35.00\n"
            "20101 人大事务 135.00 100.00 35.00\n2010101 行政运行 100.00 100.00 0.00\n"
            "2010102 一般行政管理事务 30.00 0.00 30.00\n\f一般公共预算财政拨款支出决算表（续）\n单位：万元\n"
            "科目编码 科目名称 合计 基本支出 项目支出\n2010103 机关服务 5.00 0.00 5.00\n")
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("机关服务", "项目支出")] == 5, facts


CODED = "科目编码 科目名称 合计 基本支出 项目支出\n"


def test_a_row_that_does_not_add_up_is_not_pushed_into_the_last_columns(tmp_path, lexicon):
    """``行政运行 50.00 20.00`` under 合计 基本支出 项目支出: no placement makes 合计 = 基本 + 项目 — the row is left
    unplaced, never read as 合计 0 / 基本 50 / 项目 20."""
    body = CODED + "合计 80.00 50.00 30.00\n2010101 行政运行 50.00 20.00\n2010102 一般行政管理事务 10.00 0.00 10.00\n"
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not [k for k in facts if k[0] == "行政运行"], facts
    assert facts[("一般行政管理事务", "项目支出")] == 10
    assert any("无法可靠对应到列" in u for u in unplaced), unplaced


def test_rows_with_blank_cells_under_a_total_that_disagrees_are_not_placed(tmp_path, lexicon):
    """合计 90 but the rows give 60 + 40: which of 基本/项目 each row's second figure is cannot be told — the rows
    with blank cells are left unplaced rather than fitted to the columns that still add up."""
    body = CODED + "合计 90.00 60.00 30.00\n2010101 行政运行 60.00 60.00\n2010102 一般行政管理事务 40.00 40.00\n"
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not [k for k in facts if k[0] in ("行政运行", "一般行政管理事务") and k[1] != "金额"], facts
    assert facts[("一般公共预算财政拨款支出", "金额")] == 90
    assert len(unplaced) >= 2, unplaced


def test_a_number_glued_to_the_name_is_read(tmp_path, lexicon):
    body = (CODED + "合计 1,100.00 1,070.00 30.00\n2010101 行政运行1,070.00 1,070.00 0.00\n"
            "2010102 一般行政管理事务30.00 30.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "金额")] == 1070 and facts[("行政运行", "基本支出")] == 1070, facts
    assert facts[("一般行政管理事务", "金额")] == 30 and facts[("一般行政管理事务", "项目支出")] == 30, facts
    assert not [k for k in facts if any(ch.isdigit() for ch in k[0])], facts
    assert not unplaced, unplaced
    # 行政运行2 is no name + amount: only a decimal amount glued to a name is split off
    (tmp_path / "b").mkdir()
    body = CODED + "合计 70.00 70.00 0.00\n2010101 行政运行2 70.00 70.00 0.00\n"
    facts, _ = load(tmp_path / "b", lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not [k for k in facts if k[0].startswith("行政运行") and facts[k] == 2], facts


def test_the_wrapped_end_of_a_name_after_its_numbers_stays_with_its_row(tmp_path, lexicon):
    body = (CODED + "合计 15.00 15.00 0.00\n208 社会保障和就业支出 15.00 15.00 0.00\n"
            "20805 行政事业单位养老支出 15.00 15.00 0.00\n2080505 机关事业单位基本养老保险缴 12.00 12.00\n费支出\n"
            "2080506 机关事业单位职业年金缴费支出 3.00 3.00\n")
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not [k for k in facts if k[0].startswith("费支出")], facts
    assert facts[("机关事业单位职业年金缴费支出", "基本支出")] == 3, facts
    assert facts[("机关事业单位基本养老保险缴费支出", "基本支出")] == 12, facts
    # names printed above their codes (a code line without a name): the words between two rows begin the next
    (tmp_path / "b").mkdir()
    body = (CODED + "合计 15.00 15.00 0.00\n社会保障和就业支出\n208 15.00 15.00 0.00\n行政事业单位养老支出\n"
            "20805 15.00 15.00 0.00\n机关事业单位基本养老保险\n2080505 缴费支出 12.00 12.00\n"
            "机关事业单位职业年金缴费支出\n2080506 3.00 3.00\n")
    facts, _ = load(tmp_path / "b", lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("机关事业单位职业年金缴费支出", "基本支出")] == 3, facts
    assert facts[("机关事业单位基本养老保险缴费支出", "基本支出")] == 12, facts


GP_TITLE = "一般公共预算财政拨款支出决算表"


@pytest.mark.parametrize("cut", ["合\n计", "合\n计 说明"])
def test_a_cut_total_word_at_the_end_of_the_header_refuses_the_table(tmp_path, lexicon, cut):
    """``基本支出 项目支出 合`` / ``计``: 合计 printed last but cut — never read in the template's order (W1). With
    ``计 说明`` the header cannot be read as one text, but its first line puts the cut 合计 after 基本支出 and 项目支出."""
    body = (f"科目编码 科目名称 基本支出 项目支出 {cut}\n合计 70.00 30.00 100.00\n"
            "2010101 行政运行 70.00 0.00 70.00\n2010102 一般行政管理事务 0.00 30.00 30.00\n" + TEXT)
    facts, unplaced = load(tmp_path, lexicon, GP_TITLE, body)
    assert not [k for k in facts if k[0] in ("行政运行", "一般行政管理事务", "一般公共预算财政拨款支出")], facts
    assert any("栏目顺序与模板不同" in u for u in unplaced), unplaced


def test_a_header_wrapped_one_cell_per_line_in_another_order_refuses_the_table(tmp_path, lexicon):
    body = ("项目 本年收入合\n计\n其他收\n入\n财政拨款收\n入\n科目编码 科目名称\n"
            "合计 60.00 10.00 50.00\n2010101 行政运行 60.00 10.00 50.00\n" + TEXT)
    facts, unplaced = load(tmp_path, lexicon, "收入决算表", body)
    assert not [k for k in facts if k[0] in ("行政运行", "本年收入合计")], facts
    assert any("栏目顺序与模板不同" in u for u in unplaced), unplaced


def test_row_numbers_of_a_coded_table_are_not_amounts(tmp_path, lexicon):
    """A 行次 column in a coded table: ``行政运行 2 80.00 80.00`` is 金额 80 / 基本支出 80, never 金额 2 (W4)."""
    body = ("科目编码 科目名称 行次 合计 基本支出 项目支出\n合计 1 110.00 80.00 30.00\n"
            "2010101 行政运行 2 80.00 80.00\n2010102 一般行政管理事务 3 30.00 30.00\n")
    facts, _ = load(tmp_path, lexicon, GP_TITLE, body)
    assert facts[("一般公共预算财政拨款支出", "金额")] == 110, facts
    assert facts[("行政运行", "金额")] == 80 and facts[("行政运行", "基本支出")] == 80, facts
    assert facts[("一般行政管理事务", "项目支出")] == 30, facts
    assert not [v for v in facts.values() if v in (1, 2, 3)], facts


def test_names_printed_below_their_codes(tmp_path, lexicon):
    """``2010101 80.00 80.00`` / ``行政运行``: the name follows its code line — never the next code's (W7)."""
    body = (CODED + "合计 110.00 80.00 30.00\n2010101 80.00 80.00\n行政运行\n2010102 30.00 30.00\n一般行政管理事务\n")
    facts, _ = load(tmp_path, lexicon, GP_TITLE, body)
    assert facts.get(("行政运行", "金额")) == 80, facts
    assert facts.get(("一般行政管理事务", "金额")) == 30, facts
    assert not [k for k in facts if k[0] == "行政运行" and facts[k] == 30], facts


def test_a_code_cut_otherwise_than_3_2_2_is_refused(tmp_path, lexicon):
    """``201 0101 行政运行``: the 0101 is part of the code, never an amount of 101 (W8)."""
    body = CODED + "合计 80.00 80.00 0.00\n201 0101 行政运行 80.00 80.00\n20101 02 一般行政管理事务 0.00\n"
    facts, unplaced = load(tmp_path, lexicon, GP_TITLE, body)
    assert not [k for k in facts if facts[k] in (101, 2)], facts
    assert not [k for k in facts if "行政运行" in k[0] or "一般行政管理事务" in k[0]], facts
    assert any("科目编码的分段不合规范" in u for u in unplaced), unplaced


def test_a_section_heading_of_the_basic_table_is_no_item(tmp_path, lexicon):
    """``公用经费`` printed over its rows (no number) is a heading; the figure is 公用经费合计 below (W6)."""
    body = ("科目编码 科目名称 决算数\n301 工资福利支出 30.00\n人员经费合计 30.00\n公用经费\n"
            "302 商品和服务支出 8.00\n公用经费合计 8.00\n")
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款基本支出决算表", body)
    assert facts[("公用经费", "金额")] == 8, facts
    assert facts[("人员经费", "金额")] == 30, facts


FS_ROWS = ("一、一般公共预算财政拨款 90.00 一、一般公共服务支出 90.00 0.00 90.00 0.00\n"
           "二、政府性基金预算财政拨款 15.00 十一、城乡社区支出 15.00 15.00 0.00 0.00\n"
           "本年收入合计 105.00 本年支出合计 105.00 15.00 90.00 0.00\n")


def test_fund_columns_in_another_order_are_read_as_printed(tmp_path, lexicon):
    """合计 政府性基金 一般公共预算 国有资本经营: each fund's figure goes to its printed column (W3)."""
    head = "项目 决算数 项目 合计 政府性基金预算财政拨款 一般公共预算财政拨款 国有资本经营预算财政拨款\n"
    facts, _ = load(tmp_path, lexicon, "财政拨款收入支出决算总表", head + FS_ROWS)
    assert facts[("一般公共服务支出", "一般公共预算财政拨款")] == 90, facts
    assert facts[("一般公共服务支出", "政府性基金预算财政拨款")] == 0, facts
    assert facts[("城乡社区支出", "政府性基金预算财政拨款")] == 15, facts
    assert facts[("财政拨款支出", "一般公共预算财政拨款")] == 90, facts  # the table's 本年支出合计: this year's
    # the funds in another order with 合计 last, the rows printed as if 合计 came first: every 支出 row breaks
    # 合计 = the sum of its funds and is left unplaced; the 收入 side is read
    (tmp_path / "b").mkdir()
    head = "项目 决算数 项目 政府性基金预算财政拨款 一般公共预算财政拨款 国有资本经营预算财政拨款 合计\n"
    facts, unplaced = load(tmp_path / "b", lexicon, "财政拨款收入支出决算总表", head + FS_ROWS)
    assert not [k for k in facts if k[0] in ("一般公共服务支出", "城乡社区支出", "财政拨款支出")], facts
    assert facts[("一般公共预算财政拨款收入", "金额")] == 90, facts
    assert any("表内合计不符" in u for u in unplaced), unplaced


SG_TITLE = "财政拨款“三公”经费支出决算表"
SG_PAIRS = " ".join(["预算数 决算数"] * 6) + "\n"


def test_sangong_items_in_another_order_are_read_as_printed(tmp_path, lexicon):
    """公务接待费 printed before 因公出国（境）费, the car's 小计 after its parts: read in printed order (W2)."""
    body = ("合计 公务接待费 因公出国（境）费 公务用车购置及运行费\n公务用车购置费 公务用车运行费 小计\n" + SG_PAIRS
            + "12.00 9.00 4.00 3.50 2.00 1.00 0.00 0.00 6.00 4.50 6.00 4.50\n")
    facts, _ = load(tmp_path, lexicon, SG_TITLE, body)
    assert facts[("公务接待费", "决算数")] == Decimal("3.5") and facts[("因公出国（境）费", "决算数")] == 1, facts
    assert facts[("公务用车购置及运行维护费", "决算数")] == Decimal("4.5"), facts
    assert facts[("公务用车购置费", "决算数")] == 0 and facts[("公务用车运行维护费", "预算数")] == 6, facts


def test_sangong_items_in_another_order_not_read_in_full_are_refused(tmp_path, lexicon):
    body = ("合计 公务接待费 因公出国（境）费\n公务用车购置及运行费\n小计\n公务用车购置费\n公务用车运行费\n" + SG_PAIRS
            + "12.00 9.00 4.00 3.50 2.00 1.00 6.00 4.50 0.00 0.00 6.00 4.50\n" + TEXT)
    facts, unplaced = load(tmp_path, lexicon, SG_TITLE, body)
    assert not facts, facts
    assert any("三公经费表" in u for u in unplaced), unplaced


def test_a_wrapped_name_and_number_under_two_items_of_one_line_are_refused(tmp_path, lexicon):
    """``301 08 …养老保险缴 302 05 水费`` / ``费 20.00``: whose words and number these are cannot be told (W5)."""
    body = ("科目编码 科目名称 决算数 科目编码 科目名称 决算数\n301 工资福利支出 20.00 302 商品和服务支出 0.00\n"
            "301 08 机关事业单位基本养老保险缴 302 05 水费\n费 20.00\n人员经费合计 20.00 公用经费合计 0.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款基本支出决算表", body)
    assert not [k for k in facts if k[0].startswith(("水费", "机关事业单位基本养老保险"))], facts
    assert any("无法确定" in u for u in unplaced), unplaced


def test_a_summary_printed_in_one_column_has_two_totals(tmp_path, lexicon):
    """收入 items, 总计, then 支出 items, 总计: the second 总计 is the 支出 one (W9)."""
    body = ("项目 决算数\n一、一般公共预算财政拨款收入 90.00\n本年收入合计 90.00\n年初结转和结余 5.00\n总计 95.00\n"
            "一、一般公共服务支出 80.00\n本年支出合计 80.00\n年末结转和结余 15.00\n总计 95.00\n")
    facts, _ = load(tmp_path, lexicon, "收入支出决算总表", body)
    assert facts[("收入总计", "金额")] == 95 and facts[("支出总计", "金额")] == 95, facts
    assert facts[("年末结转和结余", "金额")] == 15, facts


def test_a_repeated_title_in_a_summary_is_no_part_of_a_name(tmp_path, lexicon):
    """``收入支出决算总表（续）`` / ``单位：万元`` / header inside the body: never glued to the label above (W10)."""
    body = ("项目 决算数 项目 决算数\n一、一般公共预算财政拨款收入 90.00 一、一般公共服务支出 90.00\n"
            "年初结转和结余 5.00 年末结转和结余 5.00\n收入支出决算总表（续）\n单位：万元\n项目 决算数 项目 决算数\n"
            "总计 95.00 总计 95.00\n")
    facts, _ = load(tmp_path, lexicon, "收入支出决算总表", body)
    assert facts[("年末结转和结余", "金额")] == 5, facts
    assert not [k for k in facts if "续" in k[0] or "单位" in k[0]], facts


@pytest.mark.parametrize(("row", "after_title"), [
    ("机关事业单位基本养老保险缴", "费支出\n"),  # a name wrapped across the repeated title keeps its end
    ("机关事业单位基本养老保险缴费支出", "科目编码 科目名称 合 基本支出 项目支出\n计\n"),  # a cut header is no name
])
def test_a_repeated_title_inside_a_coded_table(tmp_path, lexicon, row, after_title):
    body = (CODED + "合计 30.00 30.00 0.00\n208 社会保障和就业支出 30.00 30.00\n208 05 行政事业单位养老支出 30.00 30.00\n"
            f"208 05 05 {row} 20.00 20.00\n一般公共预算财政拨款支出决算表（续）\n单位：万元\n{after_title}"
            "208 05 06 机关事业单位职业年金缴费支出 10.00 10.00\n")
    facts, _ = load(tmp_path, lexicon, GP_TITLE, body)
    assert facts[("机关事业单位基本养老保险缴费支出", "基本支出")] == 20, facts
    assert facts[("机关事业单位职业年金缴费支出", "基本支出")] == 10, facts


def test_names_below_some_codes_and_above_others_are_not_guessed(tmp_path, lexicon):
    """A code line without a name and none above it, then names between rows but none after the last row:
    whether each name belongs to the code above or below cannot be told — those rows are left unplaced (W7)."""
    body = (CODED + "合计 110.00 80.00 30.00\n2010101 80.00 80.00\n一般行政管理事务\n2010102 30.00 30.00\n")
    facts, unplaced = load(tmp_path, lexicon, GP_TITLE, body)
    assert not [k for k in facts if k[0] in ("行政运行", "一般行政管理事务")], facts
    assert any("上方还是下方" in u for u in unplaced), unplaced


SG_HEAD = "合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n小计 公务用车购置费 公务用车运行费\n"
SG_ROW = "8.00 6.00 0.00 0.00 5.00 4.00 0.00 0.00 5.00 4.00 3.00 2.00\n"


@pytest.mark.parametrize("pair", ["上年数 本年数", "上年 本年", "上年决算 本年决算", "2023年 2024年", "上年决算数 决算数"])
def test_sangong_year_pairs_are_last_and_this_year(tmp_path, lexicon, pair):
    """A 三公 sub-header of a year pair is 上年金额 then 决算数, never 预算数/决算数 (W1)."""
    facts, _ = load(tmp_path, lexicon, SG_TITLE, SG_HEAD + " ".join([pair] * 6) + "\n" + SG_ROW)
    assert not any(attr == "预算数" for _, attr in facts), facts
    assert facts[("三公经费", "上年金额")] == 8 and facts[("三公经费", "决算数")] == 6, facts
    assert facts[("公务接待费", "上年金额")] == 3 and facts[("公务接待费", "决算数")] == 2, facts


@pytest.mark.parametrize("pair", ["本年数 上年数", "本年决算 上年决算", "决算数 上年数"])
def test_sangong_year_pairs_this_year_first(tmp_path, lexicon, pair):
    facts, _ = load(tmp_path, lexicon, SG_TITLE, SG_HEAD + " ".join([pair] * 6) + "\n" + SG_ROW)
    assert not any(attr == "预算数" for _, attr in facts), facts
    assert facts[("三公经费", "决算数")] == 8 and facts[("三公经费", "上年金额")] == 6, facts


def test_sangong_budget_pair_stays_budget(tmp_path, lexicon):
    facts, _ = load(tmp_path, lexicon, SG_TITLE, SG_HEAD + " ".join(["本年预算 本年决算"] * 6) + "\n" + SG_ROW)
    assert facts[("三公经费", "预算数")] == 8 and facts[("三公经费", "决算数")] == 6, facts


@pytest.mark.parametrize(("head", "attr"), [("上年数", "上年金额"), ("本年数", "决算数")])
def test_sangong_one_column_per_item_of_one_year(tmp_path, lexicon, head, attr):
    """``上年数`` × 6 is last year's figure only; ``本年数`` × 6 this year's: no 预算数 is invented (W5)."""
    body = SG_HEAD + " ".join([head] * 6) + "\n6.00 0.00 4.00 0.00 4.00 2.00\n"
    facts, _ = load(tmp_path, lexicon, SG_TITLE, body)
    assert {a for _, a in facts} == {attr}, facts
    assert facts[("三公经费", attr)] == 6 and facts[("公务接待费", attr)] == 2, facts


_SG = ("三公经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费")


def test_sangong_unread_year_words_are_not_taken_for_budget_pairs(tmp_path, lexicon):
    body = SG_HEAD + " ".join(["上年数 本年数 增减"] * 4) + "\n" + SG_ROW
    facts, unplaced = load(tmp_path, lexicon, PREFIX + SG_TITLE, body)
    assert len(facts) == 6 and not any(name in _SG for name, _ in facts), facts
    assert any("三公经费表" in u for u in unplaced), unplaced


EC_TITLE = "一般公共预算财政拨款基本支出决算表"
# a table that alone makes no report (refused as incomplete) is loaded after this one (6 facts of its own)
PREFIX = ("一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n合计 10.00 10.00 0.00\n"
          "2010101 行政运行 10.00 10.00 0.00\n")


@pytest.mark.parametrize("pair", ["上年数 本年数", "上年决算数 本年决算数", "年初预算 决算数", "预算数 决算数"])
def test_basic_table_amount_is_this_year_s_column(tmp_path, lexicon, pair):
    """Two value columns: 金额 is the 本年/决算数 column, whichever is printed first (W2)."""
    body = (f"科目编码 科目名称 {pair}\n301 工资福利支出 45.00 50.00\n30101 基本工资 45.00 50.00\n"
            "302 商品和服务支出 10.00 12.00\n")
    facts, unplaced = load(tmp_path, lexicon, EC_TITLE, body)
    assert facts == {("工资福利支出", "金额"): 50, ("基本工资", "金额"): 50, ("商品和服务支出", "金额"): 12}, facts
    assert len(unplaced) == 3, unplaced  # the other column of each row is reported, not stored


def test_basic_table_this_year_first_stays(tmp_path, lexicon):
    body = "科目编码 科目名称 本年决算数 上年决算数\n301 工资福利支出 50.00 45.00\n30101 基本工资 50.00 45.00\n"
    facts, _ = load(tmp_path, lexicon, EC_TITLE, body)
    assert facts == {("工资福利支出", "金额"): 50, ("基本工资", "金额"): 50}, facts


def test_basic_table_two_halves_of_two_years(tmp_path, lexicon):
    body = ("科目编码 科目名称 上年决算数 本年决算数 科目编码 科目名称 上年决算数 本年决算数\n"
            "301 工资福利支出 45.00 50.00 302 商品和服务支出 10.00 12.00\n"
            "30101 基本工资 45.00 50.00 30201 办公费 10.00 12.00\n"
            "人员经费合计 45.00 50.00 公用经费合计 10.00 12.00\n")
    facts, _ = load(tmp_path, lexicon, EC_TITLE, body)
    assert facts == {("工资福利支出", "金额"): 50, ("商品和服务支出", "金额"): 12, ("基本工资", "金额"): 50,
                     ("办公费", "金额"): 12, ("人员经费", "金额"): 50, ("公用经费", "金额"): 12}, facts


def test_basic_table_last_year_note_line_is_not_this_year(tmp_path, lexicon):
    """``上年数：人员经费 45.00 公用经费 10.00`` under the table is last year's: never 金额 (W3)."""
    body = ("科目编码 科目名称 决算数 科目编码 科目名称 决算数\n301 工资福利支出 50.00 302 商品和服务支出 12.00\n"
            "人员经费合计 50.00 公用经费合计 12.00\n上年数：人员经费 45.00 公用经费 10.00\n")
    facts, unplaced = load(tmp_path, lexicon, EC_TITLE, body)
    assert facts[("人员经费", "金额")] == 50 and facts[("公用经费", "金额")] == 12, facts
    assert any("上年" in u for u in unplaced), unplaced


def test_expenditure_table_with_sub_columns_is_refused(tmp_path, lexicon):
    """``基本支出 其中：人员经费 公用经费``: columns the template has not; none is guessed (W4)."""
    body = ("科目编码 科目名称 本年支出合计 基本支出 其中：人员经费 公用经费 项目支出\n合计 160.00 100.00 80.00 20.00 60.00\n"
            "2010101 行政运行 100.00 100.00 80.00 20.00 0.00\n2010102 一般行政管理事务 60.00 0.00 0.00 0.00 60.00\n")
    facts, unplaced = load(tmp_path, lexicon, PREFIX + "支出决算表", body)
    assert len(facts) == 6 and ("一般行政管理事务", "项目支出") not in facts, facts
    assert sum("表头的栏目不是本表模板的" in u for u in unplaced) == 3, unplaced


def test_a_total_row_with_a_broken_number_is_unplaced(tmp_path, lexicon):
    """``合计 1,15 0.00 880.00 270.00`` (one amount broken in two): the row is reported, none of it stored (M1)."""
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计 1,15 0.00 880.00 270.00\n"
            "201 一般公共服务支出 1,150.00 880.00 270.00\n2010101 行政运行 880.00 880.00\n"
            "2010102 一般行政管理事务 270.00 270.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not any(name == "一般公共预算财政拨款支出" for name, _ in facts), facts
    assert facts[("一般公共服务支出", "金额")] == 1150 and facts[("行政运行", "基本支出")] == 880, facts
    assert any("数字的写法无法读出" in u for u in unplaced), unplaced


@pytest.mark.parametrize(("unit", "printed", "stored"), [("千元", "880.0", 88), ("亿元", "0.88", 8800)])
def test_thousand_and_hundred_million_yuan_tables_are_converted(tmp_path, lexicon, unit, printed, stored):
    """``单位：千元`` / ``单位：亿元``: the figures are converted to 万元 like those of a 元 table (tester W4)."""
    title = (f"一般公共预算财政拨款支出决算表\n单位：{unit}\n科目编码 科目名称 合计 基本支出 项目支出\n"
             f"合计 {printed} {printed} 0\n2010101 行政运行 {printed} {printed} 0\n支出决算表")
    body = "科目编码 科目名称 合计 基本支出 项目支出\n合计 10.00 10.00 0.00\n2010101 行政运行 10.00 10.00 0.00\n"
    path = tmp_path / "某县测试局2024年度部门决算.txt"
    path.write_text(HEAD.format(title=title) + body, encoding="utf-8")
    con = connect(tmp_path / "t.duckdb")
    load_file(con, path, lexicon)
    rows = con.execute("SELECT 表名, 科目, 属性, 数值 FROM 事实 WHERE 来源类型 = 'table'").fetchall()
    facts = {(t, n, a): Decimal(v) for t, n, a, v in rows}
    table = "一般公共预算财政拨款支出决算表"
    assert facts[(table, "行政运行", "金额")] == stored and facts[(table, "行政运行", "基本支出")] == stored, facts
    assert facts[(table, "一般公共预算财政拨款支出", "金额")] == stored, facts
    assert facts[("支出决算表", "行政运行", "金额")] == 10, facts


def test_names_then_numbers_table_is_read_row_by_row(tmp_path, lexicon):
    """All the names, then one line of numbers per row, each as wide as the header (a table extracted column by
    column): read row by row; no column the table lacks (上缴上级支出 …) is filled (tester W3)."""
    body = ("科目编码 科目名称 本年支出合计 基本支出 项目支出\n合计\n2010102 一般行政管理事务\n2120801 征地和拆迁补偿支出\n"
            "140.00 90.00 50.00\n90.00 90.00 0.00\n50.00 0.00 50.00\n")
    facts, unplaced = load(tmp_path, lexicon, PREFIX + "支出决算表", body)
    assert facts[("本年支出合计", "金额")] == 140 and facts[("本年支出合计", "项目支出")] == 50, facts
    assert facts[("一般行政管理事务", "基本支出")] == 90 and facts[("一般行政管理事务", "项目支出")] == 0, facts
    assert facts[("征地和拆迁补偿支出", "项目支出")] == 50, facts
    assert not any(attr in ("上缴上级支出", "经营支出", "对附属单位补助支出") for _, attr in facts), facts
    assert not unplaced, unplaced


def test_names_then_numbers_that_do_not_match_are_unplaced_not_zero(tmp_path, lexicon):
    """Names first, then fewer lines of numbers than rows: which row a line belongs to cannot be told — no row
    is stored, none as 0 (tester W3)."""
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计\n2010102 一般行政管理事务\n2120801 征地和拆迁补偿支出\n"
            "140.00 90.00 50.00\n90.00 90.00 0.00\n")
    facts, unplaced = load(tmp_path, lexicon, PREFIX + "支出决算表", body)
    assert len(facts) == 6, facts  # the prefix table's only
    assert ("一般行政管理事务", "金额") not in facts and ("征地和拆迁补偿支出", "金额") not in facts, facts
    assert sum("数字印在别处" in u for u in unplaced) == 2, unplaced


def test_summary_names_then_numbers_is_unplaced(tmp_path, lexicon):
    """收入支出决算总表 whose 收入 names come first and their numbers after: 总计 never takes the first number."""
    body = ("收入 支出\n项目 决算数 项目 决算数\n一、一般公共预算财政拨款收入\n二、政府性基金预算财政拨款收入\n本年收入合计\n"
            "总计\n120.00\n30.00\n150.00\n150.00\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "收入支出决算总表", body)
    assert ("收入总计", "金额") not in facts and ("一般公共预算财政拨款收入", "金额") not in facts, facts


def test_summary_sides_printed_one_after_the_other(tmp_path, lexicon):
    """A 收入 block, then a 支出 block, each under its own ``项目 决算数``: the second 总计 is 支出总计 (tester W1)."""
    body = ("收入\n项目 决算数\n一、一般公共预算财政拨款收入 130.00\n本年收入合计 130.00\n总计 130.00\n"
            "支出\n项目 决算数\n一、一般公共服务支出 125.00\n本年支出合计 125.00\n总计 125.00\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "收入支出决算总表", body)
    assert facts[("收入总计", "金额")] == 130 and facts[("支出总计", "金额")] == 125, facts
    assert facts[("一般公共服务支出", "金额")] == 125 and facts[("本年支出合计", "金额")] == 125, facts
    assert not any("项目" in name or "决算数" in name for name, _ in facts), facts


def test_summary_totals_on_separate_lines(tmp_path, lexicon):
    """Side by side, but ``总计 130.00`` / ``总计 125.00`` on lines of their own: the second is 支出总计 (tester W2)."""
    body = ("收入 支出\n项目 决算数 项目 决算数\n一、一般公共预算财政拨款收入 130.00 一、一般公共服务支出 125.00\n"
            "本年收入合计 130.00 本年支出合计 125.00\n总计 130.00\n总计 125.00\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "收入支出决算总表", body)
    assert facts[("收入总计", "金额")] == 130 and facts[("支出总计", "金额")] == 125, facts


def test_fiscal_summary_expenditure_block_with_two_funds(tmp_path, lexicon):
    """财政拨款 总表, sides one after the other, the 支出 block's own header naming two funds: those two columns
    only — no 国有资本经营预算财政拨款 cell is made up."""
    body = ("收入\n项目 决算数\n一、一般公共预算财政拨款 120.00\n二、政府性基金预算财政拨款 30.00\n本年收入合计 150.00\n"
            "总计 150.00\n支出\n项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款\n一、一般公共服务支出 100.00 100.00 0.00\n"
            "二、城乡社区支出 50.00 20.00 30.00\n本年支出合计 150.00 120.00 30.00\n总计 150.00 120.00 30.00\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "财政拨款收入支出决算总表", body)
    assert facts[("一般公共服务支出", "政府性基金预算财政拨款")] == 0, facts
    assert facts[("城乡社区支出", "一般公共预算财政拨款")] == 20, facts
    assert facts[("财政拨款支出总计", "金额")] == 150 and facts[("财政拨款收入总计", "金额")] == 150, facts
    assert not any(attr == "国有资本经营预算财政拨款" for _, attr in facts), facts


def test_income_header_wrapped_one_cell_per_line_names_its_columns(tmp_path, lexicon):
    """``本年收入合`` / ``计`` / ``财政拨款收`` / ``入`` …: the columns the header names, no other (tester r03)."""
    body = ("项目 本年收入合\n计\n财政拨款收\n入\n事业收\n入\n其他收\n入\n合计 163.00 150.00 8.00 5.00\n"
            "2010102 一般行政管理事务 113.00 100.00 8.00 5.00\n2120801 征地和拆迁补偿支出 50.00 50.00\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "收入决算表", body)
    assert facts[("一般行政管理事务", "财政拨款收入")] == 100 and facts[("一般行政管理事务", "其他收入")] == 5, facts
    assert facts[("征地和拆迁补偿支出", "财政拨款收入")] == 50, facts
    assert not any(attr in ("附属单位上缴收入", "上级补助收入", "经营收入") for _, attr in facts), facts


def test_coded_rows_without_numbers_are_unplaced_not_zero(tmp_path, lexicon):
    """``201`` / ``20101 人大事务`` / ``2010199`` printed with no number at all, rows under them with figures: not
    known to be zero — left unplaced, never stored as 0 (tester a32, n12)."""
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计 115.00 88.00 27.00\n201\n20101 人大事务\n"
            "2010102 一般行政管理事务 115.00 88.00 27.00\n2010199\n")
    facts, unplaced = load(tmp_path, lexicon, PREFIX + "支出决算表", body)
    assert facts[("一般行政管理事务", "金额")] == 115 and facts[("一般行政管理事务", "项目支出")] == 27, facts
    assert facts[("本年支出合计", "基本支出")] == 88, facts
    assert not any(name in ("", "人大事务") for name, _ in facts), facts
    assert sum("没有印出任何数字" in u for u in unplaced) == 3, unplaced


@pytest.mark.parametrize("neg", ["(12.00)", "（12.00）"])
def test_bracket_negative_is_a_minus_amount(tmp_path, lexicon, neg):
    """``(12.00)`` / ``（12.00）`` is −12.00, never part of the name with the row stored as 0 (tester n01, m03)."""
    body = (f"科目编码 科目名称 本年支出合计 基本支出 项目支出\n合计 81.00 93.00 {neg}\n"
            f"2010102 一般行政管理事务 93.00 93.00 0.00\n2010199 其他一般公共服务支出 {neg} 0.00 {neg}\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "支出决算表", body)
    assert facts[("本年支出合计", "金额")] == 81 and facts[("本年支出合计", "项目支出")] == -12, facts
    assert facts[("其他一般公共服务支出", "金额")] == -12 and facts[("其他一般公共服务支出", "基本支出")] == 0, facts
    assert not any("12" in name for name, _ in facts), facts
    assert not any(attr in ("上缴上级支出", "经营支出", "对附属单位补助支出") for _, attr in facts), facts


def test_basic_table_amount_glued_to_next_code(tmp_path, lexicon):
    """``30101 基本工资 30.0030102 津贴补贴 20.00``: split at the table's two decimals (tester m02, f01)."""
    body = ("科目编码 科目名称 决算数\n301 工资福利支出 50.00\n30101 基本工资 30.0030102 津贴补贴 20.00\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "一般公共预算财政拨款基本支出决算表", body)
    assert facts[("基本工资", "金额")] == 30 and facts[("津贴补贴", "金额")] == 20, facts
    assert facts[("工资福利支出", "金额")] == 50, facts


def test_summary_rows_glued_on_one_line(tmp_path, lexicon):
    """``一、一般公共服务支出 100.00二、社会保障和就业支出 15.00``: two rows, split at the end of the decimals; a
    glued integer (``100二、``) cannot be cut with certainty and the rows are unplaced (tester m07, e01)."""
    body = ("收入 支出\n项目 决算数 项目 决算数\n"
            "一、一般公共预算财政拨款收入 115.00 一、一般公共服务支出 100.00二、社会保障和就业支出 15.00\n"
            "本年收入合计 115.00 本年支出合计 115.00\n")
    facts, _ = load(tmp_path, lexicon, PREFIX + "收入支出决算总表", body)
    assert facts[("一般公共服务支出", "金额")] == 100 and facts[("社会保障和就业支出", "金额")] == 15, facts
    assert not any(any(ch.isdigit() for ch in name) for name, _ in facts), facts
    sub = tmp_path / "glued"
    sub.mkdir()
    facts, unplaced = load(sub, lexicon, PREFIX + "收入支出决算总表", body.replace("100.00二、", "100二、"))
    assert not any(any(ch.isdigit() for ch in name) for name, _ in facts), facts
    assert ("社会保障和就业支出", "金额") not in facts and ("一般公共服务支出", "金额") not in facts, facts
    assert any("两行粘连" in u for u in unplaced), unplaced


def test_coded_row_with_words_after_its_amounts_is_unplaced(tmp_path, lexicon):
    """``2010101 行政运行 88.00 88.00 0.00一般行政管理事务`` / ``2010102 27.00 0.00 27.00``: the next row's name
    run into this one — neither ``0.00一般…`` as a name nor 行政运行一般行政管理事务 is stored (tester a02)."""
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计 115.00 88.00 27.00\n"
            "2010101 行政运行 88.00 88.00 0.00一般行政管理事务\n2010102 27.00 0.00 27.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert not any("一般行政管理事务" in name for name, _ in facts), facts
    assert facts[("一般公共预算财政拨款支出", "金额")] == 115, facts
    assert any("金额之后还有文字" in u for u in unplaced), unplaced


def test_unreadable_line_above_the_rows_is_not_header(tmp_path, lexicon):
    """``合计 81.00 93.00 -12.00 注`` is no row that can be read, and no header words either: it is reported, the
    header's three columns are still read, and no 上缴上级支出/经营支出 cell is made up as 0 (tester n02, c05)."""
    body = ("科目编码 科目名称 本年支出合计 基本支出 项目支出\n合计 81.00 93.00 -12.00 注\n"
            "2010102 一般行政管理事务 93.00 93.00 0.00\n2010199 其他一般公共服务支出 -12.00 0.00 -12.00\n")
    facts, unplaced = load(tmp_path, lexicon, PREFIX + "支出决算表", body)
    assert facts[("一般行政管理事务", "基本支出")] == 93 and facts[("其他一般公共服务支出", "项目支出")] == -12, facts
    assert not any(attr in ("上缴上级支出", "经营支出", "对附属单位补助支出") for _, attr in facts), facts
    assert any("既不是科目编码行也不是合计行" in u for u in unplaced), unplaced


_GENERAL = "科目编码 科目名称 合计 基本支出 项目支出\n"
_GENERAL_ROWS = "合计 115.00 88.00 27.00\n2010101 行政运行 88.00 88.00 0.00\n"


def test_title_of_a_table_without_template_ends_the_table(tmp_path, lexicon):
    # ``机关运行经费支出情况表`` is no wrapped end of ``2010101 行政运行``: it starts another table, whose rows are reported
    body = (_GENERAL + "合计 10.00 10.00 0.00\n2010101 行政运行 10.00 10.00 0.00\n机关运行经费支出情况表\n单位：万元\n"
            "项目 决算数\n合计 184.65\n办公费 21.21\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "金额")] == 10
    assert not any("情况表" in name for name, _ in facts)
    assert sum("不是模板中的表（机关运行经费支出情况表）" in u for u in unplaced) == 2


def test_row_repeated_at_a_page_break_is_stored_once(tmp_path, lexicon):
    row = "2010102 一般行政管理事务 27.00 0.00 27.00\n"
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", _GENERAL + _GENERAL_ROWS + row + row)
    assert facts[("一般行政管理事务", "项目支出")] == 27  # ``load`` asserts each (科目, 属性) is stored once


def test_total_printed_above_and_below_is_stored_once(tmp_path, lexicon):
    total = "合计 130.00 98.00 32.00\n"
    body = ("科目编码 科目名称 本年支出合计 基本支出 项目支出\n" + total + "2010101 行政运行 98.00 98.00 0.00\n"
            "2010102 一般行政管理事务 32.00 0.00 32.00\n" + total)
    facts, _ = load(tmp_path, lexicon, "支出决算表", body)
    assert facts[("本年支出合计", "金额")] == 130 and facts[("本年支出合计", "基本支出")] == 98


def test_continuation_page_with_title_and_header_repeated(tmp_path, lexicon):
    body = (_GENERAL + _GENERAL_ROWS + "\f\n一般公共预算财政拨款支出决算表\n（续）\n单位：万元\n" + _GENERAL
            + "2010102 一般行政管理事务 27.00 0.00 27.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("一般行政管理事务", "金额")] == 27 and facts[("行政运行", "金额")] == 88
    assert not any("同一张表出现两次" in u for u in unplaced)


def test_table_printed_twice_is_still_refused(tmp_path, lexicon):
    rows = _GENERAL_ROWS + "2010102 一般行政管理事务 27.00 0.00 27.00\n"
    body = _GENERAL + rows + "一般公共预算财政拨款支出决算表\n单位：万元\n" + _GENERAL + rows
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "金额")] == 88
    assert sum("同一张表出现两次" in u for u in unplaced) == 3


def test_year_and_maker_lines_under_the_title_are_no_columns(tmp_path, lexicon):
    body = ("2024年度\n编制单位：某县测试局\n" + _GENERAL + _GENERAL_ROWS + "2010102 一般行政管理事务 27.00 0.00 27.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("一般行政管理事务", "项目支出")] == 27 and facts[("一般公共预算财政拨款支出", "基本支出")] == 88
    assert not unplaced


_SANGONG_ITEMS = "合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费"
_SANGONG_CAR = "小计 公务用车购置费 公务用车运行维护费"


def test_sangong_with_budget_group_then_final_group(tmp_path, lexicon):
    # 新会 style: ``预算数 决算数`` over two groups of the six items, not over each item's pair
    body = (f"预算数 决算数\n{_SANGONG_ITEMS} {_SANGONG_ITEMS}\n{_SANGONG_CAR} {_SANGONG_CAR}\n"
            "45.00 0.00 40.00 20.00 20.00 5.00 41.45 0.00 38.60 20.00 18.60 2.85\n")
    facts, unplaced = load(tmp_path, lexicon, "财政拨款“三公”经费支出决算表", body)
    assert facts[("三公经费", "预算数")] == 45 and facts[("三公经费", "决算数")] == Decimal("41.45")
    assert facts[("公务接待费", "预算数")] == 5 and facts[("公务用车运行维护费", "决算数")] == Decimal("18.6")
    assert not unplaced


def test_sangong_with_one_row_per_kind(tmp_path, lexicon):
    body = ("项目 合计 因公出国（境）费 公务用车购置及运行维护费小计 公务用车购置费 公务用车运行维护费 公务接待费\n"
            "预算数 45.00 0.00 40.00 20.00 20.00 5.00\n决算数 41.45 0.00 38.60 20.00 18.60 2.85\n")
    facts, unplaced = load(tmp_path, lexicon, "财政拨款“三公”经费支出决算表", body)
    assert facts[("公务用车购置及运行维护费", "决算数")] == Decimal("38.6") and facts[("公务接待费", "预算数")] == 5
    assert not unplaced


def test_fund_table_income_settled_by_the_fund_summary(tmp_path, lexicon):
    # 350 / 350 under 年初 本年收入 本年支出 年末: the 财政拨款收入支出决算总表 says 本年收入 350, 本年支出 350
    body = ("项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款\n"
            "一、一般公共预算财政拨款 100.00 一、一般公共服务支出 100.00 100.00\n"
            "二、政府性基金预算财政拨款 350.00 二、其他支出 350.00 350.00\n"
            "本年收入合计 450.00 本年支出合计 450.00 100.00 350.00\n总计 450.00 总计 450.00 100.00 350.00\n"
            "政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
            "科目编码 科目名称 年初结转和结余 本年收入 本年支出 年末结转和结余\n"
            "合计 350.00 350.00\n2290401 其他政府性基金安排的支出 350.00 350.00\n")
    facts, _ = load(tmp_path, lexicon, "财政拨款收入支出决算总表", body)
    row = "其他政府性基金安排的支出"
    assert facts[("政府性基金预算财政拨款支出", "本年收入")] == 350 and facts[(row, "金额")] == 350
    assert facts[(row, "年初结转和结余")] == 0 and facts[(row, "年末结转和结余")] == 0


def test_section_totals_printed_first_are_stored(tmp_path, lexicon):
    body = ("科目编码 科目名称 决算数 科目编码 科目名称 决算数\n人员经费合计 53.00 公用经费合计 12.00\n"
            "301 工资福利支出 50.00 302 商品和服务支出 12.00\n303 对个人和家庭的补助 3.00 30201 办公费 12.00\n")
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款基本支出决算表", body)
    assert facts[("人员经费", "金额")] == 53 and facts[("公用经费", "金额")] == 12


def test_economic_table_from_word_cells(tmp_path, lexicon):
    # a Word table as read: one cell per line after a tab, rows apart by a blank line
    rows = [["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
            ["301", "工资福利支出", "50.00", "302", "商品和服务支出", "12.00"],
            ["30101", "基本工资", "50.00", "30201", "办公费", "12.00"],
            ["", "人员经费合计", "50.00", "", "公用经费合计", "12.00"]]
    body = "".join("".join(f"\t{c}\n" for c in r) + "\n" for r in rows)
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款基本支出决算表", body)
    assert facts[("基本工资", "金额")] == 50 and facts[("办公费", "金额")] == 12 and facts[("公用经费", "金额")] == 12
    assert not unplaced


def test_title_ending_like_a_template_still_ends_the_table(tmp_path, lexicon):
    # ``…三公经费、会议费、培训费支出决算表`` ends in 支出决算表 but names no template; ``公开08表`` is no title
    body = ("公开08表\n" + _GENERAL + "合计 10.00 10.00 0.00\n2010101 行政运行 10.00 10.00 0.00\n"
            "财政拨款“三公”经费、会议费、培训费支出决算表\n单位：万元\n项目 预算数 决算数\n合计 15.00 12.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "金额")] == 10 and facts[("一般公共预算财政拨款支出", "金额")] == 10
    assert not any("决算表" in name for name, _ in facts)
    assert any("不是模板中的表" in u for u in unplaced)


# the small anchor table the page-break cases below follow (each case is a whole report)
_ANCHOR = "科目编码 科目名称 合计 基本支出 项目支出\n合计 10.00 10.00 0.00\n2010101 行政运行 10.00 10.00 0.00\n"
_GENERAL_TITLE = "一般公共预算财政拨款支出决算表"


def test_economic_group_header_repeated_on_the_next_page_is_no_row(tmp_path, lexicon):
    # ``人员经费 公用经费`` printed again after \f is the header, not 人员经费=0 / 公用经费=0 beside the real 53 / 12
    # (``load`` fails on a second 人员经费 fact)
    head = "人员经费 公用经费\n科目编码 科目名称 决算数 科目编码 科目名称 决算数\n"
    body = (_ANCHOR + "一般公共预算财政拨款基本支出决算表\n单位：万元\n" + head
            + "人员经费合计 53.00 公用经费合计 12.00\n301 工资福利支出 50.00 302 商品和服务支出 12.00\n"
            + "30101 基本工资 30.00 30201 办公费 6.00\n\f\n一般公共预算财政拨款基本支出决算表（续）\n单位：万元\n" + head
            + "30102 津贴补贴 20.00 30211 差旅费 6.00\n303 对个人和家庭的补助 3.00\n30302 退休费 3.00\n")
    facts, unplaced = load(tmp_path, lexicon, _GENERAL_TITLE, body)
    assert facts[("人员经费", "金额")] == 53 and facts[("公用经费", "金额")] == 12
    assert facts[("津贴补贴", "金额")] == 20
    assert not unplaced  # the （续） title is no row either


def test_two_sided_row_repeated_at_a_page_break_is_one_row(tmp_path, lexicon):
    # ``二、事业收入 5.00 二、社会保障和就业支出 15.00`` ends page 1 and begins page 2: stored once, and the
    # 本年收入合计 120 = 115 + 5 adds up (``load`` fails on a second 事业收入 fact)
    head = "收入支出决算总表\n单位：万元\n收入 支出\n项目 决算数 项目 决算数\n"
    repeated = "二、事业收入 5.00 二、社会保障和就业支出 15.00\n"
    body = (_ANCHOR + head + "一、一般公共预算财政拨款收入 115.00 一、一般公共服务支出 105.00\n" + repeated
            + "\f\n" + head + repeated + "本年收入合计 120.00 本年支出合计 120.00\n")
    facts, _ = load(tmp_path, lexicon, _GENERAL_TITLE, body)
    assert facts[("事业收入", "金额")] == 5 and facts[("社会保障和就业支出", "金额")] == 15
    assert facts[("本年收入合计", "金额")] == 120


def test_a_bare_continued_line_does_not_end_the_name_above(tmp_path, lexicon):
    # ``2010102 一般行政管理事务 27.00 0.00 27.00`` / \f / ``续表``: the item is 一般行政管理事务, not …事务续表
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计 115.00 88.00 27.00\n2010101 行政运行 88.00 88.00 0.00\n"
            "2010102 一般行政管理事务 27.00 0.00 27.00\n\f\n续表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
            "2080505 机关事业单位基本养老保险缴费支出 0.00 0.00 0.00\n")
    facts, _ = load(tmp_path, lexicon, _GENERAL_TITLE, body)
    assert facts[("一般行政管理事务", "项目支出")] == 27
    assert not any("续" in name for name, _ in facts)


def test_a_cut_header_repeated_on_the_next_page_is_not_a_wrapped_name(tmp_path, lexicon):
    # the Shanghai header, cut into ``上缴上级支`` / ``出`` / ``经营支`` …, printed again on the 续 page: header lines,
    # never the wrapped end of ``行政运行`` above the page break
    head = ("项目 本年支出合\n计\n基本支出 项目支\n出\n上缴上级支\n出\n经营支\n出\n对附属单位\n补\n助支出\n"
            "支出功能分类 科目名称 科目编码\n类 款 项")
    body = (head + " 合计 125.00 93.00 32.00\n201 01 01 行政运行 93.00 93.00\n"
            "\f\n支出决算表（续）\n单位：万元\n" + head + "\n201 01 02 一般行政管理事务 32.00 32.00\n")
    facts, _ = load(tmp_path, lexicon, "支出决算表", body)
    assert facts[("行政运行", "金额")] == 93 and facts[("一般行政管理事务", "金额")] == 32
    assert not any("上缴上级" in name for name, _ in facts)


def test_a_heading_spanning_the_fund_columns_is_not_a_second_header_row(tmp_path, lexicon):
    # ``项目 本年支出`` over ``科目编码 科目名称 合计 基本支出 项目支出``: three columns, read as printed — never the
    # template's six, which put 30 under 年末结转和结余 and 0 under 金额
    body = (_ANCHOR + "政府性基金预算财政拨款收入支出决算表\n单位：万元\n项目 本年支出\n"
            "科目编码 科目名称 合计 基本支出 项目支出\n合计 30.00 5.00 25.00\n2120801 征地和拆迁补偿支出 30.00 5.00 25.00\n")
    facts, unplaced = load(tmp_path, lexicon, _GENERAL_TITLE, body)
    row = "征地和拆迁补偿支出"
    assert facts[(row, "金额")] == 30 and facts[(row, "基本支出")] == 5 and facts[(row, "项目支出")] == 25
    assert (row, "年末结转和结余") not in facts and not unplaced


def test_one_sided_economic_total_row_is_the_table_s_total(tmp_path, lexicon):
    # ``合计 88.00`` under ``301 … 70.00`` / ``302 … 18.00``: all of 基本支出, stored (not refused as an unplaced
    # word and number); printed first or last alike
    rows = "301 工资福利支出 70.00\n302 商品和服务支出 18.00\n"
    for body in (rows + "合计 88.00\n", "合计 88.00\n" + rows):
        facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款基本支出决算表", "科目编码 科目名称 决算数\n" + body)
        assert facts[("一般公共预算财政拨款基本支出", "金额")] == 88 and facts[("工资福利支出", "金额")] == 70
        assert not unplaced


@pytest.mark.parametrize("page_number", ["— 7 —", "－7－", "- 7 -", "– 7 –", "第7页 共20页"])
def test_a_page_number_between_dashes_of_any_kind_is_no_part_of_a_row(tmp_path, lexicon, page_number):
    """``— 7 —`` (em dashes) after the last row of a page was glued to it: the row was refused, its parents'
    sums then failed and the table's checks with them."""
    body = (_GENERAL + "合计 115.00 88.00 27.00\n2010101 行政运行 88.00 88.00 0.00\n" + page_number
            + "\n\f\n2010102 一般行政管理事务 27.00 0.00 27.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "基本支出")] == 88 and facts[("一般行政管理事务", "项目支出")] == 27, facts
    assert not unplaced, unplaced


_SG_ITEMS = "合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费\n小计 公务用车购置费 公务用车运行维护费\n"


def _check_sangong_pairs(facts: dict[tuple[str, str], Decimal]) -> None:
    assert facts[("三公经费", "预算数")] == 50 and facts[("三公经费", "决算数")] == Decimal("38.62"), facts
    assert facts[("公务用车购置费", "预算数")] == 25 and facts[("公务用车运行维护费", "决算数")] == Decimal("13.70")
    assert facts[("公务接待费", "决算数")] == Decimal("6.42") and facts[("公务用车购置及运行维护费", "预算数")] == 40


def test_sangong_printed_as_a_budget_block_then_a_final_block(tmp_path, lexicon):
    # ``预算数`` / the six items' header / one row, then ``决算数`` / the same header / one row: each block's header
    # names every item, so each number's column is known
    body = ("预算数\n" + _SG_ITEMS + "50.00 0.00 40.00 25.00 15.00 10.00\n决算数\n" + _SG_ITEMS
            + "38.62 0.00 32.20 18.50 13.70 6.42\n")
    facts, unplaced = load(tmp_path, lexicon, SG_TITLE, body)
    _check_sangong_pairs(facts)
    assert not unplaced, unplaced


def test_sangong_blocks_whose_header_leaves_a_column_open_are_refused(tmp_path, lexicon):
    # the car's sub-columns not named: which of the six numbers is 购置费 is unknown — nothing stored
    head = "合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费\n"
    body = ("预算数\n" + head + "50.00 0.00 40.00 25.00 15.00 10.00\n决算数\n" + head
            + "38.62 0.00 32.20 18.50 13.70 6.42\n")
    facts, unplaced = load(tmp_path, lexicon, _GENERAL_TITLE, _ANCHOR + SG_TITLE + "\n单位：万元\n" + body)
    assert not [k for k in facts if k[1] in ("预算数", "决算数")], facts
    assert any("三公经费表的栏目与模板不同" in u for u in unplaced), unplaced


_SG_ROWS = ("项目 预算数 决算数\n合计 50.00 38.62\n1.因公出国（境）费 0.00 0.00\n2.公务用车购置及运行维护费 40.00 32.20\n"
            "其中：公务用车购置费 25.00 18.50\n公务用车运行维护费 15.00 13.70\n3.公务接待费 10.00 6.42\n")


def test_sangong_items_printed_as_rows(tmp_path, lexicon):
    # ``项目 预算数 决算数`` over one row per item: stored as the items-as-columns table is
    facts, unplaced = load(tmp_path, lexicon, SG_TITLE, _SG_ROWS)
    _check_sangong_pairs(facts)
    assert not unplaced, unplaced


@pytest.mark.parametrize("change", [("3.公务接待费 10.00 6.42", "3.公务接待费 6.42"),
                                    ("3.公务接待费 10.00 6.42", "3.公务接待费 10.00 6.42\n会议费 3.00 2.00"),
                                    ("项目 预算数 决算数", "项目 上年预算数 决算数")])
def test_sangong_items_as_rows_not_settled_are_refused(tmp_path, lexicon, change):
    # a blank cell, a row of no 三公 item, a column word not understood: no row is stored
    body = _ANCHOR + SG_TITLE + "\n单位：万元\n" + _SG_ROWS.replace(*change)
    facts, unplaced = load(tmp_path, lexicon, _GENERAL_TITLE, body)
    assert not [k for k in facts if k[1] in ("预算数", "决算数")], facts
    assert any("三公经费表的栏目与模板不同" in u for u in unplaced), unplaced


def _docx_loaded(tmp_path, lexicon, blocks: list[str | list[list[str]]]):
    """A .docx of paragraphs (str) and Word tables (rows of cells), loaded: its database connection."""
    import docx

    document = docx.Document()
    for block in ["某县测试局2024年度部门决算", *blocks]:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
        for i, row in enumerate(block):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    path = tmp_path / "某县测试局2024年度部门决算.docx"
    document.save(str(path))
    con = connect(tmp_path / "t.duckdb")
    load_file(con, path, lexicon)
    return con


def _load_docx(tmp_path, lexicon, blocks: list[str | list[list[str]]]) -> tuple[dict[tuple[str, str], Decimal], list[str]]:
    """A .docx of paragraphs (str) and Word tables (rows of cells), loaded: the figures and the 未识别 reasons."""
    con = _docx_loaded(tmp_path, lexicon, blocks)
    rows = con.execute("SELECT 科目, 属性, 数值 FROM 事实 WHERE 来源类型 = 'table'").fetchall()
    return {(n, a): Decimal(v) for n, a, v in rows}, [r[0] for r in con.execute("SELECT 原因 FROM 未识别").fetchall()]


def test_docx_sangong_items_as_rows(tmp_path, lexicon):
    rows = [ln.split(" ") for ln in _SG_ROWS.strip().split("\n")]
    facts, unplaced = _load_docx(tmp_path, lexicon, [SG_TITLE, "单位：万元", rows])
    _check_sangong_pairs(facts)
    assert not unplaced, unplaced


def test_docx_caption_of_the_next_table_is_no_part_of_a_row(tmp_path, lexicon):
    # ``表二`` printed as a paragraph after the 总表 (the next table's caption): the last row stays ``总计``
    total = [["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"],
             ["一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "100.00"],
             ["本年收入合计", "100.00", "本年支出合计", "100.00"], ["总计", "100.00", "总计", "100.00"]]
    coded = [["科目编码", "科目名称", "合计", "财政拨款收入"], ["", "合计", "100.00", "100.00"],
             ["2010101", "行政运行", "100.00", "100.00"]]
    facts, unplaced = _load_docx(tmp_path, lexicon, ["表一", "收入支出决算总表", "单位：万元", total, "表二", "收入决算表",
                                                     "单位：万元", coded, "表三"])
    assert facts[("支出总计", "金额")] == 100 and facts[("行政运行", "金额")] == 100, facts
    assert not [k for k in facts if "表" in k[0]], facts
    assert not unplaced, unplaced


def test_fiscal_total_table_with_an_opening_balance_not_split_by_fund(tmp_path, lexicon):
    # ``年初财政拨款结转和结余 20.00`` without the funds' rows: a fund's income (100) and spending (110) need not
    # balance — no false 收支平衡 discrepancy, and the rows with a blank fund cell are read by the table's sums
    body = ("项目 决算数 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款\n"
            "一、一般公共预算财政拨款 100.00 一、一般公共服务支出 110.00 110.00\n"
            "本年收入合计 100.00 本年支出合计 110.00 110.00\n"
            "年初财政拨款结转和结余 20.00 年末财政拨款结转和结余 10.00 10.00\n总计 120.00 总计 120.00 120.00\n"
            "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n合计 110.00 110.00 0.00\n"
            "2010101 行政运行 110.00 110.00 0.00\n")
    facts, unplaced = load(tmp_path, lexicon, "财政拨款收入支出决算总表", body)
    con = connect(tmp_path / "t.duckdb")
    assert not con.execute("SELECT 说明 FROM discrepancies").fetchall()
    assert facts[("财政拨款支出", "一般公共预算财政拨款")] == 110 and facts[("财政拨款支出", "政府性基金预算财政拨款")] == 0
    assert facts[("年末财政拨款结转和结余", "一般公共预算财政拨款")] == 10, facts
    assert not unplaced, unplaced


def test_a_title_with_its_unit_in_brackets_starts_its_table(tmp_path, lexicon):
    """Trial 24: "表1 收入支出决算总表（单位：万元）" — a Word caption with the unit on the title line — was no title:
    all nine tables of the report were refused. The unit on the title line scales the table as a line below would."""
    path = tmp_path / "某县测试局2024年度部门决算.txt"
    path.write_text("某县测试局2024年度部门决算\n表6 一般公共预算财政拨款支出决算表（单位：元）\n" + _GENERAL
                    + "合计 1150000.00 880000.00 270000.00\n2010101 行政运行 880000.00 880000.00 0.00\n"
                    "2010102 一般行政管理事务 270000.00 0.00 270000.00\n", encoding="utf-8")
    con = connect(tmp_path / "t.duckdb")
    load_file(con, path, lexicon)
    got = dict(con.execute("SELECT 科目 || '|' || 属性, 数值 FROM 事实 WHERE 来源类型 = 'table'").fetchall())
    assert got["行政运行|基本支出"] == 88 and got["一般行政管理事务|项目支出"] == 27, got


_SG_CHANGE = ("合计 560,000.00 497,900.00 612,000.00 (114,100.00)\n"
              "1.因公出国（境）费 120,000.00 86,400.00 152,000.00 (65,600.00)\n"
              "2.公务用车购置及运行费 400,000.00 383,000.00 415,000.00 (32,000.00)\n"
              "其中：（1）公务用车购置费 250,000.00 240,000.00 260,000.00 (20,000.00)\n"
              "（2）公务用车运行费 150,000.00 143,000.00 155,000.00 (12,000.00)\n"
              "3.公务接待费 40,000.00 28,500.00 45,000.00 (16,500.00)\n")


@pytest.mark.parametrize("head", ["项目 预算数 决算数 上年决算数 决算数比上年\n增减\n",
                                  "项目 预算数 决算数 上年决算数 决算数比上年增减\n",
                                  "项目 预算数 决算数 上年决算 比上年\n数 增减\n"])
def test_sangong_rows_with_last_year_and_change_columns_in_yuan(tmp_path, lexicon, head):
    """Trial 25 (E): a 三公 table in 元 with 上年决算数 and 比上年增减 columns (the last header word wrapped onto a
    line of its own), negatives in brackets, ``公务用车购置及运行费``/``公务用车运行费`` rows: each item's four
    figures stored (上年金额, 增减额), scaled to 万元."""
    body = _ANCHOR + SG_TITLE + "\n单位：元\n" + head + _SG_CHANGE
    facts, unplaced = load(tmp_path, lexicon, _GENERAL_TITLE, body)
    assert facts[("三公经费", "预算数")] == 56 and facts[("三公经费", "决算数")] == Decimal("49.79"), facts
    assert facts[("三公经费", "上年金额")] == Decimal("61.2") and facts[("三公经费", "增减额")] == Decimal("-11.41")
    assert facts[("公务用车运行维护费", "预算数")] == 15 and facts[("公务接待费", "上年金额")] == Decimal("4.5")
    assert facts[("因公出国（境）费", "增减额")] == Decimal("-6.56"), facts
    assert not unplaced, unplaced
    con = connect(tmp_path / "t.duckdb")
    assert not con.execute("SELECT 说明 FROM discrepancies").fetchall()


def test_sangong_change_column_that_does_not_add_up_is_reported(tmp_path, lexicon):
    # 决算数 = 上年决算数 + 增减额 is an identity of the table: 497,900 ≠ 612,000 − 114,000
    body = (_ANCHOR + SG_TITLE + "\n单位：元\n项目 预算数 决算数 上年决算数 决算数比上年增减\n"
            + _SG_CHANGE.replace("(114,100.00)", "(114,000.00)"))
    load(tmp_path, lexicon, _GENERAL_TITLE, body)
    con = connect(tmp_path / "t.duckdb")
    assert any("上年决算数+增减额" in r[0] for r in con.execute("SELECT 说明 FROM discrepancies").fetchall())


@pytest.mark.parametrize("head", ["项目 预算数 决算数 上年决算数 增减\n", "项目 预算数 决算数 上年决算数 决算数比预算数增减\n",
                                  "项目 预算数 决算数 上年决算数 增减率\n"])
def test_sangong_rows_with_a_change_column_not_settled_are_refused(tmp_path, lexicon, head):
    # a bare 增减 (against the budget or last year?), a change against the budget, a rate: no row is stored
    body = _ANCHOR + SG_TITLE + "\n单位：元\n" + head + _SG_CHANGE
    facts, unplaced = load(tmp_path, lexicon, _GENERAL_TITLE, body)
    assert not [k for k in facts if k[0] in _SG], facts
    assert any("三公经费表的栏目与模板不同" in u for u in unplaced), unplaced


_SG_FOUR = [("10.00", "8.00", "9.00", "(1.00)"), ("2.00", "1.00", "2.00", "(1.00)"), ("6.00", "5.00", "5.00", "0.00"),
            ("4.00", "3.00", "3.00", "0.00"), ("2.00", "2.00", "2.00", "0.00"), ("2.00", "2.00", "2.00", "0.00")]


def _check_sangong_four(facts: dict[tuple[str, str], Decimal]) -> None:
    assert facts[("三公经费", "预算数")] == 10 and facts[("三公经费", "决算数")] == 8, facts
    assert facts[("三公经费", "上年金额")] == 9 and facts[("三公经费", "增减额")] == -1, facts
    assert facts[("因公出国（境）费", "增减额")] == -1 and facts[("公务用车购置费", "上年金额")] == 3, facts


def test_sangong_items_as_columns_with_last_year_and_change_columns(tmp_path, lexicon):
    # each item's 预算数 决算数 上年决算数 比上年增减 under the items' header: one row of 24 figures
    heads = " ".join(["预算数 决算数 上年决算数 比上年增减"] * 6)
    body = SG_HEAD + heads + "\n" + " ".join(v for f in _SG_FOUR for v in f) + "\n"
    facts, unplaced = load(tmp_path, lexicon, SG_TITLE, body)
    _check_sangong_four(facts)
    assert not unplaced, unplaced


def test_sangong_one_row_per_kind_with_last_year_and_change_rows(tmp_path, lexicon):
    body = ("项目 合计 因公出国（境）费 公务用车购置及运行维护费小计 公务用车购置费 公务用车运行维护费 公务接待费\n"
            + "".join(f"{kind} {' '.join(f[k] for f in _SG_FOUR)}\n"
                      for k, kind in enumerate(["预算数", "决算数", "上年决算数", "决算数比上年增减"])))
    facts, unplaced = load(tmp_path, lexicon, SG_TITLE, body)
    _check_sangong_four(facts)
    assert not unplaced, unplaced


def test_sangong_rows_named_without_weihu(tmp_path, lexicon):
    # ``2.公务用车购置及运行费`` / ``公务用车运行费``: the template's items under their shorter names
    body = _SG_ROWS.replace("公务用车购置及运行维护费", "公务用车购置及运行费").replace("公务用车运行维护费", "公务用车运行费")
    facts, unplaced = load(tmp_path, lexicon, SG_TITLE, body)
    _check_sangong_pairs(facts)
    assert not unplaced, unplaced


def test_fund_columns_before_the_total_are_read_as_printed(tmp_path, lexicon):
    """``项目 金额 项目 一般公共预算 政府性基金 国有资本经营 合计``: the funds in template order, 合计 last (t23 A)."""
    head = "项目 金额 项目 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款 合计\n"
    rows = ("一、一般公共预算财政拨款 90.00 一、一般公共服务支出 90.00 0.00 0.00 90.00\n"
            "二、政府性基金预算财政拨款 15.00 十一、城乡社区支出 0.00 15.00 0.00 15.00\n"
            "本年收入合计 105.00 本年支出合计 90.00 15.00 0.00 105.00\n")
    facts, unplaced = load(tmp_path, lexicon, "财政拨款收入支出决算总表", head + rows)
    assert facts[("一般公共服务支出", "一般公共预算财政拨款")] == 90, facts
    assert facts[("一般公共服务支出", "国有资本经营预算财政拨款")] == 0, facts
    assert facts[("城乡社区支出", "金额")] == 15 and facts[("城乡社区支出", "一般公共预算财政拨款")] == 0, facts
    assert facts[("财政拨款支出", "金额")] == 105 and facts[("财政拨款支出", "政府性基金预算财政拨款")] == 15, facts
    assert not unplaced, unplaced
    # two funds and 合计 last
    (tmp_path / "b").mkdir()
    head = "项目 金额 项目 一般公共预算财政拨款 政府性基金预算财政拨款 合计\n"
    rows = ("一、一般公共预算财政拨款 90.00 一、一般公共服务支出 90.00 0.00 90.00\n"
            "二、政府性基金预算财政拨款 15.00 十一、城乡社区支出 0.00 15.00 15.00\n"
            "本年收入合计 105.00 本年支出合计 90.00 15.00 105.00\n")
    facts, unplaced = load(tmp_path / "b", lexicon, "财政拨款收入支出决算总表", head + rows)
    assert facts[("城乡社区支出", "金额")] == 15 and facts[("城乡社区支出", "政府性基金预算财政拨款")] == 15, facts
    assert facts[("一般公共服务支出", "一般公共预算财政拨款")] == 90, facts


def test_fiscal_total_row_that_breaks_its_sum_is_not_stored(tmp_path, lexicon):
    """A 支出 row whose 合计 is not the sum of its funds (``0.00 320.69 0.00 320.69`` under 合计 first): unplaced."""
    head = "项目 金额 项目 合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款\n"
    rows = ("一、一般公共预算财政拨款 90.00 一、一般公共服务支出 90.00 90.00 0.00 0.00\n"
            "二、政府性基金预算财政拨款 15.00 十一、城乡社区支出 0.00 15.00 0.00 15.00\n"
            "本年收入合计 105.00 本年支出合计 105.00 90.00 15.00 0.00\n")
    facts, unplaced = load(tmp_path, lexicon, "财政拨款收入支出决算总表", head + rows)
    assert not [k for k in facts if k[0] == "城乡社区支出"], facts
    assert facts[("一般公共服务支出", "一般公共预算财政拨款")] == 90, facts
    assert any("表内合计不符" in u for u in unplaced), unplaced


def test_docx_code_parts_in_cells_of_their_own(tmp_path, lexicon):
    """Word cells 类 | 款 | 项 (``201`` | ``03`` | ``01``) and ``-`` for zero: one code 2010301, never in the name (t23 B)."""
    rows = [["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "", "", "合计", "30.00", "10.00", "20.00"],
            ["201", "", "", "一般公共服务支出", "30.00", "10.00", "20.00"],
            ["201", "03", "", "政府办公厅（室）及相关机构事务", "30.00", "10.00", "20.00"],
            ["201", "03", "01", "行政运行", "10.00", "10.00", "-"],
            ["201", "03", "02", "一般行政管理事务", "20.00", "-", "20.00"]]
    facts, _ = _load_docx(tmp_path, lexicon, ["一般公共预算财政拨款支出决算表", "单位：万元", rows])
    assert not [k for k in facts if k[0][0].isdigit()], facts
    assert facts[("行政运行", "金额")] == 10 and facts[("一般行政管理事务", "金额")] == 20, facts
    assert facts[("政府办公厅（室）及相关机构事务", "金额")] == 30, facts


CODED_HEAD = "科目编码 科目名称 合计 基本支出 项目支出\n合计 30.00 10.00 20.00\n201 一般公共服务支出 30.00 10.00 20.00\n"


@pytest.mark.parametrize("marker", ["·3·", "• 3 •", "3/12", "3 / 12"])
def test_page_markers_with_dots_or_a_slash_are_no_part_of_a_name(tmp_path, lexicon, marker):
    body = (CODED_HEAD + "201 03 政府办公厅（室）及相关机构事务 30.00 10.00 20.00\n201 03 01 行政运行 10.00 10.00 0.00\n"
            + marker + "\n201 03 02 一般行政管理事务 20.00 0.00 20.00\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("行政运行", "金额")] == 10 and facts[("一般行政管理事务", "金额")] == 20, facts
    assert not unplaced, unplaced


def test_last_row_name_wrapped_below_before_a_note(tmp_path, lexicon):
    body = ("科目编码 科目名称 合计 基本支出 项目支出\n合计 30.00 10.00 20.00\n229 其他支出 30.00 10.00 20.00\n"
            "229 60 彩票公益金安排的支出 30.00 10.00 20.00\n229 60 02 用于社会福利的彩 30.00 10.00 20.00\n票公益金支出\n"
            "本表金额单位为万元。\n")
    facts, unplaced = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("用于社会福利的彩票公益金支出", "金额")] == 30, facts
    assert not unplaced, unplaced


def test_name_head_printed_above_its_code_line(tmp_path, lexicon):
    """``政府办公厅（室`` above ``201 03 ）及相关机构事务 …``: the head begins the row below, not ends the row above."""
    body = (CODED_HEAD + "政府办公厅（室\n201 03 ）及相关机构事务 30.00 10.00 20.00\n201 03 01 行政运行 10.00 10.00 0.00\n"
            "一般行政\n201 03 02 管理事务 20.00 0.00 20.00\n")
    facts, _ = load(tmp_path, lexicon, "一般公共预算财政拨款支出决算表", body)
    assert facts[("一般公共服务支出", "金额")] == 30, facts
    assert facts[("政府办公厅（室）及相关机构事务", "金额")] == 30, facts
    assert facts[("一般行政管理事务", "金额")] == 20 and facts[("行政运行", "金额")] == 10, facts


def test_income_spending_total_with_unnumbered_labels(tmp_path, lexicon):
    """``一般公共预算财政拨款收入 100.00 一般公共服务支出 80.00``: no 一、二、 numbering — read, never dropped (t23 D)."""
    body = ("收入 支出\n项目 决算数 项目 决算数\n一般公共预算财政拨款收入 100.00 一般公共服务支出 80.00\n"
            "事业收入 20.00 教育支出 40.00\n本年收入合计 120.00 本年支出合计 120.00\n总计 120.00 总计 120.00\n")
    facts, unplaced = load(tmp_path, lexicon, "收入支出决算总表", body)
    assert facts[("一般公共预算财政拨款收入", "金额")] == 100 and facts[("事业收入", "金额")] == 20, facts
    assert facts[("一般公共服务支出", "金额")] == 80 and facts[("教育支出", "金额")] == 40, facts
    assert not unplaced, unplaced


@pytest.mark.parametrize(("title", "total"), [("收入决算表", "本年收入合计"),
                                              ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出")])
def test_coded_total_row_labelled_with_the_tables_total_name(tmp_path, lexicon, title, total):
    """``本年收入合计 30.00 …`` in place of ``合计 30.00 …``: the table's 合计 row, read (t23)."""
    columns = "本年收入合计 财政拨款收入 事业收入" if title == "收入决算表" else "合计 基本支出 项目支出"
    body = (f"科目编码 科目名称 {columns}\n{total} 30.00 10.00 20.00\n201 一般公共服务支出 30.00 10.00 20.00\n"
            "201 03 政府办公厅（室）及相关机构事务 30.00 10.00 20.00\n201 03 01 行政运行 30.00 10.00 20.00\n")
    facts, unplaced = load(tmp_path, lexicon, title, body)
    assert facts[(total, "金额")] == 30 and facts[("行政运行", "金额")] == 30, facts
    assert not unplaced, unplaced


def test_docx_total_row_labelled_with_the_tables_total_name(tmp_path, lexicon):
    """A Word table's header cells one per line and its 合计 row labelled ``本年支出合计``: only the printed
    columns (合计 基本支出 项目支出), no zero for a column the table does not have (t23 c181)."""
    rows = [["项目", "", "", "", "合计", "基本支出", "项目支出"], ["类", "款", "项", "科目名称", "", "", ""],
            ["", "", "", "本年支出合计", "30.00", "10.00", "20.00"],
            ["201", "", "", "一般公共服务支出", "30.00", "10.00", "20.00"],
            ["201", "03", "", "政府办公厅（室）及相关机构事务", "30.00", "10.00", "20.00"],
            ["201", "03", "01", "行政运行", "10.00", "10.00", "-"],
            ["201", "03", "02", "一般行政管理事务", "20.00", "-", "20.00"]]
    facts, unplaced = _load_docx(tmp_path, lexicon, ["支出决算表", "单位：万元", rows])
    assert facts[("本年支出合计", "金额")] == 30 and facts[("行政运行", "项目支出")] == 0, facts
    assert facts[("一般行政管理事务", "项目支出")] == 20, facts
    assert not [k for k in facts if k[1] not in ("金额", "基本支出", "项目支出")], facts
    assert not unplaced, unplaced


def _load_docx_checks(tmp_path, lexicon, blocks: list[str | list[list[str]]]) -> tuple[dict, list[str], list[str]]:
    """``_load_docx`` with the checks raised (discrepancies' 说明) too."""
    con = _docx_loaded(tmp_path, lexicon, blocks)
    rows = con.execute("SELECT 科目, 属性, 数值 FROM 事实 WHERE 来源类型 = 'table'").fetchall()
    facts = {(n, a): Decimal(v) for n, a, v in rows}
    unplaced = [r[0] for r in con.execute("SELECT 原因 FROM 未识别").fetchall()]
    return facts, unplaced, [r[0] for r in con.execute("SELECT 说明 FROM discrepancies").fetchall()]


_BASIC_BY_NAME = [["人员经费", "", "公用经费", ""], ["科目名称", "决算数", "科目名称", "决算数"],
                  ["基本工资", "50.00", "办公费", "10.00"], ["津贴补贴", "30.00", "水电费", "5.00"],
                  ["", "", "公务接待费", "2.00"], ["人员经费合计", "80.00", "公用经费合计", "17.00"]]


def test_docx_basic_table_without_codes_is_read_by_its_item_names(tmp_path, lexicon):
    """The 基本支出 table printed with names and amounts only (t26 H): every name an item of the 经济分类 and the
    items adding up to the 人员经费/公用经费 totals, each row is read."""
    facts, unplaced, checks = _load_docx_checks(
        tmp_path, lexicon, ["一般公共预算财政拨款基本支出决算表", "单位：万元", _BASIC_BY_NAME])
    assert facts[("基本工资", "金额")] == 50 and facts[("津贴补贴", "金额")] == 30, facts
    assert facts[("办公费", "金额")] == 10 and facts[("水电费", "金额")] == 5 and facts[("公务接待费", "金额")] == 2
    assert facts[("人员经费", "金额")] == 80 and facts[("公用经费", "金额")] == 17, facts
    assert not unplaced and not checks, (unplaced, checks)


@pytest.mark.parametrize("change", [("80.00", "81.00"), ("津贴补贴", "某某补贴"), ("人员经费合计", "")])
def test_docx_basic_table_without_codes_that_names_do_not_settle_is_unplaced(tmp_path, lexicon, change):
    # totals that disagree, a name that is no 经济分类 item, no 人员经费 total: no item is stored, the rows reported
    rows = [[change[1] if c == change[0] else c for c in r] for r in _BASIC_BY_NAME]
    facts, unplaced, _ = _load_docx_checks(tmp_path, lexicon, ["一般公共预算财政拨款基本支出决算表", "单位：万元", rows])
    assert not [k for k in facts if k[0] in ("基本工资", "办公费", "水电费")], facts
    assert any("既没有经济分类编码" in u for u in unplaced), unplaced


def test_docx_fiscal_summary_of_four_columns_has_one_amount_a_side(tmp_path, lexicon):
    """The 财政拨款收入支出决算总表 as a Word table of four columns (no fund columns, t26 H): the 支出 side's one
    amount is its 合计, read, and no 合计=各列之和 check is raised."""
    rows = [["收入", "", "支出", ""],
            ["一、一般公共预算财政拨款", "100.00", "一、一般公共服务支出", "80.00"],
            ["二、政府性基金预算财政拨款", "", "二、教育支出", "30.00"],
            ["本年收入合计", "100.00", "本年支出合计", "110.00"],
            ["年初财政拨款结转和结余", "20.00", "年末财政拨款结转和结余", "10.00"],
            ["总计", "120.00", "总计", "120.00"]]
    facts, unplaced, checks = _load_docx_checks(tmp_path, lexicon, ["财政拨款收入支出决算总表", "单位：万元", rows])
    assert facts[("一般公共服务支出", "金额")] == 80 and facts[("教育支出", "金额")] == 30, facts
    assert facts[("财政拨款支出", "金额")] == 110 and facts[("年末财政拨款结转和结余", "金额")] == 10, facts
    assert not [k for k in facts if k[1] in ("一般公共预算财政拨款", "政府性基金预算财政拨款")], facts
    assert not unplaced and not checks, (unplaced, checks)


_SG_AFTER = ["表8 政府性基金预算财政拨款收入支出决算表", "本部门2024年度无政府性基金预算财政拨款收入支出，本表为空。"]


def test_docx_table_ends_where_the_word_table_ends(tmp_path, lexicon):
    # the paragraphs after the 三公 Word table (the next table's caption, its note) are no rows of it
    rows = [ln.split(" ") for ln in _SG_ROWS.strip().split("\n")]
    facts, unplaced, _ = _load_docx_checks(tmp_path, lexicon, [SG_TITLE, "单位：万元", rows, *_SG_AFTER])
    _check_sangong_pairs(facts)
    assert not [u for u in unplaced if u.startswith("公开表")], unplaced


def test_docx_sangong_rows_with_the_parts_of_reception(tmp_path, lexicon):
    """``其中：外事接待费`` / ``国内接待费`` rows below 公务接待费 (t26 H): read as its parts."""
    rows = [ln.split(" ") for ln in _SG_ROWS.strip().split("\n")]
    rows += [["其中：外事接待费", "0.00", "0.00"], ["国内接待费", "10.00", "6.42"]]
    facts, unplaced, checks = _load_docx_checks(tmp_path, lexicon, [SG_TITLE, "单位：万元", rows, *_SG_AFTER])
    _check_sangong_pairs(facts)
    assert facts[("外事接待费", "决算数")] == 0 and facts[("国内公务接待费", "决算数")] == Decimal("6.42"), facts
    assert facts[("国内公务接待费", "预算数")] == 10, facts
    assert not [u for u in unplaced if u.startswith("公开表")] and not checks, (unplaced, checks)


def test_docx_sangong_rows_with_one_part_of_reception_are_refused(tmp_path, lexicon):
    # 国内接待费 alone (no 外事 row), its parts not settled: the table is left unplaced, as before
    rows = [ln.split(" ") for ln in _SG_ROWS.strip().split("\n")] + [["国内接待费", "10.00", "6.42"]]
    anchor = [["科目编码", "科目名称", "合计", "财政拨款收入"], ["", "合计", "100.00", "100.00"],
              ["2010101", "行政运行", "100.00", "100.00"]]  # a table read: the report is not refused as incomplete
    facts, unplaced, _ = _load_docx_checks(tmp_path, lexicon, ["收入决算表", "单位：万元", anchor, SG_TITLE, "单位：万元",
                                                               rows, *_SG_AFTER])
    assert not [k for k in facts if k[1] in ("预算数", "决算数")], facts
    assert any("三公经费表的栏目与模板不同" in u for u in unplaced), unplaced
