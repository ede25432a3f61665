"""Entry point of the ``juesuan`` console script.

A plain ``juesuan ask "问题" [--db P] [--format F] [--sql] [--why]`` is answered here without importing
typer, which would add about a third to the start-up time of the command people run most; everything
else (``--help``, other commands, anything unusual) goes to the typer application in ``commands``.
"""

from __future__ import annotations

import sys
from typing import Any

FORMATS = ("table", "json", "csv", "markdown")


def run_ask(question: str, db: str | None, fmt: str, show_sql: bool = False, why: bool = False) -> int:
    """Answer one question on stdout; 0 answered, 1 not answered, 2 error (message on stderr)."""
    from .conversation import Conversation
    from .engine import Engine
    from .model import JuesuanError
    from .render import render

    try:
        engine = Engine.open(db, progress=lambda m: print(m, file=sys.stderr))
        answer = Conversation(engine).ask(question)  # 会议费多少，比上年增长多少: a line may hold several questions
    except JuesuanError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    print(render(answer, fmt, show_sql=show_sql, why=why))
    return 0 if answer.status == "ok" else 1


def _fast_ask(argv: list[str]) -> int | None:
    """Handle the common ``ask`` form; None means "let typer do it"."""
    if not argv or argv[0] != "ask":
        return None
    question: str | None = None
    opts: dict[str, Any] = {"db": None, "fmt": "table", "show_sql": False, "why": False}
    args = iter(argv[1:])
    for arg in args:
        name, eq, inline = arg.partition("=")
        if name in ("--db", "--format", "-f") and arg.startswith("-"):
            value = inline if eq else next(args, None)
            if value is None:
                return None
            opts["db" if name == "--db" else "fmt"] = value
        elif arg == "--sql":
            opts["show_sql"] = True
        elif arg == "--why":
            opts["why"] = True
        elif arg.startswith("-") or question is not None:
            return None
        else:
            question = arg
    if question is None or opts["fmt"] not in FORMATS:
        return None
    return run_ask(question, **opts)


def main() -> None:
    try:
        code = _fast_ask(sys.argv[1:])
        if code is not None:
            sys.exit(code)
        from .commands import app

        _chinese_usage_errors()
        app(prog_name="juesuan")
    except BrokenPipeError:  # `juesuan ask … | head`: the reader left; no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


_USAGE = (
    (r"No such command '(.+?)'", "没有命令“{0}”"),
    (r"No such option: (\S+?)\.?(?:\s|$)", "没有选项 {0}"),
    (r"Missing argument '(.+?)'", "缺少参数 {0}"),
    (r"Missing option '(.+?)'", "缺少选项 {0}"),
    (r"Option '(.+?)' requires an argument", "选项 {0} 需要一个值"),
    (r"Invalid value for (.+?): (.+)", "选项 {0} 的值无效：{1}"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+?)\)", "多余的参数：{0}"),
)
_DETAIL = (  # the reasons click and typer give for a bad value
    (r"Input should be greater than or equal to (\S+)", r"应不小于 \1"),
    (r"Input should be a valid integer.*", "应为整数"),
    (r"'", ""),
)


def _chinese_usage_errors() -> None:
    """click's usage errors (no such command, missing argument …) in Chinese, with the same exit code 2; the
    help option's own line in Chinese."""
    import re

    try:  # typer ≥ 0.20 carries its own copy of click
        from typer._click import core, exceptions  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover
        from click import core, exceptions  # type: ignore[import-not-found,unused-ignore,no-redef]

    english_help_option = core.Command.get_help_option

    def help_option(self: Any, ctx: Any) -> Any:  # "--help  Show this message and exit." on every page
        option = english_help_option(self, ctx)
        if option is not None:
            option.help = "显示本帮助并退出。"
        return option

    def show(self: Any, file: Any = None) -> None:
        text = self.format_message()
        for pattern, chinese in _USAGE:
            m = re.search(pattern, text)
            if m:
                hint = re.search(r"(?:Possible options|Did you mean):?\s*([^)?]+)", text)
                text = chinese.format(*m.groups()) + (f"（是否想用 {hint.group(1).strip()}）" if hint else "")
                break
        for pattern, chinese in _DETAIL:
            text = re.sub(pattern, chinese, text)
        command = self.ctx.command_path if self.ctx is not None else "juesuan"
        print(f"错误：{text}。用 {command} --help 查看用法", file=sys.stderr)

    setattr(exceptions.UsageError, "show", show)  # noqa: B010 (a class attribute mypy would refuse)
    setattr(core.Command, "get_help_option", help_option)  # noqa: B010


def __getattr__(name: str) -> Any:
    if name == "app":  # ``from assistant.cli import app`` (tests, embedding) still works
        from .commands import app

        return app
    raise AttributeError(name)


if __name__ == "__main__":  # pragma: no cover
    main()
