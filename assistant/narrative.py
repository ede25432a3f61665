"""Parse stage, narrative part: sentences of the 情况说明 → facts.

The Ministry template states figures as ``<item><verb><number><unit>`` clauses: ``会议费44万元``,
``占86.4%``, ``增加16.84万元``, ``完成预算100%``, ``国内公务接待20批次``. A sentence is cut into
clauses at ``，；``; in each clause every figure takes its *role* (金额, 占比, 增减额 …) from the
words just before it and its *item* from the noun phrase before it, or, when there is none, the
item of the figure before it (``基本支出158.54万元，占86.4%``). The section the sentence sits in
and the item vocabulary decide the view (收入 / 支出 / 三公 / 资产 / 概况) and the 口径.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .lexicon import Lexicon
from .model import Discrepancy, Fact, Source, Unplaced
from .normalize import cn_year, fold, to_decimal, unit_aliases

UNITS = ("万元", "亿元", "元", "个百分点", "%", "辆", "批次", "人次", "人", "台（套）", "台", "套", "家", "个",
         "次数", "场次", "次", "分", "篇", "项", "场", "平方米", "㎡")
_UNIT_RE = "|".join(re.escape(u) for u in UNITS) + r"|万(?=[（(，,。；;）)]|$)"
FIGURE = re.compile(
    r"(?<![\d.A-Za-z])(?P<num>[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?)(?![\dA-Za-z])\s*(?P<unit>"
    + _UNIT_RE + r")?"
)
_AFTER_SKIP = re.compile(r"^\s*(?:年|月|日|号|\.(?!\d)|、|）|\)|（含）|以上|以下|以内|余|多|字|届|周年|倍|[-—~～至]\d)")
_BEFORE_SKIP = re.compile(
    r"(?:大于|超过|高于|低于|小于|不足|近|将近|接近|逾|约合|第|《|单价|偏离|超|每人每天|每人每次|每人|每天|每次|每辆|标准为|标准|车均|人均|户均|均价"
    r"|平均|\d\s*[-—~～至])\s*$")  # "80-90分", "80至90分": the top of a range
_COUNT_ATTR = {"批次": "批次", "人次": "人次", "辆": "数量"}
_CHANGE_UP = ("增加", "增长", "上升", "提高", "多支", "增支", "多收", "增收", "增幅", "涨幅")
_CHANGE_DOWN = ("减少", "下降", "降低", "节约", "节支", "减支", "压减", "少支", "少收", "减收", "少采购", "回落", "缩减", "降幅",
                "减幅", "跌幅")
_CHANGE_SIGNED = ("增减额", "增减率", "增减变动")  # a label: the figure carries its own sign ("增减率-5.03%")
_LEAD_JUNK = re.compile(
    r"^(?:[：:，、\s]|其中|主要包括|主要用于以下方面|具体如下|具体情况如下|一是|二是|三是|四是|仅"
    r"|\d{4}\s*年(?:度|末|底)?|截至\S*?\d+月\d+日|截止\S*?\d+月\d+日|与\S*?相比|本年度|上年度?|全年|当年|今年"
    r"|本部门|本单位|本[局委院厅办所站队](?!计)|本(?:医院|中心|镇|乡|街道办事处|街道|学校|校|馆|协会|学会|商会|联合会|基金会)|(?:医院|学校|中心|协会|街道办事处|街道|乡|镇|委机关|局机关)(?=\d{4}\s*年|本年|今年)|我部门|我单位|我联|我(?:局|委|院|厅|办|所|站|队|中心|校|馆|会|部|镇|乡|街道)(?!长|主任|书记)|单位实有|实有|共有|累计|按规定|分别|另外|同时|此外|年初预算数?|决算数为?|决算|列明|安排"
    r"|实际支出|(?:部门)?决算公开中?|其中包括|包括|主要是|主要为|主要用于|另有|以及|开支|(?:和|及)(?=\S{2})"
    r"|(?:其次|再次|然后|最后)(?:是|为)?"
    r"|共(?=接待|组织|发生)|[①-⑳])+"
)
_ROLE_WORDS = re.compile(
    r"(?:占本年支出合计的|占本年收入合计的|占\S*?的|占|各增加|各减少|增加了|减少了|增长了|下降了|上升了|降低了|"
    r"增加|减少|增长|下降|上升|降低|节约|"
    r"完成年初预算数?的|完成全年预算数?的|完成调整后?预算数?的|完成预算数?的|完成预算|决算数为|决算数|决算为|决算|预算数为|预算为|预算数|年初预算|"
    r"调整预算|全年预算|共计支出|共计|合计为|均为|同比|安排|各是|各为|分别是|分别为|分别占预算|分别占|分别|较上年度?支出|比上年度?支出|"
    r"(?:较|比|与)(?:年初|全年|调整后?)?预算数?|较上年度?|比上年度?|与上年度?|(?:较|比|与)去年|(?:较|比|与)?上年同期|同期|回落|提高|缩减|增幅达?|降幅达?|涨幅达?|减幅达?|跌幅达?|增长率|增减率|增减额|约|"
    r"占(?!用|有)[^，。、]*|(?:与|同|和|跟)\S{0,6}相比|(?<=\S{2})(?:比重|占比|较|(?<!相)比)|调整后?预算数?为?|总预算数?为?|预算安排|预算拨入|预算拨款|预算执行比例|预算执行率|预算|较\d{4}年度?|比\d{4}年度?|与\d{4}年度?|为|达到|等于|支出数|其中|主要包括|"
    r"主要用于|以下方面|均未|均|各|未|(?<!公)共|的|也|亦|全年|年初|执行数为?|执行金额|实际执行|执行|实际支出|实际|预算资金|"
    r"人民币|压减|节支|减支|少支出?|多支出?|增支|多收|增收|少收|减收|少采购|同口径|(?:从|由)(?:上一?年度?|去年|\d{4}\s*年度?)?的?|平均(?:为|是|达)?|"
    r"(?<=[费出入额金])(?:上|本|当|今|去)年度?|：|:|、|\s)+$"
)


# "与2021年度预算相比，增加1.14万元": a difference from the budget, not a change on the year
_VERSUS_BUDGET = re.compile(r"(?:与|比|较)[^，,；;。]{0,12}?预算")
_VERSUS_YEAR = re.compile(r"(?:与|比|较)\s*(?:上一?年|去年|\d{4}\s*年)|同比")
# "15批次（其中外事接待0批次），105人次": figures of another item; "（含上年结转资金20万元）": a part on another
# basis (carried-over funds). Neither is read; "（含外宾接待支出0.00万元）" is.
_ASIDE = re.compile(r"（(?:其中|含[^（）]*?(?:结转|结余))[^（）]*）")


def _last_versus(text: str) -> str:
    """What the last comparison of the text is with: 预算, 上年, or "" when none is stated."""
    versus = ""
    for part in re.split(r"[，,；;。]", text):
        versus = "预算" if _VERSUS_BUDGET.search(part) else "上年" if _VERSUS_YEAR.search(part) else versus
    return versus


# the numbering of a list entry: "1." "2、" "（1）" "(一)" "①"
_LIST_MARK = r"[\d一二三四五六七八九十]*[、.．]\s*|[（(][\d一二三四五六七八九十]+[）)]\s*|[①-⑳]\s*"
_MARK_STYLES = ((r"\d+[、.．]", "1."), (r"[（(]\d+[）)]", "(1)"), (r"[（(][一二三四五六七八九十]+[）)]", "(一)"),
                (r"[一二三四五六七八九十]+[、.．]", "一、"), (r"[①-⑳]", "①"))


def _mark(text: str) -> str:
    """The kind of list numbering a text opens with ("1." "(1)" "(一)" "一、" "①"), "" when none."""
    return next((style for pattern, style in _MARK_STYLES if re.match(pattern, text)), "")


def _strip_marks(name: str) -> str:
    return re.sub(r"^(?:" + _LIST_MARK + r")+", "", name.strip())


_NUMBERED = r"(?:[\d一二三四五六七八九十]+[.、．]\s*|[（(][\d一二三四五六七八九十]+[）)]\s*)"  # "4." / "（四）"
_NO_CHANGE = re.compile(r"持平|无变化|没有变化|无增减|没有增减")

# topics whose sub-sections stay in them, and where a bare 收入/支出 figure is never the year's total
SPECIFIC_TOPICS = {"三公", "机关运行", "采购", "资产", "绩效", "基金", "国资"}

# words that name a difference, not an item: "年初预算为2.95万元，差值为0.9万元" (a figure left unplaced)
_CLASSIFIERS = "名位户所间座张套批条篇期届栋处亩平㎡米吨万人个辆次台件份家项场公"  # "62名", "1450平方米", "1.85万人"
_NOT_ITEMS = {"差值", "差额", "相差", "差异", "和", "及", "与", "数", "约", "完成", "比例", "同期", "项目", "年中", "年初",
              "超", "多", "少", "超支", "节约", "费用", "资金", "团组",
              "年末", "对比", "相比", "比较", "同比", "环比", "批复", "年初批复", "对",
              "价值", "原值", "净值"}
# a name made of change words only ("减少率", "增减额"): the figure is a change of the item before, never an item
_CHANGE_NAME = re.compile(r"^(?:对比|相比|比较|同比|环比|比|较)?(?:增加|减少|增长|下降|增减|上升|降低)?(?:率|额|幅度?)?$")
# a sentence that opens with a change and names no item: "比上年增加50万元，增长11.11%…"
_CHANGE_OPENING = re.compile(r"^(?:\d{4}\s*年度?)?(?:比|较|与|同比)(?:上一?年度?|去年|\d{4}\s*年度?)?(?:相比)?[，,]?"
                             r"(?:增加|减少|增长|下降|上升|降低|持平)")
_BOTH_WAYS = re.compile(r"[（(](?:增加|减少|增长|下降|上升|降低)[)）]")  # the template's "下降（增长）"
_NATURE_ITEMS = {"基本支出", "项目支出", "人员经费", "公用经费"}  # department-level splits, never a 项's own
_RANKED = (r"(?:占比|所占比重|比重)?(?:最多|最大|最高|最少|最小|最低|次之|较多|较大|较少|居次|位居第[一二三])$"
           r"|^(?:其次是|其次为|其次)")
_WRITTEN_THOUSANDS = re.compile(r"(?<![\d.,，])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,，])")
# 1,150.00 / 1, 150.00, and 5 127.58 as a PDF's extraction spaces a number (only with its decimals: 2023 100 stays apart)
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:, ?\d{3})+(?:\.\d+)?|(?: \d{3})+\.\d+)(?![\d,])")
_TOTAL_BASE = re.compile(r"^(?:本年|当年|全年|部门|单位)?(?:决算)?(?:总)?(?:收入|支出)(?:合计|总计|总额)?(?:数)?$")

# sections about one fund or one part of the spending: a bare 收入/支出 opening a sentence there is not the year's total
_PART_TOPICS = {"财政拨款", "一般公共预算", "基本支出"}
_FUND = r"(?:一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)?财政拨款"

# names that mean a 三公 item inside the 三公 section (elsewhere 公务用车购置 is an economic item)
_SANGONG_ALIAS = {"公务用车购置": "公务用车购置费", "公务用车运行维护": "公务用车运行维护费",
                  "公务用车运行": "公务用车运行维护费", "公务用车保有量": "公务用车", "接待": "公务接待费",
                  "公务接待": "公务接待费"}


@dataclass
class Context:
    """What the sentences so far have established; lives for one section."""

    unit_name: str
    year: int
    topic: str  # 收入 / 支出 / 三公 / 资产 / 采购 / 机关运行 / 绩效 / 机构 / 概况 …
    chapter: str  # 正文 / 附件
    subject: list[str] = field(default_factory=list)  # items of the last figure-bearing sentence
    parent: str = ""  # set by "…其中：" / "主要包括："
    func: tuple[str, str, str] | None = None  # (类, 款, 项) named by "…（类）…（款）…（项）。" for the sentences after it
    orphan: bool = False  # a heading named an item that could not be read: what follows it has no item until one is named
    # (类, 款, numbering of the line naming them, numbering of its entries) of "1.一般公共服务支出（类）" heading a list
    # of "（1）…（款）…（项）" entries one level down
    scope: tuple[str, str, str, str] | None = None
    headed: bool = False  # the subject was named by a heading ("4.公务用车购置费。"): a bare 支出 after it is its
    recent: list[str] = field(default_factory=list)  # every item given a figure in the last figure-bearing sentence
    changed: list[str] = field(default_factory=list)  # items given a change on the year there (whose reason follows)
    budgeted: list[str] = field(default_factory=list)  # items given a budget or 完成预算比 there
    gapped: list[str] = field(default_factory=list)  # items whose difference from the budget was stated there
    whole: str = ""  # "本年支出合计500万元，其中：…": the item the last sentence split into parts
    listing: bool = False  # the last sentence ended with ；: its list may go on
    fund: str = ""  # "一般公共预算" when the section's heading names 一般公共预算财政拨款 (六、…基本支出决算情况说明)


def _unresolved(ctx: Context) -> None:
    """A heading that names an item the parser cannot read ends the scope of the item before it: the figures
    and reasons after it are left unplaced until a sentence names its item."""
    ctx.func, ctx.subject, ctx.parent, ctx.orphan, ctx.headed = None, [], "", True, False
    ctx.recent, ctx.changed, ctx.budgeted, ctx.gapped = [], [], [], []


def _func_item(func: tuple[str, str, str]) -> str:
    """The item a 功能分类 line names: its 项, or its 款 when the line stops there."""
    return func[2] or func[1]


@dataclass(frozen=True)
class Figure:
    value: Decimal
    unit: str
    start: int
    end: int


@functools.lru_cache(maxsize=8192)
def figures(text: str) -> tuple[Figure, ...]:
    """The figures of a clause: numbers that are not years, dates, list numbers or thresholds."""
    out = []
    for m in FIGURE.finditer(text):
        unit = m.group("unit") or ""
        unit = "万元" if unit == "万" else unit
        after = text[m.end("num"):]
        listed = "." in m.group("num") and after.lstrip().startswith("、")  # "各是4125.49、4143.91万元"
        if not unit and _AFTER_SKIP.match(after) and not listed:  # "1、" numbers a list, "6、9、11月" names months
            continue
        if unit in ("", "个", "次", "项", "分") and re.match(r"\s*(?:月|日|年)", after):
            continue
        if _BEFORE_SKIP.search(text[: m.start()]) or re.match(r"\s*[分个项次人]?\s*(?:（含）)?\s*以[上下内]", text[m.end():]):
            continue
        value = to_decimal(m.group("num"))
        if value is None:
            continue
        out.append(Figure(value, unit, m.start(), m.end()))
    return tuple(out)


def _clauses(text: str) -> list[str]:
    """The clauses of a sentence, bracketed asides ("（其中外事接待0批次）") left out."""
    return [c for c in re.split(r"[，,；;。]", _ASIDE.sub("", text)) if c]


def tighten(text: str) -> str:
    """Drop the spaces PDF text puts around numbers and inside words (``2024 年度``, ``为 1560.05 万元``);
    a space between two numbers stays."""
    return re.sub(r"(?<=[^\x00-\x7f])[ \t]+|[ \t]+(?=[^\x00-\x7f])", "", text)


def went_word(lead: str) -> bool:
    """Whether a reason's lead names a change on the year (增加的主要原因, 比上年减少…)."""
    return bool(re.search("|".join(_CHANGE_UP + _CHANGE_DOWN) + r"|上年|去年|同期", lead))


