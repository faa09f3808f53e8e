-- main
SELECT "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1", SUM("t2"."p_active_end") FILTER (WHERE "t2"."$f12") AS "active_end", CAST(SUM("t2"."p_churned") AS DOUBLE) / NULLIF(CAST(SUM("t2"."p_active_start") FILTER (WHERE "t2"."$f13") AS DOUBLE), 0E0) AS "churn_rate"
FROM (SELECT "dim_region"."macro_region" AS "k0", "dim_region"."macro_region_name_zh" AS "c0", "dim_region"."macro_region_sort" AS "o0", "dim_month"."quarter_code" AS "k1", "dim_month"."quarter_name_zh" AS "c1", "dim_month"."quarter_key" AS "o1", SUM("t"."v_active_end") AS "p_active_end", SUM("t"."v_churned") AS "p_churned", SUM("t"."v_active_start") AS "p_active_start", "t"."month_key" = (MAX("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f12", "t"."month_key" = (MIN("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f13"
FROM (SELECT "month_key", "city_code", SUM("m_active_end") AS "v_active_end", SUM("m_churned") AS "v_churned", SUM("m_active_start") AS "v_active_start"
FROM "main"."agg_subscribers_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "main"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "main"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_region"."macro_region", "dim_region"."macro_region_name_zh", "dim_region"."macro_region_sort", "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "t"."month_key") AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1"
ORDER BY "t2"."o0", "t2"."k0", "t2"."o1", "t2"."k1"
FETCH NEXT 50001 ROWS ONLY;
-- periods of time.quarter
SELECT "quarter_code" AS "k", MIN("month_key") AS "first_month", COUNT(*) AS "months", SUM(CASE WHEN "month_key" = 0 THEN 1 ELSE 0 END) AS "with_data"
FROM "main"."dim_month"
GROUP BY "quarter_code";
-- totals by grouping sets
SELECT "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1", SUM("t2"."p_active_end") FILTER (WHERE "t2"."$f13") AS "active_end", CAST(SUM("t2"."p_churned") AS DOUBLE) / NULLIF(CAST(SUM("t2"."p_active_start") FILTER (WHERE "t2"."$f14") AS DOUBLE), 0E0) AS "churn_rate", "t2"."grouping_"
FROM (SELECT "dim_region"."macro_region" AS "k0", "dim_region"."macro_region_name_zh" AS "c0", "dim_region"."macro_region_sort" AS "o0", "dim_month"."quarter_code" AS "k1", "dim_month"."quarter_name_zh" AS "c1", "dim_month"."quarter_key" AS "o1", SUM("t"."v_active_end") AS "p_active_end", SUM("t"."v_churned") AS "p_churned", SUM("t"."v_active_start") AS "p_active_start", GROUPING("dim_region"."macro_region", "dim_month"."quarter_code") AS "grouping_", "t"."month_key" = (MAX("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code", GROUPING("dim_region"."macro_region", "dim_month"."quarter_code") RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f13", "t"."month_key" = (MIN("t"."month_key") OVER (PARTITION BY "dim_month"."quarter_code", GROUPING("dim_region"."macro_region", "dim_month"."quarter_code") RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f14"
FROM (SELECT "month_key", "city_code", SUM("m_active_end") AS "v_active_end", SUM("m_churned") AS "v_churned", SUM("m_active_start") AS "v_active_start"
FROM "main"."agg_subscribers_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "main"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "main"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY GROUPING SETS(("dim_region"."macro_region", "dim_region"."macro_region_name_zh", "dim_region"."macro_region_sort", "t"."month_key"), ("dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "t"."month_key"), "t"."month_key")) AS "t2"
GROUP BY "t2"."k0", "t2"."c0", "t2"."o0", "t2"."k1", "t2"."c1", "t2"."o1", "t2"."grouping_"
ORDER BY "t2"."o0", "t2"."k0", "t2"."o1", "t2"."k1"
FETCH NEXT 150000 ROWS ONLY;
