-- main
SELECT "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1", SUM("t2"."p_active_end") FILTER (WHERE "t2"."$f12") AS "active_end", CAST(SUM("t2"."p_churned") AS DOUBLE) / NULLIF(CAST(SUM("t2"."p_active_start") FILTER (WHERE "t2"."$f13") AS DOUBLE), 0E0) AS "churn_rate"
FROM (SELECT "dim_region"."macro_region" AS "k0", "dim_region"."macro_region_name_zh" AS "c0", "dim_region"."macro_region_sort" AS "o0", "dim_month"."quarter_code" AS "k1", "dim_month"."quarter_name_zh" AS "c1", "dim_month"."quarter_key" AS "o1", SUM("t"."v_active_end") AS "p_active_end", SUM("t"."v_churned") AS "p_churned", SUM("t"."v_active_start") AS "p_active_start", "t"."month_key" = (MAX("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f12", "t"."month_key" = (MIN("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f13"
FROM (SELECT "month_key", "city_code", SUM("m_active_end") AS "v_active_end", SUM("m_churned") AS "v_churned", SUM("m_active_start") AS "v_active_start"
FROM "druid"."agg_subscribers_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "druid"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_region"."macro_region", "dim_region"."macro_region_name_zh", "dim_region"."macro_region_sort", "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0", "t2"."o1" IS NULL, "t2"."o1", "t2"."k1" IS NULL, "t2"."k1"
LIMIT 50001;
-- periods of time.quarter
SELECT "quarter_code" AS "k", MIN("month_key") AS "first_month", COUNT(*) AS "months", SUM(CASE WHEN "month_key" = 0 THEN 1 ELSE 0 END) AS "with_data"
FROM "druid"."dim_month"
GROUP BY "quarter_code";
-- totals by region.macro_region
SELECT "t2"."k0", "t2"."c0", "t2"."o0", SUM("t2"."p_active_end") FILTER (WHERE "t2"."$f9") AS "active_end", CAST(SUM("t2"."p_churned") AS DOUBLE) / NULLIF(CAST(SUM("t2"."p_active_start") FILTER (WHERE "t2"."$f10") AS DOUBLE), 0E0) AS "churn_rate"
FROM (SELECT "dim_region"."macro_region" AS "k0", "dim_region"."macro_region_name_zh" AS "c0", "dim_region"."macro_region_sort" AS "o0", SUM("t"."v_active_end") AS "p_active_end", SUM("t"."v_churned") AS "p_churned", SUM("t"."v_active_start") AS "p_active_start", "t"."month_key" = (MAX("t"."month_key") OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f9", "t"."month_key" = (MIN("t"."month_key") OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f10"
FROM (SELECT "month_key", "city_code", SUM("m_active_end") AS "v_active_end", SUM("m_churned") AS "v_churned", SUM("m_active_start") AS "v_active_start"
FROM "druid"."agg_subscribers_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
GROUP BY "dim_region"."macro_region", "dim_region"."macro_region_name_zh", "dim_region"."macro_region_sort", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0"
LIMIT 50000;
-- totals by time.quarter
SELECT "t2"."k0", "t2"."c0", "t2"."o0", SUM("t2"."p_active_end") FILTER (WHERE "t2"."$f9") AS "active_end", CAST(SUM("t2"."p_churned") AS DOUBLE) / NULLIF(CAST(SUM("t2"."p_active_start") FILTER (WHERE "t2"."$f10") AS DOUBLE), 0E0) AS "churn_rate"
FROM (SELECT "dim_month"."quarter_code" AS "k0", "dim_month"."quarter_name_zh" AS "c0", "dim_month"."quarter_key" AS "o0", SUM("t"."v_active_end") AS "p_active_end", SUM("t"."v_churned") AS "p_churned", SUM("t"."v_active_start") AS "p_active_start", "t"."month_key" = (MAX("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f9", "t"."month_key" = (MIN("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f10"
FROM (SELECT "month_key", SUM("m_active_end") AS "v_active_end", SUM("m_churned") AS "v_churned", SUM("m_active_start") AS "v_active_start"
FROM "druid"."agg_subscribers_by_city"
GROUP BY "month_key") AS "t"
LEFT JOIN "druid"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0"
LIMIT 50000;
-- totals by (all)
SELECT SUM("p_active_end") FILTER (WHERE "$f7") AS "active_end", CAST(SUM("p_churned") AS DOUBLE) / NULLIF(CAST(SUM("p_active_start") FILTER (WHERE "$f8") AS DOUBLE), 0E0) AS "churn_rate"
FROM (SELECT "g_", SUM("v_active_end") AS "p_active_end", SUM("v_churned") AS "p_churned", SUM("v_active_start") AS "p_active_start", "month_" = (MAX("month_") OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f7", "month_" = (MIN("month_") OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f8"
FROM (SELECT "month_key" AS "month_", 'all' AS "g_", SUM("m_active_end") AS "v_active_end", SUM("m_churned") AS "v_churned", SUM("m_active_start") AS "v_active_start"
FROM "druid"."agg_subscribers_by_city"
GROUP BY "month_key") AS "t0"
GROUP BY "month_", "g_") AS "t2"
GROUP BY "g_"
LIMIT 50000;
