"""Where SQLite and PostgreSQL speak differently, and the one translation between them.

Repository SQL is written once, in the dialect both engines understand: ``?`` or
``:name`` placeholders, ``INSERT ... ON CONFLICT ... DO NOTHING/UPDATE``, ``RETURNING``,
``COUNT(*) FILTER (WHERE ...)``, ``IS [NOT] DISTINCT FROM``, ``CASE`` instead of
two-argument ``MIN``/``MAX``, ``CAST(? AS TEXT)`` where a parameter's type is not clear
from its context, and integers 0/1 for booleans (the columns are INTEGER on both).

What is left differs in a few queries only; they ask the :class:`Dialect` of the reader
they were given (``db.dialect``) for the fragment:

- :meth:`Dialect.each` / :meth:`Dialect.array`: a list parameter read as a table
  (``json_each`` of a JSON text on SQLite, ``unnest`` of an array on PostgreSQL);
- :meth:`Dialect.json_text`: a value inside a JSON text column.

SQLite's planner hint ``INDEXED BY`` stays in the SQL (a fresh SQLite database has no
statistics); PostgreSQL plans with its own (autovacuum analyses), so it is dropped there.

:func:`postgresql_sql` is the only rewriting of SQL text: placeholders become ``$1..$n``
and ``INDEXED BY`` hints are dropped. It runs once per distinct statement (cached).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

ElementType = Literal["bigint", "text"]


@dataclass(frozen=True)
class Dialect:
    """The SQL differences of one engine; ``db.dialect`` on every reader and transaction."""

    name: Literal["sqlite", "postgresql"]

    @property
    def postgresql(self) -> bool:
        return self.name == "postgresql"

    @property
    def skip_locked(self) -> str:
        """Appended to a ``SELECT`` that picks rows to claim: on PostgreSQL, rows another
        process is claiming right now are passed over instead of waited for (SQLite has
        one writer, so nothing to add)."""
        return " FOR UPDATE SKIP LOCKED" if self.postgresql else ""

    def each(self, alias: str, param: str = "?", of: ElementType = "bigint") -> str:
        """A list parameter (made with :meth:`array`) as a table ``alias`` with columns
        ``value`` and ``key`` (its position from 0), for ``FROM``/``JOIN``/``IN``."""
        if self.postgresql:
            return (
                f"(SELECT value, ordinality - 1 AS key FROM unnest(CAST({param} AS {of}[]))"
                f" WITH ORDINALITY AS listed(value, ordinality)) AS {alias}"
            )
        return f"json_each({param}) AS {alias}"

    def array(self, values: Sequence[int] | Sequence[str]) -> Any:
        """The parameter value :meth:`each` reads."""
        return list(values) if self.postgresql else json.dumps(list(values))

    def json_text(self, column: str, *path: str | int) -> str:
        """The value at ``path`` inside the JSON text ``column``, as TEXT (NULL if absent):
        ``json_text("params", "message_ref", 1)``."""
        if self.postgresql:
            keys = ",".join(str(step) for step in path)
            return f"(CAST({column} AS jsonb) #>> '{{{keys}}}')"
        steps = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)
        return f"CAST(json_extract({column}, '${steps}') AS TEXT)"


SQLITE = Dialect("sqlite")
POSTGRESQL = Dialect("postgresql")

# Everything that may hold a '?' or ':name' that is not a placeholder comes first.
_TOKENS = re.compile(
    r"""'(?:[^']|'')*'        # string literal
      | "(?:[^"]|"")*"        # quoted identifier
      | --[^\n]*              # comment
      | /\*.*?\*/             # block comment
      | ::                    # PostgreSQL cast
      | (?P<positional>\?)
      | :(?P<named>[A-Za-z_]\w*)
      | \bINDEXED\s+BY\s+\w+  # SQLite planner hint
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)


@dataclass(frozen=True)
class Translated:
    """A statement for PostgreSQL and how to order its parameters."""

    sql: str
    names: tuple[str, ...] | None  # named placeholders in $n order; None: positional

    def arguments(self, params: Sequence[Any] | Mapping[str, Any]) -> list[Any]:
        if self.names is not None:
            if not isinstance(params, Mapping):
                raise TypeError("this statement has named placeholders: pass a dict")
            values: Sequence[Any] = [params[name] for name in self.names]
        elif isinstance(params, Mapping):
            raise TypeError("this statement has ? placeholders: pass a sequence")
        else:
            values = params
        # Booleans are INTEGER columns on both engines.
        return [int(v) if isinstance(v, bool) else v for v in values]


@lru_cache(maxsize=2048)
def postgresql_sql(sql: str) -> Translated:
    """``?`` and ``:name`` become ``$1..$n`` (one number per name), ``INDEXED BY`` goes."""
    names: list[str] = []
    positional = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal positional
        if match.group("positional"):
            positional += 1
            return f"${positional}"
        name = match.group("named")
        if name:
            if name not in names:
                names.append(name)
            return f"${names.index(name) + 1}"
        text = match.group(0)
        return "" if text[:1].upper() == "I" else text

    translated = _TOKENS.sub(replace, sql)
    if positional and names:
        raise ValueError(f"mixed ? and :name placeholders in {sql!r}")
    return Translated(translated, tuple(names) if names else None)
