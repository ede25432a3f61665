-- title: 一个科目占另一个科目的比例（按两者的决算数计算）
-- phrasings: {科目}占{基数}比例 | {科目}占{基数}比重 | {科目}占{基数} | {科目}占{基数}百分比
-- examples:
--   公务接待费占三公经费的比例 => 科目=公务接待费; 基数=三公经费
--   项目支出占支出合计的比例 => 科目=项目支出; 基数=本年支出合计
--   2024年基本支出占本年支出合计的比重 => 科目=基本支出; 基数=本年支出合计; 年度=2024
-- answer: {年度}年度 {单位} {科目} {金额} 占 {基数} {基数金额} 的 {占比}（按决算数计算，保留一位小数）[；报告所述占比 {报告占比}]
-- notes: 视图 条目（收入、支出、三公）中两个科目同一单位同一年度的决算数，占比 = 科目 ÷ 基数 × 100，四舍五入到
--   一位小数。每个科目取该年度报告本身的数字（表格 > 正文 > 附件）；同一优先级下一个科目列示了不同金额时不作答。
--   报告占比：该科目在报告中写明的占比，只在它与计算值相差不超过 0.1 个百分点时列出（确认基数相同）。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 行 AS (
  SELECT c.单位, c.年度, c.科目, c.金额, c.占比, c.来源明细,
    rank() OVER (PARTITION BY c.单位, c.科目
      ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) AS 优先
  FROM 条目 c JOIN 目标 t USING (单位, 年度)
  WHERE c.科目 IN ($科目, $基数) AND c.金额 IS NOT NULL AND c.表 IN ('收入', '支出', '三公')
), 数 AS (
  SELECT 单位, 年度, 科目, any_value(金额) AS 金额, max(占比) AS 占比,
    list(DISTINCT s ORDER BY s.line) AS 来源明细
  FROM 行, unnest(来源明细) AS u(s)
  WHERE 优先 = 1
  GROUP BY 单位, 年度, 科目
  HAVING count(DISTINCT 金额) = 1
)
SELECT a.单位, a.年度, a.科目, a.金额, $基数 AS 基数, b.金额 AS 基数金额,
  round(a.金额 / b.金额 * 100, 1) AS 占比,
  CASE WHEN abs(a.占比 - a.金额 / b.金额 * 100) <= 0.1 THEN a.占比 END AS 报告占比,
  list_distinct(list_concat(a.来源明细, b.来源明细)) AS 来源明细
FROM 数 a JOIN 数 b ON a.单位 = b.单位 AND a.年度 = b.年度 AND a.科目 = $科目 AND b.科目 = $基数
WHERE b.金额 <> 0 AND $科目 <> $基数
ORDER BY a.单位;
