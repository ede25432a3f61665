-- title: 未完成的项目和绩效指标（及报告所述原因），以及绩效分析中写明“未完成”“未达到”的原文
-- phrasings: 未完成 | 哪些项目没有完成目标 | 没有完成目标 | 哪些没有完成目标 | 未达标的指标有哪些 | 未完成的指标有哪些 | 未完成的项目有哪些 | 哪些未完成 | 哪些项目未完成 | 未完成项目 | 未完成指标 | 哪些指标未完成 | 未完成目标 | 哪些项目未完成目标 | 没有完成 | 哪些没有完成 | 未完成原因 | 哪些项目没有完成 | 哪些指标没有完成 | 未达标 | 哪些未达标 | 未完成的 | 为什么未完成 | 未完成为什么
-- examples:
--   哪些项目未完成 => 
--   哪些指标没有完成 => 
--   未达标的指标有哪些 => 
-- answer: [{项目名称}：{三级指标} 指标值 {目标}，完成值 {完成值}{度量单位}][，原因：{未完成原因}][报告原文：{报告原文}]
-- notes: 视图 绩效指标：完成值未达到指标值（是否完成 = false）；无法比较完成值与指标值（是否完成为空）时，填写了未完成原因
--   （不是“无”）的也列出。完成值达到指标值、只是扣了分的指标不算未完成（扣分原因见“项目字段”“项目说明”）。
--   另列 视图 段落 中绩效分析、存在问题部分写明“未完成”“未达到”的原文（不在绩效自评表里的目标），列 报告原文。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT * EXCLUDE (出处序, 序号) FROM (
SELECT i.单位, i.年度, i.项目名称, i.三级指标,
  CASE WHEN i.指标性质 = '定性' THEN '定性 ' || i.指标值 ELSE i.指标性质 || i.指标值 || i.度量单位 END AS 目标, i.指标性质, i.指标值, i.度量单位, i.完成值, i.得分, i.权重,
  nullif(nullif(i.未完成原因, '无'), '') AS 未完成原因, i.是否完成, NULL AS 报告原文, i.来源, i.来源明细,
  1 AS 出处序, i.序号
FROM 绩效指标 i JOIN 目标 t USING (单位, 年度)
WHERE i.三级指标 <> '' AND (i.是否完成 = false
  OR (i.是否完成 IS NULL AND coalesce(nullif(i.未完成原因, '无'), '') <> ''))
UNION ALL
SELECT d.单位, d.年度, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false,
  CASE WHEN length(d.文本) <= 120 THEN d.文本  -- a long paragraph: only its sentence that says so
    ELSE regexp_extract(d.文本, '[^。；]*(未完成|未达到|没有完成|没有达到)[^。；]*') END, d.来源, d.来源明细, 2, d.序号
FROM 段落 d JOIN 目标 t USING (单位, 年度)
WHERE (d.标题 LIKE '%绩效%' OR d.上级标题 LIKE '%绩效%' OR d.标题 LIKE '%问题%')
  AND regexp_matches(d.文本, '未完成|未达到|没有完成|没有达到') AND NOT regexp_matches(d.文本, '(无|没有|不存在)未完成')
)
ORDER BY 单位, 出处序, 序号;
