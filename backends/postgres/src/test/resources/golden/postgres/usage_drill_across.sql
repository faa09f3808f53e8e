-- main
SELECT "t4"."k0", "t4"."c0", "t4"."o0", CAST("t4"."m_voice_minutes" AS DOUBLE PRECISION) / 60 AS "voice_minutes", CAST("t4"."m_voice_minutes" AS DOUBLE PRECISION) / 60 / NULLIF(CAST("t4"."m_months" AS DOUBLE PRECISION), 0E0) / NULLIF(CAST("t10"."m_active_end" AS DOUBLE PRECISION), 0E0) AS "mou"
FROM (SELECT "t3"."k0", "t3"."c0", "t3"."o0", SUM("t3"."p_voice_minutes") AS "m_voice_minutes", COUNT(DISTINCT "t3"."month_") AS "m_months"
FROM (SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", "t"."month_key" AS "month_", SUM("t"."v_voice_minutes") AS "p_voice_minutes"
FROM (SELECT "month_key", "city_code", SUM("m_voice_minutes") AS "v_voice_minutes"
FROM "public"."agg_usage_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "public"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "public"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
WHERE "dim_month"."month_code" = '2025-03'
GROUP BY "dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code", "t"."month_key") AS "t3"
GROUP BY "t3"."k0", "t3"."c0", "t3"."o0") AS "t4"
LEFT JOIN (SELECT "t9"."k0", "t9"."c0", "t9"."o0", SUM("t9"."p_active_end") FILTER (WHERE "t9"."$f7") AS "m_active_end"
FROM (SELECT "dim_region0"."province_code" AS "k0", "dim_region0"."province_name_zh" AS "c0", "dim_region0"."province_code" AS "o0", SUM("t5"."v_active_end") AS "p_active_end", "t5"."month_key" = (MAX("t5"."month_key") OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f7"
FROM (SELECT "month_key", "city_code", SUM("m_active_end") AS "v_active_end"
FROM "public"."agg_subscribers_by_city"
GROUP BY "month_key", "city_code") AS "t5"
LEFT JOIN "public"."dim_region" AS "dim_region0" ON "t5"."city_code" = "dim_region0"."city_code"
LEFT JOIN "public"."dim_month" AS "dim_month0" ON "t5"."month_key" = "dim_month0"."month_key"
WHERE "dim_month0"."month_code" = '2025-03'
GROUP BY "dim_region0"."province_code", "dim_region0"."province_name_zh", "dim_region0"."province_code", "t5"."month_key") AS "t9"
GROUP BY "t9"."k0", "t9"."c0", "t9"."o0") AS "t10" ON "t4"."k0" = "t10"."k0"
ORDER BY "t4"."o0", "t4"."k0"
FETCH NEXT 50001 ROWS ONLY;
