-- title: 两个部门（或一个部门两个年度）某个科目的对比
-- phrasings: {科目}对比 | {科目}比较 | {科目}对比情况 | {科目}比较情况 | 对比{科目} | 比较{科目} | {科目}相比 |
--   {科目}哪个多 | {科目}谁多 | {科目}谁高 | {科目}哪个高 | {科目}哪个少 | {科目}谁少 | {科目}谁低 | {科目}哪个低 | {科目}差多少 | {科目}相差多少 | {科目}差距
-- examples:
--   2023年和2024年会议费对比 => 科目=会议费; 起始年度=2023; 年度=2024
--   会议费对比 => 科目=会议费
--   工商联2023年与2024年的三公经费比较 => 科目=三公经费; 单位=广元市昭化区工商业联合会; 起始年度=2023; 年度=2024
--   三公经费对比情况 => 科目=三公经费
-- answer: {年度}年度 {单位} {科目} {值}[{推算说明}][，比{基准}{增减额}][（{增减率}）][；{缺项}]
-- notes: 视图 条目。两个单位（财政局和司法局的机关运行经费对比）：各取其最新年度（或所问年度）的数字，第二个单位与
--   第一个比较（“财政局会议费比规划局多多少”：比字后的规划局为第一个，即基准）；两个年度（2023年和2024年）：每个部门（或所问部门）两个年度的数字，后一年与前一年比较；都未给出时比较
--   最新年度与上一年度。取数规则同“科目金额”（表格 > 正文 > 附件；年度未载入时用下一年度报告所列的上年数）。
--   增减额只对以万元计的科目给出。
WITH 候选 AS (  -- 本年报告的行，及下一年度报告所列的上年数（年度条目）
  SELECT * FROM 年度条目 WHERE 科目 = $科目
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
  WHERE $单位 IS NULL OR 单位 = $单位 OR 单位 = $对比单位 GROUP BY 单位
), 目标 AS (
  SELECT 单位, 年度, CASE WHEN 单位 = $对比单位 THEN 2 ELSE 1 END AS 序 FROM 末 WHERE $对比单位 IS NOT NULL
  UNION ALL
  SELECT 单位, coalesce($起始年度, 年度 - 1), 1 FROM 末 WHERE $对比单位 IS NULL
  UNION ALL
  SELECT 单位, 年度, 2 FROM 末 WHERE $对比单位 IS NULL
), 行 AS (
  SELECT t.序, d.* FROM 目标 t JOIN 数 d USING (单位, 年度)
)
SELECT a.单位, a.年度, a.科目, a.值, a.计量单位,
  CASE WHEN b.单位 IS NULL THEN NULL WHEN $对比单位 IS NOT NULL THEN b.单位 ELSE b.年度 || '年度' END AS 基准,
  CASE WHEN a.计量单位 = '万元' AND b.计量单位 = '万元' THEN a.值 - b.值 END AS 增减额,
  CASE WHEN a.计量单位 = b.计量单位 THEN round(100 * (a.值 - b.值) / nullif(b.值, 0), 1) END AS 增减率,
  CASE WHEN a.序 = 2 AND b.单位 IS NULL AND $对比单位 IS NULL AND NOT EXISTS (SELECT 1 FROM 行 o WHERE o.单位 = a.单位 AND o.序 = 1)
    THEN (SELECT t.年度 FROM 目标 t WHERE t.单位 = a.单位 AND t.序 = 1) || '年度没有可比的数字（未载入该年度报告，'
      || '下一年度报告所列的上年数与本年所取数字出处不同）' END AS 缺项,
  CASE WHEN a.推算 THEN '（按下一年度报告' || CASE WHEN a.章节 = '附件' THEN '附件' ELSE '' END || '所列本年数与增减额推算）'
       WHEN NOT a.本年报告 THEN '（据下一年度报告所列上年数）' END AS 推算说明,  -- 德清 2022: worked out from 2023's report
  a.来源, a.来源明细
FROM 行 a LEFT JOIN 行 b ON a.序 = 2 AND b.序 = 1 AND ($对比单位 IS NOT NULL OR b.单位 = a.单位)
ORDER BY CASE WHEN $对比单位 IS NULL THEN a.单位 END, a.序;
