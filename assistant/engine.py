"""Stage 6 — run: a ``Match`` → bound SQL from ``sql/questions`` → ``Answer``.

The engine holds one read-only connection with external access disabled, the catalog, and a
matcher whose vocabulary comes from the names in the database. Question text never becomes SQL
text: it only selects a file and fills named parameters.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb

from .catalog import QuestionType, load_catalog
from .lexicon import Lexicon, load_lexicon
from .match import (
    ACROSS_DEPARTMENTS,
    MEASURES,
    POOLED_SUM,
    Match,
    Matcher,
    asks_for,
    build_vocabulary,
    says_every_department,
    strip_fillers,
)
from .model import Answer, JuesuanError, Source

# a figure not found is never said to be undisclosed: the loader may have missed what the report prints
NOT_READ = "（报告中未列示，或未能从报告中读出）"
MAX_QUESTION = 500  # characters; longer questions are refused before matching
SAFE_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
PERCENT_COLS = {"占比", "增减率", "完成预算比", "推算完成比", "执行率"}
AMOUNT_COLS = {"金额", "上年金额", "增减额", "预算数", "全年预算数", "决算数", "年初预算", "调整后预算", "执行数", "上年决算数",
               "推算预算数"}
SIGNED_COLS = {"增减额", "增减率"}
SCORE_COLS = {"得分", "权重", "总得分", "总权重"}
READ_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA", "CALL", "PREPARE", "EXECUTE", "MULTI"}  # what raw SQL may run
HIDDEN_COLS = {"来源", "来源明细", "序号", "报告ID", "计量单位", "推算说明", "变化说明", "字段名", "章节", "目标", "出处"}


NOTHING_LOADED = "数据库中还没有载入任何报告；先用 juesuan load 文件 载入报告"


def open_readonly(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A connection on which user-supplied SQL cannot write, attach, copy, read files or load extensions."""
    p = Path(path)
    if not p.exists():
        raise JuesuanError(f"{p}：数据库不存在；先用 juesuan load 载入报告")
    from .store import path_problem

    problem = path_problem(p, write=False)
    if problem:
        raise JuesuanError(problem)
    try:
        con = duckdb.connect(str(p), read_only=True, config=dict(SAFE_CONFIG))
        with contextlib.suppress(duckdb.InvalidInputException):  # already locked by another connection here
            con.execute("SET lock_configuration = true")
        con.execute("SELECT 1 FROM 报告 LIMIT 1")
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise JuesuanError(f"{p}：数据库正被另一个进程写入（例如正在载入），请稍后再试") from e
        raise JuesuanError(f"{p}：无法打开数据库（文件损坏或不是 DuckDB 数据库）；可删除后用 juesuan load 重建") from e
    except duckdb.CatalogException as e:
        raise JuesuanError(f"{p}：这不是 juesuan 数据库（没有“报告”视图）；可删除后用 juesuan load 重建") from e
    except duckdb.Error as e:
        raise JuesuanError(f"{p}：无法打开数据库（文件损坏或不是 DuckDB 数据库）；可删除后用 juesuan load 重建") from e
    return con


# the tables of all of a department's funds: their totals are one measure (本年收入合计 in 收入决算表 beside
# 本年支出合计 in 支出决算表), unlike a 财政拨款 table's beside them
_ALL_FUNDS = dict.fromkeys(("收入支出决算总表", "收入决算表", "支出决算表"), "全部资金的决算表")


def figures_by_unit(answers: list[Answer], *same: str) -> dict[str, list[tuple[str, Decimal, tuple[str, ...]]]]:
    """Each department's figures in ``answers``: (item, figure, where it stands — measure, 章节, 表名 and the
    columns ``same`` names, which must not be empty)."""
    figures: dict[str, list[tuple[str, Decimal, tuple[str, ...]]]] = {}
    for a in answers:
        for r in a.rows:
            row = dict(zip(a.columns, r, strict=True))
            if row.get("值") is not None and all(row.get(c) for c in same):
                table = _ALL_FUNDS.get(str(row.get("表名") or ""), str(row.get("表名") or ""))
                where = (str(row.get("计量单位") or ""), str(row.get("章节") or ""), table,
                         *(str(row.get(c) or "") for c in same))
                figures.setdefault(str(row["单位"]), []).append((str(row["科目"]), Decimal(str(row["值"])), where))
    return figures


def _two_figures(answers: list[Answer]) -> list[tuple[str, str, Decimal, str, Decimal, str]]:
    """For each department with exactly one figure of each of two items, in one measure, from one part of the
    report (same 章节 and 表名): (who, item 1, figure 1, item 2, figure 2, measure). ``who`` is empty when there is
    one department."""
    figures = figures_by_unit(answers)
    return [(f"{unit}：" if len(figures) > 1 else "", one, x, two, y, where[0])
            for unit, got in figures.items() if len(got) == 2 and got[0][0] != got[1][0] and got[0][2] == got[1][2]
            for (one, x, where), (two, y, _) in [got]]


def _which_more(answers: list[Answer]) -> str:
    """``会议费和差旅费哪个多``: which item is larger, and by how much."""
    said = [f"{who}{one}与{two}相等" if x == y else f"{who}{one if x > y else two}多，多{fmt_number(abs(x - y), unit=unit)}"
            for who, one, x, two, y, unit in _two_figures(answers)]
    return "；".join(said) + "。" if said else ""


