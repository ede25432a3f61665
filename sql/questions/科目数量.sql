-- title: 某个科目的数量（车辆数、设备台数、人数、项目数、次数），报告所述
-- phrasings: {科目}{计量} | {计量}{科目} | {计量}项目{科目} | {科目}项目{计量}
-- examples:
--   主要负责人用车几辆 => 科目=主要负责人用车
--   今年买了几辆车 => 科目=公务用车购置费; 年度偏移=0
--   单价100万元以上的设备有几台 => 科目=单价100万元以上设备
--   几个项目开展了事前绩效评估 => 科目=预算事前绩效评估项目
--   退休人员有几个 => 科目=退休人员
-- answer: {年度}年度 {单位} {科目}[（{视图}）] {数量}
-- notes: 视图 条目 中有 数量 的行（资产、概况、三公 的车辆数）。问题里的 几辆、多少人 等说明问的是数量，
--   答案用报告写明的计量单位；报告只写了金额、没有数量的科目答“报告未披露”。同一科目在几个视图中都有
--   数量时（轿车：三公 中为当年购置数，资产 中为年末保有数）各列一行。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT c.单位, c.年度, c.科目,
  CASE c.表 WHEN '三公' THEN '当年购置' WHEN '资产' THEN '年末实有' END AS 视图,
  c.数量, c.计量单位, c.章节, c.来源, c.来源明细
FROM 条目 c JOIN 目标 t USING (单位, 年度)
WHERE c.科目 = $科目 AND c.数量 IS NOT NULL
QUALIFY rank() OVER (PARTITION BY c.单位, c.表
  ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY c.单位, c.表;
