"""Audit (勾稽关系): run the rule files in ``sql/checks/`` over the public views → ``Finding``s.

Each rule is one complete DuckDB query with a leading ``--`` comment header (see
``sql/checks/README.md``). It returns one row per finding with the columns 单位, 年度, 说明, 数值,
来源明细 and optionally 规则, 级别, 报告ID. This module only runs the files, applies the one
severity policy that cannot live in SQL (below), stores findings and renders them.

Tolerance policy (documented once, in ``sql/checks/README.md``; every rule follows it):
amounts are printed to 0.01 万元, so a sum may differ from its printed total by up to ±0.01 万元 per
summed item; a percentage may differ from its recomputation by half a unit of its last printed digit
plus what the recomputation inherits from amounts rounded to 0.01 万元. A difference inside that
margin is at most a 提示; outside it the rule's 错误 or 警告.

Loader certainty: a 错误 whose figures come from a line the loader could not fully place (the line is
listed in 未识别) is lowered to 警告 here, so that no 错误 rests on a figure the loader was unsure of.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from .model import JuesuanError
from .normalize import display_width

LEVELS = ("错误", "警告", "提示")
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}
_HEADER_KEYS = {"标题": "title", "检查": "checks", "级别": "level", "容差": "tolerance", "示例": "example"}

FINDINGS_DDL = """
CREATE TABLE IF NOT EXISTS findings(
  报告ID INTEGER, 级别 VARCHAR, 规则 VARCHAR, 单位 VARCHAR, 年度 INTEGER, 说明 VARCHAR, 数值 VARCHAR, 来源 VARCHAR)
"""


@dataclass(frozen=True)
class Rule:
    id: str  # the file stem
    title: str
    checks: str
    level: str  # default severity of its findings
    tolerance: str
    example: str
    sql: str
    path: Path


@dataclass(frozen=True)
class Finding:
    level: str  # 错误 / 警告 / 提示
    rule: str
    unit: str
    year: int
    message: str
    values: dict[str, Any]
    sources: tuple[dict[str, Any], ...]  # {file, page, line, text}, ordered by line

    def as_dict(self) -> dict[str, Any]:
        return {"level": self.level, "rule": self.rule, "unit": self.unit, "year": self.year,
                "message": self.message, "values": self.values, "sources": [dict(s) for s in self.sources]}


# ---- rules -------------------------------------------------------------------------------------


def rules_dir() -> Path:
    """``sql/checks`` of the checkout, or the copy bundled into an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled" / "sql" / "checks", here.parent / "sql" / "checks"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("找不到 sql/checks 目录（安装不完整）")


def parse_header(text: str) -> dict[str, str]:
    """The leading ``-- 键：值`` comment lines; a comment line without a known key continues the last key."""
    out: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("--"):
            break
        body = stripped[2:].strip()
        m = re.match(r"^(\S+?)\s*[：:]\s*(.*)$", body)
        if m and m.group(1) in _HEADER_KEYS:
            key = _HEADER_KEYS[m.group(1)]
            out[key] = m.group(2).strip()
        elif key and body:
            out[key] += body  # Chinese text continues without a space
    return out


def load_rule(path: Path) -> Rule:
    text = path.read_text(encoding="utf-8")
    head = parse_header(text)
    missing = [k for k, v in _HEADER_KEYS.items() if v not in head and k != "示例"]
    if missing:
        raise JuesuanError(f"{path.name}：注释头缺少 {'、'.join(missing)}")
    if head["level"] not in LEVELS:
        raise JuesuanError(f"{path.name}：级别“{head['level']}”应为 错误、警告 或 提示")
    return Rule(path.stem, head["title"], head["checks"], head["level"], head["tolerance"], head.get("example", ""),
                text, path)


def load_rules(directory: str | Path | None = None) -> list[Rule]:
    """Every ``*.sql`` rule in the directory (default: ``sql/checks``), ordered by id."""
    d = Path(directory) if directory is not None else rules_dir()
    return [load_rule(p) for p in sorted(d.glob("*.sql"))]


# ---- running -----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """DuckDB result values → plain JSON-able Python values (Decimals kept exact, trailing zeros dropped)."""
    if isinstance(value, Decimal):
        return _trim(value)
    if isinstance(value, float):
        return _trim(Decimal(repr(value)))
    if isinstance(value, dict):
        if set(value) == {"key", "value"} and isinstance(value["key"], list):  # a MAP
            return {str(k): _plain(v) for k, v in zip(value["key"], value["value"], strict=True)}
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _trim(d: Decimal) -> Decimal:
    if not d.is_finite():
        return d
    n = d.normalize()
    return n.quantize(Decimal(1)) if n.as_tuple().exponent > 0 else n  # type: ignore[operator]


