-- title: 科目金额的取数表：每个单位、年度、科目（及可选的上级科目）在“科目金额”中取到的行
-- notes: 载入时由 年度条目 建成（只重算本次载入报告的单位），sql/questions/科目金额.sql 读它。
--   规则：同一单位、年度、科目只取一处（该年度报告本身 > 下一年度报告所列上年数；再按 表序：表格 > 正文 > 附件，
--   全部资金的支出决算表、收入决算表 > 收入支出决算总表 > 其他表 > 财政拨款各表）；并列第一的行都取。
--   限定：问题给出上级科目（住房改革支出住房公积金）时只在 类 或 款 等于它的行中取；'' 表示不限定。
--   最新年度：该单位已载入报告的最新年度（问题不写年度时取它，“去年”取它减一）。
--   上级、说明、出处、推算说明：答案句中显示的文字，按所取的行算好。
WITH 键 AS (  -- 每行在“不限定”和它的类、款三种限定下各出现一次
  SELECT c.*, k.限定
  FROM 年度条目 c,
    (SELECT unnest(list_distinct(list_filter([c.类, c.款], lambda x: coalesce(x, '') <> '')) || ['']) AS 限定) k
  WHERE c.值 IS NOT NULL
), 选 AS (
  SELECT c.*, coalesce(nullif(c.表名, ''), CASE c.章节 WHEN '附件' THEN '附件' ELSE '报告' || c.章节 END) AS 出自
  FROM 键 c
  QUALIFY rank() OVER (PARTITION BY c.单位, c.年度, c.科目, c.限定 ORDER BY c.本年报告 DESC, c.表序) = 1
)
SELECT c.单位, c.年度, (SELECT max(r.年度) FROM reports r WHERE r.单位 = c.单位) AS 最新年度, c.限定, c.科目,
  CASE WHEN c.限定 <> '' OR count(DISTINCT nullif(c.款, '')) OVER w > 1 THEN nullif(c.款, '') END AS 上级,
  nullif(c.口径, '') AS 口径, c.值, c.计量单位, c.章节, c.表名,
  CASE WHEN c.本年报告 AND c.值 = 0 AND c.说明 LIKE '未%' THEN c.说明 END AS 说明,
  CASE WHEN c.表序 % 10 = 4 OR min(c.出自) OVER w <> max(c.出自) OVER w THEN '据' || c.出自 END AS 出处,
  CASE WHEN c.推算 THEN '（按下一年度报告' || CASE WHEN c.章节 = '附件' THEN '附件' ELSE '' END
         || '所列本年数与增减额推算）'
       WHEN NOT c.本年报告 THEN '（据下一年度报告' || CASE WHEN c.章节 = '附件' THEN '附件' ELSE '' END
         || '所列上年数）' END AS 推算说明,
  c.来源, c.来源明细, c.表序
FROM 选 c
WINDOW w AS (PARTITION BY c.单位, c.年度, c.科目, c.限定)
ORDER BY c.科目, c.单位, c.年度;
