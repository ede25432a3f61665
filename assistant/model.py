"""Frozen values passed between the pipeline stages.

read → ``Document`` → parse → ``Report`` (``Fact``, ``Project``, ``Indicator`` …) → store.
Everything here is a plain value: tests compare them with ``==``.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


class JuesuanError(Exception):
    """An error the user caused or can fix; the message is Chinese and names the file or input."""


_OS_ERRORS = {
    errno.ENOENT: "文件或目录不存在", errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "只读文件系统",
    errno.ENOSPC: "磁盘空间不足", errno.EISDIR: "是目录", errno.ENOTDIR: "路径中有一段不是目录", errno.EEXIST: "已存在",
}


def os_error_text(e: OSError) -> str:
    """The reason of an OS error in Chinese (只读文件系统), or the system's own words for a rarer one."""
    return _OS_ERRORS.get(e.errno or 0) or e.strerror or str(e)


@dataclass(frozen=True)
class Line:
    """One line of a document; ``page`` is 1-based (0 when the format has no pages), ``no`` is 1-based."""

    text: str
    no: int
    page: int = 0
    # PDF only: (x0, x1) of each whitespace-separated token of ``text``, in order; () for text files
    boxes: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Document:
    path: str  # as given by the user
    name: str  # file name shown in 来源
    lines: tuple[Line, ...]
    encoding: str  # utf-8, gb18030, utf-16, docx, pdf …
    sha256: str  # of the raw bytes


@dataclass(frozen=True)
class Source:
    file: str
    line: int
    text: str  # the sentence or the table row
    page: int = 0

    @classmethod
    def of(cls, given: dict[str, Any]) -> Source:
        """A source from one entry of a 来源明细 list ({file, page, line, text}), as the question SQL returns it."""
        return cls(given["file"], given["line"], given["text"], given["page"] or 0)

    def label(self) -> str:
        where = f"第{self.page}页 第{self.line}行" if self.page else f"第{self.line}行"
        return f"{self.file} {where}：{self.text}"


@dataclass(frozen=True)
class Fact:
    """One figure (or one stated text such as a reason) about one item.

    ``表`` names the view family (收入 / 支出 / 三公 / 资产 / 概况); ``属性`` the column it fills
    (金额, 预算数, 完成预算比, 占比, 上年金额, 增减额, 增减率, 批次, 人次, 数量, 数值, 说明 …).
    """

    表: str
    科目: str
    属性: str
    数值: Decimal | None
    计量单位: str
    source: Source
    文本: str | None = None
    口径: str = ""
    类: str = ""
    款: str = ""
    项: str = ""
    上级科目: str = ""
    科目编码: str = ""
    原文科目: str = ""
    章节: str = "正文"  # 正文 / 附件 / 表
    来源类型: str = "narrative"  # narrative / table
    表名: str = ""  # the 公开表 a table fact comes from (收入决算表 …); "" for narrative facts


@dataclass(frozen=True)
class Indicator:
    """One 三级指标 row of a 绩效自评表."""

    项目编码: str
    项目名称: str
    一级指标: str
    二级指标: str
    三级指标: str
    指标性质: str  # ≥ ≤ ＝ 定性 …
    指标值: str
    度量单位: str
    完成值: str
    权重: Decimal | None
    得分: Decimal | None
    未完成原因: str
    source: Source


@dataclass(frozen=True)
class Fund:
    """One 资金来源 row (总额 / 财政资金 / …) of a project's 预算执行情况."""

    项目编码: str
    资金来源: str
    年初预算: Decimal | None
    调整后预算: Decimal | None
    执行数: Decimal | None
    执行率: Decimal | None
    权重: Decimal | None
    得分: Decimal | None
    原因: str
    source: Source
    项目名称: str = ""  # with 项目编码, the project the row belongs to (two projects may have no code)


@dataclass(frozen=True)
class Project:
    """One evaluated project (部门预算项目支出绩效自评表)."""

    项目编码: str
    项目名称: str
    主管部门: str
    实施单位: str
    年度目标: str
    完成情况: str
    实施内容: str
    评价结论: str
    存在问题: str
    改进措施: str
    项目负责人: str
    财务负责人: str
    总权重: Decimal | None
    总得分: Decimal | None
    source: Source


@dataclass(frozen=True)
class Passage:
    """A paragraph of the report's text with the headings it sits under (for questions answered in words)."""

    标题: str  # the nearest heading above it, numbering removed: 存在问题
    上级标题: str  # the enclosing 一、… section (or 第…部分): 评价结论及建议
    章节: str  # 正文 / 附件
    source: Source  # its first line; source.text is the whole paragraph


@dataclass(frozen=True)
class Term:
    """名词解释."""

    名词: str
    解释: str
    source: Source


@dataclass(frozen=True)
class Unplaced:
    """A number-bearing sentence or row the parser could not turn into facts (a load warning)."""

    reason: str
    source: Source


@dataclass(frozen=True)
class Discrepancy:
    """A stated figure that does not add up: a table total that is not the sum of its rows, a table
    cell that differs from another table, or a narrative figure that differs from the table (audit)."""

    rule: str  # e.g. 表内合计 / 表间一致 / 正文与表
    message: str
    difference: Decimal | None
    source: Source


@dataclass(frozen=True)
class Report:
    单位: str
    年度: int
    类型: str  # 部门决算 / 单位决算 …
    document: Document
    facts: tuple[Fact, ...] = ()
    projects: tuple[Project, ...] = ()
    funds: tuple[Fund, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    terms: tuple[Term, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()
    # number-bearing sentences / table rows seen (denominator of the coverage figure)
    numbered_units: int = 0
    skipped: tuple[Source, ...] = field(default=())  # chart data and other deliberately ignored blocks
    discrepancies: tuple[Discrepancy, ...] = ()
    passages: tuple[Passage, ...] = ()

    @property
    def coverage(self) -> float:
        if not self.numbered_units:
            return 1.0
        return 1.0 - len(self.unplaced) / self.numbered_units


@dataclass(frozen=True)
class Answer:
    """What ``ask`` returns; ``render`` turns it into text. JSON keys are stable (scripts depend on them)."""

    question: str
    status: str  # ok / no_data / not_understood
    question_type: str = ""
    params: tuple[tuple[str, object], ...] = ()
    sql: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    answer: str = ""
    sources: tuple[Source, ...] = ()
    suggestions: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    understood: str = ""  # how a follow-up was understood (理解为：…)
    why: tuple[str, ...] = ()  # matched words, for --why
    parts: tuple[Answer, ...] = ()  # 会议费多少，比上年增长多少: each question of the line, answered in turn
