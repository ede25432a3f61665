-- title: 各部门某个科目的排名（哪个部门最高、最低，前几名）
-- phrasings: 哪个部门{科目}{方向} | {科目}{方向}部门 | {科目}{方向}是哪个部门 | {科目}{方向}哪个部门 |
--   哪个单位{科目}{方向} | {科目}{方向}单位 | 部门{科目}排名 | {科目}排名 | {科目}排行 | {科目}部门排名 |
--   {科目}{数量} | {科目}排名{数量} | {科目}{数量}部门 | {科目}排名{数量}部门 | {科目}{方向}{数量} |
--   {科目}{方向}{数量}部门 | {科目}排第几 | {科目}排名第几 | {科目}第几
-- examples:
--   哪个部门会议费最高 => 科目=会议费; 方向=最高
--   会议费最低的部门 => 科目=会议费; 方向=最低
--   各部门三公经费排名 => 科目=三公经费
--   会议费前五名 => 科目=会议费; 数量=5
--   差旅费排名前10的部门 => 科目=差旅费; 数量=10
--   机关运行经费最少的前三个部门 => 科目=机关运行经费; 方向=最低; 数量=3
--   2023年哪个部门公务接待费最多 => 科目=公务接待费; 方向=最高; 年度=2023
--   工商联会议费排第几 => 科目=会议费; 单位=广元市昭化区工商业联合会
-- answer: {年度}年度 {科目}[{排序}]第{名次}名（共{部门数}个部门）：{单位} {值}
-- notes: 视图 条目，取同一年度（默认最新载入年度）各部门的数字（表格 > 正文 > 附件；该年度报告未载入时用下一年度
--   报告所列的上年数），按金额排名；并列同名次。问“最高/最低”给第1名（并列全列），问“前N”给前N名，问“排名”给全部；
--   指名单位时给该单位的名次。
WITH 目标 AS (
  SELECT coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度 FROM 报告
), 候选 AS (
  SELECT 单位, 年度, 口径, 科目,
    CASE WHEN 表 IN ('资产', '概况') THEN coalesce(数量, 金额) ELSE 金额 END AS 值,
    CASE WHEN 表 IN ('资产', '概况') AND 数量 IS NOT NULL THEN 计量单位 ELSE '万元' END AS 计量单位,
    章节, true AS 本年报告, 来源, 来源明细,
    表序
  FROM 条目 WHERE 科目 = $科目 AND 年度 = (SELECT 年度 FROM 目标)
  UNION ALL
  SELECT 单位, 年度 - 1, 口径, 科目, 上年金额, '万元', 章节, false, 来源, 来源明细,
    表序
  FROM 条目 e WHERE 科目 = $科目 AND 上年金额 IS NOT NULL AND 表 IN ('收入', '支出', '三公')
    AND NOT EXISTS (SELECT 1 FROM 条目 z WHERE z.报告ID = e.报告ID AND z.科目 IN ('收入总计', '支出总计')
      AND z.上年金额 = 0)  -- 上年收入（支出）总计为 0：该部门上年尚未设立，没有上年数
    AND 年度 - 1 = (SELECT 年度 FROM 目标)
), 数 AS (
  SELECT * FROM 候选 WHERE 值 IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY 单位
    ORDER BY 本年报告 DESC, 表序, 口径, 值 DESC) = 1
), 排 AS (
  SELECT *, rank() OVER (ORDER BY CASE WHEN $方向 = '最低' THEN 值 ELSE -值 END) AS 名次,
    count(*) OVER () AS 部门数
  FROM 数
)
SELECT 单位, 年度, 科目, 名次, 部门数, 值, 计量单位, CASE WHEN $方向 = '最低' THEN '从低到高' END AS 排序, 来源, 来源明细
FROM 排
WHERE ($单位 IS NULL OR 单位 = $单位)
  AND ($单位 IS NOT NULL OR 名次 <= coalesce(CAST($数量 AS INTEGER), CASE WHEN $方向 IS NOT NULL THEN 1 END, 名次))
ORDER BY 名次, 单位;
