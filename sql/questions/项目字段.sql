-- title: 某个项目的年初预算、调整后预算、执行数、执行率、得分或权重
-- phrasings: {项目}{字段} | {项目} | {项目}预算执行 | {项目}预算
-- examples:
--   驻外商会经费执行率 => 项目=驻外商会经费; 字段=执行率
--   企业家座谈会经费年初预算多少 => 项目=企业家座谈会经费; 字段=年初预算
--   座谈会经费的得分 => 项目=企业家座谈会经费; 字段=得分
--   工商企业联席经费 => 项目=工商企业联席经费
-- answer: {年度}年度 {单位} {项目名称}[ {字段名} {值}]（年初预算 {年初预算}，调整后预算 {调整后预算}，执行数 {执行数}，执行率 {执行率}[，得分 {总得分}]）
-- notes: 视图 项目。字段：年初预算、调整后预算、执行数、执行率、得分（项目总得分）、预算执行得分、权重；不指定字段时列出预算执行情况。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT p.单位, p.年度, p.项目编码, p.项目名称, coalesce($字段, '执行情况') AS 字段名,
  CASE coalesce($字段, '执行情况')
    WHEN '年初预算' THEN p.年初预算 WHEN '调整后预算' THEN p.调整后预算 WHEN '执行数' THEN p.执行数
    WHEN '执行率' THEN p.执行率 WHEN '得分' THEN p.总得分 WHEN '权重' THEN p.总权重
    WHEN '预算执行得分' THEN p.预算执行得分 END AS 值,
  CASE coalesce($字段, '执行情况') WHEN '执行率' THEN '%' WHEN '得分' THEN '分' WHEN '权重' THEN '分' WHEN '预算执行得分' THEN '分'
    WHEN '执行情况' THEN '' ELSE '万元' END AS 计量单位,
  p.年初预算, p.调整后预算, p.执行数, p.执行率, p.总得分, p.原因, p.来源, p.来源明细
FROM 项目 p JOIN 目标 t USING (单位, 年度)
WHERE p.项目名称 = $项目
  AND coalesce($字段, '执行情况') IN ('年初预算', '调整后预算', '执行数', '执行率', '得分', '权重', '预算执行得分', '执行情况')
ORDER BY p.单位, p.项目编码;