def _values(raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if isinstance(raw, str):
        parsed = json.loads(raw, parse_float=Decimal, parse_int=Decimal)
        return _plain(parsed) if isinstance(parsed, dict) else {"值": _plain(parsed)}
    plain = _plain(raw)
    return plain if isinstance(plain, dict) else {"值": plain}


def _sources(raw: Any) -> tuple[dict[str, Any], ...]:
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for s in raw or []:
        if s is None:
            continue
        item = {"file": s.get("file") or "", "page": int(s.get("page") or 0), "line": int(s.get("line") or 0),
                "text": s.get("text") or ""}
        seen.setdefault((item["file"], item["page"], item["line"], item["text"]), item)
    return tuple(sorted(seen.values(), key=lambda s: (s["file"], s["page"], s["line"])))  # stable: text order kept


def _unsure_lines(con: duckdb.DuckDBPyConnection) -> set[tuple[str, int]]:
    try:
        rows = con.execute("SELECT DISTINCT 文件, 行 FROM unplaced").fetchall()
    except duckdb.CatalogException:
        return set()
    return {(f, int(n)) for f, n in rows}


def _run(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule] | None = None) -> list[tuple[int | None, Finding]]:
    rules = load_rules() if rules is None else rules
    unsure = _unsure_lines(con)
    out: list[tuple[int | None, Finding]] = []
    for rule in rules:
        try:
            cur = con.execute(rule.sql)
            cols = [d[0] for d in cur.description or []]
            rows = cur.fetchall()
        except duckdb.Error as e:
            raise JuesuanError(f"规则 {rule.id}（{rule.path.name}）运行失败：{e}") from e
        need = {"单位", "年度", "说明", "数值", "来源明细"} - set(cols)
        if need:
            raise JuesuanError(f"规则 {rule.id}：查询结果缺少列 {'、'.join(sorted(need))}")
        for row in rows:
            rec = dict(zip(cols, row, strict=True))
            level = rec.get("级别") or rule.level
            if level not in LEVELS:
                raise JuesuanError(f"规则 {rule.id}：级别“{level}”应为 错误、警告 或 提示")
            sources = _sources(rec["来源明细"])
            if level == "错误" and any((s["file"], s["line"]) in unsure for s in sources):
                level = "警告"
            finding = Finding(level, rec.get("规则") or rule.id, rec["单位"], int(rec["年度"]), rec["说明"],
                              _values(rec["数值"]), sources)
            rid = rec.get("报告ID")
            out.append((int(rid) if rid is not None else None, finding))
    out.sort(key=lambda p: _order(p[1]))
    return out


def _order(f: Finding) -> tuple[Any, ...]:
    first = f.sources[0]["line"] if f.sources else 0
    return (f.unit, f.year, _RANK[f.level], first, f.rule, f.message)


