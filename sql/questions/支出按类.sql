-- title: 支出结构（按功能分类的类，或基本支出/项目支出）
-- phrasings: 支出结构 | 支出主要用于哪些方面 | 支出用于哪些方面 | 钱主要花在哪 | 钱都花在哪 | 支出构成 | 支出按类 | 支出功能分类 | 按功能分类 | 功能分类 | 支出用途 | 钱花在哪 | 支出主要用于 | 支出分类 | 支出有哪些 | 支出按功能分类
-- examples:
--   支出结构 => 
--   钱主要花在哪 => 
--   2024年支出按功能分类 => 年度=2024
-- answer: {年度}年度 {单位} {科目} {金额}[，占 {占比}]
-- notes: 视图 支出，口径 = 功能分类 且 款、项为空（类一级）。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT s.单位, s.年度, s.科目, s.金额, s.占比, s.来源, s.来源明细
FROM 支出 s JOIN 目标 t USING (单位, 年度)
WHERE s.口径 = '功能分类' AND coalesce(s.款, '') = '' AND coalesce(s.项, '') = '' AND s.金额 IS NOT NULL
QUALIFY rank() OVER (PARTITION BY s.单位 ORDER BY CASE s.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY s.单位, s.金额 DESC;
