"""The matcher cache: a hit answers exactly as a fresh build; a changed database is not served stale names."""

from __future__ import annotations

import shutil

from assistant import matchcache
from assistant.engine import Engine
from assistant.lexicon import load_lexicon
from assistant.load import load_file
from assistant.store import connect

from .conftest import SAMPLE


def test_cache_hit_answers_like_a_fresh_build(sample_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    fresh = Engine.open(str(db))
    assert matchcache.load(db) is not None  # written by the first open
    cached = Engine.open(str(db))
    for q in ("会议费多少", "驻外商会经费执行率", "哪些项目未完成", "今天天气怎么样"):
        assert cached.ask(q) == fresh.ask(q)
    fresh.con.close()
    cached.con.close()


def test_cache_is_keyed_on_the_database_file(tmp_path):
    db = tmp_path / "t.duckdb"
    con = connect(db)
    load_file(con, SAMPLE, load_lexicon())
    con.close()
    before = matchcache.key(db)
    con = connect(db)
    con.execute("DELETE FROM projects")
    con.close()
    assert matchcache.key(db) != before
