"""Parse stage, 公开表 part: the nine 决算 tables, flattened to text lines, → table facts.

``find_tables`` recognises each table by its title (and the variants 收支, 明细, 部门/单位, 表N) when a
``单位：`` line follows it. ``parse_tables`` reads the rows of every table:

* 功能分类 tables (收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表, 基金/国资表): a row starts
  with its 科目编码 in any printed form (``201 06 01``, ``2010601``, ``2010601行政运行``); a wrapped
  name continues on the next lines, and a name printed above its code is taken as a prefix.
* two-sided tables (收入支出决算总表, 财政拨款收入支出决算总表): 收入 items on the left, 支出 items on
  the right of the same line; labels are told apart by their numbering and wording.
* the 基本支出 table: ``30201 办公费 84.62 30211 差旅费 1.50`` — several coded items per line; an item
  printed without a value is zero.
* the 三公 table: one row of 预算数/决算数 pairs (上年/本年 决算数 pairs: last year's as 上年金额).

A coded table's columns are those its header names, in printed order, when the header reads as column
words and known non-column words only (``_header_columns``); else the template's — unless the header,
read line by line (a cut ``合`` counting as 合计) or as one text (a header wrapped one cell per line), names
the template's columns in another order: the table is then left unplaced. Under a 行次 column the row
number after each label is dropped; a code cut otherwise than 3/2/2 (``201 0101``) leaves its row unplaced;
names printed below their code lines are read so, and left unplaced when above and below cannot be told.
A two-sided table printed as 上年/本年 决算数 gets both; the 财政拨款 总表's funds and the 三公 table's items
are read in printed order when one header line names them all, and left unplaced when the order differs
from the template's and cannot be read so.

The numbers of a row are placed into columns by arithmetic (``cells``): every identity of the table
(合计 = sum of the parts, 类 = sum of its 款, 总计 on both sides; in the 三公 table 合计 = 出国 + 车 +
接待 and 车 = 购置 + 运行, for 预算数 and 决算数) and between tables (the same total in two tables, a
财政拨款 part never above the all-funds figure, a 三公 item's 决算数 never below its 经济分类 line in the
基本支出 table) must hold. A PDF adds the x position of each number, used only when arithmetic leaves
a choice. Last, the narrative's figures (when the caller passes them) may settle a row, but only when
exactly one of the placements left agrees with them, and each such use is recorded (``正文定列``).
Cells that stay ambiguous are refused (the row is reported as not placed, with how many placements
fit and which columns stay open), never guessed; identities that the printed figures break are
reported as discrepancies, and a row with blank cells in such an identity (``行政运行 50.00 20.00`` under
合计 基本支出 项目支出, or under a 合计 that its rows do not add up to) is not placed at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from .cells import Constraint, Grid, Run, Slot
from .model import Discrepancy, Fact, Line, Source, Unplaced
from .normalize import fold, squeeze

# ---- the nine tables -----------------------------------------------------------------------------

CLASSES = (
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
    "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
    "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
    "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
    "债务还本支出", "债务付息支出", "抗疫特别国债安排的支出", "医疗卫生与计划生育支出", "预备费",
)
FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
INCOME_SOURCES = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
_LEFT_WORDS = (
    *(f + "收入" for f in FUNDS), *FUNDS, *INCOME_SOURCES[1:], "本年收入合计", "使用非财政拨款结余（含专用结余）",
    "使用非财政拨款结余", "年初结转和结余", "年初财政拨款结转和结余", "总计",
)
_RIGHT_WORDS = ("本年支出合计", "结余分配", "年末结转和结余", "年末财政拨款结转和结余", "总计")
_SIDE_HEAD = ("项目", "决算数", "行次", "栏次", "金额", "收入", "支出", "收入项目", "支出项目", "合计", *FUNDS)
_SANGONG = ("三公经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费",
            "公务接待费")


@dataclass(frozen=True)
class Spec:
    name: str  # the template's title, also 表名 of its facts
    layout: str  # coded / twosided / economic / sangong
    view: str  # 收入 / 支出 / 三公
    columns: tuple[str, ...] = ()  # value columns (coded); right side (twosided)
    total_name: str = ""  # 科目 of the coded table's 合计 row
    variants: tuple[str, ...] = ()


SPECS = (
    Spec("收入支出决算总表", "twosided", "收入", ("金额",), variants=("收支决算总表",)),
    Spec("收入决算表", "coded", "收入", ("金额", *INCOME_SOURCES), "本年收入合计"),
    Spec("支出决算表", "coded", "支出", ("金额", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
         "本年支出合计"),
    Spec("财政拨款收入支出决算总表", "twosided", "收入", ("金额", *FUNDS), variants=("财政拨款收支决算总表",)),
    Spec("一般公共预算财政拨款支出决算表", "coded", "支出", ("金额", "基本支出", "项目支出"), "一般公共预算财政拨款支出",
         variants=("一般公共预算财政拨款支出决算明细表",)),
    Spec("一般公共预算财政拨款基本支出决算表", "economic", "支出", ("金额",),
         variants=("一般公共预算财政拨款基本支出决算明细表", "一般公共预算基本支出决算表")),
    Spec("财政拨款“三公”经费支出决算表", "sangong", "三公",
         variants=("财政拨款三公经费支出决算表", "一般公共预算财政拨款三公经费支出决算表", "三公经费支出决算表")),
    Spec("政府性基金预算财政拨款收入支出决算表", "coded", "支出",
         ("年初结转和结余", "本年收入", "金额", "基本支出", "项目支出", "年末结转和结余"), "政府性基金预算财政拨款支出",
         variants=("政府性基金预算财政拨款收支决算表", "政府性基金预算财政拨款支出决算表")),
    Spec("国有资本经营预算财政拨款收入支出决算表", "coded", "支出",
         ("年初结转和结余", "本年收入", "金额", "基本支出", "项目支出", "年末结转和结余"), "国有资本经营预算财政拨款支出",
         variants=("国有资本经营预算财政拨款收支决算表", "国有资本经营预算财政拨款支出决算表")),
)
_BY_NAME = {s.name: s for s in SPECS}
_TITLE_PREFIX = re.compile(
    r"^(?:(?:附|公开)?表\s*[一二三四五六七八九十\d]+?(?=一般|[^一二三四五六七八九十\d])[、.：:\s]*|公开\d+表|\d{4}年度?"
    r"|[（(]?\d+[)）]|[一二三四五六七八九十]+、)+"
)
_UNIT_LINE = re.compile(r"(?:金额)?单位[：:]\s*(万元|千元|亿元|元)")
_SCALES = {"万元": Decimal(1), "千元": Decimal("0.1"), "亿元": Decimal(10000), "元": Decimal("0.0001")}  # → 万元
_NOTE = re.compile(r"^(?:注|说明|备注)\s*\d*\s*[：:.、]|本表无数据|故本表|仍保留该表|本表反映|本表(?:金额)?单位")
_NUM = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DASH = ("-", "—", "－", "--", "——")
_ENUM = re.compile(r"^[一二三四五六七八九十]+、")
# a page number printed alone on its line (every use matches the whole line): ``- 7 -``, ``— 7 —`` (any dash),
# ``·7·`` (any middle dot), ``第7页 共20页``, ``7/20`` (page 7 of 20)
PAGE_NUMBER = re.compile(r"[-—－–─]+\s*\d+\s*[-—－–─]+|[·•・‧]\s*\d+\s*[·•・‧]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?"
                         r"|\d{1,3}\s*/\s*\d{1,3}")
_CODE_SPLIT = re.compile(r"^(\d{3})(?:\s+(\d{2}))?(?:\s+(\d{2}))?(?=\s|$)")
_CODE_GLUED = re.compile(r"^(\d{3})(\d{2})?(\d{2})?(?![\d.,%])")
_ECON_CODE = re.compile(r"^(3\d{2})(?:\s*(\d{2}))?$")
TABLE_REASON = "公开表："  # every table row that is not placed is reported with this prefix
_QUOTES = "“”\"'‘’「」"
_CODE_LIKE = re.compile(r"0\d|[23]\d{2}|[23]\d{4}|2\d{6}")  # in a 万元 table these are codes, not values


def _norm_title(text: str) -> str:
    t = squeeze(fold(text))
    t = "".join(ch for ch in t if ch not in _QUOTES)
    return t.replace("收支", "收入支出")


def match_title(text: str, unit_name: str = "") -> Spec | None:
    """The table a title line names, or None. Variants: 收支, 明细, 部门/单位 prefix, 表N, year."""
    if "表" not in text:  # most lines: no normalising needed
        return None
    t = _UNIT_SUFFIX.sub("", _norm_title(text))  # 表1 收入支出决算总表（单位：万元）: a Word caption with its unit
    if len(t) > 60 or not t.endswith("表"):
        return None
    if unit_name:
        t = t.replace(_norm_title(unit_name), "")
    for _ in range(2):
        t = _TITLE_PREFIX.sub("", t)
        t = re.sub(r"^(?:部门|单位)", "", t)
    t = t.replace("决算明细表", "决算表")
    return _spec_names().get(t)


@functools.cache
def _spec_names() -> dict[str, Spec]:
    out: dict[str, Spec] = {}
    for spec in SPECS:
        for name in (spec.name, *spec.variants):
            out.setdefault(_norm_title(name), spec)
    return out


@dataclass(frozen=True)
class TableBlock:
    spec: Spec
    title: Line
    start: int  # index of the title line in ``lines``
    end: int  # one past the last line of the table
    scale: Decimal  # multiply printed values by this to get 万元
    unit_line: Line | None


def find_tables(lines: list[Line], unit_name: str = "") -> list[TableBlock]:
    """Tables in document order: a recognised title followed within four lines by a ``单位：`` line."""
    starts: list[tuple[int, Spec, Line | None, Decimal]] = []
    for i, ln in enumerate(lines):
        spec = match_title(ln.text, unit_name)
        if not spec:
            continue
        unit_line, scale = _unit_below(lines, i)
        if unit_line is None:
            continue  # a 目录 entry or a mention in the text, not a table
        starts.append((i, spec, unit_line, scale))
    blocks = []
    for k, (i, spec, unit_line, scale) in enumerate(starts):
        limit = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        end = i + 1
        while end < limit and not _ends_tables(lines[end].text) and not _after_word_table(lines, i, end, spec):
            end += 1
        blocks.append(TableBlock(spec, lines[i], i, end, scale, unit_line))
    return blocks


def _is_cell(text: str) -> bool:
    """A cell of a Word table: read one per line, each starting with a tab."""
    return text.lstrip(" ").startswith("\t")


def _after_word_table(lines: list[Line], start: int, k: int, spec: Spec) -> bool:
    """``lines[k]`` is the first paragraph after the Word table of the table titled at ``start``: a non-blank
    line that is not a cell, after the table's cells began, and neither the table's note (``注：…``, and the
    lines after it up to the next title) nor its title printed again (``（续表）``). The table ends there — the
    paragraphs after it (``表8 …`` / ``本部门无政府性基金…，本表为空。``) are never its rows."""
    text = lines[k].text
    if not text.strip() or _is_cell(text):
        return False
    last = next((j for j in range(k - 1, start, -1) if _is_cell(lines[j].text)), None)
    if last is None:
        return False  # the title, its 单位 line and masthead, before the table
    s = squeeze(fold(text))
    if _CONTINUED.fullmatch(s) or PAGE_NUMBER.fullmatch(s) or re.fullmatch(r"\d{1,3}", s) or _NOTE.search(s) \
            or _UNIT_LINE.search(s):
        return False
    if not any(_NOTE.search(squeeze(lines[j].text)) for j in range(last + 1, k)):
        return match_title(s) is not spec or bool(_CAPTION.match(s))
    return bool(_CAPTION.match(s) or match_title(s) or (s.endswith("表") and len(s) <= 60))


_UNIT_SUFFIX = re.compile(r"[（(]?(?:金额)?单位[：:](?:万元|千元|亿元|元)[)）]?$")


def _unit_below(lines: list[Line], i: int) -> tuple[Line | None, Decimal]:
    """The ``单位：`` line within five lines below a title (or the title itself, ``…决算表（单位：元）``), and its
    scale to 万元."""
    for j in range(i, min(i + 6, len(lines))):
        m = _UNIT_LINE.search(squeeze(fold(lines[j].text)))
        if m:
            return lines[j], _SCALES[m.group(1)]
    return None, Decimal(1)


_UNIT_END = r"[局委院部办会所站队馆厅处室校园司心]$"  # the last character of a unit's name


def _other_title(text: str, spec: Spec) -> bool:
    """A table title without a template (``机关运行经费支出情况表``, ``财政拨款“三公”经费、会议费、培训费支出决算表``):
    a short line ending in 表 with no number. With a 单位 line below it, it starts another table, so the rows
    above it end there — it is never the wrapped end of the name of the last row (``2010101 行政运行``)."""
    t = squeeze(fold(text))
    if not (t.endswith("表") and 4 <= len(t) <= 60) or re.search(r"\d+\.\d|单位[：:]", t):
        return False
    title = _TITLE_PREFIX.sub("", _norm_title(t)).replace("决算明细表", "决算表")
    if len(title) < 4 or match_title(t):  # ``公开08表``, ``表五``: the number of the table above; a template's title
        return False
    # the title of this very table printed again on its next page, after the unit's name (``某局一般公共预算…决算表``)
    own = [n for n, s in _spec_names().items() if s is spec and title.endswith(n)]
    return not any(re.search(_UNIT_END, title[: -len(n)]) for n in own)  # a template's title repeated on its next page


def _ends_tables(text: str) -> bool:
    t = squeeze(text)
    return bool(re.match(r"^第[一二三四五六七八九十]+部分", t)) or bool(
        re.match(r"^[一二三四五六七八九十]+、\S*(?:情况说明|决算情况|总体情况)", t)
    )


# ---- tokens -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tok:
    text: str
    value: Decimal | None  # a number (blank dash = 0)
    box: tuple[float, float] | None


def tokens(line: Line, scale: Decimal = Decimal(1)) -> list[Tok]:
    parts = fold(line.text).split()
    boxes = line.boxes if len(line.boxes) == len(parts) else (None,) * len(parts)
    split: list[tuple[str, tuple[float, float] | None]] = []
    for p, b in zip(parts, boxes, strict=True):
        glued = _AMOUNT_THEN_WORDS.fullmatch(p.replace("−", "-"))
        # ``100.00二、社会保障和就业支出``: an amount glued to the next row's words; the decimals end at the
        # first Chinese character, so the cut is certain
        split += [(glued.group(1), None), (glued.group(2), None)] if glued else [(p, b)]
    out = []
    for p, b in split:
        p = p.replace("−", "-")
        neg = _BRACKET_NEG.fullmatch(p)
        if neg:  # ``(12.00)`` / ``（12.00）``: an accountant's negative amount
            p = "-" + neg.group(1)
        if _NUM.match(p) and not (scale >= 1 and _CODE_LIKE.fullmatch(p)):
            out.append(Tok(p, Decimal(p.replace(",", "")) * scale, b))
        elif p in _DASH:
            out.append(Tok(p, Decimal(0), b))
        else:
            out.append(Tok(p, None, b))
    return out


_AMOUNT_THEN_WORDS = re.compile(r"(-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)([\u4e00-\u9fff].*)")
_GLUED_ROWS = re.compile(r"\d[一二三四五六七八九十]+、|\d\.\d")  # a number inside a 总表 row's name, another row's 一、 after it
_BRACKET_NEG = re.compile(r"（((?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)）")  # after ``fold``: brackets are full-width
_GLUED_AMOUNT = re.compile(r"^(.*[\u4e00-\u9fff）)])(-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)$")


def _unglue(toks: list[Tok], scale: Decimal) -> list[Tok]:
    """``行政运行70.00 50.00 20.00``: an amount glued to the end of a row's words is split off when that is
    unambiguous — a decimal amount right after a Chinese character or bracket (no 科目 name ends in a
    digit), only numbers after it, and as many decimals as the other numbers of the line."""
    words = [i for i, k in enumerate(toks) if k.value is None]
    if not words:
        return toks
    i = words[-1]
    m = _GLUED_AMOUNT.match(toks[i].text)
    if not m:
        return toks
    number = m.group(2)
    places = {len(k.text.split(".")[1]) if "." in k.text else 0 for k in toks[i + 1:] if k.text not in _DASH}
    if places and places != {len(number.split(".")[1])}:
        return toks
    glued = [Tok(m.group(1), None, None), Tok(number, Decimal(number.replace(",", "")) * scale, None)]
    return toks[:i] + glued + toks[i + 1:]


def _is_noise(text: str) -> bool:
    t = text.strip()
    return not t or all(ch in _QUOTES or ch.isspace() for ch in t) or bool(
        PAGE_NUMBER.fullmatch(t)
    )


# ---- labels and the grid ----------------------------------------------------------------------------


@dataclass
class Label:
    table: str
    side: str  # "" (one-sided), "L" or "R"
    name: str
    lines: list[Line]
    code: str = ""
    columns: tuple[str, ...] = ("金额",)
    key: str = ""
    values: list[Tok] = field(default_factory=list)
    irregular: bool = False
    parent: str = ""  # economic class name (基本支出 table)
    refuse: str = ""  # why the row, read whole, is nonetheless left unplaced

    def slots(self) -> list[tuple[str, str, int]]:
        return [(self.table, self.key, c) for c in range(len(self.columns))]

    @property
    def text(self) -> str:
        return " / ".join(ln.text.strip() for ln in self.lines)


@dataclass
class Piece:
    """Numbers that belong together to one or more labels (in reading order)."""

    labels: list[Label]
    values: list[Tok]
    irregular: bool = False


@dataclass
class Parsed:
    facts: list[Fact] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    rows: int = 0  # table rows seen (denominator of coverage)
    placed: int = 0


@dataclass
class _Table:
    block: TableBlock
    labels: list[Label] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    header: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    empty_note: Line | None = None
    unit: Decimal = Decimal("0.01")  # rounding unit in 万元
    refused: list[tuple[str, Line]] = field(default_factory=list)
    columns: tuple[str, ...] = ()  # value columns of a coded table, in printed order (``_header_columns``)
    gaps: set[str] = field(default_factory=set)  # codes of rows left unplaced: their parents' sums are not checked
    cells: int = 0  # a Word table: the most cells a row of it has (0 when not printed as a Word table)


# ---- row assembly per layout ---------------------------------------------------------------------


def _body(t: _Table, lines: list[Line]) -> list[Line]:
    """Lines after the title and 单位 line up to the first note; the notes are kept apart."""
    b = t.block
    body: list[Line] = []
    in_notes = False
    span = _join_cells(lines[b.start + 1: b.end]) if b.spec.layout in _CELL_ROWS else lines[b.start + 1: b.end]
    if b.spec.layout in _CELL_ROWS:
        t.cells = _most_cells(lines[b.start + 1: b.end])
    for k, ln in enumerate(span):
        if _other_title(ln.text, b.spec) and _unit_below(span, k)[0] is not None:
            _refuse_other_table(t, span[k:])
            break
        if re.fullmatch(r"\s*\d{1,3}\s*", ln.text) and _at_page_edge(span, k):
            continue  # a page number
        if ln is b.unit_line:
            rest = _strip_masthead(_UNIT_LINE.sub("", fold(ln.text)))
            if rest and not _UNIT_LINE.search(rest):
                body.append(Line(rest, ln.no, ln.page, ()))
            continue
        if _is_noise(ln.text) or not _strip_masthead(fold(ln.text)) or _CAPTION.fullmatch(squeeze(fold(ln.text))):
            continue
        if _NOTE.search(squeeze(ln.text)) or in_notes:
            in_notes = True
            t.notes.append(ln)
            if re.search(r"无数据|没有|无.*?(?:收入|支出)", ln.text):
                t.empty_note = t.empty_note or ln
            continue
        body.append(ln)
    return body


# a table's number alone on its line (``表五``, ``附表3``, ``公开05表``): the caption of the next table printed above
# its title (a Word paragraph after the last row), never the wrapped end of a row's name (``总计`` + ``表五``)
_CAPTION = re.compile(r"(?:附|公开)?表[一二三四五六七八九十\d]+|公开\d+表")

_CELL_ROWS = ("economic", "twosided", "sangong")  # layouts whose rows are rebuilt from a Word table's one-cell-per-line text


def _join_cells(span: list[Line]) -> list[Line]:
    """A Word table comes as one cell per line, each starting with a tab, rows apart by a blank line
    (``\t301`` / ``\t工资福利支出`` / ``\t1,851.60`` / ``\t302`` …): each row is joined back into one line
    (``301 工资福利支出 1,851.60 302 …``), as a PDF prints it. Blank cells are left out, as in a PDF's text."""
    out: list[Line] = []
    row: list[Line] = []

    def flush() -> None:
        if row:
            text = " ".join(c for c in (x.text.strip() for x in row) if c)
            out.append(Line(text, row[0].no, row[0].page, ()))
            row.clear()

    for ln in span:
        if ln.text.lstrip(" ").startswith("\t"):
            row.append(ln)
            continue
        flush()
        out.append(ln)
    flush()
    return out


