"""The 公开表 parser on small made-up tables: every printed form of a row, and refusal when ambiguous."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.displaced import repair
from assistant.lexicon import load_lexicon
from assistant.model import Fact, JuesuanError, Line, Source
from assistant.parse import parse
from assistant.read import read_bytes, text_lines
from assistant.tables import TABLE_REASON, find_tables, match_title, parse_tables


def _parse(text: str):
    lines = list(text_lines(text))
    blocks = find_tables(lines)
    return blocks, parse_tables(lines, blocks, "t.txt")


def _cells(parsed, table: str) -> dict[tuple[str, str], Decimal]:
    return {(f.科目编码 or f.科目, f.属性): f.数值 for f in parsed.facts if f.表名 == table}  # type: ignore[misc]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("收入支出决算总表", "收入支出决算总表"),
        ("部门收支决算总表", "收入支出决算总表"),
        ("2024年度单位收入决算表", "收入决算表"),
        ("表六 一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算表"),
        ("财政拨款 三公 经费支出决算表", "财政拨款“三公”经费支出决算表"),
        ('财政拨款"三公"经费支出决算表', "财政拨款“三公”经费支出决算表"),
        ("公开05表 一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
    ],
)
def test_title_variants(title, name):
    spec = match_title(title)
    assert spec is not None and spec.name == name


def test_toc_entries_are_not_tables():
    blocks, _ = _parse("目 录\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n")
    assert blocks == []


SPENDING_YUAN = """一般公共预算财政拨款支出决算表
单位：元
项目 合计 基本支出 项目支出
合计 1,234,500.00 1,000,000.00 234,500.00
201 一般公共服务支出 1,234,500.00 1,000,000.00 234,500.00
20106 财政事务 1,234,500.00 1,000,000.00 234,500.00
2010601行政运行 1,000,000.00 1,000,000.00
2010602 一般行政管理事
务
234,500.00 234,500.00
"""


def test_glued_codes_wrapped_names_and_yuan_to_wanyuan():
    _, parsed = _parse(SPENDING_YUAN)
    cells = _cells(parsed, "一般公共预算财政拨款支出决算表")
    assert cells[("2010601", "金额")] == Decimal("100")
    assert cells[("2010601", "基本支出")] == Decimal("100")
    assert cells[("2010601", "项目支出")] == 0  # blank = zero, placed by the column sums
    assert cells[("2010602", "项目支出")] == Decimal("23.45")
    assert cells[("一般公共预算财政拨款支出", "金额")] == Decimal("123.45")
    names = {f.科目编码: f.科目 for f in parsed.facts}
    assert names["2010602"] == "一般行政管理事务"
    row = next(f for f in parsed.facts if f.科目编码 == "2010601")
    assert (row.类, row.款, row.项, row.章节, row.来源类型) == ("一般公共服务支出", "财政事务", "行政运行", "表", "table")
    assert parsed.placed == parsed.rows == 5


def test_all_funds_table_alone_is_ambiguous_and_refused():
    """Under six columns, ``合计 a b`` fits several column pairs; without the 一般公共预算 table to bound
    them, the rows are refused rather than guessed."""
    text = SPENDING_YUAN.replace("一般公共预算财政拨款支出决算表", "支出决算表").replace(
        "项目 合计 基本支出 项目支出", "项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出")
    _, parsed = _parse(text)
    assert parsed.placed == 0 and len(parsed.unplaced) == 5
    amounts = {f.科目编码: f.数值 for f in parsed.facts if f.属性 == "金额"}
    assert amounts["2010601"] == 100  # the 合计 column is certain, and kept


def test_class_name_printed_above_its_code():
    _, parsed = _parse("""一般公共预算财政拨款支出决算表
单位：万元
合计 基本支出 项目支出
一般公共服务支出
201 100.00 90.00 10.00
行政运行
201 06 01 100.00 90.00 10.00
合计 100.00 90.00 10.00
""")
    names = {f.科目编码: f.科目 for f in parsed.facts if f.科目编码}
    assert names == {"201": "一般公共服务支出", "2010601": "行政运行"}


def test_header_repeated_on_the_next_page():
    _, parsed = _parse("""一般公共预算财政拨款支出决算表
