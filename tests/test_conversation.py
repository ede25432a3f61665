"""Follow-up questions: two- and three-turn conversations on the sample, and piped mode through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.catalog import load_catalog
from assistant.cli import app
from assistant.conversation import Conversation
from assistant.engine import Engine, open_readonly
from assistant.lexicon import load_lexicon

F = "follow"  # the turn is a follow-up: answered with 理解为：…
N = "new"  # the turn is a full question: state reset, no 理解为
X = "refused"  # not understood (state kept)

# each turn: (question, kind, substrings the answer must contain)
CONVERSATIONS = [
    [("会议费多少", N, "44.00万元"), ("差旅费呢", F, "差旅费（经济分类） 4.00万元")],
    [("收入总计多少", N, "183.54万元"), ("上年呢", F, "2023年度", "166.70万元", "推算")],
    [("收入总计多少", N, "183.54万元"), ("2023年呢", F, "2023年度", "166.70万元")],
    # a relative year counts from the year being talked about, not from the latest report
    [("2024年收入总计多少", N, "183.54万元"), ("上年呢", F, "2023年度", "166.70万元"), ("今年呢", F, "2024年度")],
    [("驻外商会经费执行率", N, "99.83%"), ("得分呢", F, "得分 88分")],
    [("驻外商会经费执行率", N, "99.83%"), ("权重呢", F, "权重 100分")],
    [("驻外商会经费执行数", N, "29.95万元"), ("年初预算呢", F, "年初预算 30.00万元")],
    [("驻外商会经费得分", N, "88分"), ("执行率呢", F, "执行率 99.83%")],
    [("三公经费多少", N, "三公经费 1.12万元"), ("其中公务接待费呢", F, "公务接待费 1.12万元")],
    [("三公经费多少", N, "1.12万元"), ("其中公务用车运行维护费呢", F, "公务用车运行维护费 0.00万元")],
    [("基本支出占比", N, "86.4%"), ("项目支出呢", F, "项目支出 25.00万元", "13.6%")],
    [("项目支出占比", N, "13.6%"), ("基本支出呢", F, "158.54万元", "86.4%")],
    [("基本支出多少", N, "158.54万元"), ("项目支出呢", F, "项目支出（支出性质） 25.00万元")],
    [("哪些项目未完成", N, "共 6 条"), ("为什么", F, "原因：部分商会作用发挥不好")],
    [("会议费多少", N, "44.00万元"), ("为什么", F, "会议费（比上年增加）：")],
    [("公务接待费多少", N, "1.12万元"), ("上年呢", F, "2023年度", "公务接待费 1.12万元")],
    [("会议费比上年增加多少", N, "+13.00万元"), ("差旅费呢", F, "差旅费（附件所列） 11.00万元", "上年 12.00万元", "-1.00万元")],
    [("办公费多少", N, "6.41万元"), ("印刷费呢", F, "印刷费（经济分类） 12.00万元")],
    [("收入总计多少", N, "183.54万元"), ("财政拨款收入总计呢", F, "财政拨款收入总计", "183.54万元")],
    [("收入总计为什么增加", N, "异地商会经费增加"), ("支出总计呢", F, "支出总计（比上年增加）：异地商会经费增加")],
    [("支出总计多少", N, "183.54万元"), ("去年呢", F, "2023年度", "166.70万元")],
    [("会议费多少", N, "44.00万元"), ("上年呢", F, "2023年度", "39.00万元")],
    # three turns
    [("会议费多少", N, "44.00万元"), ("差旅费呢", F, "4.00万元"), ("上年呢", F, "2023年度", "差旅费")],
    [("会议费多少", N, "44.00万元"), ("上年呢", F, "39.00万元"), ("差旅费呢", F, "2023年度", "差旅费")],
    [("办公费多少", N, "6.41万元"), ("印刷费呢", F, "12.00万元"), ("会议费呢", F, "44.00万元")],
    [("驻外商会经费执行数", N, "29.95万元"), ("执行率呢", F, "99.83%"), ("得分呢", F, "得分 88分")],
    [("会议费多少", N, "44.00万元"), ("2023年呢", F, "2023年度", "39.00万元"), ("2024年呢", F, "2024年度", "44.00万元")],
    [("支出总计多少", N, "183.54万元"), ("去年呢", F, "166.70万元"), ("今年呢", F, "2024年度", "183.54万元")],
    [("会议费多少", N, "44.00万元"), ("乱七八糟", X, "无法理解"), ("差旅费呢", F, "4.00万元")],
    # a new full question resets the state
    [("会议费多少", N, "44.00万元"), ("上年呢", F, "2023年度"), ("差旅费多少", N, "2024年度", "差旅费（经济分类） 4.00万元")],
    [("会议费多少", N, "44.00万元"), ("差旅费呢", F, "4.00万元"), ("驻外商会经费执行率", N, "99.83%")],
    [("驻外商会经费执行率", N, "99.83%"), ("得分呢", F, "88分"), ("哪些项目未完成", N, "共 6 条")],
    [("会议费多少", N, "44.00万元"), ("哪些项目未完成", N, "共 6 条"), ("为什么", F, "原因：")],
    [("收入总计多少", N, "183.54万元"), ("上年呢", F, "166.70万元"), ("基本支出占比", N, "2024年度", "86.4%")],
    [("三公经费多少", N, "1.12万元"), ("其中公务接待费呢", F, "1.12万元"), ("会议费比上年增加多少", N, "+13.00万元")],
    [("什么是三公经费", N, "因公出国"), ("什么是机关运行经费", N, "机关运行经费：")],
    [("基本支出占比", N, "86.4%"), ("收入总计多少", N, "183.54万元")],
]


@pytest.fixture(scope="module")
def engine(sample_db):
    return Engine(open_readonly(sample_db), load_catalog(), load_lexicon())


@pytest.mark.parametrize("turns", CONVERSATIONS, ids=[" → ".join(t[0] for t in c) for c in CONVERSATIONS])
def test_conversation(engine, turns):
    conversation = Conversation(engine)
    for question, kind, *expected in turns:
        answer = conversation.ask(question)
        if kind == X:
            assert answer.status == "not_understood", (question, answer.answer)
        else:
            assert answer.status == "ok", (question, answer.answer)
            assert answer.understood.startswith("理解为：") == (kind == F), (question, answer.understood)
        for text in expected:
            assert text in answer.answer, (question, text, answer.answer)


def test_at_least_thirty_conversations():
    assert len(CONVERSATIONS) >= 30
    assert sum(any(t[1] == N for t in c[1:]) for c in CONVERSATIONS) >= 5  # ones that must reset


def test_not_understood_keeps_the_previous_match(engine):
    conversation = Conversation(engine)
    conversation.ask("会议费多少")
    kept = conversation.previous
    conversation.ask("乱七八糟")
    assert conversation.previous == kept


def test_follow_up_without_a_previous_question_is_refused(engine):
    assert Conversation(engine).ask("上年呢").status == "not_understood"


def test_context_fills_unit_and_year(engine):
    conversation = Conversation(engine)
    conversation.context = {"年度": 2023}
    answer = conversation.ask("收入总计多少")
    assert "2023年度" in answer.answer and "166.70万元" in answer.answer
    assert "2024年度" in conversation.ask("2024年收入总计多少").answer


# ---- piped mode --------------------------------------------------------------------------------
def test_piped_json_lines(sample_db):
    result = CliRunner().invoke(app, ["repl", "--db", str(sample_db), "--format", "json"], input="会议费多少\n\n差旅费呢\n")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(x) for x in lines)
    assert first["question"] == "会议费多少" and "44.00万元" in first["answer"]
    assert second["question"] == "差旅费呢" and "4.00万元" in second["answer"]
    assert second["params"]["科目"] == "差旅费"


def test_piped_json_is_the_same_object_as_ask(sample_db):
    runner = CliRunner()
    piped = runner.invoke(app, ["repl", "--db", str(sample_db), "--format", "json"], input="会议费多少\n")
    asked = runner.invoke(app, ["ask", "会议费多少", "--db", str(sample_db), "--format", "json"])
    assert json.loads(piped.stdout) == json.loads(asked.stdout)


def test_piped_text(sample_db):
    result = CliRunner().invoke(app, ["repl", "--db", str(sample_db)], input="收入总计多少\n上年呢\n乱七八糟\n")
    assert result.exit_code == 0
    out = result.stdout
    assert "183.54万元" in out
    assert "理解为：" in out and "166.70万元" in out
    assert "无法理解" in out
    assert "决算>" not in out and "\x1b[" not in out  # no prompt, no colour


def test_piped_is_the_default_command(sample_db):
    result = CliRunner().invoke(app, ["--db", str(sample_db), "--format", "json"], input="会议费多少\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[-1])["question_type"] == "科目金额"


def test_last_year_of_an_earlier_year_is_the_year_before_it(engine):
    conversation = Conversation(engine)
    conversation.ask("2024年收入总计多少")
    conversation.ask("上年呢")
    again = conversation.ask("上年呢")  # 2022: the sample has no figure for it
    assert again.status == "no_data" and dict(again.params).get("年度") == 2022


def test_piped_input_takes_the_repl_commands_and_raw_sql(sample_db, tmp_path):
    out_file = tmp_path / "x.csv"
    lines = ["会议费多少", "\\sql", "select count(*) AS n from 报告", f"\\export {out_file}", "\\q", "差旅费多少"]
    result = CliRunner().invoke(app, ["repl", "--db", str(sample_db)], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "44.00万元" in out and "参数：" in out and "会议费" in out  # \sql shows the last question's SQL
    assert out_file.read_text(encoding="utf-8").splitlines() == ["n", "1"]  # \export wrote the raw SQL's result
    assert "差旅费（经济分类）" not in out  # \q ended the input


def test_a_year_follow_up_from_another_part_of_the_report_is_flagged(engine):
    """差旅费 (正文) → 上年呢 (worked out from the 附件): the two are not to be subtracted — the answer says so."""
    conversation = Conversation(engine)
    conversation.ask("差旅费多少")
    a = conversation.ask("上年呢")
    assert a.status == "ok" and any("上一个答案出自正文，这个出自附件" in w for w in a.warnings), a.warnings
    b = conversation.ask("会议费多少")
    assert not any("上一个答案" in w for w in b.warnings)  # a new question, not a follow-up


@pytest.mark.parametrize(("line", "types", "items"), [
    ("会议费多少，差旅费多少", ["科目金额", "科目金额"], ["会议费", "差旅费"]),
    ("会议费多少，比上年增加多少，为什么", ["科目金额", "科目增减", "科目原因"], ["会议费"] * 3),
    ("会议费多少；占公用经费的比例？", ["科目金额", "科目占科目"], ["会议费"] * 2),
])
def test_several_questions_in_one_line_are_each_answered(engine, line, types, items):
    """Trial 21: "…支出多少，比上年增长多少，原因" was read as one question and only the reason was answered."""
    a = Conversation(engine).ask(line)
    assert a.status == "ok" and [p.question_type for p in a.parts] == types, a
    assert [dict(p.params).get("科目") for p in a.parts] == items
    assert all(p.answer.rstrip("。") in a.answer for p in a.parts)


@pytest.mark.parametrize("line", ["会议费，差旅费哪个多", "会议费，差旅费合计", "会议费多少？", "工商联，会议费多少"])
def test_a_line_about_its_parts_together_stays_one_question(engine, line):
    assert not Conversation(engine).ask(line).parts


def test_several_questions_render_one_after_the_other(sample_db, capsys):
    from assistant.cli import run_ask

    assert run_ask("会议费多少，差旅费多少", str(sample_db), "json") == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["question"] for p in out["parts"]] == ["会议费多少", "差旅费多少"] and out["status"] == "ok"
    assert run_ask("会议费多少，差旅费多少", str(sample_db), "table") == 0
    text = capsys.readouterr().out
    at = [text.index(s) for s in ("【1】会议费多少", "44.00万元", "【2】差旅费多少", "差旅费（经济分类） 4.00万元")]
    assert at == sorted(at), text
    follow = Conversation(Engine(open_readonly(sample_db), load_catalog(), load_lexicon()))
    follow.ask("会议费多少，差旅费多少")
    assert dict(follow.ask("上年呢").params).get("科目") == "差旅费"  # the chat goes on from the last question
