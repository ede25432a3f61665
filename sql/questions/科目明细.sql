-- title: 某个科目由哪些明细组成（如人员经费、公用经费、三公经费的构成）
-- phrasings: {科目}明细 | {科目}主要包括哪些 | {科目}部分 | {科目}各部分 | {科目}构成 | {科目}包括 | {科目}包括哪些 | {科目}组成 | {科目}结构 | {科目}分项 | {科目}有哪些 | {科目}都有哪些 | {科目}具体包括 | {科目}主要包括 | {科目}由哪些组成 | {科目}花在哪
-- examples:
--   人员经费包括哪些 => 科目=人员经费
--   公用经费明细 => 科目=公用经费
--   三公经费构成 => 科目=三公经费
-- answer: {年度}年度 {单位} {上级科目}：{科目} {值}
-- notes: 按 上级科目 列出下级科目（支出、三公、资产）。报告写“主要包括”时，所列明细不一定加总等于合计。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT c.单位, c.年度, c.上级科目, c.科目, c.金额 AS 值, '万元' AS 计量单位, c.来源, c.来源明细
FROM 条目 c JOIN 目标 t USING (单位, 年度)
WHERE c.上级科目 = $科目 AND c.金额 IS NOT NULL AND c.表 IN ('支出', '三公')
QUALIFY rank() OVER (PARTITION BY c.单位 ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY c.单位, c.序号;
