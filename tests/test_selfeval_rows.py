"""项目支出绩效自评表 printed a row per line (PDF extraction): cells parted by two spaces or one, the 一级指标
cell blank below its group's first row, a page break inside the indicators, two tables in a row (invented)."""

from __future__ import annotations

from decimal import Decimal

from assistant.catalog import load_catalog
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon
from assistant.load import load_file
from assistant.store import connect

HEAD = "某县测试局2024年度部门决算\n第三部分 其他重要事项的情况说明\n（四）预算绩效管理情况\n"

ROAD = """项目支出绩效自评表
（2024年度）
项目名称  道路养护
主管部门  某县测试局      实施单位  某县公路站
项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分
年度资金总额  100.00  120.00  110.00  10  91.67%  9.17
其中：当年财政拨款  100.00  120.00  110.00  —  91.67%  —
年度总体目标  完成年度目标：养护道路50公里。实际完成情况：养护道路48公里。
一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施
产出指标  数量指标  养护里程  ≥50公里  48公里  20  18  受雨季影响部分路段延后
质量指标  验收合格率  100%  100%  20  20
{page}时效指标  按期完工率  ≥95%  96%  10  10
效益指标  社会效益指标  道路通行率  ≥98%  99%  20  20
满意度指标  服务对象满意度指标  群众满意度  ≥90%  93%  10  10
总分  100  87.17
"""

STORE = """项目支出绩效自评表
（2024年度）
项目名称  4101230001-防汛物资储备
主管部门  某县测试局      实施单位  某县防汛站
项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分
年度资金总额  30.00  30.00  30.00  10  100.00%  10
一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施
产出指标  数量指标  储备编织袋  ≥1000条  1200条  40  40
满意度指标  服务对象满意度指标  群众满意度  ≥90%  95%  50  50
总分  100  100
"""

TAIL = "（五）其他需要说明的情况\n本部门2024年度无其他需要说明的情况。\n"


def load(tmp_path, lexicon, body: str):
    path = tmp_path / "某县测试局2024年度部门决算.txt"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    con = connect(db)
    result = load_file(con, path, lexicon)
    assert result.status == "loaded", result.message
    return con, db


def indicators(con) -> dict[str, tuple]:
    rows = con.execute("SELECT 三级指标, 一级指标, 二级指标, 指标性质, 指标值, 度量单位, 完成值, 权重, 得分, "
                       "未完成原因, 是否完成, 来源明细[1].line FROM 绩效指标").fetchall()
    return {r[0]: r[1:] for r in rows}


def unplaced(con) -> list[str]:
    """The 未识别 rows' text (来源 reads ``file 第N行：text``)."""
    return [r[0].split("：", 1)[1] for r in con.execute("SELECT 来源 FROM 未识别").fetchall()]


def test_double_spaced_rows_fill_project_funds_and_indicators(tmp_path, lexicon):
    con, _ = load(tmp_path, lexicon, ROAD.format(page=""))
    project = con.execute("SELECT 项目编码, 项目名称, 主管部门, 实施单位, 年度目标, 完成情况, 总权重, 总得分, 执行数 "
                          "FROM 项目").fetchall()
    assert project == [("", "道路养护", "某县测试局", "某县公路站", "养护道路50公里。", "养护道路48公里。",
                        Decimal(100), Decimal("87.17"), Decimal(110))]
    funds = con.execute("SELECT 资金来源, 年初预算, 调整后预算, 执行数, 执行率, 权重, 得分 FROM 项目资金 "
                        "ORDER BY 资金来源").fetchall()
    assert funds == [("当年财政拨款", 100, 120, 110, Decimal("91.67"), None, None),
                     ("总额", 100, 120, 110, Decimal("91.67"), 10, Decimal("9.17"))]
    got = indicators(con)
    assert set(got) == {"养护里程", "验收合格率", "按期完工率", "道路通行率", "群众满意度"}
    assert got["养护里程"][:10] == ("产出指标", "数量指标", "≥", "50", "公里", "48", 20, 18, "受雨季影响部分路段延后", False)
    # the blank 一级指标 cell continues 产出指标; 100% with no ≥/≤ is not judged
    assert got["验收合格率"][:10] == ("产出指标", "质量指标", "", "100%", "", "100%", 20, 20, "", None)
    assert got["按期完工率"][:10] == ("产出指标", "时效指标", "≥", "95", "%", "96", 10, 10, "", True)
    assert got["群众满意度"][:2] == ("满意度指标", "服务对象满意度指标")
    assert got["养护里程"][10] == 13  # the source line of the row
    assert not unplaced(con)


