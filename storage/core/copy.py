"""Copy a whole office from one database to another (``marelan-bot copy-db``), e.g. an
SQLite file to PostgreSQL, and prove nothing was lost: every table's row count and a
checksum of its contents, read back from both sides.

The checksum does not depend on the engine or on row order: each row is written out
canonically (NULL, integer, real, text, bytes, each tagged), hashed with SHA-256, and the
hashes are added modulo 2^128. Both databases must be at the same schema version (the
target is migrated first); rows are copied in foreign-key order, a page at a time, in one
transaction on the target, and PostgreSQL's identity sequences then continue after the
highest id copied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from graphlib import TopologicalSorter
from typing import Any

from storage.core.db import Database, Reader, Tx

PAGE = 2000
_MODULUS = 1 << 128


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def ok(self) -> bool:
        return (self.source_rows, self.source_checksum) == (self.target_rows, self.target_checksum)


async def tables(db: Reader) -> list[str]:
    """The office's tables (not the engine's, nor the migration record), parents before
    the tables that refer to them."""
    if db.dialect.postgresql:
        names = await db.fetchall(
            """SELECT table_name AS name FROM information_schema.tables
               WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                 AND table_name <> 'schema_migrations'"""
        )
        links = await db.fetchall(
            """SELECT tc.table_name AS child, ccu.table_name AS parent
               FROM information_schema.table_constraints tc
               JOIN information_schema.constraint_column_usage ccu
                 ON ccu.constraint_name = tc.constraint_name
                AND ccu.constraint_schema = tc.constraint_schema
               WHERE tc.constraint_type = 'FOREIGN KEY'
                 AND tc.table_schema = current_schema()"""
        )
    else:
        names = await db.fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        links = await db.fetchall(
            """SELECT m.name AS child, f."table" AS parent
               FROM sqlite_master m, pragma_foreign_key_list(m.name) f
               WHERE m.type = 'table'"""
        )
    order: TopologicalSorter[str] = TopologicalSorter({r["name"]: set() for r in names})
    for link in links:
        if link["child"] != link["parent"]:
            order.add(link["child"], link["parent"])
    return list(order.static_order())


async def columns(db: Reader, table: str) -> dict[str, str]:
    """Column name -> declared type, in table order."""
    if db.dialect.postgresql:
        rows = await db.fetchall(
            """SELECT column_name AS name, data_type AS type FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = ?
               ORDER BY ordinal_position""",
            (table,),
        )
    else:
        rows = await db.fetchall(
            "SELECT name, type FROM pragma_table_info(?) ORDER BY cid", (table,)
        )
    return {r["name"]: r["type"].lower() for r in rows}


async def primary_key(db: Reader, table: str) -> list[str]:
    if db.dialect.postgresql:
        rows = await db.fetchall(
            """SELECT a.attname AS name FROM pg_index i
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
               WHERE i.indrelid = CAST(CAST(? AS TEXT) AS regclass) AND i.indisprimary
               ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)""",
            (table,),
        )
    else:
        rows = await db.fetchall(
            "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", (table,)
        )
    return [r["name"] for r in rows]


async def count(db: Reader, table: str) -> int:
    return int(await db.fetchval(f"SELECT COUNT(*) FROM {table}"))


async def pages(
    db: Reader, table: str, names: Sequence[str], key: Sequence[str], page: int = PAGE
) -> Any:
    """The table's rows, ``page`` at a time, in key order (keyset pagination)."""
    listed, order = ", ".join(names), ", ".join(key)
    positions = [list(names).index(k) for k in key]
    after: tuple[Any, ...] | None = None
    while True:
        where = ""
        if after is not None:
            marks = ", ".join("?" * len(key))
            where = f"WHERE ({order}) > ({marks})"
        rows = await db.fetchall(
            f"SELECT {listed} FROM {table} {where} ORDER BY {order} LIMIT ?",
            (*(after or ()), page),
        )
        if not rows:
            return
        yield rows
        if len(rows) < page:
            return
        after = tuple(rows[-1][p] for p in positions)


def _canonical(value: Any) -> bytes:
    if value is None:
        return b"N"
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        return b"i" + str(value).encode()
    if isinstance(value, float):
        return b"r" + repr(value).encode()
    if isinstance(value, str):
        return b"s" + value.encode()
    if isinstance(value, bytes | bytearray | memoryview):
        return b"b" + bytes(value).hex().encode()
    raise TypeError(f"unexpected {type(value).__name__} in a row")


