"""Conversation state: the previous understood question, so follow-ups (差旅费呢, 上年呢) keep the rest.

No prompt_toolkit here: piped mode and the REPL share this class.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TextIO

from .engine import Engine, departments_apart, figures_by_unit, fmt_number
from .match import ACROSS_DEPARTMENTS, SLOT_KINDS, Match, says_every_department
from .model import Answer, JuesuanError
from .render import render

# a question that only makes sense after another one: 那培训费呢, 那么上年, 差旅费呢 (not 还有哪些项目未完成)
_ELLIPTICAL = re.compile(r"^\s*那(?!些)|呢\s*[？?。!！]*\s*$")


_COMPARE = re.compile(r"哪个|哪家|谁|差多少|相差|差距|差额|差了多少|多多少|少多少|高多少|低多少|多出|对比|比较|比一比|比一下")
_OWN_WORDS = re.compile(r"最|\d{4}\s*年|上年|去年|前年|今年|本年|同比|比上")  # a ranking, or a year named: not the pair
_EACH = re.compile(r"各|分别|都")
_MEASURE = re.compile(r"率|占比|比重|比例|预算|批次|人次|增长|增减|得分")  # what a comparison of amounts does not answer
# 哪家最少 / 谁最多 / 哪个最高 after departments asked in turn: among them
_AMONG = re.compile(r"^(?:那|其中|这几个?(?:部门|单位|家)?里?)?(?:哪个|哪家|哪一个|谁)(?:部门|单位)?的?最([多少高低大小])"
                    r"[呢啊吗]?$")
# 会议费多少，比上年增长多少，原因是什么: several questions in one line (never a comma inside a number: 1,234)
_PART_BREAK = re.compile(r"(?<!\d)[，,](?!\d)|[；;？?]")  # 收入总计是多少？2023年呢: a digit after ？ is no number
# 一共多少 / 两项合计 / 合计呢 after items or departments asked one after another: their sum, never the last one again
_SUM_ONLY = re.compile(r"(?:那么?)?[这那]?(?:[两二三四五六几](?:个|项|者|家|样|笔)?)?的?"
                       r"(?:合计|一共|总共|加起来|合起来|共计|总计|总和|加总|之和|相加)(?:是|为|有)?(?:多少)?(?:钱|万元)?[呢吗啊]?")
# 花了多少 after a question about an item (公务接待多少批次): the item's money, not the year's total spending
_SPENT_LEAD = r"(?:那么?)?(?:实际上?|真正|最终|最后)?"  # 那实际花了多少: words before it, left out of the item's question
_SPENT_ONLY = re.compile(_SPENT_LEAD + r"(?:一共|总共|共)?(?:花|花费|用|支出)了?(?:多少)(?:钱|万元)?[呢吗啊]?")
_MARKS = re.compile(r"[\s？?。！!，,]")  # the spaces and punctuation a short follow-up is read without
# 跟规划局比呢 / 和社工部相比: the item just asked, set against another department
_AGAINST = re.compile(r"那?(?:跟|和|与|同)(\S{2,20}?)(?:比|相比|比较|对比|比一比)(?:一下)?(?:的话)?"
                      r"(?:哪个|谁)?(?:多|少|高|低|怎么样|如何|多多少|少多少|差多少)?[呢吗]?")
# a later question about the ones before it together (会议费，差旅费哪个多): the line is one question
_ACROSS_PARTS = re.compile(r"哪个|哪项|哪一|谁|分别|各|合计|一共|总共|加起来|之和|相比|比较|对比|差多少|相差")


def _names_department(m: Match) -> bool:
    """Whether the question itself names a department (not one carried over from the chat)."""
    return any(t.kind == "单位" for t in m.tokens)


def _items_named(m: Match) -> set[str]:
    """The items the question's own words name (not those carried over from the chat)."""
    return {v for t in m.tokens for k, v in t.values if k == "科目"}


