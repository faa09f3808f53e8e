-- Quartz's cluster locks are rows it inserts on first use. On a fresh store a server's scheduler
-- thread and a request saving a schedule can both insert the same row; on PostgreSQL the loser's
-- whole transaction is aborted and its COMMIT silently becomes a ROLLBACK. Inserting the rows
-- here takes that race away. 'telecube' is the scheduler name (QuartzConfiguration).
insert into QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) values ('telecube', 'TRIGGER_ACCESS');
insert into QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) values ('telecube', 'STATE_ACCESS');
