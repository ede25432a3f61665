"""Stage 3 — store: ``Report`` → DuckDB base tables, and the public views over them.

One transaction per report: a report that fails to store leaves the database as it was. A report
is identified by (单位, 年度, 类型); loading it again replaces it.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from .catalog import sql_dir
from .model import Indicator, JuesuanError, Report, Source

SCHEMA_VERSION = "13"

_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS reports(
  报告ID INTEGER PRIMARY KEY, 单位 VARCHAR NOT NULL, 年度 INTEGER NOT NULL, 类型 VARCHAR NOT NULL,
  文件 VARCHAR, 路径 VARCHAR, 编码 VARCHAR, 内容哈希 VARCHAR, 载入时间 TIMESTAMP, 覆盖率 DOUBLE, 行数 INTEGER);
CREATE TABLE IF NOT EXISTS facts(
  报告ID INTEGER, 序号 INTEGER, 表 VARCHAR, 口径 VARCHAR, 类 VARCHAR, 款 VARCHAR, 项 VARCHAR, 科目编码 VARCHAR,
  上级科目 VARCHAR, 科目 VARCHAR, 原文科目 VARCHAR, 属性 VARCHAR, 数值 DECIMAL(24,6), 文本 VARCHAR,
  计量单位 VARCHAR, 章节 VARCHAR, 来源类型 VARCHAR, 文件 VARCHAR, 页 INTEGER, 行 INTEGER, 原文 VARCHAR,
  表名 VARCHAR);
CREATE TABLE IF NOT EXISTS projects(
  报告ID INTEGER, 项目编码 VARCHAR, 项目名称 VARCHAR, 主管部门 VARCHAR, 实施单位 VARCHAR, 年度目标 VARCHAR,
  完成情况 VARCHAR, 实施内容 VARCHAR, 评价结论 VARCHAR, 存在问题 VARCHAR, 改进措施 VARCHAR, 项目负责人 VARCHAR,
  财务负责人 VARCHAR, 总权重 DECIMAL(24,6), 总得分 DECIMAL(24,6), 文件 VARCHAR, 页 INTEGER, 行 INTEGER, 原文 VARCHAR);
CREATE TABLE IF NOT EXISTS funds(
  报告ID INTEGER, 项目编码 VARCHAR, 资金来源 VARCHAR, 年初预算 DECIMAL(24,6), 调整后预算 DECIMAL(24,6),
  执行数 DECIMAL(24,6), 执行率 DECIMAL(24,6), 权重 DECIMAL(24,6), 得分 DECIMAL(24,6), 原因 VARCHAR,
  文件 VARCHAR, 页 INTEGER, 行 INTEGER, 原文 VARCHAR, 项目名称 VARCHAR);
CREATE TABLE IF NOT EXISTS indicators(
  报告ID INTEGER, 序号 INTEGER, 项目编码 VARCHAR, 项目名称 VARCHAR, 一级指标 VARCHAR, 二级指标 VARCHAR,
  三级指标 VARCHAR, 指标性质 VARCHAR, 指标值 VARCHAR, 度量单位 VARCHAR, 完成值 VARCHAR, 权重 DECIMAL(24,6),
  得分 DECIMAL(24,6), 未完成原因 VARCHAR, 是否完成 BOOLEAN, 文件 VARCHAR, 页 INTEGER, 行 INTEGER, 原文 VARCHAR);
CREATE TABLE IF NOT EXISTS terms(报告ID INTEGER, 名词 VARCHAR, 解释 VARCHAR, 文件 VARCHAR, 页 INTEGER, 行 INTEGER,
  原文 VARCHAR);
CREATE TABLE IF NOT EXISTS discrepancies(报告ID INTEGER, 规则 VARCHAR, 说明 VARCHAR, 差额 DECIMAL(24,6), 文件 VARCHAR,
  页 INTEGER, 行 INTEGER, 原文 VARCHAR);
CREATE TABLE IF NOT EXISTS unplaced(报告ID INTEGER, 原因 VARCHAR, 文件 VARCHAR, 页 INTEGER, 行 INTEGER, 原文 VARCHAR);
CREATE TABLE IF NOT EXISTS passages(报告ID INTEGER, 序号 INTEGER, 标题 VARCHAR, 上级标题 VARCHAR, 章节 VARCHAR,
  文件 VARCHAR, 页 INTEGER, 行 INTEGER, 原文 VARCHAR);
"""

