-- title: 某个科目比上年的增减（增减额、增长率、上年数）
-- phrasings: {科目}比上年 | {科目}比去年 | {科目}较上年 | {科目}增减 | {科目}增长 | {科目}增加 | {科目}减少 | {科目}下降 | {科目}变化 | {科目}变动 | {科目}增长率 | {科目}增幅 | {科目}增减额 | {科目}同比 | {科目}比上年增减 | {科目}比上年增长 | {科目}比上年增加 | {科目}比去年增加 | {科目}比去年增长 | {科目}比去年多 | {科目}比上年多 | {科目}比去年增减 | {科目}较上年增减 | {科目}增长多少 | {科目}比上年变化 | {科目}与上年相比 | {科目}上升 | {科目}多还是少 | {科目}比去年多还是少 | {科目}比上年增长率
-- examples:
--   会议费比上年增加多少 => 科目=会议费
--   收入总计比上年增长多少 => 科目=收入总计
--   机关运行经费增长率 => 科目=机关运行经费
--   三公经费比去年增减多少 => 科目=三公经费
-- answer: {年度}年度 {单位} {科目}[ {金额}][，上年 {上年金额}][，增减 {增减额}][，增长率 {增减率}][{变化说明}]
-- notes: 视图 支出、收入、三公。增减额为正表示增加；“持平”“无变化”记为 0。上年金额可能由本年数减增减额推算（推算=true）。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 候选 AS (
  SELECT 单位, 年度, 科目, 金额, 上年金额, 上年推算, 增减额, 增减率, 章节, 来源, 来源明细
    FROM 支出 WHERE 科目 = $科目 AND (增减额 IS NOT NULL OR 增减率 IS NOT NULL OR 上年金额 IS NOT NULL)
  UNION ALL SELECT 单位, 年度, 科目, 金额, 上年金额, 上年推算, 增减额, 增减率, 章节, 来源, 来源明细
    FROM 收入 WHERE 科目 = $科目 AND (增减额 IS NOT NULL OR 增减率 IS NOT NULL OR 上年金额 IS NOT NULL)
  UNION ALL SELECT 单位, 年度, 科目, 决算数, 上年决算数, 上年推算, 增减额, 增减率, 章节, 来源, 来源明细
    FROM 三公 WHERE 科目 = $科目 AND (增减额 IS NOT NULL OR 增减率 IS NOT NULL OR 上年决算数 IS NOT NULL)
)
SELECT c.单位, c.年度, c.科目, c.金额, c.上年金额, c.增减额, c.增减率, c.上年推算 AS 推算,
  CASE WHEN c.增减额 = 0 AND c.增减率 IS NULL THEN '（与上年持平，无变化）' END AS 变化说明, c.章节, c.来源, c.来源明细
FROM 候选 c JOIN 目标 t USING (单位, 年度)
QUALIFY rank() OVER (PARTITION BY c.单位 ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1;
