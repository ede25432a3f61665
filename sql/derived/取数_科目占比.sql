-- title: 科目占比的取数表：每个单位、年度、科目（及可选的上级科目）在“科目占比”中取到的行
-- notes: 载入时由 条目 建成（只重算本次载入报告的单位），sql/questions/科目占比.sql 读它。
--   只取列有占比的收入、支出、三公行；同一单位、年度、科目取一处：表格 > 正文 > 附件（并列都取）。
--   限定、最新年度的意思同 取数_科目金额。
--   基数：报告句子点名的基数（一般公共预算财政拨款支出2940.05万元，主要用于…：X…，占71.73%），此时占比旁的金额是
--   该资金中的 X，不是 X 的全部资金数。
WITH 键 AS (
  SELECT c.*, k.限定
  FROM 条目 c,
    (SELECT unnest(list_distinct(list_filter([c.类, c.款], lambda x: coalesce(x, '') <> '')) || ['']) AS 限定) k
  WHERE c.占比 IS NOT NULL AND c.表 IN ('收入', '支出', '三公')
)
SELECT c.单位, c.年度, (SELECT max(r.年度) FROM reports r WHERE r.单位 = c.单位) AS 最新年度, c.限定, c.科目,
  c.金额, c.占比,
  CASE WHEN c.表 = '三公' THEN '三公经费'
       ELSE nullif(nullif(regexp_extract(c.来源, '(一般公共预算财政拨款支出|一般公共预算财政拨款收入|财政拨款支出|'
                                         || '财政拨款收入|本年支出合计|本年收入合计|支出合计|收入合计)', 1), ''), c.科目) END AS 基数,
  c.来源, c.来源明细, c.序号
FROM 键 c
QUALIFY rank() OVER (PARTITION BY c.单位, c.年度, c.科目, c.限定
                     ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
ORDER BY c.科目, c.单位, c.年度;
