-- 标题：空白指标行却有分值
-- 检查：绩效自评表中没有指标名称、指标值和完成值的行，却填了权重或得分（分数无所依据，常见于未填写的模板）。
-- 级别：警告
-- 容差：无
-- 示例：[警告] 项目 51081125T000012271915 在嘉善举办昭化区城市成果推介会：第901行指标名称、指标值、完成值均为空，却记得分 90（样例报告）
SELECT 单位, 年度, 报告ID,
  '项目 ' || 项目编码 || ' ' || coalesce(项目名称, '') || '：第' || 来源明细[1].line || '行指标名称、指标值、完成值均为空，却记'
    || concat_ws('、', CASE WHEN 权重 IS NOT NULL THEN '权重 ' || printf('%.10g', 权重::DOUBLE) END,
                       CASE WHEN 得分 IS NOT NULL THEN '得分 ' || printf('%.10g', 得分::DOUBLE) END) AS 说明,
  json_object('权重', 权重, '得分', 得分) AS 数值,
  来源明细
FROM 绩效指标
WHERE coalesce(trim(三级指标), '') = '' AND coalesce(trim(指标值), '') = '' AND coalesce(trim(完成值), '') = ''
  AND (权重 IS NOT NULL OR 得分 IS NOT NULL)
ORDER BY 单位, 年度, 项目编码, 序号
