-- 标题：同一数字在两处列示一致
-- 检查：同一科目、同一口径的决算数（或上年数）在报告中多处列示时（正文与附件、叙述与表格、同一章节前后），数值应相同。
--   只比较句中写出了科目名称的列示（科目名去掉引号、末尾的“支出/费”后出现在原句中）；靠上下文推定科目的数字不比较，
--   以免把解析器的推定当成报告的矛盾。每行取该科目的第一个数。预算数因“年初预算/全年预算”口径不一，不在此核对。
-- 级别：警告
-- 容差：各处最大差 ±0.01 万元以内为 提示（可能是元与万元换算的舍入）
-- 示例：[警告] 会议费（金额）多处列示不一致：正文第69行 44 万元；附件第160行 52 万元（样例报告）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, coalesce(表名, '') AS 表名, 口径, 类, 款, 项, 科目, 属性, 数值, 章节, 行,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 表 IN ('收入', '支出', '三公') AND 属性 IN ('金额', '决算数', '上年金额') AND 数值 IS NOT NULL
    AND strpos(regexp_replace(replace(replace(原文, '(', '（'), ')', '）'), '[“”"‘’\s]', '', 'g'),
               regexp_replace(科目, '(支出|费)$', '')) > 0
),
places AS (
  SELECT 单位, 年度, 报告ID, 表, 表名, 口径, 类, 款, 项, 科目, 属性, 章节, 行,
    arg_min(数值, 序号) AS 数值, min(序号) AS 序号, list(DISTINCT src) AS 来源明细
  FROM f GROUP BY 单位, 年度, 报告ID, 表, 表名, 口径, 类, 款, 项, 科目, 属性, 章节, 行
),
grouped AS (
  SELECT 单位, 年度, 报告ID, 表, 表名, 口径, 类, 款, 项, 科目, 属性, min(序号) AS 序号,
    max(数值) - min(数值) AS 最大差,
    string_agg(章节 || '第' || 行 || '行 ' || printf('%.10g', 数值::DOUBLE) || ' 万元', '；' ORDER BY 行) AS 各处,
    json_group_object(章节 || '第' || 行 || '行', 数值) AS 各处数值,
    list_distinct(flatten(list(来源明细))) AS 来源明细
  FROM places
  GROUP BY 单位, 年度, 报告ID, 表, 表名, 口径, 类, 款, 项, 科目, 属性
  HAVING count(DISTINCT 数值) > 1
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 最大差 <= 0.01 THEN '提示' ELSE '警告' END AS 级别,
  coalesce(nullif(表名, '') || '：', '') || 科目 || '（' || CASE 属性 WHEN '上年金额' THEN '上年数' ELSE 属性 END || '）多处列示不一致：' || 各处 AS 说明,
  json_object('科目', 科目, '属性', 属性, '各处', 各处数值, '最大差', 最大差) AS 数值,
  来源明细
FROM grouped
ORDER BY 单位, 年度, 序号
