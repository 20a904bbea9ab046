-- When a complaint was closed because its reporter withdrew it by erasing their personal
-- data (UU 27/2022). Such a complaint is shown as withdrawn, not as done. NULL otherwise.

ALTER TABLE complaints ADD COLUMN withdrawn_at BIGINT;
