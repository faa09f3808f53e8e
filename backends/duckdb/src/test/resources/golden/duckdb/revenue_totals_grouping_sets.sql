-- main
SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", "dim_month"."quarter_code" AS "k1", "dim_month"."quarter_name_zh" AS "c1", "dim_month"."quarter_key" AS "o1", SUM("t"."v_revenue") AS "revenue", SUM("t"."v_paid") AS "paid", COALESCE(SUM("t"."v_bill_lines"), 0) AS "bill_lines"
FROM (SELECT "month_key", "city_code", SUM("m_revenue") AS "v_revenue", SUM("m_paid") AS "v_paid", SUM("m_bill_lines") AS "v_bill_lines"
FROM "main"."agg_revenue_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "main"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "main"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY "dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code", "dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key"
ORDER BY "dim_region"."province_code", "dim_region"."province_code", "dim_month"."quarter_key", "dim_month"."quarter_code"
FETCH NEXT 50001 ROWS ONLY;
-- periods of time.quarter
SELECT "quarter_code" AS "k", MIN("month_key") AS "first_month", COUNT(*) AS "months", SUM(CASE WHEN "month_key" = 0 THEN 1 ELSE 0 END) AS "with_data"
FROM "main"."dim_month"
GROUP BY "quarter_code";
-- totals by grouping sets
SELECT "dim_region"."province_code" AS "k0", "dim_region"."province_name_zh" AS "c0", "dim_region"."province_code" AS "o0", "dim_month"."quarter_code" AS "k1", "dim_month"."quarter_name_zh" AS "c1", "dim_month"."quarter_key" AS "o1", SUM("t"."v_revenue") AS "revenue", SUM("t"."v_paid") AS "paid", COALESCE(SUM("t"."v_bill_lines"), 0) AS "bill_lines", GROUPING("dim_region"."province_code", "dim_month"."quarter_code") AS "grouping_"
FROM (SELECT "month_key", "city_code", SUM("m_revenue") AS "v_revenue", SUM("m_paid") AS "v_paid", SUM("m_bill_lines") AS "v_bill_lines"
FROM "main"."agg_revenue_by_city"
GROUP BY "month_key", "city_code") AS "t"
LEFT JOIN "main"."dim_region" ON "t"."city_code" = "dim_region"."city_code"
LEFT JOIN "main"."dim_month" ON "t"."month_key" = "dim_month"."month_key"
GROUP BY GROUPING SETS(("dim_region"."province_code", "dim_region"."province_name_zh", "dim_region"."province_code"), ("dim_month"."quarter_code", "dim_month"."quarter_name_zh", "dim_month"."quarter_key"), ())
ORDER BY "dim_region"."province_code", "dim_region"."province_code", "dim_month"."quarter_key", "dim_month"."quarter_code"
FETCH NEXT 150000 ROWS ONLY;
