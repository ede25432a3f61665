"""Stage 5 — match: question (+ conversation state) → ``Match`` (question type and parameters) or a refusal.

1. Normalise: fold full/half width, Chinese years, drop punctuation and spaces.
2. Segment by forward maximum matching over one dictionary: entity names from the database
   (科目, 项目, 指标, 名词, 单位 and their short forms), the users' synonyms, the literal words of
   all phrasings, field words (执行率, 得分 …), year expressions and fillers (请问, 多少, 呢 …).
   The longest word at each position wins, so ``本年收入合计`` is one entity and ``比去年`` one keyword.
3. Drop fillers; take 单位 and 年度 out as parameters; the rest is the question's *signature*, e.g.
   ``{科目}比上年增长``. A question type matches when one of its phrasings has the same signature.
4. Anything left unrecognised, no phrasing, or an ambiguous entity → ``not_understood`` with suggestions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .catalog import QuestionType
from .lexicon import Lexicon, simplified
from .normalize import cn_year, fold, unit_aliases

SLOT_KINDS = ("科目", "项目", "指标", "名词", "单位", "字段", "方向", "栏目", "数量", "年数", "计量", "段落", "性质")
NATURES = ("基本支出", "项目支出")  # {性质}: the two columns of a spending item in the 支出 tables
FIELDS = {
    "年初预算": "年初预算", "年初预算数": "年初预算", "调整后预算": "调整后预算", "调整后预算数": "调整后预算",
    "全年预算": "调整后预算", "执行数": "执行数", "预算执行数": "执行数", "实际执行": "执行数", "执行金额": "执行数",
    "执行率": "执行率", "预算执行率": "执行率", "执行了": "执行数",
    "预算执行得分": "预算执行得分", "执行得分": "预算执行得分", "执行情况": "执行情况",
    "得分": "得分", "分数": "得分", "评分": "得分",
    "打分": "得分", "自评得分": "得分", "权重": "权重", "分值": "权重", "目标值": "指标值", "指标值": "指标值",
    "目标": "指标值", "年度指标值": "指标值", "完成值": "完成值", "实际完成值": "完成值", "实际完成": "完成值",
    "完成情况": "完成值", "未完成原因": "未完成原因",
}
SECTIONS = {  # 项目 text fields
    "存在问题": "存在问题", "存在什么问题": "存在问题", "存在哪些问题": "存在问题", "问题": "存在问题",
    "改进措施": "改进措施", "改进建议": "改进措施", "整改措施": "改进措施", "评价结论": "评价结论", "结论": "评价结论",
    "年度目标": "年度目标", "项目目标": "年度目标", "项目负责人": "项目负责人", "负责人": "项目负责人",
    "财务负责人": "财务负责人", "项目编码": "项目编码", "编码": "项目编码", "项目代码": "项目编码", "主管部门": "主管部门",
    "实施单位": "实施单位", "扣分": "扣分原因", "扣分原因": "扣分原因",
}
PASSAGES = {  # {段落}: what a question answered by the report's own sentences asks for → the kind of passage
    "存在问题": "问题", "存在什么问题": "问题", "存在哪些问题": "问题", "问题": "问题", "哪些问题": "问题",
    "什么问题": "问题", "主要问题": "问题", "存在的问题": "问题",
    "改进建议": "改进", "改进措施": "改进", "整改措施": "改进", "什么改进建议": "改进", "哪些改进建议": "改进",
    "什么建议": "改进", "哪些建议": "改进", "建议": "改进", "改进意见": "改进", "下一步措施": "改进",
    "内设机构": "内设机构", "内设哪些机构": "内设机构", "内设什么机构": "内设机构", "内设科室": "内设机构",
    "内设哪些科室": "内设机构", "机构组成": "内设机构", "有哪些科室": "内设机构", "哪些科室": "内设机构",
    "编制范围": "编制范围", "决算编制范围": "编制范围", "纳入决算编制范围": "编制范围", "纳入编制范围": "编制范围",
    "纳入决算编制范围的单位": "编制范围", "纳入部门决算编制范围的单位": "编制范围", "决算编制范围的单位": "编制范围",
    "主要用于": "用途", "主要用于什么": "用途", "用于什么": "用途", "用于哪些方面": "用途", "用途": "用途",
    "用在哪里": "用途", "用在什么地方": "用途", "花在哪里": "用途", "干什么用": "用途", "做什么用": "用途",
    "干什么": "用途", "干什么了": "用途", "干了什么": "用途", "用来干什么": "用途", "用来做什么": "用途",
    "接待的都是谁": "对象", "接待的是谁": "对象", "接待对象": "对象", "接待了谁": "对象", "接待谁": "对象",
    "都接待了谁": "对象", "接待了哪些人": "对象", "接待的都是哪些人": "对象", "接待的是哪些人": "对象",
    "主要职能": "职能", "职能": "职能", "主要职责": "职能", "职责": "职能", "部门职责": "职能", "机构职能": "职能",
}
DIRECTIONS = {"最高": "最高", "最大": "最高", "最多": "最高", "最好": "最高", "最低": "最低", "最小": "最低",
              "最少": "最低", "最差": "最低", "第一名": "最高", "排第一": "最高", "排名第一": "最高",
              "倒数第一": "最低", "倒数第一名": "最低", "倒数第1": "最低", "最后一名": "最低", "排名最后": "最低",
              "排最后": "最低", "垫底": "最低"}
_CN_NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
               "十六", "十七", "十八", "十九", "二十")


def _counts() -> dict[str, tuple[str, str]]:
    """{数量}: 前五 / 前5 / 前五名 / 前十位 (a top N) → ('数量', '5'); {年数}: 近三年 / 最近3年 (the last N years)
    → ('年数', '3'). Kept apart, so that 收入总计近两年 is never the top two departments."""
    out = {}
    for n in range(1, 21):
        for written in (str(n), _CN_NUMBERS[n - 1], *(("两",) if n == 2 else ())):
            for form in ("前{}", "前{}名", "前{}位", "头{}名", "{}个部门", "{}个单位", "{}家单位"):
                out[form.format(written)] = ("数量", str(n))
            for form in ("近{}年", "最近{}年", "近{}个年度", "最近{}个年度", "近{}年度", "过去{}年", "这{}年"):
                out[form.format(written)] = ("年数", str(n))
    return out


COUNTS = _counts()
# {计量}: 几辆 / 多少人 / 几个 / 多少台 … (a question asking for a count) → the measure word 辆, 人, 个, 台 …
MEASURES = ("人", "个", "辆", "台", "套", "次", "家", "项", "场", "场次", "篇", "条", "名", "位", "所", "处", "批", "件")
_ASKING = ("几", "多少", "几个", "多少个")


def _measures() -> dict[str, str]:
    return {f"{a}{m}": m for m in MEASURES for a in _ASKING if not a.endswith("个") or m == "人"}


MEASURE_WORDS = _measures()
_WHY = ("为什么", "原因", "原因是什么", "什么原因", "是什么原因", "为何")  # a follow-up asking the reason
# words of a follow-up that leaves out what the question before said; 换成X: the question before, with X in it
_ELLIPSIS = ("呢", "那", "那么", "换成", "改成", "换为", "切换到")
_THAN = ("比", "较")  # 财政局会议费比规划局多多少: the department before 比 set against the one after it
_MORE = re.compile(r"(还|更)?(多|少|高|低)(出|了)?|超出|超过")
CONNECTORS = ("和", "与", "跟", "同", "及", "以及")  # between two years or two 单位: 2023年和2024年, A和B
FILLERS = (
    "请问", "请帮我查一下", "帮我查一下", "帮我查查", "帮我查", "帮忙查一下", "查一下", "查查", "查询", "告诉我",
    "我想知道", "想知道", "想问", "请", "一下", "呢", "吗", "啊", "呀", "吧", "嘛", "是多少钱", "是多少", "多少钱",
    "多少", "几多", "几", "是", "了", "的", "得", "一共", "总共", "合共", "共", "有", "为", "具体", "数额", "金额", "情况",
    "数据", "数字", "花", "用", "支出", "开支", "花费", "费用是", "其中", "那", "那么", "还有", "再", "看看", "看",
    "给我", "列出", "说说", "讲讲", "一共是", "报告", "中", "里", "在", "年度", "上", "全年", "本部门", "这个", "该",
    "个", "人", "次", "辆", "台", "套", "家", "项", "都", "各", "分别", "你", "我", "您", "指标", "发", "发了",
    "多大", "怎样", "怎么样", "如何", "一年", "那边", "这边", "麻烦", "麻烦你", "劳驾",
    "有没有", "是否有", "有无", "到底", "究竟",
    "是多少万元", "是多少元", "多少万元", "多少元", "万元", "多少分",
    "共计", "总额", "数量", "总数", "是否", "实际", "数", "所有", "全部", "开展", "开展了",
    "百分之多少", "百分之几", "这么多", "这么大", "这么快", "那么多",
    "是多少万", "多少万", "几万元", "几万", "嘞", "咧", "哈", "哦", "来着", "那个", "绩效",
    "换成", "改成", "换为", "切换到",  # 换成财政局: a follow-up about another department
    "他们", "她们", "它们", "该部门", "这个部门", "该单位", "这个单位", "这家", "这家单位", "又", "之和", "年底",
)
_REGION = re.compile(r"(省|市|区|县|镇|乡|街道)$")
_LEVELS = ("省", "市", "州", "盟", "区", "县", "旗")  # the level of government that starts a short name: 区财政局
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:局|厅|委员会|办公室|办事处|街道|检察院|法院)")
_UNIT_SUFFIX = re.compile(r"(局|委|办|院|会|部|厅|中心|街道|政府|所|站|队)$")


def _two_pieces(short: str, name: str) -> bool:
    """``short`` is two pieces of ``name`` (2+ characters each, in order): 嘉善 + 推介会."""
    if len(short) < 4:
        return False
    for k in range(2, len(short) - 1):
        at = name.find(short[:k])
        if at >= 0 and name.find(short[k:], at + k) >= 0:
            return True
    return False


def _subsequence(short: str, name: str) -> bool:
    it = iter(name)
    return short[-1] == name[-1] and all(ch in it for ch in short)
_ITEM_LIKE = re.compile(r"(费|经费|支出|收入|资金|补助|补贴|资产|面积|编制)$")
# punctuation, and control / invisible format characters (never echoed back to a terminal)
_PUNCT = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
                    r"\s\u3000，。、；：！？!?,.;:'\"“”‘’（）()\[\]【】《》<>{}…—\-~～·/\\|@#$%^&*+=_`]+")
_RELATIVE = {"今年": 0, "本年度": 0, "本年": 0, "上年度": -1, "上一年度": -1, "上个年度": -1,
             "上一年": -1, "上年": -1, "去年": -1, "前一年": -1,
             "上上年度": -2, "上上一年": -2, "上上年": -2, "前年": -2, "两年前": -2, "二年前": -2, "大前年": -3,
             "三年前": -3, "明年": 1, "下一年": 1, "下年": 1}
# words for "the year before" that, in a conversation, step back from the year being talked about
# 上年呢 steps back from the year being talked about; 去年 and 前年 count from the latest report, as on their own
_STEP_BACK = {"上年", "上年度", "上一年", "上一年度", "上个年度", "前一年"}
# the longest relative word first, so that 上上年 is never read as 上年 and 大前年 never as 前年
_YEAR = re.compile(r"(?:(\d{4})|(?<!\d)(\d{2}))年度?|"
                   + "|".join(sorted(_RELATIVE, key=len, reverse=True)))


MONEY_WORDS = ("多少钱", "是多少钱", "花", "花费", "花了", "支出", "开支", "费用是", "多少万元", "是多少万元",
               "多少元", "是多少元", "万元", "几万元", "几万", "经费", "费用", "总额", "金额", "总金额", "价值", "总值")


# words that make a question about all departments together (部门合计, 部门平均): with a department named they
# are read as that department's own total (社工部人员经费合计 is 人员经费)
_ALL_DEPARTMENTS = {"合计", "总计", "平均", "平均值", "平均数", "加起来"}
ACROSS_DEPARTMENTS = ("部门排名", "部门合计", "部门平均")  # types that are about every loaded department
_WHICH = re.compile(r"哪个|哪一个|哪家|谁")  # which one (of the departments asked about), not 哪项 (which part)

# 收入 / 支出 in plain speech: the year's own 本年收入（支出）合计 first; when the report states the figure asked
# only for the 收入（支出）总计 (which adds 上年结转 and the like), that — the answer names which one it is
GENERIC_TOTALS = {"收入": ("本年收入合计", "收入总计"), "支出": ("本年支出合计", "支出总计")}


def asks_for(tokens: tuple[Token, ...] | list[Token]) -> str:
    """'金额' when the question's own words (not an item's name) ask for money, '数量' when it has a count word
    (几辆, 多少人), else ''."""
    if any(t.kind == "计量" or (t.kind == "filler" and t.text == "数量") for t in tokens):  # 公务用车购置数量
        return "数量"
    if any(t.kind in ("filler", "kw", "unknown") and t.text in MONEY_WORDS for t in tokens):
        return "金额"
    return ""


def counts_only(qtype: QuestionType) -> bool:
    """A type whose answer is a count (人数, 个数, 辆) and never an amount."""
    return "{数量}" in qtype.answer and "{值}" not in qtype.answer and "{金额}" not in qtype.answer


def budget_type(qtype: QuestionType) -> bool:
    """A type whose answer is a budget (预算数, 完成预算): always money, never a count."""
    return "{预算数}" in qtype.answer


@dataclass(frozen=True)
class Token:
    text: str
    kind: str  # 科目 项目 指标 名词 单位 字段 方向 年度 kw filler unknown
    values: tuple[tuple[str, str], ...] = ()  # (kind, canonical) candidates for entity tokens


@dataclass(frozen=True)
class Match:
    status: str  # ok / not_understood / no_data
    type_id: str = ""
    params: tuple[tuple[str, object], ...] = ()
    phrasing: str = ""
    tokens: tuple[Token, ...] = ()
    suggestions: tuple[str, ...] = ()
    message: str = ""
    followup: bool = False
    fallback: tuple[tuple[str, object], ...] = ()  # parameters to answer with when these find nothing

    def param(self, name: str) -> object:
        return dict(self.params).get(name)

    def retyped(self, qtype: QuestionType) -> Match:
        """The same question read as another type: only the parameters that type takes are kept."""
        return replace(self, type_id=qtype.id, params=tuple((k, v) for k, v in self.params if k in qtype.params))


_WITHIN = ("中", "里", "当中", "之中", "里面", "其中")
_SHARE_WORDS = ("占比", "比重", "比例", "所占比重", "所占比例", "百分比", "占多少")


def _project_word(tokens: list[Token]) -> list[Token]:
    """河道堤防维修养护项目执行数: 项目 after a project's name says what the name is, as 的 would."""
    return [Token(t.text, "filler") if t.text == "项目" and t.kind == "kw" and i and tokens[i - 1].kind == "项目" else t
            for i, t in enumerate(tokens)]


