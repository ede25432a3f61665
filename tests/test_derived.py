"""The 取数 tables (sql/derived): rows a question type would pick, picked at load time for each 单位 loaded.

They must always equal their query run afresh over the whole database, whatever the order reports were loaded
or replaced in; otherwise a question reads a stale pick (a 2023 figure from the 2024 report's 上年 column after
the 2023 report itself was loaded)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from assistant.catalog import load_catalog, sql_dir
from assistant.engine import Engine, open_readonly
from assistant.load import load_file, load_files
from assistant.store import cluster, connect, derived_tables
from bench.synth import CorpusReport, cached_model, printed_figures, write_corpus

from .conftest import SAMPLE

UNIT = "广元市昭化区司法局"
OTHER = "广元市昭化区教育局"
REPORTS = [CorpusReport(UNIT, 2024, 211), CorpusReport(UNIT, 2023, 210), CorpusReport(OTHER, 2024, 221)]


def assert_fresh(con) -> None:
    for table, query in derived_tables():
        stored = sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall()))
        fresh = sorted(map(repr, con.execute(query).fetchall()))
        assert stored == fresh, table


def test_every_question_file_reading_a_derived_table_has_its_query():
    tables = {t for t, _ in derived_tables()}
    assert tables, "no sql/derived files"
    for q in load_catalog():
        for name in set(re.findall(r"取数_\w+", q.sql)):
            assert name in tables, (q.id, name)
    assert {p.stem for p in (sql_dir() / "derived").glob("*.sql")} == tables


def test_the_tables_follow_every_load_and_replacement(tmp_path, lexicon):
    """A later year first, then the earlier year (the later report's 上年 rows lose to the earlier report's
    own), then another department, then the earlier year again (replaced); and a batch load of all of them."""
    paths = write_corpus(tmp_path / "reports", REPORTS)
    con = connect(tmp_path / "one.duckdb")
    for p in [SAMPLE, *paths, paths[1]]:
        assert load_file(con, p, lexicon).status in ("loaded", "replaced"), p
        assert_fresh(con)
    assert con.execute("SELECT count(*) FROM 取数_科目金额 WHERE 单位 = ? AND 年度 = 2023", [UNIT]).fetchone()[0] > 0
    cluster(con)
    assert_fresh(con)
    con.close()
    batch = connect(tmp_path / "batch.duckdb")
    assert all(r.status == "loaded" for r in load_files(batch, [SAMPLE, *paths], lexicon, workers=1,
                                                        with_counts=False))
    assert_fresh(batch)
    for table, _ in derived_tables():
        assert batch.execute(f"SELECT count(*) FROM {table}").fetchone() == con_rows(tmp_path / "one.duckdb", table)
    batch.close()


def con_rows(path, table):
    con = open_readonly(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()
    finally:
        con.close()


@pytest.mark.parametrize("question, year", [("2023年会议费", 2023), ("会议费", 2024), ("去年的会议费", 2023)])
def test_an_earlier_year_loaded_last_answers_from_its_own_report(tmp_path, lexicon, question, year):
    paths = write_corpus(tmp_path / "reports", REPORTS[:2])
    con = connect(tmp_path / "db.duckdb")
    for p in paths:  # 2024, then 2023
        assert load_file(con, p, lexicon).status == "loaded"
    con.close()
    engine = Engine(open_readonly(tmp_path / "db.duckdb"), load_catalog(), lexicon)
    a = engine.ask(f"司法局{question}")
    want = printed_figures(cached_model(next(r.seed for r in REPORTS if r.year == year)))["公用.会议费"]
    assert a.status == "ok" and a.question_type == "科目金额", a.answer
    row = dict(zip(a.columns, a.rows[0], strict=True))
    assert (row["年度"], Decimal(row["值"])) == (year, want)
    assert row["推算说明"] is None, "a figure of the year's own report, not the next report's 上年 column"
    assert a.sources[0].file.startswith(f"{year}年度")
