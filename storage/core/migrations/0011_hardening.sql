-- Issue 14, hardening.
-- ForceReply prompts are recorded before they are posted: the intent first (no message
-- yet), then the message id once Telegram answered. A reply to a prompt whose message id
-- was never saved (a crash in between) is matched to the intent by chat and replier.
CREATE TABLE reply_prompts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id         INTEGER NOT NULL,
    message_id      INTEGER,
    subject_kind    TEXT NOT NULL,
    subject_id      INTEGER NOT NULL,
    action          TEXT NOT NULL,
    argument        TEXT,
    actor_id        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX reply_prompts_message ON reply_prompts(chat_id, message_id);
CREATE INDEX reply_prompts_unposted ON reply_prompts(chat_id, actor_id) WHERE message_id IS NULL;
INSERT INTO reply_prompts (chat_id, message_id, subject_kind, subject_id, action, argument,
                           actor_id, created_at)
    SELECT chat_id, message_id, subject_kind, subject_id, action, argument, actor_id, created_at
    FROM prompts WHERE subject_kind = 'complaint';
DELETE FROM prompts WHERE subject_kind = 'complaint';

-- People an admin blocked (/blokir): the bot ignores them after one notice.
CREATE TABLE blocked_people (
    telegram_id     INTEGER PRIMARY KEY,
    reason          TEXT,
    blocked_by      INTEGER NOT NULL,
    blocked_at      INTEGER NOT NULL,
    notified_at     INTEGER
);

-- Retention: a closed complaint's personal data is anonymised after RETENTION_MONTHS.
-- Its reporter becomes the placeholder person 0 (no Telegram account has that id).
ALTER TABLE complaints ADD COLUMN anonymised_at INTEGER;
INSERT INTO people (telegram_id, first_name, language, role, reachable, created_at, updated_at)
    VALUES (0, '(anonim)', 'id', 'citizen', 0, 0, 0)
    ON CONFLICT (telegram_id) DO NOTHING;