def _most_cells(span: list[Line]) -> int:
    """The most cells a row of the Word table in ``span`` has (its rows apart by blank lines), blank cells
    counted; 0 when no line is a cell."""
    most = run = 0
    for ln in span:
        run = run + 1 if _is_cell(ln.text) else 0
        most = max(most, run)
    return most


_PERIOD = re.compile(r"(?<!\S)[（(]?\d{4}\s*年(?:度|\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?[）)]?(?!\S)")
_MAKER = re.compile(r"(?<!\S)(?:编制单位|填报单位|单位名称|部门名称|部门)\s*[：:]\s*\S*")


def _strip_masthead(text: str) -> str:
    """The line without the words printed between a title and its header: ``2024年度``, ``编制单位：某局``.
    They name no column — read as header words, ``2024年`` would make the columns look foreign. Two years on a
    line (``2023年 2024年``) are columns, and the line is kept whole."""
    if len(_PERIOD.findall(text)) > 1:
        return text.strip()
    return _MAKER.sub(" ", _PERIOD.sub(" ", text)).strip()



def _refuse_other_table(t: _Table, lines: list[Line]) -> None:
    """The rows of a table without a template printed below this one (``机关运行经费支出情况表``): reported,
    never read as rows of this table nor left unmentioned."""
    title = squeeze(lines[0].text)
    for ln in lines[1:]:
        if any(k.value is not None for k in tokens(ln, t.block.scale)) and not _UNIT_LINE.search(squeeze(fold(ln.text))):
            t.refused.append((f"不是模板中的表（{title}），未读取", ln))


def _at_page_edge(lines: list[Line], k: int) -> bool:
    """The first or last non-empty line of its page (pages known from form feeds or page markers)."""
    page = lines[k].page
    if not page:
        return False
    before = next((ln for ln in reversed(lines[:k]) if ln.text.strip()), None)
    after = next((ln for ln in lines[k + 1:] if ln.text.strip()), None)
    return (before is not None and before.page != page) or (after is not None and after.page != page)


def _code(text: str) -> tuple[str, str] | None:
    """(科目编码, rest of the line) when the line starts with a 功能分类 code in any printed form."""
    s = fold(text).strip()
    m = _CODE_SPLIT.match(s)
    if m and (m.group(2) or not re.match(r"^\d{3}\s+\d", s)):
        code = "".join(g for g in m.groups() if g)
    else:
        m = _CODE_GLUED.match(s)
        if not m:
            return None
        code = "".join(g for g in m.groups() if g)
    if not code.startswith("2"):
        return None
    return code, s[m.end():].strip()


_WHOLE_NAME = re.compile(r"(?:支出|事务|运行|补贴|公积金)$")  # how a 功能分类 name ends (``行政运行``), never mid-name
_NAME_TAIL = re.compile(r"[\u4e00-\u9fff（）()、]{1,20}")  # the wrapped end of a 科目 name: words only, no colon or digit
_BROKEN_NUMBER = re.compile(r"[-−]?\d[\d,]*,[\d,]*(?:\.\d*)?")  # digits with a 分节号 that no amount is written with


def _coded(t: _Table, body: list[Line]) -> None:
    spec = t.block.spec
    started = repeating = row_numbers = False
    prefix: list[tuple[Line, list[Tok], list[Tok]]] = []  # name printed above its code
    after: Label | None = None  # the row, its numbers read, that the words-only lines of ``prefix`` follow
    moves: list[tuple[Label, Label, str, int]] = []  # (row above, row below, the words between, their line count)
    above = False  # the table prints names above their codes (a code line without a name, its name above it)
    nameless: list[tuple[Label, bool]] = []  # code lines without a name, and whether words stood above them
    last_page = body[0].page if body else 0
    for at, ln in enumerate(body):
        toks = _unglue(tokens(ln, t.block.scale), t.block.scale)
        nums = [k for k in toks if k.value is not None]
        words = [k for k in toks if k.value is None]
        hit = _code(ln.text)
        if any(_BROKEN_NUMBER.fullmatch(k.text) and not _NUM.match(k.text) for k in toks if k.value is None):
            t.refused.append(("数字的写法无法读出（断开或分节号不符），表格行无法可靠读取", ln))  # ``合计 1,15 0.00 …``
            if hit:
                t.gaps.add(hit[0])
            continue
        total = _total_row(toks, ("合计", spec.total_name))
        if total == []:  # a bare 合计: the 合计 row when its numbers follow (or the table is empty), else a header cell
            k = at + 1
            following = tokens(body[k], t.block.scale) if k < len(body) else []
            if following and not all(x.value is not None for x in following):
                total = None
        if started and not hit and total is None and (_repeated_title(ln.text) or (
                (ln.page != last_page or repeating) and (_header_cut(_header_rest(ln.text, spec), spec)
                                                         or _header_line_again(ln, nums, t.header)))):
            # (``费支出`` after a repeated head is the wrapped end of the name above, not a header cell)
            repeating = True  # "…决算表（续）", its 单位 line and its header, repeated on the next page
            last_page = ln.page
            continue
        repeating = False
        last_page = ln.page
        if hit or total is not None:
            if not started:
                # a line with amounts above the first row (``合计 81.00 93.00 X12.00``) is a row that could not be
                # read, never header words: it is reported, and the header's columns are read without it
                numeric = [h for h in t.header if any(k.value is not None and "." in k.text for k in tokens(h, t.block.scale))]
                t.refused += [("表格行无法读出（既不是科目编码行也不是合计行）", h) for h in numeric]
                t.header = [h for h in t.header if h not in numeric]
                heads = t.header + [p[0] for p in prefix]
                odd = _unknown_columns(heads, spec)
                if odd:  # 年初预算数 调整预算数 决算数: which printed column is which cannot be told — none is guessed
                    t.refused += [(f"表头的栏目不是本表模板的（{odd}），无法确定各列", x) for x in body[at:]
                                  if any(k.value is not None for k in tokens(x, t.block.scale))]
                    return
                heads = t.header[:-1] if t.header and squeeze(t.header[-1].text) == "合计" and not nums else t.header
                t.columns = _header_columns(heads, spec) or _joined_columns(heads, spec) or _template_columns(t)
                row_numbers = any("行次" in squeeze(h.text) for h in t.header)
            started = True
            refuse = ""
            if hit:
                code, rest = hit
                rest_toks = _unglue(tokens(Line(rest, ln.no, ln.page, ln.boxes[-len(rest.split()):] if rest and ln.boxes
                                                else ()), t.block.scale), t.block.scale)
                name = "".join(k.text for k in rest_toks if k.value is None)
                vals = [k for k in rest_toks if k.value is not None]
                first = rest.split()[0] if rest else ""
                if re.fullmatch(r"\d+", first) and not (row_numbers and re.fullmatch(r"[1-9]\d{0,2}", first)):
                    # ``201 0101 行政运行``, ``20101 02 …``: digits after a code cut otherwise than 3/2/2 — which are
                    # the code's and which an amount cannot be told
                    refuse = "科目编码的分段不合规范，无法确定编码与金额"
                seen_value = False
                for tk in rest_toks[1:] if row_numbers and re.fullmatch(r"[1-9]\d{0,2}", first) else rest_toks:
                    if tk.value is None and seen_value and not refuse:
                        # ``2010101 行政运行 88.00 88.00 0.00一般行政管理事务``: words after the amounts — another
                        # row's name run into this one; whose name is whose cannot be told
                        refuse = "金额之后还有文字（可能与下一行粘连），表格行无法可靠拼合"
                    seen_value = seen_value or tk.value is not None
            else:
                code, name, vals = "", spec.total_name, total or []
            if row_numbers and vals and re.fullmatch(r"[1-9]\d{0,2}", vals[0].text):
                vals = vals[1:]  # under a 行次 column the integer after the name is the row number, not an amount
            label = Label(spec.name, "", name, [ln], code, t.columns, refuse=refuse)
            irregular = False
            if code and not name:
                nameless.append((label, bool(prefix)))
            if prefix:
                words_above = "".join("".join(k.text for k in w) for _, w, _ in prefix)
                above = above or bool(code and not name)
                if after is not None and not any(vs or _header_columns([x], spec) for x, _, vs in prefix):
                    moves.append((after, label, words_above, len(prefix)))
                label.name = words_above + label.name
                pre_vals = [v for _, _, vs in prefix for v in vs]
                label.lines = [p[0] for p in prefix] + label.lines
                if pre_vals:
                    vals, irregular = pre_vals + vals, True
                prefix, after = [], None
            t.labels.append(label)
            t.pieces.append(Piece([label], vals, irregular))
            continue
        if not started:
            nxt = body[at + 1] if at + 1 < len(body) else None
            if words and not nums and nxt is not None and _code(nxt.text) and not _headerish(ln.text, spec):
                prefix.append((ln, words, nums))  # a class name printed above its code
            else:
                t.header.append(ln)
            continue
        last = t.labels[-1] if t.labels else None
        piece = t.pieces[-1] if t.pieces else None
        if (last and piece and len(last.code) in (3, 5) and not last.name and not piece.values and not prefix
                and ln.text.lstrip(" ").startswith("\t") and re.fullmatch(r"\d{2}", squeeze(fold(ln.text)))):
            last.code += squeeze(fold(ln.text))  # a Word table's 类 | 款 | 项 cells (``201`` / ``03`` / ``01``): one code
            last.lines.append(ln)
            continue
        if last and piece and not words:  # numbers on a line of their own
            piece.irregular = piece.irregular or bool(piece.values)
            piece.values.extend(nums)
            last.lines.append(ln)
        elif last and piece and not piece.values and not prefix:  # a wrapped name
            last.name += "".join(k.text for k in words)
            piece.values.extend(nums)
            last.lines.append(ln)
        else:
            if not prefix and last and piece and piece.values:
                after = last
            prefix.append((ln, words, nums))
    if nameless and not nameless[0][1]:  # the first code line without a name has none above it: names below?
        if prefix and t.labels and t.labels[-1] is nameless[-1][0] and not any(vs for _, _, vs in prefix):
            above = False  # ``2010101 100.00 100.00`` / ``行政运行``: each name follows its code line, the last one too
            last = t.labels[-1]
            last.name += "".join("".join(k.text for k in w) for _, w, _ in prefix)
            last.lines += [p[0] for p in prefix]
            prefix = []
        else:  # names above some codes and below others: which code a name belongs to cannot be told
            for lb, had_words in nameless:
                if had_words:
                    lb.refuse = "科目名称印在编码上方还是下方无法确定，表格行无法可靠拼合"
                    for upper, lower, _, _ in moves:
                        if lower is lb:
                            upper.refuse = lb.refuse
    if (not above and after is not None and t.labels and t.labels[-1] is after and len(prefix) == 1
            and not prefix[0][2] and _NAME_TAIL.fullmatch(squeeze(fold(prefix[0][0].text)))):
        after.name += squeeze(fold(prefix[0][0].text))  # ``229 60 02 用于社会福利的彩 601.29 …`` / ``票公益金支出``: the
        after.lines.append(prefix[0][0])  # last row's name wrapped below it, the table (or its page) ending there
        prefix = []
    for ln, _, _ in prefix:
        t.refused.append(("表格行没有科目编码", ln))
    name_heads = bool(moves) and all(_WHOLE_NAME.search(upper.name) and lower.name[len(text):]
                                     for upper, lower, text, _ in moves)
    # ``201 一般公共服务支出 …`` / ``政府办公厅（室`` / ``201 03 ）及相关机构事务 …``: every row above the words ends as a
    # whole name and every row below has words of its own: the words begin the row below (its name printed around
    # the code line's middle), as already read
    if not above and not name_heads:  # ``…养老保险缴 12.00 12.00 / 费支出 / 2080506 …``: the words end the row above
        for upper, lower, text, count in moves:
            upper.name += text
            upper.lines += lower.lines[:count]
            lower.name, lower.lines = lower.name[len(text):], lower.lines[count:]
    _names_then_numbers(t)
    _drop_refused(t)