def row_hash(values: Sequence[Any]) -> int:
    digest = hashlib.sha256(b"\x1f".join(_canonical(v) for v in values)).digest()
    return int.from_bytes(digest[:16], "big")


async def checksum(db: Reader, table: str, names: Sequence[str]) -> tuple[int, str]:
    """Row count and order-free checksum of ``names`` in ``table``."""
    total, rows = 0, 0
    key = await primary_key(db, table) or list(names)
    async for page in pages(db, table, names, key):
        for row in page:
            total = (total + row_hash(list(row))) % _MODULUS
        rows += len(page)
    return rows, f"{total:032x}"


def _coerce(kind: str) -> Callable[[Any], Any]:
    """SQLite keeps whatever a column was given; PostgreSQL's columns have one type."""
    if kind == "bigint":
        return lambda v: v if v is None or isinstance(v, int) else int(v)
    if kind == "double precision":
        return lambda v: v if v is None else float(v)
    if kind == "text":
        return lambda v: v if v is None or isinstance(v, str) else str(v)
    return lambda v: v


async def _restart_identities(tx: Tx) -> None:
    identities = await tx.fetchall(
        """SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND is_identity = 'YES'"""
    )
    for row in identities:
        table, column = row["table_name"], row["column_name"]
        await tx.fetchval(
            f"""SELECT setval(pg_get_serial_sequence(CAST(? AS TEXT), CAST(? AS TEXT)),
                              (SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}), false)""",
            (table, column),
        )


#: Rows the migrations themselves write (0011: person 0, the placeholder reporter of
#: anonymised complaints): a target holding only these is still empty.
SEEDED = {"people": "telegram_id = 0"}


async def _holds_data(db: Reader, table: str) -> bool:
    seeded = SEEDED.get(table)
    where = f" WHERE NOT ({seeded})" if seeded else ""
    return bool(await db.fetchval(f"SELECT COUNT(*) FROM {table}{where}"))


class CopyRefused(Exception):
    """The copy would lose or mix data; the message says why and what to do."""


async def copy(
    source: Reader,
    target: Database,
    *,
    replace: bool = False,
    progress: Callable[[str, int], Awaitable[None] | None] = lambda table, rows: None,
) -> list[TableCheck]:
    """Copy every row of ``source`` into ``target`` (migrated, same schema version); then
    count and checksum both sides. An empty target is required unless ``replace``."""
    names = await tables(source)
    if set(names) != set(await tables(target)):
        raise CopyRefused("the two databases do not have the same tables")
    filled = [t for t in names if await _holds_data(target, t)]
    if filled and not replace:
        raise CopyRefused(
            f"the target already holds data ({', '.join(filled)}); "
            "copy into an empty database, or pass --replace to empty it first"
        )
    shape = {t: await columns(source, t) for t in names}
    async with target.transaction() as tx:
        for table in reversed(names):
            await tx.execute(f"DELETE FROM {table}")
        for table in names:
            listed = list(shape[table])
            wanted = await columns(tx, table)
            if list(wanted) != listed:
                raise CopyRefused(f"{table}: the columns differ ({listed} / {list(wanted)})")
            convert = [_coerce(wanted[c]) if tx.dialect.postgresql else None for c in listed]
            insert = (
                f"INSERT INTO {table} ({', '.join(listed)}) VALUES ({', '.join('?' * len(listed))})"
            )
            copied = 0
            key = await primary_key(source, table) or listed
            async for page in pages(source, table, listed, key):
                await tx.executemany(
                    insert,
                    [[f(v) if f else v for f, v in zip(convert, row, strict=True)] for row in page],
                )
                copied += len(page)
            shown = progress(table, copied)
            if shown is not None:
                await shown
        if tx.dialect.postgresql:
            await _restart_identities(tx)
    return await compare(source, target, names, shape)


async def compare(
    source: Reader, target: Reader, names: list[str], shape: dict[str, dict[str, str]]
) -> list[TableCheck]:
    checks = []
    for table in names:
        listed = list(shape[table])
        source_rows, source_sum = await checksum(source, table, listed)
        target_rows, target_sum = await checksum(target, table, listed)
        checks.append(TableCheck(table, source_rows, target_rows, source_sum, target_sum))
    return checks
