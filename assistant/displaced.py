"""Parse stage, repair of displaced figures in a noisy extraction.

Some PDF extractors (pdfplumber's ``extract_text`` on these reports) move the numbers and quote marks
of a line onto a line of their own, leaving a space where each stood::

    上海市普陀区财政局 年度收入支出总计 万元。与 年度相比，收入
    2024 2995.39 2023

The moved tokens keep their left-to-right order, so they go back into the holes in order. A hole is a
space inside the line, or its start or end; a number fits a hole followed by its unit or punctuation
(``万元``, ``%``, ``年``, ``，``), a year one followed by ``年``, a quote mark one next to a word. The
repair is made only when exactly one placement fits every token; otherwise the tokens are dropped and
the line is reported, so a figure is never put back in the wrong place.
"""

from __future__ import annotations

import re
from itertools import combinations

from .model import Line

_TOKEN = re.compile(r"^(?:[-+]?\d[\d,]*(?:\.\d+)?%?|[“”\"‘’'])$")
_UNIT_NEXT = set("万元年月日个人辆批台套分家次项%，,。；;：:）)、")
_PCT_NEXT = set("，,。；;）)、")
_EXPECTS = set("为占的达计至比约到了是共")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def token_line(text: str) -> list[str] | None:
    parts = text.split()
    return parts if parts and all(_TOKEN.match(p) for p in parts) else None


def _fits(token: str, before: str, after: str) -> bool:
    """Can ``token`` stand between the characters ``before`` and ``after`` ("" at a line end)?"""
    if token in "“‘\"'":
        return bool(_CJK.match(after or "")) and after not in _UNIT_NEXT
    if token in "”’":
        return bool(_CJK.match(before or "")) and (not after or after not in _UNIT_NEXT)
    if not after:
        return before in _EXPECTS
    if token.endswith("%"):
        return after in _PCT_NEXT
    if re.fullmatch(r"(?:19|20)\d{2}", token):
        return after in "年"
    return after in _UNIT_NEXT


def repair(text: str, tokens: list[str]) -> str | None:
    """``text`` with ``tokens`` put back into its holes, or None when not exactly one placement fits."""
    holes = [0] + [i for i, ch in enumerate(text) if ch == " "] + [len(text)]
    holes = sorted(set(holes))
    if len(tokens) > 12 or len(holes) > 40:
        return None  # not a line of a report; never search that many placements
    fits = []
    for chosen in combinations(range(len(holes)), len(tokens)):
        ok = True
        for tok, h in zip(tokens, chosen, strict=True):
            pos = holes[h]
            is_space = pos < len(text) and text[pos] == " "
            before = text[pos - 1] if pos > 0 else ""
            after = text[pos + 1] if is_space and pos + 1 < len(text) else (text[pos] if pos < len(text) and not is_space else "")
            if not _fits(tok, before, after):
                ok = False
                break
        if ok:  # every space left empty must be an ordinary space, not a hole
            for h, pos in enumerate(holes):
                if h in chosen or pos >= len(text) or text[pos] != " ":
                    continue
                after = text[pos + 1] if pos + 1 < len(text) else ""
                if after in _UNIT_NEXT or after in "“”":
                    ok = False
                    break
        if ok:
            fits.append(chosen)
            if len(fits) > 1:
                return None
    if len(fits) != 1:
        return None
    out, last = [], 0
    for tok, h in zip(tokens, fits[0], strict=True):
        pos = holes[h]
        out.append(text[last:pos])
        out.append(tok)
        last = pos + 1 if pos < len(text) and text[pos] == " " else pos
    out.append(text[last:])
    return "".join(out)


def visible_holes(text: str) -> bool:
    """The line has a space where a figure belongs (``总计 万元``, ``占 ；``), or starts with what
    follows a figure (``万元。…``, ``、一般公共服务支出…``, ``；``)."""
    if text[:1] in _UNIT_NEXT:
        return True
    return any(text[i + 1] in _UNIT_NEXT for i, ch in enumerate(text[:-1]) if ch == " ")


def restore(lines: list[Line], skip: set[int]) -> tuple[list[Line], list[Line]]:
    """Lines with displaced tokens put back; the lines whose tokens could not be placed (reported)."""
    out = list(lines)
    failed: list[Line] = []
    prev = -1
    for i, ln in enumerate(lines):
        if i in skip or ln.text.lstrip(" ").startswith("\t"):  # tables; tab-led cells of the text form
            prev = -1
            continue
        if not ln.text.strip():
            continue
        tokens = token_line(ln.text.strip())
        if tokens is None or prev < 0:
            prev = i
            continue
        target = out[prev]
        text = target.text.strip()
        has_quote = any(t in "“”‘’\"'" for t in tokens)
        if not (has_quote or visible_holes(text)):
            prev = i
            continue  # an ordinary wrapped line (``…占本年支出合计的`` / ``100.00%。``)
        fixed = repair(text, tokens)
        if fixed is None:
            if any(t not in "“”‘’\"'" for t in tokens):
                failed.append(ln)
            out[i] = Line("", ln.no, ln.page)
            continue
        out[prev] = Line(fixed, target.no, target.page)
        out[i] = Line("", ln.no, ln.page)
    return out, failed
