-- 标题：绩效自评表得分之和 = 合计得分
-- 检查：每个项目各绩效指标的得分之和加上预算执行得分，应等于表末“合计”行的总得分。
--   合计若只含绩效指标（各指标得分之和即等于合计），也视为相符。
-- 级别：错误
-- 容差：±0.01 × 相加项数；不为零但在容差内的差额为 提示
-- 示例：[错误] 项目 51081124Y000011414820 企业联席会议经费：指标得分之和 90 + 预算执行得分 10 = 100，合计列示 98，相差 2（合成报告改动一个数字后）
WITH ind AS (
  SELECT 报告ID, 项目编码, coalesce(sum(得分), 0) AS 指标得分, count(得分) AS 项数, flatten(list(来源明细 ORDER BY 序号)) AS 来源明细
  FROM 绩效指标 GROUP BY 报告ID, 项目编码
),
checked AS (
  SELECT p.单位, p.年度, p.报告ID, p.项目编码, p.项目名称, p.总得分 AS 列示, i.指标得分, coalesce(p.预算执行得分, 0) AS 执行得分,
    i.指标得分 + coalesce(p.预算执行得分, 0) AS 应为, 0.01 * (i.项数 + 1) AS 容差, p.来源明细 || i.来源明细 AS 来源明细
  FROM 项目 p JOIN ind i USING (报告ID, 项目编码)
  WHERE p.总得分 IS NOT NULL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN abs(列示 - 应为) > 容差 THEN '错误' ELSE '提示' END AS 级别,
  '项目 ' || 项目编码 || ' ' || coalesce(项目名称, '') || '：指标得分之和 ' || printf('%.10g', 指标得分::DOUBLE)
    || ' + 预算执行得分 ' || printf('%.10g', 执行得分::DOUBLE) || ' = ' || printf('%.10g', 应为::DOUBLE) || '，合计列示 '
    || printf('%.10g', 列示::DOUBLE) || '，相差 ' || printf('%.10g', abs(列示 - 应为)::DOUBLE) AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', abs(列示 - 应为), '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 列示 <> 应为 AND 列示 <> 指标得分
ORDER BY 单位, 年度, 项目编码
