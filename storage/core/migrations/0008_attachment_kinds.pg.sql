-- Complaints may carry voice notes and videos besides photos and documents (pictures sent
-- "as a file" stay documents). PostgreSQL changes the CHECK constraint in place (SQLite
-- rebuilds the table).

ALTER TABLE complaint_attachments
    DROP CONSTRAINT complaint_attachments_kind_check,
    ADD CONSTRAINT complaint_attachments_kind_check
        CHECK (kind IN ('photo', 'document', 'voice', 'video'));