def _whole_first(tokens: list[Token]) -> list[Token]:
    """政府采购中工程采购占比: the item before 中 is the whole, the one after it the part — read as 工程采购占政府采购
    (the phrasing {科目}{基数}占比 takes them in the other order). 会议费在公用经费中占比 keeps its order (在…中),
    and so does any question that says 占 itself."""
    if any(t.text in ("占", "在") for t in tokens) or not any(t.text in _SHARE_WORDS for t in tokens):
        return tokens
    items = [i for i, t in enumerate(tokens) if t.kind == "科目" or (t.kind == "实体" and any(k == "科目" for k, _ in t.values))]
    if len(items) != 2:
        return tokens
    a, b = items
    between = tokens[a + 1: b]
    if not between or any(t.kind != "filler" for t in between) or not any(t.text in _WITHIN for t in between):
        return tokens
    return [*tokens[:a], tokens[b], *between, tokens[a], *tokens[b + 1:]]


@dataclass
class Vocabulary:
    """Everything the segmenter knows: built once per engine from the database and the catalog."""

    words: dict[str, Token] = field(default_factory=dict)
    max_len: int = 1
    unit_names: tuple[str, ...] = ()
    partials: tuple[tuple[str, str, str], ...] = ()  # (kind, normalised name, name)
    # filler words that have a synonym (支出 → 本年支出合计): read as that item only when the question names
    # no item and is not understood otherwise (年初预算支出), never inside 会议费支出
    bare: dict[str, Token] = field(default_factory=dict)
    # 类 and 款 names → the items listed under them (类 → its 款 and 项, 款 → its 项): 住房改革支出住房公积金
    children: dict[str, frozenset[str]] = field(default_factory=dict)
    # the shared part of items that differ only in the period before it (6月/9月/11月预算执行进度) → those items
    series: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def partial(self, text: str, i: int, longer_than: int) -> tuple[Token, int] | None:
        """The longest substring (4+ characters) at ``text[i:]`` found inside 项目/指标 names."""
        longest = max((len(n) for _, n, _ in self.partials), default=0)
        for n in range(min(longest, len(text) - i), max(3, longer_than), -1):
            sub = text[i: i + n]
            owners = tuple((kind, name) for kind, norm, name in self.partials if sub in norm)
            if owners:
                kinds = {k for k, _ in owners}
                return Token(sub, owners[0][0] if len(kinds) == 1 else "实体", owners), n
        return None

    def add(self, text: str, token: Token, override: bool = False) -> None:
        text = normalize_text(text)
        if not text:
            return
        old = self.words.get(text)
        if old and not override:
            if old.kind in SLOT_KINDS and token.kind in SLOT_KINDS:
                merged = tuple(dict.fromkeys(old.values + token.values))
                self.words[text] = Token(text, old.kind if old.kind == token.kind else "实体", merged)
            return
        self.words[text] = Token(text, token.kind, token.values)
        self.max_len = max(self.max_len, len(text))


_PERIOD = re.compile(r"(?:\d{1,2}月(?:份|末|底)?|第?[一二三四1-4]季度|上半年|下半年|前三季度)(?!\d)")
_PERIOD_BEFORE = re.compile(f"(?:{_PERIOD.pattern})(?:的)?$")
_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12}


def _period_order(period: str) -> int:
    """The month a period ends in: 6月 → 6, 第三季度 → 9, 上半年 → 6."""
    month = re.match(r"\d+", period)
    if month:
        return int(month.group(0))
    quarter = re.search(r"([一二三四1-4])季度", period)
    if quarter:
        q = quarter.group(1)
        return _QUARTERS.get(q) or int(q) * 3
    return {"上半年": 6, "前三季度": 9}.get(period, 12)


_WHOLE_AREA = ("全区", "全市", "全县", "全省", "全州")


def _area(unit: str, level: str) -> str:
    """The 区 (市, 县…) a department's name starts with: 上海市普陀区财政局 → 上海市普陀区 for 区; '' if none."""
    found = re.match(rf"^(?:中共|中国共产党)?(\S+?{level})", unit)
    return found.group(1) if found else ""


def normalize_text(text: str) -> str:
    """Half-width, simplified characters (會議費 → 会议费), no punctuation, years in digits."""
    text = cn_year(_PUNCT.sub("", fold(text).translate(simplified())).lower())  # punctuation first: "二:二二二年" is one year
    text = _COLLOQUIAL_WHY.sub("为什么", text) if "为" in text else text
    text = re.sub(r"(为什么)会(?=增加|减少|增长|下降|上升|降低|持平|变化|超|少|多)", r"\1", text) if "会" in text else text
    text = text.replace("啥", "什么") if "啥" in text else text  # 项目支出是啥
    text = re.sub(r"(几|多少)批(?!次)", r"\1批次", text) if "批" in text else text  # 接待了几批
    text = _EITHER_WAY.sub(r"\1", text) if "还是" in text else text  # 比上年增长还是下降 → 比上年增长
    text = _TEN_THOUSAND.sub(r"\1万元以上", text) if "万以上" in text else text  # 单价100万以上设备
    text = _BARE_YEAR.sub(r"\1年", text)  # 规划局2024政府采购 → 2024年
    text = re.sub(r"(占\S+?)的?比$", r"\1比例", text) if text.endswith("比") else text  # 占公用经费比
    text = _AVERAGE_EACH.sub(r"各部门\2平均", text) if "平均每" in text else text  # 平均每个部门三公经费多少
    # 四个部门谁的支出最多 → 哪个部门; 财政局和规划局谁多 → 哪个多
    # 财政局跟规土局比谁的基本支出多 → 财政局跟规土局基本支出哪个多; 公用经费占基本支出几成 → 占…的比例;
    # 项目支出是基本支出的百分之多少 → 项目支出占基本支出的比例
    text = re.sub(r"((?:跟|和|与)\S{2,12}?)比(?=谁|哪个)", r"\1", text) if "比" in text else text
    text = re.sub(r"(占\S+?)的?几成$", r"\1的比例", text) if text.endswith("几成") else text
    text = _SHARE_OF_WHOLE.sub(r"\1占\2的比例", text) if "是" in text else text
    if "谁" in text:  # 四个部门谁的支出最多 → 哪个部门支出最多 (the departments counted are the ones ranked)
        text = _WHO.sub(lambda w: "哪个" if re.search("[和与跟]", text[:w.start()]) else "哪个部门", text)
        text = re.sub(r"^(?:[\d一二两三四五六七八九十]+个|各|所有)(?:部门|单位)(?=哪个部门)", "", text)
    # 财政局和规划局哪个机关运行经费多 → 财政局和规划局机关运行经费哪个多 (哪个部门/项目… is a ranking: kept)
    text = _WHICH_ITEM_MORE.sub(r"\1\2哪个\3", text) if "哪个" in text else text
    text = _EVERY_COMPARED.sub(r"\1\2排名", text) if "各" in text or "所有" in text else text  # 各部门三公经费对比
    text = _SELF_EVALUATED.sub(lambda m: (m.group(1) or m.group(2)) + "绩效自评项目", text) if "自评" in text else text
    return _FIELD_OF.sub(r"\1", text) if "方面" in text else text  # 在一般公共服务方面支出 → 一般公共服务支出


