"""The Bot API method table and the decoding of request parameters by declared type.

Over HTTP every form value is a string, and objects arrive JSON-encoded; only the spec says
whether ``"123"`` is an Integer or a String, or whether ``reply_markup`` must be JSON. Using the
spec for every method (not only the implemented ones) gives the same "missing required field"
behaviour everywhere, which is what a real server does before it looks at the semantics.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import bad_request
from .models import Upload

SPEC_PATH = Path(__file__).with_name("api_spec.json")
_SCALARS = frozenset({"Integer", "String", "Boolean", "Float"})
_MISSING_REASON = {"chat_id": "chat_id is empty", "text": "message text is empty"}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    types: tuple[str, ...]
    required: bool

    @property
    def is_file(self) -> bool:
        return "InputFile" in self.types

    @property
    def is_json(self) -> bool:
        return not set(self.types) <= _SCALARS and not self.is_file


# Removed from the documentation but still accepted by Telegram; old clients send them.
_LEGACY = (
    FieldSpec("reply_to_message_id", ("Integer",), False),
    FieldSpec("allow_sending_without_reply", ("Boolean",), False),
    FieldSpec("disable_web_page_preview", ("Boolean",), False),
)


@dataclass(frozen=True)
class MethodSpec:
    name: str
    fields: tuple[FieldSpec, ...]


class ApiSpec:
    """Methods of the bundled spec, looked up case-insensitively like Telegram does."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.version: str = raw.get("version", "")
        self.types: dict[str, Any] = raw.get("types", {})
        self._methods: dict[str, MethodSpec] = {}
        for name, method in raw["methods"].items():
            fields = tuple(
                FieldSpec(f["name"], tuple(f["types"]), bool(f["required"]))
                for f in method.get("fields", [])
            )
            self._methods[name.lower()] = MethodSpec(name, fields)

    def method(self, name: str) -> MethodSpec | None:
        return self._methods.get(name.lower())

    def decode(
        self, method: MethodSpec, raw: Mapping[str, Any], uploads: Mapping[str, Upload]
    ) -> dict[str, Any]:
        """Typed parameters of one call; 400 for a missing required field or a bad value."""
        params: dict[str, Any] = {}
        for spec in method.fields:
            value = _decode_field(spec, raw.get(spec.name), uploads)
            if value is None or (value == "" and spec.required):
                if spec.required:
                    reason = _MISSING_REASON.get(spec.name, f'parameter "{spec.name}" is required')
                    raise bad_request(reason)
                continue
            params[spec.name] = value
        known = {spec.name for spec in method.fields}
        for spec in _LEGACY:
            if spec.name in raw and spec.name not in known:
                params[spec.name] = _decode_field(spec, raw[spec.name], uploads)
        return params


def _decode_field(spec: FieldSpec, value: Any, uploads: Mapping[str, Upload]) -> Any:
    if spec.is_file:
        return _decode_file(spec, value, uploads)
    if value is None:
        return None
    if spec.is_json:
        return _decode_json(spec, value)
    return _decode_scalar(spec, value)


def _decode_file(spec: FieldSpec, value: Any, uploads: Mapping[str, Upload]) -> Any:
    """An InputFile field: a multipart part of that name, ``attach://<part>``, or a file_id."""
    if value is None:
        return uploads.get(spec.name)
    if isinstance(value, str) and value.startswith("attach://"):
        upload = uploads.get(value.removeprefix("attach://"))
        if upload is None:
            raise bad_request(f"{spec.name}: file {value} is not found in the request")
        return upload
    return str(value)


def _decode_json(spec: FieldSpec, value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {spec.name} JSON object") from None
    wants_array = all(t.startswith("Array of") for t in spec.types)
    if wants_array and not isinstance(value, list):
        raise bad_request(f'field "{spec.name}" must be an Array')
    if not wants_array and not isinstance(value, dict | list):
        raise bad_request(f"can't parse {spec.name} JSON object")
    return value


def _decode_scalar(spec: FieldSpec, value: Any) -> Any:
    types = set(spec.types)
    if "Integer" in types:
        number = _as_int(value)
        if number is not None:
            return number
        if "String" in types:
            return str(value)
        raise bad_request(f'invalid parameter "{spec.name}": Integer expected')
    if "Float" in types:
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f'invalid parameter "{spec.name}": Float expected') from None
    if "Boolean" in types:
        return _as_bool(spec.name, value)
    if isinstance(value, dict | list):
        raise bad_request(f'invalid parameter "{spec.name}": String expected')
    return value if isinstance(value, str) else json.dumps(value)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.lstrip("-").isdigit():
            return int(stripped)
    return None


def _as_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0", ""):
        return False
    raise bad_request(f'invalid parameter "{name}": Boolean expected')


@cache
def load_spec() -> ApiSpec:
    """The bundled Bot API spec (parsed once per process)."""
    return ApiSpec(json.loads(SPEC_PATH.read_text(encoding="utf-8")))
