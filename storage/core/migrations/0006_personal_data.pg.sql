-- Personal data rights (UU 27/2022): erasure on the person's request, and the size of the
-- files a complaint carries (part of the copy a person gets of their data).

-- When the person erased their data. Until they consent again (privacy_accepted_at) their
-- Telegram names are not stored again: the row keeps a placeholder.
ALTER TABLE people ADD COLUMN erased_at BIGINT;

ALTER TABLE complaint_attachments ADD COLUMN file_size BIGINT;