# 会议费为啥增加: the colloquial 为什么 (a keyword, which synonyms.tsv cannot map)
_COLLOQUIAL_WHY = re.compile(r"为啥|为嘛|为甚么|为何")
# 比上年增长还是下降, 比年初预算多还是少 (多还是少 alone is a phrasing of its own: kept)
_EITHER_WAY = re.compile(r"(增长|增加|高|上升|超支|超|预算多)还是(?:少|下降|减少|低|降低|节约|节余)")
_TEN_THOUSAND = re.compile(r"(\d+)万以上")
_BARE_YEAR = re.compile(r"(?<![\d.])(20[0-3]\d)(?=[\u4e00-\u9fff])(?!年)")
_AVERAGE_EACH = re.compile(r"平均每(?:个|家)?(部门|单位)的?(\S+?)(?:是)?(?:多少|几何)?$")
_SPENT = re.compile(r"(?:一共|总共|共)?(?:花|花费|收)了?")  # the words the lexicon maps to 本年支出合计/本年收入合计
_FIELD_OF = re.compile(r"在?(\S{2,12}?)方面的?")
_WHICH_ITEM_MORE = re.compile(r"(?<=[和与跟、])(\S{2,16}?)哪个(?!部门|单位|项目|科目|指标)(\S{2,14}?)(更?(?:多|少|高|低|大))$")
_WHO = re.compile(r"谁的?")
_NOT_AMOUNT = ("科目增减", "科目原因", "科目占比", "预算差异原因")  # follow-ups that ask 是多少 want the amount instead
_AMOUNT_ASKED = ("是多少", "是多少钱", "多少钱", "是多少万元", "多少万元", "几万", "几万元")
_SHARE_OF_WHOLE = re.compile(r"^(\S+?)是(\S+?)的(?:百分之多少|百分之几|几成|多少成)$")
POOLED_SUM = ("一共", "总共", "共计", "合计", "加起来", "总和", "合起来", "总额", "之和")  # 四个部门邮电费一共多少
_EVERY_COMPARED = re.compile(r"^(各部门|各单位|所有部门|所有单位)的?(\S+?)(?:对比|比较)(?:一下)?$")
# 对几个项目开展了绩效自评, 绩效自评了多少个项目 → 几个绩效自评项目: the count the report states (绩效自评项目 8个)
_SELF_EVALUATED = re.compile(r"(?:对)?(几个|多少个)项目(?:开展|进行)了?(?:绩效)?自评|(?:绩效)?自评了?(几个|多少个)项目")


def build_vocabulary(
    catalog: tuple[QuestionType, ...],
    lexicon: Lexicon,
    entities: dict[str, set[str]],
    parents: Iterable[tuple[str, str]] = (),
) -> Vocabulary:
    """``entities`` maps a slot kind (科目, 项目, 指标, 名词, 单位) to the names present in the database;
    ``parents`` holds (类 or 款, an item under it) pairs of the 功能分类 rows."""
    v = Vocabulary()
    for filler in FILLERS:
        v.add(filler, Token(filler, "filler"))
    for q in catalog:
        for p in q.phrasings:
            for lit in re.split(r"\{[^}]+\}", p):
                lit = normalize_text(lit)
                if lit:
                    v.add(lit, Token(lit, "kw"), override=True)
    for word in _WHY:  # 什么原因: one word, as 为什么 is
        if normalize_text(word) not in v.words:
            v.add(word, Token(word, "kw"))
    for word, canon in FIELDS.items():
        v.add(word, Token(word, "字段", (("字段", canon),)), override=True)
    for word, canon in SECTIONS.items():
        v.add(word, Token(word, "栏目", (("栏目", canon),)), override=True)
    for word, canon in DIRECTIONS.items():
        v.add(word, Token(word, "方向", (("方向", canon),)), override=True)
    for word, canon in PASSAGES.items():
        old = v.words.get(normalize_text(word))
        if old is not None and old.kind == "栏目":  # 存在问题: a project's field, or the department's section
            v.add(word, Token(word, "实体", (*old.values, ("段落", canon))), override=True)
        else:
            v.add(word, Token(word, "段落", (("段落", canon),)), override=True)
    for word, (kind, canon) in COUNTS.items():
        v.add(word, Token(word, kind, ((kind, canon),)), override=True)
    kws = [w for w, t in v.words.items() if t.kind == "kw"]
    for kw in kws:  # 多少人次, 几批: a keyword that starts with a measure word stays that keyword
        for asking in ("几", "多少"):
            if asking + kw[:1] in MEASURE_WORDS or asking + kw[:2] in MEASURE_WORDS:
                v.add(asking + kw, Token(asking + kw, "kw"))
    for word, canon in MEASURE_WORDS.items():
        old = v.words.get(normalize_text(word))
        if old is None or old.kind == "filler":
            v.add(word, Token(word, "计量", (("计量", canon),)), override=True)
    known_items = set(entities.get("科目", set())) | set(lexicon.items)
    for kind in ("科目", "项目", "指标", "名词"):
        names = known_items if kind == "科目" else entities.get(kind, set())
        for name in names:
            key = re.sub(r"[“”\"‘’]", "", name)
            v.add(key, Token(key, kind, ((kind, name),)), override=v.words.get(normalize_text(key), Token("", "")).kind
                  in ("kw", "filler"))
    for nature in NATURES:  # 行政运行项目支出: a column of the item; 项目支出 alone stays the item too
        old = v.words.get(nature)
        if old is not None and old.kind in ("科目", "实体"):
            v.words[nature] = Token(nature, "实体", (*old.values, ("性质", nature)))
    short_terms: dict[str, set[str]] = {}  # "…（款）住房公积金（项）" is also asked as 什么是住房公积金
    for name in entities.get("名词", set()):
        m = re.search(r"（款）(.+?)（项）$", name)
        if m:
            short_terms.setdefault(m.group(1), set()).add(name)
    for name in entities.get("名词", set()):  # "使用非财政拨款结余（含专用结余）" is also asked without its aside
        m = re.fullmatch(r"(.{4,}?)（[^（）]*）", name)
        if m:
            short_terms.setdefault(m.group(1), set()).add(name)
    for short, names in short_terms.items():
        if len(names) != 1:
            continue
        old = v.words.get(normalize_text(short))
        term = ("名词", next(iter(names)))
        if old is not None and old.kind in ("科目", "实体") and term not in old.values:  # also an item's name
            v.words[normalize_text(short)] = Token(old.text, "实体", (*old.values, term))
        elif old is None or old.kind in ("filler", "unknown"):
            v.add(short, Token(short, "名词", (term,)))
    for variant, canon in lexicon.canonical.items():
        if canon in known_items:
            v.add(variant, Token(variant, "科目", (("科目", canon),)))
    units = sorted(entities.get("单位", set()))
    alias_owner: dict[str, set[str]] = {}
    for u in units:
        for a in unit_aliases(u):
            alias_owner.setdefault(a, set()).add(u)
    for a, owners in alias_owner.items():
        v.add(a, Token(a, "单位", tuple(("单位", o) for o in sorted(owners))), override=True)
    v.unit_names = tuple(units)
    kids: dict[str, set[str]] = {}
    for parent, child in parents:
        kids.setdefault(parent, set()).add(child)
    v.children = {p: frozenset(c) for p, c in kids.items()}
    periods: dict[str, list[tuple[int, str]]] = {}
    for name in known_items:
        m = _PERIOD.match(name)
        if m and len(name) - m.end() >= 4:
            periods.setdefault(normalize_text(name[m.end():]), []).append((_period_order(m.group(0)), name))
    v.series = {base: tuple(n for _, n in sorted(found)) for base, found in periods.items()
                if len(found) > 1 and base not in v.words}
    for parent in kids:  # a 款 the report never totals (人大事务) is still a word: the qualifier of its 项
        key = normalize_text(parent)
        old = v.words.get(key)
        if old is None or old.kind in ("filler", "unknown"):
            v.add(key, Token(key, "上级", (("上级", parent),)), override=True)
        elif ("上级", parent) not in old.values:
            v.words[key] = Token(key, old.kind, (*old.values, ("上级", parent)))
    # partial names (a substring of 4+ characters of a 项目 / 指标 name) are looked up while segmenting
    v.partials = tuple((kind, normalize_text(name), name) for kind in ("项目", "指标")
                       for name in sorted(entities.get(kind, set())))
    for colloquial, canon in lexicon.synonyms.items():
        target = v.words.get(normalize_text(canon))
        if target is not None:
            own = v.words.get(normalize_text(colloquial))
            if own is not None and own.kind == "filler":
                v.bare[own.text] = Token(own.text, target.kind, target.values)
                continue
            # a word that is itself a name of another kind (财政拨款收入 as a 名词) keeps that meaning too
            keep = tuple(x for x in (own.values if own else ()) if x[0] not in {k for k, _ in target.values})
            kind = target.kind if not keep else "实体"
            v.add(colloquial, Token(colloquial, kind, target.values + keep), override=True)
    return v


def segment(text: str, vocab: Vocabulary) -> list[Token]:
    out: list[Token] = []
    i = 0
    unknown = ""
    while i < len(text):
        best: Token | None = None
        best_len = 0
        ym = _YEAR.match(text, i)
        if ym:
            best, best_len = Token(ym.group(0), "年度"), len(ym.group(0))
        for n in range(min(vocab.max_len, len(text) - i), best_len, -1):
            tok = vocab.words.get(text[i: i + n])
            if tok is not None:
                best, best_len = tok, n
                break
        part = vocab.partial(text, i, best_len)
        if part is not None:
            best, best_len = part
        if best is None:
            unknown += text[i]
            i += 1
            continue
        if unknown:
            out.append(Token(unknown, "unknown"))
            unknown = ""
        out.append(best)
        i += best_len
    if unknown:
        out.append(Token(unknown, "unknown"))
    return out


