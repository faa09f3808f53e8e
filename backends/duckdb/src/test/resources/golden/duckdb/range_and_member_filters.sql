-- member checks
SELECT 1 AS "filter", "province_code" AS "key"
FROM "main"."dim_region"
WHERE "province_code" IN ('110000', '440000')
GROUP BY "province_code";
-- main
SELECT "dim_region0"."city_code" AS "k0", "dim_region0"."city_name_zh" AS "c0", "dim_region0"."city_code" AS "o0", SUM("t4"."v_revenue") AS "m_revenue"
FROM (SELECT "month_key", "city_code", SUM("m_revenue") AS "v_revenue"
FROM "main"."agg_revenue_by_city"
WHERE "month_key" IN (SELECT "month_key"
FROM "main"."dim_month"
WHERE "month_code" >= '2025-01' AND "month_code" <= '2025-06') AND "city_code" IN (SELECT "city_code"
FROM "main"."dim_region"
WHERE "province_code" IN ('110000', '440000'))
GROUP BY "month_key", "city_code") AS "t4"
LEFT JOIN "main"."dim_region" AS "dim_region0" ON "t4"."city_code" = "dim_region0"."city_code"
LEFT JOIN "main"."dim_month" AS "dim_month0" ON "t4"."month_key" = "dim_month0"."month_key"
WHERE "dim_month0"."month_code" >= '2025-01' AND "dim_month0"."month_code" <= '2025-06' AND "dim_region0"."province_code" IN ('110000', '440000')
GROUP BY "dim_region0"."city_code", "dim_region0"."city_name_zh", "dim_region0"."city_code"
ORDER BY 4 DESC, "dim_region0"."city_code", "dim_region0"."city_code"
FETCH NEXT 11 ROWS ONLY;
