"""Department names in questions: full names, region-less forms, abbreviations, and departments not loaded."""

from __future__ import annotations

import pytest

from assistant.catalog import load_catalog
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon
from assistant.match import unit_aliases


@pytest.fixture(scope="module")
def engine(sample_db):
    return Engine(open_readonly(sample_db), load_catalog(), load_lexicon())


def test_aliases_drop_region_prefixes():
    assert unit_aliases("上海市普陀区规划和自然资源局")[:3] == ["上海市普陀区规划和自然资源局", "普陀区规划和自然资源局",
                                                        "规划和自然资源局"]
    assert "社会工作部" in unit_aliases("中共上海市普陀区委社会工作部")
    assert "工商联" in unit_aliases("广元市昭化区工商业联合会")


@pytest.mark.parametrize("question", ["广元市昭化区工商业联合会会议费", "昭化区工商联会议费", "工商联会议费",
                                      "昭化工商会会议费多少"])
def test_named_department_is_recognised(engine, question):
    a = engine.ask(question)
    assert a.status == "ok" and "44.00万元" in a.answer
    assert dict(a.params)["单位"] == "广元市昭化区工商业联合会"


@pytest.mark.parametrize("question", ["教育局会议费", "昭化区教育局的会议费", "组织部会议费多少"])
def test_department_not_loaded_is_no_data(engine, question):
    a = engine.ask(question)
    assert a.status == "no_data" and "44.00" not in a.answer


@pytest.mark.parametrize("question", ["会议费多少万元", "会议费是多少元", "会议费（万元）"])
def test_amount_units_in_the_question_are_understood(engine, question):
    a = engine.ask(question)
    assert a.status == "ok" and "44.00万元" in a.answer