def test_single_spaced_rows_read_the_same(tmp_path, lexicon):
    (tmp_path / "wide").mkdir()
    wide, _ = load(tmp_path / "wide", lexicon, ROAD.format(page=""))
    narrow_body = "\n".join(" ".join(line.split()) for line in ROAD.format(page="").splitlines()) + "\n"
    narrow, _ = load(tmp_path, lexicon, narrow_body)
    assert indicators(narrow) == indicators(wide)
    project = narrow.execute("SELECT 主管部门, 实施单位, 总得分 FROM 项目").fetchall()
    assert project == [("某县测试局", "某县公路站", Decimal("87.17"))]
    assert narrow.execute("SELECT count(*) FROM 项目资金").fetchone() == (2,)
    assert not unplaced(narrow)


def test_page_break_inside_the_indicator_rows(tmp_path, lexicon):
    for mark in ("— 19 —", "- 19 -"):
        where = tmp_path / mark.replace(" ", "")
        where.mkdir()
        con, _ = load(where, lexicon, ROAD.format(page=f"{mark}\n\f\n"))
        got = indicators(con)
        assert len(got) == 5 and got["按期完工率"][:2] == ("产出指标", "时效指标")
        assert got["道路通行率"][:3] == ("效益指标", "社会效益指标", "≥")
        assert con.execute("SELECT 总得分 FROM 项目").fetchall() == [(Decimal("87.17"),)]
        assert not unplaced(con)


def test_two_tables_one_after_another(tmp_path, lexicon):
    con, _ = load(tmp_path, lexicon, ROAD.format(page="") + STORE)
    projects = con.execute("SELECT 项目编码, 项目名称, 实施单位, 总得分 FROM 项目 ORDER BY 项目编码").fetchall()
    assert projects == [("", "道路养护", "某县公路站", Decimal("87.17")), ("4101230001", "防汛物资储备", "某县防汛站", 100)]
    stored = con.execute("SELECT 项目名称, 三级指标, 完成值 FROM 绩效指标 WHERE 项目编码 = '4101230001' "
                         "ORDER BY 三级指标").fetchall()
    assert stored == [("防汛物资储备", "储备编织袋", "1200"), ("防汛物资储备", "群众满意度", "95")]
    assert con.execute("SELECT 执行数 FROM 项目资金 WHERE 项目编码 = '4101230001'").fetchall() == [(30,)]


MOF = """项目支出绩效自评表
（2024年度）
项目名称  道路养护  项目编码  41012300099
主管部门  某县测试局  实施单位  某县公路站
项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分
年度资金总额  100.00  120.00  110.00  10  91.67%  9.17
上年结转资金  —  —  —  —  —  —
年度总体目标  预期目标  实际完成情况
养护道路50公里  养护道路48公里
绩效指标  一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施
产出指标  数量指标  养护里程  ≥50公里  48公里  20  18  受雨季影响部分
路段延后
          质量指标  验收合格率  100%  100%  20  20
总分  100  87.17
"""


def test_template_variant_code_goal_row_and_wrapped_reason(tmp_path, lexicon):
    con, _ = load(tmp_path, lexicon, MOF)
    project = con.execute("SELECT 项目编码, 项目名称, 年度目标, 完成情况, 总得分 FROM 项目").fetchall()
    assert project == [("41012300099", "道路养护", "养护道路50公里", "养护道路48公里", Decimal("87.17"))]
    assert con.execute("SELECT 资金来源 FROM 项目资金").fetchall() == [("总额",)]  # 上年结转 states no figure
    got = indicators(con)
    assert got["养护里程"][8] == "受雨季影响部分路段延后"
    assert got["验收合格率"][:2] == ("产出指标", "质量指标")
    assert not unplaced(con)


def test_a_row_whose_cells_do_not_fit_stays_unplaced(tmp_path, lexicon):
    # 指标值 left out on a follow-on row: 数量指标 would fall into 三级指标 — never stored shifted
    body = ROAD.format(page="").replace("质量指标  验收合格率  100%  100%  20  20", "数量指标  验收合格率  100%  20  20")
    con, _ = load(tmp_path, lexicon, body)
    assert "验收合格率" not in indicators(con) and len(indicators(con)) == 4
    assert unplaced(con) == ["数量指标  验收合格率  100%  20  20"]


