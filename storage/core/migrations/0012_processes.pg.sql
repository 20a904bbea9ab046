-- Issue 17, several processes on one database: the process that claimed an outbox row
-- (its instance number), so that only rows of a process that is gone are recovered.
ALTER TABLE outbox ADD COLUMN claimed_by BIGINT;
