-- title: 科目增减的取数表：每个单位、年度、科目（及可选的上级科目）在“科目增减”中取到的行
-- notes: 载入时由 条目 建成（只重算本次载入报告的单位），sql/questions/科目增减.sql 读它。
--   只取列有增减额、增减率或上年数的收入、支出、三公行；同一单位、年度、科目取一处：表格 > 正文 > 附件（并列都取）。
--   限定、最新年度的意思同 取数_科目金额。上级：问题给出上级科目，或该单位该科目的行分属几个款时显示款名。
WITH 键 AS (
  SELECT c.*, k.限定
  FROM 条目 c,
    (SELECT unnest(list_distinct(list_filter([c.类, c.款], lambda x: coalesce(x, '') <> '')) || ['']) AS 限定) k
  WHERE c.表 IN ('收入', '支出', '三公')
    AND (c.增减额 IS NOT NULL OR c.增减率 IS NOT NULL OR c.上年金额 IS NOT NULL)
)
SELECT c.单位, c.年度, (SELECT max(r.年度) FROM reports r WHERE r.单位 = c.单位) AS 最新年度, c.限定, c.科目,
  CASE WHEN c.限定 <> '' OR count(DISTINCT nullif(c.款, '')) OVER w > 1 THEN nullif(c.款, '') END AS 上级,
  c.金额, c.上年金额, c.增减额, c.增减率, c.上年推算 AS 推算,
  CASE WHEN c.增减额 = 0 AND c.增减率 IS NULL THEN '（与上年持平，无变化）' END AS 变化说明,
  CASE c.章节 WHEN '附件' THEN '附件所列' END AS 出处, c.章节, c.来源, c.来源明细, c.序号
FROM 键 c
WINDOW w AS (PARTITION BY c.单位, c.年度, c.科目, c.限定)
QUALIFY rank() OVER (PARTITION BY c.单位, c.年度, c.科目, c.限定
                     ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY c.科目, c.单位, c.年度;
