"""Every figure of the hand-checked gold fixture (read from the sample by a person) is in the views."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import FIXTURES


def _gold_rows():
    rows = []
    for no, line in enumerate((FIXTURES / "sample_gold.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if no == 1 or not line.strip() or line.startswith("#"):
            continue
        view, where, column, value, src_line = (line.split("\t") + [""] * 5)[:5]
        rows.append(pytest.param(view, where, column, value, src_line, id=f"{no}:{view}:{where}:{column}"))
    return rows


GOLD = _gold_rows()


def test_gold_is_large_enough():
    assert len(GOLD) >= 150


@pytest.mark.parametrize(("view", "where", "column", "value", "src_line"), GOLD)
def test_gold_figure(sample_con, view, where, column, value, src_line):
    conds, params = ["单位 = '广元市昭化区工商业联合会'", "年度 = 2024"], []
    for pair in where.split(";"):
        key, _, val = pair.partition("=")
        conds.append(f'"{key}" = ?')
        params.append(val)
    rows = sample_con.execute(f'SELECT "{column}" FROM "{view}" WHERE {" AND ".join(conds)}', params).fetchall()
    assert len(rows) == 1, f"{len(rows)} rows for {view} {where}"
    got = rows[0][0]
    if isinstance(got, Decimal):
        assert got == Decimal(value), f"{got} != {value}"
    else:
        assert (got or "").strip().rstrip("。") == value.strip(), f"{got!r} != {value!r}"