def test_unmet_indicator_question(tmp_path, lexicon):
    con, db = load(tmp_path, lexicon, ROAD.format(page="") + STORE)
    con.close()
    engine = Engine(open_readonly(db), load_catalog(), load_lexicon())
    for question in ("哪些指标没完成", "哪些指标未完成"):
        answer = engine.ask(question)
        assert answer.status == "ok", answer
        assert "养护里程" in answer.answer and "受雨季影响部分路段延后" in answer.answer
        assert "按期完工率" not in answer.answer and "储备编织袋" not in answer.answer


def test_two_projects_without_codes_keep_their_own_funds(tmp_path, lexicon):
    """Funds were joined to projects by 项目编码 alone: two uncoded projects in one report each showed both
    projects' 执行数. The project's name tells them apart."""
    other = STORE.replace("4101230001-防汛物资储备", "防汛物资储备")
    con, _ = load(tmp_path, lexicon, ROAD.format(page="") + other)
    shown = con.execute("SELECT 项目名称, 执行数 FROM 项目 ORDER BY 项目名称").fetchall()
    assert shown == [("道路养护", 110), ("防汛物资储备", 30)], shown
    funds = con.execute("SELECT 项目名称, 资金来源, 执行数 FROM 项目资金 ORDER BY 项目名称, 资金来源").fetchall()
    assert [f[0] for f in funds] == ["道路养护", "道路养护", "防汛物资储备"], funds


NAMED = """农村道路建设项目绩效自评表
项目名称 农村道路建设项目
主管部门 某县人民政府 实施单位 某县测试局
年初预算数 400.00万元
全年预算数 420.00万元
全年执行数 420.00万元
预算执行率 100.00% 分值 10 得分 10
年度总体目标 完成通组公路建设，改善群众出行
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因
产出指标 数量指标 新建通组公路里程 ≥12公里 12.6公里 20 20
产出指标 数量指标 修缮排水沟渠长度 ≥8公里 7.2公里 20 16 雨季持续时间长，工期顺延
满意度指标 服务对象满意度 受益群众满意度 ≥90% 94% 10 9
总分 100 92.5
"""


def test_key_value_fund_lines_under_a_project_named_title(tmp_path, lexicon):
    """The title is the project's name + 绩效自评表, the funds are label–figure lines (``年初预算数 400.00万元``),
    the reason column is headed 偏差原因 and the 二级 is printed 服务对象满意度 (no 指标)."""
    con, _ = load(tmp_path, lexicon, NAMED)
    project = con.execute("SELECT 项目名称, 实施单位, 年度目标, 总权重, 总得分 FROM 项目").fetchall()
    assert project == [("农村道路建设项目", "某县测试局", "完成通组公路建设，改善群众出行", 100, Decimal("92.5"))]
    funds = con.execute("SELECT 资金来源, 年初预算, 调整后预算, 执行数, 执行率, 权重, 得分, 来源明细[1].line "
                        "FROM 项目资金").fetchall()
    assert funds == [("总额", 400, 420, 420, 100, 10, 10, 7)]
    got = indicators(con)
    assert set(got) == {"新建通组公路里程", "修缮排水沟渠长度", "受益群众满意度"}
    assert got["修缮排水沟渠长度"][:10] == ("产出指标", "数量指标", "≥", "8", "公里", "7.2", 20, 16, "雨季持续时间长，工期顺延",
                                    False)
    assert got["受益群众满意度"][:2] == ("满意度指标", "服务对象满意度")
    assert not unplaced(con)


def test_key_value_fund_figures_that_disagree_stay_unplaced(tmp_path, lexicon):
    body = NAMED.replace("预算执行率 100.00% 分值 10 得分 10", "预算执行率 100.00% 分值 10 得分 10\n全年执行数 410.00万元")
    con, _ = load(tmp_path, lexicon, body)
    assert con.execute("SELECT count(*) FROM 项目资金").fetchone() == (0,)
    assert "全年执行数 410.00万元" in unplaced(con) and "年初预算数 400.00万元" in unplaced(con)
    assert len(indicators(con)) == 3


