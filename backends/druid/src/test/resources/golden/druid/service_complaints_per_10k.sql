-- main
SELECT "t2"."k0", "t2"."c0", "t2"."o0", "t2"."m_complaints" AS "complaints", CAST("t2"."m_complaints" AS DOUBLE) * 1.00000E4 / NULLIF(CAST("t7"."m_active_end" AS DOUBLE), 0E0) AS "complaints_per_10k"
FROM (SELECT "dim_month"."quarter_code" AS "k0", "dim_month"."quarter_name_zh" AS "c0", "dim_month"."quarter_key" AS "o0", COALESCE(SUM("t"."v_complaints"), 0) AS "m_complaints"
FROM (SELECT "month_key", SUM("m_complaints") AS "v_complaints"
FROM "druid"."agg_service_by_city"
GROUP BY "month_key") AS "t"
LEFT JOIN "druid"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key") AS "t2"
LEFT JOIN (SELECT "t6"."k0", "t6"."c0", "t6"."o0", SUM("t6"."p_active_end") FILTER (WHERE "t6"."$f7") AS "m_active_end"
FROM (SELECT "dim_month0"."quarter_code" AS "k0", "dim_month0"."quarter_name_zh" AS "c0", "dim_month0"."quarter_key" AS "o0", SUM("t3"."v_active_end") AS "p_active_end", "t3"."month_key" = (MAX("t3"."month_key") OVER (PARTITION BY "dim_month0"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f7"
FROM (SELECT "month_key", SUM("m_active_end") AS "v_active_end"
FROM "druid"."agg_subscribers_by_city"
GROUP BY "month_key") AS "t3"
LEFT JOIN "druid"."dim_month" AS "dim_month0" ON "t3"."month_key" = "dim_month0"."month_key"
GROUP BY "dim_month0"."quarter_code", "dim_month0"."quarter_name_zh", "dim_month0"."quarter_key", "t3"."month_key") AS "t6"
GROUP BY "t6"."k0", "t6"."c0", "t6"."o0") AS "t7" ON "t2"."k0" = "t7"."k0"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0"
LIMIT 50001;
-- periods of time.quarter
SELECT "quarter_code" AS "k", MIN("month_key") AS "first_month", COUNT(*) AS "months", SUM(CASE WHEN "month_key" = 0 THEN 1 ELSE 0 END) AS "with_data"
FROM "druid"."dim_month"
GROUP BY "quarter_code";
