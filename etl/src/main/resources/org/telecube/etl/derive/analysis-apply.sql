-- Second half of the customer analysis: runs after churn_signal_weight holds this batch's weights.
-- Rows of months from {from} on are recomputed; history windows read earlier months as stored.
-- Only rows whose values differ are written (ana_changed, ana_billing_changed list them).
-- the history windows on narrow rows first: sorting them with the wide rows the scoring carries
-- took most of this script's time at 1,000,000 subscribers
CREATE OR REPLACE TEMP TABLE ana_history AS
WITH hist AS (
  SELECT f.month_key, f.subscriber_id, f.active_end, f.is_churned, f.revenue, f.tenure_months, f.status,
         avg(f.revenue) OVER w3 AS revenue_3m,
         sum(f.revenue) OVER (PARTITION BY f.subscriber_id ORDER BY f.month_key
                              ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS revenue_last3,
         sum(f.revenue) OVER (PARTITION BY f.subscriber_id ORDER BY f.month_key
                              ROWS BETWEEN 5 PRECEDING AND 3 PRECEDING) AS revenue_prev3,
         count(*) OVER (PARTITION BY f.subscriber_id ORDER BY f.month_key
                        ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS months_6,
         sum(CASE WHEN f.status IN ('suspended', 'keep_number') THEN 1 ELSE 0 END)
           OVER (PARTITION BY f.subscriber_id ORDER BY f.month_key ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS suspended_12m
  FROM fact_subscriber_month f
  WINDOW w3 AS (PARTITION BY f.subscriber_id ORDER BY f.month_key ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
)
SELECT h.*, v.customer_id, v.deposit
FROM hist h
JOIN ana_version v USING (month_key, subscriber_id)
;;
-- value score and tier on narrow rows too: the month's ranks need only these columns
CREATE OR REPLACE TEMP TABLE ana_score AS
WITH products AS (
  SELECT month_key, customer_id, count(*) AS products FROM ana_history WHERE active_end = 1 GROUP BY ALL
), threshold AS (
  SELECT month_key,
         coalesce(TRY_CAST(setting('arpu_threshold') AS DOUBLE), quantile_cont(revenue, 0.5)) AS arpu_threshold
  FROM ana_history WHERE active_end = 1 GROUP BY ALL
), scored AS (
  SELECT b.month_key, b.subscriber_id, b.active_end, t.arpu_threshold,
         100 * (0.45 * percent_rank() OVER (PARTITION BY b.month_key ORDER BY b.revenue_3m)
              + 0.25 * percent_rank() OVER (PARTITION BY b.month_key ORDER BY b.tenure_months)
              + 0.10 * percent_rank() OVER (PARTITION BY b.month_key ORDER BY b.deposit)
              + 0.10 * (1 - least(b.suspended_12m, 12) / 12.0)
              + 0.10 * least(coalesce(p.products, 1) - 1, 4) / 4.0) AS value_score
  FROM ana_history b
  LEFT JOIN products p ON p.month_key = b.month_key AND p.customer_id = b.customer_id
  LEFT JOIN threshold t ON t.month_key = b.month_key
)
SELECT month_key, subscriber_id, value_score, arpu_threshold,
       -- the share of the month's subscribers active at its end who score at least as high: for
       -- them the cume_dist among the active; a subscriber gone by the month's end is placed
       -- among them by score (used only when there is no tier from before the churn, see below)
       CASE WHEN sum(active_end) OVER (PARTITION BY month_key ORDER BY value_score DESC)
                   <= 0.05 * sum(active_end) OVER (PARTITION BY month_key) THEN 'top5'
            WHEN sum(active_end) OVER (PARTITION BY month_key ORDER BY value_score DESC)
                   <= 0.20 * sum(active_end) OVER (PARTITION BY month_key) THEN 'next15'
            ELSE 'rest' END AS value_tier
FROM scored
;;
CREATE OR REPLACE TEMP TABLE ana_value AS
SELECT s.month_key, s.subscriber_id, s.value_score,
       CASE WHEN h.revenue >= s.arpu_threshold
            THEN CASE WHEN h.tenure_months >= CAST(setting('tenure_threshold_months') AS INTEGER) THEN 'value' ELSE 'secondary' END
            ELSE CASE WHEN h.tenure_months >= CAST(setting('tenure_threshold_months') AS INTEGER) THEN 'potential' ELSE 'low' END
       END AS value_segment,
       s.value_tier,
       h.active_end,
       CASE WHEN h.is_churned = 1 OR h.active_end = 0 THEN 'churned'
            WHEN h.tenure_months < 3 THEN 'acquisition'
            WHEN (h.months_6 = 6 AND h.revenue_prev3 > 0 AND h.revenue_last3 < 0.8 * h.revenue_prev3)
              OR g.sig_keep_number + g.sig_competitor_call + g.sig_call_forward + g.sig_voluntary_suspension > 0
              THEN 'decline'
            WHEN h.tenure_months < 12 OR (h.months_6 = 6 AND h.revenue_last3 > 1.1 * h.revenue_prev3) THEN 'growth'
            ELSE 'maturity' END AS lifecycle_stage,
       g.* EXCLUDE (month_key, subscriber_id)
FROM ana_score s
JOIN ana_history h ON h.month_key = s.month_key AND h.subscriber_id = s.subscriber_id
JOIN ana_signal g ON g.month_key = s.month_key AND g.subscriber_id = s.subscriber_id
;;
CREATE OR REPLACE TEMP TABLE ana_final AS
WITH w AS (SELECT * FROM churn_signal_weight),
base_rate AS (SELECT coalesce(max(churn_rate_without), CAST(setting('default_base_rate') AS DOUBLE)) AS p0 FROM w),
ctx AS (
  SELECT month_key, subscriber_id, active_end, value_tier, value_segment, lifecycle_stage
  FROM fact_subscriber_month WHERE month_key < {from}
  UNION ALL
  SELECT month_key, subscriber_id, active_end, value_tier, value_segment, lifecycle_stage FROM ana_value
), hist AS (
  SELECT month_key, subscriber_id,
         -- a subscriber gone by the month's end keeps the tier of the last month end they were
         -- active at (churn by value tier counts who was lost, as they were before leaving)
         CASE WHEN active_end = 1 THEN value_tier
              ELSE coalesce(last_value(CASE WHEN active_end = 1 THEN value_tier END IGNORE NULLS)
                              OVER (s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), value_tier) END
           AS value_tier,
         -- only the immediately preceding month counts as "last month"
         CASE WHEN lag(month_key) OVER s = prev_mk(month_key) THEN lag(value_segment) OVER s ELSE 'new' END
           AS previous_value_segment,
         CASE WHEN lag(month_key) OVER s = prev_mk(month_key) THEN lag(lifecycle_stage) OVER s ELSE 'new' END
           AS previous_lifecycle_stage
  FROM ctx
  WINDOW s AS (PARTITION BY subscriber_id ORDER BY month_key)
)
SELECT a.month_key, a.subscriber_id, a.value_segment, a.value_score, h.value_tier, a.lifecycle_stage,
       h.previous_value_segment, h.previous_lifecycle_stage,
       a.sig_competitor_call, a.sig_call_forward, a.sig_keep_number, a.sig_bill_drop, a.sig_voluntary_suspension,
       a.sig_contract_ending, a.sig_arrears, a.sig_serious_complaint, a.sig_bill_shock,
       {signal_count} AS signal_count,
       {signal_list} AS signals,
       least(0.99, (SELECT p0 FROM base_rate) * exp({weighted_sum})) AS warning_score,
       CASE WHEN {signal_count} = 0 THEN 'none'
            WHEN {care_sum} >= {marketing_sum} THEN 'care' ELSE 'marketing' END AS warning_type,
       CASE WHEN a.active_end = 1
             AND least(0.99, (SELECT p0 FROM base_rate) * exp({weighted_sum})) >= CAST(setting('at_risk_score') AS DOUBLE)
            THEN 1 ELSE 0 END AS at_risk
FROM ana_value a
JOIN hist h ON h.month_key = a.month_key AND h.subscriber_id = a.subscriber_id
;;
-- rows never analysed yet (a fresh derivation) all differ, as every analysed row has a segment:
-- comparing 12 M rows column by column would only say so, and copying them costs 5-9 s at 1 M
-- subscribers, so ana_changed is then a view of ana_final (the FALSE branch folds away)
CREATE OR REPLACE TEMP {changed_kind} ana_changed AS
SELECT a.*
FROM ana_final a
JOIN fact_subscriber_month f ON f.month_key = a.month_key AND f.subscriber_id = a.subscriber_id
WHERE NOT {fresh} AND ROW({analysis_columns_f}) IS DISTINCT FROM ROW({analysis_columns_a})
UNION ALL
SELECT * FROM ana_final WHERE {fresh}
;;
UPDATE fact_subscriber_month f SET
  value_segment = a.value_segment, previous_value_segment = a.previous_value_segment,
  value_score = a.value_score, value_tier = a.value_tier,
  lifecycle_stage = a.lifecycle_stage, previous_lifecycle_stage = a.previous_lifecycle_stage,
  signal_count = a.signal_count, signals = a.signals,
  sig_competitor_call = a.sig_competitor_call, sig_call_forward = a.sig_call_forward,
  sig_keep_number = a.sig_keep_number, sig_bill_drop = a.sig_bill_drop,
  sig_voluntary_suspension = a.sig_voluntary_suspension, sig_contract_ending = a.sig_contract_ending,
  sig_arrears = a.sig_arrears, sig_serious_complaint = a.sig_serious_complaint, sig_bill_shock = a.sig_bill_shock,
  warning_score = a.warning_score, warning_type = a.warning_type, at_risk = a.at_risk
FROM ana_changed a
WHERE f.month_key = a.month_key AND f.subscriber_id = a.subscriber_id
;;
CREATE OR REPLACE TEMP TABLE ana_billing_changed AS
SELECT b.month_key, b.subscriber_id, b.charge_item, f.value_segment, f.lifecycle_stage
FROM fact_billing b
JOIN fact_subscriber_month f ON f.month_key = b.month_key AND f.subscriber_id = b.subscriber_id
WHERE b.month_key >= {from}
  AND ROW(b.value_segment, b.lifecycle_stage) IS DISTINCT FROM ROW(f.value_segment, f.lifecycle_stage)
;;
UPDATE fact_billing b SET value_segment = c.value_segment, lifecycle_stage = c.lifecycle_stage
FROM ana_billing_changed c
WHERE c.month_key = b.month_key AND c.subscriber_id = b.subscriber_id AND c.charge_item = b.charge_item
