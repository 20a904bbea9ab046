"""Several offices on one PostgreSQL database, one schema each (issue 17: a city).

An office's data lives in one PostgreSQL schema (``DATABASE_SCHEMA``; unset: ``public``,
as before). The schema travels inside the database target, the PostgreSQL URL, as the
parameter ``schema=<name>``: :func:`in_schema` writes it, the engine
(``storage/core/postgres.py``) reads it, strips it from what it gives asyncpg, and opens
every connection with ``search_path`` set to that schema alone, so the repositories' SQL
(unqualified names) reads and writes only that office's tables.

What PostgreSQL shares across a whole database is named per schema here, so that the
offices on it never meet: the advisory locks (an instance's presence, the named locks
such as the leader's, the migrations' lock) and the channel of the notices commits send.
The ``public`` schema keeps the names of the versions before schemas (processes of an
office in ``public`` agree on them during an upgrade); another schema's are derived from
its name.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit, urlunsplit

#: The office's schema when none is given: PostgreSQL's own default.
DEFAULT_SCHEMA = "public"
#: The URL parameter that carries the schema (read and removed by the engine).
SCHEMA_PARAMETER = "schema"
#: A schema name: a lowercase SQL identifier of at most 63 characters.
SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

#: The channel commits announce their topics on, for the other processes of the office
#: (payload: ``"<instance> <topic>,<topic>"``), and the first keys of the advisory
#: locks (two-key form: an instance, second key its number; a named lock, second key from
#: its name) and the migrations' lock (one key), all of the ``public`` schema.
NOTICES = "marelan_topics"
INSTANCE_LOCKS = 0x4D524C31  # "MRL1"
NAMED_LOCKS = 0x4D524C32  # "MRL2"
MIGRATION_LOCK = 0x6D6172656C616E  # "marelan"
#: PostgreSQL's limit on a channel's name (NAMEDATALEN - 1).
CHANNEL_LENGTH = 63


def schema_problem(schema: str) -> str | None:
    """Why ``schema`` cannot name an office's schema, or None."""
    if not SCHEMA_NAME.match(schema):
        return "not a lowercase identifier (a-z, 0-9 and _, at most 63, not a digit first)"
    if schema.startswith("pg_") or schema == "information_schema":
        return "a name PostgreSQL keeps for itself"
    return None


def split_schema(url: str) -> tuple[str, str]:
    """``(url without the schema parameter, schema)``; the schema is ``public`` when the
    URL names none. The rest of the URL is kept as written."""
    parts = urlsplit(url)
    fields = [field for field in parts.query.split("&") if field]
    named = [f for f in fields if f.partition("=")[0] == SCHEMA_PARAMETER]
    if not named:
        return url, DEFAULT_SCHEMA
    schema = unquote(named[-1].partition("=")[2]) or DEFAULT_SCHEMA
    problem = schema_problem(schema)
    if problem is not None:
        raise ValueError(f"schema {schema!r}: {problem}")
    rest = "&".join(f for f in fields if f not in named)
    return urlunsplit(parts._replace(query=rest)), schema


def in_schema(target: str, schema: str) -> str:
    """The PostgreSQL URL ``target`` pointed at the office whose data is in ``schema``
    (a schema it already names is replaced; ``public`` is no parameter at all)."""
    if not target.startswith(("postgresql://", "postgres://")):
        raise ValueError("an office's schema needs a postgresql:// URL, not an SQLite file")
    problem = schema_problem(schema)
    if problem is not None:
        raise ValueError(f"schema {schema!r}: {problem}")
    url, _ = split_schema(target)
    if schema == DEFAULT_SCHEMA:
        return url
    parts = urlsplit(url)
    query = "&".join(f for f in (parts.query, f"{SCHEMA_PARAMETER}={schema}") if f)
    return urlunsplit(parts._replace(query=query))


def quoted(schema: str) -> str:
    """The schema as an SQL identifier."""
    return '"' + schema.replace('"', '""') + '"'


def _key(purpose: str, schema: str, size: int) -> int:
    """A key from the schema's name, stable across processes and versions: positive and
    below 2^31 for 4 bytes (PostgreSQL shows a lock's first key as an ``oid``)."""
    digest = hashlib.blake2b(f"marelan {purpose} {schema}".encode(), digest_size=size).digest()
    if size == 4:
        return int.from_bytes(digest, "big") & 0x7FFFFFFF
    return int.from_bytes(digest, "big", signed=True)


def notices(schema: str) -> str:
    """The channel the office in ``schema`` sends and hears commit notices on."""
    if schema == DEFAULT_SCHEMA:
        return NOTICES
    channel = f"{NOTICES}_{schema}"
    if len(channel) > CHANNEL_LENGTH:  # '#' is in no schema name: no clash with the above
        channel = f"{NOTICES}#{_key('notices', schema, 8) & 0xFFFFFFFFFFFFFFFF:016x}"
    return channel


def instance_locks(schema: str) -> int:
    """First key of the advisory locks the office's processes hold for their instance."""
    return INSTANCE_LOCKS if schema == DEFAULT_SCHEMA else _key("instances", schema, 4)


def named_locks(schema: str) -> int:
    """First key of the office's named advisory locks (the leader's)."""
    return NAMED_LOCKS if schema == DEFAULT_SCHEMA else _key("locks", schema, 4)


def migration_lock(schema: str) -> int:
    """The transaction-level advisory lock migrating the office's schema takes."""
    return MIGRATION_LOCK if schema == DEFAULT_SCHEMA else _key("migrations", schema, 8)
