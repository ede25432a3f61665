"""Stage 2 — parse: ``Document`` → ``Report``.

Finds the title (单位, 年度, kind; 预算 documents and the blank template are refused by name), hands
the nine 公开表 to ``tables``, puts figures a noisy extraction moved onto their own line back in place
(``displaced``), walks the template's parts and numbered sections to know what each sentence is
about, joins hard-wrapped lines (also across page breaks) into sentences, and hands sentences to
``narrative`` and tab-led table rows to ``selfeval`` (绩效自评表). Finally ``crosscheck`` compares
the narrative's figures with the tables' (recorded for the audit, never used to change a value; a
table row left open by its own arithmetic may be placed by narrative figures, only when exactly one
placement fits them, and that use is recorded as a 正文定列 note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .crosscheck import cross_check
from .displaced import restore
from .lexicon import Lexicon
from .model import Document, Fact, Indicator, JuesuanError, Line, Passage, Report, Source, Term, Unplaced
from .narrative import SPECIFIC_TOPICS, Context, NarrativeParser, figures
from .normalize import cn_year, fold, malformed_numbers, squeeze
from .selfeval import find_row_tables, parse_selfeval
from .tables import PAGE_NUMBER, find_tables, parse_tables, table_lines

_NOISE = re.compile(r"\[(?:bookmark|image)[^\]]*\]|PAGEREF\s*_Toc\d+\s*\\?h?\s*\d*")
_LIST_LEAD = re.compile(r"^[^；;。]*?(?:主要用于以下方面|主要用于|其中|主要包括|具体包括|分别为|分别是)[：:]")
_PAGE_NO = re.compile(rf"^\s*(?:{PAGE_NUMBER.pattern}|\d{{1,3}})\s*$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\))")
# the next entry of an enumerated reason ("…；二是…", "…；2.…")
_NEXT_REASON = re.compile(r"^\s*(?:[二三四五六七八九]是|其次|再次|另外|此外|（[二三四五六七八九]）|[2-9][.、．](?!\d))")
_SENT_END = ("。", "；", "：", "！", "？", ":")

# section title keyword → topic, most specific first
_TOPICS = (
    ("名词解释", "名词"),
    ("三公", "三公"),
    ("机关运行", "机关运行"),
    ("政府采购", "采购"),
    ("国有资产", "资产"),
    ("资产占", "资产"),
    ("绩效", "绩效"),
    ("政府性基金", "基金"),
    ("国有资本经营", "国资"),
    ("基本支出", "基本支出"),
    ("一般公共预算财政拨款支出", "一般公共预算"),
    ("财政拨款收入支出", "财政拨款"),
    ("收入支出决算总体", "总体"),
    ("收入决算", "收入"),
    ("支出决算", "支出"),
    ("收入情况", "收入"),
    ("支出情况", "支出"),
    ("机构设置", "机构"),
    ("单位构成", "机构"),
    ("人员", "机构"),
    ("部门职责", "职责"),
    ("主要职能", "职责"),
    ("机构职能", "职责"),
    ("机构组成", "机构"),
    ("重点工作", "职责"),
    ("部门概况", "职责"),
    ("基本情况", "机构"),
)
_MAIN_SECTION = re.compile(r"^[一二三四五六七八九十]+、")
OUT_OF_SCOPE = {"职责", "名词"}  # descriptive text: figures there are not report facts


@dataclass(frozen=True)
class Title:
    单位: str
    年度: int
    类型: str


def find_title(lines: tuple[Line, ...], name: str) -> Title:
    """单位, 年度 and kind from the cover: ``××2024年度部门决算`` in any wrapping (the year may stand on
    a line of its own, as some extractions put it). The kind is read first, so a 预算 is named as one
    even when its cover has no year."""
    head = []
    for line in lines[:40]:
        t = _NOISE.sub("", line.text).strip()
        if not t or _PAGE_NO.match(t):
            continue
        if t.startswith(("目录", "目 录")) or _PART.match(t):
            break
        head.append(t)
        if len(head) >= 6:
            break
    text = cn_year(squeeze(fold("".join(head))))
    m = re.search(r"(部门|单位)(决算|预算)", text)
    if not m:
        kind = _kind_from_tables(lines)
        if kind:
            return Title("", 0, kind)
        if re.search(r"决算|预算", text):
            raise JuesuanError(f"{name}：标题中找不到“部门决算”或“单位决算”字样，无法识别报告类型")
        raise JuesuanError(f"{name}：这不像一份部门决算报告（开头没有“××年度××部门决算”标题）")
    kind = m.group(1) + m.group(2)
    year_m = re.search(r"(\d{4})年", text) or re.search(r"(?<!\d)(20\d{2})(?!\d)", text)
    year = int(year_m.group(1)) if year_m else 0
    unit = text[: m.start()]
    unit = re.sub(r"\d{4}年度?|\d{4}", "", unit)
    unit = re.sub(r"(?:年度|年|区级|市级|县级|省级)+$", "", unit).strip("（）() ")
    if kind.endswith("预算"):
        return Title(unit, year, kind)
    if not year:
        raise JuesuanError(f"{name}：标题“{text[: m.end()]}”中没有年度，无法确定报告年度")
    if not unit:
        raise JuesuanError(f"{name}：标题“{text[: m.end()]}”中没有单位名称")
    if re.search(r"XX|××|xx|＊＊|\*\*", unit):
        raise JuesuanError(f"{name}：这是决算公开模板（单位名称为“{unit}”），不是一份报告")
    return Title(unit, year, kind)


def _kind_from_tables(lines: tuple[Line, ...]) -> str:
    """A volume of tables without a cover: its kind from the table titles (``收支预算总表`` …)."""
    text = squeeze(fold("".join(ln.text for ln in lines[:2000])))
    budget = len(re.findall(r"预算(?:总)?表", text))
    final = len(re.findall(r"决算(?:总)?表", text))
    unit = "单位" if re.search(r"单位(?:预算|决算)|预算单位：", text) and not re.search(r"部门：", text) else "部门"
    if budget > final and budget >= 3:
        return unit + "预算"
    if final > budget and final >= 3:
        return unit + "决算"
    return ""


def _topic(title: str) -> str | None:
    for key, topic in _TOPICS:
        if key in title:
            return topic
    return None


def _without_running_heads(lines: list[Line], title: Title) -> list[Line]:
    """A PDF's page header (the report's title printed again atop every page, ``安庆市市场监督管理局2023年度部门决算``)
    blanked: glued to the row or sentence above, it became part of its name (总计安庆市…部门决算). Only a line that is
    the title and nothing else, printed three times or more."""
    heads = {squeeze(fold(f"{title.单位}{title.年度}{y}{kind}"))
             for y in ("年度", "年") for kind in (title.类型, "部门决算", "单位决算")}
    seen = [i for i, ln in enumerate(lines) if squeeze(fold(ln.text)) in heads]
    if len(seen) < 3:
        return lines
    return [Line("", ln.no, ln.page, ()) if i in seen[1:] else ln for i, ln in enumerate(lines)]


def parse(doc: Document, lexicon: Lexicon) -> Report:
    title = find_title(doc.lines, doc.name)
    if title.类型.endswith("预算"):
        raise JuesuanError(f"{doc.name}：这是一份{title.类型}报告；目前只支持部门决算/单位决算，预算报告将在后续版本支持")
    lines = _without_running_heads([Line(_NOISE.sub("", ln.text), ln.no, ln.page, ln.boxes) for ln in doc.lines], title)
    blocks = find_tables(lines, title.单位)
    row_tables = find_row_tables(lines, table_lines(blocks))  # 绩效自评表 a PDF printed a row per line
    in_table = table_lines(blocks) | row_tables.lines
    table_lines_read = lines
    lines, displaced = restore(lines, in_table)
    narrative = NarrativeParser(lexicon, doc.name)
    terms: list[Term] = []
    skipped: list[Source] = []
    ctx = Context(title.单位, title.年度, "职责", "正文")
    tables: list[list[tuple[list[str], Line]]] = [list(b) for b in row_tables.blocks]
    paragraph: list[Line] = []
    seen_part2 = False
    roster = False
    listing = False  # the roster follows a paragraph that announces it
    main_topic: str | None = None  # the topic of the enclosing "一、" section

    passages: list[Passage] = []
    heading, main_heading = "", ""

    def flush() -> None:
        if paragraph:
            text = "".join(ln.text.strip() for ln in paragraph)
            passages.append(Passage(heading, main_heading, ctx.chapter,
                                    Source(doc.name, paragraph[0].no, text, paragraph[0].page)))
            _paragraph(paragraph, ctx, narrative, terms, doc.name)
            paragraph.clear()

    i = 0
    row_block: list[tuple[list[str], Line]] = []
    while i < len(lines):
        ln = lines[i]
        raw = ln.text
        if i in in_table:  # the 公开表 are read by ``tables``
            flush()
            i += 1
            continue
        if raw.lstrip(" ").startswith("\t"):
            flush()
            cells, j = [], i
            while j < len(lines) and lines[j].text.lstrip(" ").startswith("\t"):
                cells.append(lines[j].text.lstrip(" ")[1:].strip())
                j += 1
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                if "绩效自评表" in cells[0] and len(cells) == 1 and row_block:
                    tables.append(row_block)
                    row_block = []
                row_block.append((cells, ln))
            i = j
            continue
        if row_block and raw.strip():
            tables.append(row_block)
            row_block = []
        text = raw.strip().strip("\t")
        i += 1
        if not text or _PAGE_NO.match(text):
            continue
        if "\t" in text:  # chart data left behind by the word processor: derived, not stated
            flush()
            skipped.append(Source(doc.name, ln.no, text.replace("\t", " "), ln.page))
            continue
        if re.search(r"(?:…{2,}|\.{4,}|·{4,})\s*\d{1,3}\s*$", text):
            flush()  # a 目录 entry with dotted leaders and its page number
            skipped.append(Source(doc.name, ln.no, text, ln.page))
            continue
        if re.match(r"^序号\s*单位名称", text) or (roster and re.match(r"^\d{1,2}(?:\s|$)|^[^\d，。；]*(?:（[^）]*）)?$", text)):
            flush()  # the roster of units (序号 单位名称 备注): numbering, not figures
            if not roster:  # "…编制范围的单位包括：" keeps the list after it, row after row (for 部门说明)
                listing = bool(passages) and passages[-1].source.text.rstrip().endswith(("：", ":"))
            elif listing:
                last = passages[-1]
                said = re.sub(r"\s+", " ", text).strip()
                sep = "；" if last.source.text[-1] not in "：:" and re.match(r"\d", said) else ""
                passages[-1] = replace(last, source=replace(last.source, text=last.source.text + sep + said))
            roster = True
            skipped.append(Source(doc.name, ln.no, text, ln.page))
            continue
        roster = False
        if re.match(r"^(?:单元[：:]|[（(]?图\s*\d+\s*[：:])", text):  # a chart's caption or data
            flush()
            skipped.append(Source(doc.name, ln.no, text, ln.page))
            continue
        head = _heading(text)
        if re.match(r"^附[表件]\s*\d*\s*[：:]\S{2,40}$", text):  # "附表：部门预算项目支出绩效自评表（2024年度）"
            flush()  # the caption of what follows, not a paragraph of the section above (改进建议)
            heading = _heading_name(text)
            skipped.append(Source(doc.name, ln.no, text, ln.page))
            continue
        if head == "section" and ctx.topic == "名词" and re.match(r"^[一二三四五六七八九十\d]+[、.．]\s*[^：:]{1,30}[：:]", text):
            flush()  # "七、基本支出：指单位为保障…" wrapped short: a term, not a section
            head = None
        if head:
            flush()
            if _PART.match(text):
                seen_part2 = seen_part2 or not text.startswith("第一部分")
                # "第五部分 附件" in the 目录 is followed by "第一部分 …" again: only the part it heads is 附件
                ctx.chapter = "附件" if "附件" in text else "正文"
            topic = _topic(re.split(r"[：:]", text, maxsplit=1)[0] if head == "title-with-figures" else text)
            heading = _heading_name(text)
            if _MAIN_SECTION.match(text) or head == "part":
                main_topic = topic
                main_heading = heading
            elif main_topic in SPECIFIC_TOPICS and topic in (None, "支出", "收入", "总体"):
                topic = main_topic  # "（3）公务接待费支出情况" inside the 三公 section stays 三公
            ctx.topic = topic or "概况"
            ctx.fund = "一般公共预算" if "一般公共预算财政拨款" in text else ""
            ctx.subject, ctx.parent, ctx.func, ctx.orphan, ctx.scope, ctx.headed = [], "", None, False, None, False
            ctx.recent, ctx.gapped = [], []  # a new section carries over no side nor gap of the one before
            named = "" if _MAIN_SECTION.match(text) or head != "section" else narrative.heading_item(text)
            if named:  # "（三）公务接待费" then "支出决算为3万元": that item's, never the year's total
                ctx.subject, ctx.headed = [named], True
            if head == "title-with-figures":
                paragraph.append(ln)
            continue
        if re.match(r"^附件\s*\d*$", text):
            flush()
            ctx.chapter = "附件"
            continue
        paragraph.append(Line(text, ln.no, ln.page))
        if text.endswith(_SENT_END[:2]) or text.endswith("。"):
            flush()
    flush()
    if row_block:
        tables.append(row_block)

    # the tables are read after the narrative: a row that every identity of its table leaves open may be settled
    # by the figures the narrative states — only when exactly one placement fits, and recorded as 正文定列
    tabled = parse_tables(table_lines_read, blocks, doc.name, stated=narrative.facts)
    projects, funds, table_unplaced, table_rows = [], [], [], 0
    indicators: list[Indicator] = []
    for block in tables:
        parsed = parse_selfeval(block, doc.name)
        projects.extend(parsed.projects)
        funds.extend(parsed.funds)
        table_unplaced.extend(parsed.unplaced)
        for ind in parsed.indicators:
            if _NOT_INDICATOR.search(ind.一级指标):
                table_unplaced.append(Unplaced(f"自评表中“{ind.一级指标}”一栏的行不是绩效指标，未作为指标读入", ind.source))
            else:
                indicators.append(ind)
        table_rows += parsed.numbered_rows
    financial = any(f.表 in ("收入", "支出", "三公") for f in narrative.facts) or projects or tabled.facts
    if not seen_part2 and not financial:
        raise JuesuanError(f"{doc.name}：报告不完整（只有第一部分部门概况，没有决算情况说明或决算表）")
    if not narrative.facts and not projects and not tabled.facts:
        raise JuesuanError(f"{doc.name}：没有找到任何决算数字，文件可能不完整或不是决算报告")
    facts, conflicting = _without_conflicts([*tabled.facts, *_totals_change_together(narrative.facts)])
    return Report(
        title.单位,
        title.年度,
        title.类型,
        doc,
        facts,
        tuple(projects),
        tuple(funds),
        tuple(indicators),
        tuple(terms),
        tuple(tabled.unplaced) + tuple(narrative.unplaced) + tuple(table_unplaced) + conflicting + tuple(
            Unplaced("数字与文字在提取时错位，无法可靠还原到句中", Source(doc.name, ln.no, ln.text.strip(), ln.page))
            for ln in displaced),
        narrative.numbered + table_rows + tabled.rows + len(displaced),
        tuple(skipped),
        tuple(tabled.discrepancies) + tuple(narrative.discrepancies)
        + tuple(cross_check(tuple(tabled.facts) + tuple(narrative.facts))),
        tuple(passages),
    )


# a 自评表 row under 项目资金（万元） or 年度总体目标 read as an indicator (年初预算数 | 全年预算数 | 全年执行数 as its
# target and result, 1200.00 as its name): the template's indicator levels are 产出/效益/满意度/成本… 指标
_NOT_INDICATOR = re.compile(r"资金|预算|目标")
_TOTALS = ("收入总计", "支出总计")
_CHANGE = ("增减额", "增减率", "上年金额")


def _totals_change_together(facts: list[Fact]) -> list[Fact]:
    """收入总计3,377.83万元、支出总计3,377.83万元，较上年增加189.68万元: the change read onto the last item named is
    the other total's too — the template makes 收入总计 equal 支出总计 in every year, so their changes are equal."""
    out = list(facts)
    by_line: dict[tuple[str, int, str], list[Fact]] = {}
    for f in facts:
        by_line.setdefault((f.source.file, f.source.line, f.source.text), []).append(f)
    for same in by_line.values():
        amounts = {f.科目: (f.数值, f.口径) for f in same if f.科目 in _TOTALS and f.属性 == "金额"}
        if len(amounts) != 2 or len(set(amounts.values())) != 1:
            continue
        changes = {t: {f.属性: f for f in same if f.科目 == t and f.属性 in _CHANGE} for t in _TOTALS}
        told, other = (_TOTALS if changes[_TOTALS[0]] else _TOTALS[::-1])
        if changes[told] and not changes[other]:
            table = "支出" if other == "支出总计" else "收入"
            out += [replace(f, 表=table, 科目=other, 原文科目=other) for f in changes[told].values()]
    return out


