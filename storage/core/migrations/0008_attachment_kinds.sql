-- Complaints may carry voice notes and videos besides photos and documents (pictures sent
-- "as a file" stay documents). SQLite cannot change a CHECK constraint: rebuild the table.

CREATE TABLE complaint_attachments_new (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER NOT NULL REFERENCES complaints(id),
    kind            TEXT NOT NULL CHECK (kind IN ('photo', 'document', 'voice', 'video')),
    file_id         TEXT NOT NULL,
    file_unique_id  TEXT,
    file_name       TEXT,
    mime_type       TEXT,
    position        INTEGER NOT NULL,
    file_size       INTEGER
);
INSERT INTO complaint_attachments_new
    (id, complaint_id, kind, file_id, file_unique_id, file_name, mime_type, position, file_size)
SELECT id, complaint_id, kind, file_id, file_unique_id, file_name, mime_type, position, file_size
FROM complaint_attachments;
DROP TABLE complaint_attachments;
ALTER TABLE complaint_attachments_new RENAME TO complaint_attachments;
CREATE INDEX complaint_attachments_by_complaint ON complaint_attachments(complaint_id);
