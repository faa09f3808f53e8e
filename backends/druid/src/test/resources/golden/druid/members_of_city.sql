SELECT "city_code" AS "k0", "city_name_en" AS "c0", "city_code" AS "o0"
FROM "druid"."dim_region"
GROUP BY "city_code", "city_name_en", "city_code"
ORDER BY "city_code" IS NULL, "city_code", "city_code" IS NULL, "city_code"
LIMIT 100000;
