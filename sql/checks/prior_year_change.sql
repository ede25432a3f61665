-- 标题：上年数、本年数与增减额相符
-- 检查：(1) 报告写明的上年数，应等于某处列示的 本年数 − 增减额（同一科目；若写明上年数的那句也列了本年数，两处本年数须相同）；
--   (2) 一句话同时列示本年数和上年数而未列增减额时，其关系词须与两数相符：“持平/无变化”要求相等，
--   “增加/增长/上升”要求本年大于上年，“减少/下降/降低”要求本年小于上年。
-- 级别：错误
-- 容差：(1) ±0.01 万元 × 2（增减额与上年数两项）；(2) ±0.01 万元；不为零但在容差内的差额为 提示
-- 示例：[错误] 第108行：公务接待费 上年数 0.83 万元，而第66行 本年 0.75 万元、增减额 0 万元推得上年应为 0.75 万元，相差 0.08 万元（合成报告改动一个数字后）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, 科目, 属性, 数值, 行, 原文,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 来源类型 = 'narrative' AND 表 IN ('收入', '支出', '三公')
),
line AS (
  SELECT 单位, 年度, 报告ID, 表, 科目, 行, min(序号) AS 序号,
    arg_min(数值, 序号) FILTER (WHERE 属性 IN ('金额', '决算数') AND 数值 IS NOT NULL) AS 本年,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '增减额' AND 数值 IS NOT NULL) AS 增减额,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '上年金额' AND 数值 IS NOT NULL) AS 上年,
    string_agg(DISTINCT 原文, '') AS 文,
    list(DISTINCT src) FILTER (WHERE 属性 IN ('金额', '决算数', '增减额', '上年金额')) AS 来源明细
  FROM f GROUP BY 单位, 年度, 报告ID, 表, 科目, 行
),
implied_vs_stated AS (
  SELECT s.单位, s.年度, s.报告ID, s.表, s.科目, s.行, s.序号, s.上年 AS 列示, i.本年 - i.增减额 AS 应为,
    i.行 AS 推算行, i.本年 AS 推算本年, i.增减额 AS 推算增减额, 0.02 AS 容差,
    list_distinct(s.来源明细 || i.来源明细) AS 来源明细
  FROM line s
  JOIN line i ON i.报告ID = s.报告ID AND i.表 = s.表 AND i.科目 = s.科目
    AND i.本年 IS NOT NULL AND i.增减额 IS NOT NULL
    AND (s.本年 IS NULL OR s.本年 = i.本年)
  WHERE s.上年 IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY s.报告ID, s.表, s.科目, s.行 ORDER BY (i.行 = s.行) DESC, abs(i.行 - s.行)) = 1
),
words AS (
  SELECT 单位, 年度, 报告ID, 表, 科目, 行, 序号, 本年, 上年, 来源明细,
    CASE WHEN regexp_matches(文, '持平|无变化|没有变化|未发生变化') THEN '持平'
         WHEN regexp_matches(文, '增加|增长|上升|提高') AND NOT regexp_matches(文, '减少|下降|降低') THEN '增加'
         WHEN regexp_matches(文, '减少|下降|降低') AND NOT regexp_matches(文, '增加|增长|上升|提高') THEN '减少' END AS 关系
  FROM line
  WHERE 本年 IS NOT NULL AND 上年 IS NOT NULL AND 增减额 IS NULL
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN abs(列示 - 应为) > 容差 THEN '错误' ELSE '提示' END AS 级别,
  '第' || 行 || '行：' || 科目 || ' 上年数 ' || printf('%.10g', 列示::DOUBLE) || ' 万元，而'
    || CASE WHEN 推算行 = 行 THEN '同句' ELSE '第' || 推算行 || '行' END
    || ' 本年 ' || printf('%.10g', 推算本年::DOUBLE) || ' 万元、增减额 ' || printf('%.10g', 推算增减额::DOUBLE)
    || ' 万元推得上年应为 ' || printf('%.10g', 应为::DOUBLE) || ' 万元，相差 ' || printf('%.10g', abs(列示 - 应为)::DOUBLE) || ' 万元'
    || CASE WHEN abs(列示 - 应为) > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', abs(列示 - 应为), '容差', 容差) AS 数值,
  来源明细
FROM implied_vs_stated
WHERE 列示 <> 应为
UNION ALL
SELECT 单位, 年度, 报告ID,
  CASE WHEN 关系 = '持平' AND abs(本年 - 上年) <= 0.01 THEN '提示' ELSE '错误' END AS 级别,
  '第' || 行 || '行：' || 科目 || ' 本年 ' || printf('%.10g', 本年::DOUBLE) || ' 万元、上年 ' || printf('%.10g', 上年::DOUBLE)
    || ' 万元，报告却称“' || 关系 || '”'
    || CASE WHEN 关系 = '持平' AND abs(本年 - 上年) <= 0.01 THEN '（差额在舍入容差内）' ELSE '' END AS 说明,
  json_object('本年', 本年, '上年', 上年, '所称关系', 关系) AS 数值,
  来源明细
FROM words
WHERE (关系 = '持平' AND 本年 <> 上年) OR (关系 = '增加' AND 本年 <= 上年) OR (关系 = '减少' AND 本年 >= 上年)
ORDER BY 单位, 年度