_LABEL = ("{t}.文件 || CASE WHEN {t}.页 > 0 THEN ' 第' || {t}.页 || '页' ELSE '' END"
          " || ' 第' || {t}.行 || '行：' || {t}.原文")


def _pick(attr: str, alias: str | None = None) -> str:
    return f"arg_min(数值, 序号) FILTER (WHERE 属性 = '{attr}') AS {alias or attr}"


_FACT_ROWS = f"""
SELECT 报告ID, 表, 口径, 类, 款, 项, 科目, 章节, 来源类型, 表名,
  {_pick('金额')}, {_pick('决算数')}, {_pick('预算数')}, {_pick('完成预算比')}, {_pick('占比')},
  {_pick('上年金额')}, {_pick('增减额')}, {_pick('增减率')}, {_pick('批次')}, {_pick('人次')}, {_pick('数量')},
  {_pick('数值')}, {_pick('基本支出')}, {_pick('项目支出')},
  string_agg(文本, '；' ORDER BY 序号) FILTER (WHERE 属性 = '说明') AS 说明,
  string_agg(文本, '；' ORDER BY 序号) FILTER (WHERE 属性 = '预算差异说明') AS 预算差异说明,
  any_value(科目编码 ORDER BY 序号) FILTER (WHERE 科目编码 <> '') AS 科目编码,
  any_value(上级科目 ORDER BY 序号) FILTER (WHERE 上级科目 <> '') AS 上级科目,
  any_value(计量单位 ORDER BY 序号) FILTER (WHERE 属性 IN ('数值', '数量')) AS 计量单位,
  string_agg(DISTINCT {_LABEL.format(t='facts')}, chr(10) ORDER BY {_LABEL.format(t='facts')}) AS 来源,
  list(DISTINCT {{'file': 文件, 'page': 页, 'line': 行, 'text': 原文}}
       ORDER BY {{'file': 文件, 'page': 页, 'line': 行, 'text': 原文}}) AS 来源明细,  -- in one order, every run
  min(序号) AS 序号
FROM facts WHERE 报告ID BETWEEN $从 AND $到 GROUP BY 报告ID, 表, 口径, 类, 款, 项, 科目, 章节, 来源类型, 表名
"""

