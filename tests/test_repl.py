"""The REPL in-process: prompt-toolkit pipe input, dummy output, printed text captured from a stream."""

from __future__ import annotations

import io
import json

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from assistant.catalog import load_catalog
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon
from assistant.repl import COMMANDS, PhrasingCompleter, Repl, run_repl

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def engine(sample_db):
    return Engine(open_readonly(sample_db), load_catalog(), load_lexicon())


def session(engine, text: str, fmt: str = "table") -> str:
    """Type ``text`` into the REPL; return everything it printed."""
    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text(text)
        code = run_repl(engine, fmt, input=inp, output=DummyOutput(), history=InMemoryHistory(), stream=out)
    assert code == 0
    return out.getvalue()


def test_welcome_question_and_quit(engine):
    out = session(engine, "会议费多少\n\\q\n")
    assert "已载入：2024年度 广元市昭化区工商业联合会" in out
    assert "\\help" in out.splitlines()[0]
    assert "44.00万元" in out


def test_follow_up_in_the_repl(engine):
    out = session(engine, "会议费多少\n差旅费呢\n\\q\n")
    assert "理解为：" in out and "4.00万元" in out


def test_ctrl_d_exits(engine):
    out = session(engine, "会议费多少\n\x04")
    assert "44.00万元" in out


def test_ctrl_c_clears_the_line(engine):
    # the half-typed question is dropped, the REPL goes on
    out = session(engine, "差旅费\x03会议费多少\n\\q\n")
    assert "44.00万元" in out
    assert out == session(engine, "会议费多少\n\\q\n")


def test_help_is_generated_from_the_registry(engine):
    out = session(engine, "\\help\n\\q\n")
    for cmd in COMMANDS.values():
        assert cmd.usage in out and cmd.help in out
    assert {"help", "q", "reports", "types", "sql", "why", "format", "use", "export", "load"} <= set(COMMANDS)


def test_every_command_has_help():
    assert all(c.help and c.usage.startswith("\\") for c in COMMANDS.values())


def test_unknown_command(engine):
    assert "未知命令 \\nope" in session(engine, "\\nope\n\\q\n")


def test_reports(engine):
    assert "2024年度 广元市昭化区工商业联合会" in session(engine, "\\reports\n\\q\n").split("\n", 1)[1]


def test_types(engine):
    out = session(engine, "\\types\n\\q\n")
    for q in engine.catalog.values():
        assert q.title in out
    assert "会议费多少" in out


def test_sql_shows_last_query_and_params(engine):
    out = session(engine, "\\sql\n会议费多少\n\\sql\n\\q\n")
    assert "还没有执行过查询" in out
    assert "SELECT" in out
    assert '"科目": "会议费"' in out


def test_why(engine):
    out = session(engine, "\\why\n会议费多少\n\\why\n\\q\n")
    assert "还没有提过问题" in out
    assert "问题类型：科目金额" in out
    assert "参数：科目=会议费" in out
    assert "会议费→科目" in out
    assert "来源：" in out


def test_format(engine):
    out = session(engine, "\\format json\n会议费多少\n\\format xml\n\\q\n")
    assert "输出格式：json" in out
    line = next(x for x in out.splitlines() if x.startswith("{"))
    assert json.loads(line)["question_type"] == "科目金额"
    assert "格式应为：table|json|csv|markdown（当前：json）" in out


def test_use_sets_and_clears_context(engine):
    out = session(engine, "\\use 昭化区工商业联合会 2024\n会议费多少\n\\use 不存在的局\n\\use\n\\q\n")
    assert "上下文：单位=广元市昭化区工商业联合会，年度=2024" in out
    assert "44.00万元" in out
    assert "没有唯一的单位与“不存在的局”对应" in out
    assert "已清除上下文" in out


def test_use_year_applies_to_questions(engine):
    out = session(engine, "\\use 2023\n收入总计多少\n\\q\n")
    assert "2023年度" in out and "166.70万元" in out


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.csv", lambda t: t.startswith("单位,") or "会议费" in t),
        ("out.json", lambda t: json.loads(t)["params"]["科目"] == "会议费"),
        ("out.md", lambda t: "| " in t and "44.00万元" in t),
    ],
)
def test_export(engine, tmp_path, name, check):
    path = tmp_path / name
    out = session(engine, f"会议费多少\n\\export {path}\n\\q\n")
    assert f"已写入 {path}" in out
    assert check(path.read_text(encoding="utf-8"))


