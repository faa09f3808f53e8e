SELECT "fact_subscriber_month"."subscriber_id", "dim_subscriber"."msisdn", "fact_subscriber_month"."city_code", "dim_region"."city_name_zh", "dim_region"."city_name_en", "dim_subscriber"."status_date", "fact_subscriber_month"."churn_reason", "fact_subscriber_month"."tenure_months", "t3"."arpu_before", "t3"."segment_before", "t3"."signals_before", "fact_subscriber_month"."signals"
FROM "public"."fact_subscriber_month"
INNER JOIN (SELECT "subscriber_id", "month_key", AVG("revenue") OVER (PARTITION BY "subscriber_id" ORDER BY "month_key" ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS "arpu_before", LAG("value_segment") OVER (PARTITION BY "subscriber_id" ORDER BY "month_key") AS "segment_before", LAG("signals") OVER (PARTITION BY "subscriber_id" ORDER BY "month_key") AS "signals_before"
FROM "public"."fact_subscriber_month" AS "t"
WHERE "month_key" <= 202503 AND EXISTS (SELECT 1
FROM (SELECT "subscriber_id"
FROM "public"."fact_subscriber_month"
WHERE "month_key" = 202503 AND "is_churned" = 1
GROUP BY "subscriber_id") AS "t1"
WHERE "t"."subscriber_id" = "t1"."subscriber_id")) AS "t3" ON "fact_subscriber_month"."subscriber_id" = "t3"."subscriber_id" AND "fact_subscriber_month"."month_key" = "t3"."month_key"
LEFT JOIN "public"."dim_region" ON "fact_subscriber_month"."city_code" = "dim_region"."city_code"
LEFT JOIN "public"."dim_month" ON "fact_subscriber_month"."month_key" = "dim_month"."month_key"
LEFT JOIN "public"."dim_subscriber" ON "fact_subscriber_month"."subscriber_id" = "dim_subscriber"."subscriber_id" AND "dim_month"."month_end" >= "dim_subscriber"."valid_from" AND "dim_month"."month_end" <= "dim_subscriber"."valid_to"
WHERE "fact_subscriber_month"."month_key" = 202503 AND "fact_subscriber_month"."is_churned" = 1
ORDER BY "t3"."arpu_before" DESC NULLS LAST, "fact_subscriber_month"."subscriber_id"
FETCH NEXT 100 ROWS ONLY;