def _named(refused: Match, question: str) -> bool:
    """Whether a refused question asked about something: a department, item, project, field or year was
    recognised in it, or it was itself a follow-up (年末呢). Only a question of which nothing was recognised
    (乱七八糟, 今天天气怎么样) leaves the conversation where it was."""
    return (refused.status == "no_data" or bool(refused.params) or bool(_ELLIPTICAL.search(question))
            or any(t.kind in SLOT_KINDS or t.kind in ("年度", "上级") for t in refused.tokens))


class Conversation:
    """Holds the engine and the last understood ``Match``; a question that is not understood keeps it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.previous: Match | None = None
        self.last: Answer | None = None
        self.refused: Match | None = None  # the last question's match, when it was refused
        self.refused_text = ""
        self.context: dict[str, object] = {}  # set by \use in the REPL: 单位, 年度
        # the departments of 财政局和规划局差旅费哪个多 (or 财政局、规划局和社工部差旅费分别多少): a follow-up that
        # names none of them (各多少, 那办公费呢, 上年呢) is answered for each, not for the first alone
        self.pair: tuple[object, ...] | None = None
        # the departments asked about one after another for the same item (财政局退休费 → 规划局退休费 / 规划局呢)
        self.asked: list[object] = []
        self.asked_item: object = None
        self.asked_items: list[object] = []  # the items asked one after another of one department (items_of)
        self.items_of: object = None

    def ask(self, question: str) -> Answer:
        parts = [p for p in (x.strip() for x in _PART_BREAK.split(question)) if p]
        several = self._several(question, parts) if len(parts) > 1 else None
        return several or self._ask_one(question)

    def _other_department(self, question: str, m: Match, refused: Match | None) -> Answer | None:
        """普陀区民政局的三公经费 (not loaded) → 那财政局的呢: the refused question, of the department now named."""
        lost = re.match(r"没有载入“(.+?)”的报告", refused.message) if refused is not None else None
        named = [t for t in m.tokens if t.kind == "单位"]
        if (lost is None or len(named) != 1 or any(t.kind in ("科目", "实体", "项目", "指标") for t in m.tokens)
                or lost.group(1) not in self.refused_text):
            return None
        again = self.refused_text.replace(lost.group(1), named[0].text, 1)
        self.refused = None
        answer = self._ask_one(again)
        return replace(answer, question=question.strip(), understood=answer.understood or f"理解为：{again}")

    def _spent(self, question: str, before: Match | None) -> str:
        """公务接待多少批次 → 花了多少 / 实际花了多少: that item's money (收入多少 → 支出多少: the year's spending,
        not the income)."""
        bare = _MARKS.sub("", question)
        item = before.param("科目") if before is not None and before.status == "ok" else None
        if item and _SPENT_ONLY.fullmatch(bare) and not self._income(str(item)):
            return f"{item}{re.sub('^' + _SPENT_LEAD, '', bare)}"
        return question

    def _income(self, item: str) -> bool:
        """本年收入合计, 财政拨款收入, 事业收入: an income item — what was spent is never its figure."""
        info = self.engine.lexicon.items.get(item)
        return info.表 == "收入" if info is not None else item.endswith(("收入", "收入合计", "收入总计"))

    def _several(self, question: str, parts: list[str]) -> Answer | None:
        """新会区卫生健康局一般公共预算财政拨款支出多少，比上年增长多少，原因: each question answered in turn, the
        later ones as follow-ups of the one before (read as one, only the reason was answered). Only when the first
        is a question of its own, each is understood, they ask different things, and none is about the others
        together (会议费，差旅费哪个多 is one question)."""
        against = [bool(_AGAINST.fullmatch(_MARKS.sub("", p))) for p in parts]
        if any(_ACROSS_PARTS.search(p) and not a for p, a in zip(parts[1:], against[1:], strict=True)) or against[0]:
            return None
        seen: list[tuple[object, ...]] = []
        m: Match | None = None
        first: Match | None = None
        for n, part in enumerate(parts):
            if against[n]:  # 规土局机关运行经费是多少？和财政局比哪个多: set against another department in turn
                continue
            m = self.engine.understand(self._spent(part, m), m)
            if m.status != "ok" or (m.type_id, m.params) in seen:
                return None
            first = first or m  # the first part, understood alone
            if n and (m.type_id, m.param("科目")) == (first.type_id, first.param("科目")) and any(
                    t.kind in ("单位", "年度") for t in m.tokens) and not any(t.kind in ("单位", "年度") for t in first.tokens):
                return None  # 职工基本医疗保险缴费，普陀区财政局用了多少: the later part says whose, not a new question
            seen.append((m.type_id, m.params))
        answers = [self._ask_one(p) for p in parts]
        done = [a for a in answers if a.status == "ok"]
        head = done[0] if done else answers[0]
        return replace(head, question=question.strip(), answer="；".join(a.answer.rstrip("。") for a in answers) + "。",
                       sources=tuple(dict.fromkeys(s for a in answers for s in a.sources)),
                       warnings=tuple(dict.fromkeys(w for a in answers for w in a.warnings)), parts=tuple(answers))

    def _ask_one(self, question: str) -> Answer:
        bare = _MARKS.sub("", question)
        if self.previous is not None and _SUM_ONLY.fullmatch(bare):
            return self._summed(question, self.previous)
        question = self._spent(question, self.previous)
        against = _AGAINST.fullmatch(bare)
        if against and self.previous is not None:
            compared = self._against(question, against.group(1), self.previous)
            if compared is not None:
                return compared
        items = self._items_compared(question) or self._ranked_among(question) or self._shares_compared(question)
        if items is not None:
            return items
        m = self.engine.understand(question, self.previous)
        m = self._compared(question, m) or m
        m = self._of_the_project_found(question, m)
        if (m.status == "ok" and m.followup and m.type_id in ("科目增减", "科目原因") and m.param("年度偏移") == -1
                and self.previous is not None and self.previous.param("年度偏移") == -1
                and not any(t.kind == "年度" for t in m.tokens)):
            # 会议费 → 上年呢 → 增长率 / 为什么增加: this year's change on last year, not last year's on the one before
            m = replace(m, params=tuple((k, v) for k, v in m.params if k != "年度偏移"))
        refused = self.refused
        instead = self._other_department(question, m, refused)
        if instead is not None:
            return instead
        whole = not m.followup and m.param("单位") is not None  # 那财政局人员经费是多少: a question of its own
        if (m.status == "ok" and refused is not None and _named(refused, self.refused_text) and not whole
                and (m.followup or _ELLIPTICAL.search(question))):
            # 司法局会议费预算 (not loaded) → 那培训费呢: what the refused question named is lost, so answering
            # would fill it from an older question or drop it (every department's 培训费): neither was asked.
            # A question of which nothing was recognised (乱七八糟) named nothing: its follow-up keeps the one before.
            m = Match("not_understood", tokens=m.tokens,
                      message="上一个问题没有得到回答，无法接着它追问；请把问题问完整（写出单位、科目、年度）")
        else:  # a refused follow-up keeps the refusal it follows: 上年呢 after it is refused as well
            self.refused = m if m.status != "ok" else None
            self.refused_text = question
        if m.status == "ok" and self.context:
            m = self._with_context(m)
        elif m.status == "ok" and not m.followup:
            m = self._same_department(self._not_pooled(m), refused)
        elif m.status != "ok" and not m.followup and self.refused is m:
            both = self.engine.ask_combined(question)  # 基本支出和项目支出各占多少, 预算执行进度的目标
            if both is not None:
                self.previous, self.pair = self._two_departments(question)  # 上年呢 after it: of which part?
                if self.pair and self.previous is not None:  # → 社工部呢 → 哪家最少: the three asked about
                    self.asked, self.asked_item = list(self.pair), self.previous.param("科目")
                self.last, self.refused = both, None
                return both
        answer = self._answer(question, m)
        if m.followup and answer.status == "ok" and self.last is not None and self.last.status == "ok":
            answer = _flag_other_part(self.last, answer)
        if m.status == "ok":
            # plain 支出 is 本年支出合计, or 支出总计 where only that is stated: a follow-up (上年呢) keeps the
            # item this answer used, so two turns never compare two different items
            used = dict(answer.params).get("科目")
            if m.fallback and answer.status == "ok":
                m = replace(m, fallback=()) if used == m.param("科目") else replace(m, params=m.fallback, fallback=())
            self.previous = m
        self._remember(m)
        self.last = answer
        return answer

    def _items_compared(self, question: str) -> Answer | None:
        """规划局物业管理费 → 电费呢 → 哪个多 / 两者差多少: the two items asked in turn, compared (as 物业管理费和电费哪个多),
        not the last one with its own last year. Not when two departments are being compared, nor for a ranking."""
        before = self.previous
        if (before is None or len(self.asked_items) != 2 or before.param("科目") != self.asked_items[-1]
                or self._two_asked() is not None or not _COMPARE.search(question) or _OWN_WORDS.search(question)
                or _MEASURE.search(question)):  # 哪个执行率更高: not which amount is larger
            return None
        alone = self.engine.understand(question)
        if alone.status == "ok" or _items_named(alone) - set(self.asked_items):  # 两年三公经费对比: an item of its own
            return None
        one, two = self.asked_items
        both = self.engine.ask_combined(f"{before.param('单位') or ''}{one}和{two}哪个多")
        if both is None or both.status != "ok":
            return None
        self.last = both
        return replace(both, question=question.strip())

    def _shares_compared(self, question: str) -> Answer | None:
        """规土局项目支出占比多少 → 社工部呢 → 哪个高: the two departments' shares, and which is higher."""
        two, before = self._two_asked(), self.previous
        if two is None or before is None or before.type_id != "科目占比" or not _COMPARE.search(question) \
                or _OWN_WORDS.search(question) or self.engine.understand(question).status == "ok":
            return None
        both = self.engine.answer_each(question, before, two, "单位")
        if both is None or both.status != "ok" or "占比" not in both.columns:
            return None
        shares: dict[str, set[Decimal | None]] = {}
        for r in both.rows:
            row = dict(zip(both.columns, r, strict=True))
            value = row["占比"]
            shares.setdefault(str(row["单位"]), set()).add(None if value is None else Decimal(str(value)))
        if len(shares) != 2 or any(len(v) != 1 or None in v for v in shares.values()):
            return None  # a department with no stated share, or two: no comparison
        (a, (x,)), (b, (y,)) = shares.items()
        assert x is not None and y is not None
        said = f"{a}与{b}的占比相同" if x == y else f"{a if x > y else b}的占比高，高{fmt_number(abs(x - y))}个百分点"
        self.last = replace(both, question=question.strip(), answer=both.answer.rstrip("。") + "。" + said + "。")
        return self.last

    def _ranked_among(self, question: str) -> Answer | None:
        """财政局和规土局的本年收入合计各是多少 → 社工部呢 → 哪家最少: the departments of the chat ranked, not every
        department loaded (the sample's 183.54 was never asked about)."""
        before = self.previous
        units = tuple(self.pair or ()) if self.pair and len(self.pair) > 1 else tuple(dict.fromkeys(self.asked))
        low = _AMONG.search(question)
        ranking = before is not None and before.status == "ok" and before.type_id == "部门排名" and before.followup
        if low is not None and len(units) < 2 and (self._every_department(before) or ranking):
            # 各部门基本支出 → 哪个最多 (→ 哪个最少): that item ranked over the departments just listed (all loaded)
            assert before is not None
            kept = tuple((k, v) for k, v in before.params if k in ("科目", "年度", "年度偏移"))
            ranked = Match("ok", "部门排名", (*kept, ("方向", "最低" if low.group(1) in "少低小" else "最高")),
                           tokens=before.tokens, followup=True)
            self.previous, self.last = ranked, self.engine.answer(question, ranked)
            return self.last
        if (before is None or before.type_id not in ("科目金额", "科目对比") or len(units) < 2 or low is None
                or self.engine.understand(question).param("科目") not in (None, before.param("科目"))):
            return None
        each = self.engine.answer_each(question, before.retyped(self.engine.catalog["科目金额"]), units, "单位")
        if each is None or each.status != "ok":
            return None
        figures = figures_by_unit([each], "口径") or figures_by_unit([each])
        if len(figures) != len(units) or any(len(f) != 1 for f in figures.values()) or len(
                {f[0][2][0] for f in figures.values()}) != 1:
            return None  # a department with two figures, or none, or in another measure: no ranking is given
        lowest = low.group(1) in "少低小"
        pick = (min if lowest else max)(figures.items(), key=lambda kv: kv[1][0][1])
        (who, [(item, value, where)]) = pick
        said = (f"所问的{len(units)}个部门（{'、'.join(map(str, units))}）中，{item}{'最少' if lowest else '最多'}的是{who}"
                f"（{fmt_number(value, unit=where[0])}）。")
        self.last = replace(each, question=question.strip(), answer=each.answer.rstrip("。") + "。" + said)
        return self.last

    def _of_the_project_found(self, question: str, m: Match) -> Match:
        """哪个项目执行率最低 → 年初预算多少: the 年初预算 of the project just found, not the project with the lowest
        年初预算 — unless the question ranks again (最高, 最低, 哪个)."""
        last, before = self.last, self.previous
        if (m.status != "ok" or not m.followup or m.type_id != "项目排名" or before is None
                or before.type_id != "项目排名" or m.param("字段") == before.param("字段") or last is None
                or last.status != "ok" or "项目名称" not in last.columns or len(last.rows) != 1
                or re.search(r"最|哪个|哪一个|哪项|排名|排第", question) or "项目字段" not in self.engine.catalog):
            return m
        row = dict(zip(last.columns, last.rows[0], strict=True))
        params = (("单位", row["单位"]), ("年度", row["年度"]), ("项目", row["项目名称"]), ("字段", m.param("字段")))
        return Match("ok", "项目字段", params, tokens=m.tokens, followup=True)

    def _every_department(self, before: Match | None) -> bool:
        """Whether the answer before was one item of every department loaded (各部门基本支出), none named."""
        return (before is not None and before.status == "ok" and before.type_id == "科目金额"
                and before.param("单位") is None and before.param("上级") is None and self.last is not None
                and self.last.status == "ok" and "单位" in self.last.columns
                and len({r[self.last.columns.index("单位")] for r in self.last.rows}) > 1)

    def _against(self, question: str, other: str, before: Match) -> Answer | None:
        """财政局差旅费 → 跟规划局比呢: the item of the question before, its department set against the one named."""
        unit, item = before.param("单位"), before.param("科目")
        if before.status != "ok" or unit is None or item is None:
            return None
        if before.type_id != "科目金额":  # 公用经费占基本支出比例 → 与规土局比呢: the same question of both
            named = self.engine.understand(other)
            if named.status != "ok" and named.param("单位") is None:
                named = self.engine.understand(f"{other}{item}")
            if named.param("单位") is None or named.param("单位") == unit:
                return None
            both = self.engine.answer_each(question, before, (unit, named.param("单位")), "单位")
            if both is not None:
                self.last = both
            return both
        full = f"{unit}{item}比{other}多多少"
        m = self.engine.understand(full)
        if m.status != "ok" or m.type_id != "科目对比" or m.param("对比单位") != unit:
            return None
        return replace(self._ask_one(full), question=question.strip())

    def _summed(self, question: str, before: Match) -> Answer:
        """物业管理费 → 电费呢 → 水费呢 → 一共多少: the items asked in turn, each answered and added up; likewise the
        departments asked together or in turn. With nothing of that kind asked, which figures to add is unknown."""
        if len(self.asked_items) >= 2 and before.param("科目") == self.asked_items[-1]:
            values, key = tuple(self.asked_items), "科目"
        else:
            values, key = self.pair or tuple(self.asked), "单位"
        summed = self.engine.answer_each(question, before, values, key, adding=True) if (
            len(values) >= 2 and before.type_id == "科目金额") else None
        if summed is None and len(values) < 2 and self._every_department(before) and "部门合计" in self.engine.catalog:
            # 各部门项目支出 → 合计多少: the sum over the departments just listed
            summed = self.engine.answer(question, replace(before.retyped(self.engine.catalog["部门合计"]), followup=True))
        if summed is None:
            return Answer(question.strip(), "not_understood", answer="不清楚要把哪几个数相加；请写明，例如“办公费和印刷费"
                          "合计多少”“财政局和规划局的差旅费合计”，所有部门的合计请问“各部门X合计”")
        if key == "科目":  # 住房公积金 → 购房补贴呢 → 两项加起来 → 占住房保障支出的比例: of the sum, which no question
            self.previous = None  # type answers — never of the last item alone
        self.last = summed
        return summed

    def _remember(self, m: Match) -> None:
        """The departments asked one after another about one item, and the items asked one after another of one
        department (规划局基本支出 → 项目支出呢 → 各占多少)."""
        unit, item = m.param("单位"), m.param("科目")
        if m.status == "ok" and item is not None and m.param("对比单位") is not None and m.param("单位") is not None:
            self.asked, self.asked_item, self.asked_items = [m.param("对比单位"), m.param("单位")], item, []
            return  # 财政局和规划局的差旅费哪个多 → 社工部呢 → 哪家最少: the departments asked about so far
        if m.status != "ok" or item is None:
            self.asked, self.asked_items = [], []
            return
        if unit is None:
            self.asked = []
        elif self.asked and self.asked_item == item:
            self.asked = [*[u for u in self.asked if u != unit], unit]
        else:
            self.asked, self.asked_item = [unit], item
        if self.asked_items and self.items_of == unit:
            self.asked_items = [*[x for x in self.asked_items if x != item], item]
        else:
            self.asked_items, self.items_of = [item], unit

    def _two_asked(self) -> tuple[object, object] | None:
        """The two departments of the chat: a pair asked together, or exactly two asked one after the other."""
        if self.pair is not None:
            return self.pair if len(self.pair) == 2 else None
        return (self.asked[0], self.asked[1]) if len(self.asked) == 2 else None

    def _compared(self, question: str, m: Match) -> Match | None:
        """财政局退休费 → 规划局退休费 → 差多少 / 哪个多 (``m`` as understood alone): the two departments compared
        (科目对比), not the last one with its own last year. Not for 最高/最低 (a ranking) nor when a year is named."""
        two, before = self._two_asked(), self.previous
        item = before.param("科目") if before is not None else None
        if (two is None or before is None or item is None or not _COMPARE.search(question)
                or _OWN_WORDS.search(question) or "科目对比" not in self.engine.catalog
                or before.type_id not in ("科目金额", "科目对比")):  # 项目支出占比 → 社工部呢 → 哪个高: not amounts
            return None
        if m.status == "ok" and (m.type_id != "科目对比" or not m.followup or m.param("科目") != item):
            return None  # a question of its own (财政局和规划局的会议费哪个多)
        if _items_named(m) - {item}:  # 会议费和差旅费哪个多 after two departments' 机关运行经费: its own items
            return None
        wanted = self.engine.catalog["科目对比"].params
        kept = {k: v for k, v in before.params if k in wanted and k not in ("单位", "对比单位", "起始年度")}
        return Match("ok", "科目对比", tuple({**kept, "单位": two[0], "对比单位": two[1]}.items()), tokens=m.tokens,
                     followup=True)

    def _answer(self, question: str, m: Match) -> Answer:
        if m.status != "ok" and not _named(m, question):
            return self.engine.answer(question, m)  # 乱七八糟 between: the departments asked together stay
        pair, self.pair = self.pair, None
        if m.status == "ok" and m.param("对比单位") is not None:
            self.pair = (m.param("单位"), m.param("对比单位"))
        elif m.status == "ok" and m.followup:
            spread = self._spread(question, m, pair)
            if spread is not None:
                values, key = spread
                both = self.engine.answer_each(question, m, values, key)
                if both is not None:
                    self.pair = pair if values is pair else None  # a pair asked together stays for what follows
                    return both
        return self.engine.answer(question, m)

    def _spread(self, question: str, m: Match, pair: tuple[object, ...] | None
                ) -> tuple[tuple[object, ...], str] | None:
        """The values a follow-up is answered for at once, and their parameter:
        - the departments asked together (财政局和规划局差旅费哪个多 → 各多少 / 那办公费呢);
        - two departments asked in turn, when the follow-up says 各/分别/都 (财政局住房保障支出 → 规划局呢 → 各多少);
        - two items asked in turn of one department, likewise (规划局基本支出 → 项目支出呢 → 各占多少)."""
        named = _names_department(m)
        each = _EACH.search(question) is not None
        if pair is not None and m.param("单位") == pair[0] and m.type_id not in ACROSS_DEPARTMENTS and not named:
            return pair, "单位"
        if len(self.asked) == 2 and m.param("单位") == self.asked[1] and each and not named:
            return (self.asked[0], self.asked[1]), "单位"
        if len(self.asked_items) == 2 and m.param("科目") == self.asked_items[1] and each:
            return (self.asked_items[0], self.asked_items[1]), "科目"
        return None

    def _two_departments(self, question: str) -> tuple[Match | None, tuple[object, ...] | None]:
        """财政局和规划局差旅费分别多少 (or 财政局、规划局和社工部…): the first part's match and the departments, for
        the follow-ups; any other pair (基本支出和项目支出各占多少) leaves no previous question (上年呢: of which part?)."""
        parts = self.engine.matcher.split_units(question) or self.engine.matcher.split_pair(question)
        matches = [self.engine.understand(p) for p in parts] if parts else []
        units = departments_apart(matches)
        if units is not None:
            return matches[0], units
        # 农业局人员经费2023年和2024年各多少 → 公用经费呢: that department's, of its latest year (which of the two
        # years a follow-up means is not known, so none is kept)
        if len(matches) > 1 and all(m.status == "ok" for m in matches) and len(
                {(m.type_id, m.param("单位"), m.param("科目")) for m in matches}) == 1 and matches[0].param("单位"):
            kept = tuple((k, v) for k, v in matches[-1].params if k not in ("年度", "年度偏移"))
            return replace(matches[-1], params=kept), None
        return None, None

    def _not_pooled(self, m: Match) -> Match:
        """工商联公务接待费是多少 → 三公合计: the 三公经费 of the department the chat is about, not every department's
        sum (部门合计 reads {科目}合计 so), unless the question names every department (各部门, 全区, 四个部门)."""
        unit = self.previous.param("单位") if self.previous is not None else None
        if (m.type_id not in ("部门合计", "部门平均") or unit is None or says_every_department(m.tokens)
                or any(t.kind == "数量" for t in m.tokens) or "科目金额" not in self.engine.catalog):
            return m
        return m.retyped(self.engine.catalog["科目金额"])

    def _same_department(self, m: Match, refused: Match | None = None) -> Match:
        """财政局项目支出占比 → 人员经费多少: still 财政局's — a chat carries the department it is about; only a
        question naming another one, or every one (各部门, 全区), or a ranking over them leaves it. The year is
        not carried (会议费多少 → 上年呢 → 差旅费多少 is this year's again). A refused question that named one
        department carries it as well (工商联的三公经费都花哪了 → 招待费多少; 财政局2024年度 → 会议费)."""
        unit = self.previous.param("单位") if self.previous is not None else None
        named = {v for t in refused.tokens if t.kind == "单位" for k, v in t.values if k == "单位"} if refused else set()
        if len(named) == 1:
            unit = named.pop()
        if (unit is None or m.param("单位") is not None or m.type_id in (*ACROSS_DEPARTMENTS, "报告列表")
                or "单位" not in self.engine.catalog[m.type_id].params or says_every_department(m.tokens)
                or _names_department(m)):
            return m
        return replace(m, params=(*m.params, ("单位", unit)), followup=True)

    def _with_context(self, m: Match) -> Match:
        """Fill 单位/年度 from the context when the question names neither."""
        wanted = self.engine.catalog[m.type_id].params
        given = dict(m.params)
        for key, value in self.context.items():
            if key == "单位" and m.type_id in ACROSS_DEPARTMENTS:
                continue  # 哪个部门办公费最高 ranks every department, whichever one \use set
            if key in wanted and key not in given and not (key == "年度" and "年度偏移" in given):
                given[key] = value
        return replace(m, params=tuple(given.items()))

    def reset(self) -> None:
        self.previous = None
        self.pair = None
        self.asked, self.asked_items = [], []
        self.last = None
        self.refused = None


