-- 标题：功能分类 类 = Σ 款 = Σ 项
-- 检查：同一章节（表格则同一张表）里按功能分类列示的一类（如“社会保障和就业支出”）的金额，应等于其下各款之和；
--   一款的金额应等于其下各项之和；没有列示款时，类直接与其下各项之和比较。类名去掉列表序号和“支出”后比较。
--   只有列示了下一级时才核对。
-- 级别：错误
-- 容差：±0.01 万元 × 相加项数；不为零但在容差内的差额为 提示（可能是舍入差）
-- 示例：[提示] 正文：社会保障和就业支出 22.75 万元，其下各项之和 行政单位离退休 6.5 + 机关事业单位基本养老保险缴费支出 8.8 + 机关机关事业单位职业年金缴费支出 7.46 = 22.76 万元，相差 0.01 万元（在舍入容差内）（样例报告）
WITH norm AS (
  SELECT *, coalesce(表名, '') AS 表,
    regexp_replace(regexp_replace(trim(coalesce(nullif(类, ''), 科目)), '^[0-9一二三四五六七八九十]+[.、．]\s*', ''),
                   '支出$', '') AS 类名,
    CASE WHEN coalesce(项, '') <> '' THEN 3 WHEN coalesce(款, '') <> '' THEN 2 ELSE 1 END AS 级
  FROM 支出
  WHERE 口径 = '功能分类' AND 金额 IS NOT NULL
),
has_kuan AS (SELECT DISTINCT 报告ID, 章节, 表, 类名 FROM norm WHERE 级 = 2),
children AS (
  -- (上级的级, 上级的款名) ← 下级
  SELECT n.*, 2 AS 上级, '' AS 上级款 FROM norm n
  WHERE 级 = 2
  UNION ALL
  SELECT n.*, 2, n.款 FROM norm n WHERE 级 = 3
  UNION ALL
  SELECT n.*, 1, '' FROM norm n
  WHERE 级 = 3 AND NOT EXISTS (SELECT 1 FROM has_kuan h WHERE h.报告ID = n.报告ID AND h.章节 = n.章节 AND h.表 = n.表
                                 AND h.类名 = n.类名)
),
summed AS (
  SELECT 报告ID, 章节, 表, 类名, CASE WHEN 上级 = 2 AND 上级款 = '' THEN 1 ELSE 上级 END AS 上级级, 上级款,
    sum(金额) AS 分项之和, count(*) AS 项数,
    string_agg(科目 || ' ' || printf('%.10g', 金额::DOUBLE), ' + ' ORDER BY 序号) AS 算式,
    flatten(list(来源明细 ORDER BY 序号)) AS 来源明细
  FROM children
  GROUP BY 报告ID, 章节, 表, 类名, CASE WHEN 上级 = 2 AND 上级款 = '' THEN 1 ELSE 上级 END, 上级款
),
checked AS (
  SELECT p.单位, p.年度, p.报告ID, p.章节 || coalesce('（' || nullif(p.表, '') || '）', '') AS 章节, p.科目,
    CASE WHEN p.级 = 1 AND EXISTS (SELECT 1 FROM has_kuan h WHERE h.报告ID = p.报告ID AND h.章节 = p.章节 AND h.表 = p.表
      AND h.类名 = p.类名) THEN '各款' ELSE '各项' END AS 下级,
    p.金额 AS 列示, s.分项之和 AS 应为, s.算式,
    abs(p.金额 - s.分项之和) AS 差额, 0.01 * s.项数 AS 容差, p.来源明细 || s.来源明细 AS 来源明细, p.序号
  FROM norm p
  JOIN summed s ON s.报告ID = p.报告ID AND s.章节 = p.章节 AND s.表 = p.表 AND s.类名 = p.类名 AND s.上级级 = p.级
    AND (p.级 = 1 OR s.上级款 = p.款)
  WHERE p.级 IN (1, 2)
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  章节 || '：' || 科目 || ' ' || printf('%.10g', 列示::DOUBLE) || ' 万元，其下' || 下级 || '之和 ' || 算式 || ' = '
    || printf('%.10g', 应为::DOUBLE) || ' 万元，相差 ' || printf('%.10g', 差额::DOUBLE) || ' 万元'
    || CASE WHEN 差额 > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 章节, 序号
