-- 标题：模板占位符或填写说明未删除
-- 检查：报告文字中残留模板占位符（XX、XXX、××、＊＊＊、某某）或填写说明（“（100字以内）”“对照年度目标，说明……”“请填写/请根据……”
--   “此处填写”），说明模板未填写完整。
-- 级别：警告
-- 容差：无
-- 示例：[警告] 项目 51081125T000012271915 在嘉善举办昭化区城市成果推介会（第805行所在的自评表）：残留“对照年度目标，说明相关任务目标的完成情况（100字以内）”（样例报告）
WITH texts AS (
  SELECT DISTINCT 单位, 年度, 报告ID, 原文 AS 文本, '' AS 所在, {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实 WHERE coalesce(原文, '') <> ''
  UNION
  SELECT 单位, 年度, 报告ID, 文本, '项目 ' || 项目编码 || ' ' || coalesce(项目名称, '') || '（第' || 来源明细[1].line || '行所在的自评表）',
    {'file': 来源明细[1].file, 'page': 来源明细[1].page, 'line': 来源明细[1].line, 'text': 文本}
  FROM (SELECT 单位, 年度, 报告ID, 项目编码, 项目名称, 来源明细,
          unnest([项目名称, 主管部门, 实施单位, 年度目标, 完成情况, 实施内容, 评价结论, 存在问题, 改进措施]) AS 文本 FROM 项目)
  WHERE coalesce(文本, '') <> ''
  UNION
  SELECT 单位, 年度, 报告ID, 来源明细[1].text, '', 来源明细[1] FROM 绩效指标
  UNION
  SELECT 单位, 年度, 报告ID, 来源明细[1].text, '', 来源明细[1] FROM 名词
),
hits AS (
  SELECT *, regexp_extract(文本,
    '([XＸ]{2,}|×{2,}|[*＊]{3,}|某某|[（(]\d+字以内[）)]|对照年度目标[，,]\s*说明[^。；]*|请(?:填写|根据|按照|在此)[^。；]{0,20}|此处(?:填写|说明)[^。；]{0,20})', 1) AS 残留
  FROM texts
)
SELECT 单位, 年度, 报告ID,
  coalesce(nullif(所在, ''), '第' || src.line || '行') || '：残留“'
    || CASE WHEN regexp_matches(文本, '对照年度目标|字以内') AND length(文本) <= 60 THEN 文本 ELSE 残留 END || '”' AS 说明,
  json_object('残留', 残留) AS 数值,
  [src] AS 来源明细
FROM hits
WHERE 残留 <> ''
ORDER BY 单位, 年度, src.line
