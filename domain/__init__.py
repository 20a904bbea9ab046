"""The closed vocabularies every layer shares: the statuses, states and kinds a row may
hold, as ``StrEnum`` (each member is the very string stored, so the database needs no
migration and a member compares equal to the stored text), and the typed records that
carry a change's details.

It imports nothing of the project (nor Telegram, nor the database): ``storage/`` types
its rows with it without importing ``bot``, and pure rules use it without storage.
``tests/test_domain_vocabulary.py`` checks that the schema's CHECK constraints and the
values written in SQL text name exactly these members.
"""
