-- member checks
SELECT 1 AS "filter", "province_code" AS "key"
FROM "public"."dim_region"
WHERE "province_code" IN ('110000', '440000')
GROUP BY "province_code";
-- main
SELECT "dim_region"."city_code" AS "k0", "dim_region"."city_name_zh" AS "c0", "dim_region"."city_code" AS "o0", SUM("t"."v_revenue") AS "m_revenue"
FROM (SELECT "month_key", "city_code", SUM("m_revenue") AS "v_revenue"
FROM "public"."agg_revenue_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "public"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "public"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
WHERE "dim_month"."month_code" >= '2025-01' AND "dim_month"."month_code" <= '2025-06' AND "dim_region"."province_code" IN ('110000', '440000')
GROUP BY "dim_region"."city_code", "dim_region"."city_name_zh", "dim_region"."city_code"
ORDER BY 4 DESC NULLS LAST, "dim_region"."city_code", "dim_region"."city_code"
FETCH NEXT 11 ROWS ONLY;
