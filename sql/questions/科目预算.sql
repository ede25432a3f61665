-- title: 某个科目的预算数（年初预算、全年预算）与完成预算的比例
-- phrasings: {科目}预算 | 预算{科目} | {科目}预算是 | {科目}预算数 | {科目}{字段} | {字段}{科目} | {科目}完成预算 |
--   {科目}预算完成 | {科目}完成率 | {科目}预算执行 | {科目}完成预算比例 | {科目}完成预算多少 | {科目}预算完成情况 |
--   {科目}预算完成率 | {科目}完成{字段}比例 | {科目}比预算节约 | {科目}比预算节省 | {科目}比预算少花 | {科目}比预算多花 |
--   {科目}超预算 | {科目}比预算超支 | {科目}节约了 | {科目}超支 | {科目}超了 | {科目}比年初预算少 | {科目}比年初预算多 | {科目}比预算少 | {科目}比预算多 |
--   {科目}比全年预算少 | {科目}比全年预算多 | {科目}预算决算 | {科目}预算和决算 | {科目}预算与决算 | {科目}预决算
-- examples:
--   三公经费预算多少 => 科目=三公经费
--   行政运行完成预算多少 => 科目=行政运行
--   公务接待费预算完成情况 => 科目=公务接待费
--   公务接待费预算完成率 => 科目=公务接待费
--   一般公共服务支出全年预算数 => 科目=一般公共服务支出; 字段=调整后预算
--   年初预算三公经费 => 科目=三公经费; 字段=年初预算
-- answer: {年度}年度 {单位} [{上级} ]{科目}[ {预算口径} {预算数}][，全年预算 {全年预算数}][，决算 {金额}][，完成预算 {完成预算比}][（{完成比说明}）][，即预算约 {推算预算数}（按决算数与完成预算比例推算）][，决算为{预算口径}的 {推算完成比}（按决算数与预算数推算）][，{预算差}]
-- notes: 字段 只区分 年初预算 与 调整后预算；执行率、完成率等其他字段按不指定处理。视图 条目 的 预算数、完成预算比，及 事实 中同一句另列的 全年预算数。表格行没有完成预算比时，取预算数、决算数
--   都相同的正文句子所述的完成预算比（两处都列为来源）。预算口径 按出处原文：写明“年初预算”
--   的是年初预算，写明“全年预算”“调整（后）预算”的是全年预算，都没写的只称“预算”。问“全年预算”“调整后预算”时只用
--   全年预算（没有就答报告未披露，不拿年初预算代替）；问“年初预算”时只用年初预算。报告没有写明完成预算比时，
--   推算完成比 = 决算 ÷ 所列预算数 × 100（两位小数），回答中注明是推算的。
WITH 目标 AS (
  SELECT 单位, coalesce($年度, max(年度) + coalesce($年度偏移, 0)) AS 年度
  FROM 报告 WHERE $单位 IS NULL OR 单位 = $单位 GROUP BY 单位
), 全年 AS (
  SELECT 报告ID, 科目, 章节, arg_min(数值, 序号) AS 全年预算数 FROM 事实 WHERE 属性 = '全年预算数'
  GROUP BY 报告ID, 科目, 章节
), 比 AS (  -- a table row states no 完成预算比; the 正文 sentence with the same budget and outturn does
  SELECT 报告ID, 科目, 预算数, 金额, arg_min(完成预算比, 表序) AS 完成预算比, arg_min(来源, 表序) AS 来源,
    arg_min(来源明细, 表序) AS 来源明细
  FROM 条目 WHERE 科目 = $科目 AND 完成预算比 IS NOT NULL AND 预算数 IS NOT NULL AND 金额 IS NOT NULL
  GROUP BY 报告ID, 科目, 预算数, 金额
), 行 AS (
  SELECT c.单位, c.年度, CASE WHEN $上级 IS NOT NULL OR count(DISTINCT nullif(c.款, '')) OVER (PARTITION BY c.单位) > 1 THEN nullif(c.款, '') END AS 上级,
    c.科目, c.预算数, c.金额, coalesce(c.完成预算比, b.完成预算比) AS 完成预算比, c.章节,
    CASE WHEN c.完成预算比 IS NULL AND b.完成预算比 IS NOT NULL THEN c.来源 || chr(10) || b.来源 ELSE c.来源 END AS 来源,
    CASE WHEN c.完成预算比 IS NULL AND b.完成预算比 IS NOT NULL THEN list_concat(c.来源明细, b.来源明细)
         ELSE c.来源明细 END AS 来源明细,
    q.全年预算数, c.来源 AS 原句
  FROM 条目 c JOIN 目标 t USING (单位, 年度)
  LEFT JOIN 全年 q ON q.报告ID = c.报告ID AND q.科目 = c.科目 AND q.章节 = c.章节
  LEFT JOIN 比 b ON b.报告ID = c.报告ID AND b.科目 = c.科目 AND b.预算数 = c.预算数 AND b.金额 = c.金额
  WHERE c.科目 = $科目 AND ($上级 IS NULL OR $上级 IN (c.类, c.款)) AND c.表 IN ('收入', '支出', '三公')
    AND (c.预算数 IS NOT NULL OR c.完成预算比 IS NOT NULL OR q.全年预算数 IS NOT NULL)
  QUALIFY rank() OVER (PARTITION BY c.单位 ORDER BY CASE c.章节 WHEN '表' THEN 1 WHEN '正文' THEN 2 ELSE 3 END) = 1
), 定 AS (
  SELECT *,
    CASE WHEN 全年预算数 IS NOT NULL OR 原句 LIKE '%年初预算%' THEN '年初预算'
         WHEN regexp_matches(原句, '全年预算|调整后?预算') THEN '全年预算' END AS 口径
  FROM 行
), 选 AS (
SELECT 单位, 年度, 上级, 科目,
  CASE WHEN $字段 = '调整后预算' THEN '全年预算' WHEN $字段 = '年初预算' THEN '年初预算' ELSE coalesce(口径, '预算') END
    AS 预算口径,
  CASE WHEN $字段 = '调整后预算' THEN coalesce(全年预算数, CASE WHEN 口径 = '全年预算' THEN 预算数 END)
       WHEN $字段 = '年初预算' THEN CASE WHEN 口径 = '年初预算' THEN 预算数 END
       ELSE 预算数 END AS 预算数,
  CASE WHEN coalesce($字段 NOT IN ('调整后预算', '年初预算'), true) THEN 全年预算数 END AS 全年预算数, 全年预算数 AS 所列全年预算, 金额,
  CASE WHEN coalesce($字段 NOT IN ('调整后预算', '年初预算'), true) OR ($字段 = '调整后预算') = (口径 = '全年预算') THEN 完成预算比 END AS 完成预算比,
  章节, 来源, 来源明细
FROM 定
WHERE coalesce($字段 NOT IN ('调整后预算', '年初预算'), true) OR ($字段 = '调整后预算' AND coalesce(全年预算数, CASE WHEN 口径 = '全年预算' THEN 预算数 END) IS NOT NULL)
  OR ($字段 = '年初预算' AND 口径 = '年初预算' AND 预算数 IS NOT NULL)
)
SELECT 单位, 年度, 上级, 科目, 预算口径, 预算数, 全年预算数, 金额, 完成预算比,
  -- the report states no ratio: the outturn over the budget shown, worked out and labelled so
  CASE WHEN 完成预算比 IS NULL AND 预算数 > 0 AND 金额 IS NOT NULL THEN round(金额 * 100 / 预算数, 2)::DECIMAL(18, 2) END AS 推算完成比,
  -- "年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%": the ratio is of the 全年预算
  CASE WHEN 完成预算比 IS NOT NULL AND 所列全年预算 > 0 AND abs(金额 * 100 / 所列全年预算 - 完成预算比) <= 0.01
        AND (coalesce(预算数, 0) = 0 OR abs(金额 * 100 / 预算数 - 完成预算比) > 0.01)
       THEN '为决算占全年预算 ' || printf('%.2f', 所列全年预算) || '万元之比' END AS 完成比说明,
  -- 三公经费预算是多少 when the report states only 决算1.12万元，完成预算100%: the budget that ratio implies
  CASE WHEN 预算数 IS NULL AND 完成预算比 > 0 AND 金额 IS NOT NULL THEN round(金额 * 100 / 完成预算比, 2)::DECIMAL(18, 2)
       END AS 推算预算数,
  -- 比预算节约多少: the outturn less the budget shown, in words (决算比年初预算少 2.46万元)
  CASE WHEN 预算数 IS NOT NULL AND 金额 IS NOT NULL THEN
    CASE WHEN 金额 < 预算数 THEN '决算比' || 预算口径 || '少 ' || printf('%.2f', 预算数 - 金额) || '万元'
         WHEN 金额 > 预算数 THEN '决算比' || 预算口径 || '多 ' || printf('%.2f', 金额 - 预算数) || '万元'
         ELSE '决算与' || 预算口径 || '相等' END END AS 预算差,
  章节, 来源, 来源明细
FROM 选
ORDER BY 单位;
