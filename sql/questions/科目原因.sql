-- title: 某个科目比上年变动的原因，按报告原文
-- phrasings: {科目}原因 | {科目}原因是什么 | {科目}增加原因是什么 | {科目}减少原因是什么 | {科目}变动原因是什么 | {科目}为什么 | 为什么{科目} | {科目}为什么增加 | {科目}为什么减少 | {科目}为什么增长 | {科目}为什么下降 | 为什么{科目}增加 | 为什么{科目}减少 | {科目}增加原因 | {科目}减少原因 | {科目}变动原因 | {科目}增长原因 | {科目}变化原因 | {科目}增加的原因 | {科目}为什么变化 | {科目}为何增加 | {科目}为什么持平 | {科目}持平原因 | {科目}为什么与上年持平 | {科目}为什么没有变化 | {科目}下降原因 | {科目}下降的原因 | {科目}减少的原因 | {科目}增减原因 | {科目}增减的原因 | {科目}变动的原因 | {科目}较上年增减原因 | {科目}比上年增减原因
-- examples:
--   收入总计为什么增加 => 科目=收入总计
--   机关运行经费增长的原因 => 科目=机关运行经费
--   为什么会议费增加 => 科目=会议费
-- answer: {年度}年度 {单位} {科目}[（{变动}）]：{说明}
-- notes: 视图 支出、收入、三公 的 说明 列（报告原文所述比上年变动的原因）；与预算差异的原因见 预算差异原因。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT c.单位, c.年度, c.科目,
  CASE WHEN c.增减额 > 0 OR c.增减率 > 0 THEN '比上年增加' WHEN c.增减额 < 0 OR c.增减率 < 0 THEN '比上年减少'
       WHEN c.增减额 = 0 THEN '与上年持平' END AS 变动,  -- what the report states, whatever the question assumed
  c.说明, c.章节, c.来源, c.来源明细
FROM 条目 c JOIN 目标 t USING (单位, 年度)
WHERE c.科目 = $科目 AND ($上级 IS NULL OR $上级 IN (c.类, c.款)) AND c.说明 IS NOT NULL AND c.表 IN ('收入', '支出', '三公')
QUALIFY rank() OVER (PARTITION BY c.单位 ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1;
