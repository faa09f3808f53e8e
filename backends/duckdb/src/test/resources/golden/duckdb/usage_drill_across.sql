-- main
SELECT "t7"."k0", "t7"."c0", "t7"."o0", CAST("t7"."m_voice_minutes" AS DOUBLE) / 60 AS "voice_minutes", CAST("t7"."m_voice_minutes" AS DOUBLE) / 60 / NULLIF(CAST("t7"."m_months" AS DOUBLE), 0E0) / NULLIF(CAST("t16"."m_active_end" AS DOUBLE), 0E0) AS "mou"
FROM (SELECT "t6"."k0", "t6"."c0", "t6"."o0", SUM("t6"."p_voice_minutes") AS "m_voice_minutes", COUNT(DISTINCT "t6"."month_") AS "m_months"
FROM (SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", "t2"."month_key" AS "month_", SUM("t2"."v_voice_minutes") AS "p_voice_minutes"
FROM (SELECT "month_key", "city_code", SUM("m_voice_minutes") AS "v_voice_minutes"
FROM "main"."agg_usage_by_city"
WHERE "month_key" IN (SELECT "month_key"
FROM "main"."dim_month"
WHERE "month_code" = '2025-03')
GROUP BY "month_key", "city_code") AS "t2"
LEFT JOIN "main"."dim_region" ON "t2"."city_code" = "dim_region"."city_code"
LEFT JOIN "main"."dim_month" AS "dim_month0" ON "t2"."month_key" = "dim_month0"."month_key"
WHERE "dim_month0"."month_code" = '2025-03'
GROUP BY "dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code", "t2"."month_key") AS "t6"
GROUP BY "t6"."k0", "t6"."c0", "t6"."o0") AS "t7"
LEFT JOIN (SELECT "t15"."k0", "t15"."c0", "t15"."o0", SUM("t15"."p_active_end") FILTER (WHERE "t15"."$f7") AS "m_active_end"
FROM (SELECT "dim_region0"."province_code" AS "k0", "dim_region0"."province_name_zh" AS "c0", "dim_region0"."province_code" AS "o0", SUM("t11"."v_active_end") AS "p_active_end", "t11"."month_key" = (MAX("t11"."month_key") OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) IS TRUE AS "$f7"
FROM (SELECT "month_key", "city_code", SUM("m_active_end") AS "v_active_end"
FROM "main"."agg_subscribers_by_city"
WHERE "month_key" IN (SELECT "month_key"
FROM "main"."dim_month"
WHERE "month_code" = '2025-03')
GROUP BY "month_key", "city_code") AS "t11"
LEFT JOIN "main"."dim_region" AS "dim_region0" ON "t11"."city_code" = "dim_region0"."city_code"
LEFT JOIN "main"."dim_month" AS "dim_month2" ON "t11"."month_key" = "dim_month2"."month_key"
WHERE "dim_month2"."month_code" = '2025-03'
GROUP BY "dim_region0"."province_code", "dim_region0"."province_name_zh", "dim_region0"."province_code", "t11"."month_key") AS "t15"
GROUP BY "t15"."k0", "t15"."c0", "t15"."o0") AS "t16" ON "t7"."k0" = "t16"."k0"
ORDER BY "t7"."o0", "t7"."k0"
FETCH NEXT 50001 ROWS ONLY;
