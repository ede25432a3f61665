-- 标题：指标度量单位与指标含义不符
-- 检查：度量单位应与指标所计量的对象相称。人数类指标（名称含 人数、人次、就业、人员、职工、学生、受益人）用面积、长度、
--   重量、金额或车辆设备单位，为 警告；面积类指标（名称含 面积）用人、个、次等计数单位，为 警告；
--   只计企业的指标（名称含 企业 而不含人数类词）用“人/人次”，为 提示。
-- 级别：警告
-- 容差：无
-- 示例：[警告] 项目 51081124Y000011414822 工商企业联席经费：指标“解决就业人数”的度量单位为“平方米/人”，与人数不相称（样例报告）
WITH classified AS (
  SELECT *,
    CASE
      WHEN regexp_matches(三级指标, '人数|人次|就业|人员|职工|学生|受益人')
           AND regexp_matches(度量单位, '平方米|㎡|亩|公顷|公里|千米|米|吨|千克|公斤|元|辆|台|套') THEN '警告'
      WHEN regexp_matches(三级指标, '面积')
           AND regexp_matches(度量单位, '^(人|人次|个|次|家|户|场|场次|篇|件)$') THEN '警告'
      WHEN regexp_matches(三级指标, '企业') AND NOT regexp_matches(三级指标, '人数|人次|就业|人员|职工|员工|人才|带头人|家')
           AND regexp_matches(度量单位, '^(人|人次|名)$') THEN '提示'
    END AS 判定
  FROM 绩效指标
  WHERE coalesce(度量单位, '') <> '' AND coalesce(三级指标, '') <> ''
)
SELECT 单位, 年度, 报告ID, 判定 AS 级别,
  '项目 ' || 项目编码 || ' ' || coalesce(项目名称, '') || '：指标“' || 三级指标 || '”的度量单位为“' || 度量单位 || '”，'
    || CASE WHEN regexp_matches(三级指标, '面积') AND 判定 = '警告' THEN '与面积不相称'
            WHEN 判定 = '警告' THEN '与人数不相称' ELSE '计的是企业，单位却是人' END AS 说明,
  json_object('指标', 三级指标, '度量单位', 度量单位, '指标值', 指标值, '完成值', 完成值) AS 数值,
  来源明细
FROM classified
WHERE 判定 IS NOT NULL
ORDER BY 单位, 年度, 项目编码, 序号