# 条目: every item row of every report with its 单位, 年度 and source rank (表序). Questions read it more than
# anything else, so it is a table filled at load time (as fact_rows is), not a view: DuckDB binds and optimises a
# view's join and expressions again in every question, which made a 科目金额 question about 30% slower.
_ENTRY = """
  SELECT r.单位, r.年度, x.表, x.口径, x.类, x.款, x.项, x.科目编码, x.科目, x.上级科目,
    coalesce(x.金额, x.决算数) AS 金额, x.预算数, x.完成预算比, x.占比,
    coalesce(x.上年金额, coalesce(x.金额, x.决算数) - x.增减额) AS 上年金额,
    (x.上年金额 IS NULL AND x.增减额 IS NOT NULL) AS 上年推算, x.增减额, x.增减率, x.批次, x.人次,
    coalesce(x.数量, x.数值) AS 数量, x.计量单位, x.说明, x.预算差异说明, x.章节, x.来源类型, x.表名, x.来源, x.来源明细,
    x.报告ID, x.序号,
    CASE x.章节 WHEN '表' THEN 10 WHEN '正文' THEN 20 ELSE 30 END
      + CASE WHEN x.表 = '收入' AND (x.科目 LIKE '%支出' OR coalesce(x.科目编码, '') <> '') THEN 4
             WHEN x.表名 IN ('支出决算表', '收入决算表') THEN 1 WHEN x.表名 = '收入支出决算总表' THEN 2
             WHEN x.表名 LIKE '%财政拨款%' THEN 4 ELSE 3 END AS 表序
  FROM fact_rows x JOIN reports r USING (报告ID)
"""
# 年度条目: each year's figures of an item, as a question about a year looks for them: the rows of that year's
# report (本年报告), then the 上年 figures the next year's report lists (年度 is then the year before; 推算 when the
# report gave only the change). A department whose 收入/支出总计 was 0 the year before did not exist then: no
# 上年 rows. Filled from 条目 at load time, one report range at a time ({where}).
_YEAR_ROWS = """
  SELECT 单位, 年度, 表, 口径, 类, 款, 科目,
    CASE WHEN 表 IN ('资产', '概况') THEN coalesce(数量, 金额) ELSE 金额 END AS 值,
    CASE WHEN 表 IN ('资产', '概况') AND 数量 IS NOT NULL THEN 计量单位 ELSE '万元' END AS 计量单位,
    章节, 表名, false AS 推算, true AS 本年报告, 金额 AS 本年值, 说明, 来源, 来源明细, 表序, 报告ID
  FROM 条目 WHERE {where}
  UNION ALL
  SELECT 单位, 年度 - 1, 表, 口径, 类, 款, 科目, 上年金额, '万元', 章节, 表名, 上年推算, false, 金额, NULL, 来源,
    来源明细, 表序, 报告ID
  FROM 条目 e WHERE {where} AND 上年金额 IS NOT NULL AND 表 IN ('收入', '支出', '三公')
    AND NOT EXISTS (SELECT 1 FROM 条目 z WHERE z.报告ID = e.报告ID AND z.科目 IN ('收入总计', '支出总计')
      AND z.上年金额 = 0)
"""
_IN_RANGE = "报告ID BETWEEN $从 AND $到"


@functools.cache  # read once per process: every batch of a corpus load asks for them
def derived_tables() -> tuple[tuple[str, str], ...]:
    """(table, query) of each ``sql/derived`` file: the rows a question type would pick, picked at load time.

    DuckDB binds and optimises a statement at every execution; a question that ranks, windows and joins took
    3–5 ms to plan before it ran. Such a question reads its 取数 table instead, filled here by the same rules,
    and its own SQL is a filter (about 1 ms). Every row of such a table belongs to one 单位 and is worked out
    from that 单位's reports alone, so loading a report recomputes its 单位's rows and nothing else.
    """
    return tuple((p.stem, p.read_text(encoding="utf-8").strip().rstrip(";"))
                 for p in sorted((sql_dir() / "derived").glob("*.sql")))


# what a 取数 query reads, cut down to the 单位 being loaded: the names shadow the tables (DuckDB does not push a
# filter on 单位 through the queries' windows, so filtering their result would work out every 单位 at every load)
_UNITS_ONLY = ", ".join(f"{t} AS (SELECT * FROM main.{t} WHERE 单位 IN (SELECT unnest($u)))"
                        for t in ("年度条目", "条目", "reports", "项目", "绩效指标", "段落"))


def derive(con: duckdb.DuckDBPyConnection, units: Sequence[str]) -> None:
    """Recompute the 取数 tables' rows of ``units`` (inside the caller's transaction)."""
    for table, query in derived_tables():
        con.execute(f"DELETE FROM {table} WHERE 单位 IN (SELECT unnest($u))", {"u": list(units)})
        con.execute(f"INSERT INTO {table} WITH {_UNITS_ONLY} SELECT * FROM ({query})", {"u": list(units)})
