-- main
SELECT "dim_region"."city_code" AS "k0", "dim_region"."city_name_zh" AS "c0", "dim_region"."city_code" AS "o0", SUM("t"."v_revenue") AS "m_revenue"
FROM (SELECT "city_code", SUM("m_revenue") AS "v_revenue"
FROM "public"."agg_revenue_by_city"
GROUP BY "city_code") AS "t"
LEFT JOIN "public"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
WHERE "dim_region"."province_code" = '440000'
GROUP BY "dim_region"."city_code", "dim_region"."city_name_zh", "dim_region"."city_code"
ORDER BY "dim_region"."city_code", "dim_region"."city_code"
FETCH NEXT 50001 ROWS ONLY;
-- totals by (all)
SELECT SUM("t"."v_revenue") AS "m_revenue"
FROM (SELECT "city_code", SUM("m_revenue") AS "v_revenue"
FROM "public"."agg_revenue_by_city"
GROUP BY "city_code") AS "t"
LEFT JOIN "public"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
WHERE "dim_region"."province_code" = '440000'
FETCH NEXT 50000 ROWS ONLY;
