"""Callback data: small, typed, versioned records, parsed strictly.

Wire format: ``v1:<domain>:<action>[:<arg>...]``, at most 64 bytes. A modified client can
send anything, so parsing never trusts the text: unknown versions, domains, actions or
arguments of the wrong shape raise :class:`BadCallback`, which handlers answer with a
neutral alert. Authorisation is separate and always done on the server.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import ClassVar, Self, TypeVar, dataclass_transform

VERSION = "v1"
MAX_BYTES = 64
_ARG = re.compile(r"^[A-Za-z0-9_\-]{1,24}$")


class BadCallback(ValueError):
    """Callback data that we did not produce (stale, corrupted or forged)."""


@dataclass(frozen=True)
class Callback:
    """Base of all callback records. Subclasses set ``domain``/``action`` and declare
    ``int``/``str`` fields, which become the colon-separated arguments in order."""

    domain: ClassVar[str]
    action: ClassVar[str]

    def encode(self) -> str:
        args = [str(getattr(self, f.name)) for f in fields(self)]
        for arg in args:
            if not _ARG.match(arg):
                raise ValueError(f"callback argument {arg!r} is not encodable")
        data = ":".join([VERSION, self.domain, self.action, *args])
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data too long: {data!r}")
        return data

    @classmethod
    def prefix(cls) -> str:
        return f"{VERSION}:{cls.domain}:{cls.action}"

    @classmethod
    def matches(cls, data: object) -> bool:
        """For ``CallbackQueryHandler(pattern=Record.matches)``: route by prefix only; the
        handler then calls :meth:`parse`, which may still reject the arguments."""
        prefix = cls.prefix()
        return isinstance(data, str) and (data == prefix or data.startswith(prefix + ":"))

    @classmethod
    def parse(cls, data: str | None) -> Self:
        if not data or len(data.encode()) > MAX_BYTES:
            raise BadCallback(data)
        parts = data.split(":")
        declared = fields(cls)
        if parts[:3] != [VERSION, cls.domain, cls.action] or len(parts) != 3 + len(declared):
            raise BadCallback(data)
        values: list[object] = []
        for field, raw in zip(declared, parts[3:], strict=True):
            if not _ARG.match(raw):
                raise BadCallback(data)
            if field.type in (int, "int"):
                if not re.fullmatch(r"-?\d{1,18}", raw):
                    raise BadCallback(data)
                values.append(int(raw))
            else:
                values.append(raw)
        return cls(*values)


C = TypeVar("C", bound=Callback)


@dataclass_transform(frozen_default=True)
def callback(domain: str, action: str) -> Callable[[type[C]], type[C]]:
    """Class decorator: declare a record's domain and action; the class becomes a frozen
    dataclass (``dataclass_transform`` tells type checkers so, fields included)."""

    def declare(cls: type[C]) -> type[C]:
        cls.domain, cls.action = domain, action
        return dataclass(frozen=True)(cls)

    return declare


def records() -> dict[tuple[str, str], type[Callback]]:
    """Every declared record by (domain, action): the subclasses of :class:`Callback` of
    the modules imported so far (the application imports them all). Two records with the
    same domain and action are a programming error."""
    found: dict[tuple[str, str], type[Callback]] = {}
    pending = list(Callback.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if "domain" not in cls.__dict__:
            continue
        key = (cls.domain, cls.action)
        if key in found and found[key] is not cls:
            raise RuntimeError(f"callback {key[0]}:{key[1]} declared twice")
        found[key] = cls
    return found


def in_domain(domain: str) -> Callable[[object], bool]:
    """A ``pattern`` for every record of ``domain`` (e.g. any button of the intake)."""
    prefix = f"{VERSION}:{domain}:"
    return lambda data: isinstance(data, str) and data.startswith(prefix)


def parse_any(data: str | None) -> Callback:
    """Parse data of any declared record (used by the catch-all stale button handler)."""
    parts = (data or "").split(":")
    if len(parts) < 3:
        raise BadCallback(data)
    record = records().get((parts[1], parts[2]))
    if record is None:
        raise BadCallback(data)
    return record.parse(data)


# --- Records of the foundation ---------------------------------------------------------


@callback("m", "help")
class MenuHelp(Callback):
    pass


@callback("m", "lang")
class MenuLanguage(Callback):
    pass


@callback("lang", "set")
class SetLanguage(Callback):
    language: str


# --- Complaints ------------------------------------------------------------------------


@callback("m", "lapor")
class MenuComplaint(Callback):
    pass


@callback("m", "status")
class MenuStatus(Callback):
    pass


@callback("m", "hist")
class MenuHistory(Callback):
    pass