单位：万元
项目 合计 基本支出 项目支出
201 一般公共服务支出 30.00 20.00 10.00
20106 财政事务 30.00 20.00 10.00
2010601 行政运行 20.00 20.00
\f项目 合计 基本支出 项目支出
2010602 一般行政管理事务 10.00 10.00
合计 30.00 20.00 10.00
""")
    cells = _cells(parsed, "一般公共预算财政拨款支出决算表")
    assert cells[("2010602", "项目支出")] == 10 and cells[("2010602", "基本支出")] == 0
    assert next(f.source.page for f in parsed.facts if f.科目编码 == "2010602") == 2
    assert not parsed.unplaced


def test_two_sided_table_with_wrapped_labels():
    _, parsed = _parse("""收入支出决算总表
单位：万元
收入 支出
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 60.00
二、政府性基金预算财政拨 二、外交支出
款
八、其他收入 八、社会保障和就业支出 40.00
二十二、灾害防治及应急管
理支出
本年收入合计 100.00 本年支出合计 100.00
总计 100.00 总计 100.00
""")
    income = {f.科目: f.数值 for f in parsed.facts if f.表 == "收入"}
    spending = {f.科目: f.数值 for f in parsed.facts if f.表 == "支出"}
    assert income["政府性基金预算财政拨款收入"] == 0
    assert income["收入总计"] == 100 and spending["支出总计"] == 100
    assert spending["灾害防治及应急管理支出"] == 0
    assert spending["社会保障和就业支出"] == 40


def test_economic_two_column_layout():
    _, parsed = _parse("""一般公共预算财政拨款基本支出决算表