def _contradictory(pre: str) -> bool:
    """``下降（增长）27.78%``: both directions stated for one figure — its sign is unknown."""
    words = re.sub(r"\d{4}\s*年度?|比|较", "", pre)
    return any(w in words for w in _CHANGE_UP) and any(w in words for w in _CHANGE_DOWN)


def _signed(value: Decimal, pre: str) -> Decimal:
    down = max((pre.rfind(w) for w in _CHANGE_DOWN), default=-1)
    up = max((pre.rfind(w) for w in _CHANGE_UP), default=-1)
    return -value if down > up else value


# words that make a count a target, not what was done: "年初预算驻外商会招商18次，实际招商6次"
_TARGET = re.compile(r"年初预算|预算目标|目标|计划(?!生育)|预期|预计")


_SCORE = r"(?:自评得分|预算执行率|执行率|得分|评分)"  # a project's score or rate, named after the project
# money named by a word that says nothing of whose it is: 发生费用, 涉及资金, 价值合计
_GENERIC_MONEY = re.compile(r"(?:发生|产生|所需|共计|合计|涉及)?(?:费用|资金|金额|价值)(?:合计|总额|共计)?")


def _project_of(item: str) -> str:
    """乡村道路养护项目自评得分 → 乡村道路养护项目: the project a score or rate figure was named after."""
    return re.sub(_SCORE + "$", "", item)


def _is_total(item: str) -> bool:
    """本年支出合计, 支出总计, 一般公共预算财政拨款支出 …: a department's total, whose 基本支出 split is the department's."""
    return bool(_TOTAL_BASE.match(item)) or item.endswith(("财政拨款支出", "支出总计", "支出合计", "财政拨款支出总计"))


_SAID_BUDGET = r"(?:年初|全年|调整后?)?预算(?:数)?"
_SAID_ACTUAL = r"(?:支出)?决算(?:数)?|实际支出(?:数)?"
# "年初预算和决算分别为", "决算数与预算数分别是": the two roles of one item, in the order said
_BUDGET_AND_ACTUAL = re.compile(rf"(?:本年度?|当年)?({_SAID_BUDGET}|{_SAID_ACTUAL})(?:和|与|及|、)({_SAID_BUDGET}|{_SAID_ACTUAL})"
                                r"(?:分别|各)(?:为|是)?\s*$")


# "减少至800万元", "较上年下降30%至7万元", "从8万元降至6万元": the figure after 至/到 is what the item came to
_WENT = r"(?:增加|减少|增长|下降|上升|降低|提高|回落|压减|缩减|调增|调减|调整|降|增|减|升|涨)了?"
_REACHED = re.compile(rf"(?:{_WENT}(?:至|到)|^\s*至)\s*$")
_REACHED_NEXT = re.compile(rf"\s*(?:{_WENT})?(?:至|到)\s*[-+]?\d")  # "由0万元增加到3万元": 0 is where it started
_SHARE_MOVED = re.compile(r"(?:占比|比重|比例)\S*?(?:增加|减少|增长|下降|上升|降低|提高)\s*$")  # "占比较上年提高1.5%"
# "3个一级项目、9个二级项目开展了…": the noun a count is of, after it (up to a verb or the next item)
_NOUN_AFTER = re.compile(r"^([\u4e00-\u9fff]{1,10}?)(?=(?:中|里|内)?(?:开展|进行|实施|参与|纳入|完成|[、，,。；;（(]|$))")
_ACTUAL = re.compile(r"决算|执行|实际")  # "年初预算200万元，全年执行180万元": after a budget, what was spent


def role(pre: str, unit: str, budget_mode: bool, year: int) -> str:
    """The attribute a figure fills, from the words just before it."""
    if unit in _COUNT_ATTR:
        return _COUNT_ATTR[unit]
    if unit in ("%", "个百分点"):
        if re.search(r"占(?:年初|全年|调整后?)?预算数?的?\s*$", pre):
            return "完成预算比"  # "占年初预算的60%"
        if "占" in pre or re.search(r"(?:比重|占比)(?:为|是|达)?\s*$", pre):  # "基本支出比重为72.5%"
            return "占比"
        if any(w in pre for w in _CHANGE_UP + _CHANGE_DOWN + _CHANGE_SIGNED):
            return "增减率"
        if "完成" in pre or re.search(r"预算数?的$|预算执行(?:率|比例)(?:为|是)?$", pre.strip()):  # "为年初预算的110%"
            return "完成预算比"
        return "数值"
    if unit in ("万元", "亿元", "元"):
        if any(w in pre for w in _CHANGE_UP + _CHANGE_DOWN + _CHANGE_SIGNED):
            return "增减额"
        if re.search(r"完成(?:年初|全年|调整后?)?预算数?$", pre.strip()):  # "完成预算27万元的63.2%"
            return "预算数"
        if re.search(rf"上年|去年|{year - 1}\s*年", re.sub(rf"(?:上年|{year - 1}\s*年度?)(?:结转|结余)", "", pre)):
            return "上年预算" if re.search(r"预算", pre) and "决算" not in pre else "上年金额"
        if re.search(r"预算(?:数|为|安排|资金)|年初预算|全年预算|预算(?:拨入|拨款)?(?:为|是)?\s*$", pre) and "决算" not in pre:
            return "预算数"
        return "预算数" if budget_mode and not _ACTUAL.search(pre) else "金额"
    return "数值"


@functools.lru_cache(maxsize=8192)
def clean_item(pre: str, unit_name: str) -> str:
    s = pre.strip()
    parts = re.split(r"[：:]", s)
    if len(parts) > 1 and parts[-1].strip():  # "公务接待费：2023年度决算3万元": the label, when nothing follows it
        named = clean_item(parts[-1], unit_name)
        return named or clean_item(parts[-2], unit_name)
    s = parts[-1] if parts[-1].strip() or len(parts) == 1 else parts[-2]  # "支出：90万元": the name before the colon
    if re.fullmatch(r"\s*(?:所占)?(?:比重|占比|比例)(?:为|是|达到?)?\s*", s):
        return ""  # "退役安置支出258.23万元，比重为37.25%": the share of the item just named
    s = re.sub(r"^[^\d，、（）]{2,30}?(?=\d{4}\s*年)", "", s)  # "杜集区机关事务管理中心2021年度…": whoever is named
    s = re.split(r"共有|实有|现有|保有(?!量)", s)[-1]
    s = re.split(r"主要用于(?:以下方面)?", s)[-1] or s  # "…财政拨款支出主要用于一般公共服务支出800万元": the use
    s = re.split(r"(?:主要)?(?:包括|包含)(?!在)", s)[-1] or s  # "人员经费包括基本工资320.5万元": the part
    s = re.split(r"分别为|分别是", s)[-1] or s  # "财政拨款收入分别为一般公共预算财政拨款收入500万元": the part
    s = re.sub(r"^(?:[\d一二三四五六七八九十]+[.、．]|[①-⑳]|[A-Za-z][.．、])\s*", "", s)  # "2、公车运行费…", "①办公费"
    s = re.sub(r"^[^\d，、（）]{2,30}?(?=\d{4}\s*年)", "", s)
    s = re.sub(r"^(?:(?:同比|环比)(?:比|较|与)?|比|较|与)(?:上一?年度?|去年|\d{4}\s*年度?|年初|全年|调整后?)?"
               r"(?:末|底)?(?:同期)?(?:预算数?|决算数?)?(?:相比)?", "", s)  # "较年初预算数90万元", "较2022年度X合计"
    s = re.sub(r"(?:本?年末|年底|期末)结转(?:和|及)?结余(?:资金)?", "年末结转和结余", s)
    s = re.sub(r"(?:上年|年初|\d{4}\s*年度?)结转(?:和|及)?(?:结余)?(?:资金)?", "年初结转和结余", s)  # income, not a 上年 figure
    for short in _name_forms(unit_name):
        s = s.replace(short, "")
    # 德清县教育局机关运行经费 in a report titled 浙江省湖州市德清县教育局: a short form of the department leads
    s = next((s[len(f):] for f in _leading_forms(unit_name) if s.startswith(f) and len(s) > len(f) + 1), s)
    s = re.sub(r"（(?:含|不含)[^）]*）", "", s)
    s = re.sub(r"（[类款项]）", "", s)
    s = re.sub(r"^[（(]?(?:含|不含)", "", s)
    s = re.sub(r"^[\d一二三四五六七八九十]+[.、．]\s*", "", s)
    s = re.sub(r"^[（(][\d一二三四五六七八九十]+[）)]\s*", "", s)
    s = re.sub(r"[-—]\s*\d{1,3}\s*[-—]", "", s)  # a page number glued in by the extraction: "基本支出—5—"
    if s.startswith("（") and "）" not in s:  # "(公务用车购置费0万元," / "（上年8万元）": a bracket the clause cut
        s = s[1:]
    for _ in range(3):
        s = _LEAD_JUNK.sub("", s)
        s = _ROLE_WORDS.sub("", s.rstrip("（("))  # "较上年（5万元）减少1万元": the bracket the figure opened
    # "2023年度郑州市水利局收入、支出总计": the department named after the year the junk above took off
    s = next((s[len(f):] for f in _leading_forms(unit_name) if s.startswith(f) and len(s) > len(f) + 1), s)
    s = re.sub(r"\d{4}\s*年度?$", "", s.strip("：:，、 的")).strip("：:，、 的")  # "…（类）2024年度决算数为"
    s = re.sub(r"(?<=\S{3})中$", "", s)  # "本年支出合计中：基本支出…": the whole the parts are in
    if len(s) > 16 and "的" in s:  # "…所属各预算单位开支财政拨款的公务用车保有量"
        s = s.rsplit("的", 1)[1]
    if not re.search(r"[\u4e00-\u9fff]", s):
        return ""  # "较上年（4万元）减少1万元": what is left of a bracket names nothing
    if "三公" not in s:
        s = re.sub(r"[“”\"‘’]", "", s)  # 自评等级为“优”的项目 (the 三公 quotes are the lexicon's business)
    if re.fullmatch(r"(?:此|该|本|这)项(?:支出|经费|费用|资金)?", s):  # "未发生此项支出": the item being talked about
        return ""
    return "" if s in ("金额", "数量", "本年", "上年", "当年", "今年", "去年") else s  # "本年决算数3万元"