def _pairs(tokens: list[Token]) -> tuple[dict[str, object], set[int]]:
    """Two absolute years or two 单位 side by side or joined by 和/与…: 2023年和2024年, 财政局和司法局.

    Returns the extra parameters ({'起始年度': 2023, '年度': 2024} or {'单位': A, '对比单位': B}) and the
    positions of the joining words (left out of the question's signature).
    """
    out: dict[str, object] = {}
    joins: set[int] = set()
    solid = [(i, t) for i, t in enumerate(tokens) if t.kind != "filler" or t.text in CONNECTORS]
    for kind in ("年度", "单位"):
        found: list[object] = []
        last = 0  # where the last one of the kind was found (财政局收入总计和规划局: the words between are the item)
        for n, (_, tok) in enumerate(solid):
            if tok.kind != kind or (kind == "年度" and year_value(tok)[0] != "年度"):
                continue
            value = year_value(tok)[1] if kind == "年度" else tok.values[0][1]
            if found and found[-1] != value:
                before = solid[n - 1][1]
                joined = before.text in CONNECTORS and n > 1 and (solid[n - 2][1].kind == kind or (
                    kind == "单位" and all(t.kind not in ("单位", "年度") for _, t in solid[last + 1: n - 1])))
                if before.kind != kind and not joined:
                    return {}, set()  # e.g. 2024年会议费比2023年…: not a pair
                if joined:
                    joins.add(solid[n - 1][0])
            found.append(value)
            last = n
        distinct = list(dict.fromkeys(found))
        if len(distinct) > 2:
            return {}, set()
        if len(distinct) == 2 and kind == "年度":
            out.update({"起始年度": min(distinct), "年度": max(distinct)})  # type: ignore[type-var]
        elif len(distinct) == 2:
            out.update({"单位": distinct[0], "对比单位": distinct[1]})
    return out, joins


def _than_units(tokens: list[Token]) -> tuple[dict[str, object], set[int]] | None:
    """``财政局会议费比规划局多多少`` / ``规划局比财政局会议费高多少``: two departments, 比 right before the second.

    The question compares the first with the second: the second is the base (``单位``) and the first the
    one set against it (``对比单位``), as 科目对比 reads them. Returns those parameters and the positions of
    比 and of a comparative word (多, 高出…) right after the second department or at the end, or None.
    """
    solid = [i for i, t in enumerate(tokens) if t.kind != "filler" or t.text in _THAN]
    at = [n for n, i in enumerate(solid) if tokens[i].kind == "单位"]
    if len(at) != 2 or at[1] == 0 or tokens[solid[at[1] - 1]].text not in _THAN:
        return None
    first, second = (tokens[solid[n]] for n in at)
    if len(first.values) > 1 or len(second.values) > 1 or first.values == second.values:
        return None
    skip = {solid[at[1] - 1]}
    for n in (at[1] + 1, len(solid) - 1):
        if n < len(solid) and tokens[solid[n]].kind == "unknown" and _MORE.fullmatch(tokens[solid[n]].text):
            skip.add(solid[n])
    return {"单位": second.values[0][1], "对比单位": first.values[0][1]}, skip


def year_value(token: Token) -> tuple[str, int]:
    """('年度', 2024) for an absolute year, ('年度偏移', -1) for a relative one."""
    if token.text in _RELATIVE:
        return "年度偏移", _RELATIVE[token.text]
    m = re.match(r"(\d{4}|\d{2})", token.text)
    assert m
    y = int(m.group(1))
    return "年度", y if y > 99 else 2000 + y


_BASE_YEAR = re.compile(r"(?:比|较)(\d{4})年度?|(?:与|同|和|跟)(\d{4})年度?相比")


# question types that take any item (not only a 类款项 one, as 科目分栏 does): suggestions put the asked item in
_ANY_ITEM = ("科目金额", "科目增减", "科目占比", "科目原因", "科目预算", "部门排名", "科目历年")


def _pair_kind(kind: str) -> str:
    """A 科目 and an 实体 (a name that is also a 项: 住房公积金) are both items when two are joined (购房补贴和住房公积金)."""
    return "科目" if kind in ("科目", "实体") else kind


def _pooled_after_one(previous: Match, type_id: str, tokens: list[Token]) -> Match | None:
    """规划局差旅费 → 培训费 → 合计多少: most likely the items added up, not every department's 培训费 — a sum or
    mean over departments after one department's figure only when the follow-up says so (各部门, 全区…)."""
    unit = previous.param("单位")
    if type_id not in ("部门合计", "部门平均") or unit is None or says_every_department(tokens):
        return None
    item = previous.param("科目")
    return Match("not_understood", tokens=tuple(tokens), message=f"上一个问题问的是{unit}；“合计”“平均”在这里指所有部门合在"
                 "一起的数。几个科目相加请分别提问；所有部门的合计请问“各部门X合计”",
                 suggestions=(f"各部门{item}{'平均' if type_id == '部门平均' else '合计'}",) if item else ())


# 部门 / 单位, but not a kind of unit within one department (下属单位有几个, 事业单位) nor this one (本部门)
_EVERY_DEPARTMENT = re.compile(r"(?<!下属)(?<!所属)(?<!事业)(?<!行政)(?<!预算)(?<!二级)(?<!本)(?<!该)(?:部门|单位)"
                               r"|全区|全市|全县|全省|各|所有|全部|每个")


def _first_n(m: Match) -> bool:
    """前两名 / 前3个: the first N of a ranking — not 四个部门, which counts the departments."""
    return any(t.kind == "数量" and (t.text.startswith(("前", "倒数")) or "名" in t.text) for t in m.tokens)


def says_every_department(tokens: Iterable[Token]) -> bool:
    """Whether the question's own words (not a name: 部门整体绩效自评得分) speak of every department: 各部门, 全区…"""
    return any(_EVERY_DEPARTMENT.search(t.text) for t in tokens if t.kind in ("kw", "filler", "unknown", "方向", "数量"))


def _rebase(text: str) -> str:
    """``2024年…比2023年增长``: a comparison with the year just before another year named in the question is
    a comparison with 上年 (比上年), so that 年度 stays 2024."""
    years = {int(y) for y in re.findall(r"(\d{4})年", text)}

    def sub(m: re.Match[str]) -> str:
        return "比上年" if int(m.group(1) or m.group(2)) + 1 in years else m.group(0)

    text = _BASE_YEAR.sub(sub, text)
    # 后两名 / 倒数前三 / 倒数三个部门: the lowest N, as 最低前两名 / 最低前三 / 最低三个部门 read
    text = _BOTTOM_N.sub(lambda m: "最低前" + m.group(1) + (m.group(2) or "") if m.group(1) else
                         "最低" + ("" if m.group(4)[0] in "个家" else "前") + m.group(3) + m.group(4), text)
    # 住房保障支出下的住房公积金 / 一般公共服务支出里面的行政运行: the 类 or 款 the item is under, as 中的 says it
    text = _UNDER.sub(r"\1中\2", text)
    # 2024年的上一年 / 2024年前一年 is 2023年; 2023年的下一年 is 2024年
    return _NEXT_TO_YEAR.sub(lambda m: f"{int(m.group(1)) + _NEXT_TO[m.group(2)]}年", text)


_UNDER = re.compile(r"(支出|事务|经费|保障)(?:项下|之下|下面|下边|底下|下|里面|里头|里边)(的)")


_N = r"(\d{1,2}|[一二两三四五六七八九十]{1,3})"
_BOTTOM_N = re.compile(rf"倒数前{_N}(名|位)?|(?:倒数|末|后){_N}(名|位|个部门|个单位|家单位)")
_NEXT_TO = {"上一年": -1, "前一年": -1, "上一年度": -1, "上年度": -1, "上年": -1, "下一年": 1, "后一年": 1,
            "下一年度": 1, "下年度": 1, "下年": 1}
_NEXT_TO_YEAR = re.compile(r"(\d{4})年度?的?(" + "|".join(sorted(_NEXT_TO, key=len, reverse=True)) + ")")


@dataclass(frozen=True)
class Compiled:
    type_id: str
    phrasing: str
    signature: tuple[str, ...]  # literal keywords and {slot} markers, in order
    literals: tuple[str, ...] = ()  # the literal keywords without fillers: each must occur in the question


class Phrasebook(list[Compiled]):
    """The compiled phrasings, with an index by each one's first literal keyword: a question is tried only
    against the phrasings whose first keyword it contains (and those with none), in catalog order."""

    def __init__(self, items: list[Compiled]) -> None:
        super().__init__(items)
        self.free = tuple(i for i, c in enumerate(items) if not c.literals)
        groups: dict[str, list[int]] = {}
        for i, c in enumerate(items):
            if c.literals:
                groups.setdefault(c.literals[0], []).append(i)
        self.by_first = {w: tuple(ix) for w, ix in groups.items()}

    def candidates(self, flat: str) -> list[Compiled]:
        found = [*self.free, *(i for w, ix in self.by_first.items() if w in flat for i in ix)]
        return [self[i] for i in sorted(found)]


def compile_phrasings(catalog: tuple[QuestionType, ...], vocab: Vocabulary) -> Phrasebook:
    out = []
    for q in catalog:
        for p in q.phrasings:
            sig: list[str] = []
            for part in re.split(r"(\{[^}]+\})", p):
                if not part:
                    continue
                if part.startswith("{"):
                    sig.append(part)
                    continue
                # literal words stay literal, whatever else they could be (a field word, an entity name)
                sig.extend(tok.text for tok in segment(normalize_text(part), vocab) if tok.kind != "filler")
            merged: list[str] = []
            for part in sig:
                if merged and not part.startswith("{") and not merged[-1].startswith("{"):
                    merged[-1] += part
                else:
                    merged.append(part)
            sig = [m for m in merged if m.startswith("{") or strip_fillers(m)]
            if not sig:
                raise ValueError(f"{q.path}：问法“{p}”去掉虚词后为空")
            out.append(Compiled(q.id, p, tuple(sig), tuple(strip_fillers(m) for m in sig if not m.startswith("{"))))
    return Phrasebook(out)


SLOT_ALIASES = {"基数": "科目"}  # {基数}: a second 科目 in one question (A占B的比例), bound as its own parameter


def _fits(token: Token, marker: str) -> tuple[str, str] | None:
    name = marker.strip("{}")
    kind = SLOT_ALIASES.get(name, name)
    for k, value in token.values:
        if k == kind:
            return name, value
    return None


_STRIP = ("请问", "请帮我查一下", "帮我查一下", "帮我查查", "帮我查", "帮忙查一下", "查一下", "我想知道", "想知道", "想问",
          "告诉我", "给我", "一下", "是多少钱", "是多少", "多少钱", "多少", "一共", "总共", "具体", "那么", "还有",
          "的", "了", "有", "是", "呢", "吗", "啊", "呀", "吧", "嘛", "都", "几")
_FILLER_RE = re.compile("|".join(sorted((re.escape(f) for f in _STRIP), key=len, reverse=True)))


def strip_fillers(text: str) -> str:
    """Literal text without filler words, so that 有哪些项目 and 哪些项目 compare equal."""
    return _FILLER_RE.sub("", text)


