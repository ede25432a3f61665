-- title: 收入结构（本年收入按来源）
-- phrasings: 收入结构 | 收入来自哪里 | 收入从哪里来 | 收入由哪些构成 | 收入由哪些组成 | 收入构成 | 收入来源 | 收入组成 | 收入有哪些 | 收入按来源 | 收入分类 | 钱从哪来
-- examples:
--   收入结构 => 
--   收入由哪些构成 => 
--   2024年收入来源 => 年度=2024
-- answer: {年度}年度 {单位} {科目} {金额}[，占 {占比}]
-- notes: 视图 收入，口径 = 来源分类；只列本年收入（不含年初结转和结余、使用结余）中金额不为 0 的来源，取一张表
--   （表格 > 正文 > 附件；全部资金的表先于只含财政拨款的表），不把两张表的同一来源列两次。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT s.单位, s.年度, s.科目, s.金额, s.占比, s.表名, s.来源, s.来源明细
FROM 收入 s JOIN 目标 t USING (单位, 年度)
WHERE s.口径 = '来源分类' AND s.金额 IS NOT NULL AND s.金额 <> 0 AND s.科目 NOT LIKE '%结转%' AND s.科目 NOT LIKE '%结余%'
QUALIFY dense_rank() OVER (PARTITION BY s.单位 ORDER BY CASE s.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END,
  CASE WHEN s.表名 LIKE '%财政拨款%' THEN 2 ELSE 1 END, s.表名) = 1
ORDER BY s.单位, s.金额 DESC;
