-- 标题：项目资金来源之和 = 总额
-- 检查：绩效自评表“预算执行情况”中，财政资金、财政专户管理资金、单位资金、其他资金各行之和，应等于“总额”行；
--   年初预算、调整后预算、执行数三列分别核对（空白单元格不计）。
-- 级别：错误
-- 容差：±0.01 万元 × 相加项数；不为零但在容差内的差额为 提示
-- 示例：[错误] 项目 51081125T000012271915 在嘉善举办昭化区城市成果推介会：执行数 总额 10 万元，各资金来源之和 财政资金 0 + 财政专户管理资金 0 + 单位资金 0 = 0 万元，相差 10 万元（样例报告）
WITH cells AS (
  SELECT 单位, 年度, 报告ID, 项目编码, 项目名称, 资金来源, 来源明细, '年初预算' AS 列, 年初预算 AS 值 FROM 项目资金 WHERE 年初预算 IS NOT NULL
  UNION ALL
  SELECT 单位, 年度, 报告ID, 项目编码, 项目名称, 资金来源, 来源明细, '调整后预算', 调整后预算 FROM 项目资金 WHERE 调整后预算 IS NOT NULL
  UNION ALL
  SELECT 单位, 年度, 报告ID, 项目编码, 项目名称, 资金来源, 来源明细, '执行数', 执行数 FROM 项目资金 WHERE 执行数 IS NOT NULL
),
parts AS (
  SELECT 报告ID, 项目编码, 列, sum(值) AS 分项之和, count(*) AS 项数,
    string_agg(资金来源 || ' ' || printf('%.10g', 值::DOUBLE), ' + ') AS 算式,
    flatten(list(来源明细)) AS 来源明细
  FROM cells WHERE 资金来源 <> '总额'
  GROUP BY 报告ID, 项目编码, 列
),
checked AS (
  SELECT t.单位, t.年度, t.报告ID, t.项目编码, t.项目名称, t.列, t.值 AS 列示, p.分项之和 AS 应为, p.算式,
    abs(t.值 - p.分项之和) AS 差额, 0.01 * p.项数 AS 容差, t.来源明细 || p.来源明细 AS 来源明细
  FROM cells t JOIN parts p USING (报告ID, 项目编码, 列)
  WHERE t.资金来源 = '总额'
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  '项目 ' || 项目编码 || ' ' || coalesce(项目名称, '') || '：' || 列 || ' 总额 ' || printf('%.10g', 列示::DOUBLE)
    || ' 万元，各资金来源之和 ' || 算式 || ' = ' || printf('%.10g', 应为::DOUBLE) || ' 万元，相差 '
    || printf('%.10g', 差额::DOUBLE) || ' 万元' || CASE WHEN 差额 > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差, '列', 列) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 项目编码, 列
