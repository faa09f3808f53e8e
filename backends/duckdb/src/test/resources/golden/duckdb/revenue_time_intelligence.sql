-- main
SELECT "dim_month"."month_code" AS "k0", "dim_month"."month_name_zh" AS "c0", "dim_month"."month_key" AS "o0", SUM("t"."v_revenue") AS "m_revenue"
FROM (SELECT "month_key", SUM("m_revenue") AS "v_revenue"
FROM "main"."agg_revenue_by_city"
GROUP BY "month_key") AS "t"
LEFT JOIN "main"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_month"."month_code", "dim_month"."month_name_zh", "dim_month"."month_key"
ORDER BY "dim_month"."month_key", "dim_month"."month_code"
FETCH NEXT 50001 ROWS ONLY;
-- periods of time.month
SELECT "month_code" AS "k", MIN("month_key") AS "first_month", COUNT(*) AS "months", SUM(CASE WHEN "month_key" = 0 THEN 1 ELSE 0 END) AS "with_data"
FROM "main"."dim_month"
GROUP BY "month_code";
-- main previous_period, same_period_last_year, year_to_date
SELECT "dim_month"."month_code" AS "k0", "dim_month"."month_name_zh" AS "c0", "dim_month"."month_key" AS "o0", SUM("t"."v_revenue") AS "revenue", "dim_time_bridge"."kind" AS "kind_"
FROM (SELECT "month_key", SUM("m_revenue") AS "v_revenue"
FROM "main"."agg_revenue_by_city"
GROUP BY "month_key") AS "t"
INNER JOIN "main"."dim_time_bridge" ON "t"."month_key" = "dim_time_bridge"."source_month_key" AND "dim_time_bridge"."kind" IN ('previous_period', 'same_period_last_year', 'year_to_date') AND "dim_time_bridge"."grain" = 'month'
INNER JOIN "main"."dim_month" ON "dim_time_bridge"."target_month_key" = "dim_month"."month_key"
GROUP BY "dim_month"."month_code", "dim_month"."month_name_zh", "dim_month"."month_key", "dim_time_bridge"."kind"
ORDER BY "dim_month"."month_key", "dim_month"."month_code"
FETCH NEXT 2147483647 ROWS ONLY;