def test_export_raw_sql_and_errors(engine, tmp_path):
    path = tmp_path / "r.csv"
    out = session(engine, f"\\export {path}\nSELECT 1 AS a\n\\export {path}\n\\export x.txt\n\\q\n")
    assert "还没有可导出的结果" in out
    assert path.read_text(encoding="utf-8") == "a\n1\n"
    assert "用法：\\export FILE" in out


def test_load_adds_a_report_and_keeps_talking(sample_db, tmp_path):
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    eng = Engine(open_readonly(db), load_catalog(), load_lexicon())
    report = tmp_path / "2024年度广元市昭化区测试局部门决算.txt"
    text = SAMPLE.read_text(encoding="utf-8").replace("广元市昭化区工商业联合会", "广元市昭化区测试局")
    report.write_text(text, encoding="utf-8")
    out = session(eng, f"\\load {report}\n载入了哪些报告\n\\load {tmp_path / 'nope.txt'}\n会议费多少\n\\q\n")
    assert "载入" in out and "广元市昭化区测试局" in out
    assert "不存在" in out and "44.00万元" in out


@pytest.mark.parametrize(
    "query",
    [
        "SELECT 单位, 年度 FROM 报告",
        "select 单位 from 报告",
        "WITH t AS (SELECT 1 AS x) SELECT x FROM t",
        "FROM 报告 SELECT 单位",
        "DESCRIBE 报告",
        "SHOW TABLES",
        "SUMMARIZE 报告",
    ],
)
def test_raw_sql(engine, query):
    out = session(engine, query + "\n\\q\n")
    assert "SQL 执行失败" not in out and "查询被拒绝" not in out
    assert out.count("\n") >= 3


def test_raw_sql_result(engine):
    out = session(engine, "SELECT 单位, 年度 FROM 报告\n\\q\n")
    assert "广元市昭化区工商业联合会" in out and "2024" in out


@pytest.mark.parametrize(
    "query", ["CREATE TABLE x(a int)", "SELECT * FROM read_csv('/etc/passwd')", "COPY 报告 TO '/tmp/x.csv'", "INSTALL httpfs"]
)
def test_refused_write_prints_message_not_traceback(engine, query):
    out = session(engine, query + "\n会议费多少\n\\q\n")
    assert "查询被拒绝" in out
    assert "Traceback" not in out
    assert "44.00万元" in out  # the REPL goes on


def test_bad_sql_prints_message(engine):
    out = session(engine, "SELECT * FROM no_such_table\n\\q\n")
    assert "SQL 执行失败" in out


def test_not_understood_keeps_state(engine):
    out = session(engine, "会议费多少\n乱七八糟\n差旅费呢\n\\q\n")
    assert "无法理解" in out and "4.00万元" in out


def test_toolbar_shows_context(engine):
    repl = Repl(engine, "table", io.StringIO())
    assert "上一问：（无）" in repl.toolbar()
    repl.handle("会议费多少")
    bar = repl.toolbar()
    assert "单位：广元市昭化区工商业联合会" in bar and "年度：2024" in bar and "上一问：科目金额" in bar


def test_completion_of_phrasings_and_names(engine):
    repl = Repl(engine, "table", io.StringIO())
    completer = PhrasingCompleter(repl.words())

    def complete(text):
        return [c.text for c in completer.get_completions(Document(text), CompleteEvent())]

    assert "会议费多少" in complete("会议")
    assert "驻外商会经费" in complete("驻外")
    assert "\\help" in complete("\\he")
    assert complete("   ") == []


def test_completion_in_the_prompt(engine):
    # Tab completes the first candidate in a real prompt session
    out = session(engine, "驻外商会经费执行\t\n\\q\n")
    assert "Traceback" not in out


def test_a_query_longer_than_a_file_name_runs(engine):
    """juesuan sql "<a long query>" crashed with OSError (File name too long): the text was tried as a file first."""
    query = ("SELECT 单位, 科目, 数值 FROM 事实 WHERE (科目 LIKE '%财政拨款%' OR 科目 LIKE '本年%合计') AND 口径 = '合计' "
             "AND 属性 IN ('金额', '上年数', '预算数') AND 数值 IS NOT NULL AND 单位 IS NOT NULL ORDER BY 单位, 科目, 数值")
    assert len(query.encode()) > 255
    columns, rows = engine.run_sql(query, {})
    assert columns == ("单位", "科目", "数值") and rows
