"""The typer application: every command calls the library and prints what it returns.

Exit codes: 0 success / answered, 1 not answered or a finding of severity 错误, 2 usage or input error.
``assistant.cli.main`` answers a plain ``juesuan ask "…"`` without importing typer (start-up time).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .model import JuesuanError

app = typer.Typer(
    help="决算问答：离线查询部门决算报告。不带子命令时进入对话模式（REPL）。",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="路径", help="数据库文件；默认取环境变量 JUESUAN_DB，否则使用由内置示例报告建立的默认数据库。"),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", metavar="格式", help="输出格式：table、json、csv、markdown。")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"错误：{message}", err=True)
    return typer.Exit(code)


def _check_format(fmt: str) -> None:
    from .render import FORMATS

    if fmt not in FORMATS:
        raise _fail(f"不支持的输出格式“{fmt}”，可选：{'、'.join(FORMATS)}")


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """决算问答：离线查询部门决算报告。不带子命令时进入对话模式；标准输入不是终端时逐行读取问题。"""
    if ctx.invoked_subcommand is None:
        repl(db=db, fmt=fmt)
        return
    # ``juesuan --db X ask …``: options given before the command apply to it (the command's own options win);
    # a command that has no such option refuses it rather than ignoring it
    given = {k: v for k, v in (("db", db), ("fmt", fmt if fmt != "table" else None)) if v is not None}
    if given:
        command = ctx.command.get_command(ctx, ctx.invoked_subcommand) if isinstance(ctx.command, typer.core.TyperGroup) \
            else None
        names = {p.name for p in command.params} if command is not None else set()
        missing = [("--db" if k == "db" else "--format") for k in given if k not in names]
        if missing:
            raise _fail(f"命令 {ctx.invoked_subcommand} 没有选项 {'、'.join(missing)}")
        ctx.default_map = {**(ctx.default_map or {}), ctx.invoked_subcommand: given}


MANY_FILES = 50  # from this many files on, `load` prints progress and a summary instead of a line per file


@app.command()
def load(
    files: Annotated[list[str], typer.Argument(
        metavar="文件", help="报告文件（.txt、.docx、.pdf）或包含报告的文件夹（递归查找）。")],
    db: DbOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="显示覆盖率：数字全部落入数据的句子和表行所占比例。")] = False,
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1, metavar="N",
                                                help="并行解析的进程数；默认 CPU 核数，1 为不并行。")] = None,
) -> None:
    """载入报告到数据库。同一单位同一年度的报告再次载入会替换旧数据；载入失败的文件不改动数据库，也不影响其余文件。

    文件较多时在标准错误输出显示进度，最后给出汇总：载入、替换、拒绝（及原因）。
    退出码：0 全部载入；1 部分文件被拒绝；2 全部被拒绝、没有找到报告文件或用法错误；130 被 Ctrl-C 中断。
    """
    import time

    from .lexicon import load_lexicon
    from .load import load_files, report_files, resolve_db
    from .store import connect

    paths = report_files(files)  # before connecting: nothing to load leaves nothing open
    if not paths:
        raise _fail("没有找到报告文件")
    try:
        path = resolve_db(db, progress=lambda m: typer.echo(m, err=True))
        created = not Path(path).exists()
        con = connect(path)
    except JuesuanError as e:
        raise _fail(str(e)) from e
    lexicon = load_lexicon()
    many = len(paths) >= MANY_FILES
    step = max(1, len(paths) // 20)
    refused: list = []
    loaded: list = []
    tally = {"loaded": 0, "replaced": 0}
    start = time.perf_counter()
    # what a replacement replaces: a copy that reads worse (a noisy extraction) is loaded, but said so
    before = {(u, y): (c, f) for u, y, c, f in con.execute("SELECT 单位, 年度, 覆盖率, 文件 FROM 报告").fetchall()}
    try:
        results = load_files(con, paths, lexicon, workers=workers, with_counts=not many)
        for i, result in enumerate(results, 1):
            p = result.file
            prefix = f"[{i}/{len(paths)}] " if len(paths) > 1 else ""
            if many and (i % step == 0 or i == len(paths)):
                rate = i / (time.perf_counter() - start)
                typer.echo(f"进度 {i}/{len(paths)}（{rate:.1f} 份/秒）", err=True)
            if result.status == "refused":
                refused.append(result)
                reason = result.message.removeprefix(f"{p}：").removeprefix(f"{Path(p).name}：")  # named already
                typer.echo(f"{prefix}拒绝 {p}：{reason}", err=True)
                continue
            tally[result.status] += 1
            loaded.append(result)
            was = before.get((result.单位, result.年度))
            before[(result.单位, result.年度)] = (result.coverage, Path(p).name)
            if result.status == "replaced" and was and was[0] is not None and result.coverage < was[0] - 0.05:
                typer.echo(f"{prefix}警告：{Path(p).name} 替换了 {was[1]}，但覆盖率较低（{was[0]:.1%} → {result.coverage:.1%}）；"
                           "如需保留原报告，请重新载入它", err=True)
            if many:
                continue
            verb = "替换" if result.status == "replaced" else "载入"
            parts = "，".join(f"{k} {v}" for k, v in result.counts.items() if v)
            typer.echo(f"{prefix}{verb} {p}：{result.年度}年度 {result.单位}（{parts}）")
            for u in result.unplaced:
                typer.echo(f"  警告：{Path(p).name} 第{u.source.line}行的数字未能识别（{u.reason}）：{u.source.text[:60]}",
                           err=True)
            if verbose:
                typer.echo(f"  覆盖率：{result.coverage:.1%}")
        rows = (con.execute("SELECT count(*) FROM fact_rows").fetchone() or (0,))[0] if loaded else 0
        if len(loaded) >= 50 or (loaded and rows < 200_000):
            from .store import cluster

            cluster(con)  # keep items sorted by 科目: questions then skip most of the table
        elapsed = time.perf_counter() - start
        if loaded:
            from .check import refresh_findings, summary_line

            t = time.perf_counter()
            try:
                findings = refresh_findings(con)
            except JuesuanError as e:  # the reports are stored; only the audit failed
                typer.echo(f"勾稽检查未能完成：{e}（报告已载入；可稍后运行 juesuan check）", err=True)
                findings = None
            if findings is None:
                pass
            elif many:
                typer.echo(f"{summary_line(findings)}（{len(loaded)} 份报告，用时 {time.perf_counter() - t:.1f} 秒）")
            else:
                for unit, year in dict.fromkeys((r.单位, r.年度) for r in loaded):
                    mine = [f for f in findings if (f.unit, f.year) == (unit, year)]
                    typer.echo(f"{year}年度 {unit} {summary_line(mine)}")
    except KeyboardInterrupt:  # each file is stored in one transaction: the ones done stay, the rest are not loaded
        done = "、".join(Path(r.file).name for r in loaded) or "（无）"
        typer.echo(f"已中断。已载入 {len(loaded)} 份：{done}；其余 {len(paths) - len(loaded) - len(refused)} 份未载入",
                   err=True)
        raise typer.Exit(130) from None
    finally:
        con.close()
        if created and not loaded:  # nothing loaded into a database this command created: leave no empty file
            for leftover in (Path(path), Path(f"{path}.wal")):
                leftover.unlink(missing_ok=True)
    if loaded:
        from .dbpath import precompile

        precompile()  # the next `juesuan ask` reads bytecode even where Python may not write it
    if len(paths) > 1:
        typer.echo(_load_summary(len(paths), tally, refused, elapsed))
    if refused:
        raise typer.Exit(2 if len(refused) == len(paths) else 1)


def _load_summary(total: int, tally: dict[str, int], refused: list, elapsed: float) -> str:
    """``共 12 份（3.1 秒）：载入 10，替换 1，拒绝 1（不是部门决算报告 1）``."""
    from collections import Counter

    reasons = Counter(r.message.split("：", 1)[-1] if "：" in r.message else r.message for r in refused)
    why = "；".join(f"{m} {n}" for m, n in reasons.most_common())
    return (f"共 {total} 份（{elapsed:.1f} 秒）：载入 {tally['loaded']}，替换 {tally['replaced']}，拒绝 {len(refused)}"
            + (f"（{why}）" if why else ""))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(metavar="问题", help="中文问题，如“会议费多少”“三公经费比上年增减多少”。")],
    db: DbOption = None,
    fmt: FormatOption = "table",
    show_sql: Annotated[bool, typer.Option("--sql", help="同时显示执行的 SQL 及参数。")] = False,
    why: Annotated[bool, typer.Option("--why", help="显示问题是如何被理解的（问题类型、参数、匹配到的词）。")] = False,
) -> None:
    """回答一个问题。退出码：0 已回答，1 无法回答（未能理解，或未找到所问的数据），2 用法错误。"""
    from .cli import run_ask

    _check_format(fmt)
    raise typer.Exit(run_ask(question, db, fmt, show_sql, why))


@app.command()
def sql(
    query: Annotated[str, typer.Argument(metavar="SQL", help="sql/ 下的 .sql 文件（可省略路径与扩展名），或一条 SELECT 语句。")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="名称=值", help="参数，形如 科目=会议费；可重复。")] = None,
    db: DbOption = None,
    fmt: FormatOption = "table",
) -> None:
    """以只读方式运行一个 SQL 文件或查询（审计人员用）；参数按名称绑定，绝不拼接进 SQL。"""
    from .engine import Engine
    from .render import render_rows

    _check_format(fmt)
    params: dict[str, str] = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise _fail(f"参数“{item}”应写成 名称=值")
        params[key.strip()] = value
    try:
        engine = Engine.open(db, progress=lambda m: typer.echo(m, err=True))
        columns, rows = engine.run_sql(query, params)
        unit = params.get("单位")
        if unit and not rows and unit not in {u for u, _ in engine.reports()}:  # SQL compares full names only
            full = engine.full_unit(unit)
            raise JuesuanError(f"单位“{unit}”不是已载入报告的单位全称" + (f"，是否指 -p 单位={full}" if full else
                               "；已载入：" + "、".join(sorted({u for u, _ in engine.reports()}))))
    except JuesuanError as e:
        raise _fail(str(e)) from e
    typer.echo(render_rows(columns, rows, fmt))


@app.command()
def check(db: DbOption = None, fmt: FormatOption = "table") -> None:
    """勾稽检查：对所有已载入报告运行 sql/checks 下的每条规则。退出码：有“错误”级问题时为 1，否则 0。"""
    from .check import render_findings, run_checks
    from .engine import Engine

    _check_format(fmt)
    try:
        engine = Engine.open(db, progress=lambda m: typer.echo(m, err=True))
        findings = run_checks(engine.con)
    except JuesuanError as e:
        raise _fail(str(e)) from e
    typer.echo(render_findings(findings, fmt))
    raise typer.Exit(1 if any(f.level == "错误" for f in findings) else 0)


@app.command()
def export(
    directory: Annotated[str, typer.Argument(metavar="目录", help="导出目录（应为空或不存在）。")],
    db: DbOption = None,
) -> None:
    """把基础表导出为按年度分区的 Parquet 文件，并写出 views.sql：在该目录下用 DuckDB 执行它即可对 Parquet 运行 sql/ 下的查询。"""
    from .export import export_parquet
    from .load import resolve_db
    from .store import connect

    try:
        con = connect(resolve_db(db, progress=lambda m: typer.echo(m, err=True)), read_only=True)
        try:
            tables = export_parquet(con, directory)
        finally:
            con.close()
    except JuesuanError as e:
        raise _fail(str(e)) from e
    for t in tables:
        years = "、".join(str(y) for y in t.years) or "无"
        typer.echo(f"{t.table}：{t.rows} 行（年度 {years}）")
    typer.echo(f"视图：{Path(directory) / 'views.sql'}（cd {directory} && duckdb -init views.sql）")


@app.command()
def repl(db: DbOption = None, fmt: FormatOption = "table") -> None:
    """对话模式：连续提问，支持追问（那差旅费呢、上年呢）。标准输入不是终端时逐行读取问题、逐行输出答案。"""
    from .engine import Engine

    _check_format(fmt)
    try:
        engine = Engine.open(db, progress=lambda m: typer.echo(m, err=True))
    except JuesuanError as e:
        raise _fail(str(e)) from e
    if not sys.stdin.isatty():
        from .conversation import run_piped

        raise typer.Exit(run_piped(engine, sys.stdin, sys.stdout, fmt))
    from .repl import run_repl

    run_repl(engine, fmt)