单位：万元
科目编码 科目名称 决算数 科目编码 科目名称 决算数
301 工资福利支出 10.00 302 商品和服务支出 5.00
301 01 基本工资 10.00 302 01 办公费 3.00
301 08 机关事业单位基本养老保险缴
费
302 11 差旅费 2.00
人员经费合计 10.00 公用经费合计 5.00
""")
    cells = _cells(parsed, "一般公共预算财政拨款基本支出决算表")
    assert cells[("30201", "金额")] == 3 and cells[("30211", "金额")] == 2
    assert cells[("30108", "金额")] == 0  # listed without a value: zero
    assert cells[("人员经费", "金额")] == 10
    up = {f.科目: f.上级科目 for f in parsed.facts}
    assert up["差旅费"] == "商品和服务支出"


SANGONG = """财政拨款“三公”经费支出决算表
单位：万元
合计 因公出国（境）费 公务用车购置及运行费 公务接待费
预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数
{row}
"""


def test_sangong_full_row():
    _, parsed = _parse(SANGONG.format(row="2.85 0.39 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 2.85 0.39"))
    cells = _cells(parsed, "财政拨款“三公”经费支出决算表")
    assert cells[("公务接待费", "决算数")] == Decimal("0.39")
    assert cells[("三公经费", "预算数")] == Decimal("2.85")


def test_ambiguous_blank_cells_are_refused_not_guessed():
    _, parsed = _parse(SANGONG.format(row="0.95 0.95"))
    assert [u.reason.startswith(TABLE_REASON) for u in parsed.unplaced] == [True]
    cells = _cells(parsed, "财政拨款“三公”经费支出决算表")
    assert ("三公经费", "预算数") not in cells and ("公务接待费", "预算数") not in cells


def test_positions_settle_what_arithmetic_cannot():
    lines = list(text_lines(SANGONG.format(row="0.95 0.95")))
    heads = [(32.4 + 65.8 * i, 63.9 + 65.8 * i) for i in range(12)]
    lines = [Line(ln.text, ln.no, ln.page, tuple(heads)) if ln.text.startswith("预算数") else ln for ln in lines]
    lines = [Line(ln.text, ln.no, ln.page, ((54.0, 72.1), (712.0, 730.1))) if ln.text == "0.95 0.95" else ln
             for ln in lines]
    parsed = parse_tables(lines, find_tables(lines), "t.pdf")
    cells = _cells(parsed, "财政拨款“三公”经费支出决算表")
    assert cells[("三公经费", "预算数")] == Decimal("0.95") and cells[("公务接待费", "预算数")] == Decimal("0.95")
    assert not parsed.unplaced


def _sangong(parsed) -> dict[tuple[str, str], Decimal]:
    return _cells(parsed, "财政拨款“三公”经费支出决算表")


def test_sangong_identities_settle_a_row_with_blank_cells():
    """Six figures under twelve columns: 合计 = 出国 + 车 + 接待 and 车 = 购置 + 运行, for 预算数 and
    决算数 alike, leave exactly one placement (出国 and 接待 filled, the car columns blank)."""
    _, parsed = _parse(SANGONG.format(row="3.00 2.00 1.00 0.50 2.00 1.50"))
    assert not parsed.unplaced
    cells = _sangong(parsed)
    assert cells[("三公经费", "预算数")] == 3 and cells[("三公经费", "决算数")] == 2
    assert cells[("因公出国（境）费", "预算数")] == 1 and cells[("因公出国（境）费", "决算数")] == Decimal("0.5")
    assert cells[("公务接待费", "预算数")] == 2 and cells[("公务接待费", "决算数")] == Decimal("1.5")
    assert cells[("公务用车购置及运行维护费", "预算数")] == 0 and cells[("公务用车运行维护费", "决算数")] == 0


def test_sangong_row_the_identities_cannot_settle_names_what_is_open():
    """``0.95 0.95`` fits four placements (合计 with 出国 or 接待, as 预算数 or 决算数): refused, and the
    reason says how many placements fit and which columns stay open; the car columns are zero in all."""
    _, parsed = _parse(SANGONG.format(row="0.95 0.95"))
    (only,) = parsed.unplaced
    assert "4种放法" in only.reason and "公务接待费预算数" in only.reason and "公务用车" not in only.reason
    cells = _sangong(parsed)
    assert cells[("公务用车购置费", "预算数")] == 0 and ("三公经费", "决算数") not in cells


def _stated(*items: tuple[str, str, str]) -> list[Fact]:
    src = Source("t.txt", 90, "“三公”经费…")
    return [Fact("三公", name, kind, Decimal(value), "万元", src) for name, kind, value in items]


def _with_stated(row: str, stated: list[Fact]):
    lines = list(text_lines(SANGONG.format(row=row)))
    return parse_tables(lines, find_tables(lines), "t.txt", stated)


def test_narrative_settles_a_row_only_when_one_placement_agrees_and_says_so():
    parsed = _with_stated("0.95 0.95", _stated(("三公经费", "预算数", "0.95"), ("三公经费", "决算数", "0.00"),
                                               ("公务接待费", "预算数", "0.95")))
    assert not parsed.unplaced
    cells = _sangong(parsed)
    assert cells[("三公经费", "预算数")] == Decimal("0.95") and cells[("公务接待费", "预算数")] == Decimal("0.95")
    assert cells[("因公出国（境）费", "预算数")] == 0 and cells[("三公经费", "决算数")] == 0
    (note,) = [d for d in parsed.discrepancies if d.rule == "正文定列"]
    assert "第90行" in note.message and note.source.text == "0.95 0.95"


def test_narrative_that_leaves_two_placements_settles_nothing():
    """The totals alone (预算 0.95, 决算 0.00) still fit 出国 or 接待: the row stays refused, no cell
    is taken from the narrative, and the reason says so."""
    parsed = _with_stated("0.95 0.95", _stated(("三公经费", "预算数", "0.95"), ("三公经费", "决算数", "0")))
    (only,) = parsed.unplaced
    assert "仍有2种" in only.reason
    assert ("三公经费", "预算数") not in _sangong(parsed)
    assert not [d for d in parsed.discrepancies if d.rule == "正文定列"]


def test_narrative_that_fits_no_placement_is_ignored():
    parsed = _with_stated("0.95 0.95", _stated(("三公经费", "预算数", "0.90")))
    (only,) = parsed.unplaced
    assert "仍有0种" in only.reason and ("三公经费", "预算数") not in _sangong(parsed)


def test_narrative_with_two_values_for_one_cell_tells_nothing():
    parsed = _with_stated("0.95 0.95", _stated(("三公经费", "预算数", "0.95"), ("三公经费", "决算数", "0"),
                                               ("公务接待费", "预算数", "0.95"), ("公务接待费", "预算数", "0")))
    assert "仍有2种" in parsed.unplaced[0].reason


ECON_WITH_RECEPTION = """一般公共预算财政拨款基本支出决算表
单位：万元
科目编码 科目名称 决算数 科目编码 科目名称 决算数
301 工资福利支出 10.00 302 商品和服务支出 5.50
301 01 基本工资 10.00 302 01 办公费 5.00
302 17 公务接待费 0.50
人员经费合计 10.00 公用经费合计 5.50
"""


def test_basic_spending_table_settles_the_sangong_row():
    """The 基本支出 table spends 0.50 on 30217 公务接待费, so the 三公 table's 公务接待费 决算数 is at
    least 0.50: of the four placements of ``0.50 0.50`` only 合计/接待 决算数 is left."""
    _, parsed = _parse(ECON_WITH_RECEPTION + SANGONG.format(row="0.50 0.50"))
    assert not parsed.unplaced
    cells = _sangong(parsed)
    assert cells[("三公经费", "决算数")] == Decimal("0.5") and cells[("公务接待费", "决算数")] == Decimal("0.5")
    assert cells[("三公经费", "预算数")] == 0


def test_empty_table_with_note_is_zero():
    _, parsed = _parse("""政府性基金预算财政拨款收入支出决算表
