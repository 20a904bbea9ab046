-- Since when the bot cannot reach a person (they blocked it), so that when they write
-- again they can be told which of their complaints changed meanwhile. NULL: reachable.

ALTER TABLE people ADD COLUMN unreachable_since BIGINT;
