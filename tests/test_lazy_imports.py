"""The bot starts without the libraries that only reports, exports, charts, pictures and
the public page need: they cost ~45 MB of memory for as long as the process lives."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("matplotlib", "numpy", "openpyxl", "PIL", "jinja2", "segno")


def test_importing_the_application_loads_no_report_library() -> None:
    probe = (
        "import sys, bot.core.app, bot.core.cli; "
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []
