-- 标题：日期中的年度与报告年度不符
-- 检查：“截至/截止 YYYY 年 12 月 31 日”这类期末时点，以及“YYYY年度部门决算”“自评表（YYYY年度）”这类标题中的年份，
--   应是报告年度；常见于沿用上年报告未改年份。比较上年的说法（“与2023年度相比”）不在此列。
-- 级别：警告
-- 容差：无
-- 示例：[警告] 第79行：“截至2023年12月31日”中的年份 2023 不是报告年度 2024（合成报告改动一个数字后）
WITH texts AS (
  SELECT DISTINCT 单位, 年度, 报告ID, 原文 AS 文本, {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实 WHERE coalesce(原文, '') <> ''
  UNION  -- the report's paragraphs too: a sentence whose figures were left unplaced still states its date
  SELECT 单位, 年度, 报告ID, 文本, 来源明细[1] FROM 段落 WHERE coalesce(文本, '') <> ''
  UNION
  SELECT 单位, 年度, 报告ID, 文本, {'file': 来源明细[1].file, 'page': 来源明细[1].page, 'line': 来源明细[1].line, 'text': 文本}
  FROM (SELECT 单位, 年度, 报告ID, 来源明细,
          unnest([年度目标, 完成情况, 实施内容, 评价结论, 存在问题, 改进措施]) AS 文本 FROM 项目)
  WHERE coalesce(文本, '') <> ''
),
hits AS (
  SELECT 单位, 年度, 报告ID, src,
    unnest(regexp_extract_all(文本, '(?:截至|截止)(?:到)?\s*\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}\s*年度?(?:部门|单位)(?:决算|预算)|[（(]\d{4}\s*年度[）)]')) AS 说法
  FROM texts
)
SELECT 单位, 年度, 报告ID,
  '第' || min(src.line) || '行：“' || 说法 || '”中的年份 ' || regexp_extract(说法, '\d{4}') || ' 不是报告年度 ' || 年度 AS 说明,
  json_object('说法', 说法, '年份', CAST(regexp_extract(说法, '\d{4}') AS INTEGER), '报告年度', 年度) AS 数值,
  list(DISTINCT src ORDER BY src.line) AS 来源明细  -- one finding per wrong date, with every place it is written
FROM hits
WHERE CAST(regexp_extract(说法, '\d{4}') AS INTEGER) <> 年度
GROUP BY 单位, 年度, 报告ID, 说法
ORDER BY 单位, 年度, min(src.line)
