"""Every example in every sql/questions file maps to its own type with the stated parameters."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.catalog import load_catalog, sql_params
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
CATALOG = load_catalog()
EXAMPLES = [pytest.param(q, e, id=f"{q.id}:{e.question}") for q in CATALOG for e in q.examples]


@pytest.fixture(scope="module")
def engine(sample_db):
    return Engine(open_readonly(sample_db), CATALOG, load_lexicon())


def test_every_type_has_title_phrasings_and_three_examples():
    for q in CATALOG:
        assert q.title and q.phrasings and q.answer, q.id
        assert len(q.examples) >= 3, q.id


@pytest.mark.parametrize(("qtype", "example"), EXAMPLES)
def test_example_maps_to_its_type(engine, qtype, example):
    m = engine.understand(example.question)
    assert m.status == "ok", m.message
    assert m.type_id == qtype.id
    got = {k: str(v) for k, v in m.params}
    assert got == dict(example.params)


def test_params_are_read_from_sql_not_comments_or_strings():
    sql = "-- $注释\nSELECT '$字符串', $科目, $年度 + $年度 FROM t WHERE x = $单位"
    assert sql_params(sql) == ("科目", "年度", "单位")


def test_every_question_type_is_listed_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for q in CATALOG:
        assert f"`{q.id}`" in readme, f"README does not list {q.id}"


def test_question_files_run_unchanged_with_prepare_execute(sample_db):
    con = open_readonly(sample_db)
    q = next(x for x in CATALOG if x.id == "科目金额")
    con.execute("PREPARE q AS " + q.sql.rstrip().rstrip(";"))
    rows = con.execute("EXECUTE q(科目 := '会议费', 上级 := NULL, 单位 := NULL, 年度 := NULL, 年度偏移 := NULL)").fetchall()
    assert rows and rows[0][3] == "会议费"


def test_library_does_not_import_front_ends():
    code = (
        "import sys, assistant.engine, assistant.render, assistant.load, assistant.match, assistant.parse;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('typer', 'prompt_toolkit', 'click')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_every_view_column_is_documented_in_readme(sample_con):
    from assistant.store import VIEW_NAMES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for view in VIEW_NAMES:
        assert f"### {view}" in readme or f"`{view}`" in readme, f"view {view} not documented"
        for (col, *_rest) in sample_con.execute(f'DESCRIBE "{view}"').fetchall():
            if col not in ("报告ID", "序号") and col not in readme:
                missing.append(f"{view}.{col}")
    assert not missing, f"undocumented columns: {missing}"


def _outer(sql: str) -> str:
    """The final statement with comments, strings and every parenthesised part (windows, CTEs) taken out."""
    text = re.sub(r"--[^\n]*", "", sql)
    text = re.sub(r"'[^']*'", "''", text)
    while re.search(r"\([^()]*\)", text):
        text = re.sub(r"\([^()]*\)", "", text)
    return [s for s in text.split(";") if s.strip()][-1]


# one row at most: the first definition found; the type list in the order the engine gives it
_ONE_ROW_OR_GIVEN_ORDER = {"名词解释", "帮助"}


@pytest.mark.parametrize("qtype", [pytest.param(q, id=q.id) for q in CATALOG])
def test_every_question_orders_its_rows(qtype):
    """Several departments' rows come back in the same order on every run (DuckDB's order is not stable
    without ORDER BY: 三公经费比上年增减多少 listed the departments differently from run to run)."""
    if qtype.id in _ONE_ROW_OR_GIVEN_ORDER:
        return
    assert "ORDER BY" in _outer(qtype.sql), qtype.id

