from __future__ import annotations

from pathlib import Path

import pytest

from assistant.lexicon import load_lexicon
from assistant.load import load_file
from assistant.store import connect

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "reports" / "2024年度广元市昭化区工商业联合会部门决算.txt"
SHARED_REPORTS = ROOT.parent / "shared" / "reports"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, lexicon) -> Path:
    """A database holding only the sample report (built once per test session, under tmp)."""
    path = tmp_path_factory.mktemp("db") / "sample.duckdb"
    con = connect(path)
    result = load_file(con, SAMPLE, lexicon)
    con.close()
    assert result.status == "loaded", result.message
    return path


@pytest.fixture
def sample_con(sample_db):
    from assistant.engine import open_readonly

    con = open_readonly(sample_db)
    yield con
    con.close()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Nothing is written outside tmp: the default database lives under a temporary data dir."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("JUESUAN_DB", raising=False)


def assert_gold(con, unit: str, year: int, view: str, where: str, column: str, value: str) -> None:
    """One row of a hand-checked gold fixture: ``where`` is ``col=value;col=value`` and must select one row."""
    from decimal import Decimal

    conds, params = ["单位 = ?", "年度 = ?"], [unit, year]
    for pair in where.split(";"):
        key, _, val = pair.partition("=")
        conds.append(f'"{key}" = ?')
        params.append(val)
    rows = con.execute(f'SELECT "{column}" FROM "{view}" WHERE {" AND ".join(conds)}', params).fetchall()
    assert len(rows) == 1, f"{len(rows)} rows for {view} {where}"
    got = rows[0][0]
    if isinstance(got, Decimal):
        assert got == Decimal(value), f"{got} != {value}"
    else:
        assert (got or "").strip().rstrip("。") == value.strip(), f"{got!r} != {value!r}"
