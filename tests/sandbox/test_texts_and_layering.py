"""The page's texts exist in both languages, and production code never reaches for the
sandbox or the emulator."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from bot.core.catalog import placeholders
from sandbox.texts import EN, ID

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = ("bot", "handlers", "storage")
FORBIDDEN = re.compile(r"^(sandbox|emulator|bot\.emulator)(\.|$)")


def test_page_texts_have_the_same_keys_and_placeholders_in_both_languages() -> None:
    assert ID.keys() == EN.keys()
    for key in ID:
        assert placeholders(ID[key]) == placeholders(EN[key]), key


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return found


def test_production_code_imports_neither_the_sandbox_nor_the_emulator() -> None:
    offenders = {}
    for package in PRODUCTION:
        for path in (ROOT / package).rglob("*.py"):
            if "emulator" in path.relative_to(ROOT).parts:
                continue  # the emulator's own modules (until it moves out of bot/)
            bad = {m for m in imported_modules(path) if FORBIDDEN.match(m)}
            if path.name == "cli.py":
                bad -= {"sandbox.main"}  # loaded by name for `marelan-bot sandbox` only
            if bad:
                offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}
