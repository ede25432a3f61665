-- 标题：本年支出合计 = 基本支出 + 项目支出（+ 其他支出性质）
-- 检查：同一章节里“本年支出合计”应等于按支出性质列示的各项之和（基本支出、项目支出、上缴上级支出、经营支出、
--   对附属单位补助支出）。“一般公共预算财政拨款基本支出”等财政拨款口径的小计不计入。
-- 级别：错误
-- 容差：±0.01 万元 × 相加项数；不为零但在容差内的差额为 提示（可能是舍入差）
-- 示例：[错误] 正文：本年支出合计 187.47 万元，按支出性质之和 基本支出 138.95 + 项目支出 48.55 = 187.5 万元，相差 0.03 万元（合成报告改动一个数字后）
WITH parts AS (
  SELECT * FROM 支出
  WHERE 口径 = '支出性质' AND 金额 IS NOT NULL
    AND 科目 IN ('基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出')
),
summed AS (
  SELECT 报告ID, 章节, coalesce(表名, '') AS 表, sum(金额) AS 分项之和, count(*) AS 项数,
    string_agg(科目 || ' ' || printf('%.10g', 金额::DOUBLE), ' + ' ORDER BY 序号) AS 算式,
    flatten(list(来源明细 ORDER BY 序号)) AS 来源明细
  FROM parts GROUP BY 报告ID, 章节, coalesce(表名, '')
  HAVING count(*) >= 2
),
checked AS (
  SELECT t.单位, t.年度, t.报告ID, t.章节 || coalesce('（' || nullif(s.表, '') || '）', '') AS 章节, t.金额 AS 列示, s.分项之和 AS 应为, s.算式,
    abs(t.金额 - s.分项之和) AS 差额, 0.01 * s.项数 AS 容差, t.来源明细 || s.来源明细 AS 来源明细
  FROM 支出 t JOIN summed s ON s.报告ID = t.报告ID AND s.章节 = t.章节 AND s.表 = coalesce(t.表名, '')
  WHERE t.科目 = '本年支出合计' AND t.金额 IS NOT NULL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  章节 || '：本年支出合计 ' || printf('%.10g', 列示::DOUBLE) || ' 万元，按支出性质之和 ' || 算式 || ' = '
    || printf('%.10g', 应为::DOUBLE) || ' 万元，相差 ' || printf('%.10g', 差额::DOUBLE) || ' 万元'
    || CASE WHEN 差额 > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 章节