# the same rows as views (the Parquet export defines no tables)
ENTRY_VIEW = (f"CREATE OR REPLACE VIEW 条目 AS{_ENTRY};\n"
              f"CREATE OR REPLACE VIEW 年度条目 AS{_YEAR_ROWS.format(where='true')};\n")

_VIEWS = f"""
CREATE OR REPLACE VIEW 报告 AS
  SELECT 单位, 年度, 文件, 类型, 内容哈希, 载入时间, 覆盖率, 路径, 编码, 行数, 报告ID FROM reports;
CREATE OR REPLACE VIEW 事实 AS
  SELECT r.单位, r.年度, f.*, {_LABEL.format(t='f')} AS 来源 FROM facts f JOIN reports r USING (报告ID);
CREATE OR REPLACE VIEW 收入 AS
  SELECT r.单位, r.年度, x.口径, x.类, x.款, x.项, x.科目编码, x.科目, x.金额, x.预算数, x.占比,
    coalesce(x.上年金额, x.金额 - x.增减额) AS 上年金额, (x.上年金额 IS NULL AND x.增减额 IS NOT NULL) AS 上年推算,
    x.增减额, x.增减率, x.说明, x.预算差异说明, x.章节, x.来源类型, x.表名, x.来源, x.来源明细, x.报告ID, x.序号
  FROM fact_rows x JOIN reports r USING (报告ID) WHERE x.表 = '收入';
CREATE OR REPLACE VIEW 支出 AS
  SELECT r.单位, r.年度, x.口径, x.类, x.款, x.项, x.科目, x.金额, x.预算数, x.完成预算比, x.占比,
    coalesce(x.上年金额, x.金额 - x.增减额) AS 上年金额, (x.上年金额 IS NULL AND x.增减额 IS NOT NULL) AS 上年推算,
    x.增减额, x.增减率, x.说明, x.预算差异说明, x.科目编码, x.上级科目, x.基本支出, x.项目支出, x.章节, x.来源类型, x.表名,
    x.来源, x.来源明细, x.报告ID, x.序号
  FROM fact_rows x JOIN reports r USING (报告ID) WHERE x.表 = '支出';
CREATE OR REPLACE VIEW 三公 AS
  SELECT r.单位, r.年度, x.科目, x.决算数, x.预算数, x.完成预算比, x.占比,
    coalesce(x.上年金额, x.决算数 - x.增减额) AS 上年决算数, (x.上年金额 IS NULL AND x.增减额 IS NOT NULL) AS 上年推算,
    x.增减额, x.增减率, x.批次, x.人次, x.数量, x.说明, x.预算差异说明, x.上级科目, x.章节, x.来源类型, x.表名, x.来源,
    x.来源明细, x.报告ID, x.序号
  FROM fact_rows x JOIN reports r USING (报告ID) WHERE x.表 = '三公';
CREATE OR REPLACE VIEW 资产 AS
  SELECT r.单位, r.年度, x.科目, coalesce(x.数量, x.数值) AS 数量, coalesce(x.计量单位, '') AS 计量单位, x.金额,
    x.说明, x.上级科目, x.章节, x.来源, x.来源明细, x.报告ID, x.序号
  FROM fact_rows x JOIN reports r USING (报告ID) WHERE x.表 = '资产';
CREATE OR REPLACE VIEW 概况 AS
  SELECT r.单位, r.年度, x.口径 AS 类别, x.科目, coalesce(x.数值, x.数量, x.金额) AS 数值,
    CASE WHEN x.数值 IS NULL AND x.金额 IS NOT NULL THEN '万元' ELSE x.计量单位 END AS 计量单位,
    x.预算数, x.说明, x.章节, x.来源, x.来源明细, x.报告ID, x.序号
  FROM fact_rows x JOIN reports r USING (报告ID) WHERE x.表 = '概况';
CREATE OR REPLACE VIEW 项目资金 AS
  SELECT r.单位, r.年度, f.项目编码, p.项目名称, f.资金来源, f.年初预算, f.调整后预算, f.执行数, f.执行率, f.权重,
    f.得分, f.原因, {_LABEL.format(t='f')} AS 来源,
    [{{'file': f.文件, 'page': f.页, 'line': f.行, 'text': f.原文}}] AS 来源明细, f.报告ID
  FROM funds f JOIN reports r USING (报告ID)
  LEFT JOIN projects p ON p.报告ID = f.报告ID AND p.项目编码 = f.项目编码 AND p.项目名称 = f.项目名称;
CREATE OR REPLACE VIEW 项目 AS
  SELECT r.单位, r.年度, p.项目编码, p.项目名称, p.主管部门, p.实施单位, f.年初预算, f.调整后预算, f.执行数,
    f.执行率, f.权重 AS 预算执行权重, f.得分 AS 预算执行得分, f.原因, p.总权重, p.总得分, p.年度目标, p.完成情况,
    p.实施内容, p.评价结论, p.存在问题, p.改进措施, p.项目负责人, p.财务负责人,
    {_LABEL.format(t='p')} AS 来源,
    [{{'file': p.文件, 'page': p.页, 'line': p.行, 'text': p.原文}}]
      || CASE WHEN f.文件 IS NULL THEN [] ELSE [{{'file': f.文件, 'page': f.页, 'line': f.行, 'text': f.原文}}] END
      AS 来源明细, p.报告ID
  FROM projects p JOIN reports r USING (报告ID)
  LEFT JOIN funds f ON f.报告ID = p.报告ID AND f.项目编码 = p.项目编码 AND f.项目名称 = p.项目名称
    AND f.资金来源 = '总额';  -- two projects of a report may have no code: the name tells them apart
CREATE OR REPLACE VIEW 绩效指标 AS
  SELECT r.单位, r.年度, i.项目编码, i.项目名称, i.一级指标, i.二级指标, i.三级指标, i.指标性质, i.指标值,
    i.度量单位, i.完成值, i.权重, i.得分, i.未完成原因, i.是否完成, {_LABEL.format(t='i')} AS 来源,
    [{{'file': i.文件, 'page': i.页, 'line': i.行, 'text': i.原文}}] AS 来源明细, i.报告ID, i.序号
  FROM indicators i JOIN reports r USING (报告ID);
CREATE OR REPLACE VIEW 名词 AS
  SELECT r.单位, r.年度, t.名词, t.解释, {_LABEL.format(t='t')} AS 来源,
    [{{'file': t.文件, 'page': t.页, 'line': t.行, 'text': t.原文}}] AS 来源明细, t.报告ID
  FROM terms t JOIN reports r USING (报告ID);
CREATE OR REPLACE VIEW 段落 AS
  SELECT r.单位, r.年度, p.标题, p.上级标题, p.章节, p.原文 AS 文本, {_LABEL.format(t='p')} AS 来源,
    [{{'file': p.文件, 'page': p.页, 'line': p.行, 'text': p.原文}}] AS 来源明细, p.报告ID, p.序号
  FROM passages p JOIN reports r USING (报告ID);
CREATE OR REPLACE VIEW 差异 AS
  SELECT r.单位, r.年度, d.规则, d.说明, d.差额, {_LABEL.format(t='d')} AS 来源,
    [{{'file': d.文件, 'page': d.页, 'line': d.行, 'text': d.原文}}] AS 来源明细, d.报告ID
  FROM discrepancies d JOIN reports r USING (报告ID);
CREATE OR REPLACE VIEW 未识别 AS
  SELECT r.单位, r.年度, u.原因, {_LABEL.format(t='u')} AS 来源, u.报告ID FROM unplaced u JOIN reports r USING (报告ID);
"""