def _docx(path, rows: list[list[str]], before: tuple[str, ...] = ("价格监测项目绩效自评表",)) -> None:
    """A Word report: HEAD, the paragraphs ``before``, one table of ``rows``, TAIL."""
    import docx

    document = docx.Document()
    for text in (*HEAD.splitlines(), *before):
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for text in TAIL.splitlines():
        document.add_paragraph(text)
    document.save(str(path))


def test_word_table_with_key_value_funds_and_no_level_columns(tmp_path, lexicon):
    """A Word 绩效自评表 whose funds are label–figure cells on two rows, whose indicator header has no 一级/二级
    column and whose 总分 row states only the 得分 under its column: all were lost but the project's name."""
    rows = [["项目名称", "价格监测项目", "", ""],
            ["年初预算数（万元）", "65.00", "全年预算数（万元）", "70.00"],
            ["全年执行数（万元）", "70.00", "预算执行率", "100.00%"],
            ["三级指标", "年度指标值", "实际完成值", "得分", "未完成原因"],
            ["价格监测报告期数", "≥52期", "52期", "15", ""],
            ["成本调查项目数", "≥6个", "5个", "12", "企业资料报送延迟"],
            ["总分", "", "", "91", ""]]
    path = tmp_path / "某县测试局2024年度部门决算.docx"
    _docx(path, rows)
    con = connect(tmp_path / "t.duckdb")
    result = load_file(con, path, load_lexicon())
    assert result.status == "loaded", result.message
    project = con.execute("SELECT 项目名称, 总权重, 总得分 FROM 项目").fetchall()
    assert project == [("价格监测项目", None, 91)]
    funds = con.execute("SELECT 资金来源, 年初预算, 调整后预算, 执行数, 执行率, 权重, 得分 FROM 项目资金").fetchall()
    assert funds == [("总额", 65, 70, 70, 100, None, None)]
    got = indicators(con)
    assert set(got) == {"价格监测报告期数", "成本调查项目数"}
    assert got["成本调查项目数"][:10] == ("", "", "≥", "6", "个", "5", None, 12, "企业资料报送延迟", False)
    assert got["价格监测报告期数"][6:10] == (None, 15, "", True)
    assert not [u for u in unplaced(con) if "自评" in u or "价格" in u]


def test_a_title_naming_the_project_names_a_table_without_a_name_row(tmp_path, lexicon):
    body = NAMED.replace("项目名称 农村道路建设项目\n", "")
    con, _ = load(tmp_path, lexicon, body)
    assert con.execute("SELECT 项目名称, 总得分, 执行数 FROM 项目").fetchall() == [("农村道路建设项目", Decimal("92.5"), 420)]
    assert len(indicators(con)) == 3 and not unplaced(con)
    # a title that names no project (项目支出绩效自评表) is not taken for a name
    (tmp_path / "generic").mkdir()
    con, _ = load(tmp_path / "generic", lexicon, body.replace("农村道路建设项目绩效自评表", "项目支出绩效自评表"))
    assert con.execute("SELECT count(*) FROM 项目").fetchone() == (0,)


LIST_HEAD = ["项目名称", "预算数（万元）", "执行数（万元）", "自评得分", "绩效指标", "目标值", "实际完成值", "偏差原因"]
LIST_ROWS = [LIST_HEAD,
             ["委员视察", "50.00", "42.50", "88", "组织专题视察次数", "≥6次", "5次", "受汛期影响取消1次视察"],
             ["", "", "", "", "视察报告采纳率", "≥80%", "85%", ""],
             ["参政议政", "80.00", "76.32", "91.5", "提案按期办结率", "≥95%", "100%", ""],
             ["其他政协事务", "45.00", "45.00", "95", "出版文史资料", "≥2册", "2册", ""]]


def _load_docx_table(tmp_path, rows: list[list[str]]):
    path = tmp_path / "某县测试局2024年度部门决算.docx"
    _docx(path, rows, before=("本部门2024年度项目支出170.00万元。", "表十 项目绩效自评情况"))
    con = connect(tmp_path / "t.duckdb")
    result = load_file(con, path, load_lexicon())
    assert result.status == "loaded", result.message
    return con


