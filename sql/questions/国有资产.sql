-- title: 国有资产占有使用情况（车辆、大型设备）
-- phrasings: 国有资产 | 资产 | 资产情况 | 国有资产占有 | 国有资产占用 | 车辆情况 | 有哪些车 | 车辆 | 公务用车情况 | 资产占用
-- examples:
--   国有资产情况 => 
--   有哪些车 => 
--   2024年资产 => 年度=2024
-- answer: {年度}年度 {单位} {科目}[ {数量}][ {金额}]
-- notes: 视图 资产。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
)
SELECT s.单位, s.年度, s.科目, s.数量, s.计量单位, s.金额, s.来源, s.来源明细
FROM 资产 s JOIN 目标 t USING (单位, 年度)
ORDER BY s.单位, s.序号;
