-- Which data directory a default (H2) metadata store was made for. A copy of the directory, taken
-- while no server ran, carries the store along; a server finding another directory recorded here
-- does not fire the schedules (they would go out twice, from the original and the copy) until
-- told to adopt them. Portable SQL (H2 and PostgreSQL).
create table metadata_store (
  id          varchar(36)   primary key,
  data_dir    varchar(1000) not null,
  created_at  timestamp with time zone not null
);