单位：万元
项目 年初结转和结余 本年收入 本年支出 年末结转和结余
合计 合计 基本支出 项目支出
注：本单位无政府性基金预算财政拨款支出，故本表无数据。
""")
    cells = _cells(parsed, "政府性基金预算财政拨款收入支出决算表")
    assert cells[("政府性基金预算财政拨款支出", "金额")] == 0


def test_a_total_that_does_not_add_up_is_reported():
    _, parsed = _parse("""一般公共预算财政拨款支出决算表
单位：万元
合计 基本支出 项目支出
201 一般公共服务支出 30.00 20.00 10.00
2010601 行政运行 20.00 20.00
2010602 一般行政管理事务 15.00 15.00
合计 30.00 20.00 10.00
""")
    assert any(d.rule == "表内合计" for d in parsed.discrepancies)


def test_displaced_numbers_are_put_back_only_when_unambiguous():
    assert repair("本年收入合计 万元，其中：财政拨款收入 万元，占 ；其他", ["2946.25", "2940.05", "99.79%"]) == (
        "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他")
    assert repair("三公 经费支出决算为 万元", ["“", "”", "0.39"]) == "“三公”经费支出决算为0.39万元"
    assert repair("年初预算为 万元，支出决算为 万元", ["1.00"]) is None


def _doc(text: str):
    return read_bytes(text.encode("utf-8"), "r.txt")


def test_detached_year_on_the_cover():
    report = parse(_doc("某某局\n年度部门决算\n2024\n目 录\n第二部分 决算表\n收入支出决算总表\n单位：万元\n"
                        "一、一般公共预算财政拨款收入 1.00 一、一般公共服务支出 1.00\n"), load_lexicon())
    assert (report.单位, report.年度) == ("某某局", 2024)


@pytest.mark.parametrize(
    ("cover", "kind"),
    [("上海市普陀区2025年区级部门预算\n预算主管部门：某局\n", "部门预算"), ("某单位2026年度单位预算\n", "单位预算")],
)
def test_budgets_are_refused_with_their_kind(cover, kind):
    with pytest.raises(JuesuanError, match=kind):
        parse(_doc(cover + "目 录\n一、部门主要职能\n"), load_lexicon())


def test_the_template_is_refused():
    with pytest.raises(JuesuanError, match="模板"):
        parse(_doc("上海市 XX 局\n2024 年度部门决算\n目 录\n"), load_lexicon())


def test_page_number_lines_inside_a_table_are_dropped():
    _, parsed = _parse("""一般公共预算财政拨款支出决算表
单位：万元
项目 合计 基本支出 项目支出
201 一般公共服务支出 30.00 20.00 10.00
20106 财政事务 30.00 20.00 10.00
2010601 行政运行 20.00 20.00
7
\f2010602 一般行政管理事务 10.00 10.00
合计 30.00 20.00 10.00
""")
    assert not parsed.unplaced and parsed.placed == parsed.rows == 5


def test_dotted_table_of_contents_gives_no_figures():
    report = parse(_doc("某某局\n2024年度部门决算\n目 录\n一、收入决算情况说明 …………………… 12\n二、支出决算情况说明 ……………… 13\n"
                        "第二部分 决算表\n收入支出决算总表\n单位：万元\n"
                        "一、一般公共预算财政拨款收入 1.00 一、一般公共服务支出 1.00\n"), load_lexicon())
    assert all(f.来源类型 == "table" for f in report.facts)
    assert not [u for u in report.unplaced if "12" in u.source.text]
