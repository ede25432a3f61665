"""Hostile questions and files: a clear message, the documented exit code, the database unchanged.

Questions never become SQL text (``Engine.ask`` only picks a file in sql/questions and binds parameters),
so SQL- or format-string-looking text is just a question that is not understood. Files beyond what
tests/test_load.py covers: 50 MB of text, 100,000-character lines, NUL bytes, Latin-1, one report twice,
malformed numbers, a .docx that is another zip, a PDF without text, unreadable paths, directories.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.lexicon import load_lexicon
from assistant.parse import parse
from assistant.read import MAX_CHARS, read_bytes

from .conftest import SAMPLE

runner = CliRunner()
TEXT = SAMPLE.read_text(encoding="utf-8")

QUESTIONS = {
    "sql": "会议费'; DROP TABLE 支出; --",
    "sql2": "'; DELETE FROM facts; SELECT '",
    "sql3": "1 OR 1=1 UNION SELECT * FROM meta",
    "format": "{0}",
    "format2": "{科目}{__class__}",
    "percent": "%s%s%n",
    "param": "$科目",
    "empty": "",
    "whitespace": " \t\u3000 ",
    "control": "会议费\x00\x01\x07\x1b[31m多少\x7f",
    "newlines": "会议费\n多少\r\n",
    "emoji": "😀 会议费 👍🏽 多少？",
    "mixed": "Сколько 会议费 كم how much 会議費",
    "rtl": "\u202e会议费多少\u202c",
    "long": "会议费" * 33_334,  # 100,002 characters
    "very_long_ascii": "a" * 100_000,
}


@pytest.fixture
def db(tmp_path, sample_db) -> Path:
    path = tmp_path / "t.duckdb"
    shutil.copy(sample_db, path)
    return path


# ---- questions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_hostile_question_is_answered_not_run(db, name):
    before = db.read_bytes()
    result = runner.invoke(app, ["ask", QUESTIONS[name], "--db", str(db), "--format", "json"])
    assert result.exit_code in (0, 1), result.output  # 0 only when the question still names 会议费
    assert "Traceback" not in result.output
    answer = json.loads(result.stdout)
    assert answer["status"] in ("ok", "not_understood", "no_data")
    if result.exit_code == 0:
        assert answer["question_type"] and "会议费" in str(answer["params"])
    else:
        assert answer["answer"]  # a message
    assert db.read_bytes() == before


@pytest.mark.parametrize("name", ["control", "rtl", "sql"])
def test_table_output_carries_no_terminal_escapes(db, name):
    result = runner.invoke(app, ["ask", QUESTIONS[name], "--db", str(db)])
    assert "\x1b" not in result.output and "\x00" not in result.output


def test_long_question_is_refused_with_the_limit(db):
    from assistant.engine import MAX_QUESTION

    result = runner.invoke(app, ["ask", QUESTIONS["long"], "--db", str(db)])
    assert result.exit_code == 1
    assert "问题过长" in result.output and str(MAX_QUESTION) in result.output


def test_fast_path_handles_hostile_questions(db, capsys):
    """``juesuan ask`` without typer (assistant.cli.run_ask): same answers, same exit codes."""
    from assistant.cli import run_ask

    before = db.read_bytes()
    for q in QUESTIONS.values():
        assert run_ask(q, str(db), "json") in (0, 1)
        json.loads(capsys.readouterr().out)
    assert db.read_bytes() == before


# ---- files -------------------------------------------------------------------------------------------


def _db_rows(db: Path):
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("reports", "facts", "unplaced")}
    finally:
        con.close()


def _refused(db: Path, path: Path, *extra: str) -> str:
    before = _db_rows(db)
    result = runner.invoke(app, ["load", str(path), *extra, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert _db_rows(db) == before
    return result.output


def test_fifty_megabytes_of_text_is_refused_quickly(db, tmp_path):
    path = tmp_path / "big.txt"
    filler = "本单位认真贯彻落实各项工作部署，加强内部管理，提升服务水平。\n".encode()
    with path.open("wb") as f:
        f.write(TEXT.encode())
        f.write(filler * (50 * 1024 * 1024 // len(filler)))
    start = time.perf_counter()
    out = _refused(db, path)
    assert time.perf_counter() - start < 10
    assert "文本过长" in out and f"{MAX_CHARS:,}" in out


def test_text_just_under_the_limit_still_loads(db, tmp_path):
    """The limit is about 20 times the largest real report: a padded report under it loads in seconds."""
    path = tmp_path / "padded.txt"
    path.write_text(TEXT + "说明。\n" * ((MAX_CHARS - len(TEXT)) // 40), encoding="utf-8")
    result = runner.invoke(app, ["load", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output


def test_docx_text_over_the_limit_is_refused(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(TEXT)
    document.add_paragraph("很长的段落" * (MAX_CHARS // 5 + 1))
    path = tmp_path / "long.docx"
    document.save(str(path))
    from assistant.model import JuesuanError
    from assistant.read import read_document

    with pytest.raises(JuesuanError, match="文本过长"):
        read_document(path)


def test_lines_of_100000_characters(db, tmp_path):
    """Inside a report they are text like any other; the report loads and answers as before."""
    path = tmp_path / "long_lines.txt"
    long_line = "说明" * 50_000
    path.write_text(TEXT.replace("第一部分", long_line + "\n第一部分", 1) + long_line + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = runner.invoke(app, ["load", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - start < 30
    ask = runner.invoke(app, ["ask", "会议费多少", "--db", str(db)])
    assert "44.00万元" in ask.output


def test_one_line_of_100000_characters_is_refused(db, tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_text("数" * 100_000, encoding="utf-8")
    assert "不像一份部门决算报告" in _refused(db, path)


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_nul_bytes_are_refused(db, tmp_path, where):
    data = TEXT.encode()
    at = {"start": 0, "middle": len(data) // 2, "end": len(data)}[where]
    at = TEXT[: len(TEXT) // 2].encode().__len__() if where == "middle" else at  # on a character boundary
    path = tmp_path / "nul.txt"
    path.write_bytes(data[:at] + b"\x00" * 8 + data[at:])
    out = _refused(db, path)
    assert "二进制" in out


def test_latin1_text_is_refused(db, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Rapport budgétaire — exercice 2024, café, résumé, naïve.\n" * 50).replace("—", "-").encode("latin-1"))
    _refused(db, path)


def test_report_with_latin1_bytes_inside_is_refused_or_exact(db, tmp_path):
    """A report whose bytes are not one encoding: never loaded with garbled figures."""
    path = tmp_path / "mixed.txt"
    path.write_bytes(TEXT.encode() + "\nRésumé café\n".encode("latin-1"))
    result = runner.invoke(app, ["load", str(path), "--db", str(db)])
    assert "Traceback" not in result.output
    if result.exit_code == 0:  # decoded as GB18030 would garble the title: only a correct decoding may load
        assert "广元市昭化区工商业联合会" in result.output
    else:
        assert result.exit_code == 2


def test_same_report_twice_in_one_command(tmp_path):
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["load", str(SAMPLE), str(SAMPLE), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "载入" in result.output and "替换" in result.output
    rows = _db_rows(db)
    assert rows["reports"] == (1,)
    assert rows["facts"] == (len(parse(read_bytes(TEXT.encode(), SAMPLE.name), load_lexicon()).facts),)


@pytest.mark.parametrize("bad", ["1,2.3", "12。5", "一百万", "一百万元", "4,4", "44..0", "44.0.0", "1,234,5"])
def test_malformed_numbers_are_unplaced_never_misread(db, tmp_path, bad):
    text = TEXT.replace("会议费44万元", f"会议费{bad}万元", 1)
    assert text != TEXT
    report = parse(read_bytes(text.encode(), "bad.txt"), load_lexicon())
    on_line = [f for f in report.facts if f.source.line == 69]
    assert not any(f.科目 == "会议费" for f in on_line), on_line
    assert any(u.source.line == 69 for u in report.unplaced)
    # the rest of the report is untouched
    good = parse(read_bytes(TEXT.encode(), "bad.txt"), load_lexicon())
    assert {(f.科目, f.属性, f.数值) for f in report.facts if f.source.line != 69} == {
        (f.科目, f.属性, f.数值) for f in good.facts if f.source.line != 69}

    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["load", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "bad.txt 第69行的数字未能识别" in result.output
    ask = runner.invoke(app, ["ask", "会议费多少", "--db", str(db), "--format", "json"])
    answer = json.loads(ask.stdout)
    figures = {str(v) for row in answer["rows"] for v in row}
    assert not figures & {"1", "2.3", "12", "5", "4", "44.0", "1.000000", "2.300000", "12.000000", "5.000000"}


def test_docx_that_is_a_zip_of_something_else(db, tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("report.txt", TEXT)
        z.writestr("image.png", b"\x89PNG\r\n\x1a\n" + os.urandom(100))
    assert "zip 压缩包" in _refused(db, path)


def test_docx_with_a_broken_document_part(db, tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<not-xml")
    _refused(db, path)


def _pdf_without_text() -> bytes:
    """A one-page PDF that draws a rectangle and has no text layer (as a scan would)."""
    content = b"0 0 1 rg 100 100 200 200 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_without_text_layer(db, tmp_path):
    pytest.importorskip("pypdfium2")
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_without_text())
    out = _refused(db, path)
    assert "scan.pdf" in out


def test_truncated_pdf(db, tmp_path):
    pytest.importorskip("pypdfium2")
    path = tmp_path / "cut.pdf"
    path.write_bytes(_pdf_without_text()[:60])
    _refused(db, path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(db, tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        assert "没有读取权限" in _refused(db, path)
    finally:
        path.chmod(0o644)


def test_directory_named_directly_with_no_reports(db, tmp_path):
    folder = tmp_path / "empty_folder.txt"
    folder.mkdir()
    out = _refused(db, folder)
    assert "没有找到报告文件" in out


def test_read_document_of_a_directory():
    from assistant.model import JuesuanError
    from assistant.read import read_document

    with pytest.raises(JuesuanError, match="文件夹"):
        read_document(SAMPLE.parent)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(db, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "不是普通文件" in _refused(db, fifo)


def test_device_is_refused(db):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert "不是普通文件" in _refused(db, Path("/dev/zero"))


def test_missing_and_bad_files_among_good_ones(db, tmp_path):
    """One command, one good and two bad files: the good one loads, the bad ones are named, exit 1."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["load", str(SAMPLE), str(empty), str(tmp_path / "nope.txt"), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "empty.txt" in result.output and "nope.txt" in result.output and "不存在" in result.output
    assert "Traceback" not in result.output


def test_readme_states_the_limits():
    from assistant.engine import MAX_QUESTION
    from assistant.read import MAX_BYTES

    readme = (SAMPLE.parent.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 安全与限制"):readme.index("## 开发")]
    assert f"{MAX_BYTES // 1024 // 1024} MB" in section
    assert f"{MAX_CHARS // 10_000} 万字符" in section
    assert f"{MAX_QUESTION} 字" in section
