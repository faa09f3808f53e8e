-- main
SELECT "dim_region"."city_code" AS "k0", "dim_region"."city_name_zh" AS "c0", "dim_region"."city_code" AS "o0", SUM("t"."v_revenue") AS "m_revenue"
FROM (SELECT "city_code", SUM("m_revenue") AS "v_revenue"
FROM "druid"."agg_revenue_by_city"
GROUP BY "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
WHERE "dim_region"."province_code" = '440000'
GROUP BY "dim_region"."city_code", "dim_region"."city_name_zh", "dim_region"."city_code"
ORDER BY "dim_region"."city_code" IS NULL, "dim_region"."city_code", "dim_region"."city_code" IS NULL, "dim_region"."city_code"
LIMIT 50001;
-- totals by (all)
SELECT SUM("t"."v_revenue") AS "m_revenue"
FROM (SELECT "city_code", SUM("m_revenue") AS "v_revenue"
FROM "druid"."agg_revenue_by_city"
GROUP BY "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
WHERE "dim_region"."province_code" = '440000'
LIMIT 50000;
