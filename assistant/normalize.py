"""Text folding and number reading shared by the parser and the matcher."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

# Full-width ASCII digits, letters and a few signs fold to half-width; brackets fold to the
# full-width forms the Ministry template prints, so that 因公出国(境)费 and 因公出国（境）费 are one name.
_FOLD: dict[int, int | str] = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
for _ch in "（）：，；。、！？【】《》“”":
    _FOLD.pop(ord(_ch), None)
_FOLD.update({ord("("): "（", ord(")"): "）", 0x3000: " ", 0xA0: " ", 0x2002: " ", 0x2003: " "})
_FOLD.update({ord("－"): "-", ord("—"): "—", ord("．"): "."})

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9, "两": 2}


def fold(text: str) -> str:
    """Full-width digits/letters → half-width, brackets → full-width, odd spaces → plain space."""
    return text.translate(_FOLD)


_NUM = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?$")


def to_decimal(text: str) -> Decimal | None:
    """``'2,940.05'`` → Decimal('2940.05'); ``'100.00%'`` → Decimal('100.00'); otherwise None.

    Thousands separators must sit in groups of three (``1,2.3`` is not a number).
    """
    s = fold(text).strip().replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    if not _NUM.match(s):
        return None
    if "," in s and not re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


_RUN = re.compile(r"(?<![\d.,A-Za-z])\d+(?:[.,。]+\d+)+(?![\d.,]?\d)")
_WELL_FORMED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{4}\.\d{1,2}\.\d{1,2}")  # 2025.1.1 is a date
_CN_AMOUNT = re.compile(r"[零一二三四五六七八九十两]+[十百千万亿][零一二三四五六七八九十百千万亿两]*(?:万元|元)")


def malformed_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of figures that cannot be read exactly: ``1,2.3``, ``12。5``, ``44.0.0``, ``一百万元``.

    The parser leaves a sentence touching one unplaced rather than read a wrong figure out of it.
    """
    t = fold(text)
    spans = [m.span() for m in _RUN.finditer(t) if not _WELL_FORMED.fullmatch(m.group(0))]
    return spans + [m.span() for m in _CN_AMOUNT.finditer(t)]


def cn_year(text: str) -> str:
    """二〇二四 → 2024 (only runs of four Chinese digits followed by 年)."""

    def rep(m: re.Match[str]) -> str:
        return "".join(str(CN_DIGITS[c]) for c in m.group(1)) + "年"

    return re.sub(r"([〇零○一二三四五六七八九]{4})\s*年", rep, text)


def squeeze(text: str) -> str:
    """Remove all white space (hard line breaks in PDFs put spaces inside words and numbers)."""
    return re.sub(r"\s+", "", text)


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (汉字, full-width punctuation) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_LEVEL = re.compile(r"(?:省|自治区|市|州|盟|区|县|旗)委?")


@functools.cache
def unit_short_forms() -> tuple[tuple[str, str], ...]:
    """data/unit_short.tsv: the words of department names people shorten, and their short forms."""
    from .lexicon import data_dir, tsv_rows

    return tuple((r[0], r[1]) for r in tsv_rows(data_dir() / "unit_short.tsv") if len(r) >= 2 and r[0] and r[1])


def unit_aliases(name: str) -> list[str]:
    """Short forms of a department name: without its region prefix, and common abbreviations."""
    out = [name]
    rest = re.sub(r"^中共", "", name)
    levelled = []
    start = 0  # where the current place name starts
    for m in _LEVEL.finditer(rest):
        place, tail = rest[start:m.start()], rest[m.end():]
        if len(place) < (1 if m.group(0)[0] == "县" else 2) or len(tail) < 2 or len(place) > 8:
            # 湖州市: 州 after one character is part of the place, not its level; 区市场监督管理局: no place;
            # 沛县, 丰县: a county of one character
            continue
        out.append(tail)
        levelled.append(m.group(0) + tail)  # 区财政局, 区委社会工作部: the level of government kept
        if m.group(0).endswith("委"):
            levelled.append(m.group(0)[:-1] + tail)  # 区社会工作部: the 委 left out
        levelled.append(place + tail)  # 普陀财政局, 德清教育局: the place without its level
        start = m.end()
    out += levelled
    # 宜昌市西陵区人民政府云集街道办事处: the office under the government is named without it
    out += [office for f in out if len(office := f.partition("人民政府")[2]) >= 4]
    # 政协齐齐哈尔市龙沙区委员会办公室: people say 龙沙区政协办公室, 区政协, 龙沙区政协
    cppcc = re.match(r"^政协(.{2,20}?)委员会(.*)$", name)
    if cppcc:
        out += [f for whole in (f"{cppcc.group(1)}政协{cppcc.group(2)}", f"{cppcc.group(1)}政协") if whole != name
                for f in unit_aliases(whole)]
    for full, short in unit_short_forms():  # data/unit_short.tsv: 发展和改革委员会 → 发改委, 工商业联合会 → 工商联
        for form in list(out):
            if full in form:
                out.append(form.replace(full, short))
    return list(dict.fromkeys(out))
