-- title: 某个项目的文字信息：存在问题、改进措施、评价结论、年度目标、完成情况、负责人、项目编码、主管部门、实施单位
-- phrasings: {项目}{栏目} | {项目}{栏目}是什么 | {项目}{栏目}是谁 | {栏目}是谁 | {项目}有什么{栏目} | {项目}为什么{栏目}
-- examples:
--   驻外商会经费存在什么问题 => 项目=驻外商会经费; 栏目=存在问题
--   驻外商会经费改进措施 => 项目=驻外商会经费; 栏目=改进措施
--   项目负责人是谁 => 栏目=项目负责人
--   企业家座谈会经费的项目编码 => 项目=企业家座谈会经费; 栏目=项目编码
-- answer: {项目名称} {栏目名}：{内容}
-- notes: 视图 项目。不指明项目时只回答“…是谁”（负责人）；部门整体的问题与建议不在本类型内。“存在什么问题”即 栏目=存在问题；“为什么扣分”给出预算执行的原因与扣分指标的未完成原因。
WITH 扣分 AS (
  SELECT 单位, 年度, 项目名称, string_agg(DISTINCT 未完成原因, '；') AS 原因
  FROM 绩效指标 WHERE 得分 < 权重 AND coalesce(nullif(未完成原因, '无'), '') <> '' GROUP BY ALL
)
SELECT * FROM (
SELECT p.单位, p.年度, p.项目编码, p.项目名称, coalesce($栏目, '存在问题') AS 栏目名,
  CASE coalesce($栏目, '存在问题')
    WHEN '存在问题' THEN p.存在问题 WHEN '改进措施' THEN p.改进措施 WHEN '评价结论' THEN p.评价结论
    WHEN '年度目标' THEN p.年度目标 WHEN '完成情况' THEN p.完成情况 WHEN '项目负责人' THEN p.项目负责人
    WHEN '财务负责人' THEN p.财务负责人 WHEN '项目编码' THEN p.项目编码 WHEN '主管部门' THEN p.主管部门
    WHEN '实施单位' THEN p.实施单位 WHEN '扣分原因' THEN coalesce(nullif(nullif(p.原因, '无'), ''), k.原因) END AS 内容,
  p.来源, p.来源明细
FROM 取数_项目 p  -- 视图 项目 的行，载入时按 sql/derived/取数_项目.sql 存好
LEFT JOIN 扣分 k ON k.单位 = p.单位 AND k.年度 = p.年度 AND k.项目名称 = p.项目名称
WHERE ($项目 IS NULL OR p.项目名称 = $项目) AND ($单位 IS NULL OR p.单位 = $单位) AND p.年度 = coalesce($年度, p.最新年度 + coalesce($年度偏移, 0))
) WHERE 内容 IS NOT NULL AND 内容 <> ''
ORDER BY 单位, 项目编码;
