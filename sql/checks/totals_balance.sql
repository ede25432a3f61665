-- 标题：收支总计平衡
-- 检查：同一章节里“收入总计”应等于“支出总计”，“财政拨款收入总计”应等于“财政拨款支出总计”（决算收支总表两侧相等）。
-- 级别：错误
-- 容差：±0.01 万元；不为零但在容差内的差额为 提示
-- 示例：[错误] 正文：收入总计 187.47 万元，支出总计 187.53 万元，收支总计不平衡，相差 0.06 万元（合成报告改动一个数字后）
WITH pairs(收方, 支方) AS (VALUES ('收入总计', '支出总计'), ('财政拨款收入总计', '财政拨款支出总计')),
checked AS (
  SELECT i.单位, i.年度, i.报告ID, i.章节 || coalesce('（' || nullif(i.表名, '') || '）', '') AS 章节, p.收方, p.支方, i.金额 AS 收入方, e.金额 AS 支出方,
    abs(i.金额 - e.金额) AS 差额, 0.01 AS 容差, i.来源明细 || e.来源明细 AS 来源明细
  FROM pairs p
  JOIN 收入 i ON i.科目 = p.收方
  JOIN 支出 e ON e.科目 = p.支方 AND e.报告ID = i.报告ID AND e.章节 = i.章节
    AND coalesce(e.表名, '') = coalesce(i.表名, '')
  WHERE i.金额 IS NOT NULL AND e.金额 IS NOT NULL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  章节 || '：' || 收方 || ' ' || printf('%.10g', 收入方::DOUBLE) || ' 万元，' || 支方 || ' '
    || printf('%.10g', 支出方::DOUBLE) || ' 万元，收支总计不平衡，相差 ' || printf('%.10g', 差额::DOUBLE) || ' 万元' AS 说明,
  json_object('收入方', 收入方, '支出方', 支出方, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 章节, 收方