@functools.lru_cache(maxsize=64)
def _leading_forms(unit_name: str) -> tuple[str, ...]:
    """The department's short forms (德清县教育局, 教育局) that may lead an item's name, longest first."""
    return tuple(sorted((f for f in unit_aliases(unit_name) if len(f) >= 3), key=len, reverse=True)) if unit_name else ()


def _name_forms(unit_name: str) -> list[str]:
    forms = [unit_name]
    if "工商业联合会" in unit_name:
        forms.append("工商联")
    return [f for f in forms if f]


def split_pair(item: str) -> list[str]:
    """``收入、支出总计`` → 收入总计, 支出总计; ``财政拨款收入总计、支出总计`` → 财政拨款收入总计, 财政拨款支出总计."""
    item = re.sub(r"^收、支", "收入、支出", item)  # "收、支总计"
    item = re.sub(r"^收支(总计|合计)$", r"收入支出\1", item)
    joint = re.fullmatch(r"(.*?)收入支出(总计|合计)", item)
    if joint:  # 收入支出总计, 财政拨款收入支出总计: the same figure for both sides
        return [f"{joint.group(1)}收入{joint.group(2)}", f"{joint.group(1)}支出{joint.group(2)}"]
    parts = [p for p in re.split(r"[、和及]", item) if p]
    if len(parts) != 2 or not all(re.search("收入|支出", p) for p in parts):
        return [item]
    first, last = parts
    if first.endswith(("收入", "支出")):
        first += re.sub(r"^.*?(收入|支出)", "", last)
    m = re.match(r"^(.*?)(收入|支出)", first)
    if m and m.group(1) and last.startswith(("收入", "支出")):
        last = m.group(1) + last
    if first in ("收入", "支出") or last in ("收入", "支出"):
        return [item]
    return [first, last]


