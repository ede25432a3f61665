"""Property-based tests (hypothesis): any question gives a well-formed answer; normalisation is idempotent;
a generated consistent report loads to exactly its figures."""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.catalog import load_catalog
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon
from assistant.load import load_file
from assistant.match import normalize_text
from assistant.render import render
from assistant.store import connect

from .conftest import ROOT

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _synth():
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


synth = _synth()


@pytest.fixture(scope="module")
def engine(sample_db):
    e = Engine(open_readonly(sample_db), load_catalog(), load_lexicon())
    yield e
    e.con.close()


# questions: any Unicode, plus text built from the words the matcher knows, plus SQL/format-like text
_WORDS = st.sampled_from(["会议费", "差旅费", "三公经费", "多少", "上年", "2024年", "占比", "增减", "和", "呢", "什么是",
                          "'", ";", "--", "DROP TABLE 支出", "{0}", "%s", "$科目", "\x00", "\u202e", "😀", " "])
QUESTIONS = st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=12).map("".join),
                      st.text(alphabet=st.characters(codec="utf-8"), max_size=600))


@FAST
@given(question=QUESTIONS)
def test_any_question_gives_a_well_formed_answer(engine, question):
    answer = engine.ask(question)
    assert answer.status in ("ok", "no_data", "not_understood")
    data = json.loads(render(answer, "json"))
    assert data["status"] == answer.status
    assert isinstance(data["answer"], str) and data["answer"]
    for fmt in ("table", "csv", "markdown"):
        assert isinstance(render(answer, fmt), str)
    if answer.status != "ok":
        assert "\x1b" not in answer.answer and "\x00" not in answer.answer


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(), st.lists(st.sampled_from(list("二〇二四年度，,（）()ＡａＫİ 0１２三公 \u3000\t.")), max_size=30)
                      .map("".join)))
def test_normalize_text_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def _read_back(con, report_id: int) -> dict[str, Decimal]:
    """The stored figures under the keys of ``synth.printed_figures``."""
    out: dict[str, Decimal] = {}
    for 科目, 金额 in con.execute("SELECT 科目, 金额 FROM 支出 WHERE 报告ID = ? AND 章节 = '正文' AND 口径 = '经济分类'",
                               [report_id]).fetchall():
        for prefix in ("人员.", "公用."):
            out[prefix + 科目] = 金额
    for 科目, 金额 in con.execute("SELECT 科目, 金额 FROM 支出 WHERE 报告ID = ? AND 口径 = '支出性质'", [report_id]).fetchall():
        out[科目] = 金额
    for 科目, 金额 in con.execute("SELECT 科目, 决算数 FROM 三公 WHERE 报告ID = ?", [report_id]).fetchall():
        out.setdefault(科目, 金额)
    rows = con.execute("SELECT 项目名称, 年初预算, 调整后预算, 执行数 FROM 项目 WHERE 报告ID = ?", [report_id]).fetchall()
    for name, *values in rows:
        for key, v in zip(("年初预算", "调整后预算", "执行数"), values, strict=True):
            out[f"项目[{name}].{key}"] = v
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=10**6), year=st.integers(min_value=2015, max_value=2030))
def test_generated_report_loads_to_exactly_its_figures(lexicon, seed, year):
    model = synth.synth_model(seed)
    printed = synth.printed_figures(model)
    # the loader names each item by the lexicon's canonical name (其他交通费 → 其他交通费用, its 经济分类 name)
    expected = {f"{k.split('.', 1)[0]}.{lexicon.canonical.get(k.split('.', 1)[1], k.split('.', 1)[1])}": v
                for k, v in printed.items() if k.startswith(("人员.", "公用."))}
    expected.update({k: printed[k] for k in ("基本支出", "项目支出", "三公经费", "公务接待费", "公务用车运行维护费")})
    for p in model.projects:
        expected.update({f"项目[{p.name}].年初预算": p.年初预算, f"项目[{p.name}].调整后预算": p.调整后预算,
                         f"项目[{p.name}].执行数": p.执行数})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_text(synth.render_report(model, "测试单位", year), encoding="utf-8")
        con = connect(Path(tmp) / "t.duckdb")
        try:
            result = load_file(con, path, lexicon)
            assert result.status == "loaded", result.message
            assert result.unplaced == ()
            got = _read_back(con, result.report_id)
            assert con.execute("SELECT 单位, 年度 FROM 报告").fetchall() == [("测试单位", year)]
        finally:
            con.close()
    assert {k: got.get(k) for k in expected} == {k: Decimal(v) for k, v in expected.items()}
