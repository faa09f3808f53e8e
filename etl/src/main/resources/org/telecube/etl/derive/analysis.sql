-- Customer analysis over fact_subscriber_month: churn warning signals, then (after the weights
-- are fitted in Java) value segments, value score and tier, lifecycle stage and warning score.
-- Recomputed from month {from} on after a batch (0: every month), inside its transaction; months
-- before {from} cannot change. Statements are separated by ';;'.
-- Settings come from analysis_setting; see docs/customer-analysis.md for every definition.
CREATE OR REPLACE TEMP MACRO prev_mk(mk) AS CASE WHEN mk % 100 = 1 THEN (mk // 100 - 1) * 100 + 12 ELSE mk - 1 END
;;
CREATE OR REPLACE TEMP MACRO next_mk(mk) AS CASE WHEN mk % 100 = 12 THEN (mk // 100 + 1) * 100 + 1 ELSE mk + 1 END
;;
CREATE OR REPLACE TEMP MACRO setting(n) AS (SELECT value FROM analysis_setting WHERE name = n)
;;
CREATE OR REPLACE TEMP TABLE ana_month AS
SELECT month_key, make_date(month_key // 100, month_key % 100, 1) AS month_start,
       last_day(make_date(month_key // 100, month_key % 100, 1)) AS month_end
FROM (SELECT DISTINCT month_key FROM fact_subscriber_month WHERE month_key >= {from})
;;
-- the subscriber's master data as of each month's end
CREATE OR REPLACE TEMP TABLE ana_version AS
SELECT f.month_key, f.subscriber_id, v.customer_id, v.contract_end, coalesce(v.deposit, 0) AS deposit
FROM fact_subscriber_month f
JOIN ana_month m USING (month_key)
LEFT JOIN dim_subscriber v ON v.subscriber_id = f.subscriber_id AND m.month_end BETWEEN v.valid_from AND v.valid_to
;;
CREATE OR REPLACE TEMP TABLE ana_signal AS
WITH ev AS (
  SELECT CAST(year(event_time) * 100 + month(event_time) AS INTEGER) AS month_key, subscriber_id,
         max(CASE WHEN event_type = 'competitor_service_call' AND coalesce(duration_sec, 0) > 60 THEN 1 ELSE 0 END) AS competitor_call,
         max(CASE WHEN event_type = 'call_forward_competitor' THEN 1 ELSE 0 END) AS call_forward,
         max(CASE WHEN event_type = 'suspend_request' THEN 1 ELSE 0 END) AS voluntary_suspension,
         max(CASE WHEN event_type = 'complaint' AND severity = 'serious' THEN 1 ELSE 0 END) AS serious_complaint
  FROM stg_service_event
  WHERE CAST(year(event_time) * 100 + month(event_time) AS INTEGER) >= {from}
  GROUP BY ALL
), overdue AS (
  -- a charge past its due date, not paid (in full) by the month's end
  SELECT DISTINCT m.month_key, b.subscriber_id
  FROM (SELECT subscriber_id, due_date, paid_date FROM stg_billing
        WHERE amount > 0 AND (amount > paid_amount OR paid_date > due_date)) b
  JOIN ana_month m ON b.due_date < m.month_end AND (b.paid_date IS NULL OR b.paid_date > m.month_end)
)
SELECT f.month_key, f.subscriber_id,
       coalesce(ev.competitor_call, 0) AS sig_competitor_call,
       coalesce(ev.call_forward, 0) AS sig_call_forward,
       CASE WHEN f.status = 'keep_number' THEN 1 ELSE 0 END AS sig_keep_number,
       CASE WHEN p.revenue > 0 AND f.revenue < 0.5 * p.revenue THEN 1 ELSE 0 END AS sig_bill_drop,
       coalesce(ev.voluntary_suspension, 0) AS sig_voluntary_suspension,
       CASE WHEN v.contract_end BETWEEN m.month_end AND m.month_end + INTERVAL 60 DAY THEN 1 ELSE 0 END AS sig_contract_ending,
       CASE WHEN od.subscriber_id IS NOT NULL THEN 1 ELSE 0 END AS sig_arrears,
       coalesce(ev.serious_complaint, 0) AS sig_serious_complaint,
       CASE WHEN dp.monthly_fee > 0 AND f.revenue > 2 * dp.monthly_fee THEN 1 ELSE 0 END AS sig_bill_shock
FROM fact_subscriber_month f
JOIN ana_month m USING (month_key)
JOIN ana_version v USING (month_key, subscriber_id)
LEFT JOIN fact_subscriber_month p ON p.subscriber_id = f.subscriber_id AND p.month_key = prev_mk(f.month_key)
LEFT JOIN ev ON ev.month_key = f.month_key AND ev.subscriber_id = f.subscriber_id
LEFT JOIN overdue od ON od.month_key = f.month_key AND od.subscriber_id = f.subscriber_id
LEFT JOIN dim_product dp ON dp.plan_code = f.plan_code
;;
-- active at month end, with whether they churned in the next month (when it is loaded); the
-- signals of months before {from} are the ones stored, which cannot have changed
CREATE OR REPLACE TEMP TABLE ana_outcome AS
WITH sig AS (
  SELECT month_key, subscriber_id, sig_competitor_call, sig_call_forward, sig_keep_number, sig_bill_drop,
         sig_voluntary_suspension, sig_contract_ending, sig_arrears, sig_serious_complaint, sig_bill_shock
  FROM fact_subscriber_month WHERE month_key < {from}
  UNION ALL
  SELECT month_key, subscriber_id, sig_competitor_call, sig_call_forward, sig_keep_number, sig_bill_drop,
         sig_voluntary_suspension, sig_contract_ending, sig_arrears, sig_serious_complaint, sig_bill_shock
  FROM ana_signal
)
SELECT s.*, n.is_churned AS churned_next,
       (s.sig_competitor_call + s.sig_call_forward + s.sig_keep_number + s.sig_bill_drop
        + s.sig_voluntary_suspension + s.sig_contract_ending + s.sig_arrears + s.sig_serious_complaint
        + s.sig_bill_shock) AS signal_count
FROM sig s
JOIN fact_subscriber_month f ON f.month_key = s.month_key AND f.subscriber_id = s.subscriber_id AND f.active_end = 1
JOIN fact_subscriber_month n ON n.subscriber_id = s.subscriber_id AND n.month_key = next_mk(s.month_key)
WHERE s.month_key BETWEEN coalesce(TRY_CAST(setting('fit_from_month') AS INTEGER), 0)
                      AND coalesce(TRY_CAST(setting('fit_to_month') AS INTEGER), 999999)