def _refuse_numberless(t: _Table) -> None:
    """A coded row printed with no number at all (``201`` / ``20101 人大事务`` under rows with figures) is not
    known to be zero — its figures may be lost in extraction — so it is left unplaced, never read as zeros.
    (Blank cells of a row that prints some numbers are zero; a printed ``-`` or ``0.00`` is a number.) A table
    with no number at all and a 本表无数据 note is empty: its rows are zero."""
    if t.empty_note is not None and not any(p.values for p in t.pieces):
        return
    for p in t.pieces:
        if not p.values:
            for lb in p.labels:
                lb.refuse = lb.refuse or "表格行没有印出任何数字，无法确定各列的金额"


def _names_then_numbers(t: _Table) -> None:
    """``合计`` / ``2010101 行政运行`` / ``2010102 一般行政管理事务`` / ``115.00 88.00 27.00`` / ``88.00 88.00 0.00`` /
    ``27.00 0.00 27.00``: a table extracted column by column, all the names, then all the numbers. Read so only when
    it is the whole table and unambiguous: no row but the last has a number, and the last row's lines after its
    name are as many lines of numbers as there are rows (a bare 合计 just above the first row counting as the
    合计 row), each as wide as the columns. Otherwise the rows are left as they are (``_drop_blank_rows``)."""
    if len(t.labels) < 2 or len(t.pieces) != len(t.labels) or any(
            p.labels != [lb] for p, lb in zip(t.pieces, t.labels, strict=True)):
        return
    last = t.labels[-1]
    if any(p.values for p in t.pieces[:-1]) or len(last.lines) < 2:
        return
    name_line, number_lines = last.lines[0], last.lines[1:]
    rows = [tokens(x, t.block.scale) for x in number_lines]
    if any(k.value is not None for k in tokens(name_line, t.block.scale)[1:]) or any(
            len(r) != len(t.columns) or any(k.value is None for k in r) for r in rows):
        return
    total = t.header[-1] if t.header and squeeze(t.header[-1].text) == "合计" else None
    labels = ([Label(t.block.spec.name, "", t.block.spec.total_name, [total], "", t.columns)] if total else []) + t.labels
    if len(rows) != len(labels):
        return
    if total:
        t.header.pop()
    last.lines = [name_line]
    t.labels = labels
    t.pieces = [Piece([lb], r, True) for lb, r in zip(labels, rows, strict=True)]
    for lb, x in zip(labels, number_lines, strict=True):
        lb.lines.append(x)


def _drop_refused(t: _Table) -> None:
    """Rows read whole but not to be trusted (``Label.refuse``) are reported and left out."""
    for lb in [lb for lb in t.labels if lb.refuse]:
        t.refused += [(lb.refuse, x) for x in lb.lines]
        t.gaps.add(lb.code or "?")
    t.pieces = [p for p in t.pieces if not any(lb.refuse for lb in p.labels)]
    t.labels = [lb for lb in t.labels if not lb.refuse]


def _drop_blank_rows(t: _Table) -> None:
    """Numbers printed apart from their rows (a table extracted column by column: all the names, then all the
    numbers): some row takes more numbers than it has columns, or numbers from several lines of their own. Then
    a row printed with no number at all is not known to be zero — its numbers may be those printed elsewhere —
    and it is left unplaced with the overfull rows; their parents' sums are not checked. (In a table whose rows
    carry their own numbers, a row printed blank is zero.)"""
    if t.block.spec.layout not in ("coded", "twosided"):
        return
    seen: dict[int, int] = {}
    for p in t.pieces:
        for lb in p.labels:
            seen[id(lb)] = seen.get(id(lb), 0) + 1
    overfull = {id(lb) for p in t.pieces for lb in p.labels
                if seen[id(lb)] > 1 or len(p.values) > sum(len(x.columns) for x in p.labels)}
    blank = {id(lb) for p in t.pieces if not p.values for lb in p.labels}
    if not overfull or not (blank or any(n > 1 for n in seen.values())):
        return  # (an overfull row alone fits no placement and is reported so)
    bad = overfull | blank
    for lb in [lb for lb in t.labels if id(lb) in bad]:
        first = lb.lines[0]
        t.refused.append(("表格行的数字印在别处或多于列数（表格可能先列名称、后列数字），无法确定各行的数字",
                          Line(lb.text, first.no, first.page, ())))
        t.gaps.add(lb.code or "?")
    t.pieces = [p for p in t.pieces if not any(id(lb) in bad for lb in p.labels)]
    t.labels = [lb for lb in t.labels if id(lb) not in bad]


def _repeated_title(text: str) -> bool:
    """A table's title (``…决算表（续）``), a bare ``续表`` / ``（续）`` line, or a ``单位：万元`` line inside its body:
    a page's repeated head, not a row (nor the wrapped end of the row above it)."""
    return bool(_UNIT_LINE.search(fold(text))) or bool(_CONTINUED.fullmatch(squeeze(fold(text)))) or match_title(
        re.sub(r"[（(]续[)）]|续表", "", text)) is not None


_CONTINUED = re.compile(r"[（(]?续(?:表)?[\d一二三四五六七八九十]*[)）]?")


def _header_line_again(ln: Line, nums: list[Tok], header: list[Line]) -> bool:
    """A words-only line printed exactly as a line of the table's own header: on a 续 page, a piece of the
    header repeated (the Shanghai head cut into ``上缴上级支`` / ``出`` / ``经营支`` …), never a wrapped name."""
    text = squeeze(fold(ln.text))
    return not nums and bool(text) and text in {squeeze(fold(h.text)) for h in header}


# header words of value columns no coded table of the 决算 template has (budgets, other years, changes, shares)
_FOREIGN_COLUMNS = re.compile(r"预算|上年|\d{4}\s*年|增减|变动|增长|占比|比重|其中|人员经费|公用经费")


def _unknown_columns(header: list[Line], spec: Spec) -> str:
    """What the header names that the table's template has no column for ('' when nothing): a table printed
    with 年初预算数/调整预算数/决算数, or 2023年/2024年 and 增减 columns, or the template's columns in another
    order that the header does not let us read in full."""
    text = "".join(squeeze(fold(h.text)) for h in header)
    odd = _FOREIGN_COLUMNS.findall(text)
    if odd:
        return "、".join(dict.fromkeys(odd))
    if _header_columns(header, spec) is not None:
        return ""
    template = {c: i for i, c in enumerate(spec.columns)}
    words = sorted({w: c for w, c in _COLUMN_WORDS.items() if c in template} | {c: c for c in template}, key=len,
                   reverse=True)
    for h in header:  # "基本支出 项目支出 合计" on one line of a header we cannot read in full: not the template's order
        line, found = squeeze(fold(h.text)), []
        for w in words:
            at = line.find(w)
            if at >= 0:
                found.append((at, template[_COLUMN_WORDS.get(w, w)]))
                line = line[:at] + "□" * len(w) + line[at + len(w):]
        order = [c for _, c in sorted(found)]
        if len(set(order)) >= 2 and order != sorted(order):
            return "栏目顺序与模板不同"
        order = [template[c] for c in _line_columns(h.text, words, template)]
        if len(set(order)) >= 2 and order != sorted(order):  # ``基本支出 项目支出 合`` / ``计``: the cut 合计 is last
            return "栏目顺序与模板不同"
    # a header wrapped one cell per line (``本年收入合`` / ``计`` / ``其他收`` / ``入`` …): read as one text
    vocab = sorted([*words, *_HEADER_WORDS], key=len, reverse=True)
    joined = _read_header_line("".join(squeeze(fold(h.text)) for h in header), vocab,
                               {w: _COLUMN_WORDS.get(w, w) for w in words})
    order = [template[c] for c in joined or []]
    if len(order) >= 2 and len(set(order)) == len(order) and order != sorted(order):
        return "栏目顺序与模板不同"
    return ""


def _line_columns(text: str, words: list[str], template: dict[str, int]) -> list[str]:
    """The columns one header line names in printed order, a cell cut by a line break (``本年收入合``, ``合``)
    counted as the one column whose word it begins."""
    out: list[str] = []
    for tok in fold(text).split():
        whole, rest = [], tok
        for w in words:  # the longest first
            at = rest.find(w)
            if at >= 0:
                whole.append((at, _COLUMN_WORDS.get(w, w)))
                rest = rest[:at] + "□" * len(w) + rest[at + len(w):]
        if whole:
            whole.sort()
            out += [c for _, c in whole]
        elif tok not in _HEADER_WORDS:
            begun = {_COLUMN_WORDS.get(w, w) for w in words if w.startswith(tok) and w != tok}
            out += list(begun) if len(begun) == 1 else []
    return [c for c in out if c in template]


def _template_columns(t: _Table) -> tuple[str, ...]:
    """The template's columns. A 基金/国资 table titled ``…支出决算表`` (not 收入支出) follows the central
    template of three columns (合计, 基本支出, 项目支出) unless its header speaks of 结转和结余."""
    spec = t.block.spec
    if "年初结转和结余" not in spec.columns or "收入支出" in _norm_title(t.block.title.text):
        return spec.columns
    if "结转" in "".join(h.text for h in t.header):
        return spec.columns
    return ("金额", "基本支出", "项目支出")


# 栏目 words of a coded table's header: the column each names (several printed names for 金额)
_COLUMN_WORDS = {"合计": "金额", "本年收入合计": "金额", "本年支出合计": "金额", "支出合计": "金额", "收入合计": "金额",
                 "决算数": "金额", "金额": "金额", "本年支出": "金额", "小计": "金额"}
# header words that name no value column
_HEADER_WORDS = ("支出功能分类科目编码", "支出功能分类科目名称", "支出功能分类科目", "收入功能分类科目", "支出功能分类",
                 "功能分类科目编码", "功能分类科目名称", "功能分类科目", "功能分类", "科目编码", "科目名称", "科目代码", "项目",
                 "栏次", "行次", "类", "款", "项")


def _header_columns(header: list[Line], spec: Spec) -> tuple[str, ...] | None:
    """The value columns the header names, in printed order, when every header line reads as nothing but
    column words and known non-column words, and the column words (each column once) stand on one line
    (the order of words on different lines says nothing of the column order). None when any part is not
    understood (e.g. a name wrapped across lines, ``本年收入合 / 计``): the template's order is then assumed."""
    words = {w: w for w in spec.columns} | {w: c for w, c in _COLUMN_WORDS.items() if c in spec.columns}
    vocab = sorted([*words, *_HEADER_WORDS], key=len, reverse=True)
    per_line: list[list[str]] = []
    for h in header:
        found = _read_header_line(squeeze(fold(h.text)), vocab, words)
        if found is None:
            return None
        per_line.append(found)
    with_columns = _without_span_heading([f for f in per_line if f])
    if len(with_columns) != 1 or len(set(with_columns[0])) != len(with_columns[0]):
        return None
    return tuple(with_columns[0])


def _without_span_heading(lines: list[list[str]]) -> list[list[str]]:
    """``项目 本年支出`` over ``科目编码 科目名称 合计 基本支出 项目支出``: a heading spanning the columns below it
    (read as 金额 alone) beside a line that names 金额 and the other columns: the lower line alone names them.
    Read otherwise the table would look like two header rows, and the template's columns would be forced on it."""
    spans = [f for f in lines if f == ["金额"]]
    full = [f for f in lines if f != ["金额"]]
    if len(spans) == 1 and len(full) == 1 and full[0][0] == "金额" and len(full[0]) > 1:
        return full
    return lines


def _joined_columns(header: list[Line], spec: Spec) -> tuple[str, ...] | None:
    """A header wrapped one cell per line (``本年收入合`` / ``计`` / ``财政拨款收`` / ``入`` …) that, read as one
    text, names nothing but column words and known non-column words, each column once, in the template's
    order: those columns (the others are not printed). None otherwise."""
    words = {w: w for w in spec.columns} | {w: c for w, c in _COLUMN_WORDS.items() if c in spec.columns}
    vocab = sorted([*words, *_HEADER_WORDS], key=len, reverse=True)
    found = _read_header_line("".join(squeeze(fold(h.text)) for h in header), vocab, words)
    if not found or len(set(found)) != len(found) or found != sorted(found, key=spec.columns.index):
        return None
    return tuple(found)


def _read_header_line(text: str, vocab: list[str], words: dict[str, str]) -> list[str] | None:
    """The columns one header line names, or None when the line holds anything else than ``vocab``."""
    found: list[str] = []
    i = 0
    while i < len(text):
        if text[i].isdigit():  # 栏次 numbers
            i += 1
            continue
        w = next((v for v in vocab if text.startswith(v, i)), None)  # the longest word first
        if w is None:
            return None
        if w in words:
            found.append(words[w])
        i += len(w)
    return found


def _total_row(toks: list[Tok], names: tuple[str, ...] = ("合计",)) -> list[Tok] | None:
    """Values of a 合计 row (``合计 2,946.25 …``, ``类 款 项 合计 …``, a bare ``合计``; or labelled with the table's
    total name, ``本年收入合计 17,383.43 …``); None if not one."""
    words = [k.text for k in toks if k.value is None]
    if not set(names) & set(words):
        return None
    i = max(i for i, k in enumerate(toks) if k.text in names)
    after = toks[i + 1:]
    if any(k.value is None for k in after):
        return None
    before = {k.text for k in toks[:i]}
    if before - {"类", "款", "项", "科目编码", "科目名称", "项目"}:
        return None
    return list(after)


def _headerish(text: str, spec: Spec) -> bool:
    return len(_header_rest(text, spec)) <= 1


def _header_cut(rest: str, spec: Spec) -> bool:
    """``rest`` (what is left of a line once the header words are out) is nothing, or one character of a
    header word (``合`` / ``计`` of a cut 合计) — unlike ``费支出`` (``费``), the wrapped end of a name."""
    return not rest or (len(rest) == 1 and rest in "".join((*spec.columns, *_COLUMN_WORDS, *_HEADER_WORDS)))


def _header_rest(text: str, spec: Spec) -> str:
    """What is left of a line once the header words are taken out."""
    t = squeeze(fold(text))
    for w in (*spec.columns, "本年收入合计", "本年支出合计", "财政拨款收入", "项目", "科目编码", "科目名称", "功能分类",
              "经济分类", "支出功能分类", "决算数", "预算数", "合计", "小计", "年初结转和结余", "年末结转和结余",
              "本年收入", "本年支出", "收入", "支出", "类", "款", "项", "单位：万元", "单位：元"):
        t = t.replace(w, "")
    return t


def _split_labels(words: list[Tok]) -> list[str]:
    """Text tokens of a two-sided line → label texts (split at a numbering or a known right-side label)."""
    out: list[str] = []
    for k in words:
        w = k.text
        starts_new = bool(_ENUM.match(w)) or any(w.startswith(r) for r in _RIGHT_WORDS[:-1]) or w == "总计"
        if out and not starts_new:
            out[-1] += w
        else:
            out.append(w)
    return out


def _strip_enum(name: str) -> str:
    return _ENUM.sub("", name)


def _complete(name: str) -> bool:
    n = _strip_enum(name)
    return n in CLASSES or n in _LEFT_WORDS or n in _RIGHT_WORDS


def _side_of(name: str, position: int, count: int) -> str:
    if count == 2:
        return "L" if position == 0 else "R"
    n = _strip_enum(name)
    if n in _RIGHT_WORDS[:-1] or n.startswith(("年末", "结余分配")):
        return "R"
    if n in _LEFT_WORDS or n.startswith(("年初", "使用非财政拨款")):
        return "L"
    if any(c.startswith(n) for c in CLASSES) or n.endswith("支出"):
        return "R"
    if any(w.startswith(n) for w in _LEFT_WORDS):
        return "L"
    return "R"


