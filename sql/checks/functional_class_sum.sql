-- 标题：按功能分类各类之和 = 同句列示的合计
-- 检查：一句话先列合计、再按功能分类（类）列出各类金额时（如“一般公共预算财政拨款支出 X 万元，主要用于：一般公共服务支出 A 万元……”，
--   或附件中“决算收入 X 万元：一般公共服务 A……”），各类之和应等于该合计。决算数与预算数分别核对。
-- 级别：错误
-- 容差：±0.01 万元 × 相加项数；不为零但在容差内的差额为 提示（可能是舍入差）
-- 示例：[提示] 第54行：一般公共预算财政拨款支出 183.54 万元，按功能分类各类之和 一般公共服务支出 154.44 + 社会保障和就业支出 22.75 + 卫生健康支出 2 + 住房保障支出 4.34 = 183.53 万元，相差 0.01 万元（在舍入容差内）（样例报告）
WITH f AS (
  SELECT 单位, 年度, 报告ID, 序号, 表, 口径, 类, 款, 项, 科目, 属性, 数值, 章节, 行,
    {'file': 文件, 'page': 页, 'line': 行, 'text': 原文} AS src
  FROM 事实
  WHERE 来源类型 = 'narrative' AND 表 IN ('收入', '支出') AND 属性 IN ('金额', '预算数') AND 数值 IS NOT NULL
),
classes AS (
  SELECT 报告ID, 表, 属性, 行, min(序号) AS 首序号, sum(数值) AS 分项之和, count(*) AS 项数,
    string_agg(科目 || ' ' || printf('%.10g', 数值::DOUBLE), ' + ' ORDER BY 序号) AS 算式,
    list(DISTINCT src) AS 来源明细
  FROM f
  WHERE 口径 = '功能分类' AND coalesce(款, '') = '' AND coalesce(项, '') = ''
  GROUP BY 报告ID, 表, 属性, 行
  HAVING count(*) >= 2
),
checked AS (
  SELECT t.单位, t.年度, c.报告ID, c.行, c.属性, t.科目 AS 合计科目, t.数值 AS 列示, c.分项之和 AS 应为, c.算式,
    abs(t.数值 - c.分项之和) AS 差额, 0.01 * c.项数 AS 容差, list_distinct([t.src] || c.来源明细) AS 来源明细
  FROM classes c
  JOIN f t ON t.报告ID = c.报告ID AND t.表 = c.表 AND t.属性 = c.属性 AND t.行 = c.行
    AND t.口径 = '合计' AND t.序号 < c.首序号
  QUALIFY row_number() OVER (PARTITION BY c.报告ID, c.表, c.属性, c.行 ORDER BY t.序号 DESC) = 1
)
SELECT 单位, 年度, 报告ID,
  CASE WHEN 差额 > 容差 THEN '错误' ELSE '提示' END AS 级别,
  '第' || 行 || '行：' || 合计科目 || CASE WHEN 属性 = '预算数' THEN '（预算数）' ELSE '' END || ' '
    || printf('%.10g', 列示::DOUBLE) || ' 万元，按功能分类各类之和 ' || 算式 || ' = ' || printf('%.10g', 应为::DOUBLE)
    || ' 万元，相差 ' || printf('%.10g', 差额::DOUBLE) || ' 万元'
    || CASE WHEN 差额 > 容差 THEN '' ELSE '（在舍入容差内）' END AS 说明,
  json_object('列示', 列示, '应为', 应为, '差额', 差额, '容差', 容差) AS 数值,
  来源明细
FROM checked
WHERE 差额 > 0
ORDER BY 单位, 年度, 行, 属性