def in_wan(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """An amount in 元 or 亿元 as 万元, the unit every amount is stored in; any other unit as it is."""
    if unit == "元":
        return value / 10000, "万元"
    if unit == "亿元":
        return value * 10000, "万元"
    return value, unit


# where new figures of the item start after a reason: "…原因是承办会议，比上年增加0.5万元" / "…，完成…"
_NEW_FIGURES = r"(?:比|较|与)(?:上年|去年|上一年|\d{4}\s*年)|完成"
_REASON_WORDS = re.compile(r"(?:(?<=[，,；;的])|^)(?:主要系|系因|系由于|主要是由于|主要由于|主要因为|主要是因为)"
                           r"|(?<=预算数[，,])系|(?<=预算[，,])系")  # 决算数大于年初预算数，系事业单位新进人员


def _reason_led(text: str) -> str:
    """"…减少12.31万元，主要系人员调出" / "系因…" / "主要是由于…": a reason, worded as 主要原因是 is — never inside a
    reason already led (主要原因：…，主要由于…)."""
    if "系" not in text and "由于" not in text and "因为" not in text:
        return text
    return _REASON_WORDS.sub(lambda m: m.group(0) if "原因" in text[:m.start()] else "主要原因是", text)


_REASON_STOP = re.compile(rf"。|[，,；;](?={_NEW_FIGURES})")
# words that lead from a sentence into a 类款项 line: "…300万元，主要用于城乡社区支出（类）…"
_LEAD_IN = r"(?:主要用于|其中|主要是|包括|用于)"


def _reason_end(text: str, start: int) -> int:
    """Where a reason that starts at ``start`` ends: at the full stop, or where new figures of the item start."""
    m = _REASON_STOP.search(text, start)
    return m.start() if m else len(text)


class NarrativeParser:
    def __init__(self, lexicon: Lexicon, file: str) -> None:
        self.lex = lexicon
        self.file = file
        self.facts: list[Fact] = []
        self.unplaced: list[Unplaced] = []
        self.discrepancies: list[Discrepancy] = []
        self.numbered = 0

    # ---- naming -------------------------------------------------------------------------------
    def canon(self, name: str) -> str:
        name = fold(name)
        lex = self.lex
        funded = re.match(r"^(?:一般公共预算)?财政拨款(?:安排的?)?(.{2,})$", name)
        if funded and name not in lex.items and name not in lex.canonical:  # 一般公共预算财政拨款“三公”经费
            rest = self.canon(funded.group(1))
            if rest in lex.items and lex.items[rest].表 == "三公":
                return rest
        name = re.sub(r"[“”\"‘’']三公[“”\"‘’']", "“三公”", name)  # any mix of quotes: “三公"经费
        if name.startswith("支出") and name[2:] in lex.items:  # "我单位支出公务接待费为1.58万元"
            return name[2:]
        owner = re.match(r"^(?:本|我)?(?:部门|单位)(.{3,})$", name)  # "部门机关运行经费": the item, not a new one
        if owner and name not in lex.items and name not in lex.canonical and self.canon(owner.group(1)) in lex.items:
            return self.canon(owner.group(1))
        total = re.match(r"^(.{2,}?)(?:支出)?(?:决算)?(?:合计|总额|总计|汇总数?)$", name)
        if total and name not in lex.items and name not in lex.canonical:  # 三公经费支出决算总额, 三公经费合计
            rest = self.canon(total.group(1))
            if rest in lex.items and lex.items[rest].表 == "三公":
                return rest
        for _ in range(4):
            if name in lex.items:
                return name
            if name in lex.canonical:
                return lex.canonical[name]
            stripped = re.sub(r"(?:财政拨款支出决算|财政拨款支出|支出决算|财政拨款|支出)$", "", name)
            if stripped == name or not stripped:
                break
            if stripped.endswith("费用") and stripped[:-1] in lex.items:  # 公务用车运行维护费用支出
                stripped = stripped[:-1]
            if stripped.endswith("费") or stripped in lex.items or stripped in lex.canonical:
                name = stripped
            elif stripped + "费" in lex.items:  # 因公出国（境）支出
                name = stripped + "费"
            else:
                break
        return lex.canonical.get(name, name)

    def heading_item(self, text: str) -> str:
        """The item a sub-heading names (“（三）公务接待费”, “（二）项目支出情况”), "" when it names none: the
        sentences under it that name no item of their own are about it (“支出决算为3万元”)."""
        base = _strip_marks(fold(text)).rstrip("。：:；;")
        for tail in ("", r"(?:决算)?(?:执行)?(?:情况)?(?:说明|分析)?$", r"(?:支出)?(?:决算)?(?:执行)?(?:情况)?(?:说明|分析)?$"):
            name = re.sub(tail, "", base) if tail else base
            item = self.canon(name) if name else ""
            if item in self.lex.items and not _TOTAL_BASE.match(item):
                return item
        return ""

    def _counterpart(self, named: str, side: str, bare: str) -> str:
        """The other side of a fund named just before: 财政拨款收入 → 财政拨款支出总计 for a bare 支出; "" when the
        item named is not a fund's (its qualifier says nothing about the other side)."""
        fund = re.match(rf"^({_FUND}){side}(?:总计|合计)?$", named)
        if not fund:
            return ""
        for name in (fund.group(1) + bare, fund.group(1) + bare + "总计"):
            if name in self.lex.items:
                return name
        return ""

    def _truncated(self, item: str) -> str:
        """A 功能分类 class name cut short in a list of classes (``一般公共154.44，社会保障和就业…``)."""
        lex = self.lex
        if item in lex.items or len(item) < 4:
            return item
        fits = [k for k, v in lex.items.items() if v.口径 == "功能分类" and k.startswith(item)]
        return fits[0] if len(fits) == 1 else item

    def place(self, item: str, ctx: Context, clause: str) -> tuple[str, str, str]:
        """(表, 口径, 上级科目) for an item in its section."""
        info = self.lex.items.get(item)
        holding = re.search(r"共有|实有|保有|现有|截至|截止", clause)
        money = info is not None and info.表 == "三公" and item.endswith("费")  # "公务用车运行费90万元，…保有量13辆"
        if ctx.topic == "资产" or (holding and re.search(r"车|设备", item) and not money):
            return "资产", "", ""
        if info and info.表 == "三公" and (ctx.topic == "三公" or ctx.chapter == "附件"):
            return "三公", "", info.上级科目
        if ctx.topic == "三公" and re.search(r"车|接待|出国|三公", item):
            return "三公", "", ctx.parent
        if info and info.口径 == "功能分类" and ctx.topic == "收入":  # 附件: income by 类
            return "收入", "功能分类", ""
        if info and info.表 == "三公":  # 公务接待费 listed among 公用经费
            return "支出", "经济分类", ctx.parent or "公用经费"
        if info:
            return info.表, info.口径, ctx.parent or info.上级科目
        if "收入" in item and ctx.topic not in ("概况", "机构", "绩效"):
            return "收入", "其他", ctx.parent
        if ctx.topic in ("支出", "基本支出", "一般公共预算", "财政拨款", "基金", "国资", "机关运行", "采购") and (
            item.endswith(("支出", "费", "经费"))
        ):
            return "支出", "其他", ctx.parent
        return "概况", ctx.topic, ctx.parent

    # ---- sentences ----------------------------------------------------------------------------
    def sentence(self, text: str, ctx: Context, src: Source) -> None:
        # a half-width comma inside digits, as written (before the full-width ，of a list is folded into it), is a
        # thousands separator even in a sentence with 各/分别: "各增加1,234.56万元"
        text = _WRITTEN_THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
        text = re.sub(r"([批人])（次）", r"\1次", cn_year(tighten(fold(text))).strip())  # "接待20批(次)300人(次)"
        text = text.replace("负增长", "下降")  # "比上年负增长5%"
        if "，" in text:  # １，２８６．４５万元 (full-width, folded to 1，286.45): a thousands comma, never a clause break
            text = re.sub(r"(?<![\d.])(\d{1,3})，(\d{3}(?:\.\d+)?)(?=\s*(?:万元|亿元|元|万|%))", r"\1\2", text)
        # "2024年度结转结余资金80万元" in the 2024 report: what is left at the year's end, not what came in
        text = re.sub(rf"{ctx.year}\s*年度?(?:末|底)?结转(?:和|及)?结余(?:资金)?", "年末结转和结余", text)
        # "由上年的50万元增加到56万元": this year's figure, then last year's
        text = re.sub(r"由(?:上一?年度?|去年|\d{4}\s*年度?)的?(\d[\d.,]*\s*[万亿]?元)"
                      r"(?:增加|增长|上升|减少|下降|降低)(?:到|至|为)(\d[\d.,]*\s*[万亿]?元)", r"\2，上年\1", text)
        if not re.search(r"各|分别", text):  # "1,150.00万元": the commas are not clause breaks ("各是100,200" stays apart)
            text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", "").replace(" ", ""), text)
        # "（3）应急广播运维项目，预算60.00万元，执行48.75万元，自评得分88分": the project is what the figures are of
        text = re.sub(r"^((?:[（(]\d+[)）]|\d+[.、])?\s*\S{2,30}?项目)，(?=(?:年初|全年)?预算)", r"\1", text)
        if "涉及" in text:  # 涉及一般公共预算资金6,864.28万元: the money evaluated (its 预算 names the fund, no budget)
            text = re.sub(r"涉及(?:一般公共预算|政府性基金预算|国有资本经营预算|财政预算|财政)(?:拨款)?资金", "涉及资金", text)
        if "百分之" in text:  # 降幅百分之4.68, 占百分之99.64, 百分之百: percentages in words
            text = re.sub(r"百分之(\d+(?:\.\d+)?)", r"\1%", text.replace("百分之百", "100%"))
        text = _reason_led(text)
        if not text:
            return
        if self._template(text, ctx, src):
            return
        if "（项）" in text and figures(text):  # a 项 named without its 类 and 款 ("4.行政运行（项）：…"): which one?
            self.numbered += 1
            self.unplaced.append(Unplaced("功能分类的项没有写明所属的类、款，无法确定是哪一项", src))
            _unresolved(ctx)
            return
        if re.search(r"（[款项]）", text) and not figures(text):  # "2.人大事务（款）行政运行（项）。": of which 类?
            _unresolved(ctx)  # the figures after it are not the 项 named before it
            return
        parts = re.split(r"[，,；;](?=[^，,；;。]{0,20}原因(?:是|为|：|:))", text)
        if len(parts) > 1 and all(re.search(r"原因(?:是|为|：|:)", x) for x in parts[1:]) and re.search(
                r"^[^，,。]{0,40}?原因(?:是|为|：|:)", parts[0]):  # "收入增加的主要原因是…，支出减少的主要原因是…"
            for part in parts:
                self.sentence(part, ctx, src)
            return
        if len(parts) > 1 and all(re.search(r"原因(?:是|为|：|:)", x) for x in parts[1:]) and figures(parts[0]):
            # "…比上年减少2万元，下降14.29%，主要原因是…": the figures, then their reason — when they are one
            # item's; "会议费增加1万元，培训费减少1万元，主要原因是…" says not whose
            self.sentence(parts[0], ctx, src)
            if len(set(ctx.changed)) > 1 or len(set(ctx.budgeted)) > 1:
                self.unplaced.append(Unplaced("无法确定原因所指的科目", src))
                return
            last = re.split(r"[，,；;]", parts[0])[-1]
            if _VERSUS_BUDGET.search(last) or (re.search(r"预算", last) and not _VERSUS_YEAR.search(last)):
                # "…决算为5万元，与预算持平，主要原因是…" / "…决算数小于预算数，主要原因是…": the budget gap's
                ctx.gapped, ctx.changed = list(ctx.gapped or ctx.subject), []
            for part in parts[1:]:
                # "…的主要原因是承办会议，比上年增加0.5万元，增长50%，…": the reason ends where new figures start
                tail = re.match(rf"^(.*?原因(?:是|为|：|:)[^，,；;]*)[，,；;]({_NEW_FIGURES})", part)
                if tail and figures(part[tail.start(2):]):
                    self.sentence(tail.group(1), ctx, src)
                    self.sentence(part[tail.start(2):], ctx, src)
                else:
                    self.sentence(part, ctx, src)
            return
        reason = re.match(r"^([^，,。]{0,40}?)的?(?:主要)?(?:变动)?原因(?:是|为|：|:)(.+?)。?$", text)
        if reason and ctx.subject:
            # "因公出国（境）费支出持平的主要原因是…": the sentence names its item; otherwise the last figures' items
            change_words = (r"(?:决算数?)?(?:(?:小于|大于|低于|高于|超过|等于)(?:年初|全年)?预算数?|持平|增加|减少"
                            r"|增长|下降|上升|降低|变动|变化)$")
            named = self.canon(clean_item(re.sub(change_words, "", reason.group(1)), ctx.unit_name))  # 基本支出增加
            if named not in self.lex.items and named not in ("收入", "支出"):  # 因公出国（境）费支出持平
                named = self.canon(clean_item(re.sub("(?:支出)?" + change_words, "", reason.group(1)), ctx.unit_name))
            attr = "预算差异说明" if re.search(r"预算", reason.group(1)) else "说明"
            just = ctx.budgeted if attr == "预算差异说明" else ctx.changed  # "…增加40万元，其中：A…，B…。主要原因是…"
            known = named in self.lex.items
            if attr == "说明" and ctx.gapped and (not known or named in ctx.gapped):
                # "…比年初预算增加50万元。主要原因是…": the sentence before compared with the budget
                if ctx.changed and (not known or named in ctx.changed):  # and with the year before: which one?
                    self.unplaced.append(Unplaced("无法确定原因所指的科目", src))
                    return
                attr, just = "预算差异说明", ctx.gapped
            elif (attr == "说明" and not ctx.changed and ctx.budgeted and not went_word(reason.group(1))
                  and (not known or named in ctx.budgeted)):
                # "年初预算为60万元，支出决算为55.2万元。主要原因是…": no change on the year was stated, only the budget
                attr, just = "预算差异说明", ctx.budgeted
            items = [named] if named in self.lex.items else (just or ctx.subject)
            went = re.search(r"(增加|增长|上升|提高|减少|下降|降低)$", reason.group(1))
            if went and attr == "说明" and named not in self.lex.items:
                # "A增加30万元，B减少10万元。增加的主要原因是…": only the items that went that way
                items = [x for x in (ctx.recent if named in ("收入", "支出") else items)
                         if self._went(x, went.group(1) in _CHANGE_UP)]
                if not items:
                    self.unplaced.append(Unplaced("无法确定原因所指的科目", src))
                    return
            if named in ("收入", "支出"):  # "收入增加的主要原因是…": the recent 收入 item, when there is one
                owners = [x for x in (items if went and attr == "说明" else ctx.recent) if named in x]
                if len(owners) != 1:
                    self.unplaced.append(Unplaced("无法确定原因所指的科目", src))
                    return
                items = owners
            # "决算数小于预算数的主要原因：…" explains the gap to the budget, not the change on the year: kept apart
            if attr == "预算差异说明" and not self._gap_agrees(items, reason.group(1)):
                # "决算数大于预算数的主要原因…" after an item that stayed under its budget: not its reason
                self.unplaced.append(Unplaced("无法确定原因所指的科目", src))
                return
            said = reason.group(2).strip("：:；;，, 。")
            for item in items if said else []:  # "主要原因是。": no reason given
                self._emit_text(item, attr, said, ctx, src)
            return
        zero = re.search(r"(?:未发生|没有产生|未产生|没有发生)(\S*?(?:费|支出))(?:[。，；]|$)", text)
        if zero and not figures(text):
            item = self._this_item(self.canon(zero.group(1)), ctx, src)  # "未发生此项支出"
            if not item:
                return
            if item.endswith("采购"):
                item += "支出"
            self._emit(item, "金额", Decimal(0), "万元", ctx, src, text)
            self._emit_text(item, "说明", zero.group(0).rstrip("。，；"), ctx, src)
            ctx.subject = [item]
            return
        # "本单位无公务用车，无公务用车购置及运行维护费支出": each 无 names within its own clause
        none = re.search(r"(?:^|年度?|本年度?|本单位|本部门)无([^\s，。；、]{2,30}?)(?:收入和支出|收入、支出|收支)(?:[。，；]|$)",
                         text)
        none_one = re.search(
            r"(?:^|[，；]|年度?|本年度?|本单位|本部门)无([^\s，。；、]{2,30}?(?:经费|费用?|支出))(?:[。，；]|$)", text)
        if (none or none_one) and not figures(text):  # "2024年度无政府性基金预算财政拨款收入和支出"
            stated = text.rstrip("。，；")
            items = [self.canon(none.group(1) + "收入"), self.canon(none.group(1) + "支出")] if none else [
                self.canon(none_one.group(1))]  # type: ignore[union-attr]
            if not none:  # "本年度无此项支出"
                items = [self._this_item(items[0], ctx, src)]
                if not items[0]:
                    return
            for item in items:
                self._emit(item, "金额", Decimal(0), "万元", ctx, src, text)
                self._emit_text(item, "说明", stated, ctx, src)
            ctx.subject = items
            return
        figs = figures(text)
        heading_item = re.fullmatch(r"(" + _NUMBERED + r")?([^，。：:；;]{2,20}?)(?:（类）)?[。：:；;]?", text)
        named_item = self.canon(heading_item.group(2)) if heading_item and not figs else ""
        if named_item in self.lex.items:
            ctx.subject = [named_item]  # "4.公务用车购置费。预算安排20万元，…": the item of what follows
            ctx.func, ctx.orphan, ctx.parent, ctx.headed = None, False, "", True
            if text.rstrip("。：:；;").endswith("（类）"):  # "1.一般公共服务支出（类）": a list of its 款 may follow
                ctx.scope = (named_item, "", _mark(text), "")
            ctx.changed = ctx.budgeted = ctx.recent = ctx.gapped = []
            return
        if named_item and heading_item and heading_item.group(1):  # "（二）国内差旅费。" "4.其他。": an item not known
            _unresolved(ctx)
            return
        if not figs:
            self._no_change(text, ctx, src)
            if text.rstrip().endswith(("其中：", "其中:", "主要包括：")) and ctx.subject:
                ctx.parent = ctx.subject[0]
            elif text.rstrip().endswith(("如下：", "如下:")):
                # "公用经费具体情况如下：" names its item; "…公务接待费1.12万元，占100%。具体情况如下：" after a list
                # of three items is about all of them, not the parts of the last one
                named = self.canon(clean_item(re.sub(r"(?:的|之)?(?:具体|详细|主要|基本)?(?:情况|内容|明细)?如下[：:]$", "",
                                                     text.strip()), ctx.unit_name))
                ctx.parent = named if named in self.lex.items else ""
            return
        self.numbered += 1
        start = len(self.facts)
        if ctx.whole and _CHANGE_OPENING.match(text):
            # "…，其中：基本支出450万元；项目支出50万元。比上年增加50万元…": the whole's change, not the last part's
            ctx.subject, ctx.headed = [ctx.whole], False
        splits = "其中" in text and figs[0].start < text.index("其中")
        placed, clauses = self._figures(text, ctx, src)
        if splits:  # the item of the sentence's first figure, the one split into parts
            ctx.whole = next((f.科目 for f in self.facts[start:] if f.数值 is not None), "")
        elif not ctx.listing:  # "…；项目支出50万元，占10%。": the list goes on after a ；
            ctx.whole = ""
        ctx.listing = text.rstrip().endswith(("；", ";"))
        self._conflicts(start, src)
        if not placed:  # "收支总体与上年相比，增加8万元…，主要原因是…": not the subject of the sentence before
            ctx.subject, ctx.changed, ctx.budgeted = [], [], []
        if placed < len(figs):
            self.unplaced.append(Unplaced("无法确定数字所属科目", src))
        # "…因公出国（境）费0万元，较上年无增减；…": a stated zero change of the figure just before it
        for clause, before in clauses:
            if not figures(clause):
                self._no_change(clause, ctx, src, before)

    def _no_change(self, text: str, ctx: Context, src: Source, before: list[str] | None = None) -> None:
        """``…决算数与2023年度持平``, ``因公出国（境）费支出与上一年度持平``: a stated zero change. A clause
        that compares with the budget (``决算数与预算数持平``) is not a change on the year."""
        for clause in re.split(r"[，,；;。]", text):
            if not _NO_CHANGE.search(clause) or _VERSUS_BUDGET.search(clause) or "预算数" in clause:
                continue
            named = re.match(r"^(?:其中[：:])?\s*(?:\d{4}\s*年度?)?(.+?)(?:财政拨款)?(?:支出)?(?:决算数?)?\s*"
                             r"(?:与|比|较)?(?:上一?年度?|\d{4}\s*年度?)?(?:相比)?\s*(?:基本)?(?:"
                             + _NO_CHANGE.pattern + ")", clause)
            item = self.canon(clean_item(named.group(1), ctx.unit_name)) if named else ""
            if item and (item in self.lex.items or (ctx.func and item == _func_item(ctx.func))):
                items = [item]
            elif re.search(r"上一?年|\d{4}\s*年度?", clause) and (before if before is not None else ctx.subject):
                items = list(before if before is not None else ctx.subject)
            else:
                continue
            last = next((f for f in reversed(self.facts) if f.科目 in items and f.数值 is not None and f.source == src), None)
            if last is not None and last.计量单位 not in ("万元", "%", ""):
                continue  # "共有车辆8辆，与上年持平": a count unchanged, not its spending (no column for it)
            for it in items:
                self._emit(it, "增减额", Decimal(0), "万元", ctx, src, text)
            ctx.subject = items
            ctx.changed = list(dict.fromkeys([*ctx.changed, *items]))  # a reason after "…较上年持平。" is the year's

    # ---- template sentences whose wording fixes the names ------------------------------------------
    def _template(self, text: str, ctx: Context, src: Source) -> bool:
        """绩效 counts and 政府采购 amounts are stated in the template's fixed wording; their generic
        clause reading would give names like "涉及预算金额" three times over."""
        t = re.sub(r"\s+", "", text)
        if ctx.topic == "绩效" or re.search(r"绩效目标的|绩效自评的|绩效评级为", t):
            return self._performance(t, ctx, src)
        if ctx.topic == "采购" or "政府采购" in t:
            return self._procurement(t, ctx, src)
        return False

    def _performance(self, t: str, ctx: Context, src: Source) -> bool:
        found: list[tuple[str, Decimal, str]] = []
        for m in re.finditer(r"(编报绩效目标|绩效跟踪评价|绩效运行监控|绩效监控|绩效自评|绩效评价|重点绩效评价)的"
                             r"(?:\d{4}年度?)?项目(\d+)个(?:，?涉及(?:预算)?(?:金额|资金)(\d+(?:\.\d+)?)万元)?", t):
            found.append((f"{m.group(1)}项目", Decimal(m.group(2)), "个"))
            if m.group(3):
                found.append((f"{m.group(1)}项目金额", Decimal(m.group(3)), "万元"))
        for m in re.finditer(r"平均得分(\d+(?:\.\d+)?)分", t):
            found.append(("绩效自评平均得分", Decimal(m.group(1)), "分"))
        for m in re.finditer(r"绩效评级为[“\"]?(优|良|合格|不合格|中|差)[”\"]?的项目(\d+)个", t):
            found.append((f"绩效评级为{m.group(1)}的项目", Decimal(m.group(2)), "个"))
        for pattern, name in ((r"共发现问题(\d+)个", "绩效自评发现问题"), (r"已经?完成整改的(\d+)个", "已完成整改问题"),
                              (r"正在整改的(\d+)个", "正在整改问题")):
            for m in re.finditer(pattern, t):
                found.append((name, Decimal(m.group(1)), "个"))
        if not found or len(found) < len(figures(t)):
            return False  # other figures too: the clause reading handles the sentence
        self.numbered += 1
        for name, value, unit in found:
            self.facts.append(Fact("概况", name, "数值", value, unit, src, None, "绩效", 原文科目=name, 章节=ctx.chapter))
        ctx.subject = [found[-1][0]]
        return True

    def _procurement(self, t: str, ctx: Context, src: Source) -> bool:
        amount = r"(?:金额|支出)?(?:（[^）]*）)?为?(\d+(?:\.\d+)?)万元"
        found: list[tuple[str, Decimal, str]] = []
        m = re.search(r"政府采购(?:支出)?(?:总额|金额|支出)(?:（[^）]*）)?为?(\d+(?:\.\d+)?)万元", t)
        if m:
            found.append(("政府采购支出", Decimal(m.group(1)), ""))
        for kind in ("货物", "工程", "服务"):
            m = re.search(kind + r"采购" + amount, t)
            if m:
                found.append((f"政府采购{kind}支出", Decimal(m.group(1)), "政府采购支出"))
        for who in ("中小企业", "小微企业"):
            m = re.search(r"面向" + who + r"预留(?:的)?政府采购项目(?:预算)?金额(\d+(?:\.\d+)?)万元", t)
            if m:
                found.append((f"面向{who}预留政府采购项目预算金额", Decimal(m.group(1)), "政府采购支出"))
            m = re.search(r"在面向" + who + r"预留的?政府采购项目中，?由" + who + r"供应商中标或成交的，?采购金额"
                          r"(\d+(?:\.\d+)?)万元", t)
            if m:
                found.append((f"{who}预留项目由{who}中标或成交金额", Decimal(m.group(1)), "政府采购支出"))
        m = re.search(r"在其他政府采购项目中，?由中小企业供应商中标或成交的，?采购金额(\d+(?:\.\d+)?)万元", t)
        if m:
            found.append(("其他项目由中小企业中标或成交金额", Decimal(m.group(1)), "政府采购支出"))
        m = re.search(r"授予中小企业合同金额(?:为)?(\d+(?:\.\d+)?)万元", t)
        if m:
            found.append(("授予中小企业合同金额", Decimal(m.group(1)), "政府采购支出"))
        if not found or len(found) < len(figures(t)):
            return False  # other figures too: the clause reading handles the sentence
        self.numbered += 1
        for name, value, parent in found:
            self.facts.append(Fact("支出", name, "金额", value, "万元", src, None, "政府采购", 上级科目=parent,
                                   原文科目=name, 章节=ctx.chapter))
        ctx.subject = [found[-1][0]]
        return True

    def _figures(self, text: str, ctx: Context, src: Source) -> tuple[int, list[tuple[str, list[str]]]]:
        # "年初预算支出179.65万元：一般公共服务148.87…": the words before the first figure make every figure a
        # budget figure; a budget named later in the sentence ("支出2.05万元，年初预算为2.95万元") does not
        first = figures(text)
        lead = text[: first[0].start] if first else text
        # "2022年度收入总计1300万元，支出总计1290万元" in a 2023 report: the whole sentence is about the year before
        prior_year = bool(re.match(rf"^\s*(?:{ctx.year - 1}\s*年度?|上年度?|去年)(?!相比|比较|结转|结余|末?结)", text))
        budget_mode = bool(re.search(r"年初预算|预算收入|预算支出|预算(?:拨入|拨款)?(?:为|是)?\s*$", lead)) and "决算" not in lead
        placed = 0
        last_items: list[str] = []
        last_unit = ""
        parent_here = ""
        labels: list[str] = []  # "6月、9月、11月": paired with a following run of values
        base = ""
        versus = ""
        lost = False  # a figure of this sentence was left without an item
        year_seen = 0  # the last year named so far in the sentence
        last_attr = ""
        recent: list[str] = []
        changed: list[str] = []
        budgeted: list[str] = []
        gapped: list[str] = []
        budget_given: list[str] = []  # items given a budget amount in this sentence
        target: tuple[str, str] | None = None  # (item, unit) of the last target count read in the sentence
        month_base = ""  # the series a month's figure belongs to ("预算执行进度6月为40%、9月为65%")
        clauses: list[tuple[str, list[str]]] = []  # each clause with the items of the last figure placed before it
        shared = False  # the item named before "，为" was named for its share ("X占比最大，为85.2%")
        money_items: list[str] = []  # the items of the last amount: "X18.6万元，主要用于…用车4辆…，比上年减少2.1万元"
        count_items: set[str] = set()  # the items given a count in this sentence (优的5个、良的2个: several)
        used_count = False  # the last figure was a count named in what an amount was used for
        parts = _clauses(text)
        for k, clause in enumerate(parts):
            clauses.append((clause, list(last_items)))
            figs = figures(clause)
            if not figs and k + 1 < len(parts) and re.match(r"(?:为|是|达|计)", parts[k + 1]):
                # "其中财政拨款收入最多，为1400万元" / "其他收入，为100万元": the item named before "，为"
                said = self.canon(clean_item(re.sub(_RANKED, "", clause), ctx.unit_name))
                if said in self.lex.items:
                    last_items = [said]
                    shared = bool(re.search(r"占比|比重|所占", clause))
                elif said:
                    lost, last_items = True, []  # a subject we cannot name: its figures stay unplaced
            whole_of = re.fullmatch(r"(?:全部|均|都)(?:为|是|来自|属于)(.{2,20}?)", clause) if not figs else None
            whole_item = self.canon(clean_item(whole_of.group(1), ctx.unit_name)) if whole_of else ""
            if whole_item in self.lex.items:
                last_items = [whole_item]  # "全部为财政拨款收入，占100%"
            months = re.search(r"(\d+)月?(?:、(\d+)月?)+月", clause)
            if months and not figs:  # "在6月、9月、11月执行进度，…分别占预算38.6%、51.0%、63.9%"
                labels = [f"{n}月" for n in re.findall(r"\d+", months.group(0))]
                base = clean_item(clause[months.end():], ctx.unit_name)
            held = re.search(r"(?:截至|截止|截至到)\s*(\d{4})\s*年", clause) if not figs else None
            if held:  # "截至2022年12月31日，本部门共有车辆4辆" in a 2023 report: last year's stock
                year_seen = int(held.group(1))
            if not figs and re.search(r"(?:与|比|较)\S{0,8}(?:相比|比较)$", clause):  # "X与上年相比，增加…"
                said = self.canon(clean_item(re.sub(r"(?:与|比|较)\S{0,8}(?:相比|比较)$", "", clause), ctx.unit_name))
                if said in self.lex.items:
                    last_items = [said]
                elif said:
                    lost, last_items = True, []  # a subject we cannot name: its figures stay unplaced
            elif not figs and re.search(r"比|较|持平|无增减|无变化", clause):  # "其中，公务接待费比预算无增减变化，比去年增加…"
                said = self.canon(clean_item(re.split(r"比|较|持平|无增减|无变化", clause)[0], ctx.unit_name))
                if said in self.lex.items:
                    last_items = [said]
            if _VERSUS_BUDGET.search(clause):
                versus = "预算"
            elif _VERSUS_YEAR.search(clause):
                versus = "上年"
            chead = clause.split("：")[0] if "：" in clause else ""
            if chead and not figures(chead) and "原因" not in chead:  # "主要原因是：…" names no parent
                cand = self.canon(clean_item(chead, ctx.unit_name))
                if cand and len(cand) <= 20:
                    parent_here = cand
            including = ""  # "工资福利支出700万元，包括基本工资200万元、…": the parts of the item just named
            prev_end = 0
            i = 0
            while i < len(figs):
                fig = figs[i]
                pre = clause[prev_end: fig.start]
                run = [fig]
                joiners = ("、", "和", "及") if "分别" in pre else ("、",)  # "分别为250万元和50万元"
                while i + len(run) < len(figs) and clause[run[-1].end: figs[i + len(run)].start].strip() in joiners:
                    run.append(figs[i + len(run)])
                prev_end, i = fig.end, i + 1  # the figure is read now, whether or not it is placed
                # "4125.49、4143.91万元"; never the % of a share before ("占100%，事业收入、经营收入均为0")
                unit = fig.unit or (run[-1].unit if len(run) > 1 else "") or (last_unit if last_unit != "%" else "")
                follows = clause[fig.end: fig.end + 1]
                if not fig.unit and len(run) == 1 and follows and follows in _CLASSIFIERS:
                    unit = ""  # "62名职工", "1450平方米", "1.85万人": a count of something else, not the unit before
                if not unit:
                    continue
                found = re.search(r"(\d+)月?(?:、(\d+)月?)+月?", pre)
                if found:
                    labels = [f"{n}月" for n in re.findall(r"\d+", found.group(0))]
                    base = clean_item(pre[found.end():], ctx.unit_name)
                if len(run) > 1 and len(run) != len(labels) and re.search(r"各|分别", pre):
                    # "收、支总计各是4125.49、4143.91万元" / "各下降23.51%、38.28%": one value per item, in order
                    pairing = last_items
                    if len(last_items) != len(run) and not clean_item(pre, ctx.unit_name):
                        # "…，其中基本支出400万元、项目支出200万元，分别占66.67%、33.33%": the parts just listed
                        listed = list(dict.fromkeys(recent))
                        listed = listed[1:] if "其中" in text and len(listed) > len(run) else listed
                        pairing = listed if len(listed) == len(run) else last_items
                    paired = self._paired(pre, run, unit, budget_mode, versus, pairing, ctx, src, text)
                    if paired:
                        placed += len(run)
                        last_items = paired
                        if _BUDGET_AND_ACTUAL.search(pre):  # a reason after it explains the gap
                            budgeted += paired
                            budget_given += paired
                        last_unit = run[-1].unit or last_unit
                    prev_end, i = run[-1].end, i - 1 + len(run)
                    continue
                if len(run) > 1 and len(run) == len(labels):
                    if not found:
                        base = clean_item(pre, ctx.unit_name) or base
                    goal = "目标" if re.search(r"达到|目标", pre) else ""
                    for label, f in zip(labels, run, strict=True):
                        said_first = self._series_item(label, base or "执行进度")
                        if said_first is None:
                            self._emit(f"{label}{base or '执行进度'}{goal}", "数值", f.value, f.unit or unit, ctx, src,
                                       text)
                        else:  # the item as first read, in its 口径 (绩效), so that both mentions are one row
                            item = said_first.科目 + goal
                            self.facts.append(Fact("概况", item, "数值", f.value, f.unit or unit, src, None, said_first.口径,
                                                   原文科目=item, 章节=ctx.chapter))
                    placed += len(run)
                    prev_end, i = run[-1].end, i - 1 + len(run)
                    continue
                if len(run) > 1 and not clean_item(pre, ctx.unit_name):
                    # "…各增加123.45万元、120.00万元，增长11.11%、10.81%": the items just listed, in order, when
                    # as many; otherwise which value is whose cannot be told
                    listed = list(dict.fromkeys(recent))
                    pairing = last_items if len(last_items) == len(run) else listed if len(listed) == len(run) else []
                    paired = self._paired(pre, run, unit, budget_mode, versus, pairing, ctx, src, text) if pairing else []
                    if paired:
                        placed += len(run)
                        recent += paired
                        last_items = paired
                    else:
                        lost = True
                    prev_end, i = run[-1].end, i - 1 + len(run)
                    continue
                named = [(int(y.group(1)), bool(re.search(r"(?:比|较|与|同比)\s*$", pre[: y.start()])))
                         for y in re.finditer(r"(?<!\d)(\d{4})\s*年", pre)]  # "较2023年度": the base of a change
                subject_years = [y for y, base in named if not base]
                if subject_years:
                    year_seen = subject_years[-1]
                other_base = [y for y, base in named if base and y != ctx.year - 1]
                if other_base:  # "比2021年度增加50万元，增长4%" in 2023: neither is a change on the year before
                    if year_seen in (0, ctx.year, ctx.year - 1):  # a later year named as the subject stays
                        year_seen = other_base[-1]
                    lost = True
                    continue
                if year_seen and year_seen not in (ctx.year, ctx.year - 1):  # "2021年…" in a 2023 report: not its figure
                    lost = True
                    continue
                if not fig.unit and re.search(r"(?:增长|下降|上升|降低)\s*$", pre):
                    unit = "%"  # "增长 13.95": a rate printed without its %
                if re.fullmatch(r"\s*(?:少|多)了?\s*", pre) and re.search(r"比|较", clause[: fig.start]):
                    pre = "减少" if "少" in pre else "增加"  # "比去年4万元少1万元"
                if re.match(r"^\s*[，,]?\s*(?:其中)?(?:主要)?(?:包括|包含)", pre) and len(last_items) == 1:
                    including = last_items[0]
                if unit == "个百分点":  # "执行率98.33%，比上年下降2个百分点": the move of a rate or share, no column
                    lost = True
                    continue
                reached = _REACHED.search(pre)
                if unit == "%" and (reached or _SHARE_MOVED.search(pre) or (
                        re.search(r"(?:从|由)\S{0,6}$", pre) and _REACHED_NEXT.match(clause[fig.end:]))):
                    lost = True  # "占比较上年提高1.5%", "比重由70%提高到75%": a share's move, or a rate it came to
                    continue
                if reached and re.search("预算", clause[: fig.start]):
                    lost = True  # "年初预算由10万元调整到12万元": the budget it was changed to, no column
                    continue
                attr = "金额" if reached else role(pre, unit, budget_mode, ctx.year)  # 较上年减少至: this year's
                if attr == "金额" and re.search(r"(?:从|由)\s*$", pre) and _REACHED_NEXT.match(clause[fig.end:]):
                    attr = "上年金额"  # "由0万元增加到3万元"
                if budget_mode and attr == "金额":  # "预算123.5万元，实际支出118.2万元，其中：货物类98.2万元": spent
                    budget_mode = False
                if attr == "数值" and unit == "%" and shared:  # "X占比最大，为85.2%": X's share
                    attr = "占比"
                if attr == "上年预算":  # "2022年预算12万元": last year's budget has no column
                    lost = True
                    continue
                if prior_year and not re.search(rf"本年|今年|当年|{ctx.year}\s*年", pre):
                    if attr in ("金额", "决算数"):
                        attr = "上年金额"
                    elif attr != "上年金额":  # its changes, counts and shares are of the year before: no column
                        lost = True
                        continue
                counted = unit not in ("万元", "亿元", "元", "%")
                if counted and (any(w in pre for w in _CHANGE_UP + _CHANGE_DOWN) or year_seen == ctx.year - 1 or re.search(
                        rf"原因|上年|去年|{ctx.year - 1}\s*年", pre)):
                    lost = True  # "比上年减少1辆", "较上年提高3分", "上年末为6辆", "原因是报废1辆": no column
                    continue
                if unit == "%" and re.search(r"(?:上年|去年|\d{4}\s*年度?)的?\s*$", pre) and "占" not in pre:
                    lost = True  # "为上年的110%": a ratio to last year, not a share nor a growth rate
                    continue
                if (attr == "数值" and unit == "%" and pre.strip() == "的"
                        and re.search(r"(?:完成|占|为)\S{0,4}预算", clause[: fig.start])):
                    attr = "完成预算比"  # "完成预算27万元的63.2%"
                if attr == "预算数" and re.search(r"全年预算|调整(?:后)?预算", pre) and "年初预算" in text:
                    attr = "全年预算数"  # "年初预算为0万元，全年预算为321.02万元": both, kept apart
                raw = clean_item(pre[: reached.start()] if reached else pre, ctx.unit_name)
                if (attr == "完成预算比" and not raw and last_items and last_items[-1].endswith("得分")
                        and re.search(r"预算执行率", pre)):
                    # "部门整体支出绩效自评得分为87.67分，…，全年预算执行率98.22%": the whole's execution rate, no score's
                    raw, attr = re.sub(r"(?:绩效)?(?:自评)?(?:综合)?得分$", "", last_items[-1]) + "预算执行率", "数值"
                if re.fullmatch(r"(?:实际)?完成值?|实际值?", raw) and last_items and last_items[-1].endswith("指标目标值"):
                    # "“项目覆盖率”指标目标值为95%，实际完成值为98.5%": that indicator's value, not a 完成预算比
                    raw, attr = last_items[-1][:-3] + "实际完成值", "数值"
                if re.search(r"保有\s*$", pre):  # "购置公务用车2辆，…公务用车保有9辆": the fleet, not the purchase
                    raw = ((clean_item(pre.rstrip()[:-2], ctx.unit_name) or "公务用车") + "保有量").rsplit("的", 1)[-1]
                if ctx.topic == "三公" and unit == "人" and (raw in ("人数", "人员") or (not raw and last_attr == "批次")):
                    raw, attr = "", "人次"  # "公务接待220批次，人数2929人", "接待20批次300人"
                elif re.fullmatch(r"(?:公务)?接待(?:批次|人数|人次)|来宾", raw) and unit in (
                        "次", "批", "批次", "人", "人次"):  # "接待批次20次，接待人数180人", "来宾180人次"
                    raw, attr = "公务接待费", "批次" if "批次" in raw else "人次"
                if attr in ("批次", "人次") and re.fullmatch(
                        r"(?:(?:全年|本年)?(?:共计?|累计)(?:接待)?(?:国内)?(?:公务)?|接待(?:国内)?(?:公务)?|(?:公务)?)接待(?:国内|外省市|来访|上级)*"
                        r"(?:团组|客人|人员|来宾)?",
                        raw):  # 全年共计接待10批次, 共接待国内公务接待32批次
                    raw = "公务接待"  # "共接待国内来访团组15批次": the visits of 公务接待费
                if raw in ("接待", "公务接待", "公务接待费") and attr in ("批次", "人次"):
                    # "国内公务接待20批次，…；接待180人次": the 接待 item just named (never the 外事 part of it)
                    # "外事接待费0万元，接待0批次": the 外事 item, when it is the one this sentence just gave a figure
                    named_now = [x for x in last_items if "接待" in x]
                    hosted = named_now if len(named_now) == 1 and not lost else [
                        x for x in last_items or ctx.subject if "接待" in x and "外" not in x]
                    raw = hosted[0] if len(hosted) == 1 else raw
                if attr == "占比" and raw.startswith("占"):  # "占政府采购预算58.8%": a share of the item before
                    raw = ""
                if raw in ("收入总计", "支出总计") and last_items:
                    # "财政拨款收入总计300万元，支出总计290万元": the fund's other total, not the department's
                    other = "收入" if raw.startswith("支出") else "支出"
                    sides = [x for x in last_items if other in x]
                    raw = (self._counterpart(sides[0], other, raw) or raw) if sides else raw
                if ctx.func and re.fullmatch(r"(?:本年度?|当年|全年)(?:收入|支出)", raw):
                    raw = raw[-2:]  # "…（项）。本年支出决算为55万元": that 项's, as "支出决算为…" is
                if raw in ("收入", "支出"):  # "支出167.37万元" opening the 总体/收入/支出 part: the year's total
                    total = (ctx.topic not in SPECIFIC_TOPICS and not lost and not ctx.func and not ctx.orphan
                             and "：" not in text[: fig.start])
                    other = "收入" if raw == "支出" else "支出"  # "部门收入100万元，支出90万元": the other side
                    same = bool(last_items) and not any(other in x for x in last_items)  # "预算5万元，支出4万元"
                    # "…初中教育（项）。支出决算为60万元", "4.公务用车购置费。支出5万元": the item named before
                    same = same or (not last_items and (ctx.func is not None or (
                        ctx.headed and not any(other in x for x in ctx.subject))))
                    # the other side named just before in this sentence, or (cut at "；") the subject of the one before
                    sides = [x for x in (last_items or ([] if lost or ctx.orphan else ctx.recent[:1])) if other in x]
                    if same:
                        raw = ""
                    elif sides and not _TOTAL_BASE.match(sides[0]):
                        # "财政拨款收入1150万元，…；支出1140万元": the fund of the other side the sentence is about
                        # carries over; any other qualifier ("其他收入5万元，支出…") does not say whose the 支出 is
                        raw = self._counterpart(sides[0], other, raw)
                    else:
                        raw = f"本年{raw}合计" if total and (sides or ctx.topic not in _PART_TOPICS) else ""
                    if not raw and not same:  # "2、支出：90万元" after another item's sentence: whose?
                        lost, last_items = True, []
                        continue
                if re.fullmatch("项目自评得分|" + _SCORE, raw) and len(last_items) == 1 and not _is_total(last_items[0]):
                    raw = _project_of(last_items[0]) + raw.removeprefix("项目")  # "…项目…，得分92分": that project's
                if not raw and unit == "万元" and len(last_items) == 1 and re.search(_SCORE + "$", last_items[0]):
                    raw = _project_of(last_items[0])  # "…项目自评得分95分，全年预算数100万元": the project's money
                if _CHANGE_NAME.fullmatch(_BOTH_WAYS.sub("", raw)) or (re.search(r"\d+(?:\.\d+)?(?:万元|元|个|%|人|次)", raw)
                                                   and not re.search(r"以[上下]", raw)):
                    raw = ""  # "减少率33.3%", "年初批复预算4个项目200万元": no item named
                if not raw and "分别" in pre and len(run) == 1:  # "分别增长7.1%和下降4.8%": which item is which?
                    lost, last_items = True, []
                    continue
                after = re.match(r"^(?:个|家|项)?(项目|单位)(?:开展了?|进行了?)?(\S{2,16}?)$", clause[fig.end:])
                noun = _NOUN_AFTER.match(clause[fig.end:]) if unit in ("个", "项", "家") and fig.unit else None
                if unit in ("个", "项", "家") and after and raw not in self.lex.items and not re.search(r"\d", after.group(2)):
                    raw = after.group(2).replace("了", "") + after.group(1)
                elif noun and raw not in self.lex.items:  # "对3个一级项目、9个二级项目", "评价结果为3个优、1个良": the counted
                    raw = noun.group(1)
                raw = re.sub(r"^[^-—\d]*?(\d+月)(?=\S{2,})", r"\1", raw)
                month = re.fullmatch(r"(.*?)(\d{1,2}月(?:份|末|底)?)", raw)
                if month:  # "预算执行进度6月为40%、9月为65%", "执行进度：6月为40%": that month's figure of the series
                    month_base = re.sub(r"^(?:本|我)?(?:部门|单位)", "", month.group(1) or month_base or parent_here)
                    if not month_base:  # "6月为40%" of nothing named: whose?
                        lost = True
                        continue
                    raw = month.group(2) + month_base
                if not raw and unit in ("万元", "亿元", "元") and money_items and (used_count or (
                        last_unit not in ("万元", "亿元", "元", "%", "") and "金额" not in pre
                        and (any(w in pre for w in _CHANGE_UP + _CHANGE_DOWN) or "预算" in pre))):
                    # a nameless amount after a count named in a use, or a change after a count ("…15批次、
                    # 120人次，较上年减少0.7万元"): the item of the amount before
                    last_items = money_items
                # "对“智慧城管平台运维”项目开展了部门评价，评价得分85.6分": a project named in quotes only — whose score?
                scored = (bool(re.fullmatch(r"(?:评价|考核|绩效)?" + _SCORE, raw)) and not last_items
                          and bool(re.search(r"[“\"][^”\"]+[”\"]项目", text)))
                if scored or (_GENERIC_MONEY.fullmatch(raw) and unit in ("万元", "亿元", "元")):
                    # "国内公务接待36批次、312人次，发生费用4.28万元", "专用设备2台，价值合计356万元": the money of what was
                    # just counted; with nothing counted before ("评价得分85.6分，涉及资金236.5万元"), whose is it?
                    # "项目支出8个，涉及资金560万元": the funds the projects involve, not the year's 项目支出
                    involved = raw.startswith("涉及") and bool(last_items) and last_items[0] in self.lex.items
                    if (scored or involved or len(last_items) != 1 or last_unit in ("万元", "亿元", "元", "%", "")
                            or len(count_items) > 1):
                        lost, last_items = True, []
                        continue
                    raw = last_items[0]
                if raw and len(last_items) == 1 and self.canon(raw) not in self.lex.items:
                    raw = self._sibling(self.canon(raw), last_items[0])  # "政府采购货物支出56.20万元、服务支出29.16万元"
                whole, part = raw.rsplit("中", 1) if "中" in raw[1:-1] else ("", "")
                if raw not in self.lex.items and self.canon(whole) in self.lex.items and self.canon(part) in self.lex.items:
                    raw = part  # "基本支出中人员经费占比为89.77%": the part, named after the whole it is in
                # after a figure whose item could not be read, a nameless figure has no item either
                items = [self.canon(x) for x in split_pair(raw)] if raw else list(last_items or ([] if lost else ctx.subject))
                items = [self._truncated(x) for x in items]
                if len(items) == 1 and items[0] not in self.lex.items and re.search(r"均|都", pre):
                    both = [self.canon(x) for x in re.split(r"[、和及与]", raw) if x]  # "X和Y均为0万元": each of them
                    both = both[:1] + [self._sibling(x, both[0]) for x in both[1:]]  # "政府采购工程支出和服务支出均为0"
                    items = both if len(both) > 1 and all(x in self.lex.items for x in both) else items
                if len(items) == 1 and items[0] in ("基本支出", "项目支出") and attr == "金额":
                    # "行政运行支出300万元，其中：基本支出280万元" / "…（项）。…其中：基本支出40万元": that item's own split
                    # never the item before in a list ("日常公用支出100万元、项目支出250万元"): a sibling, not its owner
                    owner = _func_item(ctx.func) if ctx.func and not last_items else (
                        last_items[0] if len(last_items) == 1 and not _is_total(last_items[0])
                        and not last_items[0].endswith(tuple(_NATURE_ITEMS))
                        and not re.match(r"^\s*(?:、|和|及|以及)", pre) else "")
                    if owner:
                        attr, items = items[0], [owner]
                if ctx.fund == "一般公共预算" or re.search(
                        r"一般公共预算财政拨款支出(?:[^。；;：:]{0,30}[，,]其中|中[，,：:])", text) or (
                        re.match(r"\s*其中", text) and ctx.subject[:1] == ["一般公共预算财政拨款支出"]) or (
                        ctx.listing and ctx.subject[:1] in (["一般公共预算财政拨款基本支出"], ["一般公共预算财政拨款项目支出"])):
                    # "五、一般公共预算财政拨款支出…：其中：基本支出250万元", "一般公共预算财政拨款支出2345万元，其中：基本支出…":
                    # that fund's split
                    items = [f"一般公共预算财政拨款{x}" if x in ("基本支出", "项目支出") else x for x in items]
                if ctx.topic == "财政拨款":  # "四、财政拨款收入支出决算总体情况说明": its 收入总计 is the 财政拨款 one
                    items = [f"财政拨款{x}" if x in ("收入总计", "支出总计") else x for x in items]
                if ctx.topic == "三公":
                    items = [_SANGONG_ALIAS.get(x, x) for x in items]
                    if items == ["因公出国（境）费"] and unit == "个" and clause[fig.end:].startswith("团组"):
                        attr = "批次"  # "因公出国（境）1个团组2人次": the groups sent
                if items and items[0].endswith("团组") and unit == "个":  # 团组 of 出国, or of visitors received
                    if re.search(r"出国|出访|出境", items[0]):
                        items, attr = ["因公出国（境）费"], "批次"
                    elif "接待" in items[0]:  # "接待国内来访团组10个"
                        items, attr = ["公务接待费"], "批次"
                if attr == "数值" and unit not in ("%", "万元", "亿元", "元") and _TARGET.search(pre):
                    if re.search(r"实际|完成", pre):  # "完成年度目标12次": the target or what was done?
                        lost = True
                        continue
                    items = [re.sub(r"^(?:计划|预计|预期)(?=\S{2})", "", x) for x in items]  # "计划培训10次": 培训
                    items = [x if "目标" in x else x + "目标" for x in items]  # "年初预算驻外商会招商18次": a target
                    target = (items[0].removesuffix("目标"), unit.removesuffix("数"))
                elif attr == "数值" and target and raw.startswith("实际") and unit.removesuffix("数") == target[1]:
                    items = [target[0]]  # "…招商18次，实际招商6次": what was done of that target
                if not items or any(len(x) > 30 or not x or x in _NOT_ITEMS or re.search(r"\d[.、]|\d$", x) for x in items):
                    lost = True
                    continue
                value = fig.value
                if self._not_this(items, attr, pre, versus, fig, ctx, parent_here):
                    lost = True
                    continue
                if attr in ("增减额", "增减率") and (versus == "预算" or (not versus and set(items) & set(budget_given))):
                    # left unplaced: not a change on the year. "年初预算1100万元，决算1150万元，增加50万元": with no
                    # 比上年 said, a change after a budget and its outturn is the gap between them
                    gapped += items
                    if clean_item(pre, ctx.unit_name) not in ("", "收入", "支出"):
                        last_items = items  # "X较年初预算减少0.5万元，决算为1.5万元": X's outturn
                    continue
                if attr in ("增减额", "增减率"):
                    amount = self.facts[-1] if self.facts else None
                    if _contradictory(pre) and attr == "增减率" and amount is not None and amount.属性 == "增减额" \
                            and amount.source == src and amount.科目 == items[-1] and amount.数值 \
                            and len(pre.strip(" ，,")) <= 8:
                        # "减少0.15万元，下降（增长）27.78%" (the template's both words): the way the amount went;
                        # the wording is still reported
                        value = value if amount.数值 > 0 else -value
                        self.discrepancies.append(Discrepancy(
                            "措辞矛盾", f"“{pre.strip()}{fig.value}”同时写了增加和减少，"
                            f"按前面的增减额（{amount.数值.normalize()}）定方向", None, src))
                    elif _contradictory(pre):
                        self.discrepancies.append(Discrepancy(
                            "措辞矛盾", f"“{pre.strip()}{fig.value}”同时写了增加和减少，无法确定方向", None, src))
                        continue
                    else:
                        value = _signed(value, pre)
                value, unit = in_wan(value, unit)
                for item in items:
                    up = including or parent_here
                    self._emit(item, attr, value, unit, ctx, src, text, up if item != up else "")
                placed += 1
                recent += items
                changed += items if attr in ("增减额", "增减率") else []
                budgeted += items if attr in ("预算数", "全年预算数", "完成预算比") else []
                budget_given += items if attr in ("预算数", "全年预算数") else []
                last_items = items
                last_attr = attr
                last_unit = fig.unit or last_unit
                if unit in ("万元", "亿元", "元"):
                    money_items = items
                used_count = unit not in ("万元", "亿元", "元", "%") and "用于" in clause[: fig.start]
                if unit not in ("万元", "亿元", "元", "%"):
                    count_items.update(items)
        if last_items and all(re.search(r"(?:目标值|实际完成值)$", x) for x in last_items):
            # "“惠民演出场次”指标目标值60场，实际完成42场。" then "（3）应急广播运维项目，预算60.00万元…": an
            # indicator's value is no subject of what follows
            ctx.subject, ctx.orphan, ctx.headed, last_items, recent = [], True, False, [], []
        if last_items:
            ctx.subject, ctx.orphan, ctx.headed = last_items, False, False
        ctx.recent = list(dict.fromkeys(recent))
        ctx.changed = list(dict.fromkeys(changed))
        ctx.budgeted = list(dict.fromkeys(budgeted))
        ctx.gapped = list(dict.fromkeys(gapped))
        if text.rstrip("。").endswith(("其中：", "主要包括：")) and last_items:
            ctx.parent = last_items[0]
        return placed, clauses

    def _sibling(self, name: str, before: str) -> str:
        """``name`` with the qualifier of the item named just before it, when that makes it a lexicon item and it
        is not one alone: 服务支出 after 政府采购货物支出 is 政府采购服务支出, 支出 after 一般公共预算财政拨款收入 is
        一般公共预算财政拨款支出."""
        if name in self.lex.items and name not in ("收入", "支出"):
            return name
        for k in range(len(before) - 1, 1, -1):
            joined = self.canon(before[:k] + name)
            if joined in self.lex.items and joined != before:
                return joined
        return name

    def _not_this(self, items: list[str], attr: str, pre: str, versus: str, fig: Figure, ctx: Context,
                  parent_here: str) -> bool:
        """Figures that must stay unplaced: they belong to something other than the item and role read."""
        change = attr in ("增减额", "增减率")
        if change and re.search(r"预算数?\s*(?:较|比|与)", pre):
            return True  # "三公经费预算较上年增加2万元": a change of the budget, not of the spending
        if attr == "上年金额" and re.search(r"相比\s*$", pre):
            return True  # "与2016年相比21.79万元，增加14.01%": the change or last year's figure? the verb is missing
        if change and fig.value < 0 and any(w in pre for w in _CHANGE_DOWN):
            return True  # "减少-3万元": which direction? ("增加-5.06万元" is the template's signed difference)
        if re.search(r"(?:追加|追减)预算", pre):
            return True  # a budget added during the year, not the budget
        if fig.unit == "个百分点":
            return True  # a change of a share, not a growth rate: there is no column for it
        if re.search(r"(?:大于|小于|超过|低于|高于|超出)(?:年初|全年|调整后)?预算数?\s*$", pre):
            return True  # "决算数大于预算数55.93万元": a difference from the budget
        if re.search(r"超支|超(?:出)?(?:年初|全年)?预算数?\s*$", pre) or (
                change and versus != "上年" and re.search(r"节约|节支|超支", pre)):
            return True  # a difference from the budget, not a budget nor a change on the year
        if ctx.func and any(x in _NATURE_ITEMS for x in items):
            return True  # "…（项）…其中：基本支出80万元": the 项's own split, not the department's
        if ctx.topic in ("基金", "国资") and not any(re.search(r"基金|国有资本|资本经营", x) for x in items):
            return True  # "年末结转和结余5万元" inside the 政府性基金 part is that fund's
        if fig.unit in ("万元", "亿元", "元") and items and all(x.endswith(("用车", "车辆")) for x in items):
            return True  # "…主要用于执法执勤用车4辆的燃料费等支出，比上年减少2.1万元": vehicles are counted, not spent
        if attr == "完成预算比" and ctx.topic == "绩效" and "预算" not in pre and re.search(r"完成率", pre):
            return True  # "培训1200人次，完成率100%": an output target's rate, not the budget's
        if fig.unit in ("万元", "亿元", "元") and any(re.search(_SCORE + "$", x) for x in items):
            return True  # "项目自评得分为96分。全年预算数为300万元": the project's money, not its score's
        if attr == "占比":
            m = re.search(r"占(.+?)的?$", pre.strip())
            share_of = m.group(1).strip("“”") if m else ""
            if share_of and not _TOTAL_BASE.match(share_of):
                known = {*ctx.subject, ctx.parent, parent_here, "三公经费", "政府采购支出", "机关运行经费"}
                if self.canon(clean_item(share_of, ctx.unit_name)) not in known:
                    return True  # "占财政拨款收入的94.4%": a share of a part, not of the whole
        return False

    def _paired(self, pre: str, run: list[Figure], unit: str, budget_mode: bool, versus: str,
                last_items: list[str], ctx: Context, src: Source, text: str) -> list[str]:
        """Values of a run paired with as many items, in order; [] (left unplaced) when the counts differ."""
        roles = _BUDGET_AND_ACTUAL.search(pre)
        if roles:  # "公务接待费年初预算和决算分别为3万元、2.5万元": one item's budget and spending
            return self._budget_and_actual(pre, roles, run, unit, last_items, ctx, src, text)
        raw = clean_item(pre, ctx.unit_name)
        parts = [self.canon(x) for x in re.split(r"[、和及与]", raw) if x]
        if len(parts) == len(run) and all(x in self.lex.items for x in parts):  # "人员经费和公用经费分别为…"
            items = parts
        else:
            items = [self.canon(x) for x in split_pair(raw)] if raw else list(last_items or ctx.subject)
        attr = role(pre, unit, budget_mode, ctx.year)
        change = attr in ("增减额", "增减率")
        if len(items) != len(run) or len(set(items)) != len(items) or (change and (versus == "预算" or _contradictory(pre))):
            return []
        for item, f in zip(items, run, strict=True):
            value = _signed(f.value, pre) if change else f.value
            value, u = in_wan(value, f.unit or unit)
            self._emit(item, attr, value, u, ctx, src, text)
        return items

    def _budget_and_actual(self, pre: str, roles: re.Match[str], run: list[Figure], unit: str, last_items: list[str],
                           ctx: Context, src: Source, text: str) -> list[str]:
        attrs = ["预算数" if "预算" in said else "金额" for said in roles.groups()]
        raw = clean_item(pre[: roles.start()], ctx.unit_name)
        items = [self.canon(raw)] if raw else list(dict.fromkeys(last_items or ctx.subject))
        if (len(run) != 2 or sorted(attrs) != ["金额", "预算数"] or len(items) != 1 or items[0] not in self.lex.items
                or re.search(rf"上年|去年|{ctx.year - 1}\s*年", pre)):
            return []  # another year's, or whose cannot be told
        for attr, f in zip(attrs, run, strict=True):
            u = f.unit or unit
            if u not in ("万元", "元"):
                return []
            self._emit(items[0], attr, in_wan(f.value, u)[0], "万元", ctx, src, text)
        return items

    # ---- output ---------------------------------------------------------------------------------
    def _series_item(self, label: str, base: str) -> Fact | None:
        """``6月`` + ``执行进度``: the fact of ``6月预算执行进度`` when the report has already named that month's
        figure so. One series, one name (the 目标 read later is then that item's target)."""
        for f in reversed(self.facts):
            name = f.科目
            if f.表 == "概况" and name.startswith(label) and name.endswith(base) and not name.endswith("目标"):
                return f
        return None

    def _emit(self, item: str, attr: str, value: Decimal | None, unit: str, ctx: Context, src: Source,
              text: str, parent: str = "") -> None:
        if ctx.func and item == _func_item(ctx.func):
            lei, kuan, xiang = ctx.func
            self.facts.append(Fact("支出", item, attr, value, unit, src, None, "功能分类", lei, kuan, xiang,
                                   原文科目=item, 章节=ctx.chapter))
            return
        view, scope, up = self.place(item, ctx, text)
        if view in ("收入", "支出") and attr == "数值" and unit not in ("%", "万元", "亿元", "元", ""):
            # "共有项目支出8个": a count of something else, never a figure of the amount 项目支出
            self.unplaced.append(Unplaced("数量不是该科目的金额", src))
            return
        if scope == "功能分类" and view == "支出" and item in self.lex.items:  # a 类 named on its own
            self.facts.append(Fact(view, item, attr, value, unit, src, None, scope, item, 上级科目=parent or up,
                                   原文科目=item, 章节=ctx.chapter))
            return
        if view == "三公" and attr == "金额":
            attr = "决算数"
        if view in ("概况", "资产") and attr == "金额" and unit != "万元":
            attr = "数值"
        if view == "概况" and attr in ("金额", "预算数") and unit == "万元":
            attr = "数值" if attr == "金额" else attr
        self.facts.append(Fact(view, item, attr, value, unit, src, None, scope, 上级科目=parent or up,
                               原文科目=item, 章节=ctx.chapter))

    def _conflicts(self, start: int, src: Source) -> None:
        """One item given two different figures for the same role in one sentence ("公务接待费1.58元，经核查，…公务
        接待费为1.58万元"): which is meant cannot be told — neither is kept; the audit lists the sentence."""
        def role_of(f: Fact) -> tuple[str, ...]:
            return f.表, f.科目, f.属性, f.类, f.款, f.项, f.计量单位

        groups: dict[tuple[str, ...], set[Decimal]] = {}
        for f in self.facts[start:]:
            if f.数值 is not None:
                groups.setdefault(role_of(f), set()).add(f.数值)
        clash = {k for k, v in groups.items() if len(v) > 1}
        if not clash:
            return
        self.facts[start:] = [f for f in self.facts[start:] if role_of(f) not in clash]
        for k in sorted(clash, key=str):
            values = "、".join(f"{v.normalize():f}" for v in sorted(groups[k]))
            self.discrepancies.append(Discrepancy("同句两数", f"{k[1]}（{k[2]}）在同一句中有两个不同的数：{values}", None, src))
        self.unplaced.append(Unplaced("同一科目在同一句中有两个不同的数", src))

    def _this_item(self, item: str, ctx: Context, src: Source) -> str:
        """An item named "此项/该项" (which names nothing): the item the sub-heading named, or "" (left unplaced)."""
        if clean_item(item, ctx.unit_name):
            return item
        if ctx.headed and len(ctx.subject) == 1:
            return ctx.subject[0]
        self.unplaced.append(Unplaced("无法确定“此项”所指的科目", src))
        return ""

    def _went(self, item: str, up: bool) -> bool:
        """Whether the item's last stated change on the year went up (or down, when not ``up``)."""
        change = next((f.数值 for f in reversed(self.facts)
                       if f.科目 == item and f.属性 in ("增减额", "增减率") and f.数值 is not None), None)
        return change is not None and (change > 0 if up else change < 0)

    def _gap_agrees(self, items: list[str], lead: str) -> bool:
        """Whether a budget-gap reason's direction (大于 / 小于 预算) fits the items' stated 完成预算比."""
        over = re.search(r"大于|超过|高于|超出|超支", lead)
        under = re.search(r"小于|低于|未完成|不足", lead)
        for item in items:
            said = {f.属性: f.数值 for f in self.facts if f.科目 == item and f.数值 is not None}  # the last of each
            rate: Decimal | None
            if "年初" in lead and said.get("预算数") and said.get("金额") is not None:
                # "决算数大于年初预算数的主要原因…" when 完成预算比 is against the 全年预算 (100%): the 年初 one decides
                rate = said["金额"] * 100 / said["预算数"]
            else:
                rate = said.get("完成预算比")
            if rate is not None and ((over and rate <= 100) or (under and rate >= 100)):
                return False
        return True

    def _emit_text(self, item: str, attr: str, text: str, ctx: Context, src: Source) -> None:
        if ctx.func and item == _func_item(ctx.func):
            lei, kuan, xiang = ctx.func
            self.facts.append(Fact("支出", item, attr, None, "", src, text, "功能分类", lei, kuan, xiang,
                                   原文科目=item, 章节=ctx.chapter))
            return
        view, scope, up = self.place(item, ctx, text)
        self.facts.append(Fact(view, item, attr, None, "", src, text, scope, 上级科目=up, 原文科目=item,
                               章节=ctx.chapter))

    def functional_line(self, text: str, ctx: Context, src: Source) -> bool:
        """``一般公共服务（类）民主党派及工商联事务（款）行政运行（项）：支出决算为129.44万元，完成预算100%``."""
        # bounded: unbounded lazy runs make this search quadratic on a 100,000-character line
        name = r"((?:[^（）：:，,。；;]|（(?![类款项]）)[^（）：:]{1,6}）){1,200}?)"  # a name may hold brackets: 政府办公厅（室）
        # "…（类）…（款）…（项）", or "…（类）…（款）" alone: the 款 is the item
        line = name + "（类）" + name + "（款）" + "(?:" + name + "（项）)?"
        text = fold(text)
        text = _reason_led(text)  # "…决算数大于年初预算数，系事业单位新进人员": its reason
        m = re.search(line, text)
        if m:
            lei_said, kuan_said, xiang_said = (x or "" for x in m.groups())
            # "1.一般公共服务支出（类）（1）财政事务（款）…": the 类 heads a list one level down, whose next entries
            # ("（2）人大事务（款）…") name no 类 of their own; the same for a 款 heading a list of 项
            if _mark(kuan_said.strip()):
                ctx.scope = (_strip_marks(lei_said), "", _mark(lei_said.strip()), _mark(kuan_said.strip()))
            elif _mark(xiang_said.strip()) or not xiang_said:
                ctx.scope = (_strip_marks(lei_said), _strip_marks(kuan_said), _mark(lei_said.strip()),
                             _mark(xiang_said.strip()))
            else:
                ctx.scope = None
        elif ctx.scope and re.search(r"（[款项]）", text) and "（类）" not in text:
            lei_in, kuan_in, level, entries = ctx.scope
            style = _mark(text)
            if style and style != level and style == (entries or style) and ("（款）" in text or kuan_in):
                ctx.scope = (lei_in, kuan_in, level, style)  # "（2）人大事务（款）…": an entry of the list
                m = re.search(line, f"{lei_in}（类）" + ("" if "（款）" in text else f"{kuan_in}（款）") + text)
            if not m:
                if style == level:
                    ctx.scope = None
                return False
            text = m.string
        else:
            if ctx.scope and _mark(text) == ctx.scope[2]:
                ctx.scope = None  # "2.…" after the list of "1.…（类）": the 类's list has ended
            return False
        if re.search(r"原因(?:是|为|：|:)|原因$", m.group(1) or ""):
            # "…下降40%，主要原因是城乡社区（类）…（项）减少": a reason that names a 项, not a 项 line
            self.sentence(re.sub(r"（[类款项]）", "", text), ctx, src)
            return True
        head = text[: m.start()] if m.string is text else ""
        lead_in = re.search(rf"[，,；;]\s*{_LEAD_IN}?[：:]?\s*$", head)
        if figures(head) and lead_in:
            # "…财政拨款支出300万元，主要用于城乡社区支出（类）…（项）300万元": the sentence before the 类 first
            self.sentence(head[: lead_in.start()] + "。", ctx, src)
        lei, kuan, xiang = (_strip_marks(re.sub(rf"^{_LEAD_IN}[：:]?", "", x or "")) for x in m.groups())
        said_year = re.match(r"^(\d{4})\s*年度?", lei)
        if said_year and int(said_year.group(1)) != ctx.year:  # "2023年度…（类）…（项）" in a 2024 report: not its own
            self.unplaced.append(Unplaced("不是本年度的数字", src))
            _unresolved(ctx)
            return True
        lei = lei[said_year.end():] if said_year else lei  # "2024年度卫生健康支出（类）…": the year is no part of the 类
        item = xiang or kuan
        rest = text[m.end():]
        if re.match(r"^\s*[、和及与]", rest) and re.search(r"（[款项]）", rest):
            # "…小学教育（项）、初中教育（项）：年初预算分别为100万元、200万元": several 项, one line — whose?
            if figures(rest):
                self.numbered += 1
                self.unplaced.append(Unplaced("一行列了几个项，无法确定数字所属的项", src))
            _unresolved(ctx)
            return True
        figs = figures(rest)
        ctx.func = (lei, kuan, xiang)
        ctx.subject = [item]
        ctx.orphan = ctx.headed = False
        ctx.changed = ctx.budgeted = [item]  # a reason after a 项 line is that 项's
        ctx.gapped = []
        if not figs:  # "1、…（类）…（款）…（项）。主要用于：…" — the figures follow in the next sentences
            return True
        self.numbered += 1
        if not xiang and clean_item(re.split(r"[：:，,；;。]", rest[: figs[0].start])[0], ctx.unit_name) not in ("", "支出"):
            # "…（类）行政事业单位医疗（款）行政单位医疗：支出决算为2万元": a 项 named without its marker — whose?
            self.unplaced.append(Unplaced("无法确定数字所属科目", src))
            _unresolved(ctx)
            return True
        prev = 0
        seen: set[str] = set()
        skipped = False
        gap = ""  # a change read as the gap to the budget: the reason after it explains that gap
        roles = _BUDGET_AND_ACTUAL.search(rest[: figs[0].start]) if len(figs) >= 2 else None
        # "…主要原因是2名退休人员去世…": the figures of the reason are its words, not the 项's figures
        why = re.search(r"(?:主要)?原因(?:是|为|：|:)", rest)
        told = (why.start(), _reason_end(rest, why.end())) if why else (len(rest), len(rest))
        for k, fig in enumerate(figs):
            pre = rest[prev: fig.start]
            prev = fig.end
            if told[0] <= fig.start < told[1]:
                continue
            unit = fig.unit or ("万元" if fig.value == 0 and not rest[fig.end: fig.end + 1].strip("，,；;。") else "")
            if not unit or unit == "个百分点":  # "新增教师12人", "支出决算为129.44" (no unit), "执行率…下降2个百分点"
                skipped = True
                continue
            fig = replace(fig, unit=unit)  # "年初预算为0，支出决算为35万元": a zero needs no unit
            attr = role(pre, fig.unit, False, ctx.year)
            if attr == "数值":  # "低于年初预算25%": a figure of no column the line can name
                skipped = True
                continue
            value, wan = in_wan(fig.value, fig.unit)  # "支出决算450,000元": stored in 万元, as every other amount
            fig = replace(fig, value=value, unit=wan)
            if roles and k < 2 and fig.unit in ("万元", "元"):  # "年初预算和决算分别为90万元、95万元": in the order said
                attr = "预算数" if "预算" in roles.group(k + 1) else "金额"
            if attr in ("增减额", "增减率") and _contradictory(pre):  # "增加（减少）5万元": the template's both words
                skipped = True
                continue
            split = re.search(r"(基本支出|项目支出)\s*(?:为|是)?\s*$", pre)
            if split and attr == "金额":  # "其中：基本支出280万元，项目支出20万元": the 项's own split
                attr = split.group(1)
            versus = _last_versus(rest[: fig.start])  # "比年初预算增加20万元，增长6.67%": with the budget
            if attr == "预算数" and "预算数" in seen and re.search(r"全年预算|调整(?:后)?预算", pre):
                attr = "全年预算数"  # "年初预算为400万元，调整后预算为520万元": both, kept apart
            if attr in ("增减额", "增减率") and not versus and {"预算数", "金额"} <= seen and "上年金额" not in seen:
                versus = gap = "预算"  # "年初预算800万元，支出决算为1,120万元，增长40%": with no 比上年, the gap to the budget
            if ("用于" in pre or attr in seen or (attr in ("增减额", "增减率") and versus == "预算")
                    or attr in ("上年预算",)):
                skipped = True  # a part of it (主要用于…50万元), a second 金额, a difference from the budget
                continue
            seen.add(attr)
            value = _signed(fig.value, pre) if attr in ("增减额", "增减率") else fig.value
            self.facts.append(Fact("支出", item, attr, value, fig.unit or "万元", src, None, "功能分类", lei, kuan,
                                   xiang, 原文科目=m.group(0), 章节=ctx.chapter))
        if skipped:
            self.unplaced.append(Unplaced("无法确定数字所属科目", src))
        reason = re.search(r"(?:主要)?原因(?:是|为)(.+?)(?:。|$)", rest)
        if reason:  # "决算数大于预算数的主要原因是…": the gap to the budget, kept apart from the change on the year
            # "决算数小于年初预算数，主要原因是…": the clause before the reason, when the reason opens a clause of its own
            clause = next((c for c in reversed(re.split(r"[，。；]", rest[: reason.start()])) if c.strip()), "")
            # "比年初预算数增加10万元，增长5%，主要原因是…": the last comparison made was with the budget
            attr = "预算差异说明" if "预算" in clause or gap or _last_versus(rest[: reason.start()]) == "预算" else "说明"
            said = reason.group(1).strip("：:；;，, 。")  # the reason itself, as the other sections store it
            if said:
                self.facts.append(Fact("支出", item, attr, None, "", src, said, "功能分类", lei, kuan, xiang,
                                       章节=ctx.chapter))
        ctx.subject = [item]
        return True
