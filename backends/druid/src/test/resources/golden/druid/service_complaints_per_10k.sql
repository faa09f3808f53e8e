-- main
SELECT "t2"."k0", "t2"."c0", "t2"."o0", "t2"."m_complaints" AS "complaints", CAST("t2"."m_complaints" AS DOUBLE) * 1.00000E4 / NULLIF(CAST("t7"."m_active_end" AS DOUBLE), 0E0) AS "complaints_per_10k"
FROM (SELECT "dim_date"."quarter_code" AS "k0", "dim_date"."quarter_name_zh" AS "c0", "dim_date"."quarter_key" AS "o0", SUM("t0"."v_complaints") AS "m_complaints"
FROM (SELECT "date_key", COUNT(*) FILTER (WHERE "event_type" = 'complaint' IS TRUE) AS "v_complaints"
FROM "druid"."fact_service_event"
GROUP BY "date_key") AS "t0"
LEFT JOIN "druid"."dim_date" ON "t0"."date_key" = "dim_date"."date_key"
GROUP BY "dim_date"."quarter_code", "dim_date"."quarter_name_zh", "dim_date"."quarter_key") AS "t2"
LEFT JOIN (SELECT "t6"."k0", "t6"."c0", "t6"."o0", SUM("t6"."p_active_end") FILTER (WHERE "t6"."$f7") AS "m_active_end"
FROM (SELECT "dim_month"."quarter_code" AS "k0", "dim_month"."quarter_name_zh" AS "c0", "dim_month"."quarter_key" AS "o0", SUM("t3"."v_active_end") AS "p_active_end", "t3"."month_key" = (MAX("t3"."month_key") OVER (PARTITION BY "dim_month"."quarter_code" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f7"
FROM (SELECT "month_key", SUM("active_end") AS "v_active_end"
FROM "druid"."fact_subscriber_month"
GROUP BY "month_key") AS "t3"
LEFT JOIN "druid"."dim_month" ON "t3"."month_key" = "dim_month"."month_key"
GROUP BY "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key", "t3"."month_key") AS "t6"
GROUP BY "t6"."k0", "t6"."c0", "t6"."o0") AS "t7" ON "t2"."k0" = "t7"."k0"
ORDER BY "t2"."o0" IS NULL, "t2"."o0", "t2"."k0" IS NULL, "t2"."k0"
LIMIT 50001;
-- periods of time.quarter
SELECT "quarter_code" AS "k", MIN("month_key") AS "first_month", COUNT(*) AS "months", SUM(CASE WHEN "month_key" = 0 THEN 1 ELSE 0 END) AS "with_data"
FROM "druid"."dim_month"
GROUP BY "quarter_code";