VIEW_NAMES = ("报告", "事实", "条目", "年度条目", "收入", "支出", "三公", "资产", "概况", "项目", "项目资金", "绩效指标", "名词",
              "段落", "差异", "未识别")


def path_problem(p: Path, write: bool) -> str:
    """What is wrong with a database path before DuckDB is asked (a folder, a missing folder, a read-only place),
    so that a sound file is never called corrupt; '' when nothing is."""
    if p.is_dir():
        return f"{p}：这是一个文件夹，不是数据库文件；请用 --db 指定一个文件路径"
    if not p.parent.is_dir():
        return f"{p}：所在目录 {p.parent} 不存在；请先建立该目录或换一个 --db 路径"
    if write and not os.access(p if p.exists() else p.parent, os.W_OK):
        return f"{p}：数据库（或所在目录）只读，无法写入；请换一个可写的 --db 路径"
    return ""


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a database, with a clear message for a locked, corrupt or foreign file."""
    p = Path(path)
    if read_only and not p.exists():
        raise JuesuanError(f"{p}：数据库不存在；先用 juesuan load 载入报告")
    problem = path_problem(p, write=not read_only)
    if problem:
        raise JuesuanError(problem)
    try:
        con = duckdb.connect(str(p), read_only=read_only)
    except duckdb.IOException as e:
        msg = str(e)
        if "lock" in msg.lower():
            raise JuesuanError(f"{p}：数据库正被另一个进程使用（例如正在载入），请稍后再试") from e
        raise JuesuanError(f"{p}：无法打开数据库（文件损坏或不是 DuckDB 数据库）。可删除该文件后用 juesuan load 重建") from e
    except duckdb.Error as e:
        raise JuesuanError(f"{p}：无法打开数据库（文件损坏或不是 DuckDB 数据库）。可删除该文件后用 juesuan load 重建") from e
    if not read_only:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if tables and "meta" not in tables:  # someone else's DuckDB database: never write into it
            con.close()
            raise JuesuanError(f"{p}：这不是 juesuan 数据库（其中已有其他表），未作改动；请换一个 --db 路径，"
                               "或删除该文件后用 juesuan load 重建")
        try:
            ensure_schema(con)
        except duckdb.Error as e:
            con.close()
            raise JuesuanError(f"{p}：数据库结构不兼容，可删除该文件后用 juesuan load 重建（{e}）") from e
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_TABLES)
    # fact_rows: facts pivoted to one row per item (what the views show), computed once per report at
    # load time so that a question reads rows instead of re-aggregating every fact of every report
    con.execute(f"CREATE TABLE IF NOT EXISTS fact_rows AS SELECT * FROM ({_FACT_ROWS}) WHERE false", {"从": 0, "到": 0})
    row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row and row[0] != SCHEMA_VERSION:
        raise JuesuanError(f"数据库由其他版本创建（结构版本 {row[0]}，当前 {SCHEMA_VERSION}）；请删除后重新载入")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
    con.execute(f"CREATE TABLE IF NOT EXISTS 条目 AS SELECT * FROM ({_ENTRY}) WHERE false")
    con.execute(f"CREATE TABLE IF NOT EXISTS 年度条目 AS SELECT * FROM ({_YEAR_ROWS.format(where='false')})")
    con.execute(_VIEWS)
    for table, query in derived_tables():  # after the views: some read them
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} AS SELECT * FROM ({query}) WHERE false")


def _src(s: Source) -> tuple[str, int, int, str]:
    return (s.file, s.page, s.line, s.text)


def completed(ind: Indicator) -> bool | None:
    """Whether an indicator met its target, by its 指标性质; None when that cannot be judged."""
    kind = ind.指标性质.replace(" ", "")
    if kind == "定性":
        if not ind.完成值:
            return None
        return ind.完成值.strip() == ind.指标值.strip() or ind.完成值.strip() in ("是", "达到", "完成", "达标")
    target, done = _number(ind.指标值), _number(ind.完成值)
    if target is None or done is None:
        return None
    if kind in ("≥", ">=", "＞", ">", "≧"):
        return done >= target
    if kind in ("≤", "<=", "＜", "<", "≦"):
        return done <= target
    if kind in ("＝", "=", "=="):
        return done == target
    return None


def _number(text: str) -> Decimal | None:
    from .normalize import to_decimal

    m = re.search(r"-?\d[\d,]*(?:\.\d+)?", text or "")
    return to_decimal(m.group(0)) if m else None


def store_report(con: duckdb.DuckDBPyConnection, report: Report) -> tuple[int, bool]:
    """Insert one report in one transaction; returns (报告ID, replaced)."""
    return store_reports(con, [report])[0]


_TABLES_BY_REPORT = ("facts", "fact_rows", "条目", "年度条目", "projects", "funds", "indicators", "terms", "discrepancies",
                     "unplaced", "passages", "reports")


def store_reports(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> list[tuple[int, bool]]:
    """Insert several reports in one transaction (all of them or none); returns (报告ID, replaced) for each.

    A report replaces an earlier one with the same (单位, 年度, 类型). Batching is what makes a corpus load
    fast: the per-statement cost is paid once per batch, not once per report.
    """
    keys = [(r.单位, r.年度, r.类型) for r in reports]
    if len(set(keys)) < len(keys):  # the same report twice in one batch: store them one after the other
        return [store_reports(con, [r])[0] for r in reports]
    con.execute("BEGIN TRANSACTION")
    try:
        old = dict(((u, y, k), rid) for rid, u, y, k in con.execute(
            "SELECT r.报告ID, r.单位, r.年度, r.类型 FROM reports r JOIN (SELECT unnest($u) AS 单位, "
            "unnest($y) AS 年度, unnest($k) AS 类型) n USING (单位, 年度, 类型)",
            {"u": [k[0] for k in keys], "y": [k[1] for k in keys], "k": [k[2] for k in keys]}).fetchall())
        if old:
            for table in _TABLES_BY_REPORT:
                con.execute(f"DELETE FROM {table} WHERE 报告ID IN (SELECT unnest($ids))", {"ids": list(old.values())})
        first = con.execute("SELECT coalesce(max(报告ID), 0) + 1 FROM reports").fetchone()[0]  # type: ignore[index]
        ids = list(range(first, first + len(reports)))
        now = dt.datetime.now().replace(microsecond=0)
        _insert(con, "reports", [
            (rid, r.单位, r.年度, r.类型, r.document.name, r.document.path, r.document.encoding, r.document.sha256,
             now, round(r.coverage, 4), len(r.document.lines))
            for rid, r in zip(ids, reports, strict=True)])
        _insert(con, "facts", [
            (rid, i, f.表, f.口径, f.类, f.款, f.项, f.科目编码, f.上级科目, f.科目, f.原文科目, f.属性, f.数值, f.文本,
             f.计量单位, f.章节, f.来源类型, *_src(f.source), f.表名)
            for rid, r in zip(ids, reports, strict=True) for i, f in enumerate(r.facts)])
        con.execute(f"INSERT INTO fact_rows SELECT * FROM ({_FACT_ROWS})", {"从": ids[0], "到": ids[-1]})
        con.execute(f"INSERT INTO 条目 SELECT * FROM ({_ENTRY}) WHERE {_IN_RANGE}", {"从": ids[0], "到": ids[-1]})
        con.execute(f"INSERT INTO 年度条目 {_YEAR_ROWS.format(where=_IN_RANGE)}", {"从": ids[0], "到": ids[-1]})
        _insert(con, "projects", [
            (rid, p.项目编码, p.项目名称, p.主管部门, p.实施单位, p.年度目标, p.完成情况, p.实施内容, p.评价结论,
             p.存在问题, p.改进措施, p.项目负责人, p.财务负责人, p.总权重, p.总得分, *_src(p.source))
            for rid, r in zip(ids, reports, strict=True) for p in r.projects])
        _insert(con, "funds", [
            (rid, f.项目编码, f.资金来源, f.年初预算, f.调整后预算, f.执行数, f.执行率, f.权重, f.得分, f.原因,
             *_src(f.source), f.项目名称)
            for rid, r in zip(ids, reports, strict=True) for f in r.funds])
        _insert(con, "indicators", [
            (rid, i, x.项目编码, x.项目名称, x.一级指标, x.二级指标, x.三级指标, x.指标性质, x.指标值, x.度量单位,
             x.完成值, x.权重, x.得分, x.未完成原因, completed(x), *_src(x.source))
            for rid, r in zip(ids, reports, strict=True) for i, x in enumerate(r.indicators)])
        _insert(con, "terms", [(rid, t.名词, t.解释, *_src(t.source))
                               for rid, r in zip(ids, reports, strict=True) for t in r.terms])
        _insert(con, "discrepancies", [(rid, d.rule, d.message, d.difference, *_src(d.source))
                                       for rid, r in zip(ids, reports, strict=True) for d in r.discrepancies])
        _insert(con, "unplaced", [(rid, u.reason, *_src(u.source))
                                  for rid, r in zip(ids, reports, strict=True) for u in r.unplaced])
        _insert(con, "passages", [(rid, i, p.标题, p.上级标题, p.章节, *_src(p.source))
                                  for rid, r in zip(ids, reports, strict=True) for i, p in enumerate(r.passages)])
        derive(con, sorted({r.单位 for r in reports}))  # last: the 取数 queries read the tables filled above
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return [(rid, key in old) for rid, key in zip(ids, keys, strict=True)]


def cluster(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the item tables sorted by 科目, so that a question (which filters on 科目) reads a few row
    groups instead of all of them: DuckDB skips row groups by their min/max. One transaction and one checkpoint
    per table, so that the next table's copy reuses the blocks the last one freed: the file grows by the
    largest table, not by all of them."""
    by_report = [(t, "科目, 报告ID") for t in ("fact_rows", "条目", "年度条目")]
    has_item = {r[0] for r in con.execute("SELECT table_name FROM information_schema.columns WHERE column_name = '科目'")
                .fetchall()}
    derived = [(t, "科目, 单位, 年度" if t in has_item else "单位, 年度") for t, _ in derived_tables()]
    for table, order in by_report + derived:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"CREATE TEMP TABLE _clustered AS SELECT * FROM {table} ORDER BY {order}")
            con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO {table} SELECT * FROM _clustered")
            con.execute("DROP TABLE _clustered")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("CHECKPOINT")


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows column-wise (one ``unnest`` per column): about 30× faster than ``executemany``.

    Decimals travel as text and are cast to the column's DECIMAL type, so they stay exact.
    """
    if not rows:
        return
    types = _column_types(con, table)
    columns = list(zip(*rows, strict=True))
    params = {f"c{i}": [str(v) if isinstance(v, Decimal) else v for v in col] for i, col in enumerate(columns)}
    select = ", ".join(f"unnest($c{i})::{types[i]}" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} SELECT {select}", params)


_TYPES: dict[str, list[str]] = {}


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    if table not in _TYPES:
        _TYPES[table] = [r[1] for r in con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]
    return _TYPES[table]


def counts(con: duckdb.DuckDBPyConnection, report_id: int) -> dict[str, int]:
    """Rows per public view for one report (what a load prints)."""
    out = {}
    for view in ("收入", "支出", "三公", "资产", "概况", "项目", "项目资金", "绩效指标", "名词"):
        out[view] = con.execute(f"SELECT count(*) FROM {view} WHERE 报告ID = ?", [report_id]).fetchone()[0]  # type: ignore[index]
    return out


def set_meta(con: duckdb.DuckDBPyConnection, items: Iterable[tuple[str, str]]) -> None:
    for k, v in items:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [k, v])
