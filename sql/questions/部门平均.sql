-- title: 各部门某个科目的平均数（如各部门平均绩效得分）
-- phrasings: 部门平均{科目} | 平均{科目} | {科目}平均 | {科目}平均值 | {科目}平均数 | 部门{科目}平均 |
--   部门{科目}平均值 | 全区平均{科目} | 全区{科目}平均 | 全市平均{科目} | 全市{科目}平均 | 部门{科目}均值 | {科目}均值
-- examples:
--   各部门平均绩效得分 => 科目=部门整体绩效自评得分
--   会议费平均多少 => 科目=会议费
--   2023年全区三公经费平均 => 科目=三公经费; 年度=2023
--   各部门机关运行经费平均值 => 科目=机关运行经费
-- answer: {年度}年度 {部门数}个部门 {科目}平均 {值}[{推算说明}]
-- notes: 视图 条目，同一年度（默认最新载入年度）各部门的数字的算术平均，每个部门取一个数（规则同“部门合计”）；
--   平均数按四舍五入保留两位小数（精确的十进制运算）。未披露该科目的部门不计入。
WITH 目标 AS (
  SELECT coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度 FROM 报告
), 候选 AS (  -- 本年报告的行，及下一年度报告所列的上年数（年度条目）
  SELECT * FROM 年度条目 WHERE 科目 = $科目 AND 年度 = (SELECT 年度 FROM 目标)
), 数 AS (
  SELECT * FROM 候选 WHERE 值 IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY 单位
    ORDER BY 本年报告 DESC, 表序, 口径, 值 DESC) = 1
), 和 AS (
  SELECT 年度, 科目, 计量单位, count(*) AS 部门数, sum(值) AS 合计,
    CAST(round(sum(值) * 1000000) AS HUGEINT) AS 微,  -- the sum in millionths: exact integer arithmetic below
  CASE WHEN count(*) FILTER (WHERE NOT 本年报告) > 0
    THEN '（其中' || count(*) FILTER (WHERE NOT 本年报告) || '个部门的数字据下一年度报告所列上年数' ||
      CASE WHEN bool_or(推算) THEN '或其推算' ELSE '' END || '）' END AS 推算说明
  FROM 数 GROUP BY 年度, 科目, 计量单位
)
SELECT 年度, 科目, 部门数,
  -- the mean in hundredths, rounded half up: (2·微 + 10000·n) // (20000·n)
  CAST(sign(微) * ((2 * abs(微) + 10000 * 部门数) // (20000 * 部门数)) AS DECIMAL(24, 0)) * 0.01 AS 值,
  计量单位, 合计, 推算说明
FROM 和
ORDER BY 计量单位;
