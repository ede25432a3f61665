-- title: 公务接待的批次和人次（因公出国的团组数和人次）
-- phrasings: {科目}批次 | {科目}人均 | 人均{科目} | {科目}平均每人次 | {科目}每人次 | 平均每人次 | 人均接待费 | {科目}批次和人次 | 批次和人次 | 公务接待批次和人次 | 接待批次和人次 | {科目}批 | {科目}人次 | {科目}批次人次 | 接待批次 | 接待人次 | 接待 | 接待批次人次 | 公务接待批次 | {科目}接待 | {科目}团组 | {科目}团组数
-- examples:
--   国内公务接待多少批次 => 科目=国内公务接待费
--   接待了多少人次 => 
--   外事接待多少人次 => 科目=外事接待费
--   因公出国几个团组 => 科目=因公出国（境）费
-- answer: {年度}年度 {单位} {科目}[ {批次}{批次单位}][，{人次}人次][，{决算数}][{推算说明}][，人均 {人均元}元（按决算数与人次推算）]
-- notes: 条目（表 = 三公）的 批次、人次 列（与视图 三公 相同的行）。报告只在同一行列出公务接待和其中的外事接待
--   （如“接待 2 批次、26 人次，其中：接待外宾 0 批次、0 人次”）而没有单列国内公务接待时，国内公务接待 = 公务接待 − 外事接待，注明推算。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 列示 AS (
  SELECT s.单位, s.年度, s.科目, s.批次, s.人次, s.金额 AS 决算数, s.章节, s.序号, NULL AS 推算说明, s.来源, s.来源明细
  FROM 条目 s JOIN 目标 t USING (单位, 年度)
  WHERE s.表 = '三公' AND (s.批次 IS NOT NULL OR s.人次 IS NOT NULL)
    AND ($科目 IS NULL OR s.科目 = $科目 OR s.上级科目 = $科目)
), 推算 AS (
  SELECT a.单位, a.年度, '国内公务接待费' AS 科目, a.批次 - w.批次 AS 批次, a.人次 - w.人次 AS 人次, NULL AS 决算数,
    a.章节, a.序号, '（按同一行所列公务接待减其中外事接待推算）' AS 推算说明, a.来源, a.来源明细
  FROM 条目 a JOIN 目标 t USING (单位, 年度)
  JOIN 条目 w ON w.报告ID = a.报告ID AND w.表 = '三公' AND w.科目 = '外事接待费'  -- 外事接待的批次与公务接待的批次列在同一行
    AND list_has_any(list_transform(a.来源明细, lambda x: x.line), list_transform(w.来源明细, lambda x: x.line))
  WHERE $科目 = '国内公务接待费' AND a.表 = '三公' AND a.科目 = '公务接待费' AND a.批次 IS NOT NULL AND w.批次 IS NOT NULL
    AND (a.人次 IS NULL) = (w.人次 IS NULL) AND NOT EXISTS (SELECT 1 FROM 列示 l WHERE l.单位 = a.单位)
)
SELECT 单位, 年度, 科目, 批次, CASE WHEN 科目 LIKE '因公出国%' THEN '个团组' ELSE '批次' END AS 批次单位, 人次, 决算数, 推算说明,
  -- 人均多少钱: the money over the 人次 the same row states, worked out (元 per 人次)
  CASE WHEN 人次 > 0 AND 决算数 IS NOT NULL THEN round(决算数 * 10000 / 人次, 2)::DECIMAL(18, 2) END AS 人均元,
  来源, 来源明细
FROM (SELECT * FROM 列示 UNION ALL SELECT * FROM 推算)
QUALIFY rank() OVER (PARTITION BY 单位 ORDER BY CASE 章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY 单位, 序号;
