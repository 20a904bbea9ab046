-- Complaints: the case file, its evidence, its timeline, its deadline checks.

ALTER TABLE people ADD COLUMN privacy_accepted_at INTEGER;

CREATE TABLE complaint_counters (
    period  TEXT PRIMARY KEY,          -- YYMM of the tracking number
    last    INTEGER NOT NULL
);

CREATE TABLE complaints (
    id                  INTEGER PRIMARY KEY,
    number              TEXT NOT NULL UNIQUE,          -- MRL-YYMM-NNNN
    draft_key           TEXT NOT NULL UNIQUE,          -- makes "Kirim" idempotent
    reporter_id         INTEGER NOT NULL REFERENCES people(telegram_id),
    confidential        INTEGER NOT NULL DEFAULT 0,
    category_code       TEXT NOT NULL REFERENCES categories(code),
    kelurahan_code      TEXT REFERENCES kelurahan(code),
    unit_code           TEXT NOT NULL REFERENCES units(code),   -- handling unit now
    named_unit_code     TEXT REFERENCES units(code),            -- conduct: the officer's unit
    description         TEXT NOT NULL,
    latitude            REAL,
    longitude           REAL,
    status              TEXT NOT NULL DEFAULT 'baru' CHECK (status IN
                        ('baru', 'diterima', 'diproses', 'menunggu_warga', 'selesai',
                         'ditutup', 'dibuka_kembali')),
    status_before_wait  TEXT,
    assignee_id         INTEGER REFERENCES people(telegram_id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    ack_started_at      INTEGER NOT NULL,
    ack_span            INTEGER NOT NULL,     -- working seconds granted to acknowledge
    ack_due_at          INTEGER NOT NULL,
    resolve_started_at  INTEGER NOT NULL,
    resolve_span        INTEGER NOT NULL,     -- working seconds granted to resolve
    resolve_due_at      INTEGER NOT NULL,
    paused_at           INTEGER,
    paused_work_seconds INTEGER NOT NULL DEFAULT 0,  -- clock stopped, waiting for the citizen
    acknowledged_at     INTEGER,
    first_response_at   INTEGER,
    resolved_at         INTEGER,
    closed_at           INTEGER,
    ack_work_seconds    INTEGER,      -- working time to acknowledge (for reporting)
    resolve_work_seconds INTEGER,     -- working time to resolve, pauses excluded
    ack_on_time         INTEGER,
    resolve_on_time     INTEGER,
    reopen_count        INTEGER NOT NULL DEFAULT 0,
    cycle               INTEGER NOT NULL DEFAULT 0,   -- bumps on reopen: new deadlines, new checks
    resolution_note     TEXT,
    rating              INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment      TEXT,
    rated_at            INTEGER
);
CREATE INDEX complaints_by_reporter ON complaints(reporter_id, created_at DESC);
CREATE INDEX complaints_open_by_unit ON complaints(unit_code, status, resolve_due_at)
    WHERE status NOT IN ('selesai', 'ditutup');
CREATE INDEX complaints_by_created ON complaints(created_at);

CREATE TABLE complaint_attachments (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER NOT NULL REFERENCES complaints(id),
    kind            TEXT NOT NULL CHECK (kind IN ('photo', 'document')),
    file_id         TEXT NOT NULL,
    file_unique_id  TEXT,
    file_name       TEXT,
    mime_type       TEXT,
    position        INTEGER NOT NULL
);
CREATE INDEX complaint_attachments_by_complaint ON complaint_attachments(complaint_id);

-- The timeline: every change and message, who and when, and whether the citizen sees it.
CREATE TABLE complaint_events (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER NOT NULL REFERENCES complaints(id),
    at              INTEGER NOT NULL,
    actor_id        INTEGER,                 -- NULL: the system (deadline checks)
    kind            TEXT NOT NULL,
    from_status     TEXT,
    to_status       TEXT,
    unit_code       TEXT,
    public          INTEGER NOT NULL DEFAULT 0,
    body            TEXT,
    data            TEXT
);
CREATE INDEX complaint_events_by_complaint ON complaint_events(complaint_id, id);
CREATE INDEX complaint_events_by_time ON complaint_events(at);

-- Where alerts about a complaint were posted, so later edits reach every copy.
CREATE TABLE complaint_alerts (
    complaint_id    INTEGER NOT NULL REFERENCES complaints(id),
    chat_id         INTEGER NOT NULL,
    unit_code       TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (complaint_id, chat_id)
);

-- Deadline checks (75% reminder, breach escalation, auto-close). Each fires at most once
-- per (complaint, kind, cycle); rescheduling only moves due_at of a pending check.
CREATE TABLE complaint_checks (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER NOT NULL REFERENCES complaints(id),
    kind            TEXT NOT NULL CHECK (kind IN
                    ('ack_warn', 'ack_breach', 'resolve_warn', 'resolve_breach', 'autoclose')),
    cycle           INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'done', 'cancelled')),
    fired_at        INTEGER,
    UNIQUE (complaint_id, kind, cycle)
);
CREATE INDEX complaint_checks_due ON complaint_checks(due_at) WHERE state = 'pending';

-- ForceReply prompts waiting for an answer (group flows run in privacy mode).
CREATE TABLE prompts (
    chat_id         INTEGER NOT NULL,
    message_id      INTEGER NOT NULL,
    subject_kind    TEXT NOT NULL,
    subject_id      INTEGER NOT NULL,
    action          TEXT NOT NULL,
    argument        TEXT,
    actor_id        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
