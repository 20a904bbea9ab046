-- The SKM survey (PermenPANRB 14/2017): one row per submitted questionnaire, its answers
-- by unsur key (never by position), and an index that keeps the IKM aggregation in SQL.

CREATE TABLE survey_responses (
    id              INTEGER PRIMARY KEY,
    draft_key       TEXT NOT NULL UNIQUE,            -- makes "Kirim" idempotent
    respondent_id   INTEGER NOT NULL REFERENCES people(telegram_id),
    service_code    TEXT NOT NULL REFERENCES services(code),
    unit_code       TEXT NOT NULL REFERENCES units(code),  -- the service's unit when answered
    submitted_at    INTEGER NOT NULL,
    source          TEXT NOT NULL CHECK (source IN ('command', 'menu', 'link', 'invite')),
    complaint_id    INTEGER REFERENCES complaints(id),     -- invited after this complaint
    gender          TEXT,
    age_range       TEXT,
    education       TEXT,
    occupation      TEXT,
    suggestion      TEXT
);
CREATE INDEX survey_responses_by_time ON survey_responses(submitted_at, service_code, unit_code);
CREATE INDEX survey_responses_by_person
    ON survey_responses(respondent_id, service_code, submitted_at DESC);

CREATE TABLE survey_answers (
    response_id     INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    unsur           TEXT NOT NULL CHECK (unsur IN
                    ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9')),
    score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
    PRIMARY KEY (response_id, unsur)
) WITHOUT ROWID;
