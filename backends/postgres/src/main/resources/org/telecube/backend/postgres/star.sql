-- TeleCube star on PostgreSQL: the tables the queries read, as the ETL publishes them from its DuckDB
-- work area (backends/duckdb/.../star.sql). Same table and column names, column order and type family
-- (VARCHAR -> varchar, DECIMAL(p,s) -> numeric(p,s), DOUBLE -> double precision); PostgresBackendTest
-- compares the two. No ref_* / stg_* tables: validation and derivation happen in the work area.
-- The enumeration tables (dim_<name>) come from the model and are written by PostgresStar.
-- Statements are separated by a line holding only ';;'.

-- Publication ledger: one row per publication, the last one names the batch and the work area.
CREATE TABLE IF NOT EXISTS telecube_publication (
  batch_id     bigint NOT NULL,
  work_area    varchar NOT NULL,
  published_at timestamptz NOT NULL
)
;;
CREATE TABLE IF NOT EXISTS etl_batch (
  batch_id      bigint PRIMARY KEY,
  started_at    timestamp NOT NULL,
  finished_at   timestamp,
  rows_read     bigint,
  rows_loaded   bigint,
  rows_rejected bigint,
  note          varchar
)
;;
-- Calendar ------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS dim_month (
  month_key integer PRIMARY KEY,
  month_code varchar NOT NULL,
  month_name_zh varchar NOT NULL, month_name_en varchar NOT NULL,
  month_start date NOT NULL, month_end date NOT NULL,
  quarter_key integer NOT NULL,
  quarter_code varchar NOT NULL,
  quarter_name_zh varchar NOT NULL, quarter_name_en varchar NOT NULL,
  year_key integer NOT NULL,
  year_code varchar NOT NULL,
  year_name_zh varchar NOT NULL, year_name_en varchar NOT NULL
)
;;
CREATE TABLE IF NOT EXISTS dim_date (
  date_key date PRIMARY KEY,
  date_code varchar NOT NULL,
  month_key integer NOT NULL, month_code varchar NOT NULL,
  month_name_zh varchar NOT NULL, month_name_en varchar NOT NULL,
  month_start date NOT NULL, month_end date NOT NULL,
  quarter_key integer NOT NULL, quarter_code varchar NOT NULL,
  quarter_name_zh varchar NOT NULL, quarter_name_en varchar NOT NULL,
  year_key integer NOT NULL, year_code varchar NOT NULL,
  year_name_zh varchar NOT NULL, year_name_en varchar NOT NULL
)
;;
CREATE TABLE IF NOT EXISTS dim_time_bridge (
  kind varchar NOT NULL, grain varchar NOT NULL,
  source_month_key integer NOT NULL, target_month_key integer NOT NULL
)
;;
CREATE INDEX IF NOT EXISTS dim_time_bridge_source_idx ON dim_time_bridge (kind, grain, source_month_key)
;;
-- Conformed dimensions ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS dim_region (
  city_code varchar PRIMARY KEY, city_name_zh varchar, city_name_en varchar,
  province_code varchar, province_name_zh varchar, province_name_en varchar,
  macro_region varchar, macro_region_name_zh varchar, macro_region_name_en varchar,
  macro_region_sort integer,
  country_code varchar, country_name_zh varchar, country_name_en varchar
)
;;
CREATE TABLE IF NOT EXISTS dim_org (
  org_code varchar PRIMARY KEY, org_name_zh varchar, org_name_en varchar,
  city_org_code varchar, city_org_name_zh varchar, city_org_name_en varchar,
  province_org_code varchar, province_org_name_zh varchar, province_org_name_en varchar,
  hq_code varchar, hq_name_zh varchar, hq_name_en varchar
)
;;
CREATE TABLE IF NOT EXISTS dim_product (
  plan_code varchar PRIMARY KEY, plan_name_zh varchar, plan_name_en varchar,
  family varchar, family_name_zh varchar, family_name_en varchar,
  business_line varchar, business_line_name_zh varchar, business_line_name_en varchar,
  monthly_fee numeric(12,2), network_type varchar
)
;;
CREATE TABLE IF NOT EXISTS dim_charge_item (
  charge_item varchar PRIMARY KEY, name_zh varchar, name_en varchar,
  category varchar, category_name_zh varchar, category_name_en varchar
)
;;
CREATE TABLE IF NOT EXISTS dim_subscriber (
  subscriber_id varchar NOT NULL, version integer NOT NULL,
  valid_from date NOT NULL, valid_to date NOT NULL, is_current boolean NOT NULL,
  customer_id varchar, msisdn varchar, customer_type varchar, gender varchar, birth_year integer,
  city_code varchar, org_code varchar, channel varchar, plan_code varchar, network_type varchar,
  payment_type varchar, vip_level varchar, contract_type varchar, contract_end date,
  join_date date, status varchar, status_date date, churn_reason varchar, deposit numeric(12,2)
)
;;
CREATE INDEX IF NOT EXISTS dim_subscriber_id_idx ON dim_subscriber (subscriber_id, valid_from)
;;
-- Facts ----------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS fact_billing (
  month_key integer NOT NULL, subscriber_id varchar NOT NULL, charge_item varchar NOT NULL,
  plan_code varchar NOT NULL,
  amount numeric(14,2) NOT NULL, paid_amount numeric(14,2) NOT NULL,
  outstanding numeric(14,2) NOT NULL,
  first_line integer,
  city_code varchar, org_code varchar, customer_type varchar, vip_level varchar, age_band varchar,
  gender varchar, network_type varchar, payment_type varchar, channel varchar,
  contract_type varchar, tenure_band varchar,
  value_segment varchar, lifecycle_stage varchar
)
;;
CREATE INDEX IF NOT EXISTS fact_billing_month_idx ON fact_billing (month_key)
;;
CREATE TABLE IF NOT EXISTS fact_subscriber_month (
  month_key integer NOT NULL, subscriber_id varchar NOT NULL,
  active_start integer NOT NULL,
  active_end integer NOT NULL,
  is_new integer NOT NULL,
  is_churned integer NOT NULL,
  tenure_months integer NOT NULL,
  revenue numeric(14,2) NOT NULL,
  billed integer NOT NULL,
  churn_reason varchar, status varchar,
  plan_code varchar, city_code varchar, org_code varchar, customer_type varchar, vip_level varchar,
  age_band varchar, gender varchar, network_type varchar, payment_type varchar, channel varchar,
  contract_type varchar, tenure_band varchar,
  value_segment varchar,
  previous_value_segment varchar,
  value_score double precision,
  value_tier varchar,
  lifecycle_stage varchar,
  previous_lifecycle_stage varchar,
  signal_count integer,
  signals varchar,
  sig_competitor_call integer, sig_call_forward integer, sig_keep_number integer,
  sig_bill_drop integer, sig_voluntary_suspension integer, sig_contract_ending integer,
  sig_arrears integer, sig_serious_complaint integer, sig_bill_shock integer,
  warning_score double precision,
  warning_type varchar,
  at_risk integer
)
;;
CREATE INDEX IF NOT EXISTS fact_subscriber_month_month_idx ON fact_subscriber_month (month_key)
;;
CREATE INDEX IF NOT EXISTS fact_subscriber_month_subscriber_idx ON fact_subscriber_month (subscriber_id, month_key)
;;
CREATE TABLE IF NOT EXISTS fact_usage (
  date_key date NOT NULL, month_key integer NOT NULL, subscriber_id varchar NOT NULL,
  service varchar NOT NULL, call_type varchar NOT NULL, peer_network varchar NOT NULL,
  events bigint NOT NULL, duration_sec bigint NOT NULL, volume_kb bigint NOT NULL,
  plan_code varchar, city_code varchar, org_code varchar, customer_type varchar, vip_level varchar,
  age_band varchar, gender varchar, network_type varchar, payment_type varchar, channel varchar,
  contract_type varchar, tenure_band varchar
)
;;
CREATE INDEX IF NOT EXISTS fact_usage_month_idx ON fact_usage (month_key)
;;
CREATE TABLE IF NOT EXISTS fact_service_event (
  event_time timestamp NOT NULL, date_key date NOT NULL, month_key integer NOT NULL,
  subscriber_id varchar NOT NULL, event_type varchar NOT NULL, severity varchar NOT NULL,
  event_channel varchar NOT NULL, duration_sec bigint,
  plan_code varchar, city_code varchar, org_code varchar, customer_type varchar, vip_level varchar,
  age_band varchar, gender varchar, network_type varchar, payment_type varchar, channel varchar,
  contract_type varchar, tenure_band varchar
)
;;
CREATE INDEX IF NOT EXISTS fact_service_event_month_idx ON fact_service_event (month_key)
