-- Report distribution by scope (bursting): a schedule may address a role at an org level ("every
-- province manager") instead of addresses; each recipient's delivery is its own row, keyed by
-- schedule, fire time and recipient, so each is sent once. Portable SQL (H2 and PostgreSQL).
alter table report_schedule add column audience_role varchar(16);
alter table report_schedule add column audience_level varchar(16);
alter table report_delivery add column recipient_username varchar(64);
