-- 标题：项目预算执行率与重算相符（执行率 = 执行数 ÷ 调整后预算）
-- 检查：绩效自评表每一资金来源行的“预算执行率”应等于 执行数 ÷ 调整后预算数 × 100（未列调整后预算时用年初预算）。
--   预算为 0 而执行数或执行率不为 0，为 警告（无从计算）。所列执行率恰等于 执行数 ÷ 年初预算 时，说明中注明“疑以年初预算为分母”。
--   同一项目几行数字相同（如“总额”与“财政资金”）时合并为一条。
-- 级别：错误
-- 容差：与重算之差不超过所列百分比末位的半个单位（86.4% 为 ±0.05 个百分点）视为相符；超过半个单位、但不超过一个单位
--   加上金额按 0.01 万元舍入传递的误差（100 ×（0.005 ÷ 分母 + 分子 × 0.005 ÷ 分母²），推算所得的数加倍），为 提示（舍入或截断）；再大为 错误
-- 示例：[提示] 项目 51081124Y000011414842 企业家座谈会经费（总额、财政资金）：执行率 18.75%，按 执行数 1.87 ÷ 调整后预算 10 重算应为 18.70%，相差 0.05 个百分点（在舍入容差内）（样例报告）
WITH rows AS (
  SELECT *, coalesce(调整后预算, 年初预算) AS 预算,
    CASE WHEN 调整后预算 IS NOT NULL THEN '调整后预算' ELSE '年初预算' END AS 分母名
  FROM 项目资金
  WHERE 执行率 IS NOT NULL AND 执行数 IS NOT NULL AND coalesce(调整后预算, 年初预算) IS NOT NULL
),
checked AS (
  SELECT *,
    CASE WHEN 预算 <> 0 THEN 100 * 执行数 / 预算 END AS 应为,
    CASE WHEN 预算 <> 0 THEN abs(执行率 - 100 * 执行数 / 预算) END AS 差额,
    CASE WHEN 执行率 = round(执行率, 0) THEN 0.5 WHEN 执行率 = round(执行率, 1) THEN 0.05
         WHEN 执行率 = round(执行率, 2) THEN 0.005 ELSE 0.0005 END AS 半位,
    CASE WHEN 预算 <> 0 THEN 100 * (0.005 / abs(预算) + abs(执行数) * 0.005 / (预算 * 预算)) END AS 舍入传递
  FROM rows
),
flagged AS (
  SELECT *,
    (分母名 = '调整后预算' AND 年初预算 IS NOT NULL AND 年初预算 <> 0 AND 年初预算 <> 预算
      AND abs(执行率 - 100 * 执行数 / 年初预算) <= 半位) AS 年初为分母
  FROM checked
  WHERE (预算 = 0 AND (执行数 <> 0 OR 执行率 <> 0)) OR 差额 > 半位
),
merged AS (
  SELECT 单位, 年度, 报告ID, 项目编码, 项目名称, 执行数, 预算, 分母名, 年初预算, 执行率, 应为, 差额, 半位, 舍入传递, 年初为分母,
    string_agg(资金来源, '、') AS 资金来源, flatten(list(来源明细)) AS 来源明细
  FROM flagged GROUP BY ALL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 预算 = 0 THEN '警告' WHEN 差额 > 2 * 半位 + 舍入传递 THEN '错误' ELSE '提示' END AS 级别,
  '项目 ' || 项目编码 || ' ' || coalesce(项目名称, '') || '（' || 资金来源 || '）：执行率 ' || printf('%.10g', 执行率::DOUBLE) || '%，'
    || CASE WHEN 预算 = 0 THEN 分母名 || '为 0，执行率无从计算'
       ELSE '按 执行数 ' || printf('%.10g', 执行数::DOUBLE) || ' ÷ ' || 分母名 || ' ' || printf('%.10g', 预算::DOUBLE)
         || ' 重算应为 ' || printf('%.2f', 应为) || '%，相差 ' || printf('%.2f', 差额) || ' 个百分点'
         || CASE WHEN 差额 <= 2 * 半位 + 舍入传递 THEN '（在舍入容差内）' ELSE '' END
         || CASE WHEN 年初为分母 THEN '；该执行率恰为 执行数 ÷ 年初预算 ' || printf('%.10g', 年初预算::DOUBLE) || '，疑以年初预算为分母' ELSE '' END
       END AS 说明,
  json_object('列示', 执行率, '应为', round(应为, 4), '差额', round(差额, 4), '容差', round(2 * 半位 + 舍入传递, 4),
              '执行数', 执行数, '预算数', 预算) AS 数值,
  来源明细
FROM merged
ORDER BY 单位, 年度, 项目编码
