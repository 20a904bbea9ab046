-- Transparency (issue 16): the office's public channel, public posts a supervisor holds,
-- the office's follow-up to the IKM of a service, and the note a unit writes for the
-- public about a resolved complaint (never the resolution note the citizen got).

CREATE TABLE public_channel (
    id          INTEGER PRIMARY KEY CHECK (id = 1),   -- one channel per office
    chat_id     INTEGER NOT NULL,
    title       TEXT,
    username    TEXT,                                 -- public channels: t.me/<username>
    bound_by    INTEGER NOT NULL,
    bound_at    INTEGER NOT NULL
);

-- A public post (digest_runs kind 'public_weekly' / 'public_monthly') a supervisor held.
-- 'held' until released (it then goes out at its time, or at once when that passed) or
-- published by the release of a post whose time had come while it was held.
CREATE TABLE public_post_holds (
    kind        TEXT NOT NULL,
    period_key  TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'released', 'published')),
    held_by     INTEGER NOT NULL,
    held_at     INTEGER NOT NULL,
    ended_by    INTEGER,
    ended_at    INTEGER,
    PRIMARY KEY (kind, period_key)
);

-- What the office does about a service's weakest unsur (/tindak_lanjut), published with
-- the monthly IKM. period_key: the month whose results it answers (YYYY-MM).
CREATE TABLE ikm_followups (
    id          INTEGER PRIMARY KEY,
    service_code TEXT NOT NULL REFERENCES services(code),
    period_key  TEXT NOT NULL,
    unsur_key   TEXT,
    body        TEXT NOT NULL,
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX ikm_followups_by_service ON ikm_followups(service_code, recorded_at);

-- The public note of a resolved complaint (/catatan_publik), written knowingly for the
-- public page by the unit; the resolution note sent to the citizen is never published.
CREATE TABLE complaint_public_notes (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id),
    body        TEXT NOT NULL,
    written_by  INTEGER NOT NULL,
    written_at  INTEGER NOT NULL
);

-- The public figures count what happened in a period: acknowledged and resolved then.
CREATE INDEX complaints_by_acknowledged ON complaints(acknowledged_at, unit_code, ack_on_time)
    WHERE acknowledged_at IS NOT NULL;
CREATE INDEX complaints_by_resolved ON complaints(
    resolved_at, unit_code, status, resolve_on_time, resolve_work_seconds)
    WHERE resolved_at IS NOT NULL;
