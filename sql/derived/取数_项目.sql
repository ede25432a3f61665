-- title: 项目的取数表：视图 项目 的每一行，加上该单位已载入报告的最新年度
-- notes: 载入时建成（只重算本次载入报告的单位）；项目列表、项目字段、项目排名、项目说明 读它。
--   最新年度：问题不写年度时取它，“去年”取它减一。行与视图 项目 相同：项目 是 projects、funds 与 reports 的连接，
--   问题每次重新展开这个连接要多花约 2 ms。
SELECT p.*, (SELECT max(r.年度) FROM reports r WHERE r.单位 = p.单位) AS 最新年度
FROM 项目 p
ORDER BY p.单位, p.年度, p.项目编码;