def test_word_table_listing_projects_as_rows(tmp_path, lexicon):
    """One Word table, a project per row (项目名称 | 预算数 | 执行数 | 自评得分 | 绩效指标 | 目标值 | 实际完成值 | 偏差原因),
    a project's further indicators on rows with its cells blank: the header's 预算数（万元） was taken for the one
    project's name and everything else was lost."""
    con = _load_docx_table(tmp_path, LIST_ROWS)
    projects = con.execute("SELECT 项目名称, 总得分, 年初预算, 执行数 FROM 项目 ORDER BY 项目名称").fetchall()
    assert projects == [("其他政协事务", 95, 45, 45), ("参政议政", Decimal("91.5"), 80, Decimal("76.32")),
                        ("委员视察", 88, 50, Decimal("42.5"))]
    rows = con.execute("SELECT 项目名称, 三级指标, 指标性质, 指标值, 度量单位, 完成值, 未完成原因, 是否完成 FROM 绩效指标 "
                       "ORDER BY 项目名称, 三级指标").fetchall()
    assert rows == [("其他政协事务", "出版文史资料", "≥", "2", "册", "2", "", True),
                    ("参政议政", "提案按期办结率", "≥", "95", "%", "100", "", True),
                    ("委员视察", "组织专题视察次数", "≥", "6", "次", "5", "受汛期影响取消1次视察", False),
                    ("委员视察", "视察报告采纳率", "≥", "80", "%", "85", "", True)]
    assert not [u for u in unplaced(con) if "视察" in u or "政协" in u or "预算数" in u]


def test_word_project_list_whose_header_does_not_settle_stays_unplaced(tmp_path, lexicon):
    """The same table with a column no name settles (``得分`` beside 自评得分, ``备注``): no project is read — never
    one named by a header cell — and its rows stay 未识别 with the reason."""
    for extra in ("得分", "备注"):
        rows = [[*r, x] for r, x in zip(LIST_ROWS, [extra, "9", "", "8", "7"], strict=True)]
        (tmp_path / extra).mkdir()
        con = _load_docx_table(tmp_path / extra, rows)
        assert con.execute("SELECT count(*) FROM 项目").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM 绩效指标").fetchone() == (0,)
        reasons = [r[0] for r in con.execute("SELECT 原因 FROM 未识别 WHERE 原因 LIKE '%项目逐行列示%'").fetchall()]
        assert len(reasons) == 4 and all(extra in r for r in reasons)


def test_word_project_list_total_row_and_nameless_figures_stay_unplaced(tmp_path, lexicon):
    """A 合计 row is no project, and a row with a project's figures but no 项目名称 belongs to none: both stay
    未识别 while the projects around them are read."""
    rows = [*LIST_ROWS[:3], ["", "10.00", "9.00", "", "", "", "", ""], *LIST_ROWS[3:],
            ["合计", "175.00", "163.82", "", "", "", "", ""]]
    con = _load_docx_table(tmp_path, rows)
    assert con.execute("SELECT count(*) FROM 项目").fetchone() == (3,)
    assert con.execute("SELECT count(*) FROM 绩效指标").fetchone() == (4,)
    reasons = sorted(r[0] for r in con.execute("SELECT 原因 FROM 未识别 WHERE 原因 LIKE '%项目逐行列示%'").fetchall())
    assert len(reasons) == 2 and "合计" in reasons[0] and "没有项目名称" in reasons[1]



def test_fund_and_goal_rows_are_never_indicators(tmp_path, lexicon):
    """Trial 28u's Word report (written for the trial, kept as a fixture): its 自评表's 项目资金（万元） rows
    (年初预算数 | 全年预算数 | 全年执行数, then 1200.00 | 1230.00) and 年度总体目标 rows, in merged cells, were stored
    as indicators, and 哪些项目未完成 listed them as unmet with 原因：得分 / 原因：10."""
    from pathlib import Path

    report = Path(__file__).parent / "fixtures" / "雷山县农业农村局2023年度部门决算.docx"
    con = connect(tmp_path / "t.duckdb")
    assert load_file(con, report, lexicon).status == "loaded"
    levels = {r[0] for r in con.execute("SELECT 一级指标 FROM 绩效指标").fetchall()}
    con.close()
    assert {"产出指标", "成本指标"} <= levels and not any(w in v for v in levels for w in ("资金", "预算", "目标")), levels
    engine = Engine(open_readonly(tmp_path / "t.duckdb"), load_catalog(), lexicon)
    unmet = engine.ask("哪些项目未完成")
    assert unmet.status == "ok" and "亩均建设成本" in unmet.answer, unmet.answer
    assert "原因：得分" not in unmet.answer and "1200.00 指标值" not in unmet.answer, unmet.answer
