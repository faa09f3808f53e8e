-- When a batch refitted the warning weights differently, the warning scores of the months before
-- {from} (whose signals cannot have changed) are rescored from their stored signals with the new
-- weights, as a full recomputation would; only rows whose values differ are written.
CREATE OR REPLACE TEMP TABLE ana_rescored AS
WITH w AS (SELECT * FROM churn_signal_weight),
base_rate AS (SELECT coalesce(max(churn_rate_without), CAST(setting('default_base_rate') AS DOUBLE)) AS p0 FROM w),
scored AS (
  SELECT a.month_key, a.subscriber_id, a.warning_score AS old_score, a.warning_type AS old_type,
         a.at_risk AS old_at_risk,
         least(0.99, (SELECT p0 FROM base_rate) * exp({weighted_sum})) AS warning_score,
         CASE WHEN {signal_count} = 0 THEN 'none'
              WHEN {care_sum} >= {marketing_sum} THEN 'care' ELSE 'marketing' END AS warning_type,
         a.active_end
  FROM fact_subscriber_month a
  WHERE a.month_key < {from}
)
SELECT month_key, subscriber_id, warning_score, warning_type,
       CASE WHEN active_end = 1 AND warning_score >= CAST(setting('at_risk_score') AS DOUBLE) THEN 1 ELSE 0 END AS at_risk
FROM scored
WHERE ROW(old_score, old_type, old_at_risk) IS DISTINCT FROM ROW(warning_score, warning_type,
      CASE WHEN active_end = 1 AND warning_score >= CAST(setting('at_risk_score') AS DOUBLE) THEN 1 ELSE 0 END)
;;
UPDATE fact_subscriber_month f SET warning_score = r.warning_score, warning_type = r.warning_type, at_risk = r.at_risk
FROM ana_rescored r
WHERE f.month_key = r.month_key AND f.subscriber_id = r.subscriber_id
