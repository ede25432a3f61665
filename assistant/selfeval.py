"""Parse stage, table part: 部门预算项目支出绩效自评表 rows → ``Project``, ``Fund``, ``Indicator``.

Rows arrive as lists of cells (the text form writes one cell per tab-led line; a ``.docx`` table row
gives the same). Columns are found from each block's header row by name, so column order and
extra columns do not matter; an empty leading cell continues the merged cell above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .model import Fund, Indicator, Line, Project, Source, Unplaced
from .normalize import fold, squeeze, to_decimal
from .tables import PAGE_NUMBER

Row = tuple[list[str], Line]

_FUND_COLS = {"年初预算": "年初预算", "调整后预算": "调整后预算", "全年预算": "调整后预算", "预算执行数": "执行数",
              "执行数": "执行数", "全年执行数": "执行数", "预算执行率": "执行率", "执行率": "执行率", "权重": "权重",
              "分值": "权重", "得分": "得分", "原因": "原因", "偏差原因": "原因"}
_IND_COLS = {"一级指标": "一级指标", "二级指标": "二级指标", "三级指标": "三级指标", "指标性质": "指标性质",
             "指标值": "指标值", "年度指标值": "指标值", "度量单位": "度量单位", "完成值": "完成值",
             "实际完成值": "完成值", "全年实际值": "完成值", "权重": "权重", "分值": "权重", "得分": "得分",
             "未完成原因分析": "未完成原因", "偏差原因分析": "未完成原因", "未完成原因": "未完成原因",
             "偏差原因": "未完成原因"}


@dataclass
class SelfEval:
    projects: list[Project] = field(default_factory=list)
    funds: list[Fund] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    numbered_rows: int = 0


def _label_key(cell: str) -> str:
    """``预算数（万元）`` → 预算数: a column name without its bracketed unit and spaces."""
    return re.sub(r"[（(].*?[）)]|\s", "", fold(cell))


def _columns(cells: list[str], names: dict[str, str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = _label_key(cell)
        for name, target in names.items():
            if key.startswith(name) and target not in cols:
                cols[target] = i
                break
    return cols


def _cell(cells: list[str], i: int | None) -> str:
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _num(text: str) -> Decimal | None:
    return to_decimal(text) if text else None


def _has_number(cells: list[str]) -> bool:
    return any(to_decimal(c) is not None for c in cells)


_KV_MONEY = frozenset({"年初预算", "调整后预算", "执行数"})
_PLACEHOLDER = frozenset({"—", "——", "-", "－", "--", "/", "／"})  # a cell that says "no figure"
_KV_PLACEHOLDER = _PLACEHOLDER | {""}


def _kv_label(cell: str) -> str | None:
    """``年初预算数（万元）`` → 年初预算: a fund column named whole (its name, or its name and 数), else None."""
    key = _label_key(cell)
    return next((t for n, t in _FUND_COLS.items() if key in (n, n + "数") and t != "原因"), None)


def _kv_value(cell: str, target: str) -> Decimal | bool:
    """A key–value fund cell's figure: ``400.00万元`` / ``65.00`` for the amounts, ``100.00%`` for 执行率, a bare
    number for 分值/得分; True for a blank or ``—`` (no figure), False when it is none of these."""
    text = squeeze(fold(cell))
    if text in _KV_PLACEHOLDER:
        return True
    if target in _KV_MONEY:
        text = re.sub(r"万元$", "", text)
        if "%" in text:
            return False
    elif target != "执行率" and "%" in text:
        return False
    value = to_decimal(text)
    return False if value is None else value


def _kv_fund(cells: list[str]) -> dict[str, Decimal] | None:
    """``年初预算数（万元） | 65.00 | 全年预算数（万元） | 70.00``, ``预算执行率 100.00% 分值 10 得分 10``: a fund
    row printed as label–figure pairs, every label a fund column and every figure its own. None otherwise."""
    cells = list(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    if len(cells) < 2 or len(cells) % 2:
        cells.append("")  # the last figure left blank
    if len(cells) < 2 or len(cells) % 2:
        return None
    out: dict[str, Decimal] = {}
    seen: set[str] = set()
    for label, cell in zip(cells[::2], cells[1::2], strict=True):
        target = _kv_label(label)
        if target is None or target in seen:
            return None
        seen.add(target)
        value = _kv_value(cell, target)
        if value is False:
            return None
        if isinstance(value, Decimal):
            out[target] = value
    return out if out else None


@dataclass
class _KvFund:
    """The 总额 a table states as key–value lines (``年初预算数 400.00万元`` …), gathered over its lines."""

    values: dict[str, Decimal] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    clash: bool = False

    def add(self, values: dict[str, Decimal], src: Source) -> None:
        if any(k in self.values and self.values[k] != v for k, v in values.items()):
            self.clash = True
        self.values.update(values)
        self.sources.append(src)

    def fund(self, code: str, name: str, out: SelfEval, taken: bool) -> None:
        """Adds the 总额 row to ``out``; unplaced when a figure was stated twice apart or a 总额 row is read already."""
        if not self.sources:
            return
        if self.clash or taken:
            for src in self.sources:
                out.numbered_rows += 1
                out.unplaced.append(Unplaced("绩效自评表：资金各项重复或冲突，未读取", src))
            return
        first = self.sources[0]
        src = Source(first.file, first.line, "；".join(s.text for s in self.sources), first.page)
        out.numbered_rows += len(self.sources)
        v = self.values
        out.funds.append(Fund(code, "总额", v.get("年初预算"), v.get("调整后预算"), v.get("执行数"), v.get("执行率"),
                              v.get("权重"), v.get("得分"), "", src, name))


def _word_ind_header(cells: list[str]) -> bool:
    """An indicator header with no 一级指标 column (``三级指标 | 年度指标值 | 实际完成值 | 得分 | 未完成原因``): every
    cell a known column, 三级指标 among them with a 指标值 or 完成值."""
    filled = [c for c in cells if c.strip()]
    t = _targets(filled, _IND_COLS) or []
    return len(t) == len(filled) and "三级指标" in t and bool({"指标值", "完成值"} & set(t))


def _word_totals(cells: list[str], cols: dict[str, int]) -> tuple[str, str] | None:
    """``合计 | 100 | 100`` → (总权重, 总得分); ``总分 | | | 91`` under a header whose 得分 is the fourth column →
    ("", 91): the figures by their column when they sit under 权重/得分, else two figures in that order."""
    filled = {i: c.strip() for i, c in enumerate(cells) if i and c.strip()}
    if not filled or not all(to_decimal(c) is not None for c in filled.values()):
        return None
    at = {i: k for k, i in cols.items() if k in ("权重", "得分")}
    if set(filled) <= set(at):
        got = {at[i]: c for i, c in filled.items()}
        return got.get("权重", ""), got.get("得分", "")
    if len(filled) == 2:
        first, second = filled.values()
        return first, second
    return None


# A Word table that lists the projects as rows (``项目名称 | 预算数（万元） | 执行数（万元） | 自评得分 | 绩效指标 |
# 目标值 | 实际完成值 | 偏差原因``): each project's row gives its figures and first indicator, the rows below with the
# project cells blank its further indicators. Read only when the header settles every column; a header cell is
# never a project's name.
_LIST_PROJECT = {"项目名称": "项目名称", "项目编码": "项目编码", "项目代码": "项目编码", "主管部门": "主管部门",
                 "实施单位": "实施单位", "预算数": "年初预算", "年初预算": "年初预算", "年初预算数": "年初预算",
                 "全年预算": "调整后预算", "全年预算数": "调整后预算", "调整后预算": "调整后预算",
                 "调整后预算数": "调整后预算", "执行数": "执行数", "全年执行数": "执行数", "预算执行数": "执行数",
                 "执行率": "执行率", "预算执行率": "执行率", "自评得分": "总得分", "项目得分": "总得分",
                 "总得分": "总得分", "综合得分": "总得分", "自评分": "总得分"}
_LIST_INDICATOR = {"一级指标": "一级指标", "二级指标": "二级指标", "三级指标": "三级指标", "绩效指标": "三级指标",
                   "指标名称": "三级指标", "指标性质": "指标性质", "度量单位": "度量单位", "目标值": "指标值",
                   "指标值": "指标值", "年度指标值": "指标值", "年度目标值": "指标值", "绩效目标值": "指标值",
                   "实际完成值": "完成值", "完成值": "完成值", "全年实际值": "完成值", "实际值": "完成值",
                   "偏差原因": "未完成原因", "偏差原因分析": "未完成原因", "未完成原因": "未完成原因",
                   "未完成原因分析": "未完成原因", "偏差原因分析及改进措施": "未完成原因"}
_LABELS = frozenset({*_FUND_COLS, *_IND_COLS, *_LIST_PROJECT, *_LIST_INDICATOR, "得分", "分值", "权重", "原因",
                     "资金来源", "项目资金", "预算执行情况", "年度总体目标", "总体目标", "序号"})


def _is_label(cell: str) -> bool:
    """``预算数（万元）``, ``执行数``, ``自评得分``, ``项目名称``: a column's name, never a project's."""
    key = _label_key(cell)
    return bool(key) and (key in _LABELS or key.removesuffix("数") in _LABELS or (key.endswith("得分") and len(key) <= 6))


def _list_header(cells: list[str]) -> dict[str, int] | str | None:
    """A project-list header (``项目名称`` then column names only) → its columns; a reason (str) when it names a
    column that does not settle; None when the row is no such header."""
    if not cells or _label_key(cells[0]) != "项目名称":
        return None
    rest = [c for c in cells[1:] if c.strip()]
    if not rest or not _is_label(rest[0]):
        return None
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = _label_key(cell)
        if not key:
            return "表头有空白列"
        target = _LIST_PROJECT.get(key) or _LIST_INDICATOR.get(key)
        if target is None:
            return f"表头列“{cell.strip()}”无法确定所指"
        if target in cols:
            return f"表头列“{cell.strip()}”与另一列重复"
        cols[target] = i
    ind = {t for t in cols if t in _LIST_INDICATOR.values()}
    if ind and "三级指标" not in ind:
        return "表头有指标列而没有指标名称列"
    return cols


def _list_unplaced(rows: list[Row], file: str, reason: str) -> SelfEval:
    out = SelfEval()
    for cells, line in rows:
        if _has_number(cells):
            out.numbered_rows += 1
            out.unplaced.append(Unplaced(f"绩效自评表（项目逐行列示）：{reason}，项目行无法确定，未读取",
                                         Source(file, line.no, " | ".join(c for c in cells if c), line.page)))
    return out


def _parse_list_table(rows: list[Row], file: str, head: int, cols: dict[str, int]) -> SelfEval:
    """The rows below a project-list header: a row with a 项目名称 starts a project (its figures, its first
    indicator); a row with every project cell blank adds an indicator to the project above."""
    out = SelfEval()
    project_cols = [t for t in cols if t in _LIST_PROJECT.values()]
    ind_cols = {t: i for t, i in cols.items() if t in _LIST_INDICATOR.values()}
    current: tuple[str, str] | None = None
    carry: list[str] = []
    width = max(cols.values()) + 1

    def bad(src: Source, why: str) -> None:
        out.numbered_rows += 1
        out.unplaced.append(Unplaced(f"绩效自评表（项目逐行列示）：{why}，未读取", src))

    header = [_label_key(c) for c in rows[head][0]]
    stopped = False
    for k, (cells, line) in enumerate(rows):
        src = Source(file, line.no, " | ".join(c for c in cells if c), line.page)
        if k == head or (k < head and not _has_number(cells)):
            continue
        if k < head:
            bad(src, "表头之前的行")
            continue
        values = {t: _cell(cells, i) for t, i in cols.items()}
        name = values["项目名称"]
        if name and all(_is_label(c) for c in cells if c.strip()):
            if [_label_key(c) for c in cells] != header:
                stopped = True  # another table's header: its rows are not this layout's
            continue  # else the header printed again (a page break)
        if stopped:
            if _has_number(cells):
                bad(src, "表头不同的另一表格")
            continue
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            bad(src, "该行的列多于表头")
            current = None
            continue
        if name and (_is_label(name) or re.sub(r"\s", "", name) in ("合计", "总计", "小计")):
            bad(src, f"“{name}”不是项目名称")
            current = None
            continue
        if not name and any(values.get(t) for t in project_cols):
            bad(src, "该行有项目的数而没有项目名称")
            current = None
            continue
        if name:
            m = re.match(r"^\s*([0-9A-Za-z]*\d[0-9A-Za-z]{5,})\s*[-－—_]\s*(.+)$", fold(name))
            code, pname = (m.group(1), m.group(2).strip()) if m and "项目编码" not in cols else (
                values.get("项目编码", ""), name)
            amounts = {t: _num(values.get(t, "")) for t in ("年初预算", "调整后预算", "执行数", "执行率", "总得分")}
            if any(values.get(t) and amounts[t] is None and values[t] not in _KV_PLACEHOLDER for t in amounts):
                bad(src, "该行的数无法读取")
                current = None
                continue
            current, carry = (code, pname), []
            out.projects.append(Project(
                code, pname, values.get("主管部门", ""), values.get("实施单位", ""), "", "", "", "", "", "", "", "",
                None, amounts["总得分"], Source(file, line.no, f"{code}-{pname}", line.page)))
            if any(amounts[t] is not None for t in ("年初预算", "调整后预算", "执行数", "执行率")):
                out.funds.append(Fund(code, "总额", amounts["年初预算"], amounts["调整后预算"], amounts["执行数"],
                                      amounts["执行率"], None, None, "", src, pname))
            if _has_number(cells):
                out.numbered_rows += 1
        elif current is None:
            if any(c.strip() for c in cells):
                bad(src, "该行不属于任何项目")
            continue
        ind = {t: values.get(t, "") for t in ind_cols}
        if not any(ind.values()):
            continue
        if not ind.get("三级指标"):
            bad(src, "该行指标没有名称")
            continue
        levels = [ind.get("一级指标", ""), ind.get("二级指标", ""), ind["三级指标"]]
        filled = next(k for k in range(3) if levels[k])
        levels = [(carry[k] if k < len(carry) else "") if k < filled else levels[k] for k in range(3)]
        carry = levels
        kind, value, unit, done = ind.get("指标性质", ""), ind.get("指标值", ""), ind.get("度量单位", ""), ind.get("完成值", "")
        if "指标性质" not in ind_cols and "度量单位" not in ind_cols:
            kind, value, unit, done = _target(value, done)
        if not name:
            out.numbered_rows += 1
        out.indicators.append(Indicator(current[0], current[1], levels[0], levels[1], levels[2], kind, value, unit, done,
                                        None, None, ind.get("未完成原因", ""), src))
    return out


def parse_selfeval(rows: list[Row], file: str) -> SelfEval:
    if rows and not rows[0][1].text.lstrip(" ").startswith("\t"):
        return _parse_row_table(rows, file)  # a PDF's row per line (found by ``find_row_tables``)
    out = SelfEval()
    if not rows or not any("项目名称" in r[0][0] for r in rows if r[0]):
        if rows:
            start = rows[0][1]
            src = Source(file, start.no, " | ".join(rows[0][0]), start.page)
            for cells, _ in rows:
                if _has_number(cells):
                    out.numbered_rows += 1
                    out.unplaced.append(Unplaced("表格未识别（不是绩效自评表）", src))
        return out
    for k, (cells, _) in enumerate(rows):
        header = _list_header(cells)
        if isinstance(header, dict):
            return _parse_list_table(rows, file, k, header)
        if header is not None:
            return _list_unplaced(rows, file, header)
    info: dict[str, str] = {}
    code = name = ""
    first = rows[0][1]
    mode = ""
    fund_cols: dict[str, int] = {}
    ind_cols: dict[str, int] = {}
    carry: list[str] = []
    kv = _KvFund()
    for cells, line in rows:
        src = Source(file, line.no, " | ".join(c for c in cells if c), line.page)
        label = re.sub(r"\s", "", cells[0]) if cells else ""
        if label == "项目名称" and len(cells) > 1 and _is_label(cells[1]):
            return _list_unplaced(rows, file, f"“{cells[1].strip()}”是列标题而不是项目名称")
        if label == "项目名称" and len(cells) > 1:
            m = re.match(r"^\s*([0-9A-Za-z]+)\s*[-－—_]\s*(.+)$", fold(cells[1]))
            code, name = (m.group(1), m.group(2).strip()) if m else ("", cells[1].strip())
            continue
        if label.startswith("主管部门"):
            info["主管部门"] = _cell(cells, 1)
            for i, c in enumerate(cells):
                if c.replace(" ", "").startswith("实施单位"):
                    info["实施单位"] = _cell(cells, i + 1)
            continue
        pairs = _kv_fund(cells) if mode != "ind" else None
        if pairs:  # ``年初预算数（万元） | 65.00 | 全年预算数（万元） | 70.00``
            kv.add(pairs, src)
            mode = ""
            continue
        if "预算执行情况" in label or (not label and "年初预算" in "".join(cells)):
            fund_cols = _columns(cells, _FUND_COLS)
            mode = "fund"
            continue
        if label.startswith("绩效指标") or "一级指标" in cells or _word_ind_header(cells):
            ind_cols = _columns(cells, _IND_COLS)
            mode = "ind"
            carry = []
            continue
        if label in ("合计", "总分"):
            totals = _word_totals(cells, ind_cols if mode == "ind" else {})
            out.numbered_rows += 1
            if totals is None:
                out.unplaced.append(Unplaced("绩效自评表：该行各列无法唯一确定，未读取", src))
            else:
                info["总权重"], info["总得分"] = totals
            continue
        if label in ("评价结论", "存在问题", "改进措施"):
            info[label] = _cell(cells, 1)
            mode = ""
            continue
        if label.startswith("项目负责人"):
            for c in cells:
                m = re.match(r"^\s*(项目负责人|财务负责人)[：:]\s*(.*)$", c)
                if m:
                    info[m.group(1)] = m.group(2).strip()
            continue
        if label.startswith("项目基本情况") or mode == "basic":
            mode = "basic"
            texts = [c for c in cells if c]
            if any("实施内容" in t for t in texts):
                info["实施内容"] = texts[-1] if not texts[-1].startswith("2.") else ""
            elif texts and texts[-2:] != ["项目年度目标", "年度目标完成情况"] and not any("目标完成情况" in t for t in texts):
                info["年度目标"] = _cell(cells, len(cells) - 2)
                info["完成情况"] = _cell(cells, len(cells) - 1)
            continue
        if mode == "fund" and len(cells) > 1:
            source_name = re.sub(r"^其中[：:]", "", cells[1].strip())
            if not source_name:
                continue
            if not _has_number(cells):
                continue  # 其他资金 with every cell empty
            out.numbered_rows += 1
            out.funds.append(Fund(
                code, source_name,
                _num(_cell(cells, fund_cols.get("年初预算"))), _num(_cell(cells, fund_cols.get("调整后预算"))),
                _num(_cell(cells, fund_cols.get("执行数"))), _num(_cell(cells, fund_cols.get("执行率"))),
                _num(_cell(cells, fund_cols.get("权重"))), _num(_cell(cells, fund_cols.get("得分"))),
                _cell(cells, fund_cols.get("原因")), src, name))
            continue
        if mode == "ind":
            values = {k: _cell(cells, i) for k, i in ind_cols.items()}
            levels = [values.get("一级指标", ""), values.get("二级指标", ""), values.get("三级指标", "")]
            for k in range(3):
                if levels[k]:
                    carry = [*carry, "", "", ""][:k] + levels[k:]
                    break
            # an empty cell continues the merged cell above, but only for the levels left of the first filled one
            filled = next((k for k in range(3) if levels[k]), 3)
            full = [(carry[k] if k < len(carry) else "") if k < filled else levels[k] for k in range(3)]
            if filled == 3:
                full[2] = ""
            if _has_number(cells) or any(values.get(k) for k in ("指标值", "完成值")):
                out.numbered_rows += 1
            kind, value, unit, done = (values.get("指标性质", ""), values.get("指标值", ""), values.get("度量单位", ""),
                                       values.get("完成值", ""))
            if "指标性质" not in ind_cols and "度量单位" not in ind_cols:
                kind, value, unit, done = _target(value, done)  # ``≥6个`` / ``5个`` as the row layout reads them
            out.indicators.append(Indicator(
                code, name, full[0], full[1], full[2], kind, value, unit, done, _num(values.get("权重", "")),
                _num(values.get("得分", "")), values.get("未完成原因", ""), src))
            continue
    kv.fund(code, name, out, any(f.资金来源 == "总额" for f in out.funds))
    if code or name:
        out.projects.append(Project(
            code, name, info.get("主管部门", ""), info.get("实施单位", ""), info.get("年度目标", ""),
            info.get("完成情况", ""), info.get("实施内容", ""), info.get("评价结论", ""), info.get("存在问题", ""),
            info.get("改进措施", ""), info.get("项目负责人", ""), info.get("财务负责人", ""),
            _num(info.get("总权重", "")), _num(info.get("总得分", "")),
            Source(file, first.no, f"{code}-{name}", first.page)))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Row layout. A PDF extraction prints each table row on one line, its cells parted by spaces:
#   项目名称  河道堤防维修养护
#   主管部门  郑州市水利局      实施单位  郑州市河道管理中心
#   项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分
#   年度资金总额  1,900.00  1,900.00  1,865.31  10  98.17%  9.82
#   一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施
#   产出指标  时效指标  按期完工率  ≥95%  88%  10  7.68  受汛期持续降雨影响，2个标段工期顺延
#   总分  100  92.50
# A blank cell (the merged 一级指标 below its group's first row) leaves no trace in such a line, and the
# parting may be one space or two; so a row is read under each parting, right to left from the header's
# number columns, and kept only when exactly one reading fits. Anything else stays unplaced.

_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])")
_NOISE = re.compile(rf"^(?:{PAGE_NUMBER.pattern}|\d{{1,3}}|[（(]\d{{4}}年度?[）)]|单位[：:]万元)$")
_HEAD_LABELS = ("项目名称", "项目编码", "主管部门", "实施单位", "项目资金", "资金来源", "年度资金总额", "资金总额", "其中",
                "当年财政拨款", "财政拨款", "上年结转", "其他资金", "年度总体目标", "总体目标", "绩效指标", "一级指标")
_TOTAL_LABELS = ("总分", "合计", "总计")
_FUND_TOTAL = ("年度资金总额", "资金总额", "项目资金总额", "总额", "合计", "总计")  # the row the 项目 view joins as 总额
_TOP_ONLY = frozenset({"产出指标", "效益指标", "满意度指标"})  # 一级 names never printed as a 二级 (成本指标 is both)
_LEVELS = ("一级指标", "二级指标", "三级指标")
_TEXTS = frozenset({"指标性质", "指标值", "度量单位", "完成值"})
_OP = r"(≥|≤|>=|<=|＞|＜|>|<|＝|=|≧|≦)"
_NUMBER = r"([+-]?\d[\d,]*(?:\.\d+)?)"


@dataclass(frozen=True)
class RowTables:
    """The 绩效自评表 a PDF printed a row per line: the line indexes they take (kept from the narrative), and
    their rows, one block per project (each row's cells parted by two or more spaces)."""

    lines: frozenset[int]
    blocks: tuple[tuple[Row, ...], ...]


@dataclass(frozen=True)
class _IndColumns:
    """An indicator header in its four parts: ``一级指标 二级指标 三级指标 | 年度指标值 实际完成值 | 分值 得分 | 偏差原因…``."""

    levels: tuple[str, ...]
    texts: tuple[str, ...]
    numbers: tuple[str, ...]
    reason: bool


@dataclass(frozen=True)
class _FundColumns:
    """A fund header after its label cell: ``项目资金（万元） | 年初预算数 全年预算数 全年执行数 分值 执行率 得分 | 原因``."""

    numbers: tuple[str, ...]
    reason: bool


def _text(line: Line) -> str:
    return line.text.replace("\f", "").strip()


def _key(text: str) -> str:
    return squeeze(fold(text))


def _partings(text: str) -> list[list[str]]:
    """``a  b c`` → ``[[a, "b c"], [a, b, c]]``: cells parted by two or more spaces, then by every space."""
    wide = [c for c in re.split(r"\s{2,}", text.strip()) if c]
    narrow = text.split()
    return [wide] if wide == narrow else [wide, narrow]


def _is_noise(text: str) -> bool:
    """A blank line, a page number (``— 19 —``, ``- 19 -``), the year line under the title, ``单位：万元``."""
    return not text or bool(_NOISE.match(_key(text)))


def _is_title(text: str) -> bool:
    key = _key(text)
    return "绩效自评表" in key and len(key) <= 40 and not key.endswith("。")


def _is_name_row(text: str) -> bool:
    return bool(re.match(r"^项目名称(?:\s+|[：:]\s*)\S", fold(text)))


def _tab_led(line: Line) -> bool:
    return line.text.lstrip(" ").startswith("\t")


def _is_row(text: str) -> bool:
    """A table row of figures: three cells or more, one of them a number (``产出指标 数量指标 … 20 20``)."""
    cells = text.split()
    return len(cells) >= 3 and any(to_decimal(c) is not None for c in cells)


def _next_text(lines: list[Line], k: int, skip: set[int]) -> str:
    while k < len(lines) and k not in skip and not _tab_led(lines[k]):
        if not _is_noise(_text(lines[k])):
            return _text(lines[k])
        k += 1
    return ""


def _title_name(text: str) -> str:
    """``农村基础设施建设项目绩效自评表`` → 农村基础设施建设项目: the project a title names; "" for a title that names
    none (``项目支出绩效自评表``, ``附表：部门预算项目支出绩效自评表（2024年度）``, ``部门整体支出绩效自评表``)."""
    key = _key(text) if _is_title(text) else ""
    m = re.match(r"^(?:附[表件]\d*[：:]?)?(?:\d{4}年度?)?(.*?)绩效自评表(?:[（(]\d{4}年度?[）)])?$", key)
    name = m.group(1) if m else ""
    generic = r"(?:\d{4}年度?)?(?:部门预算|部门|单位|部门整体|整体)?(?:项目支出|项目|整体支出|支出)?"
    if re.fullmatch(generic, name) or re.search(r"[：:，,。；;]", name) or len(name) > 30:
        return ""
    return name


def _opens_body(text: str) -> bool:
    """A line that opens a 自评表's body: 主管部门/实施单位, a fund header or a key–value fund line."""
    key = _key(text)
    return key.startswith(("主管部门", "实施单位", "项目资金", "资金来源")) or _kv_line(text) is not None or bool(
        re.match(r"^(?:年初预算|全年预算|调整后预算|预算执行)", key))


def _starts_table(lines: list[Line], i: int, skip: set[int]) -> bool:
    """A ``项目名称`` row printed on one line, or the table's title right above one (``项目支出绩效自评表``), or a
    title that names the project (``农村基础设施建设项目绩效自评表``) right above the table's body."""
    text = _text(lines[i])
    if _tab_led(lines[i]) or not text or not (_is_name_row(text) or _is_title(text)):
        return False
    after = _next_text(lines, i + 1, skip)
    return _is_name_row(text) or _is_name_row(after) or (bool(_title_name(text)) and _opens_body(after))


def _belongs(text: str, mode: str, lines: list[Line], j: int, skip: set[int]) -> bool:
    """Whether a line not labelled as a table row still is one: a figures row under a header, the wrapped
    text of 年度总体目标, or a wrapped reason (a line without cells) when the table goes on below it."""
    if mode != "ind" and _key(text).startswith(_HEAD_LABELS):
        return True
    if mode != "ind" and _kv_line(text) is not None:
        return True
    if mode == "goal":
        return True
    if mode == "fund":
        return len(text.split()) >= 2 and any(to_decimal(c) is not None or c in _PLACEHOLDER for c in text.split())
    if mode == "ind":
        if _is_row(text) or _key(text).startswith((*_TOTAL_LABELS, "一级指标", "绩效指标")):
            return True
        after = _next_text(lines, j + 1, skip)
        return len(text.split()) == 1 and (_is_row(after) or _key(after).startswith(_TOTAL_LABELS))
    return False


def _kv_line(text: str) -> dict[str, Decimal] | None:
    """A key–value fund line (``预算执行率 100.00% 分值 10 得分 10``) read the same under every parting that reads it."""
    found = [r for r in (_kv_fund(cells) for cells in _partings(text)) if r is not None]
    return found[0] if found and all(r == found[0] for r in found) else None


def _mode(text: str, mode: str) -> str:
    """The part of the table a line opens; an indicator named 预算执行率 opens none."""
    key = _key(text)
    if key.startswith(("一级指标", "绩效指标")):
        return "ind"
    if mode == "ind":
        return mode
    if key.startswith(("年度总体目标", "总体目标")):
        return "goal"
    if re.search(r"年初预算|全年预算|调整后预算|预算执行", key):
        return "fund"
    return mode


def _take_table(lines: list[Line], start: int, skip: set[int]) -> tuple[int, tuple[Row, ...]]:
    """The rows of one project's table from ``start``, and the index after its last row. It ends at its 总分 row,
    at the next project's 项目名称 or title, at a heading, or at a line that is no row of it."""
    rows: list[Row] = []
    named, name_row, mode, end, j = False, False, "head", start, start
    while j < len(lines) and j not in skip and not _tab_led(lines[j]):
        text = _text(lines[j])
        if _is_noise(text):
            j += 1
            continue
        if _is_title(text) or _is_name_row(text):
            if named and (name_row or _is_title(text)):
                break  # the next project's table
            name_row = _is_name_row(text)
            named = named or name_row or bool(_title_name(text))
        elif _HEADING.match(text) or not _belongs(text, mode, lines, j, skip):
            break
        if named:
            rows.append((_partings(text)[0], lines[j]))
        mode = _mode(text, mode)
        end = j = j + 1
        if mode == "ind" and _key(text).startswith(_TOTAL_LABELS):
            break
    return end, tuple(rows)


def find_row_tables(lines: list[Line], skip: set[int]) -> RowTables:
    """The 绩效自评表 printed a row per line, outside the lines in ``skip`` (the 公开表)."""
    taken: set[int] = set()
    blocks: list[tuple[Row, ...]] = []
    i = 0
    while i < len(lines):
        if i in skip or not _starts_table(lines, i, skip):
            i += 1
            continue
        end, rows = _take_table(lines, i, skip)
        if not any(_mode(_text(line), "head") != "head" for _, line in rows):
            i += 1  # ``项目名称 金额`` heads a list of projects, not a 自评表: no fund or indicator header below
            continue
        taken.update(range(i, end))
        blocks.append(rows)
        i = end
    return RowTables(frozenset(taken), tuple(blocks))


def _targets(cells: list[str], names: dict[str, str]) -> list[str] | None:
    """A header's columns by name, its leading label cells (``项目资金（万元）``, ``绩效指标``) dropped; None when
    a later cell is not a known column or a column comes twice."""
    out: list[str] = []
    for cell in cells:
        key = _label_key(cell)
        target = next((t for n, t in names.items() if key.startswith(n)), None)
        if target is None and out:
            return None
        if target is not None:
            if target in out:
                return None
            out.append(target)
    return out or None


def _ind_columns(text: str) -> _IndColumns | None:
    for cells in _partings(text):
        t = _targets(cells, _IND_COLS)
        if not t:
            continue
        reason = t[-1] == "未完成原因"
        body = t[:-1] if reason else t
        levels = tuple(x for x in body if x in _LEVELS)
        texts = tuple(x for x in body if x in _TEXTS)
        numbers = tuple(x for x in body if x in ("权重", "得分"))
        if levels and levels[-1] == "三级指标" and numbers and list(body) == [*levels, *texts, *numbers]:
            return _IndColumns(levels, texts, numbers, reason)
    return None


def _fund_columns(text: str) -> _FundColumns | None:
    for cells in _partings(text):
        t = _targets(cells, _FUND_COLS)
        if not t:
            continue
        reason = t[-1] == "原因"
        body = tuple(t[:-1] if reason else t)
        if body and "原因" not in body:
            return _FundColumns(body, reason)
    return None


def _numeric(cell: str) -> bool:
    return to_decimal(cell) is not None or cell in _PLACEHOLDER


def _split_tail(cells: list[str], numbers: int, reason: bool) -> tuple[list[str], list[str], str] | None:
    """``[…, 10, 7.68, 受汛期…]`` → (cells before the numbers, the numbers, the reason): the reason is the text
    after the last number cell (only where the header has a reason column)."""
    end = len(cells)
    while reason and end > 0 and not _numeric(cells[end - 1]):
        end -= 1
    if end < numbers or not all(_numeric(c) for c in cells[end - numbers:end]):
        return None
    return cells[:end - numbers], cells[end - numbers:end], " ".join(cells[end:])


def _is_category(cell: str) -> bool:
    """An 一级/二级 name: ``产出指标``, ``社会效益指标``, ``服务对象满意度指标``."""
    return cell.endswith("指标") and len(cell) <= 12


def _second_level(levels: tuple[str, ...]) -> bool:
    """A 二级 name printed without 指标 (``服务对象满意度``): taken only on a row that prints all three levels, its 一级
    one that is never a 二级 (产出/效益/满意度指标)."""
    return len(levels) == 3 and levels[0] in _TOP_ONLY and len(levels[1]) <= 12 and not _numeric(levels[1])


def _ind_reading(cells: list[str], cols: _IndColumns, carry: tuple[str, ...]) -> tuple[str, ...] | None:
    """One parting's reading of an indicator row: levels (the blank leading ones from ``carry``), texts,
    numbers and reason, or None when the cells do not fit the header."""
    split = _split_tail(cells, len(cols.numbers), cols.reason)
    if split is None:
        return None
    head, numbers, reason = split
    if len(head) <= len(cols.texts):
        return None
    printed, texts = head[:len(head) - len(cols.texts)], head[len(head) - len(cols.texts):]
    missing = len(cols.levels) - len(printed)
    if missing < 0 or missing > len(carry) or any(_is_category(t) for t in texts):
        return None
    levels = (*carry[:missing], *printed)
    loose = not missing and _second_level(levels)
    if _is_category(levels[-1]) or not all(_is_category(c) or (i == 1 and loose) for i, c in enumerate(levels[:-1])):
        return None
    if missing and printed[0] in _TOP_ONLY and len(printed) > 1:
        return None  # ``产出指标 按期完工率 …`` is never 二级=产出指标
    return (*levels, *texts, *numbers, reason)


def _unique(readings: list[tuple[str, ...] | None]) -> tuple[str, ...] | None:
    found = {r for r in readings if r is not None}
    return found.pop() if len(found) == 1 else None


def _target(value: str, done: str) -> tuple[str, str, str, str]:
    """``≥120公里`` / ``126公里`` → (``≥``, ``120``, ``公里``, ``126``): split only when the 完成值 is a number in
    the same unit; otherwise both as printed, with no 指标性质, so that 是否完成 stays unknown."""
    m = re.match(rf"^{_OP}\s*{_NUMBER}\s*(\S*)$", value)
    d = re.match(rf"^{_NUMBER}\s*(\S*)$", done)
    if not m or not d or d.group(2) not in ("", m.group(3)):
        return "", value, "", done
    return m.group(1), m.group(2), m.group(3), d.group(1)


def _after_label(text: str, label: str) -> str:
    return re.sub(rf"^\s*{label}[：:]?\s*", "", text).strip()


@dataclass
class _RowReader:
    """Reads one project's rows (row layout); mutable only while the block is read."""

    file: str
    out: SelfEval = field(default_factory=SelfEval)
    info: dict[str, str] = field(default_factory=dict)
    mode: str = ""
    fund: _FundColumns | None = None
    ind: _IndColumns | None = None
    carry: tuple[str, ...] = ()
    code: str = ""
    name: str = ""
    name_line: Line | None = None
    goal: list[str] = field(default_factory=list)
    kv: _KvFund = field(default_factory=_KvFund)

    def src(self, line: Line) -> Source:
        return Source(self.file, line.no, _text(line), line.page)

    def unplaced(self, line: Line) -> None:
        self.out.numbered_rows += 1
        self.out.unplaced.append(Unplaced("绩效自评表：该行各列无法唯一确定，未读取", self.src(line)))

    def row(self, line: Line) -> None:
        text = _text(line)
        key = _key(text)
        if _is_title(text):
            if not self.name and _title_name(text):  # named by its title; a 项目名称 row below names it again
                self.name, self.name_line = _title_name(text), line
            return
        if _is_name_row(text):
            self.name_row(text, line)
        elif key.startswith("项目编码") and not self.code:  # ``项目编码  4101230001`` on a row of its own
            self.code = _after_label(fold(text), "项目编码")
        elif key.startswith(("主管部门", "实施单位")):
            self.pairs(text)
        elif key.startswith(("年度总体目标", "总体目标")):
            self.mode = "goal"
            self.goal.append(_after_label(text, r"(?:年度)?总体目标"))
        elif self.mode != "ind" and (pairs := _kv_line(text)):  # ``年初预算数 400.00万元``
            self.kv.add(pairs, self.src(line))
            self.mode = ""
        elif self.mode != "ind" and re.search(r"年初预算|全年预算|调整后预算|预算执行", key):
            self.fund, self.mode = _fund_columns(text), "fund"
        elif key.startswith(("一级指标", "绩效指标")):
            self.ind, self.mode = _ind_columns(text), "ind"
        elif self.mode == "goal":
            self.goal.append(text)
        elif self.mode == "fund":
            self.fund_row(text, line)
        elif self.mode == "ind" and key.startswith(_TOTAL_LABELS):
            self.total_row(text, line)
        elif self.mode == "ind":
            self.ind_row(text, line)

    def name_row(self, text: str, line: Line) -> None:
        """``项目名称  河道堤防维修养护``, ``项目名称  51081124Y000011414822-工商企业联席经费``,
        ``项目名称  河道堤防维修养护  项目编码  4101…``."""
        rest = _after_label(fold(text), "项目名称")
        rest = re.sub(r"\s+(?:项目性质|项目类别|项目类型|项目负责人|联系电话)[：:]?\s.*$", "", rest)
        coded = re.match(r"^(.+?)\s+项目编码[：:]?\s*([0-9A-Za-z]+)$", rest)
        m = re.match(r"^([0-9A-Za-z]*\d[0-9A-Za-z]{5,})(?:\s*[-－—_]\s*|\s+)(\S.*)$", rest)
        if coded:
            self.name, self.code = coded.group(1).strip(), coded.group(2)
        elif m:
            self.code, self.name = m.group(1), m.group(2).strip()
        else:
            self.name = rest
        self.name_line = line

    def pairs(self, text: str) -> None:
        """``主管部门  郑州市水利局      实施单位  郑州市河道管理中心`` (or ``主管部门：…``)."""
        for cells in _partings(re.sub(r"(主管部门|实施单位)[：:]", r"\1  ", text)):
            found = {c: cells[i + 1] for i, c in enumerate(cells[:-1]) if c in ("主管部门", "实施单位")
                     and cells[i + 1] not in ("主管部门", "实施单位")}
            if found:
                self.info.update(found)
                return

    def fund_row(self, text: str, line: Line) -> None:
        """``年度资金总额  1,900.00  1,900.00  1,865.31  10  98.17%  9.82``; ``其中：当年财政拨款 … —``."""
        cols = self.fund
        readings: list[tuple[str, ...] | None] = []
        for cells in _partings(text):
            split = _split_tail(cells, len(cols.numbers), cols.reason) if cols else None
            if split and split[0] and not any(_numeric(c) for c in split[0]):
                readings.append(("".join(split[0]), *split[1], split[2]))
            else:
                readings.append(None)
        reading = _unique(readings)
        if cols is None or reading is None:
            self.unplaced(line)
            return
        if not any(to_decimal(c) is not None for c in reading[1:-1]):
            return  # ``上年结转资金  —  —  —``: no figure stated (as the tab-led form skips it)
        label = re.sub(r"^其中[：:]?", "", reading[0])
        label = "总额" if label in _FUND_TOTAL else label
        values = dict(zip(cols.numbers, (_num(c) for c in reading[1:-1]), strict=True))
        self.out.numbered_rows += 1
        self.out.funds.append(Fund(
            self.code, label, values.get("年初预算"), values.get("调整后预算"), values.get("执行数"),
            values.get("执行率"), values.get("权重"), values.get("得分"), reading[-1], self.src(line), self.name))

    def total_row(self, text: str, line: Line) -> None:
        """``总分  100  92.50``: the 分值 and 得分 of the whole table."""
        numbers = [c for c in text.split()[1:] if to_decimal(c) is not None]
        if len(numbers) != 2 or len(text.split()) - 1 != len([c for c in text.split()[1:] if _numeric(c)]):
            self.unplaced(line)
            return
        self.out.numbered_rows += 1
        order = self.ind.numbers if self.ind and len(self.ind.numbers) == 2 else ("权重", "得分")
        totals = dict(zip(order, numbers, strict=True))
        self.info["总权重"], self.info["总得分"] = totals["权重"], totals["得分"]

    def ind_row(self, text: str, line: Line) -> None:
        cols = self.ind
        last = self.out.indicators[-1] if self.out.indicators else None
        if len(text.split()) == 1 and last and last.未完成原因 and to_decimal(text) is None:
            self.out.indicators[-1] = replace(last, 未完成原因=last.未完成原因 + text)  # a wrapped reason
            return
        reading = _unique([_ind_reading(c, cols, self.carry) for c in _partings(text)]) if cols else None
        if cols is None or reading is None:
            self.unplaced(line)
            return
        n = len(cols.levels)
        self.carry = reading[:n]
        levels = dict(zip(cols.levels, reading[:n], strict=True))
        texts = dict(zip(cols.texts, reading[n:n + len(cols.texts)], strict=True))
        numbers = dict(zip(cols.numbers, reading[n + len(cols.texts):-1], strict=True))
        if "指标性质" in texts:
            kind, value, done = texts["指标性质"], texts.get("指标值", ""), texts.get("完成值", "")
            unit = texts.get("度量单位", "")
        else:
            kind, value, unit, done = _target(texts.get("指标值", ""), texts.get("完成值", ""))
        self.out.numbered_rows += 1
        self.out.indicators.append(Indicator(
            self.code, self.name, levels.get("一级指标", ""), levels.get("二级指标", ""), levels["三级指标"], kind, value,
            unit or texts.get("度量单位", ""), done, _num(numbers.get("权重", "")), _num(numbers.get("得分", "")),
            reading[-1], self.src(line)))

    def goals(self) -> tuple[str, str]:
        """``完成年度目标：…。实际完成情况：…。`` → (年度目标, 完成情况); or the 预期目标 / 实际完成情况 row."""
        if len(self.goal) == 2 and _key(self.goal[0]) == "预期目标实际完成情况":
            cells = _partings(self.goal[1])[0]
            return (cells[0], cells[1]) if len(cells) == 2 else ("", "")
        text = "".join(t.strip() for t in self.goal)
        target, said, done = text.partition("实际完成情况")
        target = re.sub(r"^[^：:。]{0,8}目标[：:]", "", target).strip()
        return (target, done.lstrip("：:").strip()) if said else (text, "")

    def project(self) -> Project | None:
        line = self.name_line
        if line is None:
            return None
        target, done = self.goals()
        info = self.info
        return Project(self.code, self.name, info.get("主管部门", ""), info.get("实施单位", ""), target, done, "", "", "",
                       "", "", "", _num(info.get("总权重", "")), _num(info.get("总得分", "")), self.src(line))


def _parse_row_table(rows: list[Row], file: str) -> SelfEval:
    reader = _RowReader(file)
    for _, line in rows:
        reader.row(line)
    reader.kv.fund(reader.code, reader.name, reader.out, any(f.资金来源 == "总额" for f in reader.out.funds))
    project = reader.project()
    if project:
        reader.out.projects.append(project)
    return reader.out
