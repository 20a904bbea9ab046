-- Foundation: reference data from the office file, people and roles, invitations,
-- unit groups, the outbox, sent-message references, the audit log, conversation state.
-- Instants are INTEGER Unix seconds (UTC).

CREATE TABLE units (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_en     TEXT,
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE kelurahan (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE categories (
    code              TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    name_en           TEXT NOT NULL,
    unit_code         TEXT NOT NULL REFERENCES units(code),
    acknowledge_days  REAL NOT NULL,
    resolve_days      REAL NOT NULL,
    conduct           INTEGER NOT NULL DEFAULT 0,
    position          INTEGER NOT NULL DEFAULT 0,
    active            INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE services (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_en     TEXT,
    unit_code   TEXT NOT NULL REFERENCES units(code),
    population  INTEGER,
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE people (
    telegram_id   INTEGER PRIMARY KEY,
    first_name    TEXT NOT NULL,
    last_name     TEXT,
    username      TEXT,
    language      TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    role          TEXT NOT NULL DEFAULT 'citizen'
                  CHECK (role IN ('citizen', 'staf', 'kepala', 'supervisor', 'admin')),
    unit_code     TEXT REFERENCES units(code),
    reachable     INTEGER NOT NULL DEFAULT 1,
    started_at    INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX people_by_role ON people(role, unit_code) WHERE role <> 'citizen';

CREATE TABLE invites (
    token_hash  TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('staf', 'kepala', 'supervisor', 'admin')),
    unit_code   TEXT REFERENCES units(code),
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_by     INTEGER,
    used_at     INTEGER
);

CREATE TABLE unit_chats (
    unit_code   TEXT PRIMARY KEY REFERENCES units(code),
    chat_id     INTEGER NOT NULL,
    title       TEXT,
    is_forum    INTEGER NOT NULL DEFAULT 0,
    bound_by    INTEGER NOT NULL,
    bound_at    INTEGER NOT NULL
);
CREATE INDEX unit_chats_by_chat ON unit_chats(chat_id);

-- Every notification caused by a state change, written in the same transaction.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id         INTEGER NOT NULL,
    method          TEXT NOT NULL,
    params          TEXT NOT NULL,
    priority        INTEGER NOT NULL DEFAULT 5,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    crash_retried   INTEGER NOT NULL DEFAULT 0,
    ref_kind        TEXT,
    ref_id          INTEGER,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    message_id      INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_queue ON outbox(chat_id, id) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_pending ON outbox(priority, id) WHERE state = 'pending';

-- Which bot message stands for which object (e.g. the alert of a complaint in a group),
-- so that replies to it and later edits find their subject.
CREATE TABLE message_refs (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    ref_kind    TEXT NOT NULL,
    ref_id      INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX message_refs_by_subject ON message_refs(ref_kind, ref_id);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            INTEGER NOT NULL,
    actor_id      INTEGER,
    action        TEXT NOT NULL,
    subject_kind  TEXT,
    subject_id    TEXT,
    details       TEXT
);
CREATE INDEX audit_by_subject ON audit_log(subject_kind, subject_id);

-- Conversation state and per-user drafts (python-telegram-bot persistence), as JSON.
CREATE TABLE conversation_state (
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    data        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
);
