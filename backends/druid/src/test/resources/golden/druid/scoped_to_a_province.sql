-- main
SELECT "dim_region0"."city_code" AS "k0", "dim_region0"."city_name_zh" AS "c0", "dim_region0"."city_code" AS "o0", SUM("t2"."v_revenue") AS "m_revenue"
FROM (SELECT "city_code", SUM("m_revenue") AS "v_revenue"
FROM "druid"."agg_revenue_by_city"
WHERE "city_code" IN (SELECT "city_code"
FROM "druid"."dim_region"
WHERE "province_code" = '440000')
GROUP BY "city_code") AS "t2"
LEFT JOIN "druid"."dim_region" AS "dim_region0" ON "t2"."city_code" = "dim_region0"."city_code"
WHERE "dim_region0"."province_code" = '440000'
GROUP BY "dim_region0"."city_code", "dim_region0"."city_name_zh", "dim_region0"."city_code"
ORDER BY "dim_region0"."city_code" IS NULL, "dim_region0"."city_code", "dim_region0"."city_code" IS NULL, "dim_region0"."city_code"
LIMIT 50001;
-- totals by (all)
SELECT SUM("t2"."v_revenue") AS "m_revenue"
FROM (SELECT "city_code", SUM("m_revenue") AS "v_revenue"
FROM "druid"."agg_revenue_by_city"
WHERE "city_code" IN (SELECT "city_code"
FROM "druid"."dim_region"
WHERE "province_code" = '440000')
GROUP BY "city_code") AS "t2"
LEFT JOIN "druid"."dim_region" AS "dim_region0" ON "t2"."city_code" = "dim_region0"."city_code"
WHERE "dim_region0"."province_code" = '440000'
LIMIT 50000;
