-- 标题：完成预算比与重算相符（完成预算 % = 决算数 ÷ 预算数）
-- 检查：一句话列示“完成预算 x%”并同时列示该科目的决算数和预算数时，x 应等于 决算数 ÷ 预算数 × 100。
--   句中写“完成全年预算/调整后预算”的用全年预算数，否则用年初预算数（没有则用另一个）；所列比例恰等于按另一个预算数
--   算出的值时在说明中注明（如“年初预算为 0 万元，全年预算为 321.02 万元……完成年初预算的 95.89%”）。预算数为 0 而决算数不为 0 时仍列示完成比例，为 警告（无从计算）；两者都为 0 时不核对。
-- 级别：错误
-- 容差：与重算之差不超过所列百分比末位的半个单位（86.4% 为 ±0.05 个百分点）视为相符；超过半个单位、但不超过一个单位
--   加上金额按 0.01 万元舍入传递的误差（100 ×（0.005 ÷ 分母 + 分子 × 0.005 ÷ 分母²），推算所得的数加倍），为 提示（舍入或截断）；再大为 错误
-- 示例：[错误] 第62行：公务用车购置及运行维护费 决算数 0.75 万元、预算数 0.75 万元，完成预算 90%，重算应为 100.00%，相差 10.00 个百分点（合成报告改动一个数字后）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, 科目, 属性, 数值, 章节, 行, 原文,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 来源类型 = 'narrative' AND 表 IN ('收入', '支出', '三公') AND 数值 IS NOT NULL
),
line_raw AS (
  SELECT 单位, 年度, 报告ID, 表, 科目, 行, min(序号) AS 序号,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '完成预算比') AS 完成,
    arg_min(数值, 序号) FILTER (WHERE 属性 IN ('金额', '决算数')) AS 决算,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '预算数') AS 年初预算,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '全年预算数') AS 全年预算,
    list(数值 ORDER BY 序号) FILTER (WHERE 属性 IN ('预算数', '全年预算数')) AS 各预算数,
    string_agg(DISTINCT 原文, '') AS 文,
    list(DISTINCT src) FILTER (WHERE 属性 IN ('完成预算比', '金额', '决算数', '预算数', '全年预算数')) AS 来源明细
  FROM f GROUP BY 单位, 年度, 报告ID, 表, 科目, 行
),
line AS (
  SELECT *,
    CASE WHEN regexp_matches(文, '完成(全年|调整后)预算') THEN coalesce(全年预算, 年初预算)
         ELSE coalesce(年初预算, 全年预算) END AS 预算
  FROM line_raw
),
checked AS (
  SELECT *,
    CASE WHEN 预算 <> 0 THEN 100 * 决算 / 预算 END AS 应为,
    CASE WHEN 预算 <> 0 THEN abs(完成 - 100 * 决算 / 预算) END AS 差额,
    CASE WHEN 完成 = round(完成, 0) THEN 0.5 WHEN 完成 = round(完成, 1) THEN 0.05
         WHEN 完成 = round(完成, 2) THEN 0.005 ELSE 0.0005 END AS 半位,
    CASE WHEN 预算 <> 0 THEN 100 * (0.005 / abs(预算) + abs(决算) * 0.005 / (预算 * 预算)) END AS 舍入传递
  FROM line
  WHERE 完成 IS NOT NULL AND 决算 IS NOT NULL AND 预算 IS NOT NULL
),
hinted AS (
  SELECT *,
    list_filter(各预算数, lambda b: b <> 预算 AND b <> 0 AND abs(完成 - 100 * 决算 / b) <= 2 * 半位)[1] AS 另一预算
  FROM checked
  WHERE (预算 = 0 AND 决算 <> 0) OR 差额 > 半位
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 预算 = 0 THEN '警告' WHEN 差额 > 2 * 半位 + 舍入传递 THEN '错误' ELSE '提示' END AS 级别,
  '第' || 行 || '行：' || 科目 || ' 决算数 ' || printf('%.10g', 决算::DOUBLE) || ' 万元、预算数 '
    || printf('%.10g', 预算::DOUBLE) || ' 万元，完成预算 ' || printf('%.10g', 完成::DOUBLE) || '%，'
    || CASE WHEN 预算 = 0 THEN '预算数为 0，完成比例无从计算'
       ELSE '重算应为 ' || printf('%.2f', 应为) || '%，相差 ' || printf('%.2f', 差额) || ' 个百分点'
         || CASE WHEN 差额 <= 2 * 半位 + 舍入传递 THEN '（在舍入容差内）' ELSE '' END END
    || CASE WHEN 另一预算 IS NOT NULL THEN '；该比例恰为 决算数 ÷ 同句另一预算数 ' || printf('%.10g', 另一预算::DOUBLE)
         || '，分母与所称预算不符' ELSE '' END AS 说明,
  json_object('列示', 完成, '应为', round(应为, 4), '差额', round(差额, 4), '容差', round(2 * 半位 + 舍入传递, 4),
              '决算数', 决算, '预算数', 预算) AS 数值,
  来源明细
FROM hinted
ORDER BY 单位, 年度, 行, 序号
