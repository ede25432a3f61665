-- title: 公务接待的批次和人次（因公出国的团组数和人次）
-- phrasings: {科目}批次 | {科目}批次和人次 | 批次和人次 | 公务接待批次和人次 | 接待批次和人次 | {科目}批 | {科目}人次 | {科目}批次人次 | 接待批次 | 接待人次 | 接待 | 接待批次人次 | 公务接待批次 | {科目}接待 | {科目}团组 | {科目}团组数
-- examples:
--   国内公务接待多少批次 => 科目=国内公务接待费
--   接待了多少人次 => 
--   外事接待多少人次 => 科目=外事接待费
--   因公出国几个团组 => 科目=因公出国（境）费
-- answer: {年度}年度 {单位} {科目}[ {批次}批次][，{人次}人次][，{决算数}]
-- notes: 视图 三公 的 批次、人次 列。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT s.单位, s.年度, s.科目, s.批次, s.人次, s.决算数, s.来源, s.来源明细
FROM 三公 s JOIN 目标 t USING (单位, 年度)
WHERE (s.批次 IS NOT NULL OR s.人次 IS NOT NULL) AND ($科目 IS NULL OR s.科目 = $科目 OR s.上级科目 = $科目)
QUALIFY rank() OVER (PARTITION BY s.单位 ORDER BY CASE s.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY s.单位, s.序号;
