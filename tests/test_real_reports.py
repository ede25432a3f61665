"""Real published reports (../shared/reports): the nine 公开表, PDF input, noisy extraction, refusals.

Skipped cleanly where the shared folder is absent. Every database lives under tmp.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.lexicon import load_lexicon
from assistant.load import load_file, report_files
from assistant.model import Fact, JuesuanError, Source
from assistant.parse import parse
from assistant.read import read_document
from assistant.store import connect
from assistant.tables import TABLE_REASON, find_tables, parse_tables

from .conftest import FIXTURES, SHARED_REPORTS, assert_gold

pytestmark = pytest.mark.skipif(not SHARED_REPORTS.is_dir(), reason=f"{SHARED_REPORTS} 不存在（共享报告目录）")

UNITS = {"01": "上海市普陀区财政局", "02": "上海市普陀区规划和自然资源局", "03": "中共上海市普陀区委社会工作部"}


def _text(no: str) -> Path:
    return next(SHARED_REPORTS.glob(f"{no}_*.txt"))


def _pdf(no: str) -> Path:
    return next((SHARED_REPORTS / "pdf").glob(f"{no}_*.pdf"))


@pytest.fixture(scope="module")
def reports():
    """Parsed reports, by "01" (text) and "01.pdf"."""
    lexicon = load_lexicon()
    cache: dict[str, object] = {}

    def get(key: str):
        if key not in cache:
            path = _pdf(key[:2]) if key.endswith(".pdf") else _text(key)
            cache[key] = parse(read_document(path), lexicon)
        return cache[key]

    return get


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    """One database per real 决算 text (01, 02, 03)."""
    lexicon = load_lexicon()
    out = {}
    for no in UNITS:
        path = tmp_path_factory.mktemp("real") / f"{no}.duckdb"
        con = connect(path)
        result = load_file(con, _text(no), lexicon)
        con.close()
        assert result.status == "loaded", result.message
        out[no] = path
    return out


# ---- gold figures read by hand from the text ---------------------------------------------------------


def _gold(no: str):
    rows = []
    path = FIXTURES / f"real_{no}_gold.tsv"
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if i == 1 or not line.strip() or line.startswith("#"):
            continue
        view, where, column, value, _line = (line.split("\t") + [""] * 5)[:5]
        rows.append(pytest.param(no, view, where, column, value, id=f"{no}:{i}:{view}:{where}:{column}"))
    return rows


GOLD = [row for no in UNITS for row in _gold(no)]


@pytest.mark.parametrize("no", list(UNITS))
def test_gold_is_large_enough(no):
    assert len(_gold(no)) >= 60


@pytest.mark.parametrize(("no", "view", "where", "column", "value"), GOLD)
def test_gold_figure(real_db, no, view, where, column, value):
    import duckdb

    with duckdb.connect(str(real_db[no]), read_only=True) as con:
        assert_gold(con, UNITS[no], 2024, view, where, column, value)


# ---- table rows placed ------------------------------------------------------------------------------


def _table_unplaced(report):
    return [u for u in report.unplaced if u.reason.startswith(TABLE_REASON)]


@pytest.mark.parametrize("key", ["02", "03", "01.pdf", "02.pdf", "03.pdf"])
def test_every_table_row_placed(reports, key):
    assert _table_unplaced(reports(key)) == []


def test_text_01_refuses_only_the_ambiguous_sangong_row(reports):
    """``0.95 0.95`` under twelve 预算数/决算数 columns fits four column pairs; the text has no positions."""
    (only,) = _table_unplaced(reports("01"))
    assert only.source.text == "0.95 0.95"
    assert "空白单元格" in only.reason and "4种放法" in only.reason
    placed = {(f.科目, f.属性) for f in reports("01").facts if f.表名.endswith("“三公”经费支出决算表")}
    assert ("公务接待费", "预算数") not in placed and ("三公经费", "预算数") not in placed


def test_pdf_places_the_sangong_row_by_position(reports):
    cells = {(f.科目, f.属性): f.数值 for f in reports("01.pdf").facts if f.表名.endswith("“三公”经费支出决算表")}
    assert cells[("三公经费", "预算数")] == Decimal("0.95")
    assert cells[("公务接待费", "预算数")] == Decimal("0.95")
    assert cells[("因公出国（境）费", "预算数")] == 0
    assert cells[("三公经费", "决算数")] == 0


def _sangong_cells(facts) -> dict[tuple[str, str], Decimal]:
    return {(f.科目, f.属性): f.数值 for f in facts if f.表名.endswith("“三公”经费支出决算表")}


def _tables_with_narrative(report, extra=()):
    lines = list(report.document.lines)
    narrative = [f for f in report.facts if f.来源类型 != "table"] + list(extra)
    return parse_tables(lines, find_tables(lines, report.单位), report.document.name, narrative)


def test_text_01_sangong_row_cannot_be_settled_from_the_text(reports):
    """Everything the text of 01 says — the 三公 table's identities, the 基本支出 table, and the
    narrative's 三公 figures (预算 0.95, 决算 0.00, each item 决算 0.00) — still fits two placements: the
    0.95 budgeted for 因公出国（境）费 or for 公务接待费 (the PDF's positions show 公务接待费). So the row is
    refused, not guessed; every cell the text does give equals the PDF's."""
    text = reports("01")
    parsed = _tables_with_narrative(text)
    (only,) = [u for u in parsed.unplaced if u.source.text == "0.95 0.95"]
    assert "4种放法" in only.reason and "仍有2种" in only.reason
    assert "因公出国（境）费预算数" in only.reason and "公务接待费预算数" in only.reason
    pdf = _sangong_cells(reports("01.pdf").facts)
    for facts in (text.facts, parsed.facts):
        got = _sangong_cells(facts)
        assert got and all(pdf[k] == v for k, v in got.items())
    assert parsed.placed == parsed.rows - 1


def test_text_01_with_one_more_stated_figure_equals_the_pdf(reports):
    """Had the narrative also stated the 公务接待费 budget, only one placement would be left: the row
    is then placed (100% of table rows), its twelve cells equal the PDF's, and the use is recorded."""
    text = reports("01")
    src = Source(text.document.name, 444, "公务接待费年初预算为0.95万元")
    told = Fact("三公", "公务接待费", "预算数", Decimal("0.95"), "万元", src)
    parsed = _tables_with_narrative(text, [told])
    assert parsed.placed == parsed.rows and not parsed.unplaced
    assert _sangong_cells(parsed.facts) == _sangong_cells(reports("01.pdf").facts)
    assert [d.source.line for d in parsed.discrepancies if d.rule == "正文定列"] == [341]


# ---- the PDF gives the same facts as its text ----------------------------------------------------------


def _facts(report):
    return {(f.表, f.口径, f.类, f.款, f.项, f.科目编码, f.科目, f.属性, f.数值, f.文本, f.章节, f.来源类型, f.表名,
             f.source.line, f.source.page) for f in report.facts}


@pytest.mark.parametrize("no", list(UNITS))
def test_pdf_same_facts_as_text(reports, no):
    text, pdf = reports(no), reports(f"{no}.pdf")
    assert (pdf.单位, pdf.年度, pdf.类型) == (text.单位, text.年度, text.类型)
    a, b = _facts(text), _facts(pdf)
    assert a <= b
    extra = b - a  # only what the x positions could settle: the 三公 row of 01
    assert all(f[12].endswith("“三公”经费支出决算表") and f[13] == 341 for f in extra), extra
    assert len(extra) == (6 if no == "01" else 0)
    assert {f.source.page for f in pdf.facts} == {f.source.page for f in text.facts}


def test_pdf_lines_keep_page_numbers():
    doc = read_document(_pdf("01"))
    text = read_document(_text("01"))
    assert [(ln.text, ln.no, ln.page) for ln in doc.lines] == [(ln.text, ln.no, ln.page) for ln in text.lines]
    assert max(ln.page for ln in doc.lines) == 25
    row = next(ln for ln in doc.lines if ln.text == "0.95 0.95")
    assert row.page == 18 and len(row.boxes) == 2


# ---- the noisy extraction (04) never gives different numbers ------------------------------------------


def test_noisy_copy_gives_the_same_numbers_or_none(reports):
    lexicon = load_lexicon()
    noisy = parse(read_document(_text("04")), lexicon)
    clean = reports("01")
    assert (noisy.单位, noisy.年度) == (clean.单位, clean.年度)

    def keyed(report):
        out: dict[tuple, set] = {}
        for f in report.facts:
            key = (f.表, f.口径, f.类, f.款, f.项, f.科目编码, f.科目, f.属性, f.章节, f.表名)
            out.setdefault(key, set()).add(f.数值 if f.数值 is not None else f.文本)
        return out

    a, b = keyed(clean), keyed(noisy)
    wrong = {k: (a.get(k), v) for k, v in b.items() if a.get(k) != v}
    assert wrong == {}
    assert len(b) > len(a) * 0.6  # most of it is still read
    assert noisy.unplaced  # and what could not be placed is reported


# ---- refusals and the whole folder ---------------------------------------------------------------------


def test_budget_pdf_refused_with_its_kind(tmp_path):
    con = connect(tmp_path / "x.duckdb")
    result = load_file(con, _pdf("12"), load_lexicon())
    con.close()
    assert result.status == "refused"
    assert "部门预算" in result.message


def test_loading_the_whole_folder_gives_a_summary(tmp_path, capsys):
    con = connect(tmp_path / "all.duckdb")
    lexicon = load_lexicon()
    results = [load_file(con, f, lexicon) for f in report_files([SHARED_REPORTS])]
    con.close()
    by_name = {Path(r.file).name: r for r in results}
    with capsys.disabled():
        print()
        for r in results:
            table_left = sum(1 for u in r.unplaced if u.reason.startswith(TABLE_REASON))
            what = (f"{r.单位} {r.年度} 覆盖率 {r.coverage:.1%}，未放置的表格行 {table_left}" if r.status != "refused"
                    else r.message)
            print(f"  {r.status:8} {Path(r.file).name[:58]:58} {what}")
    assert all(r.status in ("loaded", "replaced", "refused") and (r.status != "refused" or r.message) for r in results)
    for no in ("01", "02", "03", "04"):
        assert by_name[_text(no).name].status != "refused"
    for name, r in by_name.items():
        if "yusuan" in name:
            assert r.status == "refused" and "预算" in r.message, name
    assert "模板" in by_name[next(SHARED_REPORTS.glob("99_*.txt")).name].message


# ---- discrepancies for the audit --------------------------------------------------------------------------


def test_report_errors_are_recorded(reports):
    r01 = [d for d in reports("01").discrepancies if d.rule == "正文与表"]
    assert any("财政拨款收入总计" in d.message and d.difference == Decimal("0.3") - Decimal("2961.68") for d in r01)
    r02 = reports("02").discrepancies
    assert any(d.rule == "措辞矛盾" and "27.78" in d.message for d in r02)
    assert any("机关事业单位退休人员活动费支出" in d.message for d in r02)
    assert any(d.rule == "尾差" and "城乡社区支出" in d.message for d in r02)
    assert any(d.rule == "模板说明残留" for d in reports("03").discrepancies)


def test_no_text_layer_is_refused(tmp_path):
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(JuesuanError, match="没有文字层"):
        read_document(path)


@pytest.mark.parametrize("no", UNITS)
def test_terms_of_part_four_are_read(reports, no):
    """第四部分 名词解释: definitions wrapped into short lines ("七、基本支出：指…") are terms, not section titles."""
    terms = {t.名词: t.解释 for t in reports(no).terms}
    assert len(terms) >= 10
    assert any("三公" in name for name in terms) and any(name == "基本支出" for name in terms)
    assert terms["基本支出"].startswith("指")
