"""Golden files for each output format (LF line endings, nothing environment-dependent).

Regenerate after an intended change with ``JUESUAN_UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant.catalog import load_catalog
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon
from assistant.render import FORMATS, render

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {"meeting": "会议费多少", "growth": "收入总计比上年增长多少", "unfinished": "哪些项目未完成",
         "refused": "今天天气怎么样", "no_data": "邮电费多少"}
SUFFIX = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}


@pytest.fixture(scope="module")
def engine(sample_db):
    return Engine(open_readonly(sample_db), load_catalog(), load_lexicon())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(engine, case, fmt):
    text = render(engine.ask(CASES[case]), fmt) + "\n"
    path = GOLDEN / f"{case}.{SUFFIX[fmt]}"
    if os.environ.get("JUESUAN_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")


def test_json_keys_are_stable(engine):
    obj = json.loads(render(engine.ask("会议费多少"), "json"))
    assert list(obj) == ["question", "status", "question_type", "params", "sql", "columns", "rows", "answer",
                         "sources", "suggestions", "warnings"]
    assert obj["status"] == "ok" and isinstance(obj["rows"][0][obj["columns"].index("值")], float | int)
