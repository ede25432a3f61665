-- 标题：占比与重算相符
-- 检查：“占 x%”应等于该项金额 ÷ 分母。分母：句中写明“占本年支出合计/本年收入合计”的取该合计；“三公”经费各项取
--   同章节的“三公”经费合计；其余取同一句中此前最近列示的合计（如“本年支出合计 X 万元，其中：基本支出 A 万元，占 a%”）。
--   若同句各项的占比与“各项之和”相符而与列示的合计不符，问题在合计本身（由求和规则报告），此处不重复报告。
-- 级别：错误
-- 容差：与重算之差不超过所列百分比末位的半个单位（86.4% 为 ±0.05 个百分点）视为相符；超过半个单位、但不超过一个单位
--   加上金额按 0.01 万元舍入传递的误差（100 ×（0.005 ÷ 分母 + 分子 × 0.005 ÷ 分母²），推算所得的数加倍），为 提示（舍入或截断）；再大为 错误
-- 示例：[错误] 第25行：基本支出 138.95 万元，占 75.1%，按本年支出合计 187.47 万元重算应为 74.12%，相差 0.98 个百分点（合成报告改动一个数字后）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, 口径, 科目, 属性, 数值, 章节, 行, 原文,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 来源类型 = 'narrative' AND 表 IN ('收入', '支出', '三公') AND 数值 IS NOT NULL
),
shares AS (
  SELECT s.单位, s.年度, s.报告ID, s.序号, s.表, s.科目, s.数值 AS 占比, s.章节, s.行, s.原文, s.src,
    a.数值 AS 金额, a.序号 AS 金额序号, a.src AS 金额来源
  FROM f s
  JOIN f a ON a.报告ID = s.报告ID AND a.行 = s.行 AND a.表 = s.表 AND a.科目 = s.科目
    AND a.属性 IN ('金额', '决算数') AND a.序号 < s.序号
  WHERE s.属性 = '占比'
  QUALIFY row_number() OVER (PARTITION BY s.报告ID, s.序号 ORDER BY a.序号 DESC) = 1
),
with_denominator AS (
  SELECT sh.*, d.数值 AS 分母, d.科目 AS 分母科目, d.src AS 分母来源
  FROM shares sh
  JOIN f d ON d.报告ID = sh.报告ID AND d.属性 IN ('金额', '决算数') AND d.数值 <> 0 AND (
       (sh.原文 LIKE '%占本年支出合计%' AND d.表 = '支出' AND d.科目 = '本年支出合计')
    OR (sh.原文 LIKE '%占本年收入合计%' AND d.表 = '收入' AND d.科目 = '本年收入合计')
    OR (sh.原文 NOT LIKE '%占本年支出合计%' AND sh.原文 NOT LIKE '%占本年收入合计%' AND sh.表 = '三公'
        AND d.表 = '三公' AND d.科目 = '三公经费' AND d.章节 = sh.章节)
    OR (sh.原文 NOT LIKE '%占本年支出合计%' AND sh.原文 NOT LIKE '%占本年收入合计%' AND sh.表 <> '三公'
        AND d.表 = sh.表 AND d.行 = sh.行 AND d.口径 = '合计' AND d.序号 < sh.金额序号 AND d.科目 <> sh.科目))
  QUALIFY row_number() OVER (PARTITION BY sh.报告ID, sh.序号
                             ORDER BY (d.章节 = sh.章节) DESC, abs(d.行 - sh.行), d.序号 DESC) = 1
),
siblings AS (
  SELECT 报告ID, 表, 行, sum(金额) AS 各项之和, count(*) AS 项数 FROM shares GROUP BY 报告ID, 表, 行
),
checked AS (
  SELECT w.*, 100 * w.金额 / w.分母 AS 应为,
    abs(w.占比 - 100 * w.金额 / w.分母) AS 差额,
    CASE WHEN w.占比 = round(w.占比, 0) THEN 0.5 WHEN w.占比 = round(w.占比, 1) THEN 0.05
         WHEN w.占比 = round(w.占比, 2) THEN 0.005 ELSE 0.0005 END AS 半位,
    100 * (0.005 / abs(w.分母) + abs(w.金额) * 0.005 / (w.分母 * w.分母)) AS 舍入传递,
    s.各项之和, s.项数
  FROM with_denominator w JOIN siblings s USING (报告ID, 表, 行)
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 2 * 半位 + 舍入传递 THEN '错误' ELSE '提示' END AS 级别,
  '第' || 行 || '行：' || 科目 || ' ' || printf('%.10g', 金额::DOUBLE) || ' 万元，占 ' || printf('%.10g', 占比::DOUBLE)
    || '%，按' || 分母科目 || ' ' || printf('%.10g', 分母::DOUBLE) || ' 万元重算应为 ' || printf('%.2f', 应为)
    || '%，相差 ' || printf('%.2f', 差额) || ' 个百分点'
    || CASE WHEN 差额 > 2 * 半位 + 舍入传递 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 占比, '应为', round(应为, 4), '差额', round(差额, 4), '容差', round(2 * 半位 + 舍入传递, 4),
              '金额', 金额, '分母', 分母) AS 数值,
  list_distinct([src, 金额来源, 分母来源]) AS 来源明细
FROM checked
WHERE 差额 > 半位
  AND NOT (项数 >= 2 AND 各项之和 <> 0 AND abs(占比 - 100 * 金额 / 各项之和) <= 2 * 半位 + 舍入传递)
ORDER BY 单位, 年度, 行, 序号
