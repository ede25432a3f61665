"""The interactive REPL (prompt-toolkit): questions, follow-ups, backslash commands and raw SQL.

Everything is printed through ``Repl.write`` so tests can capture it; the library below never imports
prompt_toolkit.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, History
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output

from .conversation import RAW_SQL, WRITE_SQL, Conversation
from .dbpath import user_data_dir
from .engine import Engine
from .model import Answer, JuesuanError, os_error_text
from .render import FORMATS, render, render_rows

EXPORTS = {".csv": "csv", ".json": "json", ".md": "markdown"}


@dataclass(frozen=True)
class Command:
    name: str
    usage: str
    help: str
    run: Callable[[Repl, str], bool]  # returns False to leave the REPL


COMMANDS: dict[str, Command] = {}


def command(name: str, usage: str, help: str) -> Callable[[Callable[[Repl, str], bool]], Callable[[Repl, str], bool]]:
    def register(fn: Callable[[Repl, str], bool]) -> Callable[[Repl, str], bool]:
        COMMANDS[name] = Command(name, usage, help, fn)
        return fn

    return register


class Repl:
    """The REPL's state and actions, independent of the terminal (``handle`` takes one input line)."""

    def __init__(self, engine: Engine, fmt: str = "table", stream: TextIO | None = None) -> None:
        self.engine = engine
        self.conversation = Conversation(engine)
        self.fmt = fmt
        self.stream = stream or sys.stdout
        self.last_sql: tuple[str, dict[str, Any]] | None = None
        self.last_rows: tuple[tuple[str, ...], list[tuple[Any, ...]]] | None = None  # raw SQL result

    def write(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    # ---- one line ------------------------------------------------------------------------------
    def handle(self, line: str) -> bool:
        text = line.strip()
        if not text:
            return True
        if text.startswith("\\"):
            name, _, arg = text[1:].partition(" ")
            cmd = COMMANDS.get(name.lower())
            if cmd is None:
                self.write(f"未知命令 \\{name}；输入 \\help 查看可用命令")
                return True
            return cmd.run(self, arg.strip())
        if RAW_SQL.match(text) or WRITE_SQL.match(text):
            self.run_sql(text)
            return True
        try:
            answer = self.conversation.ask(text)
        except JuesuanError as e:
            self.write(str(e))
            return True
        self.last_rows = None
        self.last_sql = (answer.sql, dict(answer.params)) if answer.sql else self.last_sql
        self.write(render(answer, self.fmt))
        return True

    def run_sql(self, query: str) -> None:
        try:
            columns, rows = self.engine.run_sql(query, {})
        except JuesuanError as e:
            self.write(str(e))
            return
        self.last_sql = (query, {})
        self.last_rows = (columns, rows)
        self.write(render_rows(columns, rows, self.fmt))

    # ---- context, for the toolbar ---------------------------------------------------------------
    def context(self) -> dict[str, str]:
        answer = self.conversation.last
        params = dict(answer.params) if answer and answer.status == "ok" else {}
        reports = self.engine.reports()
        unit = self.conversation.context.get("单位") or params.get("单位")
        year = self.conversation.context.get("年度") or params.get("年度")
        if answer and answer.status == "ok" and answer.rows and "单位" in answer.columns:
            row = dict(zip(answer.columns, answer.rows[0], strict=True))
            unit, year = unit or row.get("单位"), year or row.get("年度")
        if len(reports) == 1:
            unit, year = unit or reports[0][0], year or reports[0][1]
        qtype = answer.question_type if answer and answer.question_type else ""
        title = self.engine.catalog[qtype].title if qtype in self.engine.catalog else ""
        return {
            "问题类型": qtype and f"{qtype}",
            "单位": str(unit or "全部"),
            "年度": str(year or "最新"),
            "格式": self.fmt,
            "说明": title,
        }

    def toolbar(self) -> str:
        c = self.context()
        return f" 单位：{c['单位']} │ 年度：{c['年度']} │ 上一问：{c['问题类型'] or '（无）'} │ 格式：{c['格式']} │ \\help 帮助"

    def welcome(self) -> str:
        loaded = "、".join(f"{y}年度 {u}" for u, y in self.engine.reports()) or "（无，先运行 juesuan load）"
        return f"决算问答 · 已载入：{loaded}。直接用中文提问（如“会议费多少”，再问“差旅费呢”）；\\help 查看命令，Ctrl-D 退出。"

    def help_text(self) -> str:
        width = max(len(c.usage) for c in COMMANDS.values())
        lines = [f"  {c.usage.ljust(width)}  {c.help}" for c in COMMANDS.values()]
        lines.append("  以 SELECT、WITH、FROM、DESCRIBE、SHOW 或 SUMMARIZE 开头的行作为只读 SQL 执行。")
        return "命令：\n" + "\n".join(lines)

    def words(self) -> list[str]:
        """Completion candidates: example phrasings and the names in the database."""
        out = [e.question for q in self.engine.catalog.values() for e in q.examples]
        for names in self.engine.entities().values():
            out.extend(sorted(names))
        out.extend(f"\\{name}" for name in COMMANDS)
        return list(dict.fromkeys(w for w in out if w))


# ---- the commands: one registry, help generated from it ------------------------------------------
@command("help", "\\help", "显示本帮助")
def _help(repl: Repl, arg: str) -> bool:
    repl.write(repl.help_text())
    return True


@command("q", "\\q", "退出（也可按 Ctrl-D）")
def _quit(repl: Repl, arg: str) -> bool:
    return False


@command("reports", "\\reports", "已载入的报告（单位、年度）")
def _reports(repl: Repl, arg: str) -> bool:
    reports = repl.engine.reports()
    repl.write("\n".join(f"{y}年度 {u}" for u, y in reports) if reports else "尚未载入报告；运行 juesuan load FILE")
    return True


@command("types", "\\types", "可以问的问题类型及示例")
def _types(repl: Repl, arg: str) -> bool:
    lines = []
    for q in repl.engine.catalog.values():
        examples = "；".join(e.question for e in q.examples[:3])
        lines.append(f"{q.id}：{q.title}" + (f"\n    例：{examples}" if examples else ""))
    repl.write("\n".join(lines))
    return True


@command("sql", "\\sql", "上一个问题执行的 SQL 及其参数")
def _sql(repl: Repl, arg: str) -> bool:
    if repl.last_sql is None:
        repl.write("还没有执行过查询")
        return True
    import json

    query, params = repl.last_sql
    shown = {k: (v if isinstance(v, (int, str, type(None))) else str(v)) for k, v in params.items()}
    repl.write(query.strip() + "\n参数：" + json.dumps(shown, ensure_ascii=False))
    return True


@command("why", "\\why", "上一个问题是如何理解的（问题类型、参数、匹配到的词、来源）")
def _why(repl: Repl, arg: str) -> bool:
    answer = repl.conversation.last
    if answer is None:
        repl.write("还没有提过问题")
        return True
    repl.write(_why_text(repl, answer))
    return True


def _why_text(repl: Repl, answer: Answer) -> str:
    qtype = repl.engine.catalog.get(answer.question_type)
    lines = [f"问题：{answer.question}"]
    if answer.understood:
        lines.append(answer.understood)
    lines.append(f"问题类型：{answer.question_type}（{qtype.title}）" if qtype else f"未能匹配问题类型（{answer.status}）")
    params = "，".join(f"{k}={v}" for k, v in answer.params if v is not None)
    lines.append(f"参数：{params or '（无）'}")
    lines.append("匹配：" + (" ".join(answer.why) or "（无）"))
    if answer.sources:
        lines.append("来源：")
        lines.extend(f"  {s.label()}" for s in answer.sources)
    return "\n".join(lines)


@command("format", "\\format table|json|csv|markdown", "切换输出格式")
def _format(repl: Repl, arg: str) -> bool:
    if arg not in FORMATS:
        repl.write(f"格式应为：{'|'.join(FORMATS)}（当前：{repl.fmt}）")
        return True
    repl.fmt = arg
    repl.write(f"输出格式：{arg}")
    return True


@command("use", "\\use [单位] [年度]", "设定上下文（不带参数则清除）；之后的问题默认指这个单位和年度")
def _use(repl: Repl, arg: str) -> bool:
    context: dict[str, object] = {}
    units = {u for u, _ in repl.engine.reports()}
    for part in arg.split():
        year = re.fullmatch(r"(\d{4})(?:年度?)?", part)
        if year:
            context["年度"] = int(year.group(1))
            continue
        # 工商联 for 广元市昭化区工商业联合会, 规划局 for 上海市普陀区规划和自然资源局: as a question reads them
        read = [t for t in repl.engine.matcher.tokens(part) if t.kind != "filler"]
        alias = sorted(v for k, v in read[0].values if k == "单位") if len(read) == 1 and read[0].kind == "单位" else []
        found = [u for u in units if part == u] or sorted(u for u in units if part in u) or alias
        if len(found) != 1:
            repl.write(f"没有唯一的单位与“{part}”对应；已载入：{'、'.join(sorted(units)) or '（无）'}")
            return True
        context["单位"] = found[0]
    repl.conversation.context = context
    repl.conversation.previous = None
    shown = "，".join(f"{k}={v}" for k, v in context.items())
    repl.write(f"上下文：{shown}" if shown else "已清除上下文")
    return True


@command("export", "\\export FILE", "把上一个结果写入文件，按扩展名：.csv、.json、.md")
def _export(repl: Repl, arg: str) -> bool:
    path = Path(arg).expanduser() if arg else None
    fmt = EXPORTS.get(path.suffix.lower()) if path else None
    if path is None or fmt is None:
        repl.write("用法：\\export FILE（扩展名 .csv、.json 或 .md）")
        return True
    if repl.last_rows is not None:
        text = render_rows(*repl.last_rows, fmt)
    elif repl.conversation.last is not None:
        text = render(repl.conversation.last, fmt)
    else:
        repl.write("还没有可导出的结果")
        return True
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as e:
        repl.write(f"无法写入 {path}：{os_error_text(e)}")
        return True
    repl.write(f"已写入 {path}")
    return True


@command("load", "\\load FILE", "载入报告（文件或文件夹）到当前数据库，然后继续对话")
def _load(repl: Repl, arg: str) -> bool:
    if not arg:
        repl.write("用法：\\load FILE（.txt、.docx、.pdf 或包含报告的文件夹）")
        return True
    from .dbpath import resolve_db
    from .engine import Engine
    from .lexicon import load_lexicon
    from .load import load_file, report_files
    from .model import JuesuanError
    from .store import connect

    row = repl.engine.con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    path = row[0] if row and row[0] else str(resolve_db(None))
    repl.engine.con.close()  # the question connection is read-only: write through a short-lived one
    try:
        con = connect(path)
        try:
            lexicon = load_lexicon()
            for f in report_files([arg]) or [Path(arg)]:
                result = load_file(con, f, lexicon)
                if result.status == "refused":
                    repl.write(f"拒绝 {f}：{result.message}")
                else:
                    repl.write(f"{'替换' if result.status == 'replaced' else '载入'} {f}：{result.年度}年度 {result.单位}")
        finally:
            con.close()
    except JuesuanError as e:
        repl.write(f"错误：{e}")
    repl.engine = Engine.open(path)
    repl.conversation = Conversation(repl.engine)
    return True


# ---- the terminal --------------------------------------------------------------------------------
class PhrasingCompleter(Completer):
    """Completes the Chinese text before the cursor (no spaces to split words on) against candidates."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = list(words)

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        before = document.text_before_cursor
        if not before.strip():
            return
        seen: set[str] = set()
        for size in range(min(len(before), 20), 0, -1):
            tail = before[-size:]
            for word in self.words:
                if word.startswith(tail) and word != tail and word not in seen:
                    seen.add(word)
                    yield Completion(word, start_position=-size)


def run_repl(
    engine: Engine,
    fmt: str = "table",
    input: Input | None = None,
    output: Output | None = None,
    history: History | None = None,
    stream: TextIO | None = None,
) -> int:
    repl = Repl(engine, fmt, stream)
    if history is None:
        directory = user_data_dir()
        directory.mkdir(parents=True, exist_ok=True)
        history = FileHistory(str(directory / "history"))
    session: PromptSession[str] = PromptSession(
        history=history,
        completer=PhrasingCompleter(repl.words()),
        complete_while_typing=True,
        bottom_toolbar=repl.toolbar,
        input=input,
        output=output,
    )
    repl.write(repl.welcome())
    while True:
        try:
            line = session.prompt("决算> ")
        except KeyboardInterrupt:  # Ctrl-C: clear the line
            continue
        except EOFError:  # Ctrl-D
            break
        if not repl.handle(line):
            break
    return 0
