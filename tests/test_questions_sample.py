"""The question set: ≥150 questions on the sample with expected answers, read from the report by a person."""

from __future__ import annotations

import re

import pytest

from assistant.catalog import load_catalog
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon

from .conftest import FIXTURES


def _rows():
    out = []
    lines = (FIXTURES / "sample_questions.tsv").read_text(encoding="utf-8").splitlines()
    for no, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        question, status, expect, reject, _note = (line.split("\t") + [""] * 5)[:5]
        out.append(pytest.param(question, status, expect, reject, id=f"{no}:{question}"))
    return out


QUESTIONS = _rows()
PENDING = {
    line.strip()
    for line in (FIXTURES / "sample_questions_pending.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


@pytest.fixture(scope="module")
def engine(sample_db):
    return Engine(open_readonly(sample_db), load_catalog(), load_lexicon())


def test_pending_questions_are_in_the_set():
    assert {p.values[0] for p in QUESTIONS} >= PENDING


def test_question_set_is_large_enough():
    assert len(QUESTIONS) >= 150
    statuses = {p.values[1] for p in QUESTIONS}
    assert statuses == {"ok", "no_data", "not_understood"}


@pytest.mark.parametrize(("question", "status", "expect", "reject"), QUESTIONS)
def test_question(engine, question, status, expect, reject):
    answer = engine.ask(question)
    for part in filter(None, reject.split(";")):
        assert part not in answer.answer, f"unexpected {part!r} in {answer.answer!r}"
    if question in PENDING:
        # not supported yet: a refusal is acceptable, a wrong answer never is
        if answer.status != "ok":
            return
        assert status == "ok", f"answered a question that must be refused: {answer.answer}"
    assert answer.status == status, f"{answer.status}: {answer.answer}"
    for part in filter(None, expect.split(";")):
        assert part in answer.answer, f"missing {part!r} in {answer.answer!r}"
    for part in filter(None, reject.split(";")):
        assert part not in answer.answer, f"unexpected {part!r} in {answer.answer!r}"


def test_the_project_list_says_it_lists_the_attached_tables(engine):
    """共1个项目 read as the department's count of projects; it is the projects whose 绩效自评表 is attached
    (a report may state 对8个项目开展了绩效自评 and attach one)."""
    a = engine.ask("有哪些项目")
    assert re.match(r"报告所附绩效自评表列有\d+个项目：", a.answer), a.answer


@pytest.mark.parametrize("question", ["对几个项目开展了绩效自评", "绩效自评了多少个项目", "自评了几个项目"])
def test_how_many_projects_were_self_evaluated_is_the_stated_count(question):
    from assistant.match import normalize_text

    assert re.search(r"(?:几个|多少个)绩效自评项目", normalize_text(question)), normalize_text(question)
