SELECT "t2"."subscriber_id", "t2"."msisdn", "t2"."city_code", "t2"."city_name_zh", "t2"."city_name_en", "t2"."value_segment", "t2"."value_tier", "t2"."value_score", "t2"."revenue", "t2"."tenure_months", "t2"."warning_score", "t2"."signals", "t2"."warning_type"
FROM (SELECT "fact_subscriber_month"."subscriber_id", "t"."msisdn", "fact_subscriber_month"."city_code", "dim_region"."city_name_zh", "dim_region"."city_name_en", "fact_subscriber_month"."value_segment", "fact_subscriber_month"."value_tier", "fact_subscriber_month"."value_score", "fact_subscriber_month"."revenue", "fact_subscriber_month"."tenure_months", "fact_subscriber_month"."warning_score", "fact_subscriber_month"."signals", "fact_subscriber_month"."warning_type", "fact_subscriber_month"."warning_score" * "fact_subscriber_month"."value_score" AS "rank_"
FROM "public"."fact_subscriber_month"
LEFT JOIN "public"."dim_region" ON "fact_subscriber_month"."city_code" = "dim_region"."city_code"
LEFT JOIN (SELECT *
FROM "public"."dim_subscriber"
WHERE "valid_from" <= DATE '2025-03-31' AND "valid_to" >= DATE '2025-03-31') AS "t" ON "fact_subscriber_month"."subscriber_id" = "t"."subscriber_id"
WHERE "fact_subscriber_month"."month_key" = 202503 AND "fact_subscriber_month"."at_risk" = 1 AND ("dim_region"."macro_region" = '440000' OR "dim_region"."province_code" = '440000' OR "dim_region"."city_code" = '440000') AND "fact_subscriber_month"."value_tier" = 'top5'
ORDER BY 14 DESC NULLS LAST, "fact_subscriber_month"."subscriber_id"
FETCH NEXT 100 ROWS ONLY) AS "t2";
