-- title: 某个科目占收入或支出的比例
-- phrasings: {科目}占比 | {科目}占 | {科目}比重 | {科目}所占比例 | {科目}比例 | {科目}占比例
-- examples:
--   基本支出占比多少 => 科目=基本支出
--   一般公共服务支出占多少比例 => 科目=一般公共服务支出
--   公务接待费占比是多少 => 科目=公务接待费
-- answer: {年度}年度 {单位} {科目}[ {金额}]，占比[（占{基数}）] {占比}
-- notes: 视图 支出、收入、三公 的 占比 列（报告所述，百分数）。三公各项的占比是占三公经费的比例（注明）；问“占支出（收入）
--   的比例”是 科目占科目，按两者的决算数计算。其他占比的基数取报告原句所写的合计（一般公共预算财政拨款支出…主要用于：
--   X…占…%），此时金额是该资金中 X 的部分，不一定等于 X 的全部决算数。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT c.单位, c.年度, c.科目, c.金额, c.占比,
  -- the base the report's sentence names (一般公共预算财政拨款支出2940.05万元，主要用于…：X…，占71.73%): the amount
  -- beside the share is then that fund's part of X, not X's all-funds figure
  CASE WHEN c.表 = '三公' THEN '三公经费'
       ELSE nullif(nullif(regexp_extract(c.来源, '(一般公共预算财政拨款支出|一般公共预算财政拨款收入|财政拨款支出|'
                                         || '财政拨款收入|本年支出合计|本年收入合计|支出合计|收入合计)', 1), ''), c.科目) END AS 基数,
  c.来源, c.来源明细
FROM 条目 c JOIN 目标 t USING (单位, 年度)
WHERE c.科目 = $科目 AND ($上级 IS NULL OR $上级 IN (c.类, c.款)) AND c.占比 IS NOT NULL AND c.表 IN ('收入', '支出', '三公')
QUALIFY rank() OVER (PARTITION BY c.单位 ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY c.单位, c.序号;
