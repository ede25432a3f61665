-- 标题：增减率与重算相符（增减率 = 增减额 ÷ 上年数）
-- 检查：同一句中列示了本年数、增减额（或上年数）和增减率时，增减率应等于 增减额 ÷ 上年数 × 100；上年数未写明时按
--   本年数 − 增减额 推算。上年数为 0 而仍列示增长率为 警告。若所列增减率恰等于 增减额 ÷ 本年数，说明中注明“疑以本年数为基数”。
--   同一句对几个科目列示同一组数字（如“收入、支出总计各增加……”）时合并为一条。
-- 级别：错误
-- 容差：与重算之差不超过所列百分比末位的半个单位（86.4% 为 ±0.05 个百分点）视为相符；超过半个单位、但不超过一个单位
--   加上金额按 0.01 万元舍入传递的误差（100 ×（0.005 ÷ 分母 + 分子 × 0.005 ÷ 分母²），推算所得的数加倍），为 提示（舍入或截断）；再大为 错误
-- 示例：[错误] 第33行：收入总计、支出总计 增长 9.2%，按 增减额 16.84 ÷ 上年数 166.7（183.54 − 16.84） 重算应为 10.10%，相差 0.90 个百分点；9.2% 恰为 16.84 ÷ 本年数 183.54，疑以本年数为基数（样例报告）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, 科目, 属性, 数值, 行,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 来源类型 = 'narrative' AND 表 IN ('收入', '支出', '三公') AND 数值 IS NOT NULL
),
line AS (
  SELECT 单位, 年度, 报告ID, 表, 科目, 行, min(序号) AS 序号,
    arg_min(数值, 序号) FILTER (WHERE 属性 IN ('金额', '决算数')) AS 本年,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '增减额') AS 增减额,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '增减率') AS 增减率,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '上年金额') AS 上年,
    list(DISTINCT src) FILTER (WHERE 属性 IN ('金额', '决算数', '增减额', '增减率', '上年金额')) AS 来源明细
  FROM f GROUP BY 单位, 年度, 报告ID, 表, 科目, 行
),
calc AS (
  SELECT *,
    coalesce(上年, 本年 - 增减额) AS 基数,
    coalesce(增减额, 本年 - 上年) AS 变动,
    CASE WHEN 上年 IS NOT NULL THEN 0.005 ELSE 0.01 END AS 基数误差,
    CASE WHEN 增减额 IS NOT NULL THEN 0.005 ELSE 0.01 END AS 变动误差,
    CASE WHEN 增减率 = round(增减率, 0) THEN 0.5 WHEN 增减率 = round(增减率, 1) THEN 0.05
         WHEN 增减率 = round(增减率, 2) THEN 0.005 ELSE 0.0005 END AS 半位
  FROM line
  WHERE 增减率 IS NOT NULL AND coalesce(上年, 本年 - 增减额) IS NOT NULL AND coalesce(增减额, 本年 - 上年) IS NOT NULL
),
checked AS (
  SELECT *,
    CASE WHEN 基数 <> 0 THEN 100 * 变动 / 基数 END AS 应为,
    CASE WHEN 基数 <> 0 THEN abs(增减率 - 100 * 变动 / 基数) END AS 差额,
    CASE WHEN 基数 <> 0 THEN 100 * (变动误差 / abs(基数) + abs(变动) * 基数误差 / (基数 * 基数)) END AS 舍入传递,
    CASE WHEN 本年 IS NOT NULL AND 本年 <> 0 THEN abs(增减率 - 100 * 变动 / 本年) <= 半位 ELSE false END AS 本年为基数
  FROM calc
),
merged AS (
  SELECT 单位, 年度, 报告ID, 行, 本年, 增减额, 增减率, 上年, 基数, 变动, 应为, 差额, 半位, 舍入传递, 本年为基数,
    string_agg(科目, '、' ORDER BY 序号) AS 科目, min(序号) AS 序号, list_distinct(flatten(list(来源明细))) AS 来源明细
  FROM checked
  WHERE (基数 = 0 AND NOT (变动 = 0 AND 增减率 = 0)) OR 差额 > 半位
  GROUP BY ALL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 基数 = 0 THEN '警告' WHEN 差额 > 2 * 半位 + 舍入传递 THEN '错误' ELSE '提示' END AS 级别,
  '第' || 行 || '行：' || 科目 || ' ' || CASE WHEN 增减率 < 0 THEN '下降 ' ELSE '增长 ' END
    || printf('%.10g', abs(增减率)::DOUBLE) || '%，'
    || CASE WHEN 基数 = 0 THEN '但上年数为 0，增长率无从计算'
       ELSE '按 增减额 ' || printf('%.10g', 变动::DOUBLE) || ' ÷ 上年数 ' || printf('%.10g', 基数::DOUBLE)
         || CASE WHEN 上年 IS NULL THEN '（' || printf('%.10g', 本年::DOUBLE) || ' − ' || printf('%.10g', 增减额::DOUBLE) || '）' ELSE '' END
         || ' 重算应为 ' || printf('%.2f', 应为) || '%，相差 ' || printf('%.2f', 差额) || ' 个百分点'
         || CASE WHEN 差额 <= 2 * 半位 + 舍入传递 THEN '（在舍入容差内）' ELSE '' END
         || CASE WHEN 本年为基数 THEN '；' || printf('%.10g', abs(增减率)::DOUBLE) || '% 恰为 ' || printf('%.10g', 变动::DOUBLE)
              || ' ÷ 本年数 ' || printf('%.10g', 本年::DOUBLE) || '，疑以本年数为基数' ELSE '' END
       END AS 说明,
  json_object('列示', 增减率, '应为', round(应为, 4), '差额', round(差额, 4), '容差', round(2 * 半位 + 舍入传递, 4),
              '本年', 本年, '上年', 基数, '增减额', 变动) AS 数值,
  来源明细
FROM merged
ORDER BY 单位, 年度, 行, 序号
