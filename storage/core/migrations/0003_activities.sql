-- Scheduled activities: ASN trainings (pelatihan) and citizen forums (forum warga), one
-- concept with an audience, a time, invitations with RSVP, reminders, attendance, JP
-- credits; forum subscriptions; the monthly JP nudge. Instants are INTEGER Unix seconds.

CREATE TABLE activities (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('pelatihan', 'forum')),
    title               TEXT NOT NULL,
    starts_at           INTEGER NOT NULL,
    minutes             INTEGER NOT NULL CHECK (minutes > 0),
    place               TEXT NOT NULL,
    jp                  INTEGER NOT NULL DEFAULT 0 CHECK (jp >= 0),  -- credited per attendee
    cost_rupiah         INTEGER NOT NULL DEFAULT 0 CHECK (cost_rupiah >= 0),
    all_staff           INTEGER NOT NULL DEFAULT 0,  -- audience: every ASN
    public              INTEGER NOT NULL DEFAULT 0,  -- audience: subscribed citizens (forums)
    organiser_id        INTEGER NOT NULL REFERENCES people(telegram_id),
    status              TEXT NOT NULL DEFAULT 'terjadwal'
                        CHECK (status IN ('terjadwal', 'dibatalkan')),
    revision            INTEGER NOT NULL DEFAULT 0,  -- bumps when the time moves: new reminders
    draft_key           TEXT NOT NULL UNIQUE,        -- makes "Simpan" idempotent
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    cancelled_at        INTEGER,
    attendance_saved_at INTEGER
);
CREATE INDEX activities_by_start ON activities(starts_at);

-- Units chosen as audience (besides "Semua staf" and "Publik").
CREATE TABLE activity_units (
    activity_id     INTEGER NOT NULL REFERENCES activities(id),
    unit_code       TEXT NOT NULL REFERENCES units(code),
    PRIMARY KEY (activity_id, unit_code)
);

-- Who is invited, their answer, and their attendance once the organiser saved it.
CREATE TABLE activity_invitations (
    activity_id     INTEGER NOT NULL REFERENCES activities(id),
    person_id       INTEGER NOT NULL REFERENCES people(telegram_id),
    source          TEXT NOT NULL DEFAULT 'invited' CHECK (source IN ('invited', 'self')),
    invited_at      INTEGER NOT NULL,
    response        TEXT NOT NULL DEFAULT 'none' CHECK (response IN ('none', 'yes', 'no')),
    responded_at    INTEGER,
    checked         INTEGER NOT NULL DEFAULT 0,  -- the organiser's checklist before "Simpan"
    attended        INTEGER,                     -- NULL until attendance is saved
    PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX activity_invitations_by_person ON activity_invitations(person_id);

-- The timeline of an activity: created, answers, changes, reminders, attendance.
CREATE TABLE activity_events (
    id              INTEGER PRIMARY KEY,
    activity_id     INTEGER NOT NULL REFERENCES activities(id),
    at              INTEGER NOT NULL,
    actor_id        INTEGER,                     -- NULL: the system (reminders)
    kind            TEXT NOT NULL,
    data            TEXT
);
CREATE INDEX activity_events_by_activity ON activity_events(activity_id, id);

-- Reminders (one row per activity x offset x revision; recipients are resolved when it
-- fires) and the attendance checklist (due at the end). Each row is claimed once.
CREATE TABLE activity_reminders (
    id              INTEGER PRIMARY KEY,
    activity_id     INTEGER NOT NULL REFERENCES activities(id),
    kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'checklist')),
    offset_minutes  INTEGER NOT NULL,
    revision        INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'missed', 'cancelled')),
    fired_at        INTEGER,
    recipients      INTEGER,
    UNIQUE (activity_id, kind, offset_minutes, revision)
);
CREATE INDEX activity_reminders_due ON activity_reminders(due_at) WHERE state = 'pending';

-- JP credited for attending a training, counted in the year of the training.
CREATE TABLE jp_credits (
    person_id       INTEGER NOT NULL REFERENCES people(telegram_id),
    activity_id     INTEGER NOT NULL REFERENCES activities(id),
    year            INTEGER NOT NULL,
    jp              INTEGER NOT NULL,
    credited_at     INTEGER NOT NULL,
    PRIMARY KEY (person_id, activity_id)
);
CREATE INDEX jp_credits_by_year ON jp_credits(year, person_id);

-- "Beri tahu saya forum berikutnya": invited to every new public forum.
CREATE TABLE forum_subscriptions (
    person_id       INTEGER PRIMARY KEY REFERENCES people(telegram_id),
    subscribed_at   INTEGER NOT NULL
);

-- The monthly nudge to staff below the pro-rata JP target, once per month.
CREATE TABLE jp_nudges (
    period          TEXT PRIMARY KEY,            -- YYYY-MM
    due_at          INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'missed')),
    fired_at        INTEGER,
    recipients      INTEGER
);
