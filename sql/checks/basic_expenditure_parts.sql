-- 标题：基本支出 = 人员经费 + 公用经费
-- 检查：同一章节里同时列示人员经费和公用经费时，两者之和应等于基本支出。基本支出取该章节在人员经费、公用经费之前
--   最近列示的一条（“一般公共预算财政拨款基本支出”“财政拨款基本支出”或“基本支出”）。
-- 级别：错误
-- 容差：±0.01 万元 × 2；不为零但在容差内的差额为 提示（可能是舍入差）
-- 示例：[错误] 第51行：一般公共预算财政拨款基本支出 139 万元，人员经费 96.19 + 公用经费 42.76 = 138.95 万元，相差 0.05 万元（合成报告改动一个数字后）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 科目, 数值, 章节, coalesce(表名, '') AS 表名, 行,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 表 = '支出' AND 属性 = '金额' AND 数值 IS NOT NULL
),
parts AS (
  SELECT 报告ID, 章节, 表名, min(序号) AS 首序号, sum(数值) AS 分项之和,
    string_agg(科目 || ' ' || printf('%.10g', 数值::DOUBLE), ' + ' ORDER BY 科目) AS 算式,
    list(DISTINCT src) AS 来源明细
  FROM (SELECT * FROM f WHERE 科目 IN ('人员经费', '公用经费')
        QUALIFY row_number() OVER (PARTITION BY 报告ID, 章节, 表名, 科目 ORDER BY 序号) = 1)
  GROUP BY 报告ID, 章节, 表名
  HAVING count(*) = 2
),
checked AS (
  SELECT b.单位, b.年度, b.报告ID, b.行, b.科目 AS 合计科目, b.数值 AS 列示, p.分项之和 AS 应为, p.算式,
    abs(b.数值 - p.分项之和) AS 差额, 0.02 AS 容差, list_distinct([b.src] || p.来源明细) AS 来源明细
  FROM parts p
  JOIN f b ON b.报告ID = p.报告ID AND b.章节 = p.章节 AND b.表名 = p.表名 AND b.序号 < p.首序号
    AND b.科目 IN ('一般公共预算财政拨款基本支出', '财政拨款基本支出', '基本支出')
  QUALIFY row_number() OVER (PARTITION BY p.报告ID, p.章节, p.表名 ORDER BY b.序号 DESC) = 1
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  '第' || 行 || '行：' || 合计科目 || ' ' || printf('%.10g', 列示::DOUBLE) || ' 万元，' || 算式 || ' = '
    || printf('%.10g', 应为::DOUBLE) || ' 万元，相差 ' || printf('%.10g', 差额::DOUBLE) || ' 万元'
    || CASE WHEN 差额 > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 行
