"""Parse stage, table part: 部门预算项目支出绩效自评表 rows → ``Project``, ``Fund``, ``Indicator``.

Rows arrive as lists of cells (the text form writes one cell per tab-led line; a ``.docx`` table row
gives the same). Columns are found from each block's header row by name, so column order and
extra columns do not matter; an empty leading cell continues the merged cell above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .model import Fund, Indicator, Line, Project, Source, Unplaced
from .normalize import fold, to_decimal

Row = tuple[list[str], Line]

_FUND_COLS = {"年初预算": "年初预算", "调整后预算": "调整后预算", "全年预算": "调整后预算", "预算执行数": "执行数",
              "执行数": "执行数", "全年执行数": "执行数", "预算执行率": "执行率", "执行率": "执行率", "权重": "权重",
              "分值": "权重", "得分": "得分", "原因": "原因", "偏差原因": "原因"}
_IND_COLS = {"一级指标": "一级指标", "二级指标": "二级指标", "三级指标": "三级指标", "指标性质": "指标性质",
             "指标值": "指标值", "年度指标值": "指标值", "度量单位": "度量单位", "完成值": "完成值",
             "实际完成值": "完成值", "全年实际值": "完成值", "权重": "权重", "分值": "权重", "得分": "得分",
             "未完成原因分析": "未完成原因", "偏差原因分析": "未完成原因", "未完成原因": "未完成原因"}


@dataclass
class SelfEval:
    projects: list[Project] = field(default_factory=list)
    funds: list[Fund] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    numbered_rows: int = 0


def _columns(cells: list[str], names: dict[str, str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = re.sub(r"[（(].*?[）)]|\s", "", fold(cell))
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


def parse_selfeval(rows: list[Row], file: str) -> SelfEval:
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
    info: dict[str, str] = {}
    code = name = ""
    first = rows[0][1]
    mode = ""
    fund_cols: dict[str, int] = {}
    ind_cols: dict[str, int] = {}
    carry: list[str] = []
    for cells, line in rows:
        src = Source(file, line.no, " | ".join(c for c in cells if c), line.page)
        label = re.sub(r"\s", "", cells[0]) if cells else ""
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
        if "预算执行情况" in label or (not label and "年初预算" in "".join(cells)):
            fund_cols = _columns(cells, _FUND_COLS)
            mode = "fund"
            continue
        if label.startswith("绩效指标") or "一级指标" in cells:
            ind_cols = _columns(cells, _IND_COLS)
            mode = "ind"
            carry = []
            continue
        if label == "合计":
            nums = [c for c in cells[1:] if c]
            info["总权重"], info["总得分"] = [*nums, "", ""][:2]
            out.numbered_rows += 1
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
                _cell(cells, fund_cols.get("原因")), src))
            continue
        if mode == "ind":
            values = {k: _cell(cells, i) for k, i in ind_cols.items()}
            levels = [values.get("一级指标", ""), values.get("二级指标", ""), values.get("三级指标", "")]
            for k in range(3):
                if levels[k]:
                    carry = carry[:k] + levels[k:]
                    break
            # an empty cell continues the merged cell above, but only for the levels left of the first filled one
            filled = next((k for k in range(3) if levels[k]), 3)
            full = [(carry[k] if k < len(carry) else "") if k < filled else levels[k] for k in range(3)]
            if filled == 3:
                full[2] = ""
            if _has_number(cells) or any(values.get(k) for k in ("指标值", "完成值")):
                out.numbered_rows += 1
            out.indicators.append(Indicator(
                code, name, full[0], full[1], full[2], values.get("指标性质", ""), values.get("指标值", ""),
                values.get("度量单位", ""), values.get("完成值", ""), _num(values.get("权重", "")),
                _num(values.get("得分", "")), values.get("未完成原因", ""), src))
            continue
    if code or name:
        out.projects.append(Project(
            code, name, info.get("主管部门", ""), info.get("实施单位", ""), info.get("年度目标", ""),
            info.get("完成情况", ""), info.get("实施内容", ""), info.get("评价结论", ""), info.get("存在问题", ""),
            info.get("改进措施", ""), info.get("项目负责人", ""), info.get("财务负责人", ""),
            _num(info.get("总权重", "")), _num(info.get("总得分", "")),
            Source(file, first.no, f"{code}-{name}", first.page)))
    return out
