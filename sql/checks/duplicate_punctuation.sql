-- 标题：标点重复
-- 检查：报告文字中连续出现两个句读标点（如“，。”“。。”“，，”“、、”“；。”），多为删改时遗漏。
-- 级别：提示
-- 容差：无
-- 示例：[提示] 第158行：“……席会议6次，专题培训2次，。”出现重复标点“，。”（样例报告）
WITH texts AS (
  SELECT DISTINCT 单位, 年度, 报告ID, 原文 AS 文本, {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实 WHERE coalesce(原文, '') <> ''
  UNION
  SELECT 单位, 年度, 报告ID, 文本, {'file': 来源明细[1].file, 'page': 来源明细[1].page, 'line': 来源明细[1].line, 'text': 文本}
  FROM (SELECT 单位, 年度, 报告ID, 来源明细,
          unnest([年度目标, 完成情况, 实施内容, 评价结论, 存在问题, 改进措施]) AS 文本 FROM 项目)
  WHERE coalesce(文本, '') <> ''
  UNION
  SELECT 单位, 年度, 报告ID, 来源明细[1].text, 来源明细[1] FROM 名词
),
hits AS (
  SELECT *, regexp_extract(文本, '(.{0,12})([，。；：、,]{2,})', 0) AS 片段,
    regexp_extract(文本, '[，。；：、,]{2,}', 0) AS 标点
  FROM texts
)
SELECT 单位, 年度, 报告ID,
  '第' || src.line || '行：“……' || 片段 || '”出现重复标点“' || 标点 || '”' AS 说明,
  json_object('标点', 标点) AS 数值,
  [src] AS 来源明细
FROM hits
WHERE 标点 <> ''
ORDER BY 单位, 年度, src.line
