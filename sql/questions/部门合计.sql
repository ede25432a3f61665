-- title: 各部门某个科目的合计（全区、全市合计）
-- phrasings: 全区{科目}合计 | 全区{科目} | 全市{科目}合计 | 全市{科目} | 全县{科目}合计 | 全县{科目} |
--   部门{科目}合计 | {科目}合计 | {科目}全区合计 | {科目}汇总 | 部门{科目}汇总 | 部门{科目}加起来 | {科目}加起来 |
--   部门{科目}总和 | {科目}总和
-- examples:
--   全区三公经费合计 => 科目=三公经费
--   所有部门会议费合计多少 => 科目=会议费
--   2023年各部门差旅费汇总 => 科目=差旅费; 年度=2023
--   全市机关运行经费 => 科目=机关运行经费
-- answer: {年度}年度 {部门数}个部门 {科目}合计 {值}
-- notes: 视图 条目，同一年度（默认最新载入年度）各部门的数字之和，每个部门取一个数（表格 > 正文 > 附件；该年度报告
--   未载入时用下一年度报告所列的上年数）。未披露该科目的部门不计入（部门数 只数披露了的部门）。各部门的出处用
--   “各部门{科目}排名”查看。
WITH 目标 AS (
  SELECT coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度 FROM 报告
), 候选 AS (
  SELECT 单位, 年度, 口径, 科目,
    CASE WHEN 表 IN ('资产', '概况') THEN coalesce(数量, 金额) ELSE 金额 END AS 值,
    CASE WHEN 表 IN ('资产', '概况') AND 数量 IS NOT NULL THEN 计量单位 ELSE '万元' END AS 计量单位,
    章节, true AS 本年报告,
    表序
  FROM 条目 WHERE 科目 = $科目 AND 年度 = (SELECT 年度 FROM 目标)
  UNION ALL
  SELECT 单位, 年度 - 1, 口径, 科目, 上年金额, '万元', 章节, false,
    表序
  FROM 条目 e WHERE 科目 = $科目 AND 上年金额 IS NOT NULL AND 表 IN ('收入', '支出', '三公')
    AND NOT EXISTS (SELECT 1 FROM 条目 z WHERE z.报告ID = e.报告ID AND z.科目 IN ('收入总计', '支出总计')
      AND z.上年金额 = 0)  -- 上年收入（支出）总计为 0：该部门上年尚未设立，没有上年数
    AND 年度 - 1 = (SELECT 年度 FROM 目标)
), 数 AS (
  SELECT * FROM 候选 WHERE 值 IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY 单位
    ORDER BY 本年报告 DESC, 表序, 口径, 值 DESC) = 1
)
SELECT 年度, 科目, count(*) AS 部门数, sum(值) AS 值, 计量单位
FROM 数 GROUP BY 年度, 科目, 计量单位
ORDER BY 计量单位;
