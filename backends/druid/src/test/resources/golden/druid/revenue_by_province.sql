-- main
SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", SUM("t"."v_revenue") AS "m_revenue", SUM("t"."v_arrears") AS "m_arrears"
FROM (SELECT "city_code", SUM("m_revenue") AS "v_revenue", SUM("m_arrears") AS "v_arrears"
FROM "druid"."agg_revenue_by_city"
GROUP BY "city_code") AS "t"
LEFT JOIN "druid"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
GROUP BY "dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code"
ORDER BY "dim_region"."province_code" IS NULL, "dim_region"."province_code", "dim_region"."province_code" IS NULL, "dim_region"."province_code"
LIMIT 50001;
