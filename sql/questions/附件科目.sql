-- title: 附件（绩效评价报告等）中所列某个科目的数字
-- phrasings: 附件{科目} | 附件中{科目} | 附件里{科目} | 绩效评价报告{科目} | 绩效报告{科目} | 绩效评价{科目} | {科目}附件 | 附件{科目}比上年
-- examples:
--   附件里的会议费是多少 => 科目=会议费
--   绩效评价报告里的差旅费 => 科目=差旅费
--   附件中的收入是多少 => 科目=本年收入合计
-- answer: {年度}年度 {单位} 附件所列 {科目} {值}[，上年 {上年金额}][，增减 {增减额}][（{说明}）]
-- notes: 视图 支出、收入、三公、概况 中 章节 = 附件 的行；与正文不一致时，正文数字见 科目金额。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT c.单位, c.年度, c.科目,
  CASE WHEN c.表 = '概况' THEN coalesce(c.数量, c.金额) ELSE coalesce(c.金额, c.预算数) END AS 值,
  CASE WHEN c.表 = '概况' AND c.数量 IS NOT NULL THEN c.计量单位 ELSE '万元' END AS 计量单位,
  c.上年金额, c.增减额, c.说明, c.来源, c.来源明细
FROM 条目 c JOIN 目标 t USING (单位, 年度)
WHERE c.科目 = $科目 AND c.章节 = '附件' AND c.表 IN ('收入', '支出', '三公', '概况')
ORDER BY c.单位, c.序号;
