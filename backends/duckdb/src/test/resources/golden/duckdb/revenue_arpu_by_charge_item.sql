-- main
SELECT "t1"."k0", "t1"."c0", "t1"."o0", CAST(SUM("t1"."p_revenue") AS DOUBLE) / NULLIF(CAST(COUNT(DISTINCT "t1"."month_") AS DOUBLE), 0E0) / NULLIF(CAST(AVG("t1"."p_billed_subscribers") AS DOUBLE), 0E0) AS "arpu"
FROM (SELECT "dim_charge_item"."charge_item" AS "k0", "dim_charge_item"."name_zh" AS "c0", "dim_charge_item"."charge_item" AS "o0", "fact_billing"."month_key" AS "month_", SUM("fact_billing"."amount") AS "p_revenue", COUNT(DISTINCT "fact_billing"."subscriber_id") AS "p_billed_subscribers"
FROM "main"."fact_billing"
LEFT JOIN "main"."dim_charge_item" ON "fact_billing"."charge_item" = "dim_charge_item"."charge_item"
GROUP BY "dim_charge_item"."charge_item", "dim_charge_item"."name_zh", "dim_charge_item"."charge_item", "fact_billing"."month_key") AS "t1"
GROUP BY "t1"."k0", "t1"."c0", "t1"."o0"
ORDER BY "t1"."o0", "t1"."k0"
FETCH NEXT 50001 ROWS ONLY;
