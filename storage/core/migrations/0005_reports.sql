-- Supervisor reporting: indexes for the report queries, the digest runs, and files the
-- outbox uploads (charts of the digest), so a queued photo survives a restart.

-- Figures of a period by unit, status, category and kelurahan, in one pass over this
-- index (it carries every column they need). Its order is the GROUP BY order, so SQLite
-- aggregates as it reads instead of sorting the period's rows in a temporary B-tree.
CREATE INDEX complaints_report_dims ON complaints(
    unit_code, status, category_code, kelurahan_code, created_at,
    ack_on_time, resolve_on_time, reopen_count, rating);

-- Totals of a period (the previous period, for the comparison), office-wide and per
-- unit; the per-unit one also serves the weekly chart series.
-- They also carry the working times, so that a short period's median is found by sorting
-- its few values instead of reading the whole value index below.
CREATE INDEX complaints_report_time ON complaints(
    created_at, ack_on_time, resolve_on_time, reopen_count, rating,
    ack_work_seconds, resolve_work_seconds);
CREATE INDEX complaints_report_unit_time ON complaints(
    unit_code, created_at, ack_on_time, resolve_on_time, reopen_count, rating,
    ack_work_seconds, resolve_work_seconds);

-- Medians and 90th percentiles of the working time to acknowledge and to resolve over a
-- long period: read in value order, skipping entries outside the period, up to the wanted
-- rank (ORDER BY value LIMIT 1 OFFSET rank), without sorting the period's values.
CREATE INDEX complaints_ack_work ON complaints(ack_work_seconds, created_at)
    WHERE ack_work_seconds IS NOT NULL;
CREATE INDEX complaints_resolve_work ON complaints(resolve_work_seconds, created_at)
    WHERE resolve_work_seconds IS NOT NULL;
CREATE INDEX complaints_ack_work_by_unit ON complaints(unit_code, ack_work_seconds, created_at)
    WHERE ack_work_seconds IS NOT NULL;
CREATE INDEX complaints_resolve_work_by_unit ON complaints(
    unit_code, resolve_work_seconds, created_at)
    WHERE resolve_work_seconds IS NOT NULL;

-- /terlambat and "overdue now": open complaints by their deadlines.
CREATE INDEX complaints_open_deadlines ON complaints(
    resolve_due_at, ack_due_at, acknowledged_at, unit_code, status)
    WHERE status IN ('baru', 'diterima', 'diproses', 'dibuka_kembali');

-- Staff adoption: did this officer act through the bot in the period?
CREATE INDEX complaint_events_by_actor ON complaint_events(actor_id, at)
    WHERE actor_id IS NOT NULL;

-- Scheduled digests: one row per kind and period, claimed once.
CREATE TABLE digest_runs (
    kind        TEXT NOT NULL,              -- e.g. 'weekly'
    period_key  TEXT NOT NULL,              -- e.g. '2026-11-23' (first day of the week)
    due_at      INTEGER NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent')),
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    recipients  INTEGER,
    PRIMARY KEY (kind, period_key)
);
CREATE INDEX digest_runs_pending ON digest_runs(due_at) WHERE state = 'pending';

-- Files an outbox row uploads (params carry "upload_ref": [field, id, file name]).
CREATE TABLE outbox_files (
    id          INTEGER PRIMARY KEY,
    data        BLOB NOT NULL,
    created_at  INTEGER NOT NULL
);
