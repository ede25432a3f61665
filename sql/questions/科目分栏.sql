-- title: 某个支出科目中的基本支出或项目支出（支出表的分栏）
-- phrasings: {科目}{性质}
-- examples:
--   行政运行基本支出 => 科目=行政运行; 性质=基本支出
--   行政运行项目支出多少 => 科目=行政运行; 性质=项目支出
--   一般公共服务支出中的基本支出 => 科目=一般公共服务支出; 性质=基本支出
-- answer: {年度}年度 {单位} [{上级} ]{科目}中的{性质} {值}[，{科目}合计 {合计金额}][（据{表名}）]
-- notes: 视图 支出 的 基本支出、项目支出 两栏。几张表都列了时，先取 支出决算表（全部资金），再取其他表（如 一般公共
--   预算财政拨款支出决算表，只含财政拨款）；表格 > 正文 > 附件。同名的项分属不同的款时各列一行（上级 为款）。
--   问的年度没有该栏时答“报告未披露”。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 栏 AS (  -- one row per item (a 行政运行 under each 款 is its own), from the table that ranks first
  SELECT s.*, CASE $性质 WHEN '基本支出' THEN s.基本支出 WHEN '项目支出' THEN s.项目支出 END AS 值
  FROM 支出 s JOIN 目标 t USING (单位, 年度)
  WHERE s.科目 = $科目 AND ($上级 IS NULL OR $上级 IN (s.类, s.款))
    AND CASE $性质 WHEN '基本支出' THEN s.基本支出 WHEN '项目支出' THEN s.项目支出 END IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY s.单位, s.类, s.款 ORDER BY CASE s.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END,
    CASE WHEN s.表名 = '支出决算表' THEN 1 WHEN s.表名 LIKE '%财政拨款%' THEN 3 ELSE 2 END, s.序号) = 1
)
SELECT 单位, 年度,
  CASE WHEN count(*) OVER (PARTITION BY 单位) > 1 OR $上级 IS NOT NULL THEN nullif(款, '') END AS 上级,
  科目, $性质 AS 性质, 值, '万元' AS 计量单位, 金额 AS 合计金额, nullif(表名, '') AS 表名, 章节, 来源, 来源明细
FROM 栏
ORDER BY 单位, 类, 款;
