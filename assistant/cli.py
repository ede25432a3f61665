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
    from .engine import Engine
    from .model import JuesuanError
    from .render import render

    try:
        engine = Engine.open(db, progress=lambda m: print(m, file=sys.stderr))
        answer = engine.ask(question)
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

        app(prog_name="juesuan")
    except BrokenPipeError:  # `juesuan ask … | head`: the reader left; no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def __getattr__(name: str) -> Any:
    if name == "app":  # ``from assistant.cli import app`` (tests, embedding) still works
        from .commands import app

        return app
    raise AttributeError(name)


if __name__ == "__main__":  # pragma: no cover
    main()
