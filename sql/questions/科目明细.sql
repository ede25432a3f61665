-- title: 某个科目由哪些明细组成（如人员经费、公用经费、三公经费的构成）
-- phrasings: {科目}明细 | {科目}包括什么 | {科目}包含什么 | {科目}包含哪些 | {科目}都包括什么 | {科目}主要包括哪些 | {科目}部分 | {科目}各部分 | {科目}构成 | {科目}包括 | {科目}包括哪些 | {科目}组成 | {科目}结构 | {科目}分项 | {科目}有哪些 | {科目}都有哪些 | {科目}具体包括 | {科目}主要包括 | {科目}由哪些组成 | {科目}花在哪 | {科目}哪项{方向} | {科目}哪一项{方向} | {科目}哪个{方向} | {科目}哪些{方向}
-- examples:
--   人员经费包括哪些 => 科目=人员经费
--   公用经费明细 => 科目=公用经费
--   三公经费构成 => 科目=三公经费
--   公用经费里哪项最多 => 科目=公用经费; 方向=最高
-- answer: {年度}年度 {单位} {上级科目}：{科目} {值}
-- notes: 按 上级科目 列出下级科目（支出、三公、资产）。报告写“主要包括”时，所列明细不一定加总等于合计。
--   问哪项最多（最少）时只列金额最大（最小）的明细，并列的都列出；所列明细不全（加总小于该科目）时，只在
--   未列出的部分不可能更多时答最多，答最少则要求明细齐全，否则答“报告未披露”。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 明细 AS (
  SELECT c.单位, c.年度, c.上级科目, c.科目, c.金额 AS 值, '万元' AS 计量单位, c.来源, c.来源明细, c.序号
  FROM 条目 c JOIN 目标 t USING (单位, 年度)
  WHERE c.上级科目 = $科目 AND c.金额 IS NOT NULL AND c.表 IN ('支出', '三公')
  -- each part from its own best source: a part stated only in 正文 is listed beside parts read from a table
  QUALIFY row_number() OVER (PARTITION BY c.单位, c.科目 ORDER BY c.表序, c.序号) = 1
)
, 合计 AS (  -- the item's own amount: what the listed parts leave unlisted
  SELECT c.单位, min(c.金额) AS 金额
  FROM 条目 c JOIN 目标 t USING (单位, 年度)
  WHERE c.科目 = $科目 AND c.金额 IS NOT NULL AND c.表 IN ('支出', '三公')
  GROUP BY c.单位 HAVING count(DISTINCT c.金额) = 1
)
SELECT m.单位, m.年度, m.上级科目, m.科目, m.值, m.计量单位, m.来源, m.来源明细
FROM 明细 m LEFT JOIN 合计 h USING (单位)
QUALIFY $方向 IS NULL
  OR (rank() OVER (PARTITION BY m.单位 ORDER BY CASE WHEN $方向 = '最低' THEN m.值 ELSE -m.值 END) = 1
      -- 最多: the unlisted rest cannot exceed it; 最少: only from a complete list
      AND h.金额 - sum(m.值) OVER (PARTITION BY m.单位)
          <= CASE WHEN $方向 = '最低' THEN 0 ELSE max(m.值) OVER (PARTITION BY m.单位) END)
ORDER BY m.单位, m.序号;