def _fund_columns(header: list[Line], spec: Spec) -> tuple[str, ...] | None:
    """The right-hand columns of the 财政拨款收入支出决算总表 in printed order: the template's, or the columns
    in another order when one header line names 合计 and the funds, each once (合计 first, last or between:
    ``项目 金额 项目 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款 合计``). None when the header
    names the funds in another order that cannot be read so (the columns are then left unplaced)."""
    if len(spec.columns) == 1:
        return spec.columns
    texts = [squeeze(fold(h.text)) for h in header]
    for text in texts:
        at = {f: text.find(f) for f in FUNDS if f in text}
        order = tuple(sorted(at, key=lambda f: at[f]))
        if len(order) < 2:
            continue
        total = text.find("合计")
        if len(order) == 3 and text.count("合计") == 1 and all(text.count(f) == 1 for f in FUNDS):
            at["金额"] = total  # 合计 and the three funds each named once: their printed order, 合计 first, last or between
            return tuple(sorted(at, key=lambda f: at[f]))
        if order == tuple(f for f in FUNDS if f in at):
            if len(order) < 3 and text.count("合计") == 1 and not any(
                    f in other for other in texts for f in FUNDS if f not in at):
                at["金额"] = total  # ``合计 一般公共预算财政拨款 政府性基金预算财政拨款``: those columns only, 合计 anywhere
                return tuple(sorted(at, key=lambda f: at[f]))
            continue
        return None
    joined = "".join(texts)  # fund names wrapped one cell per line
    at = {f: joined.find(f) for f in FUNDS if joined.count(f) == 1}
    order = tuple(sorted(at, key=lambda f: at[f]))
    return spec.columns if order == tuple(f for f in FUNDS if f in at) else None


def _twosided(t: _Table, body: list[Line]) -> None:
    spec = t.block.spec
    started = False
    right: tuple[str, ...] | None = spec.columns
    prev_line_labels: list[Label] = []
    repeating = False
    block_side = ""  # after a ``收入`` / ``支出`` heading inside the table: the side its one-label lines are on
    for at, ln in enumerate(body):
        toks = tokens(ln, t.block.scale)
        if not started:
            if any(_ENUM.match(k.text) for k in toks) or any(k.text in ("本年收入合计", "总计") for k in toks) or (
                    any(k.value is not None for k in toks) and any(_complete(k.text) for k in toks if k.value is None)):
                # (``一般公共预算财政拨款收入 7521.00 一般公共服务支出 1821.93``: the labels unnumbered, the first row)
                started = True
                right = _fund_columns(t.header, spec)
                if len(spec.columns) > 1 and 0 < t.cells <= 4 and not any(
                        f in squeeze(fold(h.text)) for h in t.header for f in FUNDS):
                    right = ("金额",)  # a Word table of four columns (项目 金额 项目 金额): one amount a side, the 合计
            else:
                t.header.append(ln)
                continue
        if _repeated_title(ln.text) or (repeating and all(k.value is None for k in toks)
                                        and _headerish(re.sub(r"[行栏]次|上年|本年", "", ln.text), spec)):
            repeating = True  # "收入支出决算总表（续）", its 单位 line and its header on the next page: no label's words
            continue
        repeating = False
        nxt = body[at + 1].text if at + 1 < len(body) else ""
        if squeeze(ln.text) in ("收入", "支出", "收入项目", "支出项目") and _side_header(nxt, spec):
            block_side = "L" if squeeze(ln.text).startswith("收入") else "R"  # the sides printed one after the other
            continue
        if _side_header(ln.text, spec) and (block_side or prev_line_labels):
            if block_side == "R" and any(f in ln.text for f in FUNDS):
                right = _fund_columns([ln], spec)  # the 支出 side's own fund columns
            continue  # that side's own header (``项目 决算数``): no label's words
        if any("行次" in h.text for h in t.header):
            toks = _drop_row_numbers(toks)
        years = _year_columns(t.header) if spec.columns == ("金额",) else None
        # group: text runs and numbers
        groups: list[list[Tok] | Tok] = []
        for k in toks:
            if k.value is None:
                if groups and isinstance(groups[-1], list):
                    groups[-1].append(k)
                else:
                    groups.append([k])
            else:
                groups.append(k)
        names_here = [n for g in groups if isinstance(g, list) for n in _split_labels(g)]
        new_count = sum(1 for n in names_here if _ENUM.match(n) or _complete(n) or n in ("总计",))
        line_labels: list[Label] = []
        current: Label | None = None
        leading: list[Tok] = []
        pos = 0
        for g in groups:
            if isinstance(g, Tok):
                if current is None:
                    leading.append(g)
                else:
                    current.values.append(g)
                continue
            for name in _split_labels(g):
                is_new = bool(_ENUM.match(name)) or _complete(name) or name == "总计" or not t.labels
                if not is_new:  # the wrapped end of a label: the latest one still incomplete
                    open_labels = [lb for lb in reversed(t.labels) if not _complete(lb.name)]
                    target = open_labels[0] if open_labels else (current or t.labels[-1])
                    target.name += name
                    if ln not in target.lines:
                        target.lines.append(ln)
                    current = target
                    continue
                side = _side_of(name, pos, new_count)
                pos += 1
                if block_side and new_count == 1:
                    side = block_side
                if _strip_enum(name) == "总计" and new_count == 1 and side == "L" and _totals(t.labels) == {"L"}:
                    side = "R"  # ``总计 130.00`` / ``总计 125.00``: the two 总计 cells of a line, printed one per line
                if _strip_enum(name) == "总计" and new_count == 1 and side == "L" and _lone_total_is_right(t.labels):
                    side = "R"  # 收入 items, 总计, then 支出 items, 总计, each printed on lines of their own
                columns = years or (("金额",) if side == "L" else right or spec.columns)
                label = Label(spec.name, side, name, [ln], columns=columns)
                t.labels.append(label)
                line_labels.append(label)
                current = label
        if leading:
            takers = [lb for lb in prev_line_labels if not lb.values] or prev_line_labels[-1:]
            if takers:
                t.pieces.append(Piece(takers, leading, True))
                for lb in takers:
                    lb.irregular = True
                    lb.lines.append(ln)
            else:
                t.refused.append(("数字无法对应到表格行", ln))
        if line_labels or not leading:
            prev_line_labels = line_labels or prev_line_labels
    taken = {id(lb) for p in t.pieces for lb in p.labels}
    for lb in t.labels:
        if id(lb) in taken and not lb.values:
            continue
        if id(lb) in taken:  # inline numbers plus a later numbers line: one run, in reading order
            p = next(p for p in t.pieces if lb in p.labels)
            if len(p.labels) == 1:
                p.values[:0] = lb.values
                continue
            t.refused.append(("数字无法对应到表格行", lb.lines[0]))
            continue
        t.pieces.append(Piece([lb], list(lb.values), False))
    glued = {id(lb) for lb in t.labels if _GLUED_ROWS.search(lb.name)}
    if glued:  # ``一般公共服务支出100二、社会保障和就业支出``: two rows run together, which number is whose is unknown
        bad = {id(lb) for p in t.pieces if any(id(x) in glued for x in p.labels) for lb in p.labels} | glued
        t.refused += [("表格行名称中夹有数字和另一行的编号（两行粘连），无法确定各行的数字", lb.lines[0])
                      for lb in t.labels if id(lb) in bad]
        t.pieces = [p for p in t.pieces if not any(id(lb) in bad for lb in p.labels)]
        t.labels = [lb for lb in t.labels if id(lb) not in bad]
    if right is None:  # the funds printed in an order the header does not let us read: no 支出 row is placed
        t.refused += [("表头的资金栏目顺序与模板不同，无法确定各列", lb.lines[0]) for lb in t.labels if lb.side == "R"]
        t.pieces = [p for p in t.pieces if all(lb.side != "R" for lb in p.labels)]
        t.labels = [lb for lb in t.labels if lb.side != "R"]


def _side_header(text: str, spec: Spec) -> bool:
    """``项目 决算数`` (or ``项目 合计 一般公共预算财政拨款 …``): a side's own header line inside a two-sided table."""
    heads = fold(text).split()
    return bool(set(heads) & {"项目", "决算数", "行次", "栏次"}) and set(heads) <= {*_SIDE_HEAD, *spec.columns}


def _totals(labels: list[Label]) -> set[str]:
    """The sides that have their 总计 among ``labels``."""
    return {lb.side for lb in labels if _strip_enum(lb.name) == "总计"}


def _lone_total_is_right(labels: list[Label]) -> bool:
    """A second 总计 alone on its line, after a 收入 总计 and 支出 items printed below it: the 支出 总计."""
    left = [i for i, lb in enumerate(labels) if lb.side == "L" and _strip_enum(lb.name) == "总计"]
    return bool(left) and not any(lb.side == "R" and _strip_enum(lb.name) == "总计" for lb in labels) and all(
        lb.side == "R" for lb in labels[left[0] + 1:]) and len(labels) > left[0] + 1