def _added_up(answers: list[Answer]) -> str:
    """``办公费和印刷费合计多少`` (or 物业管理费 → 电费呢 → 水费呢 → 一共多少): items of one classification (口径), each
    with one figure of one measure from one part of the report (same 章节 and 表名), added up for each department."""
    figures = figures_by_unit(answers, "口径")
    said = [f"{unit + '：' if len(figures) > 1 else ''}{'、'.join(x[0] for x in got[:-1])}与{got[-1][0]}合计"
            f"{fmt_number(sum((x[1] for x in got), Decimal(0)), unit=got[0][2][0])}"
            for unit, got in figures.items() if len(got) == len(answers) and len({x[0] for x in got}) == len(got)
            and len({x[2] for x in got}) == 1]
    return "；".join(said) + "。" if said else ""


def _departments_added(answers: list[Answer]) -> str:
    """``财政局和规划局的机关运行经费合计``: one figure of each department, in one measure and one 口径, added up."""
    rows = [[row for row in (dict(zip(a.columns, r, strict=True)) for r in a.rows) if row.get("值") is not None]
            for a in answers]
    if any(len(got) != 1 for got in rows):
        return ""
    one, *others = (got[0] for got in rows)
    if any(one.get(c) != o.get(c) for o in others for c in ("科目", "计量单位", "口径", "年度")):
        return ""
    total = sum((Decimal(str(got[0]["值"])) for got in rows), Decimal(0))
    count = "两" if len(rows) == 2 else str(len(rows))
    return f"{count}个部门{one['科目']}合计{fmt_number(total, unit=str(one['计量单位']))}。".replace("合计合计", "合计")


_NOT_ADDED = "这几个数口径或出处不同，或一项包含另一项，不能直接相加；以上分别列出。"
_SUM_WORDS = re.compile(r"合计|加起来|一共|总共|共计|总和|加总|之和|相加")


