-- TeleCube star schema (DuckDB dialect; kept to the subset PostgreSQL also reads).
-- Three layers:
--   ref_*   reference data as loaded (shipped + reference feeds), keyed by code
--   stg_*   validated feed rows at the feed's own grain, keyed by the feed's natural key;
--           a reload replaces rows with the same key (that is what makes loads idempotent)
--   dim_* / fact_*  the star the cubes read; derived from ref_* and stg_* by SQL after each batch
-- Statements are separated by a line holding only ';;'.

CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)
;;
-- This file's identity as an ETL work area: a backend it publishes to remembers it, and refuses a
-- second work area publishing over the first.
CREATE TABLE IF NOT EXISTS work_area (id VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)
;;
-- ETL bookkeeping -----------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS etl_batch (
  batch_id      BIGINT PRIMARY KEY,
  started_at    TIMESTAMP NOT NULL,
  finished_at   TIMESTAMP,
  rows_read     BIGINT,
  rows_loaded   BIGINT,
  rows_rejected BIGINT,
  note          VARCHAR
)
;;
CREATE TABLE IF NOT EXISTS etl_file (
  batch_id      BIGINT NOT NULL,
  file_name     VARCHAR NOT NULL,
  feed          VARCHAR NOT NULL,
  sha256        VARCHAR NOT NULL,
  rows_read     BIGINT NOT NULL,
  rows_loaded   BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  skipped       BOOLEAN NOT NULL   -- true when the same content was loaded before
)
;;
CREATE TABLE IF NOT EXISTS etl_reject (
  batch_id    BIGINT NOT NULL,
  file_name   VARCHAR NOT NULL,
  line        BIGINT NOT NULL,
  column_name VARCHAR,
  value       VARCHAR,
  reason      VARCHAR NOT NULL,
  raw_line    VARCHAR
)
;;
-- Reference -----------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ref_region (
  code VARCHAR PRIMARY KEY, level VARCHAR NOT NULL, parent_code VARCHAR,
  name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL, macro_region VARCHAR NOT NULL
)
;;
CREATE TABLE IF NOT EXISTS ref_org_unit (
  org_code VARCHAR PRIMARY KEY, level VARCHAR NOT NULL, parent_code VARCHAR,
  name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL, region_code VARCHAR
)
;;
CREATE TABLE IF NOT EXISTS ref_product (
  plan_code VARCHAR PRIMARY KEY, name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
  family VARCHAR NOT NULL, business_line VARCHAR NOT NULL, monthly_fee DECIMAL(12,2) NOT NULL,
  network_type VARCHAR
)
;;
CREATE TABLE IF NOT EXISTS ref_product_family (
  family VARCHAR PRIMARY KEY, business_line VARCHAR, name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL
)
;;
CREATE TABLE IF NOT EXISTS ref_charge_item (
  charge_item VARCHAR PRIMARY KEY, name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
  category VARCHAR NOT NULL, category_name_zh VARCHAR NOT NULL, category_name_en VARCHAR NOT NULL
)
;;
-- Staging: validated feed rows ------------------------------------------------------------------
-- natural key (as_of, subscriber_id)
CREATE TABLE IF NOT EXISTS stg_subscriber (
  as_of DATE NOT NULL, subscriber_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL,
  msisdn VARCHAR, customer_type VARCHAR NOT NULL, gender VARCHAR, birth_year INTEGER,
  city_code VARCHAR NOT NULL, org_code VARCHAR NOT NULL, channel VARCHAR NOT NULL,
  plan_code VARCHAR NOT NULL, network_type VARCHAR NOT NULL, payment_type VARCHAR NOT NULL,
  vip_level VARCHAR NOT NULL, contract_type VARCHAR NOT NULL, contract_end DATE,
  join_date DATE NOT NULL, status VARCHAR NOT NULL, status_date DATE NOT NULL,
  churn_reason VARCHAR, deposit DECIMAL(12,2), batch_id BIGINT NOT NULL
)
;;
-- natural key (month_key, subscriber_id, charge_item)
CREATE TABLE IF NOT EXISTS stg_billing (
  month_key INTEGER NOT NULL, subscriber_id VARCHAR NOT NULL, plan_code VARCHAR NOT NULL,
  charge_item VARCHAR NOT NULL, amount DECIMAL(14,2) NOT NULL, paid_amount DECIMAL(14,2) NOT NULL,
  due_date DATE NOT NULL, paid_date DATE, batch_id BIGINT NOT NULL
)
;;
-- natural key (usage_date, subscriber_id, service, call_type, peer_network)
CREATE TABLE IF NOT EXISTS stg_usage (
  usage_date DATE NOT NULL, subscriber_id VARCHAR NOT NULL, service VARCHAR NOT NULL,
  call_type VARCHAR NOT NULL, peer_network VARCHAR NOT NULL, events BIGINT NOT NULL,
  duration_sec BIGINT NOT NULL, volume_kb BIGINT NOT NULL, batch_id BIGINT NOT NULL
)
;;
-- natural key (event_time, subscriber_id, event_type, channel)
CREATE TABLE IF NOT EXISTS stg_service_event (
  event_time TIMESTAMP NOT NULL, subscriber_id VARCHAR NOT NULL, event_type VARCHAR NOT NULL,
  severity VARCHAR NOT NULL, channel VARCHAR NOT NULL, duration_sec BIGINT, batch_id BIGINT NOT NULL
)
;;
-- Dimensions ------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS dim_month (
  month_key INTEGER PRIMARY KEY,           -- yyyymm
  month_code VARCHAR NOT NULL,             -- 2025-03
  month_name_zh VARCHAR NOT NULL, month_name_en VARCHAR NOT NULL,
  month_start DATE NOT NULL, month_end DATE NOT NULL,
  quarter_key INTEGER NOT NULL,            -- yyyyq
  quarter_code VARCHAR NOT NULL,           -- 2025-Q1
  quarter_name_zh VARCHAR NOT NULL, quarter_name_en VARCHAR NOT NULL,
  year_key INTEGER NOT NULL,
  year_code VARCHAR NOT NULL,              -- 2025
  year_name_zh VARCHAR NOT NULL, year_name_en VARCHAR NOT NULL
)
;;
-- Day grain, carrying every month column too, so cubes at day grain join one table.
CREATE TABLE IF NOT EXISTS dim_date (
  date_key DATE PRIMARY KEY,
  date_code VARCHAR NOT NULL,              -- 2025-03-31
  month_key INTEGER NOT NULL, month_code VARCHAR NOT NULL,
  month_name_zh VARCHAR NOT NULL, month_name_en VARCHAR NOT NULL,
  month_start DATE NOT NULL, month_end DATE NOT NULL,
  quarter_key INTEGER NOT NULL, quarter_code VARCHAR NOT NULL,
  quarter_name_zh VARCHAR NOT NULL, quarter_name_en VARCHAR NOT NULL,
  year_key INTEGER NOT NULL, year_code VARCHAR NOT NULL,
  year_name_zh VARCHAR NOT NULL, year_name_en VARCHAR NOT NULL
)
;;
-- Maps each source month to the period whose value it contributes to, for time intelligence:
-- kind current (identity), previous_period, same_period_last_year, year_to_date; grain month,
-- quarter or year. target_month_key is the first month of the target period.
CREATE TABLE IF NOT EXISTS dim_time_bridge (
  kind VARCHAR NOT NULL, grain VARCHAR NOT NULL,
  source_month_key INTEGER NOT NULL, target_month_key INTEGER NOT NULL
)
;;
CREATE TABLE IF NOT EXISTS dim_region (
  city_code VARCHAR PRIMARY KEY, city_name_zh VARCHAR, city_name_en VARCHAR,
  province_code VARCHAR, province_name_zh VARCHAR, province_name_en VARCHAR,
  macro_region VARCHAR, macro_region_name_zh VARCHAR, macro_region_name_en VARCHAR,
  macro_region_sort INTEGER,
  country_code VARCHAR, country_name_zh VARCHAR, country_name_en VARCHAR
)
;;
CREATE TABLE IF NOT EXISTS dim_org (
  org_code VARCHAR PRIMARY KEY, org_name_zh VARCHAR, org_name_en VARCHAR,
  city_org_code VARCHAR, city_org_name_zh VARCHAR, city_org_name_en VARCHAR,
  province_org_code VARCHAR, province_org_name_zh VARCHAR, province_org_name_en VARCHAR,
  hq_code VARCHAR, hq_name_zh VARCHAR, hq_name_en VARCHAR
)
;;
CREATE TABLE IF NOT EXISTS dim_product (
  plan_code VARCHAR PRIMARY KEY, plan_name_zh VARCHAR, plan_name_en VARCHAR,
  family VARCHAR, family_name_zh VARCHAR, family_name_en VARCHAR,
  business_line VARCHAR, business_line_name_zh VARCHAR, business_line_name_en VARCHAR,
  monthly_fee DECIMAL(12,2), network_type VARCHAR
)
;;
CREATE TABLE IF NOT EXISTS dim_charge_item (
  charge_item VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR,
  category VARCHAR, category_name_zh VARCHAR, category_name_en VARCHAR
)
;;
-- Subscriber history, type 2: one row per version; a new version starts whenever a tracked
-- attribute differs from the previous snapshot. The first version is valid from 1900-01-01 so
-- facts dated before the first snapshot still find their subscriber.
CREATE TABLE IF NOT EXISTS dim_subscriber (
  subscriber_id VARCHAR NOT NULL, version INTEGER NOT NULL,
  valid_from DATE NOT NULL, valid_to DATE NOT NULL, is_current BOOLEAN NOT NULL,
  customer_id VARCHAR, msisdn VARCHAR, customer_type VARCHAR, gender VARCHAR, birth_year INTEGER,
  city_code VARCHAR, org_code VARCHAR, channel VARCHAR, plan_code VARCHAR, network_type VARCHAR,
  payment_type VARCHAR, vip_level VARCHAR, contract_type VARCHAR, contract_end DATE,
  join_date DATE, status VARCHAR, status_date DATE, churn_reason VARCHAR, deposit DECIMAL(12,2)
)
;;
-- Facts ----------------------------------------------------------------------------------------
-- Every fact row carries the subscriber's attributes as of the fact's date (from dim_subscriber),
-- as keys into the conformed dimensions.
CREATE TABLE IF NOT EXISTS fact_billing (
  month_key INTEGER NOT NULL, subscriber_id VARCHAR NOT NULL, charge_item VARCHAR NOT NULL,
  plan_code VARCHAR NOT NULL,
  amount DECIMAL(14,2) NOT NULL, paid_amount DECIMAL(14,2) NOT NULL,
  outstanding DECIMAL(14,2) NOT NULL,       -- amount - paid_amount
  first_line INTEGER,                       -- 1 on one line per subscriber-month (its first charge item), else 0
  city_code VARCHAR, org_code VARCHAR, customer_type VARCHAR, vip_level VARCHAR, age_band VARCHAR,
  gender VARCHAR, network_type VARCHAR, payment_type VARCHAR, channel VARCHAR,
  contract_type VARCHAR, tenure_band VARCHAR,
  value_segment VARCHAR, lifecycle_stage VARCHAR  -- from fact_subscriber_month of the same month
)
;;
CREATE TABLE IF NOT EXISTS fact_subscriber_month (
  month_key INTEGER NOT NULL, subscriber_id VARCHAR NOT NULL,
  active_start INTEGER NOT NULL,           -- 1 when active on the month's first day
  active_end INTEGER NOT NULL,             -- 1 when active on the month's last day
  is_new INTEGER NOT NULL,                 -- joined within the month
  is_churned INTEGER NOT NULL,             -- became churned within the month
  tenure_months INTEGER NOT NULL,          -- at month end (or at churn)
  revenue DECIMAL(14,2) NOT NULL,          -- sum of the month's bill lines
  billed INTEGER NOT NULL,                 -- 1 when the subscriber has a bill line this month
  churn_reason VARCHAR, status VARCHAR,
  plan_code VARCHAR, city_code VARCHAR, org_code VARCHAR, customer_type VARCHAR, vip_level VARCHAR,
  age_band VARCHAR, gender VARCHAR, network_type VARCHAR, payment_type VARCHAR, channel VARCHAR,
  contract_type VARCHAR, tenure_band VARCHAR,
  -- customer analysis (see docs/customer-analysis.md), recomputed after every batch
  value_segment VARCHAR,                   -- 8-2-4-1: value, secondary, potential, low
  previous_value_segment VARCHAR,          -- last month's segment ('new' when none)
  value_score DOUBLE,                      -- 0..100
  value_tier VARCHAR,                      -- top5, next15, rest
  lifecycle_stage VARCHAR,                 -- acquisition, growth, maturity, decline, churned
  previous_lifecycle_stage VARCHAR,
  signal_count INTEGER,                    -- churn warning signals that fired this month
  signals VARCHAR,                         -- their codes, comma-separated
  sig_competitor_call INTEGER, sig_call_forward INTEGER, sig_keep_number INTEGER,
  sig_bill_drop INTEGER, sig_voluntary_suspension INTEGER, sig_contract_ending INTEGER,
  sig_arrears INTEGER, sig_serious_complaint INTEGER, sig_bill_shock INTEGER,
  warning_score DOUBLE,                    -- estimated probability of churning next month
  warning_type VARCHAR,                    -- care, marketing or none
  at_risk INTEGER                          -- 1 when active at end and warning_score >= the at-risk threshold
)
;;
CREATE TABLE IF NOT EXISTS fact_usage (
  date_key DATE NOT NULL, month_key INTEGER NOT NULL, subscriber_id VARCHAR NOT NULL,
  service VARCHAR NOT NULL, call_type VARCHAR NOT NULL, peer_network VARCHAR NOT NULL,
  events BIGINT NOT NULL, duration_sec BIGINT NOT NULL, volume_kb BIGINT NOT NULL,
  plan_code VARCHAR, city_code VARCHAR, org_code VARCHAR, customer_type VARCHAR, vip_level VARCHAR,
  age_band VARCHAR, gender VARCHAR, network_type VARCHAR, payment_type VARCHAR, channel VARCHAR,
  contract_type VARCHAR, tenure_band VARCHAR
)
;;
CREATE TABLE IF NOT EXISTS fact_service_event (
  event_time TIMESTAMP NOT NULL, date_key DATE NOT NULL, month_key INTEGER NOT NULL,
  subscriber_id VARCHAR NOT NULL, event_type VARCHAR NOT NULL, severity VARCHAR NOT NULL,
  event_channel VARCHAR NOT NULL, duration_sec BIGINT,
  plan_code VARCHAR, city_code VARCHAR, org_code VARCHAR, customer_type VARCHAR, vip_level VARCHAR,
  age_band VARCHAR, gender VARCHAR, network_type VARCHAR, payment_type VARCHAR, channel VARCHAR,
  contract_type VARCHAR, tenure_band VARCHAR
)

;;
-- Customer-analysis settings (name -> value); defaults are written when missing.
CREATE TABLE IF NOT EXISTS analysis_setting (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)
;;
-- Churn warning weights: fitted from history after every batch unless source = 'configured'.
CREATE TABLE IF NOT EXISTS churn_signal_weight (
  signal VARCHAR PRIMARY KEY,
  action_type VARCHAR NOT NULL,            -- care or marketing
  weight DOUBLE NOT NULL,                  -- ln(relative risk of churning next month)
  churn_rate_with DOUBLE,                  -- next-month churn rate among subscribers with the signal
  churn_rate_without DOUBLE,               -- ... among subscribers with no signal
  observations BIGINT,                     -- subscriber-months with the signal in the fitted months
  fitted_from INTEGER, fitted_to INTEGER,  -- month keys fitted on
  source VARCHAR NOT NULL                  -- fitted, default or configured
)