def _parts(answer: Answer) -> frozenset[str]:
    at = answer.columns.index("章节") if "章节" in answer.columns else None
    return frozenset(str(r[at]) for r in answer.rows) if at is not None else frozenset()


def _flag_other_part(before: Answer, now: Answer) -> Answer:
    """差旅费 (正文: 4) → 上年呢 (12, worked out from the 附件, which says 11 for this year): the two are not one
    measure, and setting them side by side would suggest a change the report does not state — say so."""
    item = dict(now.params).get("科目")
    if item is None or dict(before.params).get("科目") != item or not _parts(before) or not _parts(now):
        return now
    if _parts(before) == _parts(now):
        return now
    was, now_in = "、".join(sorted(_parts(before))), "、".join(sorted(_parts(now)))
    said = f"注意：上一个答案出自{was}，这个出自{now_in}，口径可能不同，不宜直接相减比较"
    return replace(now, warnings=(*now.warnings, said))


RAW_SQL = re.compile(r"^\s*(SELECT|WITH|FROM|DESCRIBE|SHOW|SUMMARIZE)\b", re.IGNORECASE)
# statements that can only be refused; sent to the read-only connection so the refusal is DuckDB's own
WRITE_SQL = re.compile(
    r"^\s*(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER|ATTACH|DETACH|COPY|INSTALL|LOAD|EXPORT|"
    r"IMPORT|PRAGMA|SET|RESET|CHECKPOINT|VACUUM)\b",
    re.IGNORECASE,
)


def run_piped(engine: Engine, stdin: TextIO, stdout: TextIO, fmt: str = "table") -> int:
    """One question per line in, one answer per question out (JSON Lines with ``fmt="json"``). The REPL's
    backslash commands (\\use, \\sql, \\export …) and raw SQL work too: the REPL, with prompt-toolkit, is
    loaded at the first of them, and takes over the conversation so far."""
    conversation = Conversation(engine)
    repl = None
    first = True
    for line in stdin:
        question = line.strip()
        if not question:
            continue
        if fmt != "json" and not first:
            stdout.write("\n")
        first = False
        if repl is None and (question.startswith("\\") or RAW_SQL.match(question) or WRITE_SQL.match(question)):
            from .repl import Repl

            repl = Repl(engine, fmt, stdout)
            repl.conversation = conversation
            last = conversation.last
            repl.last_sql = (last.sql, dict(last.params)) if last is not None and last.sql else None
        if repl is not None:
            if not repl.handle(question):
                break
            continue
        try:
            text = render(conversation.ask(question), fmt)
        except JuesuanError as e:
            text = str(e)
        stdout.write(text + "\n")
        stdout.flush()
    return 0
