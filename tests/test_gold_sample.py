"""Every figure of the hand-checked gold fixture (read from the sample by a person) is in the views."""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, assert_gold


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
    assert_gold(sample_con, "广元市昭化区工商业联合会", 2024, view, where, column, value)