def _year_columns(header: list[Line]) -> tuple[str, ...] | None:
    """Each side printed as ``上年决算数 本年决算数`` (or ``2023年决算数 2024年决算数``): the columns of a side,
    this year's figure being 金额 and last year's 上年金额 (as the narrative stores it); None otherwise."""
    heads = [w for h in header for w in fold(h.text).split() if w not in ("项目", "行次", "栏次", "收入", "支出")]
    kinds = _column_kinds(heads) if heads and all(_SANGONG_KIND.match(w) for w in heads) else None
    if not kinds or "预算数" in kinds or len(kinds) % 2:
        return None
    half = kinds[: len(kinds) // 2]
    if kinds[len(half):] != half or sorted(half) != sorted(["决算数", "上年金额"]):
        return None
    return tuple("金额" if k == "决算数" else k for k in half)


def _drop_row_numbers(toks: list[Tok]) -> list[Tok]:
    """Under a 行次 column, the integer right after a label is its row number (``外交支出 33``), not a value."""
    return [k for i, k in enumerate(toks)
            if not (i and toks[i - 1].value is None and k.value is not None and re.fullmatch(r"\d{1,3}", k.text))]


def _econ_columns(header: list[Line]) -> tuple[int, int] | None:
    """The value columns of each item of the 基本支出 table, from the header's column words: (how many, the
    index of this year's 决算数). ``上年数 本年数`` (each half alike) → (2, 1); no such words, or 决算数 only →
    (1, 0); None when the words say no single 决算数 column (or cannot be read)."""
    words = [w for h in header for w in fold(h.text).split() if _kind_word(w)]
    kinds = _column_kinds(words) if words else ["决算数"]
    if kinds is None:
        return None
    if set(kinds) == {"决算数"}:
        return 1, 0
    group = _period(kinds)
    if group.count("决算数") != 1 or len(set(group)) != len(group):
        return None
    return len(group), group.index("决算数")


_ECON_TOTALS = {"人员经费合计": "人员经费", "人员经费": "人员经费", "公用经费合计": "公用经费", "公用经费": "公用经费",
                 "合计": "合计"}
_PEOPLE_CLASSES = ("301", "303")  # 人员经费: 工资福利支出 and 对个人和家庭的补助; 公用经费 the other classes


@functools.cache
def _econ_items() -> dict[str, tuple[str, str]]:
    """An item (款) of the 经济分类 → (its code, or "" when it has none of its own, ``人员经费`` or ``公用经费``):
    the template's items (``ECON_NAMES``) and the lexicon's 经济分类 items under 人员经费/公用经费/资本性支出
    (``水电费``, printed by some units in place of 水费 and 电费)."""
    from .lexicon import load_lexicon

    out = {name: (code, "人员经费" if code.startswith(_PEOPLE_CLASSES) else "公用经费")
           for code, name in ECON_NAMES.items() if len(code) == 5}
    for name, info in load_lexicon().items.items():
        if info.口径 == "经济分类" and name not in out and info.上级科目 in ("人员经费", "公用经费", "资本性支出"):
            out[name] = ("", "人员经费" if info.上级科目 == "人员经费" else "公用经费")
    return out


def _economic_by_name(t: _Table, body: list[Line]) -> bool:
    """The 基本支出 table printed without 经济分类 codes, names and amounts only (``基本工资 178.52 办公费 18.26`` /
    … / ``人员经费合计 928.00 公用经费合计 104.30``). Read when every row is names each followed by one amount,
    every name an item (款) of the 经济分类 printed once, and the items of 人员经费 add up to the 人员经费 total
    and the others to the 公用经费 total (and both to ``合计`` when printed): the names then settle each row,
    and the code its name has in the template is its code. False otherwise (codes printed, a class or unknown
    name, no totals or totals that do not agree): the rows are then read, or left unplaced, as before."""
    spec, scale = t.block.spec, t.block.scale
    unit = Decimal("0.01") * scale
    known = _econ_items()
    header: list[Line] = []
    labels: list[Label] = []
    sums = {"人员经费": Decimal(0), "公用经费": Decimal(0)}
    totals: dict[str, Decimal] = {}
    for ln in body:
        toks = tokens(ln, scale)
        if any(_econ_code_at(toks, i) for i in range(len(toks))):
            return False
        if not labels and not any(k.value is not None for k in toks):
            header.append(ln)
            continue
        words: list[Tok] = []
        for k in toks:
            if k.value is None:
                words.append(k)
                continue
            name = "".join(w.text for w in words)
            if not words or "." not in k.text:
                return False
            if name in _ECON_TOTALS:
                group = _ECON_TOTALS[name]
                if group in totals:
                    return False
                totals[group] = k.value
                code = group + "合计" if group != "合计" else "合计"
                labels.append(Label(spec.name, "", code, [ln], code, spec.columns, values=[k]))
            elif name in known and not any(lb.name == name for lb in labels):
                code, group = known[name]
                sums[group] += k.value
                labels.append(Label(spec.name, "", name, [ln], code, spec.columns, values=[k]))
            else:
                return False
            words = []
        if words or not toks:
            return False
    if len(labels) <= len(totals) or "人员经费" not in totals or "公用经费" not in totals:
        return False
    tol = _tol(len(labels), unit)
    if any(abs(sums[g] - totals[g]) > tol for g in sums):
        return False
    if "合计" in totals and abs(totals["合计"] - totals["人员经费"] - totals["公用经费"]) > _tol(3, unit):
        return False
    t.header += header
    t.labels += labels
    t.pieces += [Piece([lb], list(lb.values), False) for lb in labels]
    return True


def _economic(t: _Table, body: list[Line]) -> None:
    spec = t.block.spec
    if _economic_by_name(t, body):
        return
    started = False
    open_labels: list[Label] = []  # labels still waiting for a value
    width, this_year = 1, 0  # value columns per item, and which is this year's 决算数
    places = {len(k.text.split(".")[1]) for x in body for k in tokens(x, t.block.scale)
              if k.value is not None and "." in k.text and not _GLUED_ECON.fullmatch(k.text)}
    for at, ln in enumerate(body):
        toks = _unglue_econ(tokens(ln, t.block.scale), places, t.block.scale)
        if toks is None:
            t.refused.append(("数字与下一个科目编码粘连，无法确定数字与编码的分界", ln))
            t.gaps.update(m.group(1) for m in re.finditer(r"(?<![\d.])(3\d{2}(?:\d{2})?)(?!\d)", fold(ln.text)))
            continue
        texts = [k.text for k in toks]
        if not started:
            # ``人员经费合计 53.00 公用经费合计 12.00`` printed first is a row too, never header words
            totals_first = any(k.text in ("人员经费合计", "公用经费合计", "人员经费", "公用经费") for k in toks)
            totals_first = (totals_first and any(k.value is not None for k in toks)) or _table_total(toks, width)
            if any(_econ_code_at(toks, i) for i in range(len(toks))) or totals_first:
                started = True
                read = _econ_columns(t.header)
                if read is None:
                    t.refused += [("基本支出表的栏目中没有可读出的本年决算数列，无法确定各列", ln) for ln in body[at:]]
                    return
                width, this_year = read
            elif any(k.value is not None and "." in k.text for k in toks):
                t.refused.append(("表格行无法读出（既没有经济分类编码也不是经费合计行）", ln))  # reported, not lost
                continue
            else:
                t.header.append(ln)
                continue
        if re.match(r"^(?:上年|以前年度|\d{4}\s*年)", squeeze(fold(ln.text))):
            t.refused.append(("上年（或其他年度）的数字，不是本年决算数", ln))  # ``上年数：人员经费 45.00 …``
            continue
        if (re.match(r"^(?:科目编码|科目代码|经济分类科目)", squeeze(ln.text)) or _repeated_title(ln.text)) \
                and not any(k.value is not None for k in toks):
            open_labels = []  # the title or header printed again after a page break: never part of an item's name
            continue
        if _econ_code_at(toks, 0) or (toks and toks[0].text.startswith(("人员经费", "公用经费"))):
            open_labels = []  # a new row: items above that got no value are blank (zero)
        elif (toks and toks[0].value is None and any(k.value is not None for k in toks)
              and len([lb for lb in open_labels if not lb.values]) >= 2):
            # ``301 08 …养老保险缴 302 05 水费`` / ``费 20.00``: the wrapped words and number may end either item
            for lb in open_labels:
                lb.refuse = "跨行的名称和数字属于同一行的哪个科目无法确定，表格行无法可靠拼合"
        if texts in (["人员经费"], ["公用经费"]) and at + 1 < len(body) and _econ_code_at(tokens(body[at + 1]), 0):
            continue  # ``公用经费`` over its section's rows: a heading, not the section's total (printed below it)
        if _table_total(toks, width):
            # ``合计 88.00`` of a one-sided table: the table's total, a row of its own (never a wrapped name)
            t.labels.append(Label(spec.name, "", "合计", [ln], "合计", spec.columns, values=[toks[1]]))
            open_labels = []
            continue
        if _group_header(texts, body[at + 1:], t.block.scale):
            open_labels = []  # the group header printed again on a 续 page: header words, never two blank totals
            continue
        i = 0
        current: Label | None = None
        new_here: list[Label] = []
        while i < len(toks):
            k = toks[i]
            code_len = _econ_code_at(toks, i)
            if code_len:
                code = "".join(texts[i: i + code_len])
                current = Label(spec.name, "", "", [ln], code, spec.columns)
                t.labels.append(current)
                new_here.append(current)
                open_labels.append(current)
                i += code_len
                continue
            if k.text in ("人员经费合计", "公用经费合计", "人员经费", "公用经费"):
                current = Label(spec.name, "", k.text.replace("合计", "") + "合计", [ln], k.text, spec.columns)
                t.labels.append(current)
                new_here.append(current)
                open_labels.append(current)
                i += 1
                continue
            if k.value is not None and width > 1:  # several columns: an item's numbers follow it on its line
                if current is not None and current.name and len(current.values) < width:
                    current.values.append(k)
                    open_labels = [lb for lb in open_labels if lb is not current]
                else:
                    t.refused.append(("数字无法对应到表格行", ln))
                i += 1
                continue
            if k.value is not None:
                target = current if current is not None and not current.values and current.name else None
                if target is None:  # a value at the start of a line: the oldest item still waiting
                    waiting = [lb for lb in open_labels if not lb.values and lb.name]
                    target = waiting[0] if waiting else None
                    if target is not None:
                        target.irregular = target not in new_here and ln not in target.lines
                        if ln not in target.lines:
                            target.lines.append(ln)
                if target is None:
                    t.refused.append(("数字无法对应到表格行", ln))
                else:
                    target.values.append(k)
                    open_labels = [lb for lb in open_labels if lb is not target]
                current = None if target is current else current
                i += 1
                continue
            # text: the name of the current item, or the wrapped end of the last item without a value
            target = current
            if target is None:
                waiting = [lb for lb in open_labels if not lb.values]
                target = waiting[-1] if waiting else None
                if target is not None and ln not in target.lines:
                    target.lines.append(ln)
            if target is None:
                if not _headerish(ln.text, spec):
                    t.refused.append(("文字无法对应到表格行", ln))
            else:
                target.name += k.text
                current = target
            i += 1
        # an item whose line ended without a value keeps waiting only while the next line may wrap it
        open_labels = [lb for lb in open_labels if not lb.values]
    for lb in t.labels:
        lb.name = squeeze(lb.name)
        if width > 1 and not lb.refuse:  # this year's 决算数 is 金额; the other columns are not stored
            if len(lb.values) != width:
                lb.refuse = "行中数字的个数与表头的栏目数不符，无法确定各列"
            else:
                lb.values = [lb.values[this_year]]
                if all(lb.lines[0] is not r for _, r in t.refused):  # once per line: its other columns are not stored
                    t.refused.append(("本年决算数以外的栏目（上年数、预算数）中的数字未存储", lb.lines[0]))
        if lb.refuse:
            t.refused.append((lb.refuse, lb.lines[0]))
            t.gaps.add(lb.code)
            continue
        if not lb.code.startswith(("人员经费", "公用经费", "合计")) and not _econ_name_ok(lb.code, lb.name):
            t.refused.append((f"科目编码 {lb.code} 与名称“{lb.name}”不符，表格行无法可靠拼合", lb.lines[0]))
            continue
        t.pieces.append(Piece([lb], list(lb.values), lb.irregular))
    t.labels = [lb for lb in t.labels if any(lb in p.labels for p in t.pieces)]


def _table_total(toks: list[Tok], width: int) -> bool:
    """``合计 88.00`` alone on its line in a 基本支出 table of one value column: the whole table's total (人员经费
    plus 公用经费). Not with several value columns (上年数 本年数), whose 合计 line would need its columns read."""
    return width == 1 and len(toks) == 2 and toks[0].text == "合计" and toks[1].value is not None


def _group_header(texts: list[str], after: list[Line], scale: Decimal) -> bool:
    """``人员经费 公用经费`` (no numbers) after the rows began: the table's group header repeated after a page
    break, not the totals 人员经费=0 / 公用经费=0. Not when the next line starts with a number: then the words
    are a row whose values were pushed to the line below (``人员经费 公用经费`` / ``53.00 12.00``)."""
    if sorted(texts) != ["人员经费", "公用经费"]:
        return False
    nxt = tokens(after[0], scale) if after else []
    return not (nxt and nxt[0].value is not None)


_GLUED_ECON = re.compile(r"\d[\d,]*\.\d+3\d{2}(?:\d{2})?")


def _unglue_econ(toks: list[Tok], places: set[int], scale: Decimal) -> list[Tok] | None:
    """``30101 基本工资 30.0030102 津贴补贴``: an amount glued to the next item's code. Split where the amount
    has as many decimals as the table's other numbers and the rest is an economic code followed by a name; None
    (the line cannot be read) when a number followed by a name has more decimals than any other number of the
    table and no such split is certain."""
    out: list[Tok] = []
    for i, k in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if k.value is None or "." not in k.text or nxt is None or nxt.value is not None:
            out.append(k)
            continue
        decimals = len(k.text.split(".")[1])
        if not places or decimals <= max(places):
            out.append(k)
            continue
        cuts = [d for d in places if re.fullmatch(r"3\d{2}(?:\d{2})?", k.text.split(".")[1][d:]) and d > 0]
        if len(cuts) != 1:
            return None
        head = k.text[: k.text.index(".") + 1 + cuts[0]]
        out += [Tok(head, Decimal(head.replace(",", "")) * scale, None), Tok(k.text[len(head):], None, None)]
    return out


def _econ_code_at(toks: list[Tok], i: int) -> int:
    """Tokens taken by an economic code starting at ``toks[i]`` (``302 01`` → 2, ``30201`` → 1), else 0."""
    a = toks[i].text
    if re.fullmatch(r"3\d{4}", a) and i + 1 < len(toks) and toks[i + 1].value is None:
        return 1
    if re.fullmatch(r"3\d{2}", a):
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if re.fullmatch(r"\d{2}", nxt) and i + 2 < len(toks) and toks[i + 2].value is None:
            return 2
        if i + 1 < len(toks) and toks[i + 1].value is None:
            return 1
    return 0


# 政府支出经济分类 (部门): a printed name that is not the standard one for its code means the row was
# put together from pieces of other rows; such rows are refused.
ECON_NAMES = {
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费",
    "30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费",
    "30110": "职工基本医疗保险缴费", "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金",
    "30114": "医疗费", "30199": "其他工资福利支出",
    "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费", "30205": "水费",
    "30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费", "30211": "差旅费",
    "30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费", "30215": "会议费", "30216": "培训费",
    "30217": "公务接待费", "30218": "专用材料费", "30224": "被装购置费", "30225": "专用燃料费", "30226": "劳务费",
    "30227": "委托业务费", "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
    "30240": "税金及附加费用", "30299": "其他商品和服务支出",
    "303": "对个人和家庭的补助", "30301": "离休费", "30302": "退休费", "30303": "退职（役）费", "30304": "抚恤金",
    "30305": "生活补助", "30306": "救济费", "30307": "医疗费补助", "30308": "助学金", "30309": "奖励金",
    "30310": "个人农业生产补贴", "30311": "代缴社会保险费", "30399": "其他对个人和家庭的补助",
    "310": "资本性支出", "31001": "房屋建筑物购建", "31002": "办公设备购置", "31003": "专用设备购置",
    "31005": "基础设施建设", "31006": "大型修缮", "31007": "信息网络及软件购置更新", "31008": "物资储备",
    "31009": "土地补偿", "31013": "公务用车购置", "31019": "其他交通工具购置", "31021": "文物和陈列品购置",
    "31022": "无形资产购置", "31099": "其他资本性支出",
}


def _econ_name_ok(code: str, name: str) -> bool:
    if not name or re.search(r"\d", name):
        return False
    std = ECON_NAMES.get(code)
    if std is None:
        return True
    loose = re.sub(r"支出$|费用?$", "", std)
    return name == std or (name.startswith(loose) and len(name) <= len(std) + 2)


_SANGONG_PAIRS = ("预算数", "决算数")
# a 栏目 of the 三公 table: 预算数/决算数, optionally of 本年/上年 or of a year (2023年决算数)
_SANGONG_KIND = re.compile(r"^(本年|上年|\d{4}年度?)?(预算数|决算数)$")


# a value column's header word by what it says of the figure: whose year (本年/上年/2024年), budget or 决算
# (``上年数``, ``本年决算``, ``2023年``, ``年初预算数``, ``决算数``)
_COLUMN_KIND = re.compile(r"^(本年|上年|\d{4}年度?)?(年初|调整|全年)?(预算|决算)?(数|金额)?$")


def _kind_word(word: str) -> bool:
    m = _COLUMN_KIND.match(word)
    return bool(m and (m.group(1) or m.group(3)))


def _column_kinds(heads: list[str]) -> list[str] | None:
    """What each value column's header word says: ``决算数`` (this year's figure: 决算数, 本年数, 本年决算,
    the latest of the years printed), ``上年金额`` (last year's figure: 上年数, 上年决算数, the year before),
    ``预算数`` (this year's budget, 年初/调整/全年 alike); None when a word is not understood (上年预算数, a year
    two back, a word of another kind)."""
    parts = [_COLUMN_KIND.match(h) for h in heads]
    if not all(m and (m.group(1) or m.group(3)) for m in parts):
        return None
    years = {int(m.group(1)[:4]) for m in parts if m and m.group(1) and m.group(1)[0].isdigit()}
    latest = max(years, default=0)
    out = []
    for m in parts:
        assert m is not None
        when, budget = m.group(1) or "本年", m.group(3) == "预算"
        if m.group(2) and not budget:
            return None  # 年初决算: not a column of these tables
        if when[0].isdigit():
            when = "本年" if int(when[:4]) == latest else "上年" if int(when[:4]) == latest - 1 else ""
        if when == "本年":
            out.append("预算数" if budget else "决算数")
        elif when == "上年" and not budget:
            out.append("上年金额")
        else:
            return None
    return out


# a 三公 column of this year's 决算数 less last year's, the header saying so (``决算数比上年增减``, ``比上年增减额``,
# ``较上年增减``); a bare ``增减`` (against the budget or last year?) is not settled by the words
_CHANGE_WORD = re.compile(r"^(?:(?:本年)?决算数?)?(?:比|较)上年(?:决算数?)?增减(?:额|数)?$")


def _sangong_word(word: str) -> bool:
    return _kind_word(word) or bool(_CHANGE_WORD.match(word))


def _sangong_column_kinds(heads: list[str]) -> list[str] | None:
    """``_column_kinds`` with the 三公 table's change column (增减额, of this year's 决算数 against last year's):
    read only beside a 决算数 column and when every word is understood."""
    changes = [bool(_CHANGE_WORD.match(h)) for h in heads]
    rest = _column_kinds([h for h, c in zip(heads, changes, strict=True) if not c]) if not all(changes) else None
    if rest is None or (any(changes) and "决算数" not in rest):
        return None
    it = iter(rest)
    return ["增减额" if c else next(it) for c in changes]


def _wrapped_heads(lines: list[list[str]], width: int) -> list[str] | None:
    """The column words of a header whose cells wrap onto the lines below (``预算数 决算数 上年决算数 决算数比上年``
    / ``增减``): the first line names ``width`` columns, each word of a later line ends one of them, in order. Read
    only when exactly one way of placing the later words makes every column a 三公 column word; None otherwise."""
    lines = [ws for ws in lines if ws]
    if len(lines) < 2 or len(lines[0]) != width:
        return None
    found: dict[tuple[str, ...], list[str]] = {}

    def place(heads: list[str], rest: list[list[str]]) -> None:
        if not rest:
            kinds = _sangong_column_kinds(heads)
            if kinds is not None and len(set(kinds)) == len(kinds):
                found.setdefault(tuple(kinds), heads)
            return
        for at in combinations(range(width), len(rest[0])):
            place([h + next((w for j, w in zip(at, rest[0], strict=True) if j == i), "") for i, h in enumerate(heads)],
                  rest[1:])

    if any(len(ws) > width for ws in lines[1:]):
        return None
    place(list(lines[0]), lines[1:])
    return next(iter(found.values())) if len(found) == 1 else None


def _period(kinds: list[str]) -> list[str]:
    """The shortest group of kinds the list repeats (``上年金额 决算数 上年金额 决算数`` → 上年金额 决算数)."""
    n = len(kinds)
    return next(kinds[:p] for p in range(1, n + 1) if n % p == 0 and kinds[:p] * (n // p) == kinds)


_SANGONG_TOP = (("合计", "三公经费"), ("因公出国", "因公出国（境）费"), ("公务用车购置及运行", "公务用车购置及运行维护费"),
                ("公务接待", "公务接待费"))
_SANGONG_CAR = (("小计", "公务用车购置及运行维护费"), ("公务用车购置费", "公务用车购置费"),
                ("公务用车运行", "公务用车运行维护费"))


def _sangong_items(header: list[Line]) -> tuple[str, ...] | None:
    """The six items of the 三公 table in printed order. A header line that names two or more items of one
    level (合计/出国/车/接待, or the car's 小计/购置/运行) gives their order; when one line names all four and one
    all three (each once) in another order than the template's, that order is read (the car's three
    sub-columns standing where the car is); the template's order when no line says otherwise; None when a
    line names some of them in another order and the header cannot be read in full."""
    orders: dict[int, list[str]] = {}
    for level, words in enumerate((_SANGONG_TOP, _SANGONG_CAR)):
        for h in header:
            text = squeeze(fold(h.text))
            at = {w: text.find(w) for w, _ in words if w in text}
            if len(at) < 2:
                continue
            order = sorted(at, key=lambda w: at[w])
            if order == [w for w, _ in words if w in at]:
                continue
            if len(at) < len(words) or any(text.count(w) != 1 for w in at) or level in orders:
                return None
            orders[level] = order
    if not orders:
        return _SANGONG
    top = orders.get(0, [w for w, _ in _SANGONG_TOP])
    car = orders.get(1, [w for w, _ in _SANGONG_CAR])
    if 1 not in orders and not any(all(w in squeeze(fold(h.text)) for w, _ in _SANGONG_CAR) for h in header):
        return None  # the items in another order, the car's sub-columns not read in full: where they stand is unknown
    names = dict(_SANGONG_TOP) | {w: n for w, n in _SANGONG_CAR[1:]}
    out: list[str] = []
    for w in top:
        out += [names[c] if c != "小计" else "公务用车购置及运行维护费" for c in car] if w == "公务用车购置及运行" else [names[w]]
    return tuple(out)


def _sangong(t: _Table, body: list[Line]) -> None:
    if _sangong_vertical(t, body) or _sangong_blocks(t, body):
        return
    spec = t.block.spec
    pairs_line: Line | None = None
    values: list[Tok] = []
    lines: list[Line] = []
    by_kind: list[tuple[str, list[Tok], Line]] = []  # ``预算数 45.00 0.00 40.00 20.00 20.00 5.00``: one row per kind
    for ln in body:
        toks = tokens(ln, t.block.scale)
        if len(toks) >= 6 and [k.text for k in toks] == [str(i) for i in range(1, len(toks) + 1)]:
            t.header.append(ln)  # ``1 2 3 … 12``: the columns' numbers (栏次), not figures
        elif all(k.value is not None for k in toks):
            values.extend(toks)
            lines.append(ln)
        elif toks and all(_sangong_word(k.text) for k in toks):
            pairs_line = ln
        elif len(toks) > 1 and _sangong_word(toks[0].text) and all(k.value is not None for k in toks[1:]):
            by_kind.append((toks[0].text, toks[1:], ln))
        else:
            t.header.append(ln)
    if by_kind and not values and pairs_line is None:
        _sangong_by_kind(t, by_kind)
        return
    if not values and t.empty_note is None:  # e.g. printed one row per item, or one cell per line: never zeros
        t.refused.append(("三公经费表中没有读到与模板栏目对应的一行数字（版式与模板不同），无法确定各列", t.block.title))
        return
    if not values:  # no row and a note "本表无数据": ``_empty`` says what the note says, sourced to the note
        return
    header = squeeze("".join(h.text for h in t.header))
    heads = pairs_line.text.split() if pairs_line else []
    other_years = not heads and re.search(r"上年|本年|\d{4}\s*年|增减|增长", header)  # columns not read: no 预算数 guessed
    grouped = _grouped_header(t.header, len(heads)) if len(heads) == 2 and len(values) == 12 else None
    if grouped is not None:  # ``预算数 决算数`` over two groups of the six items: heads name groups, not columns
        _sangong_grouped(t, grouped, heads, values, lines, pairs_line)
        return
    if re.search(r"会议费|培训费", header) or (heads and len(heads) not in (6, 12, 18, 24)) or other_years:
        t.refused.append(("三公经费表的栏目与模板不同，无法确定各列", pairs_line or t.block.title))
        return
    kinds = _sangong_column_kinds(heads) if heads else [*_SANGONG_PAIRS] * 6
    if kinds is not None and heads:  # each item's columns alike, no column twice (``上年数`` × 6: one kind for all)
        group = kinds[:len(kinds) // 6]  # 预算数 决算数 (上年决算数 比上年增减) of each item
        if kinds != group * 6 or len(set(group)) != len(group):
            kinds = None
    if kinds is None:
        t.refused.append(("三公经费表的栏目与模板不同，无法确定各列", pairs_line or t.block.title))
        return
    items = _sangong_items(t.header)
    if items is None:
        t.refused.append(("三公经费表的项目栏目顺序与模板不同且无法完整读出，无法确定各列", pairs_line or t.block.title))
        return
    columns = tuple(f"{items[i // (len(kinds) // 6)]}|{kinds[i]}" for i in range(len(kinds)))
    label = Label(spec.name, "", "三公经费", lines or [pairs_line or t.block.title], "", columns)
    label.values = values
    t.labels.append(label)
    t.pieces.append(Piece([label], values, False))
    t.header.append(pairs_line) if pairs_line else None


# the name of an item printed as a row, after its numbering (``2.``, ``（1）``, ``其中：``): ``合计`` is 三公经费
_ITEM_NUMBERING = re.compile(r"^(?:\d+[.．、]|（\d+）|[一二三四五六七八九十]+、|其中[：:]?)+")
_ITEM_ROWS = {"合计": "三公经费", "三公经费合计": "三公经费", **{fold(n): n for n in _SANGONG},
              "公务用车购置及运行费": "公务用车购置及运行维护费", "公务用车运行费": "公务用车运行维护费"}
_ROW_HEAD = ("项目", "科目", "名称", "项目名称", "科目名称", "栏次")


# the parts of 公务接待费 a table printed with the items as rows may list below it (``其中：外事接待费 0.00 0.00``)
_RECEPTION = ("外事接待费", "国内公务接待费")
_RECEPTION_ROWS = {"外事接待费": "外事接待费", "国内接待费": "国内公务接待费", "国内公务接待费": "国内公务接待费"}


def _item_row(toks: list[Tok], parts: bool = False) -> tuple[str, list[Tok]] | None:
    """``2.公务用车购置及运行维护费 14.00 9.42`` → (公务用车购置及运行维护费, its numbers); None for any other line.
    With ``parts``, the two parts of 公务接待费 (外事/国内) are items too."""
    words = [k for k in toks if k.value is None]
    if not words or toks[:len(words)] != words or len(words) == len(toks):
        return None
    name = _ITEM_NUMBERING.sub("", "".join(k.text for k in words)).strip(_QUOTES)
    name = re.sub(f"[{_QUOTES}]", "", name)
    item = _ITEM_ROWS.get(name) or (_RECEPTION_ROWS.get(name) if parts else None)
    return (item, toks[len(words):]) if item else None


def _sangong_vertical(t: _Table, body: list[Line]) -> bool:
    """The 三公 table printed with the items as rows and 预算数/决算数 as columns (``项目 预算数 决算数`` /
    ``合计 20.00 13.28`` / ``1.因公出国（境）费 0.00 0.00`` …): each row's figures stored as the horizontal layout
    stores them. False when the table is not printed so; a row or column the header words do not settle
    (a 会议费 row, a blank cell, ``上年预算数``) leaves every row unplaced."""
    rows = [(ln, _item_row(tokens(ln, t.block.scale), parts=True)) for ln in body]
    if sum(1 for _, r in rows if r and r[0] not in _RECEPTION) < 2:
        return False
    first = next(i for i, (_, r) in enumerate(rows) if r)
    per_line = [[w for w in fold(ln.text).split() if w not in _ROW_HEAD] for ln, _ in rows[:first]]
    heads = [w for ws in per_line for w in ws]
    items = [r for _, r in rows[first:] if r]
    kinds = _sangong_column_kinds(heads) if heads else None
    if kinds is None and heads:  # a column word wrapped onto the next header line
        wrapped = _wrapped_heads(per_line, len(items[0][1]))
        kinds = _sangong_column_kinds(wrapped) if wrapped else None
    bad = (kinds is None or len(set(kinds)) != len(kinds) or len(items) != len(rows) - first
           or len({i for i, _ in items}) != len(items) or any(len(vs) != len(kinds) for _, vs in items)
           or not _reception_parts_ok([i for i, _ in items])
           or any(k.value is not None for ln, _ in rows[:first] for k in tokens(ln, t.block.scale)))
    if bad:
        t.refused += [("三公经费表的栏目与模板不同，无法确定各列", ln) for ln, r in rows[first:]]
        return True
    assert kinds is not None
    _sangong_label(t, [f"{item}|{kind}" for item, _ in items for kind in kinds], [v for _, vs in items for v in vs],
                   [ln for ln, _ in rows[first:]])
    t.header = [ln for ln, _ in rows[:first]]
    return True


def _reception_parts_ok(items: list[str]) -> bool:
    """外事/国内接待费 rows only as the two parts of 公务接待费: both printed, right below it."""
    if not any(i in _RECEPTION for i in items):
        return True
    if "公务接待费" not in items:
        return False
    at = items.index("公务接待费")
    return sorted(items[at + 1: at + 3]) == sorted(_RECEPTION) and sum(i in _RECEPTION for i in items) == 2


def _sangong_label(t: _Table, columns: list[str], values: list[Tok], lines: list[Line]) -> None:
    label = Label(t.block.spec.name, "", "三公经费", lines, "", tuple(columns))
    label.values = values
    t.labels.append(label)
    t.pieces.append(Piece([label], values, False))


def _kind_only(toks: list[Tok]) -> bool:
    return len(toks) == 1 and _kind_word(toks[0].text)


def _sangong_blocks(t: _Table, body: list[Line]) -> bool:
    """The 三公 table printed as one block per kind, each with its own header and one row of numbers
    (``预算数`` / ``合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费`` / ``小计 公务用车购置费 …`` /
    ``50.00 0.00 40.00 25.00 15.00 10.00``, then ``决算数`` / the same header / its numbers). Read when each
    block's header names all six items and its row has a number for each; else every row is left unplaced.
    False when the table is not printed so (fewer than two lines holding only a kind word)."""
    toks = [tokens(ln, t.block.scale) for ln in body]
    starts = [i for i, k in enumerate(toks) if _kind_only(k)]
    if len(starts) < 2:
        return False
    shared = body[:starts[0]]
    columns: list[str] = []
    values: list[Tok] = []
    lines: list[Line] = []
    kinds = _column_kinds([toks[i][0].text for i in starts])
    for s, e in zip(starts, [*starts[1:], len(body)], strict=True):
        numbers = [i for i in range(s + 1, e) if toks[i] and all(k.value is not None for k in toks[i])]
        header = shared + [body[i] for i in range(s + 1, e) if i not in numbers]
        items = _sangong_items(header) if _names_every_item(header) else None
        if kinds is None or len(numbers) != 1 or items is None or len(toks[numbers[0]]) != len(items):
            rows = [ln for ln, k in zip(body, toks, strict=True) if k and all(x.value is not None for x in k)]
            t.refused += [("三公经费表的栏目与模板不同，无法确定各列", ln) for ln in rows or [t.block.title]]
            return True
        kind = kinds[starts.index(s)]
        columns += [f"{item}|{kind}" for item in items]
        values += toks[numbers[0]]
        lines.append(body[numbers[0]])
    if kinds is None or len(set(kinds)) != len(kinds) or re.search(r"会议费|培训费", "".join(ln.text for ln in body)):
        t.refused += [("三公经费表的栏目与模板不同，无法确定各列", ln) for ln in lines]
        return True
    _sangong_label(t, columns, values, lines)
    t.header = [ln for ln in body if ln not in lines]
    return True


def _names_every_item(header: list[Line]) -> bool:
    """The header names each of the six items (合计, 出国, 车 with its 小计/购置/运行, 接待) once."""
    text = squeeze(fold("".join(h.text for h in header)))
    return all(text.count(w) == 1 for w, _ in (*_SANGONG_TOP, *_SANGONG_CAR))


def _sangong_by_kind(t: _Table, rows: list[tuple[str, list[Tok], Line]]) -> None:
    """The 三公 table with the six items as columns and one row per kind (``预算数 45.00 …`` / ``决算数 41.45 …``):
    the items' order from the header, each row's kind from its first word."""
    kinds = _sangong_column_kinds([k for k, _, _ in rows])
    items = _sangong_items(t.header)
    odd = re.search(r"会议费|培训费|上年|增减", "".join(h.text for h in t.header))
    if (kinds is None or len(set(kinds)) != len(kinds) or items is None
            or odd or any(len(vs) != len(items) for _, vs, _ in rows)):
        t.refused += [("三公经费表的栏目与模板不同，无法确定各列", ln) for _, _, ln in rows]
        return
    columns = tuple(f"{item}|{kind}" for kind in kinds for item in items)
    values = [v for _, vs, _ in rows for v in vs]
    label = Label(t.block.spec.name, "", "三公经费", [ln for _, _, ln in rows], "", columns)
    label.values = values
    t.labels.append(label)
    t.pieces.append(Piece([label], values, False))


def _grouped_header(header: list[Line], groups: int) -> list[Line] | None:
    """The header of one group when every header line naming the items prints the same words ``groups`` times
    over (``合计 因公出国（境）费 … 公务接待费 合计 因公出国（境）费 … 公务接待费``), else None."""
    out: list[Line] = []
    named = False
    for h in header:
        text = squeeze(fold(h.text))
        if not any(w in text for w, _ in (*_SANGONG_TOP, *_SANGONG_CAR)):
            out.append(h)
            continue
        size = len(text) // groups
        if size * groups != len(text) or text[:size] * groups != text:
            return None
        out.append(Line(text[:size], h.no, h.page, ()))
        named = True
    return out if named else None


def _sangong_grouped(t: _Table, header: list[Line], heads: list[str], values: list[Tok], lines: list[Line],
                     pairs_line: Line | None) -> None:
    """The 三公 table printed as all six items' 预算数, then all six items' 决算数 (新会 style): column i is
    item i % 6 of the group i // 6."""
    kinds = _column_kinds(heads)
    items = _sangong_items(header)
    if kinds is None or len(set(kinds)) != len(kinds) or items is None or re.search(r"会议费|培训费", "".join(
            h.text for h in header)):
        t.refused.append(("三公经费表的栏目与模板不同，无法确定各列", pairs_line or t.block.title))
        return
    columns = tuple(f"{items[i % len(items)]}|{kinds[i // len(items)]}" for i in range(len(values)))
    label = Label(t.block.spec.name, "", "三公经费", lines, "", columns)
    label.values = values
    t.labels.append(label)
    t.pieces.append(Piece([label], values, False))
    t.header = header + ([pairs_line] if pairs_line else [])


# ---- identities -------------------------------------------------------------------------------------


def _keys(t: _Table) -> None:
    seen: dict[str, int] = {}
    in_opening = False
    for lb in t.labels:
        if t.block.spec.layout == "twosided":
            lb.name = squeeze(lb.name)
            base = _strip_enum(lb.name)
            if lb.side == "L" and base.startswith("年初"):
                in_opening = True
            elif lb.side == "L" and in_opening and any(base.startswith(f) for f in FUNDS):
                lb.parent = "年初"
            raw = lb.side + (lb.parent + base)
        else:
            raw = lb.code or lb.name
        n = seen.get(raw, 0)
        seen[raw] = n + 1
        lb.key = raw if not n else f"{raw}#{n}"


def _tol(grid_terms: int, unit: Decimal) -> Decimal:
    return unit / 2 * max(grid_terms, 2)


def _sum_constraint(grid: Grid, total: tuple, parts: list[tuple], unit: Decimal, rule: str, label: str) -> None:
    if not parts:
        return
    terms = [(total, 1)] + [(p, -1) for p in parts]
    grid.constrain(terms, "=", _tol(len(terms), unit), rule, label)


_FLOW_COLUMNS = ("年初结转和结余", "本年收入", "金额", "年末结转和结余")  # not parts of 金额 (基金/国资 tables)


def _slot(lb: Label | None, column: str) -> Slot | None:
    """The slot of a row's column by name (a coded table prints its columns in any order, or some only)."""
    if lb is None or column not in lb.columns:
        return None
    return lb.slots()[lb.columns.index(column)]


def _identities(t: _Table, grid: Grid) -> None:
    spec, u = t.block.spec, t.unit
    labels = t.labels
    if spec.layout == "coded":
        for lb in labels:
            col = dict(zip(lb.columns, lb.slots(), strict=True))
            parts = [s for c, s in col.items() if c not in _FLOW_COLUMNS]
            if "金额" in col:  # 合计 = 各列之和 (基金/国资: 本年支出 = 基本 + 项目)
                what = "本年支出" if "年初结转和结余" in spec.columns else "合计=各列之和"
                _sum_constraint(grid, col["金额"], parts, u, "表内合计", f"{spec.name} {lb.name} {what}")
            if all(c in col for c in _FLOW_COLUMNS):  # 年初 + 收入 − 支出 = 年末
                grid.constrain([(col["年初结转和结余"], 1), (col["本年收入"], 1), (col["金额"], -1), (col["年末结转和结余"], -1)],
                               "=", _tol(4, u), "表内合计", f"{spec.name} {lb.name} 结转结余")
        coded = [lb for lb in labels if lb.code]
        total = next((lb for lb in labels if not lb.code), None)
        for parent in [*coded, total]:
            if parent is None or any(g.startswith(parent.code) for g in t.gaps):
                continue  # a row below it left unplaced: the sum cannot be checked
            below = [lb for lb in coded if lb.code.startswith(parent.code) and len(lb.code) > len(parent.code)]
            level = min((len(lb.code) for lb in below), default=0)  # the next level printed (款, else 项)
            kids = [lb for lb in below if len(lb.code) == level]
            if parent.code == "" and not kids:
                continue
            for c, column in enumerate(parent.columns):
                _sum_constraint(grid, parent.slots()[c], [k.slots()[c] for k in kids], u, "表内合计",
                                f"{spec.name} {parent.name}（{column}）= 下级科目之和")
    elif spec.layout == "twosided":
        for side in ("L", "R"):
            side_labels = [lb for lb in labels if lb.side == side]
            width = len(side_labels[0].columns) if side_labels else 1
            for lb in side_labels:
                if len(lb.columns) > 1 and "上年金额" not in lb.columns and "金额" in lb.columns:  # not two years
                    cols = dict(zip(lb.columns, lb.slots(), strict=True))  # the funds' columns in printed order
                    _sum_constraint(grid, cols["金额"], [v for c, v in cols.items() if c != "金额"], u, "表内合计",
                                    f"{spec.name} {lb.name} 合计=各列之和")
            enum = [lb for lb in side_labels if _ENUM.match(lb.name) and not lb.parent]
            subtotal = next((lb for lb in side_labels if _strip_enum(lb.name).startswith("本年")), None)
            grand = next((lb for lb in side_labels if _strip_enum(lb.name) == "总计"), None)
            others = [lb for lb in side_labels if lb not in enum and lb not in (subtotal, grand) and not lb.parent]
            for c in range(width):
                if subtotal:
                    _sum_constraint(grid, subtotal.slots()[c], [lb.slots()[c] for lb in enum], u, "表内合计",
                                    f"{spec.name} {subtotal.name}")
                if grand and subtotal:
                    _sum_constraint(grid, grand.slots()[c], [subtotal.slots()[c]] + [lb.slots()[c] for lb in others],
                                    u, "表内合计", f"{spec.name} {grand.name}")
            opening = next((lb for lb in side_labels if _strip_enum(lb.name).startswith("年初")), None)
            subs = [lb for lb in side_labels if lb.parent]
            for c in range(width if opening and subs else 0):
                assert opening is not None
                _sum_constraint(grid, opening.slots()[c], [lb.slots()[c] for lb in subs], u, "表内合计",
                                f"{spec.name} {opening.name}")
        lg = next((lb for lb in labels if lb.side == "L" and _strip_enum(lb.name) == "总计"), None)
        rg = next((lb for lb in labels if lb.side == "R" and _strip_enum(lb.name) == "总计"), None)
        for column in lg.columns if lg and rg else ():
            left, right = _slot(lg, column), _slot(rg, column)
            if left and right:
                grid.constrain([(left, 1), (right, -1)], "=", _tol(2, u), "表内合计", f"{spec.name} 收入总计=支出总计")
        if len(spec.columns) > 1:  # per fund: 收入 + 年初结转 = 支出 + 年末结转
            right_total = next((lb for lb in labels if lb.side == "R" and _strip_enum(lb.name).startswith("本年")), None)
            closing = next((lb for lb in labels if lb.side == "R" and _strip_enum(lb.name).startswith("年末")), None)
            opening_whole = _opening_without_funds(labels)
            for f, fund in enumerate(FUNDS, start=1):
                if f >= len(spec.columns) or right_total is None or opening_whole:
                    continue
                income = next((lb for lb in labels if lb.side == "L" and not lb.parent
                               and _strip_enum(lb.name).startswith(fund)), None)
                opening_f = next((lb for lb in labels if lb.parent and _strip_enum(lb.name).startswith(fund)), None)
                if income is None:
                    continue
                spent, closed = _slot(right_total, fund), _slot(closing, fund)
                if spent is None:
                    continue
                terms = [(income.slots()[0], 1), (spent, -1)]
                if opening_f:
                    terms.append((opening_f.slots()[0], 1))
                if closed:
                    terms.append((closed, -1))
                grid.constrain(terms, "=", _tol(len(terms), u), "表内合计", f"{spec.name} {fund} 收支平衡")
    elif spec.layout == "economic":
        classes = [lb for lb in labels if len(lb.code) == 3]
        for cls in classes:
            if any(g.startswith(cls.code) for g in t.gaps):
                continue
            kids = [lb for lb in labels if len(lb.code) == 5 and lb.code.startswith(cls.code)]
            _sum_constraint(grid, cls.slots()[0], [k.slots()[0] for k in kids], u, "表内合计", f"{spec.name} {cls.name}")
        totals = [lb for lb in labels if lb.code.startswith(("人员经费", "公用经费"))]
        if len(totals) == 2 and classes and not t.gaps:
            terms = [(lb.slots()[0], 1) for lb in totals] + [(c.slots()[0], -1) for c in classes]
            grid.constrain(terms, "=", _tol(len(terms), u), "表内合计", f"{spec.name} 人员经费+公用经费=各类之和")
        total = next((lb for lb in labels if lb.code == "合计"), None)
        if total is not None and classes and not t.gaps:  # ``合计 88.00`` = 301 70.00 + 302 18.00
            _sum_constraint(grid, total.slots()[0], [c.slots()[0] for c in classes], u, "表内合计", f"{spec.name} 合计")
    elif spec.layout == "sangong" and labels:
        cell = dict(zip(labels[0].columns, labels[0].slots(), strict=True))
        for kind in dict.fromkeys(c.split("|")[1] for c in cell):
            s = [cell[f"{item}|{kind}"] for item in _SANGONG if f"{item}|{kind}" in cell]
            if len(s) == len(_SANGONG):
                _sum_constraint(grid, s[0], [s[1], s[2], s[5]], u, "表内合计", "三公经费合计")
                _sum_constraint(grid, s[2], [s[3], s[4]], u, "表内合计", "公务用车购置及运行维护费小计")
            parts = [cell[f"{item}|{kind}"] for item in ("公务接待费", *_RECEPTION) if f"{item}|{kind}" in cell]
            if len(parts) == 3:
                _sum_constraint(grid, parts[0], parts[1:], u, "表内合计", "公务接待费=外事接待费+国内公务接待费")
        for item in _SANGONG:  # 决算数 = 上年金额 + 增减额 (比上年增减)
            this, last, change = (cell.get(f"{item}|{k}") for k in ("决算数", "上年金额", "增减额"))
            if this and last and change:
                _sum_constraint(grid, this, [last, change], u, "表内合计", f"{item}：决算数=上年决算数+增减额")


def _opening_without_funds(labels: list[Label]) -> bool:
    """``年初财政拨款结转和结余 95.40`` printed without the funds' rows below it: each fund's opening balance is
    unknown, so a fund's income and spending (8,287.66 against 8,320.88) need not balance."""
    opening = any(lb.side == "L" and not lb.parent and _strip_enum(lb.name).startswith("年初") for lb in labels)
    return opening and not any(lb.parent for lb in labels)


def _cross(tables: dict[str, _Table], grid: Grid) -> None:
    """Identities between tables: the same totals, and a 财政拨款 part never above the all-funds figure."""

    def find(name: str, pred: Callable[[Label], bool]) -> Label | None:
        t = tables.get(name)
        return next((lb for lb in t.labels if pred(lb)), None) if t else None

    def by_name(name: str, side: str, base: str) -> Label | None:
        return find(name, lambda lb: lb.side == side and not lb.parent and _strip_enum(lb.name) == base)

    def eq(a: Slot | None, b: list[Slot | None], rule_label: str) -> None:
        if a is None or not b or any(x is None for x in b):
            return
        terms = [(a, 1)] + [(x, -1) for x in b if x is not None]
        grid.constrain(terms, "=", _tol(len(terms), Decimal("0.01")), "表间一致", rule_label)

    t1, t2, t3, t4, t5, t6 = (SPECS[i].name for i in range(6))
    t8, t9 = SPECS[7].name, SPECS[8].name
    inc_total = by_name(t1, "L", "本年收入合计")
    t2_total = find(t2, lambda lb: not lb.code)
    if t2_total:
        if inc_total:
            eq(_slot(t2_total, "金额"), [_slot(inc_total, "金额")], "本年收入合计：收入支出决算总表=收入决算表")
        funds = [by_name(t1, "L", f + "收入") for f in FUNDS]
        present = [_slot(lb, "金额") for lb in funds if lb]
        if present:
            eq(_slot(t2_total, "财政拨款收入"), present, "财政拨款收入：收入支出决算总表=收入决算表")
        for src in INCOME_SOURCES[1:]:
            lb = by_name(t1, "L", src)
            if lb:
                eq(_slot(t2_total, src), [_slot(lb, "金额")], f"{src}：收入支出决算总表=收入决算表")
    exp_total = by_name(t1, "R", "本年支出合计")
    t3_total = find(t3, lambda lb: not lb.code)
    if exp_total and t3_total:
        eq(_slot(t3_total, "金额"), [_slot(exp_total, "金额")], "本年支出合计：收入支出决算总表=支出决算表")
    def class_row(name: str, cls: str) -> Label | None:
        return find(name, lambda lb: len(lb.code) == 3 and lb.name == cls)

    def same_code(name: str, other: Label) -> Label | None:
        return find(name, lambda lb: lb.code == other.code and bool(lb.code or not other.code))

    for cls in CLASSES:
        a = by_name(t1, "R", cls)
        b = class_row(t3, cls)
        if a and b:
            eq(_slot(b, "金额"), [_slot(a, "金额")], f"{cls}：收入支出决算总表=支出决算表")
        a4 = by_name(t4, "R", cls)
        b5 = class_row(t5, cls)
        if a4 and b5 and len(a4.slots()) > 1:
            eq(_slot(b5, "金额"), [_slot(a4, FUNDS[0])], f"{cls}：财政拨款收入支出决算总表=一般公共预算财政拨款支出决算表")
    for fund in FUNDS:
        a, b = by_name(t4, "L", fund), by_name(t1, "L", fund + "收入")
        if a and b:
            eq(a.slots()[0], [_slot(b, "金额")], f"{fund}收入：财政拨款收入支出决算总表=收入支出决算总表")
    r4 = by_name(t4, "R", "本年支出合计")
    for name, col in ((t5, 1), (t8, 2), (t9, 3)):
        total = find(name, lambda lb: not lb.code)
        if r4 and total and col < len(r4.slots()):
            eq(_slot(total, "金额"), [_slot(r4, FUNDS[col - 1])], f"{_BY_NAME[name].total_name}：{name}=财政拨款收入支出决算总表")
        income = by_name(t4, "L", FUNDS[col - 1])
        if name != t5 and total and income:  # ``二、政府性基金预算财政拨款 350.00``: the 基金 table's 本年收入
            eq(_slot(total, "本年收入"), [income.slots()[0]], f"{FUNDS[col - 1]}本年收入：{name}=财政拨款收入支出决算总表")
    t5_total = find(t5, lambda lb: not lb.code)
    people = find(t6, lambda lb: lb.code.startswith("人员经费"))
    public = find(t6, lambda lb: lb.code.startswith("公用经费"))
    if t5_total and people and public:
        eq(_slot(t5_total, "基本支出"), [people.slots()[0], public.slots()[0]],
           "基本支出：一般公共预算财政拨款支出决算表=基本支出决算表")
    sangong = tables.get(SPECS[6].name)
    if sangong and sangong.labels and t6 in tables:  # a 三公 item includes its 基本支出 经济分类 line
        cells = dict(zip(sangong.labels[0].columns, sangong.labels[0].slots(), strict=True))
        econ_lines: dict[str, Label] = {}
        for lb in tables[t6].labels:
            econ_lines.setdefault(lb.code, lb)
        for code, item in _SANGONG_ECON.items():
            econ = econ_lines.get(code)
            slot = cells.get(f"{item}|决算数")
            if econ and slot:
                grid.constrain([(slot, 1), (econ.slots()[0], -1)], ">=", Decimal("0.01"), "表间一致",
                               f"{item}：三公经费支出决算表决算数不小于基本支出决算表{econ.code} {econ.name}")
    for part in (t5, t8, t9):  # one fund's part of a 科目 never exceeds the all-funds figure of the 支出决算表
        if t3 not in tables or part not in tables:
            continue
        for lb5 in tables[part].labels:
            lb3 = same_code(t3, lb5)
            if lb3 is None or (not lb5.code and part != t5):
                continue
            for column in ("金额", "基本支出", "项目支出"):
                a3, a5 = _slot(lb3, column), _slot(lb5, column)
                if a3 and a5:
                    grid.constrain([(a3, 1), (a5, -1)], ">=", Decimal("0.01"), "表间一致",
                                   f"{lb5.name}：支出决算表不小于{part}")


# ---- the whole report -----------------------------------------------------------------------------


def parse_tables(lines: list[Line], blocks: list[TableBlock], file: str, stated: Iterable[Fact] = ()) -> Parsed:
    """The facts of every table; ``stated`` (the narrative's facts, optional) may settle a row that every
    identity leaves open — only when exactly one placement agrees with them, and each such use is
    recorded as a ``正文定列`` note, so no table figure silently rests on the narrative."""
    out = Parsed()
    tables: dict[str, _Table] = {}
    grid = Grid()
    runs: dict[int, Run] = {}
    printed: list[_Table] = []  # every table in document order, a second copy of one too (its rows are refused)
    for block in blocks:
        t = _Table(block)
        printed.append(t)
        body = _body(t, lines)
        layout = block.spec.layout
        {"coded": _coded, "twosided": _twosided, "economic": _economic, "sangong": _sangong}[layout](t, body)
        _drop_blank_rows(t)
        if layout == "coded":
            _refuse_numberless(t)
            _drop_refused(t)
        decimals = [len(k.text.split(".")[1]) if "." in k.text else 0 for p in t.pieces for k in p.values]
        t.unit = Decimal(10) ** -(max(decimals) if decimals else 2) * block.scale
        first = tables.get(block.spec.name)
        if first is not None and len(printed) > 1 and printed[-2] is first and _continues(first, t):
            _append_rows(first, t)  # the table's next page, its title and header printed again
            printed.pop()
            t = first
        elif first is not None:  # the same table printed twice: keep the first, refuse the rest
            for lb in t.labels:
                t.refused.append(("同一张表出现两次", lb.lines[0]))
            t.labels, t.pieces = [], []
            continue
        else:
            tables[block.spec.name] = t
        if layout in ("coded", "economic"):
            _drop_repeats(t)
        elif layout == "twosided":
            _drop_repeats(t, across_pages=True)
        _keys(t)
    for t in tables.values():
        for p in t.pieces:
            slots = [s for lb in p.labels for s in lb.slots()]
            boxes = [k.box for k in p.values if k.box is not None]
            values = [k.value for k in p.values if k.value is not None]
            run = Run(values, slots, boxes=boxes if len(boxes) == len(values) else None, irregular=p.irregular)
            grid.add(run)
            for lb in p.labels:
                runs[id(lb)] = run
    for t in tables.values():
        _identities(t, grid)
    _cross(tables, grid)
    garbage: set[int] = set()
    while True:  # rows whose figures cannot be trusted are set aside, and the rest solved again without them
        garbage = grid.drop_broken(garbage)  # numbers that fit no reading of their own row
        grid.solve()
        if _by_position(tables, grid, runs):
            grid.solve()
        if grid.prefer_exact():
            grid.solve()
        doubtful = grid.shaky_in_failing(garbage)  # rows with blank cells under sums that do not add up
        if not doubtful:
            break
        garbage |= doubtful
        grid.reset()
    told = _stated_cells(tables, stated)
    agreeing = _by_narrative(tables, grid, runs, told, out, file)
    if any(n == 1 for n in agreeing.values()):
        grid.solve()
    refused_runs = _check(grid, out, file, tables) | garbage
    for t in tables.values():
        _emit(t, grid, runs, refused_runs, out, file, agreeing)
        for note in t.notes:
            if re.search(r"仍保留该表格式|在本表下方作下述说明|(?:请|应)(?:在|于)本表", note.text):
                out.discrepancies.append(Discrepancy("模板说明残留", f"{t.block.spec.name}下方留有模板的填写说明",
                                                     None, Source(file, note.no, note.text.strip(), note.page)))
    for t in printed:
        for reason, ln in t.refused:
            out.unplaced.append(Unplaced(f"{TABLE_REASON}{reason}", Source(file, ln.no, ln.text.strip(), ln.page)))
            out.rows += 1
    return out


def _row_key(p: Piece) -> tuple:
    """What a printed row says: its rows' codes (or names) and its numbers as printed."""
    return tuple((lb.side, lb.code or squeeze(lb.name)) for lb in p.labels), tuple(k.text for k in p.values)


def _drop_repeats(t: _Table, across_pages: bool = False) -> None:
    """A row printed again word for word and figure for figure is one row: ``2010102 … 27.00 0.00 27.00`` repeated
    at a page break, or ``合计 130.00 98.00 32.00`` printed both above and below the rows. (A code printed twice
    with other figures is kept twice: the sums then decide, or the rows are refused.) With ``across_pages`` (the
    two-sided 总表, whose unnumbered names such as ``一般公共预算财政拨款 0.00`` may recur on one page) only a
    repeat on a later page is dropped: ``二、事业收入 5.00 二、社会保障和就业支出 15.00`` printed again after \f."""
    seen: dict[tuple, int] = {}  # a row's key → the page it was first printed on
    kept: list[Piece] = []
    for p in t.pieces:
        key = _row_key(p)
        page = p.labels[0].lines[0].page if p.labels else 0
        if p.values and p.labels and key in seen and (not across_pages or page > seen[key]):
            continue
        seen.setdefault(key, page)
        kept.append(p)
    dropped = {id(lb) for p in t.pieces if p not in kept for lb in p.labels}
    t.pieces = kept
    t.labels = [lb for lb in t.labels if id(lb) not in dropped]


def _continues(first: _Table, t: _Table) -> bool:
    """A second block of the same table right after the first is its next page (``…决算表（续）``, or the title
    and header printed again after a page break) when it prints no row of the first with other figures; a
    table printed twice repeats its rows, and is refused as such."""
    if not t.pieces:
        return False
    before = {lb.code or squeeze(lb.name): _row_key(p) for p in first.pieces for lb in p.labels}
    return all(before.get(lb.code or squeeze(lb.name), _row_key(p)) == _row_key(p) for p in t.pieces for lb in p.labels) \
        and any((lb.code or squeeze(lb.name)) not in before for lb in t.labels)


def _append_rows(first: _Table, t: _Table) -> None:
    first.labels += t.labels
    first.pieces += t.pieces
    first.refused += t.refused
    first.notes += t.notes
    first.gaps |= t.gaps
    first.unit = max(first.unit, t.unit)
    t.refused = []


def _by_position(tables: dict[str, _Table], grid: Grid, runs: dict[int, Run]) -> bool:
    """Settle runs arithmetic left open by the x position of their numbers (PDF only)."""
    changed = False
    for t in tables.values():
        centers = _column_centers(t, grid, runs)
        if not centers:
            continue
        for lb in t.labels:
            run = runs.get(id(lb))
            if run is None or run.settled or not run.boxes or len(run.slots) != len(lb.columns):
                continue
            fits = []
            for cand in run.candidates:
                ok = True
                for (x0, x1), col in zip(run.boxes, cand, strict=True):
                    mid = (x0 + x1) / 2
                    nearest = min(centers, key=lambda c: abs(centers[c] - mid))
                    if nearest != col:
                        ok = False
                        break
                if ok:
                    fits.append(cand)
            if len(fits) == 1:
                run.candidates = fits
                changed = True
    return changed


def _stated_cells(tables: dict[str, _Table], stated: Iterable[Fact]) -> dict[Slot, tuple[Decimal, Fact]]:
    """Cells the narrative states: a narrative figure whose (表, 科目, 属性) is that of exactly one cell of
    the tables read, stated with one value only (two different values for it tell nothing)."""
    said: dict[tuple[str, str, str], list[Fact]] = {}
    for f in stated:
        if f.来源类型 != "table" and f.数值 is not None and f.计量单位 == "万元":
            said.setdefault((f.表, f.科目, f.属性), []).append(f)
    if not said:
        return {}
    where: dict[tuple[str, str, str], list[Slot]] = {}
    for t in tables.values():
        spec = t.block.spec
        classes = {lb.code: lb.name for lb in t.labels if lb.code}
        for lb in t.labels:
            parent = classes.get(lb.code[:3], "") if spec.layout == "economic" and len(lb.code) == 5 else ""
            for slot, column in zip(lb.slots(), lb.columns, strict=True):
                f = _fact(spec, lb, column, Decimal(0), Source("", 0, ""), classes, parent)
                where.setdefault((f.表, f.科目, f.属性), []).append(slot)
    out: dict[Slot, tuple[Decimal, Fact]] = {}
    for key, facts in said.items():
        slots = where.get(key, [])
        values = {f.数值 for f in facts if f.数值 is not None}
        if len(slots) == 1 and len(values) == 1:
            out[slots[0]] = (values.pop(), facts[0])
    return out


def _by_narrative(tables: dict[str, _Table], grid: Grid, runs: dict[int, Run], told: dict[Slot, tuple[Decimal, Fact]],
                  out: Parsed, file: str) -> dict[int, int]:
    """Rows the identities leave open, against the cells the narrative states. A row is settled only
    when exactly one of its placements gives every stated cell its stated value; the use is recorded.
    Returns, per open row that the narrative speaks about (``id`` of its run), how many placements agree."""
    agreeing: dict[int, int] = {}
    if not told:
        return agreeing
    owner = {id(runs[id(lb)]): lb for t in tables.values() for lb in t.labels if id(lb) in runs}
    for run in grid.runs:
        if len(run.candidates) <= 1:
            continue
        checks = [(j, told[s]) for j, s in enumerate(run.slots) if s in told]
        if not checks:
            continue
        keep = [a for a in run.candidates if all(run.value(a, j) == v for j, (v, _) in checks)]
        agreeing[id(run)] = len(keep)
        if len(keep) != 1:
            continue
        run.candidates = keep
        lb = owner.get(id(run))
        if lb is None:
            continue
        lines = sorted({f.source.line for _, (_, f) in checks})
        where = "、".join(f"第{n}行" for n in lines)
        msg = (f"{lb.table}第{lb.lines[0].no}行的数字可放入多种列位置，依据正文{where}所述数字确定为唯一相符的一种"
               "（表中数字未改动，请核对原表）")
        out.discrepancies.append(Discrepancy("正文定列", msg, None, Source(file, lb.lines[0].no, lb.text, lb.lines[0].page)))
    return agreeing


def _column_centers(t: _Table, grid: Grid, runs: dict[int, Run]) -> dict[int, float]:
    if t.block.spec.layout == "sangong":
        head = next((h for h in t.header if h.text.split() and all(_sangong_word(w) for w in h.text.split())), None)
        if head and head.boxes and len(head.boxes) == len(head.text.split()):
            return {i: (b[0] + b[1]) / 2 for i, b in enumerate(head.boxes)}
        return {}
    seen: dict[int, list[float]] = {}
    for lb in t.labels:
        run = runs.get(id(lb))
        if run is None or not run.settled or not run.boxes or len(run.slots) != len(lb.columns):
            continue
        for (x0, x1), col in zip(run.boxes, run.candidates[0], strict=True):
            seen.setdefault(col, []).append((x0 + x1) / 2)
    if len(seen) < len(t.labels[0].columns if t.labels else ()):
        return {}  # a column never seen: positions cannot rule it out
    return {c: sum(v) / len(v) for c, v in seen.items()}


def _check(grid: Grid, out: Parsed, file: str, tables: dict[str, _Table]) -> set[int]:
    """Identities the placed figures break: stated errors (discrepancies), or — where numbers were
    pulled from another line than their label — a parse we cannot trust (those runs are refused).
    Row identities are judged first, then the table's sums, then the identities between tables, so a
    refused row is not blamed on the rows it was summed with."""
    refused: set[int] = set()
    owner_label: dict[tuple, Label] = {}
    for t in tables.values():
        for lb in t.labels:
            for s in lb.slots():
                owner_label[s] = lb

    def runs_of(c: Constraint) -> set[int]:
        return {grid.owner[s][0] for s, _ in c.terms}

    for c in grid.doubted.values():  # identities the printed figures break, whose rows were set aside
        lb = owner_label[c.terms[0][0]]
        out.discrepancies.append(Discrepancy(c.rule, c.label, grid.certain_residual(c),
                                             Source(file, lb.lines[0].no, lb.text, lb.lines[0].page)))
    order = sorted(grid.constraints, key=lambda c: (c.rule != "表内合计", len(runs_of(c)) > 1))
    for c in order:
        involved = runs_of(c)
        if involved & refused:
            continue
        res = grid.residual(c)
        lb = owner_label[c.terms[0][0]]
        src = Source(file, lb.lines[0].no, lb.text, lb.lines[0].page)
        if not grid.broken(c):
            if res and (c.kind == "=" or res < 0):  # within rounding: a 尾差 the report carries (a part above its
                # whole within rounding too); a whole above its part ("≥" with room to spare) is no difference at all
                out.discrepancies.append(Discrepancy("尾差", c.label, res, src))
            continue
        shaky = {r for r in involved if grid.runs[r].shaky}
        if shaky:
            refused |= shaky
            continue
        if lb.side == "R" and len(involved) == 1 and c.label.endswith(" 合计=各列之和"):
            refused |= involved  # a 财政拨款总表 row whose 合计 is not the sum of its funds: its columns are not known
            out.discrepancies.append(Discrepancy(c.rule, c.label, res, src))
            continue
        out.discrepancies.append(Discrepancy(c.rule, c.label, res, src))
    return refused


def _emit(t: _Table, grid: Grid, runs: dict[int, Run], refused: set[int], out: Parsed, file: str,
          agreeing: dict[int, int] | None = None) -> None:
    spec = t.block.spec
    run_index = {id(r): i for i, r in enumerate(grid.runs)}
    classes = {lb.code: lb.name for lb in t.labels if lb.code}
    for lb in t.labels:
        run = runs[id(lb)]
        first = lb.lines[0]
        src = Source(file, first.no, lb.text, first.page)
        out.rows += 1
        if run_index[id(run)] in refused or not run.candidates:
            out.unplaced.append(Unplaced(f"{TABLE_REASON}行中的数字与表内合计不符，无法可靠对应到列", src))
            continue
        cells = [grid.cell(s) for s in lb.slots()]
        parent_class = classes.get(lb.code[:3], "") if spec.layout == "economic" and len(lb.code) == 5 else ""
        for value, column in zip(cells, lb.columns, strict=True):
            if value is None:
                continue
            out.facts.append(_fact(spec, lb, column, value, src, classes, parent_class))
        if any(v is None for v in cells):
            open_columns = "、".join(c.replace("|", "") for v, c in zip(cells, lb.columns, strict=True) if v is None)
            why = f"{len(run.candidates)}种放法都符合表内、表间的勾稽关系，未定的列：{open_columns}"
            told = (agreeing or {}).get(id(run))
            if told is not None:
                why += f"；与正文所述数字相符的放法仍有{told}种"
            out.unplaced.append(Unplaced(f"{TABLE_REASON}有空白单元格，无法确定行中数字所在的列（{why}）", src))
        else:
            out.placed += 1
    if not t.labels and t.empty_note is not None:
        _empty(t, out, file)


def _empty(t: _Table, out: Parsed, file: str) -> None:
    """A table printed with no rows and a 本表无数据 note: its totals are zero."""
    spec, note = t.block.spec, t.empty_note
    assert note is not None
    src = Source(file, note.no, note.text.strip(), note.page)
    out.rows += 1
    out.placed += 1
    if spec.layout == "coded":
        lb = Label(spec.name, "", spec.total_name, [note], "", spec.columns)
        for column in spec.columns:
            out.facts.append(_fact(spec, lb, column, Decimal(0), src, {}, ""))
    elif spec.layout == "sangong":  # every cell of the table, its 预算数 columns too, is empty: "本表无数据"
        for item in _SANGONG:
            for kind in _SANGONG_PAIRS:
                lb = Label(spec.name, "", "三公经费", [note], "", (f"{item}|{kind}",))
                out.facts.append(_fact(spec, lb, f"{item}|{kind}", Decimal(0), src, {}, ""))


_TWOSIDED_NAMES = {
    "总计": ("收入总计", "支出总计"),
    "使用非财政拨款结余（含专用结余）": ("使用非财政拨款结余", ""),
}
# 政府支出经济分类 lines of the 基本支出 table that are part of a 三公 item (its 决算数 is never below them)
_SANGONG_ECON = {"30212": "因公出国（境）费", "30217": "公务接待费", "30231": "公务用车运行维护费", "31013": "公务用车购置费"}
_SANGONG_PARENT = {"因公出国（境）费": "三公经费", "公务用车购置及运行维护费": "三公经费", "公务接待费": "三公经费",
                   "公务用车购置费": "公务用车购置及运行维护费", "公务用车运行维护费": "公务用车购置及运行维护费",
                   **{item: "公务接待费" for item in _RECEPTION}}


def _fact(spec: Spec, lb: Label, column: str, value: Decimal, src: Source, classes: dict[str, str],
          parent_class: str) -> Fact:
    common = {"章节": "表", "来源类型": "table", "表名": spec.name, "原文科目": lb.name}
    if spec.layout == "sangong":
        item, kind = column.split("|")
        return Fact("三公", item, kind, value, "万元", src, 上级科目=_SANGONG_PARENT.get(item, ""), **common)
    if spec.layout == "economic":
        if lb.code == "合计":  # the table's 合计 row: all of 基本支出
            return Fact("支出", "一般公共预算财政拨款基本支出", "金额", value, "万元", src, 口径="合计", **common)
        if lb.code.startswith(("人员经费", "公用经费")):
            name = lb.code[:4]
            return Fact("支出", name, "金额", value, "万元", src, 口径="经济分类", 上级科目="基本支出", **common)
        up = "" if len(lb.code) == 3 else parent_class
        return Fact("支出", squeeze(lb.name), "金额", value, "万元", src, 口径="经济分类", 上级科目=up, 科目编码=lb.code,
                    **common)
    if spec.layout == "twosided":
        base = _strip_enum(lb.name)
        fiscal = len(spec.columns) > 1
        if lb.side == "L":
            view = "收入"
            if lb.parent:
                name = f"年初{base}结转和结余"
            elif base == "总计":
                name = "财政拨款收入总计" if fiscal else "收入总计"
            elif base in FUNDS:
                name = base + "收入"
            elif fiscal and base == "本年收入合计":  # the 财政拨款 table's: this year's 财政拨款收入, not the department's
                name = "财政拨款收入"
            else:
                name = _TWOSIDED_NAMES.get(base, (base,))[0]
            scope = "合计" if name.endswith(("合计", "总计")) else "来源分类"
            return Fact(view, name, column, value, "万元", src, 口径=scope, **common)
        name = ("财政拨款支出总计" if fiscal else "支出总计") if base == "总计" else base
        if fiscal and base == "本年支出合计":  # this year's 财政拨款支出; 总计 adds the 年末结转和结余
            name = "财政拨款支出"
        is_class = name in CLASSES
        return Fact("支出", name, column, value, "万元", src, 口径="功能分类" if is_class else "合计",
                    类=name if is_class else "", **common)
    # coded
    if not lb.code:
        return Fact(spec.view, spec.total_name, column, value, "万元", src, 口径="合计", **common)
    lei = classes.get(lb.code[:3], "")
    kuan = classes.get(lb.code[:5], "") if len(lb.code) >= 5 else ""
    xiang = lb.name if len(lb.code) == 7 else ""
    return Fact(spec.view, lb.name, column, value, "万元", src, 口径="功能分类", 类=lei, 款=kuan, 项=xiang,
                科目编码=lb.code, **common)


def table_lines(blocks: Iterable[TableBlock]) -> set[int]:
    """Indexes of the lines that belong to tables (the narrative parser skips them)."""
    return {i for b in blocks for i in range(b.start, b.end)}
