-- 标题：文中出现其他部门的全称
-- 检查：报告文字（列示数字的句子、绩效自评表的文字栏、名词解释）中，出现与本单位同一地区前缀（如“广元市昭化区”）、
--   但不是本单位的机关全称（可带“中共”前缀，以 委员会、联合会、办公室、委、局、部、办、厅、政府 结尾），
--   常见于套用其他部门的报告后漏改。本单位名称、以本单位名称开头的内设机构、只差“和/与/及”写法的本单位名称不算；
--   以 中心、所、站、院 结尾的多为所属事业单位，不在此列。
-- 级别：警告
-- 容差：无
-- 示例：[警告] 第95行出现“中共广元市昭化区委组织部”，不是本单位（广元市昭化区工商业联合会）：截至2024年12月31日，中共广元市昭化区委组织部共有车辆0辆，其中：主要负责人用车0辆、机要通信用车0辆、应急保障…（样例报告）
WITH texts AS (
  SELECT DISTINCT 单位, 年度, 报告ID, 原文 AS 文本, {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实 WHERE coalesce(原文, '') <> ''
  UNION
  SELECT 单位, 年度, 报告ID, 文本, {'file': 来源明细[1].file, 'page': 来源明细[1].page, 'line': 来源明细[1].line, 'text': 文本}
  FROM (SELECT 单位, 年度, 报告ID, 来源明细,
          unnest([项目名称, 主管部门, 实施单位, 年度目标, 完成情况, 实施内容, 评价结论, 存在问题, 改进措施]) AS 文本 FROM 项目)
  WHERE coalesce(文本, '') <> ''
  UNION
  SELECT 单位, 年度, 报告ID, 来源明细[1].text, 来源明细[1] FROM 绩效指标
  UNION
  SELECT 单位, 年度, 报告ID, 来源明细[1].text, 来源明细[1] FROM 名词
),
regions AS (
  SELECT DISTINCT 单位, regexp_extract(单位, '^(?:中共)?(.*?(?:省|自治区|市|州|盟)(?:.{1,6}?(?:市|区|县|旗))?)', 1) AS 地区
  FROM 报告
),
names AS (
  SELECT t.单位, t.年度, t.报告ID, t.src, t.文本, r.地区,
    unnest(regexp_extract_all(t.文本, '(?:中共)?' || r.地区 || '[一-龥]{1,20}?(?:委员会|联合会|办公室|委|局|部|办|厅|政府|中心|所|站|院|队|馆)')) AS 名称
  FROM texts t JOIN regions r USING (单位)
  -- 先排除地区名只出现在本单位名称里的句子（结果不变；正则按行拼接，逐句运行很慢）
  WHERE r.地区 <> '' AND contains(replace(t.文本, t.单位, '＊'), r.地区)
)
SELECT 单位, 年度, 报告ID,
  '第' || src.line || '行出现“' || 名称 || '”，不是本单位（' || 单位 || '）：'
    || CASE WHEN length(文本) > 60 THEN left(文本, 59) || '…' ELSE 文本 END AS 说明,
  json_object('出现的名称', 名称, '本单位', 单位) AS 数值,
  [src] AS 来源明细
FROM (SELECT DISTINCT * FROM names)
WHERE 名称 <> 单位
  AND NOT starts_with(单位, 名称) AND NOT starts_with(名称, 单位)
  AND NOT starts_with(regexp_replace(名称, '^中共', ''), regexp_replace(单位, '^中共', ''))
  AND NOT regexp_matches(名称, '(中心|所|站|院|队|馆)$')
  AND regexp_replace(名称, '[和与及、]', '', 'g') <> regexp_replace(单位, '[和与及、]', '', 'g')
ORDER BY 单位, 年度, src.line
