-- title: 一个科目占另一个科目的比例（按两者的决算数计算）
-- phrasings: {科目}占{基数}比例 | {科目}占{基数}比重 | {科目}占{基数} | {科目}占{基数}百分比 | {科目}{基数}占比 |
--   {科目}{基数}比重 | {科目}{基数}所占比重
-- examples:
--   公务接待费占三公经费的比例 => 科目=公务接待费; 基数=三公经费
--   项目支出占支出合计的比例 => 科目=项目支出; 基数=本年支出合计
--   2024年基本支出占本年支出合计的比重 => 科目=基本支出; 基数=本年支出合计; 年度=2024
-- answer: {年度}年度 {单位} {科目} {金额} 占 {基数} {基数金额} 的 {占比}（按决算数计算，保留一位小数）[；报告所述占比 {报告占比}][；{注}]
-- notes: 视图 条目（收入、支出、三公）中两个科目同一单位同一年度的决算数，占比 = 科目 ÷ 基数 × 100，四舍五入到
--   一位小数。两个数取自同一出处（同一张表，或都取自正文、都取自附件），不拿财政拨款表的数除以全部资金表的数；
--   有几处时取 表序 最优先的一处；同一出处中一个科目列示了不同金额时不作答。
--   报告占比：该科目在报告中写明的占比，只在它与计算值相差不超过 0.1 个百分点时列出（确认基数相同）。
--   注：科目大于基数时（津贴补贴占公用经费）说明它不是基数的一部分，占比只是两数之比。
--   人员经费、公用经费占基本支出：按模板，二者是一般公共预算财政拨款基本支出的构成，报告列示了它时以它为基数（基数列写明）。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 数 AS (  -- each item once per source (one table, or the 正文, or the 附件)
  SELECT c.单位, c.年度, c.科目, c.章节, coalesce(c.表名, '') AS 表名, min(c.表序) AS 表序,
    any_value(c.金额) AS 金额, max(c.占比) AS 占比, list_distinct(flatten(list(c.来源明细))) AS 来源明细
  FROM 条目 c JOIN 目标 t USING (单位, 年度)
  WHERE c.科目 IN ($科目, $基数, CASE WHEN $基数 = '基本支出' AND $科目 IN ('人员经费', '公用经费')
                                     THEN '一般公共预算财政拨款基本支出' END)
    AND c.金额 IS NOT NULL AND c.表 IN ('收入', '支出', '三公')
  GROUP BY c.单位, c.年度, c.科目, c.章节, coalesce(c.表名, '')
  HAVING count(DISTINCT c.金额) = 1
), 对 AS (
  SELECT a.单位, a.年度, a.科目, a.金额, b.科目 AS 基数, b.金额 AS 基数金额, a.占比 AS 所述占比,
    list_distinct(list_concat(a.来源明细, b.来源明细)) AS 来源明细
  FROM 数 a JOIN 数 b ON a.单位 = b.单位 AND a.年度 = b.年度 AND a.章节 = b.章节 AND a.表名 = b.表名
    AND a.科目 = $科目 AND b.科目 <> $科目
  WHERE b.金额 <> 0 AND $科目 <> $基数
  -- 人员经费/公用经费 are the split of 一般公共预算财政拨款基本支出 (the template's 基本支出 table): their share of
  -- 基本支出 is taken of that where the report states it, never of the all-funds 基本支出 beside it
  QUALIFY row_number() OVER (PARTITION BY a.单位 ORDER BY b.科目 <> $基数 DESC, greatest(a.表序, b.表序), a.表名) = 1
)
SELECT 单位, 年度, 科目, 金额, 基数, 基数金额,
  round(金额 / 基数金额 * 100, 1) AS 占比,
  CASE WHEN abs(所述占比 - 金额 / 基数金额 * 100) <= 0.1 THEN 所述占比 END AS 报告占比,
  CASE WHEN abs(金额) > abs(基数金额) THEN 科目 || '大于' || 基数 || '，不是它的一部分，只是两数之比' END AS 注,  -- 津贴补贴占公用经费 388%
  来源明细
FROM 对
ORDER BY 单位;
