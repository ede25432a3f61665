-- title: 未完成的取数表：绩效自评表中未完成的指标，及绩效、问题段落中说到未完成的句子
-- notes: 载入时建成（只重算本次载入报告的单位）；sql/questions/未完成.sql 读它。
--   指标：三级指标非空，且 是否完成 为假，或无法判断而写有未完成原因（“无”不算）。
--   段落：标题或上级标题含“绩效”、或标题含“问题”的段落中写到 未完成/未达到/没有完成/没有达到 的（“无未完成”之类不算）；
--   长段落（超过 120 字）只取说到它的那一句。出处序：1 指标，2 段落。最新年度：该单位已载入报告的最新年度。
SELECT x.*, (SELECT max(r.年度) FROM reports r WHERE r.单位 = x.单位) AS 最新年度 FROM (
SELECT i.单位, i.年度, i.项目名称, i.三级指标,
  CASE WHEN i.指标性质 = '定性' THEN '定性 ' || i.指标值 ELSE i.指标性质 || i.指标值 || i.度量单位 END AS 目标, i.指标性质, i.指标值, i.度量单位, i.完成值, i.得分, i.权重,
  nullif(nullif(i.未完成原因, '无'), '') AS 未完成原因, i.是否完成, NULL AS 报告原文, i.来源, i.来源明细,
  1 AS 出处序, i.序号
FROM 绩效指标 i
WHERE i.三级指标 <> '' AND (i.是否完成 = false
  OR (i.是否完成 IS NULL AND coalesce(nullif(i.未完成原因, '无'), '') <> ''))
UNION ALL
SELECT d.单位, d.年度, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false,
  CASE WHEN length(d.文本) <= 120 THEN d.文本  -- a long paragraph: only its sentence that says so
    ELSE regexp_extract(d.文本, '[^。；]*(未完成|未达到|没有完成|没有达到)[^。；]*') END, d.来源, d.来源明细, 2, d.序号
FROM 段落 d
WHERE (d.标题 LIKE '%绩效%' OR d.上级标题 LIKE '%绩效%' OR d.标题 LIKE '%问题%')
  AND regexp_matches(d.文本, '未完成|未达到|没有完成|没有达到') AND NOT regexp_matches(d.文本, '(无|没有|不存在)未完成')
) x
ORDER BY x.单位, x.年度, x.出处序, x.序号;
