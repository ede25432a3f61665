"""Stage 7 — render: ``Answer`` → text. Pure functions, one per format, in a registry; no colour here."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .engine import HIDDEN_COLS, fmt_number
from .model import Answer, Source
from .normalize import display_width


def simple_table(rows: list[list[str]], headers: list[str]) -> str:
    """tabulate's "simple" layout (left-aligned, two-space gaps, dashed rule), written here because importing
    tabulate (and wcwidth with it) costs about 25 ms on the start-up of every ``juesuan ask``."""
    widths = [max([display_width(h) + 2, *(display_width(r[i]) for r in rows)]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def _tabulate(rows: list[list[str]], headers: list[str], fmt: str) -> str:
    if fmt == "simple":
        return simple_table(rows, headers)
    from tabulate import tabulate  # markdown and raw SQL results only: not on the plain ask path

    return tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True)


def _visible(answer: Answer) -> tuple[list[str], list[list[Any]]]:
    keep = [i for i, c in enumerate(answer.columns)
            if c not in HIDDEN_COLS and any(r[i] is not None for r in answer.rows)]
    cols = [answer.columns[i] for i in keep]
    unit_at = answer.columns.index("计量单位") if "计量单位" in answer.columns else None
    rows = []
    for r in answer.rows:
        unit = str(r[unit_at] or "") if unit_at is not None else ""
        rows.append([fmt_number(r[i], answer.columns[i], unit if answer.columns[i] in ("值", "数量") else "")
                     for i in keep])
    return cols, rows


def _plain(v: Any) -> Any:
    """A Decimal without trailing zeros beyond two places (44.000000 → 44.00, 1.123400 → 1.1234)."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        d = v.normalize()
        return f"{d.quantize(Decimal('0.01')) if d.as_tuple().exponent > -2 else d:f}"  # type: ignore[operator]
    return v


def _json_value(v: Any) -> Any:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)
    if isinstance(v, (list, tuple)):
        return [_json_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _json_value(x) for k, x in v.items()}
    if v is None or isinstance(v, (int, float, str, bool)):
        return v
    return str(v)


def as_dict(answer: Answer) -> dict[str, Any]:
    cols = [c for c in answer.columns if c != "来源明细"]
    idx = [answer.columns.index(c) for c in cols]
    return {
        "question": answer.question,
        "status": answer.status,
        "question_type": answer.question_type,
        "params": {k: _json_value(v) for k, v in answer.params},
        "sql": answer.sql,
        "columns": cols,
        "rows": [[_json_value(r[i]) for i in idx] for r in answer.rows],
        "answer": answer.answer,
        "sources": [{"file": s.file, "page": s.page, "line": s.line, "text": s.text} for s in answer.sources],
        "suggestions": list(answer.suggestions),
        "warnings": list(answer.warnings),
    }


def _extras(answer: Answer, show_sql: bool, why: bool) -> list[str]:
    out = []
    if why:
        out.append(f"理解：问题类型 {answer.question_type or '（无）'}；参数 "
                   + "，".join(f"{k}={v}" for k, v in answer.params if v is not None))
        out.append("匹配：" + " ".join(answer.why))
    if show_sql and answer.sql:
        out.append("SQL：\n" + answer.sql.strip())
        out.append("参数：" + json.dumps({k: _json_value(v) for k, v in answer.params}, ensure_ascii=False))
    return out


def _each(answer: Answer, one: Callable[..., str], show_sql: bool, why: bool, heading: str) -> str:
    """会议费多少，比上年增长多少: each question of the line under its own heading, one after the other."""
    return "\n\n".join(heading.format(n=n, q=p.question) + "\n" + one(p, show_sql=show_sql, why=why)
                       for n, p in enumerate(answer.parts, 1))


