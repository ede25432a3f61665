-- 标题：“其中/主要包括”所列明细之和与合计相符
-- 检查：一句话先列一个金额、再用“其中：”“主要包括：”列出其明细时（如“公用经费 X 万元，主要包括：办公费 A 万元、……”），
--   明细之和应等于该金额。报告写“主要包括/主要用于/主要有”时允许未列全：明细之和小于合计只是 提示；
--   明细之和大于合计、或未写“主要”而不相等，是 错误。基本支出（见 basic_expenditure_parts）与三公经费（见 sangong_*）不在此核对。
-- 级别：错误
-- 容差：±0.01 万元 × 明细项数；不为零但在容差内的差额为 提示（可能是舍入差）
-- 示例：[提示] 第69行：公用经费 72.24 万元，所列明细 办公费 6.41、印刷费 12、差旅费 4、会议费 44、公务接待费 1.12、工会经费 1.12、其他交通费 3.35 之和 72 万元，少 0.24 万元；报告称“主要包括”，可能未列全（样例报告）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, 科目, 上级科目, 数值, 行, 原文,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 来源类型 = 'narrative' AND 表 IN ('收入', '支出') AND 属性 = '金额' AND 数值 IS NOT NULL
),
listed AS (
  SELECT p.单位, p.年度, p.报告ID, p.行, p.序号, p.科目 AS 合计科目, p.数值 AS 列示, p.原文, p.src,
    sum(c.数值) AS 应为, count(*) AS 项数,
    string_agg(c.科目 || ' ' || printf('%.10g', c.数值::DOUBLE), '、' ORDER BY c.序号) AS 明细,
    list(DISTINCT c.src) AS 明细来源
  FROM f p
  JOIN f c ON c.报告ID = p.报告ID AND c.行 = p.行 AND c.表 = p.表 AND c.上级科目 = p.科目
    AND c.序号 > p.序号 AND c.科目 <> p.科目
  WHERE p.科目 NOT LIKE '%基本支出'
  GROUP BY ALL
),
checked AS (
  SELECT *, abs(列示 - 应为) AS 差额, 0.01 * 项数 AS 容差,
    regexp_matches(原文, '主要(包括|用于|有)') AS 未列全可能,
    list_distinct([src] || 明细来源) AS 来源明细
  FROM listed
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 <= 容差 THEN '提示' WHEN 应为 < 列示 AND 未列全可能 THEN '提示' ELSE '错误' END AS 级别,
  '第' || 行 || '行：' || 合计科目 || ' ' || printf('%.10g', 列示::DOUBLE) || ' 万元，所列明细 ' || 明细 || ' 之和 '
    || printf('%.10g', 应为::DOUBLE) || ' 万元，' || CASE WHEN 应为 < 列示 THEN '少 ' ELSE '多 ' END
    || printf('%.10g', 差额::DOUBLE) || ' 万元'
    || CASE WHEN 差额 <= 容差 THEN '（在舍入容差内）'
            WHEN 应为 < 列示 AND 未列全可能 THEN '；报告称“主要包括”，可能未列全'
            ELSE '' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 行, 序号
