-- 标题：决算与预算的关系词与数字相符
-- 检查：一行文字用“与预算持平/等于预算”“超出/高于预算”“低于/未完成预算”描述决算与预算的关系时，与同一行列示的
--   完成预算比（或决算数、预算数）相比：“持平”要求约为 100%（或两数相等），“超出”要求大于 100%，“低于/未完成”要求小于 100%。
--   关系词须与该科目的数字在同一句中；同一行有多个科目列示了预算关系时无法判断所指，不核对。上年与本年的关系词见 prior_year_change。
-- 级别：警告
-- 容差：完成预算比末位的半个单位；决算数与预算数比较时 ±0.01 万元
-- 示例：[警告] 第56行：三公经费 完成预算 95%，报告却称决算与预算“持平”（合成报告改动一个数字后）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, 科目, 属性, 数值, 行, 原文,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 来源类型 = 'narrative' AND 表 IN ('收入', '支出', '三公')
),
line_text AS (
  SELECT 报告ID, 行, list(DISTINCT src) AS 来源明细 FROM f GROUP BY 报告ID, 行
),
items AS (
  SELECT 单位, 年度, 报告ID, 表, 科目, 行, min(序号) AS 序号,
    arg_min(数值, 序号) FILTER (WHERE 属性 = '完成预算比' AND 数值 IS NOT NULL) AS 完成,
    arg_min(数值, 序号) FILTER (WHERE 属性 IN ('金额', '决算数') AND 数值 IS NOT NULL) AS 决算,
    coalesce(arg_min(数值, 序号) FILTER (WHERE 属性 = '预算数' AND 数值 IS NOT NULL),
             arg_min(数值, 序号) FILTER (WHERE 属性 = '全年预算数' AND 数值 IS NOT NULL)) AS 预算,
    string_agg(DISTINCT 原文, '') AS 句  -- the item's own sentences: a relation word in the next sentence is another item's
  FROM f GROUP BY 单位, 年度, 报告ID, 表, 科目, 行
  HAVING 完成 IS NOT NULL OR 预算 IS NOT NULL
),
single AS (
  SELECT i.*, t.来源明细,
    CASE WHEN regexp_matches(i.句, '(与|和|同)(全年|年初|调整后)?预算数?(基本)?持平|等于(全年|年初|调整后)?预算|与(全年|年初)?预算数?一致') THEN '持平'
         WHEN regexp_matches(i.句, '(超出|超过|高于|大于)(全年|年初|调整后)?预算|超预算') THEN '超出'
         WHEN regexp_matches(i.句, '(低于|小于|未完成|未达到|未达)(全年|年初|调整后)?预算') THEN '低于' END AS 关系,
    coalesce(完成, CASE WHEN 预算 <> 0 THEN 100 * 决算 / 预算 END) AS 比例,
    CASE WHEN 完成 IS NULL THEN NULL WHEN 完成 = round(完成, 0) THEN 0.5 WHEN 完成 = round(完成, 1) THEN 0.05
         WHEN 完成 = round(完成, 2) THEN 0.005 ELSE 0.0005 END AS 半位
  FROM items i JOIN line_text t USING (报告ID, 行)
  QUALIFY count(*) OVER (PARTITION BY i.报告ID, i.行) = 1
)
SELECT 单位, 年度, 报告ID,
  '第' || 行 || '行：' || 科目
    || CASE WHEN 完成 IS NOT NULL THEN ' 完成预算 ' || printf('%.10g', 完成::DOUBLE) || '%'
            ELSE ' 决算数 ' || printf('%.10g', 决算::DOUBLE) || ' 万元、预算数 ' || printf('%.10g', 预算::DOUBLE) || ' 万元' END
    || '，报告却称决算' || CASE 关系 WHEN '持平' THEN '与预算“持平”' WHEN '超出' THEN '“超出”预算' ELSE '“低于”预算' END AS 说明,
  json_object('所称关系', 关系, '完成预算比', 完成, '决算数', 决算, '预算数', 预算) AS 数值,
  来源明细
FROM single
WHERE 关系 IS NOT NULL AND 比例 IS NOT NULL AND (
     (关系 = '持平' AND (CASE WHEN 完成 IS NOT NULL THEN abs(完成 - 100) > 半位 ELSE abs(决算 - 预算) > 0.01 END))
  OR (关系 = '超出' AND 比例 <= 100)
  OR (关系 = '低于' AND 比例 >= 100))
ORDER BY 单位, 年度, 行, 序号
