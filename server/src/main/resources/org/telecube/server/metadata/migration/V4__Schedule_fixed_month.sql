-- A schedule may name a fixed report month (report_month, YYYY-MM) instead of one relative to the
-- fire time (month_offset): exactly one of the two is set. Portable to H2 and PostgreSQL.

alter table report_schedule add column report_month varchar(7);

alter table report_schedule alter column month_offset drop not null;

alter table report_schedule add constraint report_schedule_one_month
  check ((month_offset is null and report_month is not null) or (month_offset is not null and report_month is null));
