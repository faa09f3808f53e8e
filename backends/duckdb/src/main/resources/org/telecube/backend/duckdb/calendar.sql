-- Calendar: months and days 2000-2040, and the time-intelligence bridge. Run once, when empty.
INSERT INTO dim_month
SELECT year(d) * 100 + month(d), strftime(d, '%Y-%m'),
       printf('%d年%d月', year(d), month(d)), strftime(d, '%b %Y'),
       d, last_day(d),
       year(d) * 10 + quarter(d), printf('%d-Q%d', year(d), quarter(d)),
       printf('%d年第%d季度', year(d), quarter(d)), printf('Q%d %d', quarter(d), year(d)),
       year(d), CAST(year(d) AS VARCHAR), printf('%d年', year(d)), CAST(year(d) AS VARCHAR)
FROM (SELECT CAST(t.range AS DATE) AS d
      FROM range(TIMESTAMP '2000-01-01', TIMESTAMP '2041-01-01', INTERVAL 1 MONTH) t)
;;
INSERT INTO dim_date
SELECT d, strftime(d, '%Y-%m-%d'), m.month_key, m.month_code, m.month_name_zh, m.month_name_en,
       m.month_start, m.month_end, m.quarter_key, m.quarter_code, m.quarter_name_zh,
       m.quarter_name_en, m.year_key, m.year_code, m.year_name_zh, m.year_name_en
FROM (SELECT CAST(t.range AS DATE) AS d
      FROM range(TIMESTAMP '2000-01-01', TIMESTAMP '2041-01-01', INTERVAL 1 DAY) t) days
JOIN dim_month m ON m.month_key = year(d) * 100 + month(d)
;;
-- target_month_key is the first month of the period that the source month contributes to.
CREATE TEMP TABLE period_start AS
SELECT month_key, month_start,
       CAST(date_trunc('quarter', month_start) AS DATE) AS quarter_start,
       CAST(date_trunc('year', month_start) AS DATE) AS year_start
FROM dim_month
;;
CREATE TEMP MACRO mk(d) AS year(d) * 100 + month(d)
;;
INSERT INTO dim_time_bridge
SELECT 'current', 'month', month_key, month_key FROM period_start
UNION ALL SELECT 'previous_period', 'month', month_key, mk(month_start + INTERVAL 1 MONTH) FROM period_start
UNION ALL SELECT 'same_period_last_year', 'month', month_key, mk(month_start + INTERVAL 1 YEAR) FROM period_start
UNION ALL SELECT 'year_to_date', 'month', s.month_key, t.month_key
          FROM period_start s JOIN period_start t
            ON t.year_start = s.year_start AND t.month_start >= s.month_start
UNION ALL SELECT 'current', 'quarter', month_key, mk(quarter_start) FROM period_start
UNION ALL SELECT 'previous_period', 'quarter', month_key, mk(quarter_start + INTERVAL 3 MONTH) FROM period_start
UNION ALL SELECT 'same_period_last_year', 'quarter', month_key, mk(quarter_start + INTERVAL 1 YEAR) FROM period_start
UNION ALL SELECT DISTINCT 'year_to_date', 'quarter', s.month_key, mk(t.quarter_start)
          FROM period_start s JOIN period_start t
            ON t.year_start = s.year_start AND t.quarter_start >= s.quarter_start
UNION ALL SELECT 'current', 'year', month_key, mk(year_start) FROM period_start
UNION ALL SELECT 'previous_period', 'year', month_key, mk(year_start + INTERVAL 1 YEAR) FROM period_start
UNION ALL SELECT 'same_period_last_year', 'year', month_key, mk(year_start + INTERVAL 1 YEAR) FROM period_start
UNION ALL SELECT 'year_to_date', 'year', month_key, mk(year_start) FROM period_start
;;
DROP MACRO mk
;;
DROP TABLE period_start