def _without_conflicts(facts: list[Fact]) -> tuple[tuple[Fact, ...], tuple[Unplaced, ...]]:
    """One item in one place with two different figures for one column and unit (自评得分 96.20, 86.50, 92.00 from three
    projects' summaries; 共涉及项目 3 and 721.35 from 共涉及项目3个，资金721.35万元): which one is the department's
    cannot be told, so none is kept, and each line is reported as not read."""
    def key(f: Fact) -> tuple[str, ...]:
        return f.表, f.口径, f.类, f.款, f.项, f.科目, f.章节, f.来源类型, f.表名, f.属性, f.计量单位

    figures: dict[tuple[str, ...], set[Decimal]] = {}
    for f in facts:
        if f.数值 is not None:
            figures.setdefault(key(f), set()).add(f.数值)
    torn = {k: v for k, v in figures.items() if len(v) > 1}
    if not torn:
        return tuple(facts), ()
    kept = tuple(f for f in facts if f.数值 is None or key(f) not in torn)
    said = {k: "、".join(format(v.normalize(), "f") for v in sorted(vs)) for k, vs in torn.items()}
    dropped = tuple(Unplaced(f"“{f.科目}”在同一处有几个不同的数字（{said[key(f)]}），无法确定哪个是本部门的", f.source)
                    for f in facts if f.数值 is not None and key(f) in torn)
    return kept, tuple(dict.fromkeys(dropped))


