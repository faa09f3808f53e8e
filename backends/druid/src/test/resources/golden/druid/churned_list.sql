SELECT "fact_subscriber_month"."subscriber_id", "t3"."msisdn", "fact_subscriber_month"."city_code", "dim_region"."city_name_zh", "dim_region"."city_name_en", "t3"."status_date", "fact_subscriber_month"."churn_reason", "fact_subscriber_month"."tenure_months", "t2"."arpu_before", "t2"."segment_before", "t2"."signals_before", "fact_subscriber_month"."signals"
FROM "druid"."fact_subscriber_month"
INNER JOIN (SELECT "t"."subscriber_id", "t"."month_key", AVG(CAST("t"."revenue" AS DOUBLE)) OVER (PARTITION BY "t"."subscriber_id" ORDER BY "t"."month_key" IS NULL, "t"."month_key" ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS "arpu_before", LAG("t"."value_segment") OVER (PARTITION BY "t"."subscriber_id" ORDER BY "t"."month_key" IS NULL, "t"."month_key") AS "segment_before", LAG("t"."signals") OVER (PARTITION BY "t"."subscriber_id" ORDER BY "t"."month_key" IS NULL, "t"."month_key") AS "signals_before"
FROM (SELECT *
FROM "druid"."fact_subscriber_month"
WHERE "month_key" <= 202503) AS "t"
INNER JOIN (SELECT "subscriber_id"
FROM "druid"."fact_subscriber_month"
WHERE "month_key" = 202503 AND "is_churned" = 1
GROUP BY "subscriber_id") AS "t1" ON "t"."subscriber_id" = "t1"."subscriber_id") AS "t2" ON "fact_subscriber_month"."subscriber_id" = "t2"."subscriber_id" AND "fact_subscriber_month"."month_key" = "t2"."month_key"
LEFT JOIN "druid"."dim_region" ON "fact_subscriber_month"."city_code" = "dim_region"."city_code"
LEFT JOIN (SELECT *
FROM "druid"."dim_subscriber"
WHERE "valid_from" <= '2025-03-31' AND "valid_to" >= '2025-03-31') AS "t3" ON "fact_subscriber_month"."subscriber_id" = "t3"."subscriber_id"
WHERE "fact_subscriber_month"."month_key" = 202503 AND "fact_subscriber_month"."is_churned" = 1
ORDER BY "t2"."arpu_before" DESC, "fact_subscriber_month"."subscriber_id" IS NULL, "fact_subscriber_month"."subscriber_id"
LIMIT 100;