def _bind(tokens: list[Token], sig: tuple[str, ...]) -> dict[str, str] | None:
    """Match tokens against a signature: a {slot} takes one token of that kind; a literal takes a run
    of tokens whose texts (fillers removed) spell it exactly."""
    if not sig:
        return {} if all(not strip_fillers(t.text) for t in tokens) else None
    head, rest = sig[0], sig[1:]
    if head.startswith("{"):
        if not tokens:
            return None
        fit = _fits(tokens[0], head)
        if fit is None:
            return None
        tail = _bind(tokens[1:], rest)
        return None if tail is None else {fit[0]: fit[1], **tail}
    want = strip_fillers(head)
    text = ""
    for i, tok in enumerate(tokens):
        text += strip_fillers(tok.text)
        if text == want:
            tail = _bind(tokens[i + 1:], rest)
            if tail is not None:
                return tail
        elif not want.startswith(text):
            return None
    return None


def match_signature(tokens: list[Token], compiled: list[Compiled]) -> list[tuple[Compiled, dict[str, str]]]:
    """All phrasings the question spells, with the slot values they bind."""
    hits = []
    flat = "".join(strip_fillers(t.text) for t in tokens)  # a literal spelled by a run of tokens is in here
    for c in compiled.candidates(flat) if isinstance(compiled, Phrasebook) else compiled:
        if not all(w in flat for w in c.literals):
            continue
        params = _bind(tokens, c.signature)
        if params is not None:
            hits.append((c, params))
    return hits