def _heading_name(text: str) -> str:
    """``（二）存在问题。`` → ``存在问题``: a heading without its numbering and final punctuation."""
    name = re.sub(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
                  r"|\d+[、.．])\s*", "", text.strip())
    return name.rstrip("。．.：:；; ").strip()


def _heading(text: str) -> str | None:
    if _PART.match(text):
        return "part"
    if re.search(r"[（(][类款项][）)]", text) and not re.search(r"情况|说明|分析|级科目", text):
        return None  # "（1）财政事务（款）行政运行（项）": an entry of the section's 功能分类 list, read with its figures
    if not figures(text) and ((re.search(r"[；;]", text) and len(text) > 20) or (re.search(r"[，,]", text) and len(text) > 25)):
        return None  # "（一）贯彻执行…法律、法规、规章和方针、政策；研": an item of a list, wrapped, not a heading
    listed = re.match(r"^[（(][一二三四五六七八九十\d]+[）)]", text) and text.endswith("。") and len(text) > 14
    if listed and not figures(text) and not re.search(r"(?:情况|说明|分析|对比)。$", text):
        return None  # "（十二）完成区委、区政府交办的其他任务。": a sentence of a list
    if _SECTION.match(text) and not figures(text) and (
            (len(text) <= 40 and not text.endswith("。")) or len(text) <= 20
            or (len(text) <= 40 and re.search(r"(?:情况|说明|分析|对比)。$", text))):  # "一、…支出总体情况说明。"
        return "section"
    if re.match(r"^（?\d+）\s*\S", text) and len(text) <= 30 and not figures(text):
        return "section"
    if re.match(r"^\d+[.、．]\s*\S", text) and len(text) <= 40 and not figures(text) and re.search(
            r"(?:情况|说明|分析|对比)[。：:]?$", text):  # "2.“三公”经费财政拨款支出决算具体情况说明"
        return "section"
    head = re.match(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)([^：:，。]{2,20}?(?:情况|说明))[：:]",
                    text)
    if head and figures(text) and not figures(head.group(0)):  # "（四）绩效目标完成情况：培训人数500人次…"
        return "title-with-figures"
    return None


