-- title: 执行率、得分或预算最高（最低）的项目
-- phrasings: {字段}{方向}项目 | {字段}{方向}项目是哪个 | {字段}{方向}是哪个项目 | 哪个项目{字段}{方向} | 项目{字段}{方向} | {方向}{字段}项目 | 哪个项目{方向} | {字段}{方向}是哪个项目 | 哪个项目{字段}{方向}
-- examples:
--   哪个项目执行率最低 => 字段=执行率; 方向=最低
--   得分最高的项目 => 字段=得分; 方向=最高
--   执行数最多的项目是哪个 => 字段=执行数; 方向=最高
-- answer: {年度}年度 {单位} {字段名}{方向}的项目：{项目名称} {值}
-- notes: 视图 项目；并列时全部列出。
WITH 值 AS (
  SELECT p.*, CASE $字段 WHEN '年初预算' THEN p.年初预算 WHEN '调整后预算' THEN p.调整后预算
    WHEN '执行数' THEN p.执行数 WHEN '执行率' THEN p.执行率 WHEN '得分' THEN p.总得分 END AS 值
  FROM 取数_项目 p  -- 视图 项目 的行，载入时按 sql/derived/取数_项目.sql 存好
  WHERE ($单位 IS NULL OR p.单位 = $单位) AND p.年度 = coalesce($年度, p.最新年度 + coalesce($年度偏移, 0))
)
SELECT 单位, 年度, $字段 AS 字段名, $方向 AS 方向, 项目名称, 项目编码, 值,
  CASE $字段 WHEN '执行率' THEN '%' WHEN '得分' THEN '分' ELSE '万元' END AS 计量单位, 来源, 来源明细
FROM 值 WHERE 值 IS NOT NULL
QUALIFY rank() OVER (PARTITION BY 单位 ORDER BY CASE WHEN $方向 = '最低' THEN 值 ELSE -值 END) = 1
ORDER BY 单位, 项目编码;
