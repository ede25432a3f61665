"""Stage 4 — catalog: ``sql/questions/*.sql`` → ``QuestionType``.

Each file is one complete DuckDB query; its leading ``--`` comment header holds the metadata::

    -- title: 科目金额
    -- phrasings: {科目} | {科目}花了 | …
    -- examples:
    --   会议费多少 => 科目=会议费
    --   2023年收入合计 => 科目=本年收入合计; 年度=2023
    -- answer: {单位}{年度}年度 {科目} {值}
    -- notes: free text

Parameter names are read from the SQL text (``$name``, outside comments and string literals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Example:
    question: str
    params: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class QuestionType:
    id: str
    title: str
    phrasings: tuple[str, ...]
    examples: tuple[Example, ...]
    answer: str
    notes: str
    sql: str
    params: tuple[str, ...]
    path: str


def sql_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled" / "sql", here.parent / "sql"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("找不到 sql/ 目录（安装不完整）")


def sql_params(sql: str) -> tuple[str, ...]:
    """Named parameters ``$name`` in order of first use, ignoring comments and string literals."""
    text = re.sub(r"--[^\n]*", "", sql)
    text = re.sub(r"'(?:[^']|'')*'", "''", text)
    text = re.sub(r'"(?:[^"]|"")*"', '""', text)
    seen: list[str] = []
    for name in re.findall(r"\$([^\W\d]\w*)", text):
        if name not in seen:
            seen.append(name)
    return tuple(seen)


def parse_header(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    key = ""
    for line in text.splitlines():
        if not line.startswith("--"):
            if line.strip():
                break
            continue
        body = line[2:].strip()
        m = re.match(r"^([a-z_]+):\s*(.*)$", body)
        if m:
            key = m.group(1)
            fields.setdefault(key, [])
            if m.group(2):
                fields[key].append(m.group(2))
        elif key and body:
            fields[key].append(body)
    return fields


def _example(line: str) -> Example:
    question, _, params = line.partition("=>")
    pairs = []
    for part in params.split(";"):
        k, sep, v = part.partition("=")
        if sep:
            pairs.append((k.strip(), v.strip()))
    return Example(question.strip(), tuple(pairs))


def load_question_type(path: Path) -> QuestionType:
    text = path.read_text(encoding="utf-8")
    h = parse_header(text)
    phrasings = tuple(p.strip() for line in h.get("phrasings", []) for p in line.split("|") if p.strip())
    return QuestionType(
        id=path.stem,
        title=" ".join(h.get("title", [path.stem])),
        phrasings=phrasings,
        examples=tuple(_example(e) for e in h.get("examples", [])),
        answer=" ".join(h.get("answer", [])),
        notes=" ".join(h.get("notes", [])),
        sql=text,
        params=sql_params(text),
        path=str(path),
    )


def load_catalog(directory: Path | None = None) -> tuple[QuestionType, ...]:
    d = directory or sql_dir() / "questions"
    return tuple(load_question_type(p) for p in sorted(d.glob("*.sql")))
