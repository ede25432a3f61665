-- title: 支出结构（按功能分类的类，或基本支出/项目支出）
-- phrasings: 支出结构 | 支出主要用于哪些方面 | 支出用于哪些方面 | 钱主要花在哪 | 钱都花在哪 | 支出构成 | 支出按类 | 支出功能分类 | 按功能分类 | 功能分类 | 支出用途 | 钱花在哪 | 支出主要用于 | 支出分类 | 支出有哪些 | 支出按功能分类
-- examples:
--   支出结构 => 
--   钱主要花在哪 => 
--   2024年支出按功能分类 => 年度=2024
-- answer: {年度}年度 {单位} {科目} {金额}[，占 {占比}]
-- notes: 视图 条目（表 = 支出），口径 = 功能分类 且 款、项为空（类一级），金额为 0 的类不列。每类一行，取 表序 最优先的出处
--   （全部资金的支出决算表 > 正文 > 财政拨款表）；占比 只取同一出处所述（正文的占比常以财政拨款支出为基数，不借给表中的数）。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 类 AS (
  SELECT c.* FROM 条目 c JOIN 目标 t USING (单位, 年度)
  WHERE c.表 = '支出' AND c.口径 = '功能分类' AND coalesce(c.款, '') = '' AND coalesce(c.项, '') = ''
    AND c.金额 IS NOT NULL
), 选 AS (
  SELECT * FROM 类 QUALIFY row_number() OVER (PARTITION BY 单位, 科目 ORDER BY 表序, 序号) = 1
)
SELECT s.单位, s.年度, s.科目, s.金额,
  s.占比,
  s.来源, s.来源明细
FROM 选 s
WHERE s.金额 <> 0
ORDER BY s.单位, s.金额 DESC;