def render_table(answer: Answer, show_sql: bool = False, why: bool = False) -> str:
    if answer.parts:
        return _each(answer, render_table, show_sql, why, "【{n}】{q}")
    parts = []
    if answer.understood:
        parts.append(answer.understood)
    if (answer.rows and answer.question_type != "帮助") or answer.question_type == "帮助":
        cols, rows = _visible(answer)
        if rows:
            parts.append(_tabulate(rows, cols, "simple"))
    parts.append(answer.answer)
    for w in answer.warnings:
        parts.append(f"⚠ {w}")
    if answer.sources:
        parts.append("来源：")
        parts.extend(f"  {s.label()}" for s in answer.sources)
    parts.extend(_extras(answer, show_sql, why))
    return "\n".join(parts)


def render_json(answer: Answer, show_sql: bool = False, why: bool = False) -> str:
    """One object; a line of several questions adds ``parts``, one object per question (the top level is the first
    answered one, with the sentences, sources and warnings of all)."""
    out = as_dict(answer)
    if answer.parts:
        out["parts"] = [as_dict(p) for p in answer.parts]
    return json.dumps(out, ensure_ascii=False)


def render_csv(answer: Answer, show_sql: bool = False, why: bool = False) -> str:
    """Raw, exact values for spreadsheets (amounts in 万元, percentages as numbers), each row with its source
    (文件 第N页 第M行：the sentence or table row) in a last column 来源. Several questions: one table each, a blank
    line between."""
    if answer.parts:
        return "\n\n".join(render_csv(p) for p in answer.parts)
    keep = [i for i, c in enumerate(answer.columns) if c not in ("来源明细", "来源")]
    cols = [answer.columns[i] for i in keep]
    rows = [[_plain(r[i]) for i in keep] for r in answer.rows]
    if "来源明细" in answer.columns:
        at = answer.columns.index("来源明细")
        cols.append("来源")
        for row, r in zip(rows, answer.rows, strict=True):
            given: list[dict[str, Any]] = list(r[at] or ())  # type: ignore[call-overload]
            row.append("；".join(dict.fromkeys(Source.of(s).label() for s in given)))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if cols:
        writer.writerow(cols)
        writer.writerows(rows)
    else:
        writer.writerow(["answer"])
        writer.writerow([answer.answer])
    return buf.getvalue().rstrip("\n")


def render_markdown(answer: Answer, show_sql: bool = False, why: bool = False) -> str:
    if answer.parts:
        return _each(answer, render_markdown, show_sql, why, "**{n}. {q}**\n")
    parts = []
    cols, rows = _visible(answer)
    if rows:
        parts.append(_tabulate(rows, cols, "github"))
        parts.append("")
    parts.append(answer.answer)
    if answer.sources:
        parts.append("")
        parts.extend(f"- 来源：{s.label()}" for s in answer.sources)
    return "\n".join(parts)


FORMATS: dict[str, Callable[..., str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}


def render(answer: Answer, fmt: str = "table", show_sql: bool = False, why: bool = False) -> str:
    return FORMATS[fmt](answer, show_sql=show_sql, why=why)


def render_rows(columns: tuple[str, ...], rows: list[tuple[Any, ...]], fmt: str = "table") -> str:
    """Raw SQL results (``juesuan sql``): values shown as DuckDB returns them, numbers exact."""
    if fmt == "json":
        return json.dumps([{c: _json_value(v) for c, v in zip(columns, r, strict=True)} for r in rows],
                          ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    table = [[_cell(v) for v in r] for r in rows]
    return _tabulate(table, list(columns), "github" if fmt == "markdown" else "simple")


def _cell(value: Any) -> str:
    """A table cell: a 来源明细 list of {file, page, line, text} as "文件 第N行" (the text is in 来源), not a dict."""
    if value is None:
        return ""
    if isinstance(value, list) and value and all(isinstance(x, dict) and "line" in x for x in value):
        return "；".join(f"{x.get('file', '')} 第{x['line']}行" for x in value)
    return str(value)
