-- 标题：自评项目执行数之和不超过项目支出
-- 检查：各绩效自评项目“总额”行的预算执行数之和，不应超过报告列示的项目支出（优先取正文）。超过时可能是自评表
--   含非本年财政拨款资金、把基本支出项目当作项目支出自评，或数字有误。
-- 级别：警告
-- 容差：±0.01 万元 × 项目数
-- 示例：[警告] 4 个自评项目执行数之和 工商企业联席经费 22 + 企业家座谈会经费 1.87 + 驻外商会经费 29.95 + 在嘉善举办昭化区城市成果推介会 10 = 63.82 万元，超过项目支出 25 万元 38.82 万元（样例报告）
WITH p AS (
  SELECT 单位, 年度, 报告ID, sum(执行数) AS 执行数之和, count(*) AS 项目数,
    string_agg(项目名称 || ' ' || printf('%.10g', 执行数::DOUBLE), ' + ' ORDER BY 项目编码) AS 算式,
    flatten(list(来源明细 ORDER BY 项目编码)) AS 来源明细
  FROM 项目 WHERE 执行数 IS NOT NULL
  GROUP BY 单位, 年度, 报告ID
),
e AS (
  SELECT 报告ID, 金额, 来源明细 FROM 支出
  WHERE 科目 = '项目支出' AND 金额 IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY 报告ID ORDER BY (章节 = '正文') DESC, 序号) = 1
)
SELECT p.单位, p.年度, p.报告ID,
  p.项目数 || ' 个自评项目执行数之和 ' || p.算式 || ' = ' || printf('%.10g', p.执行数之和::DOUBLE) || ' 万元，超过项目支出 '
    || printf('%.10g', e.金额::DOUBLE) || ' 万元 ' || printf('%.10g', (p.执行数之和 - e.金额)::DOUBLE) || ' 万元' AS 说明,
  json_object('项目执行数之和', p.执行数之和, '项目支出', e.金额, '差额', p.执行数之和 - e.金额, '容差', 0.01 * p.项目数) AS 数值,
  e.来源明细 || p.来源明细 AS 来源明细
FROM p JOIN e USING (报告ID)
WHERE p.执行数之和 > e.金额 + 0.01 * p.项目数
ORDER BY p.单位, p.年度
