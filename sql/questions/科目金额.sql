-- title: 某个科目的金额（决算数），收入、支出、三公、资产或其他列示的数字
-- phrasings: {科目} | {科目}决算 | {科目}决算数 | {科目}是 | 部门{科目} | 单位{科目} | 决算{科目}
-- examples:
--   会议费多少 => 科目=会议费
--   开会花了多少钱 => 科目=会议费
--   2023年收入总计是多少 => 科目=收入总计; 年度=2023
--   去年的差旅费 => 科目=差旅费; 年度偏移=-1
--   工商联的公务接待费 => 科目=公务接待费; 单位=广元市昭化区工商业联合会
--   各部门基本支出 => 科目=基本支出
--   住房改革支出住房公积金 => 科目=住房公积金; 上级=住房改革支出
-- answer: {年度}年度 {单位} [{上级} ]{科目}[（{口径}）][（{出处}）] {值}[{推算说明}][（{说明}）]
-- notes: 视图 条目（支出、收入、三公、资产、概况 的合集）。同一年度优先用该年度报告本身的数字
--   （表格 > 正文 > 附件；表格中全部资金的支出决算表、收入决算表 > 收入支出决算总表 > 其他表 > 财政拨款各表，
--   收入决算表按功能分类列的行在最后）；该年度未载入时，用下一年度报告所列的上年数（注明是否推算）。
--   取自财政拨款表或同时列出几个数时，注明出处（出处）。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 候选 AS (  -- 本年报告的行，及下一年度报告所列的上年数（年度条目）
  SELECT * FROM 年度条目 WHERE 科目 = $科目 AND ($上级 IS NULL OR $上级 IN (类, 款))
), 选 AS (
  SELECT c.*, coalesce(nullif(c.表名, ''), CASE c.章节 WHEN '附件' THEN '附件' ELSE '报告' || c.章节 END) AS 出自
  FROM 候选 c JOIN 目标 t USING (单位, 年度)
  WHERE c.值 IS NOT NULL
  QUALIFY rank() OVER (PARTITION BY c.单位 ORDER BY c.本年报告 DESC, c.表序) = 1
)
SELECT c.单位, c.年度, CASE WHEN $上级 IS NOT NULL OR count(DISTINCT nullif(c.款, '')) OVER (PARTITION BY c.单位) > 1 THEN nullif(c.款, '') END AS 上级,
  c.科目, nullif(c.口径, '') AS 口径, c.值, c.计量单位, c.章节, c.表名,
  CASE WHEN c.本年报告 AND c.值 = 0 AND c.说明 LIKE '未%' THEN c.说明 END AS 说明,
  CASE WHEN c.表序 % 10 = 4 OR min(c.出自) OVER (PARTITION BY c.单位) <> max(c.出自) OVER (PARTITION BY c.单位)
    THEN '据' || c.出自 END AS 出处,
  CASE WHEN c.推算 THEN '（按下一年度报告' || CASE WHEN c.章节 = '附件' THEN '附件' ELSE '' END
         || '所列本年数与增减额推算）'
       WHEN NOT c.本年报告 THEN '（据下一年度报告' || CASE WHEN c.章节 = '附件' THEN '附件' ELSE '' END
         || '所列上年数）' END AS 推算说明,
  c.来源, c.来源明细
FROM 选 c
ORDER BY c.单位, c.表序, c.口径, c.表名;
