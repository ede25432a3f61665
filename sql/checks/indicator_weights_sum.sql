-- 标题：绩效自评表权重之和 = 合计
-- 检查：每个项目各绩效指标的权重之和加上预算执行权重，应等于表末“合计”行的总权重（模板为 100）。
--   合计若只含绩效指标（各指标权重之和即等于合计），也视为相符。
-- 级别：错误
-- 容差：±0.01 × 相加项数；不为零但在容差内的差额为 提示
-- 示例：[错误] 项目 51081125T000012271915 在嘉善举办昭化区城市成果推介会：指标权重之和 0 + 预算执行权重 10 = 10，合计列示 100，相差 90（样例报告）
WITH ind AS (
  SELECT 报告ID, 项目编码, coalesce(sum(权重), 0) AS 指标权重, count(权重) AS 项数, flatten(list(来源明细 ORDER BY 序号)) AS 来源明细
  FROM 绩效指标 GROUP BY 报告ID, 项目编码
),
checked AS (
  SELECT p.单位, p.年度, p.报告ID, p.项目编码, p.项目名称, p.总权重 AS 列示, i.指标权重, coalesce(p.预算执行权重, 0) AS 执行权重,
    i.指标权重 + coalesce(p.预算执行权重, 0) AS 应为, 0.01 * (i.项数 + 1) AS 容差, p.来源明细 || i.来源明细 AS 来源明细
  FROM 项目 p JOIN ind i USING (报告ID, 项目编码)
  WHERE p.总权重 IS NOT NULL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN abs(列示 - 应为) > 容差 THEN '错误' ELSE '提示' END AS 级别,
  '项目 ' || 项目编码 || ' ' || coalesce(项目名称, '') || '：指标权重之和 ' || printf('%.10g', 指标权重::DOUBLE)
    || ' + 预算执行权重 ' || printf('%.10g', 执行权重::DOUBLE) || ' = ' || printf('%.10g', 应为::DOUBLE) || '，合计列示 '
    || printf('%.10g', 列示::DOUBLE) || '，相差 ' || printf('%.10g', abs(列示 - 应为)::DOUBLE) AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', abs(列示 - 应为), '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 列示 <> 应为 AND 列示 <> 指标权重
ORDER BY 单位, 年度, 项目编码
