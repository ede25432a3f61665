-- 标题：本年收入合计 = 各来源收入之和
-- 检查：同一章节里“本年收入合计”应等于按来源列示的各项本年收入之和（财政拨款收入或其下的一般公共预算、
--   政府性基金、国有资本经营预算财政拨款收入，上级补助收入，事业收入，经营收入，附属单位上缴收入，其他收入）。
--   年初结转和结余、使用非财政拨款结余不属于本年收入，不计入；既列“财政拨款收入”又列其下三类时只计前者。
-- 级别：错误
-- 容差：±0.01 万元 × 相加项数；不为零但在容差内的差额为 提示（可能是舍入差）
-- 示例：[错误] 正文：本年收入合计 187.47 万元，各来源收入之和 一般公共预算财政拨款收入 187.52 = 187.52 万元，相差 0.05 万元（合成报告改动一个数字后）
WITH parts AS (
  SELECT p.*
  FROM 收入 p
  WHERE p.口径 = '来源分类' AND p.金额 IS NOT NULL
    AND p.科目 NOT IN ('收入总计', '本年收入合计') AND p.科目 NOT LIKE '%结转%' AND p.科目 NOT LIKE '%结余%'
    AND NOT (p.科目 IN ('一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入')
             AND EXISTS (SELECT 1 FROM 收入 q WHERE q.报告ID = p.报告ID AND q.章节 = p.章节
                           AND coalesce(q.表名, '') = coalesce(p.表名, '')
                           AND q.科目 = '财政拨款收入' AND q.金额 IS NOT NULL))
),
summed AS (
  SELECT 报告ID, 章节, coalesce(表名, '') AS 表, sum(金额) AS 分项之和, count(*) AS 项数,
    string_agg(科目 || ' ' || printf('%.10g', 金额::DOUBLE), ' + ' ORDER BY 序号) AS 算式,
    flatten(list(来源明细 ORDER BY 序号)) AS 来源明细
  FROM parts GROUP BY 报告ID, 章节, coalesce(表名, '')
),
checked AS (
  SELECT t.单位, t.年度, t.报告ID, t.章节 || coalesce('（' || nullif(s.表, '') || '）', '') AS 章节, t.金额 AS 列示, s.分项之和 AS 应为, s.算式,
    abs(t.金额 - s.分项之和) AS 差额, 0.01 * s.项数 AS 容差, t.来源明细 || s.来源明细 AS 来源明细
  FROM 收入 t JOIN summed s ON s.报告ID = t.报告ID AND s.章节 = t.章节 AND s.表 = coalesce(t.表名, '')
  WHERE t.科目 = '本年收入合计' AND t.金额 IS NOT NULL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  章节 || '：本年收入合计 ' || printf('%.10g', 列示::DOUBLE) || ' 万元，各来源收入之和 ' || 算式 || ' = '
    || printf('%.10g', 应为::DOUBLE) || ' 万元，相差 ' || printf('%.10g', 差额::DOUBLE) || ' 万元'
    || CASE WHEN 差额 > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 章节
