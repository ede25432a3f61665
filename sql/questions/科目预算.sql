-- title: 某个科目的预算数与完成预算的比例
-- phrasings: {科目}预算 | 年初预算{科目} | 预算{科目} | {科目}预算是 | {科目}预算数 | {科目}年初预算 | {科目}完成预算 | {科目}预算完成 | {科目}完成率 | {科目}预算执行 | {科目}完成预算比例 | {科目}完成预算多少 | {科目}预算完成情况 | {科目}全年预算
-- examples:
--   三公经费预算多少 => 科目=三公经费
--   行政运行完成预算多少 => 科目=行政运行
--   公务接待费预算完成情况 => 科目=公务接待费
-- answer: {年度}年度 {单位} {科目}[ 预算 {预算数}][，决算 {金额}][，完成预算 {完成预算比}]
-- notes: 视图 支出、收入、三公 的 预算数、完成预算比。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT c.单位, c.年度, c.科目, c.预算数, c.金额, c.完成预算比, c.章节, c.来源, c.来源明细
FROM 条目 c JOIN 目标 t USING (单位, 年度)
WHERE c.科目 = $科目 AND c.表 IN ('收入', '支出', '三公') AND (c.预算数 IS NOT NULL OR c.完成预算比 IS NOT NULL)
QUALIFY rank() OVER (PARTITION BY c.单位 ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1;
