-- main
SELECT "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1", SUM("t2"."p_revenue") AS "revenue", CAST(SUM("t2"."p_revenue") AS DOUBLE) / 100 / NULLIF(CAST(COUNT(DISTINCT "t2"."month_") AS DOUBLE), 0E0) / NULLIF(CAST(AVG("t2"."p_billed_subscribers") AS DOUBLE), 0E0) AS "arpu"
FROM (SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", "dim_month"."quarter_code" AS "k1", "dim_month"."quarter_name_zh" AS "c1", "dim_month"."quarter_key" AS "o1", "t"."month_key" AS "month_", SUM("t"."v_revenue") AS "p_revenue", SUM("t"."v_billed_subscribers") AS "p_billed_subscribers"
FROM (SELECT "month_key", "city_code", SUM("m_revenue") AS "v_revenue", SUM("m_billed_subscribers") AS "v_billed_subscribers"
FROM "druid"."agg_revenue_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "druid"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code", "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0", "t2"."o1" IS NULL, "t2"."o1", "t2"."k1" IS NULL, "t2"."k1"
LIMIT 50001;
-- periods of time.quarter
SELECT "quarter_code" AS "k", MIN("month_key") AS "first_month", COUNT(*) AS "months", SUM(CASE WHEN "month_key" = 0 THEN 1 ELSE 0 END) AS "with_data"
FROM "druid"."dim_month"
GROUP BY "quarter_code";
-- main previous_period, same_period_last_year
SELECT "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1", SUM("t2"."p_revenue") AS "revenue", CAST(SUM("t2"."p_revenue") AS DOUBLE) / 100 / NULLIF(CAST(COUNT(DISTINCT "t2"."month_") AS DOUBLE), 0E0) / NULLIF(CAST(AVG("t2"."p_billed_subscribers") AS DOUBLE), 0E0) AS "arpu", "t2"."kind_"
FROM (SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", "dim_month"."quarter_code" AS "k1", "dim_month"."quarter_name_zh" AS "c1", "dim_month"."quarter_key" AS "o1", "dim_time_bridge"."kind" AS "kind_", "t"."month_key" AS "month_", SUM("t"."v_revenue") AS "p_revenue", SUM("t"."v_billed_subscribers") AS "p_billed_subscribers"
FROM (SELECT "month_key", "city_code", SUM("m_revenue") AS "v_revenue", SUM("m_billed_subscribers") AS "v_billed_subscribers"
FROM "druid"."agg_revenue_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
INNER JOIN "druid"."dim_time_bridge" ON "t"."month_key" = "dim_time_bridge"."source_month_key" AND "dim_time_bridge"."kind" IN ('previous_period', 'same_period_last_year') AND "dim_time_bridge"."grain" = 'quarter'
INNER JOIN "druid"."dim_month" ON "dim_time_bridge"."target_month_key" = "dim_month"."month_key"
GROUP BY "dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code", "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "dim_time_bridge"."kind", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1", "t2"."kind_"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0", "t2"."o1" IS NULL, "t2"."o1", "t2"."k1" IS NULL, "t2"."k1"
LIMIT 2147483647;
-- totals by region.province
SELECT "t2"."k0", "t2"."c0", "t2"."o0", SUM("t2"."p_revenue") AS "revenue", CAST(SUM("t2"."p_revenue") AS DOUBLE) / 100 / NULLIF(CAST(COUNT(DISTINCT "t2"."month_") AS DOUBLE), 0E0) / NULLIF(CAST(AVG("t2"."p_billed_subscribers") AS DOUBLE), 0E0) AS "arpu"
FROM (SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", "t"."month_key" AS "month_", SUM("t"."v_revenue") AS "p_revenue", SUM("t"."v_billed_subscribers") AS "p_billed_subscribers"
FROM (SELECT "month_key", "city_code", SUM("m_revenue") AS "v_revenue", SUM("m_billed_subscribers") AS "v_billed_subscribers"
FROM "druid"."agg_revenue_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
GROUP BY "dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0"
LIMIT 50000;
-- totals by time.quarter
SELECT "t2"."k0", "t2"."c0", "t2"."o0", SUM("t2"."p_revenue") AS "revenue", CAST(SUM("t2"."p_revenue") AS DOUBLE) / 100 / NULLIF(CAST(COUNT(DISTINCT "t2"."month_") AS DOUBLE), 0E0) / NULLIF(CAST(AVG("t2"."p_billed_subscribers") AS DOUBLE), 0E0) AS "arpu"
FROM (SELECT "dim_month"."quarter_code" AS "k0", "dim_month"."quarter_name_zh" AS "c0", "dim_month"."quarter_key" AS "o0", "t"."month_key" AS "month_", SUM("t"."v_revenue") AS "p_revenue", SUM("t"."v_billed_subscribers") AS "p_billed_subscribers"
FROM (SELECT "month_key", SUM("m_revenue") AS "v_revenue", SUM("m_billed_subscribers") AS "v_billed_subscribers"
FROM "druid"."agg_revenue_by_city"
GROUP BY "month_key") AS "t"
LEFT JOIN "druid"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0"
LIMIT 50000;
-- totals by time.quarter previous_period, same_period_last_year
SELECT "t2"."k0", "t2"."c0", "t2"."o0", SUM("t2"."p_revenue") AS "revenue", CAST(SUM("t2"."p_revenue") AS DOUBLE) / 100 / NULLIF(CAST(COUNT(DISTINCT "t2"."month_") AS DOUBLE), 0E0) / NULLIF(CAST(AVG("t2"."p_billed_subscribers") AS DOUBLE), 0E0) AS "arpu", "t2"."kind_"
FROM (SELECT "dim_month"."quarter_code" AS "k0", "dim_month"."quarter_name_zh" AS "c0", "dim_month"."quarter_key" AS "o0", "dim_time_bridge"."kind" AS "kind_", "t"."month_key" AS "month_", SUM("t"."v_revenue") AS "p_revenue", SUM("t"."v_billed_subscribers") AS "p_billed_subscribers"
FROM (SELECT "month_key", SUM("m_revenue") AS "v_revenue", SUM("m_billed_subscribers") AS "v_billed_subscribers"
FROM "druid"."agg_revenue_by_city"
GROUP BY "month_key") AS "t"
INNER JOIN "druid"."dim_time_bridge" ON "t"."month_key" = "dim_time_bridge"."source_month_key" AND "dim_time_bridge"."kind" IN ('previous_period', 'same_period_last_year') AND "dim_time_bridge"."grain" = 'quarter'
INNER JOIN "druid"."dim_month" ON "dim_time_bridge"."target_month_key" = "dim_month"."month_key"
GROUP BY "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "dim_time_bridge"."kind", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0", "t2"."kind_"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0"
LIMIT 2147483647;
-- totals by (all)
SELECT SUM("p_revenue") AS "revenue", CAST(SUM("p_revenue") AS DOUBLE) / 100 / NULLIF(CAST(COUNT(DISTINCT "month_") AS DOUBLE), 0E0) / NULLIF(CAST(AVG("p_billed_subscribers") AS DOUBLE), 0E0) AS "arpu"
FROM (SELECT "month_", "g_", SUM("v_revenue") AS "p_revenue", SUM("v_billed_subscribers") AS "p_billed_subscribers"
FROM (SELECT "month_key" AS "month_", 'all' AS "g_", SUM("m_revenue") AS "v_revenue", SUM("m_billed_subscribers") AS "v_billed_subscribers"
FROM "druid"."agg_revenue_by_city"
GROUP BY "month_key") AS "t0"
GROUP BY "month_", "g_") AS "t2"
GROUP BY "g_"
LIMIT 50000;
