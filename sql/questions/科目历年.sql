-- title: 一个部门某个科目在已载入各年度的变化（近几年、历年）
-- phrasings: {年数}{科目}变化 | {年数}{科目} | {科目}{年数} | {年数}{科目}变化情况 | {年数}{科目}趋势 | {科目}{年数}变化 |
--   {科目}历年变化 | 历年{科目} | {科目}历年 | {科目}逐年变化 | {科目}变化趋势 | {科目}趋势 | 各年{科目} | {科目}各年
-- examples:
--   近三年三公经费变化 => 科目=三公经费; 年数=3
--   会议费历年变化 => 科目=会议费
--   工商联最近两年的差旅费 => 科目=差旅费; 单位=广元市昭化区工商业联合会; 年数=2
--   历年机关运行经费 => 科目=机关运行经费
-- answer: {年度}年度 {单位} {科目} {值}[，比{基准}{增减额}][（{增减率}）]
-- notes: 视图 条目。每个部门（或所问部门）截至其最新年度（或所问年度）的各年度数字，近N年只取最后N个年度；
--   每年与前一个有数字的年度比较。取数规则同“科目金额”：已载入年度用该年度报告本身的数字，最早年度之前的一年
--   用最早报告所列的上年数。增减额只对以万元计的科目给出。
WITH 候选 AS (  -- 本年报告的行，及下一年度报告所列的上年数（年度条目）
  SELECT * FROM 年度条目 WHERE 科目 = $科目 AND ($上级 IS NULL OR $上级 IN (类, 款))
), 本年 AS (
  SELECT * FROM 候选 WHERE 值 IS NOT NULL AND 本年报告
  QUALIFY row_number() OVER (PARTITION BY 单位, 年度 ORDER BY 表序, 口径, 值 DESC) = 1
), 数 AS (
  SELECT * FROM 本年
  UNION ALL
  -- 未载入的上一年度：只用下一年度报告中与该年度所取数字同一出处的上年数（该行的本年数等于所取的数），
  -- 不拿附件推算的上年数与正文的本年数相比
  SELECT * FROM (
    SELECT c.* FROM 候选 c JOIN 本年 n ON n.单位 = c.单位 AND n.年度 = c.年度 + 1 AND n.值 = c.本年值
    WHERE NOT c.本年报告 AND c.值 IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM 本年 o WHERE o.单位 = c.单位 AND o.年度 = c.年度)
    QUALIFY row_number() OVER (PARTITION BY c.单位, c.年度 ORDER BY c.表序, c.口径, c.值 DESC) = 1
  )
), 末 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度 FROM 报告
  WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 行 AS (
  SELECT d.*, lag(d.值) OVER w AS 前值, lag(d.年度) OVER w AS 前年度, lag(d.计量单位) OVER w AS 前单位
  FROM 数 d JOIN 末 t ON d.单位 = t.单位 AND d.年度 <= t.年度
    AND ($年数 IS NULL OR d.年度 > t.年度 - CAST($年数 AS INTEGER))
  WINDOW w AS (PARTITION BY d.单位 ORDER BY d.年度)
)
SELECT 单位, 年度, 科目, 值, 计量单位, 前年度 || '年度' AS 基准,
  CASE WHEN 计量单位 = '万元' AND 前单位 = '万元' THEN 值 - 前值 END AS 增减额,
  CASE WHEN 计量单位 = 前单位 THEN round(100 * (值 - 前值) / nullif(前值, 0), 1) END AS 增减率,
  来源, 来源明细
FROM 行
ORDER BY 单位, 年度;
