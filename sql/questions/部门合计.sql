-- title: 各部门某个科目的合计（全区、全市合计）
-- phrasings: 全区{科目}合计 | 全区{科目} | 全市{科目}合计 | 全市{科目} | 全县{科目}合计 | 全县{科目} |
--   部门{科目}合计 | {科目}合计 | {科目}全区合计 | {科目}汇总 | 部门{科目}汇总 | 部门{科目}加起来 | {科目}加起来 |
--   部门{科目}总和 | {科目}总和
-- examples:
--   全区三公经费合计 => 科目=三公经费
--   所有部门会议费合计多少 => 科目=会议费
--   2023年各部门差旅费汇总 => 科目=差旅费; 年度=2023
--   全市机关运行经费 => 科目=机关运行经费
-- answer: {年度}年度 {部门数}个部门 {科目}合计 {值}[{推算说明}]
-- notes: 视图 条目，同一年度（默认最新载入年度）各部门的数字之和，每个部门取一个数（表格 > 正文 > 附件；该年度报告
--   未载入时用下一年度报告所列的上年数）。未披露该科目的部门不计入（部门数 只数披露了的部门）。各部门的出处用
--   “各部门{科目}排名”查看。
WITH 目标 AS (
  SELECT coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度 FROM 报告
), 候选 AS (  -- 本年报告的行，及下一年度报告所列的上年数（年度条目）
  SELECT * FROM 年度条目 WHERE 科目 = $科目 AND 年度 = (SELECT 年度 FROM 目标)
), 数 AS (
  SELECT * FROM 候选 WHERE 值 IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY 单位
    ORDER BY 本年报告 DESC, 表序, 口径, 值 DESC) = 1
)
SELECT 年度, 科目, count(*) AS 部门数, sum(值) AS 值, 计量单位,
  CASE WHEN count(*) FILTER (WHERE NOT 本年报告) > 0
    THEN '（其中' || count(*) FILTER (WHERE NOT 本年报告) || '个部门的数字据下一年度报告所列上年数' ||
      CASE WHEN bool_or(推算) THEN '或其推算' ELSE '' END || '）' END AS 推算说明
FROM 数 GROUP BY 年度, 科目, 计量单位
ORDER BY 计量单位;