def _paragraph(lines: list[Line], ctx: Context, narrative: NarrativeParser, terms: list[Term], file: str) -> None:
    """Join hard-wrapped lines, cut into sentences, and parse each with the source line it starts on."""
    text = ""
    starts: list[tuple[int, Line]] = []
    for ln in lines:
        piece = ln.text.strip()
        if text and re.search(r"[\d.,]$", text) and re.match(r"^[\d.,]", piece):
            pass  # a number broken over two lines joins without a space
        starts.append((len(text), ln))
        text += piece
    if ctx.topic == "名词":
        m = re.match(r"^[一二三四五六七八九十\d]+[、.．]\s*(.+?)[：:](.+)$", text)
        if m:
            terms.append(Term(m.group(1).strip(), m.group(2).strip(), Source(file, lines[0].no, text, lines[0].page)))
        return
    if ctx.topic in OUT_OF_SCOPE:
        return
    text = re.sub(r"(\d\.\d+),(?=\d)", r"\1、", text)  # "各是4125.49,4143.91万元": a list (no thousands after a point)
    bad = malformed_numbers(text)
    pieces: list[tuple[int, int]] = []
    for m in re.finditer(r"[^。；！？]+[。；！？]?", text):
        said = text[pieces[-1][0]: pieces[-1][1]] if pieces else ""
        more = _NEXT_REASON.match(m.group(0)) and not re.search(r"（[类款项]）", m.group(0))
        if said.endswith(("；", ";")) and "原因" in said and "原因" not in m.group(0) and (more or not figures(m.group(0))):
            # "主要原因：一是…；二是新增项目支出10万元。": one reason, not cut at the first ；, its figures part of it
            pieces[-1] = (pieces[-1][0], m.end())
        else:
            pieces.append((m.start(), m.end()))
    carried = ""  # "2023年度，收入总计…；支出总计…" in a 2024 report: the year led the whole sentence, not its first part
    list_lead = ""
    for start, end in pieces:
        sentence = text[start:end].strip()
        if not sentence:
            continue
        lead = re.match(r"(\d{4})\s*年度?[，,]?", sentence)
        said = sentence if lead or not carried else carried + sentence
        if not sentence.endswith(("；", ";")):
            carried = ""
        elif lead:  # a year of its own leads what follows the ；, unless it is the report's year
            carried = lead.group(0) if int(lead.group(1)) != ctx.year else ""
        line = max((s for s in starts if s[0] <= start), key=lambda s: s[0])[1]
        # "城乡社区支出540.00万元，占15.56%；" in a list after "一般公共预算财政拨款支出3470.30万元，主要用于以下方面：":
        # its source shows that lead, which says whose part it is and what its share is of
        src = Source(file, line.no, f"{list_lead}……{sentence}" if list_lead else sentence, line.page)
        opened = _LIST_LEAD.match(sentence)
        if not sentence.endswith(("；", ";")):
            list_lead = ""
        elif opened:
            list_lead = opened.group(0)
        if any(a < end and start < b for a, b in bad):  # never read a wrong figure out of 1,2.3 / 12。5
            narrative.unplaced.append(Unplaced("数字格式有误", src))
            continue
        if narrative.functional_line(said, ctx, src):
            continue
        narrative.sentence(said, ctx, src)

