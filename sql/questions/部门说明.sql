-- title: 报告原文中的部门文字说明：存在问题、改进建议、内设机构、决算编制范围、主要职能、某项支出的用途、接待对象
-- phrasings: {段落} | 有什么{段落} | 有哪些{段落} | 部门{段落} | {段落}哪些 | {段落}有哪些 | {段落}是哪些 | {段落}哪些单位 | {段落}有哪些单位 | {段落}是什么 | {科目}{段落}
-- examples:
--   部门存在哪些问题 => 段落=问题
--   有什么改进建议 => 段落=改进
--   工商联内设哪些机构 => 段落=内设机构; 单位=广元市昭化区工商业联合会
--   纳入决算编制范围的单位有哪些 => 段落=编制范围
--   公务接待费主要用于什么 => 科目=公务接待费; 段落=用途
--   接待的都是谁 => 段落=对象
--   公务接待费接待对象 => 科目=公务接待费; 段落=对象
-- answer: {年度}年度 {单位}（{标题}）：{原文}
-- notes: 视图 段落（报告的文字，每段一行，带所在的标题）。存在问题、改进建议、主要职能：标题含 问题 / 改进或建议 /
--   职能或职责 的各段原文；决算编制范围：含“编制范围”的段落（连同其后列出的单位）；内设机构：含“内设”的句子；
--   用途：在“用于”之前提到该科目（去掉末尾的 费、经费、支出，余下不足 3 字时用全名）的句子，或紧接在提到该科目的句子
--   之后、以“主要用于”开头的句子，名词解释除外；“用于以下方面：”连同其后所列；接待对象：讲接待且含“具体内容”“接待对象”的句子。
--   问题里的科目只用于 用途、接待对象；“某科目存在问题”之类不作答。只摘原文，不改写；找不到相应段落时答“报告未披露”。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 句 AS (
  SELECT p.单位, p.年度, p.标题, p.上级标题, p.文本, p.序号, p.来源, p.来源明细, s.句, s.位,
    lag(s.句) OVER (PARTITION BY p.单位, p.年度, p.序号 ORDER BY s.位) AS 前句
  FROM 段落 p JOIN 目标 t USING (单位, 年度),
    unnest(regexp_extract_all(p.文本, '[^。；！？]+[。；！？]?')) WITH ORDINALITY AS s(句, 位)
), 主语 AS (
  SELECT CASE WHEN length(regexp_replace(coalesce($科目, ''), '(经费|费用|费|支出)$', '')) >= 3
    THEN regexp_replace($科目, '(经费|费用|费|支出)$', '') ELSE coalesce($科目, '') END AS 词  -- 差旅费, 基本支出: whole
), 选 AS (
  SELECT 句.*, CASE WHEN $段落 = '用途' AND regexp_matches(句, '用于(以下方面)?[：:]') AND NOT 句 LIKE '%。'
      THEN substr(文本, strpos(文本, 句))  -- "主要用于以下方面：A…；B…；C…": the whole list
    WHEN $段落 IN ('内设机构', '用途', '对象') THEN 句 ELSE 文本 END AS 原文
  FROM 句, 主语
  WHERE CASE $段落
    WHEN '问题' THEN 标题 LIKE '%问题%'
    WHEN '改进' THEN 标题 LIKE '%改进%' OR 标题 LIKE '%建议%'
    WHEN '职能' THEN 标题 LIKE '%职能%' OR 标题 LIKE '%职责%' OR 上级标题 LIKE '%职能%'
    WHEN '编制范围' THEN 文本 LIKE '%编制范围%'
    WHEN '内设机构' THEN 句 LIKE '%内设%'
    WHEN '用途' THEN strpos(句, '用于') > 0 AND 主语.词 <> '' AND coalesce(上级标题, '') NOT LIKE '%名词%'
      AND (strpos(句, 主语.词) BETWEEN 1 AND strpos(句, '用于')  -- the item named before 用于, not in its list
        -- "…信息化建设（项）。主要用于：信息化系统日常维护费等支出。": the sentence after the one naming it
        OR (regexp_matches(句, '^\s*(主要)?用于') AND strpos(coalesce(前句, ''), 主语.词) > 0))
    WHEN '对象' THEN 句 LIKE '%接待%' AND (句 LIKE '%具体内容%' OR 句 LIKE '%接待对象%')
    ELSE false END
    AND ($科目 IS NULL OR $段落 IN ('用途', '对象'))  -- 会议费存在问题 is not the department's problems
)
SELECT 单位, 年度, 标题, 原文, any_value(来源) AS 来源, any_value(来源明细) AS 来源明细, min(序号) AS 序号
FROM 选
GROUP BY 单位, 年度, 标题, 原文
ORDER BY 单位, min(序号), min(位);
