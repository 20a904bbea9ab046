"""Storage infrastructure: the database, migrations, the outbox, conversations, the audit log."""
