SELECT "fact_subscriber_month"."subscriber_id", "t"."msisdn", "fact_subscriber_month"."city_code", "dim_region"."city_name_zh", "dim_region"."city_name_en", "fact_subscriber_month"."value_segment", "fact_subscriber_month"."value_tier", "fact_subscriber_month"."value_score", "fact_subscriber_month"."revenue", "fact_subscriber_month"."tenure_months", "fact_subscriber_month"."warning_score", "fact_subscriber_month"."signals", "fact_subscriber_month"."warning_type"
FROM "druid"."fact_subscriber_month"
LEFT JOIN "druid"."dim_region" ON "fact_subscriber_month"."city_code" = "dim_region"."city_code"
LEFT JOIN (SELECT *
FROM "druid"."dim_subscriber"
WHERE "valid_from" <= '2025-03-31' AND "valid_to" >= '2025-03-31') AS "t" ON "fact_subscriber_month"."subscriber_id" = "t"."subscriber_id"
WHERE "fact_subscriber_month"."month_key" = 202503 AND "fact_subscriber_month"."at_risk" = 1 AND ("dim_region"."macro_region" = '440000' OR "dim_region"."province_code" = '440000' OR "dim_region"."city_code" = '440000') AND "fact_subscriber_month"."value_tier" = 'top5'
ORDER BY "fact_subscriber_month"."warning_score" * "fact_subscriber_month"."value_score" DESC, "fact_subscriber_month"."subscriber_id" IS NULL, "fact_subscriber_month"."subscriber_id"
LIMIT 100;
