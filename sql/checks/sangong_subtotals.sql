-- 标题：公务用车购置及运行维护费 = 购置费 + 运行维护费；公务接待费 = 国内 + 外事接待费
-- 检查：同一章节里两个分项都列示时，其和应等于小计；决算数与预算数分别核对。
-- 级别：错误
-- 容差：±0.01 万元 × 2；不为零但在容差内的差额为 提示（可能是舍入差）
-- 示例：[错误] 正文：公务用车购置及运行维护费决算数 0.75 万元，公务用车购置费 0 + 公务用车运行维护费 0.8 = 0.8 万元，相差 0.05 万元（合成报告改动一个数字后）
WITH identities(小计, 分项) AS (VALUES
  ('公务用车购置及运行维护费', ['公务用车购置费', '公务用车运行维护费']),
  ('公务接待费', ['国内公务接待费', '外事接待费'])
),
v AS (
  SELECT 单位, 年度, 报告ID, 章节 || coalesce('（' || nullif(表名, '') || '）', '') AS 章节, 科目, 序号, 来源明细, '决算数' AS 属性, 决算数 AS 值 FROM 三公 WHERE 决算数 IS NOT NULL
  UNION ALL
  SELECT 单位, 年度, 报告ID, 章节 || coalesce('（' || nullif(表名, '') || '）', '') AS 章节, 科目, 序号, 来源明细, '预算数', 预算数 FROM 三公 WHERE 预算数 IS NOT NULL
),
parts AS (
  SELECT i.小计, v.报告ID, v.章节, v.属性, sum(v.值) AS 分项之和, count(*) AS 项数, any_value(len(i.分项)) AS 应有项数,
    string_agg(v.科目 || ' ' || printf('%.10g', v.值::DOUBLE), ' + ' ORDER BY v.序号) AS 算式,
    flatten(list(v.来源明细 ORDER BY v.序号)) AS 来源明细
  FROM identities i JOIN v ON list_contains(i.分项, v.科目)
  GROUP BY i.小计, v.报告ID, v.章节, v.属性
),
checked AS (
  SELECT t.单位, t.年度, t.报告ID, t.章节, t.属性, t.科目, t.值 AS 列示, p.分项之和 AS 应为, p.算式,
    abs(t.值 - p.分项之和) AS 差额, 0.01 * p.项数 AS 容差, t.来源明细 || p.来源明细 AS 来源明细
  FROM parts p JOIN v t ON t.科目 = p.小计 AND t.报告ID = p.报告ID AND t.章节 = p.章节 AND t.属性 = p.属性
  WHERE p.项数 = p.应有项数
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  章节 || '：' || 科目 || 属性 || ' ' || printf('%.10g', 列示::DOUBLE) || ' 万元，' || 算式 || ' = '
    || printf('%.10g', 应为::DOUBLE) || ' 万元，相差 ' || printf('%.10g', 差额::DOUBLE) || ' 万元'
    || CASE WHEN 差额 > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 章节, 科目, 属性