def run_checks(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Every rule over every loaded report, ordered by report, severity and line."""
    return [f for _, f in _run(con, rules)]


# ---- the findings table ------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(type(value).__name__)


def to_json(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default, indent=indent)


def refresh_findings(con: duckdb.DuckDBPyConnection, report_id: int | None = None,
                     rules: Sequence[Rule] | None = None) -> list[Finding]:
    """(Re)compute findings and store them in the base table ``findings``; returns the stored findings.

    With ``report_id`` only that report's rows are replaced; rules still see every report (they are cheap).
    """
    con.execute(FINDINGS_DDL)
    ids = {(u, y): rid for rid, u, y in con.execute("SELECT 报告ID, 单位, 年度 FROM reports ORDER BY 报告ID").fetchall()}
    rows = []
    kept = []
    for rid, f in _run(con, rules):
        rid = rid if rid is not None else ids.get((f.unit, f.year))
        if report_id is not None and rid != report_id:
            continue
        kept.append(f)
        rows.append((rid, f.level, f.rule, f.unit, f.year, f.message, to_json(f.values), to_json(list(f.sources))))
    con.execute("BEGIN TRANSACTION")
    try:
        if report_id is None:
            con.execute("DELETE FROM findings")
        else:
            con.execute("DELETE FROM findings WHERE 报告ID = ?", [report_id])
        if rows:
            con.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return kept


def stored_findings(con: duckdb.DuckDBPyConnection, report_id: int | None = None) -> list[Finding]:
    """Findings as stored by ``refresh_findings`` (empty when the table does not exist yet)."""
    try:
        rows = con.execute(
            "SELECT 级别, 规则, 单位, 年度, 说明, 数值, 来源 FROM findings WHERE ? IS NULL OR 报告ID = ?",
            [report_id, report_id],
        ).fetchall()
    except duckdb.CatalogException:
        return []
    out = [Finding(lvl, rule, unit, int(year), msg, _values(vals), _sources(json.loads(src or "[]")))
           for lvl, rule, unit, year, msg, vals, src in rows]
    return sorted(out, key=_order)


def findings_for_sources(con: duckdb.DuckDBPyConnection, sources: Iterable[Any],
                         stored: Sequence[Finding] | None = None) -> list[Finding]:
    """Stored findings that involve any of the given source lines.

    ``sources``: dicts with ``file`` and ``line`` (as in 来源明细) or ``(file, line)`` pairs.
    """
    wanted: set[tuple[str, int]] = set()
    for s in sources:
        if isinstance(s, dict):
            wanted.add((s.get("file") or "", int(s.get("line") or 0)))
        else:
            wanted.add((s[0], int(s[1])))
    if not wanted:
        return []
    pool = stored_findings(con) if stored is None else stored
    return [f for f in pool if any((s["file"], s["line"]) in wanted for s in f.sources)]


# ---- rendering ---------------------------------------------------------------------------------


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = dict.fromkeys(LEVELS, 0)
    for f in findings:
        out[f.level] += 1
    return out


def summary_line(findings: Sequence[Finding]) -> str:
    """One line for ``juesuan load``: ``勾稽检查：错误 2，警告 5，提示 3（juesuan check 查看）``."""
    if not findings:
        return "勾稽检查：未发现问题"
    c = counts(findings)
    return "勾稽检查：" + "，".join(f"{k} {v}" for k, v in c.items() if v) + "（juesuan check 查看）"


def _where(s: dict[str, Any]) -> str:
    page = f"第{s['page']}页 " if s.get("page") else ""
    return f"{s['file']} {page}第{s['line']}行"


def _lines(f: Finding) -> str:
    by_file: dict[str, list[str]] = {}
    for s in f.sources:
        by_file.setdefault(s["file"], []).append(f"{s['line']}")
    return "；".join(f"{name} 第{'、'.join(dict.fromkeys(nums))}行" for name, nums in by_file.items())


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _render_table(findings: Sequence[Finding]) -> str:
    if not findings:
        return "未发现问题。\n"
    out: list[str] = []
    current: tuple[str, int] | None = None
    rule_w = max(display_width(f.rule) for f in findings)
    for f in findings:
        if (f.unit, f.year) != current:
            current = (f.unit, f.year)
            mine = [g for g in findings if (g.unit, g.year) == current]
            c = counts(mine)
            if out:
                out.append("")
            out.append(f"{f.year}年度 {f.unit}：" + "，".join(f"{k} {v}" for k, v in c.items() if v))
        out.append(f"  [{f.level}] {_pad(f.rule, rule_w)}  {f.message}")
        for s in f.sources:
            text = s["text"] if len(s["text"]) <= 80 else s["text"][:79] + "…"
            out.append(f"  {' ' * (6 + rule_w)}  {_where(s)}：{text}")
    return "\n".join(out) + "\n"


def _render_json(findings: Sequence[Finding]) -> str:
    return to_json([f.as_dict() for f in findings], indent=2) + "\n"


def _render_csv(findings: Sequence[Finding]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["级别", "规则", "单位", "年度", "说明", "数值", "来源"])
    for f in findings:
        w.writerow([f.level, f.rule, f.unit, f.year, f.message, to_json(f.values), _lines(f)])
    return buf.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _render_markdown(findings: Sequence[Finding]) -> str:
    if not findings:
        return "未发现问题。\n"
    out = ["| 级别 | 规则 | 单位 | 年度 | 说明 | 来源 |", "|---|---|---|---|---|---|"]
    for f in findings:
        out.append(f"| {f.level} | {_md(f.rule)} | {_md(f.unit)} | {f.year} | {_md(f.message)} | {_md(_lines(f))} |")
    return "\n".join(out) + "\n"


FORMATS = {"table": _render_table, "json": _render_json, "csv": _render_csv, "markdown": _render_markdown}


def render_findings(findings: Sequence[Finding], fmt: str = "table") -> str:
    """Pure: findings → text in one of ``FORMATS`` (LF line endings)."""
    try:
        return FORMATS[fmt](findings)
    except KeyError:
        raise JuesuanError(f"不支持的输出格式“{fmt}”，可选：{'、'.join(FORMATS)}") from None
