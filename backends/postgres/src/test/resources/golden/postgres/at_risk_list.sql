SELECT "t1"."subscriber_id", "t1"."msisdn", "t1"."city_code", "t1"."city_name_zh", "t1"."city_name_en", "t1"."value_segment", "t1"."value_tier", "t1"."value_score", "t1"."revenue", "t1"."tenure_months", "t1"."warning_score", "t1"."signals", "t1"."warning_type"
FROM (SELECT "fact_subscriber_month"."subscriber_id", "dim_subscriber"."msisdn", "fact_subscriber_month"."city_code", "dim_region"."city_name_zh", "dim_region"."city_name_en", "fact_subscriber_month"."value_segment", "fact_subscriber_month"."value_tier", "fact_subscriber_month"."value_score", "fact_subscriber_month"."revenue", "fact_subscriber_month"."tenure_months", "fact_subscriber_month"."warning_score", "fact_subscriber_month"."signals", "fact_subscriber_month"."warning_type", "fact_subscriber_month"."warning_score" * "fact_subscriber_month"."value_score" AS "rank_"
FROM "public"."fact_subscriber_month"
LEFT JOIN "public"."dim_region" ON "fact_subscriber_month"."city_code" = "dim_region"."city_code"
LEFT JOIN "public"."dim_month" ON "fact_subscriber_month"."month_key" = "dim_month"."month_key"
LEFT JOIN "public"."dim_subscriber" ON "fact_subscriber_month"."subscriber_id" = "dim_subscriber"."subscriber_id" AND "dim_month"."month_end" >= "dim_subscriber"."valid_from" AND "dim_month"."month_end" <= "dim_subscriber"."valid_to"
WHERE "fact_subscriber_month"."month_key" = 202503 AND "fact_subscriber_month"."at_risk" = 1 AND ("dim_region"."macro_region" = '440000' OR "dim_region"."province_code" = '440000' OR "dim_region"."city_code" = '440000') AND "fact_subscriber_month"."value_tier" = 'top5'
ORDER BY 14 DESC NULLS LAST, "fact_subscriber_month"."subscriber_id"
FETCH NEXT 100 ROWS ONLY) AS "t1";