def fmt_number(value: Any, column: str = "", unit: str = "") -> str:
    """Exact, unit-aware formatting: 44 万元 → '44.00万元', 9.2 % → '9.2%', 20 批次 → '20批次'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if not isinstance(value, (int, float, Decimal)):
        return str(value)
    d = Decimal(str(value))
    sign = "+" if column in SIGNED_COLS and d > 0 else ""
    if column in PERCENT_COLS or column.endswith("占比") or unit == "%":
        text = format(d.normalize(), "f")
        return f"{sign}{text}%"
    if column in AMOUNT_COLS or column.endswith("金额") or unit == "万元":
        return f"{sign}{d.quantize(Decimal('0.01'), ROUND_HALF_UP):f}万元"  # 四舍五入: 87,650元 is 8.77万元
    if column in SCORE_COLS or unit == "分":
        return f"{format(d.normalize(), 'f')}分"
    if column == "年度":
        return str(int(d))
    return f"{format(d.normalize(), 'f')}{unit}"


_SEGMENT = re.compile(r"\[([^\[\]]*)\]")
_FIELD = re.compile(r"\{([^{}]+)\}")


def departments_apart(matches: list[Match]) -> tuple[object, ...] | None:
    """Two or more understood questions of one type that differ in their department alone (财政局差旅费 /
    规划局差旅费 / 社工部差旅费): the departments, in order."""
    if len(matches) < 2 or any(m.status != "ok" or m.type_id != matches[0].type_id for m in matches):
        return None
    units = tuple(m.param("单位") for m in matches)
    rest = {tuple((k, v) for k, v in m.params if k != "单位") for m in matches}
    return units if len(rest) == 1 and None not in units and len(set(units)) == len(units) else None


def fill(template: str, row: dict[str, Any]) -> str:
    """``{列}`` placeholders; a ``[…]`` segment is dropped when any placeholder in it is empty."""

    def value(name: str) -> str:
        v = row.get(name)
        unit = row.get("计量单位") or "" if name in ("值", "数量") else ""
        return fmt_number(v, name, str(unit))

    def segment(m: re.Match[str]) -> str:
        names = _FIELD.findall(m.group(1))
        if any(value(n) == "" for n in names):
            return ""
        return _FIELD.sub(lambda f: value(f.group(1)), m.group(1))

    text = _SEGMENT.sub(segment, template)
    # "{科目}合计" of 本年支出合计 reads 本年支出合计合计
    return _FIELD.sub(lambda f: value(f.group(1)), text).strip().replace("合计合计", "合计")


class Engine:
    def __init__(self, con: duckdb.DuckDBPyConnection, catalog: tuple[QuestionType, ...], lexicon: Lexicon,
                 matcher: Matcher | None = None) -> None:
        self.con = con
        self.catalog = {q.id: q for q in catalog}
        self.lexicon = lexicon
        self._findings: list[Any] | None = None
        self._by_file: dict[str, list[Any]] | None = None  # the findings by the files they cite
        self._reports: tuple[tuple[str, int], ...] | None = None
        self.matcher = matcher or Matcher(catalog, build_vocabulary(catalog, lexicon, self.entities(), self.parents()))

    @classmethod
    def open(cls, db: str | None = None, progress: Callable[[str], None] | None = None) -> Engine:
        """Open a database read-only; the catalog, lexicon and matcher come from a cache when the database,
        the sql/ files, the lexicons and the matcher code are unchanged (it saves most of the start-up work)."""
        from . import matchcache
        from .dbpath import resolve_db

        path = resolve_db(db, progress)
        con = open_readonly(path)
        cached = matchcache.load(path)
        if cached is not None:
            return cls(con, *cached)
        engine = cls(con, load_catalog(), load_lexicon())
        matchcache.save(path, (tuple(engine.catalog.values()), engine.lexicon, engine.matcher))
        return engine

    def entities(self) -> dict[str, set[str]]:
        q = {
            "科目": "SELECT DISTINCT 科目 FROM facts",
            "项目": "SELECT DISTINCT 项目名称 FROM projects",
            "指标": "SELECT DISTINCT 三级指标 FROM indicators WHERE 三级指标 <> ''",
            "名词": "SELECT DISTINCT 名词 FROM terms",
            "单位": "SELECT DISTINCT 单位 FROM reports",
        }
        return {k: {r[0] for r in self.con.execute(sql).fetchall() if r[0]} for k, sql in q.items()}

    def parents(self) -> set[tuple[str, str]]:
        """(类 or 款, an item listed under it) pairs: 类 → 款, 类 → 项, 款 → 项."""
        pairs: set[tuple[str, str]] = set()
        rows = self.con.execute("SELECT DISTINCT 类, 款, 科目 FROM fact_rows WHERE 表 IN ('收入', '支出') "
                                "AND (coalesce(类, '') <> '' OR coalesce(款, '') <> '')").fetchall()
        for rank, section, item in rows:
            chain = [c for c in (rank, section) if c and c != item] + [item]
            pairs.update((a, b) for i, a in enumerate(chain) for b in chain[i + 1:])
        return pairs

    def full_unit(self, name: str) -> str | None:
        """The loaded department a short name (财政局, 工商联) stands for, when exactly one."""
        from .match import normalize_text

        tok = self.matcher.vocab.words.get(normalize_text(name))
        units = [v for k, v in tok.values if k == "单位"] if tok else []
        return units[0] if len(units) == 1 else None

    def reports(self) -> tuple[tuple[str, int], ...]:
        if self._reports is None:  # read once per engine, as the matcher's names are: the connection is read-only
            self._reports = tuple((r[0], r[1]) for r in
                                  self.con.execute("SELECT 单位, 年度 FROM 报告 ORDER BY 单位, 年度").fetchall())
        return self._reports

    # ---- asking -------------------------------------------------------------------------------
    def ask(self, question: str, previous: Match | None = None) -> Answer:
        m = self.understand(question, previous)
        if m.status != "ok":
            both = self.ask_combined(question)
            if both is not None:
                return both
        return self.answer(question, m)

    def ask_combined(self, question: str) -> Answer | None:
        """A question not understood as one: two of a pair (A和B), or a series of periods, answered together."""
        both = self.ask_parts(question, self.matcher.split_units(question), every=True)
        if both is None:
            # 工会经费和福利费各多少: a listing answers the parts the report states and names the others;
            # 工会经费和福利费合计 needs both
            listing = bool(re.search(r"各|分别|都是?多少", question))
            both = self.ask_parts(question, self.matcher.split_pair(question), every=not listing)
        if both is None:
            both = self.ask_parts(question, self.matcher.split_series(question), every=False)
        return both

    def ask_parts(self, question: str, parts: tuple[str, ...] | None, every: bool) -> Answer | None:
        """``基本支出和项目支出各占多少`` / ``批次和人次`` (a pair: ``every`` part must be answered), or
        ``预算执行进度的目标`` (a series of periods: the ones the report states, the others named as not stated),
        answered together.

        Only when the answered parts are of one question type and the rest are ``no_data``; otherwise the
        caller refuses.
        """
        if not parts:
            return None
        matches = [self.understand(p) for p in parts]
        if len(parts) > 2 and every and any(m.type_id == "科目对比" or m.type_id in ACROSS_DEPARTMENTS for m in matches):
            return None  # 财政局、规划局和社工部哪个多: no comparison of three
        departments = departments_apart(matches) if every else None
        first = matches[0]
        if (departments is not None and len(departments) == 2 and first.type_id == "科目对比" and first.param("对比单位") is None
                and first.param("起始年度") is None):
            # 财政局行政运行和规划局行政运行哪个多: the two departments compared, not each with its own last year
            return self.answer(question, replace(first, params=(*first.params, ("对比单位", departments[1]))))
        items = [m.param("科目") for m in matches]
        compared = every and all(m.status == "ok" and m.type_id == "科目对比" and m.param("对比单位") is None
                                 and m.param("起始年度") is None for m in matches) and len(set(items)) == len(items)
        adding = every and _SUM_WORDS.search(question) is not None
        pooled = adding and len(set(items)) == len(items) and all(m.type_id == "部门合计" for m in matches) and not (
            says_every_department(self.matcher.tokens(question)))
        if compared or pooled:
            # 会议费和差旅费哪个多: the two items compared, not each item with its own last year; 公用经费和办公费合计:
            # the two items added, not each summed over every department
            matches = [m.retyped(self.catalog["科目金额"]) for m in matches]
        answers = [self.answer(p, m) for p, m in zip(parts, matches, strict=True)]
        together = self._together(question, answers, every and departments is None)  # 未找到 for a department
        if together is None:
            return None
        if compared:  # 城乡社区支出 (支出决算表) and 社会保障和就业支出 (正文): which is larger is not said across parts
            said = _which_more(answers) or "两个数出自报告的不同部分，或一项列了不止一个数，不直接比较大小。"
            return replace(together, answer=together.answer.rstrip("。") + "。" + said)
        if not adding or not all(m.type_id == "科目金额" for m in matches):
            return together
        if departments is not None:
            said = _departments_added(answers)
        else:  # 办公费和印刷费合计多少; never 公用经费和办公费 (the one holds the other)
            said = _added_up(answers) if len(set(items)) == len(items) and None not in items and not self._holds_others(
                items) else ""
        return replace(together, answer=together.answer.rstrip("。") + "。" + (said or _NOT_ADDED))

    def answer_each(self, question: str, m: Match, values: tuple[object, ...], key: str = "单位",
                    adding: bool = False) -> Answer | None:
        """``m`` answered for each of ``values`` of its parameter ``key`` and put together (各多少 after
        财政局和规划局差旅费哪个多; 各占多少 after 基本支出 → 项目支出呢); the ones with no figure are named as not
        disclosed. ``None`` when none of them is answered. ``adding`` (一共多少 after 物业管理费 → 电费呢 → 水费呢):
        every one must be answered, and the sum is given when the figures add up."""
        answers = [self.answer(f"{v}{strip_fillers(question)}", replace(m, params=tuple(
                       (k, v if k == key else w) for k, w in m.params))) for v in values]
        together = self._together(question, answers, every=adding)
        if together is None:
            return None
        if adding:
            said = _departments_added(answers) if key == "单位" else (
                "" if self._holds_others(list(values)) else _added_up(answers))
            said = said or _NOT_ADDED
            together = replace(together, answer=together.answer.rstrip("。") + "。" + said)
        return replace(together, params=m.params)

    def _holds_others(self, items: list[object]) -> bool:
        """Whether one of the items is listed under another, at any depth, in any report (三公经费 and
        公务用车运行维护费; 住房保障支出 and 住房公积金): added up, a part would count twice. 人员经费 and 公用经费,
        each with parts of its own, are added."""
        parents: dict[str, set[str]] = {}
        for item, up in self.con.execute(
                "SELECT DISTINCT 科目, 上级科目 FROM 事实 WHERE coalesce(上级科目, '') <> '' UNION "
                "SELECT DISTINCT 科目, 类 FROM 事实 WHERE coalesce(类, '') <> '' UNION "
                "SELECT DISTINCT 科目, 款 FROM 事实 WHERE coalesce(款, '') <> ''").fetchall():
            if up != item:
                parents.setdefault(item, set()).add(up)
        names = {str(i) for i in items}
        for item in names:
            above: set[str] = set()
            todo = [item]
            while todo:
                for up in parents.get(todo.pop(), ()):
                    if up not in above:
                        above.add(up)
                        todo.append(up)
            if above & (names - {item}):
                return True
        return False

    def _together(self, question: str, answers: list[Answer], every: bool) -> Answer | None:
        done = [a for a in answers if a.status == "ok"]
        if not done or len({a.question_type for a in done}) > 1 or any(
                a.status != "ok" and (every or a.status != "no_data") for a in answers):
            return None
        told = [{str(r[a.columns.index("章节")]) for r in a.rows} for a in done if "章节" in a.columns]
        items = {dict(a.params).get("科目") for a in done}
        units = {dict(a.params).get("单位") for a in done}
        if len(items) == 1 and None not in items and len(units) == 1 and len({frozenset(t) for t in told}) > 1:
            # 会议费2023年和2024年: 39 worked out from the 附件 beside 44 from the 正文 — two measures side by side
            where = "；".join(f"{a.question}：{'、'.join(sorted(t))}" for a, t in zip(done, told, strict=True))
            return Answer(question.strip(), "no_data", answer=f"两个数字出自报告的不同部分（{where}），口径可能不同，"
                          "不宜并列比较；请分别提问，并看各自的来源", params=done[0].params)
        rows = tuple({repr(r): r for a in done for r in a.rows}.values())
        said = [a.answer.rstrip("。") for a in done]
        missing = [re.sub(r"(?:各|分别|都)$", "", strip_fillers(a.question)) for a in answers if a.status != "ok"]
        if missing:
            said.append("未找到" + "、".join(missing) + NOT_READ)
        why: list[str] = []
        for a in done:
            why += [*(["＋"] if why else []), *a.why]
        return replace(done[0], question=question.strip(), rows=rows, answer="；".join(dict.fromkeys(said)) + "。",
                       sources=tuple(dict.fromkeys(s for a in done for s in a.sources)), why=tuple(why))

    def understand(self, question: str, previous: Match | None = None) -> Match:
        q = question.strip()
        if len(q) > MAX_QUESTION:
            return Match("not_understood", message=f"问题过长（{len(q)} 字，上限 {MAX_QUESTION} 字）")
        return self._side_by_side(self.matcher.match(self._than_last_year(q), previous))

    def _than_last_year(self, question: str) -> str:
        """财政局机关运行经费比23年增加多少, with 2024 the latest year loaded: 比2023年 is 比上年 (a change on the year
        before, which is what the report states), when no other year is named."""
        than = _THAN_YEAR.search(question)
        if than is None or len(re.findall(r"\d{2,4}\s*年", question)) != 1:
            return question
        year = int(than.group(2))
        year = year + 2000 if year < 100 else year
        loaded = [y for _, y in self.reports()]
        if not loaded or year + 1 != max(loaded):
            return question
        return question[:than.start()] + than.group(1) + "上年" + question[than.end():]

    def _side_by_side(self, m: Match) -> Match:
        """社工部基本支出项目支出占比: two items side by side with 占比, neither listed under the other, ask each
        one's share — not the one over the other (52.2%, as 公务接待费三公经费占比 would read). Refused with the
        wording that answers it."""
        item, base = m.param("科目"), m.param("基数")
        if (m.status != "ok" or m.type_id != "科目占科目" or item is None or base is None or m.followup
                or any(t.text in ("占", "在") or t.text in ("中", "里", "当中", "之中") for t in m.tokens)
                or self._holds_others([item, base])):
            return m
        who = m.param("单位") or ""
        return Match("not_understood", tokens=m.tokens, params=m.params,
                     message=f"不清楚问的是{item}占{base}的比例，还是两者各占总数的比例",
                     suggestions=(f"{who}{item}和{base}各占多少", f"{who}{item}占{base}的比例", f"{who}{base}占{item}的比例"))

    def answer(self, question: str, m: Match) -> Answer:
        why = tuple(f"{t.text}→{t.kind}" + (f"({'/'.join(v for _, v in t.values)})" if t.values else "")
                    for t in m.tokens)
        if m.status != "ok":
            if not self.reports():  # nothing loaded: no name is known, so the question cannot be read either
                return Answer(question.strip(), "no_data", answer=NOTHING_LOADED, params=m.params, why=why)
            text = m.message or "未能理解这个问题"
            if m.suggestions:
                text += "。您是否想问：" + "；".join(m.suggestions)
            return Answer(question.strip(), m.status, answer=text, suggestions=m.suggestions,
                          params=m.params, why=why)
        qtype = self.catalog[m.type_id]
        params = self.bind(qtype, dict(m.params))
        try:
            cur = self.con.execute(qtype.sql, params)
            columns = tuple(d[0] for d in cur.description or ())
            rows = tuple(tuple(r) for r in cur.fetchall())
        except duckdb.Error as e:
            raise JuesuanError(f"问题类型 {qtype.id} 的 SQL 执行失败：{e}") from e
        wanted = asks_for(m.tokens)
        if wanted and "计量单位" in columns:  # 多少钱 never answered by 辆, 几辆 never by 万元
            at = columns.index("计量单位")
            # 项目支出 (money) never answered by a score in 分 or a rate in %, 多少个 never by one either
            drop = {*MEASURES, "分", "%"} if wanted == "金额" else {"万元", "元", "分", "%"}
            rows = tuple(r for r in rows if r[at] not in drop)
        if wanted == "金额" and "金额" in columns and "数量" in columns:  # 国有资产总额: a row's money, not its count
            at = columns.index("金额")
            rows = tuple(r for r in rows if r[at] is not None)
        understood = ""
        if m.followup:
            shown = "，".join(f"{k}={v}" for k, v in m.params)
            understood = f"理解为：{qtype.title}（{shown}）"
        base = dict(question=question.strip(), question_type=qtype.id, params=tuple(params.items()),
                    sql=qtype.sql, columns=columns, rows=rows, understood=understood, why=why)
        part = params.get("性质")
        if (not rows and m.type_id == "科目分栏" and isinstance(part, str) and part in self.lexicon.items
                and params.get("科目") in ("支出总计", "本年支出合计")):  # the department's own totals only
            # 支出总计多少，其中基本支出多少: no 基本支出 column beside 支出总计 — the department's 基本支出 is that part
            kept = (*((k, v) for k, v in m.params if k in ("单位", "年度", "年度偏移")), ("科目", part))
            answer = self.answer(question, replace(m, type_id="科目金额", params=kept, fallback=()))
            return replace(answer, why=(*answer.why, f"（{params.get('科目')}没有“{part}”一栏，改答{part}本身）"))
        if not rows and m.fallback:  # --why says so: 收入→科目(本年收入合计) is not what was answered
            used = dict(m.fallback).get("科目")
            answer = self.answer(question, replace(m, params=m.fallback, fallback=()))
            return replace(answer, why=(*answer.why, f"（未列示{dict(m.params).get('科目')}，改用→{used}）"))
        if (not rows and m.type_id == "科目增减" and "科目对比" in self.catalog and params.get("上级") is None
                and params.get("科目")):
            # 2024年会议费比上年增加多少, the report stating no change but the year before's report loaded: the two
            # years' figures set side by side (科目对比's rules: the same source in both years), said to be worked out
            pair = self.answer(question, m.retyped(self.catalog["科目对比"]))
            changes = [pair.columns.index(c) for c in ("增减额", "增减率") if c in pair.columns]
            if pair.status == "ok" and any(r[i] is not None for r in pair.rows for i in changes):
                said = pair.answer.rstrip("。") + "。（未找到报告写明的比上年增减，以上按两个年度报告所列的数计算）"
                return replace(pair, answer=said, why=(*pair.why, "（未写明增减，改用→科目对比）"))
        if not rows:
            return Answer(status="no_data", answer=self.no_data_message(m, params), **base)  # type: ignore[arg-type]
        dicts = [dict(zip(columns, r, strict=True)) for r in rows]
        sentence = "；".join(dict.fromkeys(fill(qtype.answer, d).rstrip("。") for d in dicts)) + "。"
        if qtype.id == "项目列表":
            # not the count of all its projects; whose, when several departments are loaded
            whose = sorted({f"{d.get('年度')}年度 {d.get('单位')}" for d in dicts})
            said = "、".join(whose) + " " if len({u for u, _ in self.reports()}) > 1 else ""
            sentence = f"{said}报告所附绩效自评表列有{len(rows)}个项目：{sentence}"
        elif qtype.id == "帮助":  # the table already lists every type with its example
            examples = "；".join(str(d.get("示例")) for d in dicts[:6])
            sentence = f"可以问 {len(rows)} 类问题（见上表），例如：{examples}。"
        elif len({d.get("单位") for d in dicts}) > 1 or qtype.id in ("未完成", "报告列表"):
            sentence = f"共 {len(rows)} 条：{sentence}"
        other = params.get("对比单位")
        if other is not None and "单位" in columns and params.get("单位") is not None:
            # 工商联和财政局的福利费哪个多 when 工商联 lists no 福利费: the one side alone, and why there is no comparison
            answered = {d.get("单位") for d in dicts}
            absent = [str(u) for u in (params["单位"], other) if u not in answered]
            if absent:
                what = params.get("科目") or "此项"
                sentence = sentence.rstrip("。") + f"。未找到{'、'.join(absent)}的{what}{NOT_READ}，无法比较。"
            compared = sorted({d.get("年度") for d in dicts if d.get("年度") is not None}, key=str)
            if len(compared) > 1 and params.get("年度") is None and params.get("起始年度") is None:
                # 德清县教育局 (2023) and 新会区卫生健康局 (2022): each department's latest report, not one year
                shown = "、".join(f"{y}年度" for y in compared)
                sentence = sentence.rstrip("。") + f"。注意：两个部门取各自最新的报告（{shown}），不是同一年度的比较。"
        elif "单位" in qtype.params and params.get("单位") is None and params.get("科目") and "单位" in columns \
                and "部门数" not in columns:
            sentence = sentence.rstrip("。") + self._silent_departments(str(params["科目"]), params.get("年度"), dicts)
        elif "单位" in qtype.params and params.get("单位") is None and "单位" in columns and "部门数" not in columns \
                and not params.get("科目") and qtype.id != "名词解释":
            # 下属单位有几个 with four loaded and one answering: the other three are named, not left out silently
            silent = self._unanswered(params.get("年度"), dicts)
            if silent:
                sentence = sentence.rstrip("。") + f"。{'、'.join(silent)}：未找到这项数据。"
        top = params.get("数量")
        if qtype.id == "部门排名" and top is not None and any(w in question for w in POOLED_SUM) and re.search(
                r"前|名", question):
            # 项目支出前两名合计: the sum of the ranking's first N, when exactly N rows in one unit are ranked there
            measures = {d.get("计量单位") for d in dicts}
            if len(dicts) == int(str(top)) and len(measures) == 1 and all(d.get("值") is not None for d in dicts):
                total = sum((Decimal(str(d["值"])) for d in dicts), Decimal(0))
                sentence = sentence.rstrip("。") + f"。前{top}名合计 {fmt_number(total, unit=str(measures.pop()))}。"
            else:  # a tie at the N-th place: which N are added is not for us to choose
                sentence = sentence.rstrip("。") + f"。第{top}名有并列，未计算前{top}名合计。"
        if "部门数" in columns:  # 哪个部门…最高 with one department listing it of four loaded: say so
            listed = max(int(d["部门数"] or 0) for d in dicts)
            years = {d.get("年度") for d in dicts}
            reports = self.reports()
            loaded = len({u for u, y in reports if y in years})
            if listed < loaded:
                sentence = sentence.rstrip("。") + f"（已载入该年度{loaded}个部门，其中{loaded - listed}个未找到此项数据）。"
            # 郸城县人民法院 (2022) beside a 2023 ranking: not counted, and the answer says so (a department whose
            # figure comes from its next year's report is counted in 部门数)
            elsewhere = len({u for u, _ in reports}) - max(listed, loaded)
            if elsewhere > 0:
                sentence = sentence.rstrip("。") + (f"（另有{elsewhere}个部门只载入了其他年度的报告，未计入；"
                                                     "可在问题中写明年度）。")
        sources = self.sources(dicts)
        return Answer(status="ok", answer=sentence, sources=sources, warnings=self.warnings(dicts, sources),
                      **base)  # type: ignore[arg-type]

    def _unanswered(self, year: object, dicts: list[dict[str, Any]]) -> list[str]:
        """The departments loaded for ``year`` (any year when None) that no row of the answer is about."""
        answered = {d.get("单位") for d in dicts}
        return sorted({u for u, y in self.reports() if (year is None or y == year) and u not in answered})

    def _silent_departments(self, item: str, year: object, dicts: list[dict[str, Any]]) -> str:
        """各部门的财政拨款支出 with four loaded and three answering: the fourth is named, never left out silently —
        as not listing the item, or as listing it without what this question needs (its change, its reason)."""
        if {d.get("单位") for d in dicts} >= set(self.matcher.vocab.unit_names):  # every one answered: no query
            return "。"
        silent = self._unanswered(year, dicts)
        if not silent:
            return "。"
        has_item = {r[0] for r in self.con.execute(
            "SELECT DISTINCT 单位 FROM 条目 WHERE 科目 = $k AND 单位 IN (SELECT unnest($u))",
            {"k": item, "u": silent}).fetchall()}
        without = [u for u in silent if u not in has_item]
        short = [u for u in silent if u in has_item]
        told = ([f"未找到{'、'.join(without)}的“{item}”{NOT_READ}"] if without else []) + (
            [f"{'、'.join(short)}列示了“{item}”，但未能从中读出这一问所需的数据"] if short else [])
        return "。" + "；".join(told) + "。"

    def bind(self, qtype: QuestionType, given: dict[str, object]) -> dict[str, object]:
        if qtype.id == "帮助":
            types = [q for q in self.catalog.values() if q.id != "帮助" and q.examples]
            given = {"类型": [q.title for q in types], "示例": [q.examples[0].question for q in types]}
        return {name: given.get(name) for name in qtype.params}

    def no_data_message(self, m: Match, params: dict[str, object]) -> str:
        loaded = self.reports()
        if not loaded:
            return NOTHING_LOADED
        listing = "、".join(f"{y}年度 {u}" for u, y in loaded) or "（无）"
        unit = params.get("单位")
        year = params.get("年度")
        if year is not None and not any(y == year and (unit is None or u == unit) for u, y in loaded):
            return f"未载入{year}年度的报告，也没有下一年度报告所列的上年数。已载入：{listing}"
        what = next((str(v) for k, v in m.params if k in ("科目", "项目", "指标", "名词")), "")
        item = params.get("科目")
        if item and (year is not None or params.get("年度偏移") is not None):
            # 去年的差旅费: 差旅费 is listed, but only for 2024 — the year is what is missing, not the item
            years = [r[0] for r in self.con.execute(
                "SELECT DISTINCT 年度 FROM 年度条目 WHERE 科目 = $k AND ($u IS NULL OR 单位 = $u) AND 值 IS NOT NULL "
                "ORDER BY 年度", {"k": str(item), "u": unit}).fetchall()]
            if years and year not in years:  # 2022年公用经费比上年增长, 2022 listed: not the year that is missing
                shown = "、".join(f"{y}年度" for y in years)
                return f"报告没有所问年度的“{what or item}”数字（列示了它的年度：{shown}）。已载入：{listing}"
        if item:  # 财政拨款收入 not stated, but 财政拨款收入总计 and 一般公共预算财政拨款收入 are: say so
            near = [r[0] for r in self.con.execute(
                "SELECT DISTINCT 科目 FROM 条目 WHERE 科目 <> $k AND contains(科目, $k) AND ($u IS NULL OR 单位 = $u) "
                "ORDER BY length(科目), 科目 LIMIT 5", {"k": str(item), "u": unit}).fetchall()]
            if near:
                return f"未找到“{what}”的这项数据{NOT_READ}；报告列示的有：{'、'.join(near)}。已载入：{listing}"
            listed = m.type_id != "科目金额" and self.con.execute(  # an amount not found: the item is not listed
                "SELECT 1 FROM 条目 WHERE 科目 = $k AND ($u IS NULL OR 单位 = $u) AND ($y IS NULL OR 年度 = $y) LIMIT 1",
                {"k": str(item), "u": unit, "y": year}).fetchone()
            if listed:  # 办公费比上年增加多少: the item is there, the change is not
                title = self.catalog[m.type_id].title
                return f"报告列示了“{what}”，但未找到回答“{title}”所需的数字{NOT_READ}。已载入：{listing}"
        if what:
            return f"未找到“{what}”的这项数据{NOT_READ}。已载入：{listing}"
        return f"未找到相关数据{NOT_READ}。已载入：{listing}"

    def warnings(self, rows: list[dict[str, Any]], sources: tuple[Source, ...]) -> tuple[str, ...]:
        """Audit findings (stored at load time) that involve a figure of this answer on one of its lines."""
        from .check import findings_for_sources, stored_findings

        if self._findings is None:  # read once per engine: the connection is read-only, they cannot change
            self._findings = stored_findings(self.con)
        figures = {Decimal(str(v)).normalize() for r in rows for v in r.values()
                   if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)}
        if any(r.get("推算说明") or r.get("推算") is True for r in rows):
            # a figure worked out from another (上年 = 本年 − 增减额): the findings on the figures it was worked
            # out from concern it too (差旅费 2023 = 11 + 1, while the 正文 says 4 for 2024)
            figures |= {Decimal(n).normalize() for s in sources for n in re.findall(r"\d+(?:\.\d+)?", s.text)}
        out = []
        files = {s.file for s in sources}
        items = {f"“{r['科目']}”" for r in rows if r.get("科目")}
        # a table figure (人员经费 4884.09, line 353) that the 正文 states otherwise (4896.98, line 488): the
        # finding is on the 正文's line, and names the item and both figures
        if self._by_file is None:
            self._by_file = {}
            for f in self._findings:
                for file in dict.fromkeys(str(s.get("file")) for s in f.sources):
                    self._by_file.setdefault(file, []).append(f)
        named = [f for file in files for f in self._by_file.get(file, []) if any(i in f.message for i in items)]
        on_lines = findings_for_sources(self.con, [(s.file, s.line) for s in sources], self._findings)
        for f in on_lines + [f for f in named if f not in on_lines]:
            involved = {Decimal(str(v)).normalize() for v in _numbers(f.values)}
            # "正文…金额 5377.64万元，…表…为 5364.75万元": a finding that keeps only the 差额 names both in its words
            said = re.sub(r"第\d+[行页]", "", f.message)
            involved |= {Decimal(n).normalize() for n in re.findall(r"\d+(?:\.\d+)?(?=万元)", said)}
            if involved & figures:
                out.append(f"{f.level}：{f.message}（见 juesuan check）")
        return tuple(dict.fromkeys(out))

    @staticmethod
    def sources(rows: list[dict[str, Any]]) -> tuple[Source, ...]:
        out: dict[tuple[str, int, int, str], Source] = {}
        for r in rows:
            for s in r.get("来源明细") or ():
                key = (s["file"], s["page"] or 0, s["line"], s["text"])
                out.setdefault(key, Source.of(s))
        return tuple(out[k] for k in sorted(out))  # DISTINCT lists have no order: sort for stable output

    # ---- raw SQL for auditors -----------------------------------------------------------------
    def run_sql(self, query: str, params: dict[str, str]) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        from .catalog import sql_dir, sql_params

        text = query
        qtype = None
        candidates = [Path(query), sql_dir() / "questions" / f"{query}.sql", sql_dir() / "checks" / f"{query}.sql"]
        for c in candidates:
            if c.suffix == ".sql" and _is_file(c):
                text = c.read_text(encoding="utf-8")
                qtype = self.catalog.get(c.stem) if c.parent.name == "questions" else None
                break
        else:
            try:
                parsed = not query.endswith(".sql") and bool(self.con.extract_statements(query))
            except duckdb.Error:
                parsed = False
            if not parsed:  # 不存在的文件: neither a file nor SQL the parser reads
                raise JuesuanError(f"“{query}”：找不到这个问题类型或 SQL 文件，也不是一条查询；问题类型有："
                                   + "、".join(sorted(self.catalog)))
        names = sql_params(text)
        unknown = set(params) - set(names)
        if unknown:
            raise JuesuanError(f"SQL 中没有参数：{'、'.join(sorted(unknown))}（可用：{'、'.join(names) or '无'}）")
        if qtype is not None and qtype.phrasings:  # a slot in every phrasing is what the question is about
            slots = [set(re.findall(r"\{([^}]+)\}", ph)) for ph in qtype.phrasings]
            required = sorted(set.intersection(*slots) & set(names) - set(params))
            if required:
                raise JuesuanError(f"{qtype.id} 缺少参数：{'、'.join(required)}（用 -p {required[0]}=… 给出）")
        bound: dict[str, object] = {n: _typed(params.get(n)) for n in names}
        try:
            refused = {s.type.name for s in self.con.extract_statements(text)} - READ_STATEMENTS
            if refused:  # defence in depth: the read-only connection refuses writes anyway
                raise JuesuanError(f"查询被拒绝：只允许只读查询（SELECT 等），不能执行 {'、'.join(sorted(refused))} 语句")
            cur = self.con.execute(text, bound) if names else self.con.execute(text)
            columns = tuple(d[0] for d in cur.description or ())
            return columns, cur.fetchall()
        except duckdb.Error as e:
            raise JuesuanError(_sql_error(e)) from e


_THAN_YEAR = re.compile(r"(比|较|与|同|跟)(\d{2}|20\d{2})\s*年度?")


def _is_file(path: Path) -> bool:
    """A long query is no file name: the OS refuses to stat it (File name too long)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _numbers(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _numbers(v)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _numbers(v)]
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return [value]
    return []


def _typed(value: str | None) -> object:
    if value is None:
        return None
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def _sql_error(e: Exception) -> str:
    msg = str(e).splitlines()[0]
    if isinstance(e, duckdb.PermissionException) or "read-only" in msg or "external access" in msg.lower() \
            or "configuration has been locked" in msg:
        return f"查询被拒绝：只允许只读查询，不能写入、附加数据库、读写文件、加载扩展或更改设置（{msg}）"
    return f"SQL 执行失败：{msg}"
