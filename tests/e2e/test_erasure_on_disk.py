"""After /hapusdata the erased name is gone from the disk too, not only from the rows: not
in free pages of the database file, not in old copies of pages in its write-ahead log
(issue 10, breach 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv

FIRST, LAST, USERNAME = "Zulkarnaen", "Situmorang", "zul_situmorang77"


def database_files(office: OfficeEnv) -> dict[str, bytes]:
    main = Path(office.settings.database_path)
    files = [main, main.with_name(main.name + "-wal")]
    return {f.name: f.read_bytes() for f in files if f.exists()}


def holding(files: dict[str, bytes], *secrets: str) -> dict[str, list[str]]:
    found = {name: [s for s in secrets if s.encode() in data] for name, data in files.items()}
    return {name: hits for name, hits in found.items() if hits}


@pytest.mark.sqlite_only(
    "reads the SQLite file and its WAL; PostgreSQL has no secure_delete (README: erasure)"
)
async def test_erased_names_leave_the_database_files(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user(FIRST, last_name=LAST, username=USERNAME)
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    assert FIRST in alert.text
    await citizen.send("/status " + number)  # more writes that carry the name
    await citizen.wait_for(number)
    await office.world.settle()
    assert holding(database_files(office), FIRST, LAST, USERNAME)  # the test sees the files

    await citizen.send("/hapusdata")
    explanation = await citizen.wait_for("Menghapus data pribadi Anda")
    await citizen.press("Hapus data saya", message=explanation)
    await citizen.wait_for_edit(explanation)
    assert FIRST not in (await pemb.group.wait_for_edit(alert)).text
    await office.world.settle()

    assert holding(database_files(office), FIRST, LAST, USERNAME) == {}