class Matcher:
    def __init__(self, catalog: tuple[QuestionType, ...], vocab: Vocabulary) -> None:
        self.catalog = {q.id: q for q in catalog}
        self.vocab = vocab
        self.compiled = compile_phrasings(catalog, vocab)
        self._suggesting = False

    def tokens(self, question: str) -> list[Token]:
        return self._qualify(self._short_projects(self._short_units(segment(_rebase(normalize_text(question)),
                                                                            self.vocab))))

    def _qualify(self, tokens: list[Token]) -> list[Token]:
        """A 类 or 款 named right before an item listed under it (住房改革支出住房公积金, 人大事务的行政运行,
        一般公共服务支出人大事务行政运行) becomes the qualifier 上级 of that item: a parameter, like the year.
        Each qualifier must hold the next one and the item; otherwise the words are left as they are."""
        out = list(tokens)
        for j, item in enumerate(tokens):
            names = {v for k, v in item.values if k == "科目"}
            if not names:
                continue
            inner: set[str] = names
            i = j - 1
            while i >= 0:
                if tokens[i].kind == "filler" or tokens[i].text in ("类", "款", "项"):
                    if tokens[i].kind == "unknown":  # 住房保障支出类住房改革支出款住房公积金项
                        out[i] = Token(tokens[i].text, "filler")
                    i -= 1
                    continue
                held = list({p for k, p in tokens[i].values
                             if k in ("上级", "科目") and self.vocab.children.get(p, frozenset()) >= inner})
                if len(held) != 1:
                    break
                out[i] = Token(tokens[i].text, "上级", (("上级", held[0]),))
                inner = {held[0]}
                i -= 1
        return out

    def _short_projects(self, tokens: list[Token]) -> list[Token]:
        """An unrecognised word that shortens exactly one project's name — two pieces of it, in order, of 2+
        characters each: 嘉善推介会 for 在嘉善举办昭化区城市成果推介会 — stands for that project; so does a part
        of a name followed by such a piece (嘉善举办的推介会)."""
        out = list(tokens)
        i = 0
        while i < len(out):
            if out[i].kind != "unknown":
                i += 1
                continue
            j = i - 1
            while j >= 0 and out[j].kind == "filler":
                j -= 1
            starts = ([j] if j >= 0 and out[j].kind == "项目" else []) + [i]
            for start in starts:
                text = "".join(t.text for t in out[start: i + 1] if t.kind != "filler")
                owners = [name for kind, norm, name in self.vocab.partials if kind == "项目" and _two_pieces(text, norm)]
                if len(owners) == 1 and (start == i or ("项目", owners[0]) in out[start].values):
                    out[start: i + 1] = [Token("".join(t.text for t in out[start: i + 1]), "项目", (("项目", owners[0]),))]
                    i = start
                    break
            i += 1
        return out

    def _unit_one_off(self, name: str) -> list[str]:
        """The loaded departments' short forms (3+ characters) of the length of ``name`` that differ from it in
        one character: 规化局 → 规划局, 财正局 → 财政局."""
        if len(name) < 3:
            return []
        names = [normalize_text(u) for u in self.vocab.unit_names]
        stems: set[str] = set()
        for k in range(len(name) - 1):  # 规划局: a stem of 上海市普陀区规划和自然资源局 and its last character
            stems |= {c for u in names for ch in set(u) if (c := name[:k] + ch + name[k + 1:])[:-1] in u and c[-1] == u[-1]}
        forms = {a for u in self.vocab.unit_names for a in unit_aliases(u) if len(a) == len(name)} - stems
        return [f for group in (stems, forms) for f in sorted(group)
                if sum(x != y for x, y in zip(f, name, strict=True)) == 1]

    def _unloaded_department(self, question: str) -> str:
        """A department named in the question (…局, …厅, …委员会, …办公室) that is not a loaded one."""
        text = normalize_text(question)
        known: set[str] | None = None  # every loaded department's short forms, read once when a name needs them
        for m in _DEPARTMENT.finditer(text):
            name = re.sub(r"^(?:年度?|月份?|那么?)?的?", "", m.group(0).lstrip("".join(CONNECTORS)))  # 2027年司法局, 那司法局呢
            # 差旅费比规划局: the words before a loaded department's name are not part of the name
            tails = [name[k:] for k in range(max(0, len(name) - 6), len(name) - 2)]
            if any(_subsequence(t, normalize_text(u)) for t in tails for u in self.vocab.unit_names):
                continue
            if known is None:  # 云集街道 (…街道办事处): not a subsequence that ends the name, but one of its short forms
                known = {normalize_text(a) for u in self.vocab.unit_names for a in unit_aliases(u)}
            if not known & set(tails):
                return name
        return ""

    def _short_units(self, tokens: list[Token]) -> list[Token]:
        """``_short_unit`` for each token; an unknown word around a short name is split: 和规划局 in
        财政局和规划局…, 财政局和 before a name, 比规划局多 in 财政局会议费比规划局多多少 (when the middle is one)."""
        out: list[Token] = []
        for tok in tokens:
            short = self._short_unit(tok)
            if short.kind == "unknown":
                out += self._around_unit(tok.text) or [short]
            else:
                out.append(short)
        return out

    def _around_unit(self, text: str) -> list[Token] | None:
        joins = (*CONNECTORS, *_THAN)
        chain = self._unit_chain(text)  # 规划局和社工部, 规划局社工部 (财政局、规划局、社工部 once 、 is gone)
        if chain:
            return chain
        for head in ("", *joins):
            if not text.startswith(head):
                continue
            body = text[len(head):]
            tails = [""] + [c for c in joins if body.endswith(c) and not head]
            tails += [m.group(0) for m in [re.search(f"(?:{_MORE.pattern})$", body)] if m and head in _THAN]
            for tail in tails:
                if not (head or tail):
                    continue
                unit = self._short_unit(Token(body[:len(body) - len(tail)], "unknown"))
                if unit.kind == "单位":
                    kind = "filler" if tail in joins else "unknown"
                    return [*([Token(head, "filler")] if head else []), unit, *([Token(tail, kind)] if tail else [])]
        return None

    def _unit_chain(self, text: str) -> list[Token] | None:
        """``text`` read whole as two or more short department names, each perhaps after a joining word
        (和, 与, 以及…; a 比 only between two): 规划局和社工部, 规划局社工部, 和规划局和社工部. None otherwise."""
        joins = sorted((*CONNECTORS, *_THAN), key=len, reverse=True)

        def read(at: int) -> list[Token] | None:
            if at == len(text):
                return []
            head = next((c for c in joins if text.startswith(c, at)), "") if at else ""
            start = at + len(head)
            for end in range(len(text), start + 2, -1):  # the longest name first
                unit = self._short_unit(Token(text[start:end], "unknown"))
                if unit.kind == "单位":
                    rest = read(end)
                    if rest is not None:
                        return [*([Token(head, "filler")] if head else []), unit, *rest]
            return None

        for head in ("", *(c for c in CONNECTORS if text.startswith(c))):
            got = read(len(head)) if head else read(0)
            units = [t for t in got or [] if t.kind == "单位"]
            if got and len(units) >= 2 and (len(units) == 2 or not any(t.text in _THAN for t in got)):
                return [*([Token(head, "filler")] if head else []), *got]
        return None

    def _short_unit(self, tok: Token) -> Token:
        """An unknown word like 规划局 that abbreviates exactly one loaded department's name (its characters
        appear in that name in order: 上海市普陀区规划和自然资源局) stands for that department."""
        if tok.kind != "unknown" or len(tok.text) < 3 or not _UNIT_SUFFIX.search(tok.text):
            return tok
        owners = [u for u in self.vocab.unit_names if _subsequence(tok.text, normalize_text(u))]
        return Token(tok.text, "单位", (("单位", owners[0]),)) if len(owners) == 1 else tok

    def match(self, question: str, previous: Match | None = None) -> Match:
        m = self._match(question, previous)
        if m.status == "not_understood" and previous is not None and previous.status == "ok":
            m = self._reinserted(question, previous) or m
        return self._pooled(self._broader(self._measured(m)))

    def _pooled(self, m: Match) -> Match:
        """各部门项目支出合计: the 合计 the item's table name swallowed (项目支出合计 is 项目支出) still asks the sum
        over the departments, when the question speaks of every department. 四个部门邮电费一共多少: a count of
        departments with a sum word (a filler) is their sum, not a ranking."""
        named = next((t for t in m.tokens if ("科目", m.param("科目")) in t.values), None) if m.status == "ok" else None
        swallowed = named is not None and bool(re.search(r"(?:合计|总计|总额)$", named.text)) and not str(
            m.param("科目")).endswith(("合计", "总计", "总额"))  # 四个单位项目支出合计: the 合计 is the departments'
        ranked = any(t.text in ("排名", "排行", "排序", "排第几") for t in m.tokens)  # 四个部门政府采购总额排名
        if (m.status == "ok" and m.type_id == "部门排名" and m.param("方向") is None and "部门合计" in self.catalog
                and not _first_n(m)  # 前两名合计: the top two's sum (the ranking says it), never every one's
                and not ranked and (swallowed or any(t.text in POOLED_SUM for t in m.tokens))):
            return m.retyped(self.catalog["部门合计"])
        if (m.status != "ok" or m.type_id != "科目金额" or m.param("单位") is not None or "部门合计" not in self.catalog
                or not swallowed or not says_every_department(m.tokens)):
            return m
        return m.retyped(self.catalog["部门合计"])

    def _reinserted(self, question: str, previous: Match) -> Match | None:
        """A follow-up that leaves out the item it is about: 工商联会议费 → 占公用经费的比例呢 / 附件里呢, 机关运行经费
        → 哪个部门最高. The item of the question before, put back at the first word boundary where the question
        then reads as one of its own; the department and year carry over unless the type is about every
        department. Only when the follow-up is not understood without it."""
        item = previous.param("科目")
        if not isinstance(item, str):
            return None
        text = normalize_text(question)
        cuts, at = [0], 0
        for tok in self.tokens(question):
            at += len(tok.text)
            cuts.append(at)
        which = bool(_WHICH.search(text))  # 规划局…, 财政局呢 → 哪个最高: which department, not which part
        for cut in cuts:
            m = self._match(text[:cut] + item + text[cut:])
            if m.status != "ok" or m.param("科目") != item or (which and m.type_id not in ACROSS_DEPARTMENTS):
                continue
            pooled = _pooled_after_one(previous, m.type_id, list(m.tokens))
            if pooled is not None:
                return pooled
            wanted = self.catalog[m.type_id].params
            keep = ("年度", "年度偏移") if m.type_id in ACROSS_DEPARTMENTS else ("单位", "年度", "年度偏移")
            given = dict(m.params)
            carried = {k: v for k, v in previous.params if k in keep and k in wanted and k not in given
                       and not (k == "年度偏移" and "年度" in given)}
            return replace(m, params=tuple({**given, **carried}.items()), followup=True)
        return None

    def _broader(self, m: Match) -> Match:
        """A question about plain 收入 / 支出 may fall back to the 总计 (GENERIC_TOTALS)."""
        if m.status != "ok":
            return m
        for tok in m.tokens:
            own, total = GENERIC_TOTALS.get(tok.text, ("", ""))
            if own and m.param("科目") == own and ("科目", own) in tok.values:
                return replace(m, fallback=tuple((k, total if k == "科目" else v) for k, v in m.params))
        return m

    def _measured(self, m: Match) -> Match:
        """A question asking for money (多少钱, 花了, 支出) is never answered by a type that gives counts
        (人数, 辆): an item named without a money word (公车) is read as its money item when the lexicon has
        one (公车费), otherwise the question is refused."""
        budget = m.status == "ok" and budget_type(self.catalog[m.type_id])  # 预算 and 完成预算 are about money
        if m.status != "ok" or (asks_for(m.tokens) != "金额" and not budget):
            return m
        item = m.param("科目")
        for tok in m.tokens:
            if item is None or ("科目", item) not in tok.values:
                continue
            money = self._money_item(tok)
            if money and money != item:
                return replace(m, params=tuple((k, money if k == "科目" else v) for k, v in m.params))
        if counts_only(self.catalog[m.type_id]):
            return Match("not_understood", tokens=m.tokens, params=m.params,
                         message=f"问的是金额，而“{m.type_id}”只有人数、个数等数量，不能回答",
                         suggestions=self.suggest([t for t in m.tokens if t.kind not in ("filler", "年度", "单位")]))
        return m

    def _match(self, question: str, previous: Match | None = None) -> Match:
        tokens = self._targets(self._share_base(_whole_first(_project_word(self.tokens(question)))))
        whole = next((t.text for t in tokens if t.kind == "kw" and t.text in _WHOLE_AREA), "")
        if whole:
            regions = {_area(u, whole[1]) for u in self.vocab.unit_names}
            if len(regions) != 1 or "" in regions:  # 全区 over 普陀区's and 昭化区's departments is no 区's total
                return Match("no_data", tokens=tuple(tokens), message=f"已载入的部门不属于同一个{whole[1]}，"
                             f"不能合计为“{whole}”；已载入：{'、'.join(self.vocab.unit_names)}")
        return self._understood(question, tokens, previous)

    def _understood(self, question: str, tokens: list[Token], previous: Match | None) -> Match:
        m = self._match_tokens(question, tokens, previous)
        if (m.status == "ok" and "、" in question and any(t.kind == "filler" and t.text in self.vocab.bare for t in tokens)
                and self.split_pair(question)):
            # 收入、支出各多少: two items listed (the 、 is gone in normalising), never the first with a filler
            return Match("not_understood", tokens=tuple(tokens), message="问题列了两项，请分别提问")
        if m.status != "ok" and any(t.kind == "unknown" for t in tokens):
            joined = self._rejoin(tokens)
            if joined is not None:
                again = self._match_tokens(question, joined, previous)
                if again.status == "ok":
                    return again
        bare = [i for i, t in enumerate(tokens) if t.kind == "filler" and t.text in self.vocab.bare]
        named = any(k == "科目" for t in tokens for k, _ in t.values)
        if m.status != "ok" and len(bare) == 1 and not named:
            subject = [self.vocab.bare[t.text] if i in bare else t for i, t in enumerate(tokens)]
            again = self._match_tokens(question, subject, previous)
            if again.status == "ok":
                return again
        return m

    def _one_off(self, word: str) -> list[str]:
        """The item names (科目) of the same length as ``word`` that differ from it in one character."""
        names = sorted({v for t in self.vocab.words.values() for k, v in t.values if k == "科目" and len(v) == len(word)})
        return [n for n in names if sum(a != b for a, b in zip(n, word, strict=True)) == 1]

    def _share_base(self, tokens: list[Token]) -> list[Token]:
        """占支出/占收入: the filler after 占 is the base of the share (本年支出合计), so 公务接待费占支出的比例 is
        read as one item over another, never as the share the report states on another base (of 三公经费)."""
        return [self.vocab.bare[t.text] if i and tokens[i - 1].text == "占" and t.kind == "filler"
                and t.text in self.vocab.bare else t for i, t in enumerate(tokens)]

    def _targets(self, tokens: list[Token]) -> list[Token]:
        """X的目标 is the item the report names X目标 (6月预算执行进度目标, read from "均未达到40%…"), when it has
        one: a figure of its own, not a 预算 of X."""
        out: list[Token] = []
        for tok in tokens:
            item = next((i for i in range(len(out) - 1, -1, -1) if out[i].kind != "filler"), None)
            if tok.kind == "字段" and ("字段", "指标值") in tok.values and item is not None:
                named = [v for k, v in out[item].values if k == "科目"]
                goal = self.vocab.words.get(normalize_text(named[0] + "目标")) if len(named) == 1 else None
                if goal is not None and goal.kind == "科目":
                    out[item:] = [Token("".join(t.text for t in out[item:]) + tok.text, "科目", goal.values)]
                    continue
            out.append(tok)
        return out

    def _rejoin(self, tokens: list[Token]) -> list[Token] | None:
        """A word split by fillers or a count (买了几辆车 → 买车 + 几辆): the question without them, segmented
        again, when that leaves nothing unrecognised; the count words go last (买车几辆)."""
        glue = {"filler", "计量"}
        solid = [i for i, t in enumerate(tokens) if t.kind not in glue]
        drop: set[int] = set()  # fillers and counts between two words of which one is not recognised
        for a, b in pairwise(solid):
            if b > a + 1 and "unknown" in (tokens[a].kind, tokens[b].kind):
                drop.update(range(a + 1, b))
        if not drop:
            return None
        text = "".join(t.text for i, t in enumerate(tokens) if i not in drop)
        again = self._short_units(segment(text, self.vocab))
        if not again or any(t.kind == "unknown" for t in again):
            return None
        return again + [t for i, t in enumerate(tokens) if i in drop and t.kind == "计量"]

    def _match_tokens(self, question: str, tokens: list[Token], previous: Match | None) -> Match:
        if not tokens:
            return Match("not_understood", message="问题是空的", suggestions=self.suggest([]))
        if sum(t.kind == "科目" for t in tokens) > 1:  # 差旅费一共花了多少: 一共花了 is the year's total only alone
            tokens = [Token(t.text, "filler") if t.kind == "科目" and _SPENT.fullmatch(t.text) else t for t in tokens]
        params: dict[str, object] = {}
        core: list[Token] = []
        units: list[str] = []
        pairs, joins = _pairs(tokens)
        than = _than_units(tokens)
        if than is not None:
            pairs, joins = than
        for i, tok in enumerate(tokens):
            if tok.kind == "filler" or i in joins:
                continue
            if tok.kind == "年度":
                key, value = year_value(tok)
                params[key] = value
            elif tok.kind == "上级":
                params["上级"] = tok.values[0][1]  # the nearest qualifier (the last one) wins
            elif tok.kind == "单位":
                units.append(tok.text)
                if than is not None:
                    continue
                if len(tok.values) > 1:
                    names = "、".join(v for _, v in tok.values)
                    return Match("not_understood", tokens=tuple(tokens),
                                 message=f"“{tok.text}”可能指多个单位：{names}，请写出全称",
                                 suggestions=tuple(f"{v}会议费多少" for _, v in tok.values[:3]))
                params["单位"] = tok.values[0][1]
            else:
                core.append(tok)
        for tok in core:
            if tok.kind in ("项目", "指标") and len(tok.values) > 1:
                names = "、".join(v for _, v in tok.values[:5])
                return Match("not_understood", tokens=tuple(tokens), message=f"“{tok.text}”对应多个{tok.kind}：{names}",
                             suggestions=tuple(v for _, v in tok.values[:3]))
        several = {tok.values[0][1] for i, tok in enumerate(tokens) if tok.kind == "单位" and i not in joins}
        if len(several) > 1 and "对比单位" not in pairs:
            # 财政局规划局和社工部差旅费: never one department's figure for several (the engine splits them)
            return Match("not_understood", tokens=tuple(tokens),
                         message="这个问题问到了多个单位；请每次问一个单位，或问两个单位的比较")
        if "对比单位" in pairs and len({t.text for t in tokens if t.kind == "年度"}) > 1:
            # 规划局2023年收入总计比财政局2024年多多少: each department its own year — one year is all a type takes
            return Match("not_understood", tokens=tuple(tokens),
                         message="两个单位各问一个年度的比较无法回答；请问同一年度，或分别提问")
        if pairs:  # two years or two 单位 asked together: only a type that compares them takes both
            params.update(pairs)
        if than is not None:
            core.append(Token("对比", "kw"))
        if not core and previous is not None and previous.status == "ok" and (params or units):
            if not self._takes(previous.type_id, pairs):
                return Match("not_understood", tokens=tuple(tokens), message="这个问题一次只能问一个年度、一个单位")
            # 收入总计比上年 → 2023年是多少 / 上年多少: that year's amount, not its change on the year before it
            m = self._follow(previous, {}, params, tokens)
            return self._amount_instead(m, tokens, many="年度" in params or "年度偏移" in params) if "科目" in dict(
                m.params) else m
        if not core and previous is None:
            unit = params.get("单位") if "单位" in params and not pairs else None
            said = (f"只写了单位（{unit}），没有写要查它的什么" if unit
                    else "问题里没有可查询的内容")  # 财政局2024年度: the chat's department, see Conversation
            return Match("not_understood", tokens=tuple(tokens), params=tuple(params.items()),
                         message=said, suggestions=self.suggest(core))
        # a count word (几辆, 多少人) is part of the question for types that ask for a count ({计量}); other
        # types read the question without it (退休人员有几个 is also 退休人员)
        plain = [t for t in core if t.kind != "计量"]
        hits = match_signature(core, self.compiled) if len(plain) < len(core) else []
        if not hits and plain:
            hits = match_signature(plain, self.compiled)
        if previous is not None and previous.status == "ok" and core and all(
            t.kind in SLOT_KINDS or t.kind == "实体" or t.text in _WHY for t in core
        ):
            follow = self._follow_slots(previous, core, params, tokens)
            if follow is not None:
                return follow
        if not hits and previous is not None and previous.status == "ok" and core:
            aspect = self._aspect(previous, core, params, tokens)
            if aspect is not None:
                return aspect
        if not hits:
            unknown = [t.text for t in core if t.kind == "unknown"]
            if unknown:
                unit_like = [u for u in unknown if _UNIT_SUFFIX.search(u) or _REGION.search(u)]
                named = self._unloaded_department(question)
                # 利州区工商联: an unknown place before a short name that starts with its level (区工商联)
                named = named or next((a.text + b.text for a, b in pairwise(tokens) if a.kind == "unknown"
                                       and b.kind == "单位" and b.text[:1] in _LEVELS), "")
                if named:
                    slips = self._unit_one_off(named)  # 规化局: a slip of one character in 规划局
                    return Match("no_data", tokens=tuple(tokens), params=tuple(params.items()),
                                 message=f"没有载入“{named}”的报告；已载入：{'、'.join(self.vocab.unit_names)}",
                                 suggestions=tuple(normalize_text(question).replace(named, f, 1) for f in slips[:3]))
                if unit_like and len(unknown) == 1:
                    return Match("no_data", tokens=tuple(tokens), params=tuple(params.items()),
                                 message=f"没有载入“{unit_like[0]}”的报告；已载入：{'、'.join(self.vocab.unit_names)}")
                if len(unknown) == 1 and _ITEM_LIKE.search(unknown[0]) and len(plain) <= 2:
                    near = self._one_off(unknown[0])
                    if near:  # 会义费: a slip of one character, not an item the report leaves out
                        return Match("not_understood", tokens=tuple(tokens),
                                     message=f"无法理解“{unknown[0]}”（是否写错了字）",
                                     suggestions=tuple(f"{n}多少" for n in near[:3]))
                    return Match("no_data", tokens=tuple(tokens), params=tuple(params.items()),
                                 message=f"未找到“{unknown[0]}”（报告中未列示，或未能从报告中读出）")
                near = self._one_off(unknown[0]) if len(unknown) == 1 else []  # 会议肥
                return Match("not_understood", tokens=tuple(tokens), message=f"无法理解“{'、'.join(unknown)}”",
                             suggestions=tuple(f"{n}多少" for n in near[:3]) or self.suggest(core))
            return Match("not_understood", tokens=tuple(tokens), params=tuple(params.items()),
                         message="未能理解这个问题", suggestions=self.suggest(core))
        # most specific phrasing first (more literal words), then catalog order: deterministic
        hits.sort(key=lambda h: (-sum(not s.startswith("{") for s in h[0].signature), h[0].type_id))
        hits = [h for h in hits if self._takes(h[0].type_id, pairs)]
        if not hits:  # e.g. 2023年和2024年会议费: the engine answers it as two questions (ask_parts)
            return Match("not_understood", tokens=tuple(tokens), params=tuple(params.items()),
                         message="这个问题一次只能问一个年度、一个单位", suggestions=self.suggest(core))
        if "单位" in params and not any("单位" in self.catalog[h[0].type_id].params for h in hits):
            # 社工部人员经费合计: one department's figure, not the sum over departments that 合计 asks for elsewhere
            own = [t for t in plain if not (t.kind == "kw" and strip_fillers(t.text) in _ALL_DEPARTMENTS)]
            hits = [h for h in (match_signature(own, self.compiled) if len(own) < len(plain) else [])
                    if "单位" in self.catalog[h[0].type_id].params]
            if not hits:
                return Match("not_understood", tokens=tuple(tokens), params=tuple(params.items()),
                             message="合计、平均是所有部门合在一起的数，不能限定某个单位", suggestions=self.suggest(core))
        best, slot_values = hits[0]
        if "上级" in params and "上级" not in self.catalog[best.type_id].params:
            return Match("not_understood", tokens=tuple(tokens), params=tuple(params.items()),
                         message=f"“{self.catalog[best.type_id].title}”不能限定所属的类、款（{params['上级']}）",
                         suggestions=self.suggest(core))
        params.update(slot_values)
        if "计量" not in self.catalog[best.type_id].params:
            params.pop("计量", None)
        wanted = self.catalog[best.type_id].params
        if (previous is not None and previous.status == "ok" and any(t.text in _ELLIPSIS for t in tokens)
                and not any(k in params for k in ("单位", "年度", "年度偏移"))):
            # 工商联上年公务接待费 → 接待批次呢: a whole question in form, asked about the same department and year
            carried = {k: v for k, v in previous.params if k in ("单位", "年度", "年度偏移") and k in wanted}
            if carried:
                return Match("ok", best.type_id, tuple({**params, **carried}.items()), best.phrasing, tuple(tokens),
                             followup=True)
        return Match("ok", best.type_id, tuple(params.items()), best.phrasing, tuple(tokens))

    def _takes(self, type_id: str, pairs: dict[str, object]) -> bool:
        """Whether a question type has the parameters of a pair (起始年度, 对比单位)."""
        return all(k in self.catalog[type_id].params for k in pairs)

    def _follow(self, previous: Match, slots: dict[str, str], params: dict[str, object],
                tokens: list[Token]) -> Match:
        params = dict(params)
        offset = params.get("年度偏移")
        before = dict(previous.params)
        stepped = any(t.kind == "年度" and t.text in _STEP_BACK for t in tokens)  # 上年呢, not 前年呢 (from today)
        if isinstance(offset, int) and offset < 0 and "年度" not in params and stepped:
            # 2023年会议费 → 上年呢: the year before the one being talked about (2022), not before the latest report
            year, shift = before.get("年度"), before.get("年度偏移")
            if isinstance(year, int):
                params = {**{k: v for k, v in params.items() if k != "年度偏移"}, "年度": year + offset}
            elif isinstance(shift, int):
                params["年度偏移"] = shift + offset
        merged = {k: v for k, v in previous.params if k not in ("年度", "年度偏移") or not (
            "年度" in params or "年度偏移" in params)}
        if "科目" in slots and "上级" not in params:
            merged.pop("上级", None)  # 那差旅费呢 after 人大事务行政运行: the qualifier was the old item's
        merged.update(slots)
        merged.update(params)
        item = dict(previous.fallback).get("科目") if "科目" not in slots else None  # 收入…, then 上年呢
        fallback = tuple({**merged, "科目": item}.items()) if item else ()
        type_id = previous.type_id
        if type_id == "名词解释" and ("单位" in params or any("多少" in t.text for t in tokens)):
            # 什么是机关运行经费 → 财政局的是多少: that item's amount; a definition is the same for every department
            said = self.vocab.words.get(normalize_text(str(before.get("名词"))))
            item = next((v for k, v in said.values if k == "科目"), None) if said else None
            if item is None or "科目金额" not in self.catalog:
                return Match("not_understood", tokens=tuple(tokens), message="名词解释不分单位和年度；请问具体科目的金额")
            type_id, merged = "科目金额", {k: v for k, v in {**merged, "科目": item}.items() if k != "名词"}
        if "单位" in params and "单位" not in self.catalog[type_id].params:
            # 各部门差旅费合计 → 规划局呢: that department's own figure, not the sum with the department dropped
            type_id = "科目金额" if "科目" in merged and "科目金额" in self.catalog else ""
            if not type_id:
                return Match("not_understood", tokens=tuple(tokens), message="合计、平均是所有部门合在一起的数，不能限定某个单位")
            merged = {k: v for k, v in merged.items() if k in self.catalog[type_id].params}
        return Match("ok", type_id, tuple(merged.items()), previous.phrasing, tuple(tokens), followup=True,
                     fallback=fallback)

    def _follow_slots(self, previous: Match, core: list[Token], params: dict[str, object],
                      tokens: list[Token]) -> Match | None:
        qtype = self.catalog[previous.type_id]
        words = [t.text for t in core]
        if ("项目" in dict(previous.params) and "单位" not in params and len(core) == 1
                and any(k == "栏目" for k, _ in core[0].values)):
            # 驻外商会经费 → 存在什么问题: that project's problems, not the department's section of the same name
            aspect = self._aspect(previous, core, params, tokens)
            if aspect is not None:
                return aspect
        alone = len(tokens) == 1 and tokens == core  # 规划局差旅费 → 培训费: a name alone is 培训费呢
        if not alone and not any(t.text in (*_ELLIPSIS, "其中") for t in tokens) and match_signature(core, self.compiled):
            # a full question on its own (差旅费多少): it resets the conversation — but 财政局行政运行 → 基本支出多少
            # is that 项's 基本支出 column, as 基本支出呢 is
            return self._column(previous, core, params, tokens) if "单位" not in params else None
        if len(words) == 1 and words[0] in _WHY:
            if previous.type_id in ("科目预算", "预算差异原因") and "预算差异原因" in self.catalog:
                # 完成预算多少 → 为什么: why the figure differs from the budget, not why it moved on the year
                return self._aspect(previous, core, params, tokens, type_id="预算差异原因")
            if "科目" in dict(previous.params) and "科目原因" in self.catalog:
                return replace(self._follow(previous, {}, params, tokens), type_id="科目原因")
            if "原因" in qtype.params:
                return self._follow(previous, {"原因": "是"}, params, tokens)
            if "原因" in qtype.title:  # the answer already states the reasons (未完成)
                return self._follow(previous, {}, params, tokens)
            return None
        column = self._column(previous, core, params, tokens)
        if column is not None:
            return column
        if re.search(r"(?:里|中|当中|里面|之中)的?呢?$", "".join(t.text for t in tokens)):
            # 差旅费 → 项目支出里的呢: the 差旅费 within 项目支出, which no report splits out — not 项目支出 itself
            return Match("not_understood", tokens=tuple(tokens), message="无法确定问的是哪个科目中的哪一部分；请把问题问完整",
                         suggestions=self.suggest(core))
        slots: dict[str, str] = {}
        before = dict(previous.params)
        for tok in core:
            fits = [(k, v) for k, v in tok.values if k in qtype.params]
            # 行政运行基本支出 → 换成项目支出: the column (性质) the question before set, not a new item (科目)
            fit = next((f for f in fits if f[0] != "科目" and before.get(f[0]) is not None), fits[0] if fits else None)
            if fit is None:  # 驻外商会经费执行率 → 改进措施呢: another aspect of the same project
                return self._aspect(previous, core, params, tokens)
            if slots.get(fit[0], fit[1]) != fit[1]:  # 政府性基金收入呢, 项目支出中的差旅费呢: two items, which one?
                return Match("not_understood", tokens=tuple(tokens), message=f"追问里有两个{fit[0]}（{slots[fit[0]]}、"
                             f"{fit[1]}），无法确定问的是哪一个；请把问题问完整", suggestions=self.suggest(core))
            slots[fit[0]] = fit[1]
        was = previous.param("科目")
        if "科目" in slots and isinstance(was, str) and was.endswith(("费", "经费", "支出")):
            # 三公经费 → 公务用车呢: the money of 公务用车 (购置及运行维护费), as the question before asked money
            money = self._money_item(next(t for t in core if ("科目", slots["科目"]) in t.values))
            slots["科目"] = money or slots["科目"]
        # 收入总计比上年增加多少 → 那么2023年的收入总计是多少: its amount, not the change of 2023 on 2022
        return self._amount_instead(self._follow(previous, slots, params, tokens), tokens)

    def _amount_instead(self, m: Match, tokens: list[Token], many: bool = False) -> Match:
        """A follow-up of a change, reason or share question that asks 是多少 (or, with ``many``, a bare 多少) asks
        the item's amount: 科目金额, never the change of the year before on the one before that."""
        if (m.status == "ok" and m.type_id in _NOT_AMOUNT and "科目金额" in self.catalog
                and any(t.text in _AMOUNT_ASKED or (many and t.text == "多少") for t in tokens)):
            return m.retyped(self.catalog["科目金额"])
        return m

    def _column(self, previous: Match, core: list[Token], params: dict[str, object], tokens: list[Token]) -> Match | None:
        """行政运行 → 其中项目支出多少 / 项目支出呢: that item's 项目支出 column (科目分栏), not the department's
        项目支出 — after a 类/款/项 of the 功能分类, or whenever 其中 says it is a part of the item before."""
        nature = next((v for k, v in core[0].values if k == "性质"), None) if len(core) == 1 else None
        was = previous.param("科目")
        if (nature is None or not isinstance(was, str) or was in NATURES or "科目分栏" not in self.catalog
                or previous.type_id not in ("科目金额", "科目分栏")):
            return None
        functional = was in self.vocab.children or any(was in kids for kids in self.vocab.children.values())
        if not functional and not any(t.text == "其中" for t in tokens):
            return None
        m = self._follow(previous, {"性质": nature}, params, tokens)
        wanted = self.catalog["科目分栏"].params
        return replace(m, type_id="科目分栏", params=tuple((k, v) for k, v in m.params if k in wanted), fallback=())

    def _money_item(self, tok: Token) -> str:
        """The money item of a word that names a thing (公车 → 公车费, 公务用车 → 公务用车购置及运行维护费), or ''."""
        if _ITEM_LIKE.search(tok.text):
            return ""
        for suffix in ("费", "经费", "购置及运行维护费"):
            money = self.vocab.words.get(tok.text + suffix)
            if money is not None and money.kind == "科目":
                return money.values[0][1]
        return ""

    def _aspect(self, previous: Match, core: list[Token], params: dict[str, object], tokens: list[Token],
                type_id: str = "") -> Match | None:
        """A follow-up that asks another thing about the same item (三公经费多少 → 预算呢, 比上年呢, 占比呢;
        a project's 执行率 → 改进措施呢): the question read with the previous item put back in front of it.
        Only a question type that takes the item and every other word; the department and year carry over."""
        before = dict(previous.params)
        key = next((k for k in ("项目", "指标", "科目") if k in before), None)
        if key is None or any(k in ("项目", "指标", "科目", "名词") for t in core for k, _ in t.values):
            return None
        item = Token(str(before[key]), key, ((key, str(before[key])),))
        hits = [h for h in match_signature([item, *core], self.compiled)
                if key in self.catalog[h[0].type_id].params and (not type_id or h[0].type_id == type_id)]
        if type_id and not hits and type_id in self.catalog:
            hits = [(next(c for c in self.compiled if c.type_id == type_id), {key: str(before[key])})]
        if not hits:
            return None
        hits.sort(key=lambda h: (-sum(not s.startswith("{") for s in h[0].signature), h[0].type_id))
        best, slot_values = hits[0]
        if _WHICH.search("".join(t.text for t in core)) and best.type_id not in ACROSS_DEPARTMENTS:
            return None  # 规划局…, 财政局呢 → 哪个最高: which department? not which part of the last one's item
        pooled = _pooled_after_one(previous, best.type_id, tokens)
        if pooled is not None:
            return pooled
        wanted = self.catalog[best.type_id].params
        carried = self._follow(previous, {}, params, tokens)  # 上年 in the follow-up counts as in _follow
        merged = {k: v for k, v in carried.params if k in wanted and k not in ("字段", "栏目", "段落", "原因")
                  and not (k == "单位" and best.type_id in ACROSS_DEPARTMENTS)}  # 哪个部门最高: every department
        merged.update(slot_values)
        return Match("ok", best.type_id, tuple(merged.items()), best.phrasing, tuple(tokens), followup=True)

    def split_pair(self, question: str) -> tuple[str, str] | None:
        """``A和B…`` with A and B of the same kind → (the question with A only, the question with B only)."""
        text = normalize_text(question)
        tokens = self._short_units(segment(text, self.vocab))  # 规划局和财政局…: short names are 单位 too
        spans, pos = [], 0
        for tok in tokens:
            spans.append((pos, pos + len(tok.text), tok))
            pos += len(tok.text)
        def item_like(t: Token) -> bool:  # 收入和支出各多少: the bare 收入/支出 name the year's totals here
            return _pair_kind(t.kind) == "科目" or t.text in self.vocab.bare

        for i in range(1, len(spans) - 1):
            (a0, a1, a), (_, _, conj), (b0, b1, b) = spans[i - 1], spans[i], spans[i + 1]
            if conj.text in _THAN and a.kind == b.kind and a.kind in ("科目", "实体") and (
                    _MORE.fullmatch(strip_fillers(text[b1:])) or not strip_fillers(text[b1:])):
                # 工商联会议费比差旅费多多少: the two items compared, as 会议费和差旅费哪个多 is
                return text[:a1] + "哪个多", text[:a0] + text[b0:b1] + "哪个多"
            if conj.text not in CONNECTORS or (not (item_like(a) and item_like(b)) and (
                    _pair_kind(a.kind) != _pair_kind(b.kind) or a.kind in ("filler", "unknown"))):
                continue
            return text[:a1] + text[b1:], text[:a0] + text[b0:]
        listed = normalize_text(question.replace("、", "和"))  # 办公费、印刷费各多少: the 、 is gone in normalising
        for (a0, a1, a), (b0, b1, b) in pairwise(spans):
            if item_like(a) and item_like(b) and f"{a.text}和{b.text}" in listed:
                return text[:a1] + text[b1:], text[:a0] + text[b0:]  # never 政府性基金收入: one item, not two
        for i, (c0, _, conj) in enumerate(spans):
            # 基本支出占比和项目支出占比: A X 和 B X, the same words X after each of two names of one kind
            if conj.text not in CONNECTORS or i + 1 >= len(spans):
                continue
            b0, b1, b = spans[i + 1]
            for j in range(i - 1, -1, -1):
                a0, a1, a = spans[j]
                if a.kind == b.kind and a.kind not in ("filler", "unknown"):
                    said = text[a1:c0]
                    if said and text[b1:].startswith(said):
                        end = b1 + len(said)
                        return text[:c0] + text[end:], text[:a0] + text[b0:]
                    break
        # 9月、11月预算执行进度: an unrecognised word before a name that starts like it (a number aside) shares
        # the rest of that name (9月 + 预算执行进度), when the result is a name of the same kind
        for i in range(len(spans) - 1):
            (a0, a1, a), (_, b1, b) = spans[i], spans[i + 1]
            if a.kind != "unknown" or b.kind not in ("科目", "项目", "指标"):
                continue
            for k in range(1, len(b.text)):
                if re.sub(r"\d+", "0", b.text[:k]) != re.sub(r"\d+", "0", a.text):
                    continue
                word = a.text + b.text[k:]
                other = self.vocab.words.get(word)
                if other is not None and other.kind == b.kind:
                    return text[:a0] + word + text[b1:], text[:a0] + text[a1:]
        return None

    def split_units(self, question: str) -> tuple[str, ...] | None:
        """``财政局、规划局和社工部的差旅费``: three or more departments named one after another (joined by 和/与…
        or by nothing once 、 is gone) → one question per department, in the order named."""
        text = normalize_text(question)
        spans, pos = [], 0
        for tok in self._short_units(segment(text, self.vocab)):
            spans.append((pos, pos + len(tok.text), tok))
            pos += len(tok.text)
        run: list[tuple[int, int, Token]] = []
        for span in [*spans, (pos, pos, Token("", "unknown"))]:
            tok = span[2]
            if tok.kind == "单位" and len(tok.values) == 1:
                run.append(span)
            elif tok.text in CONNECTORS and run:
                continue
            elif len(named := {t.values[0][1]: t.text for _, _, t in reversed(run)}) >= 3:
                start, end = run[0][0], run[-1][1]
                return tuple(text[:start] + name + text[end:] for name in reversed(named.values()))
            else:
                run = []
        return None

    def split_series(self, question: str) -> tuple[str, ...] | None:
        """``预算执行进度的目标`` when the report names only 6月/9月/11月预算执行进度(目标): one question per
        period, in the order of the periods; never when a period is named (6月预算执行进度…)."""
        text = normalize_text(question)
        for base in sorted(self.vocab.series, key=len, reverse=True):
            at = text.find(base)
            if at >= 0 and not _PERIOD_BEFORE.search(text[:at]):
                return tuple(text[:at] + normalize_text(n) + text[at + len(base):] for n in self.vocab.series[base])
        return None

    def suggest(self, core: list[Token]) -> tuple[str, ...]:
        """Up to three example questions that would work, preferring types that use the words given."""
        kinds = {k for t in core for k, _ in t.values}
        words = {t.text for t in core if t.kind == "kw"}
        # 机关运行经费为啥增加 → 机关运行经费为什么增加: the examples asked about the item the question named
        item = next((v for t in core for k, v in t.values if k == "科目"), None)
        scored = []
        for q in self.catalog.values():
            score = sum(1 for p in q.params if p in kinds) * 2 + sum(1 for p in q.phrasings if any(w in p for w in words))
            for shown in q.examples[:1]:
                said = dict(shown.params).get("科目")
                own = shown.question.replace(said, str(item)) if (
                    item and said and said in shown.question and q.id in _ANY_ITEM) else ""
                scored.append((-score, q.id, own or shown.question))
        scored.sort()
        if self._suggesting:  # checking a suggestion below: its own suggestions are not needed
            return ()
        out: list[str] = []
        self._suggesting = True
        try:  # only examples this database's names let the matcher read (各部门平均绩效得分 needs a 绩效 item)
            for _, _, example in scored:
                if len(out) == 3:
                    break
                if self.match(example).status == "ok":
                    out.append(example)
        finally:
            self._suggesting = False
        return tuple(out)
