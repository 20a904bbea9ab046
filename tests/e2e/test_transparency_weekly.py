"""The weekly public post: every Monday an hour after the supervisors' digest, in the
public channel, once (also across restarts and downtime), with figures equal to an
independent count from the database and the small-number rule applied."""

from __future__ import annotations

import math
from datetime import datetime

from bot.core.clock import to_epoch
from emulator import FakeChannel
from tests.e2e import report_steps as steps
from tests.e2e.harness import WIB, OfficeEnv

OFFICE_START = datetime(2026, 11, 16, 9, 0, tzinfo=WIB)  # a Monday
WEEK = (datetime(2026, 11, 23, tzinfo=WIB), datetime(2026, 11, 30, tzinfo=WIB))
PREVIOUS = (datetime(2026, 11, 16, tzinfo=WIB), datetime(2026, 11, 23, tzinfo=WIB))
DAY_HOURS = 8  # office hours 08:00-16:00 in the office file


async def count(
    office: OfficeEnv, sql: str, bounds: tuple[datetime, datetime], unit: str | None = None
) -> int:
    where = " AND unit_code = ?" if unit else ""
    params = (to_epoch(bounds[0]), to_epoch(bounds[1])) + ((unit,) if unit else ())
    return await office.db.fetchval(sql + where, params)


RECEIVED = "SELECT COUNT(*) FROM complaints WHERE created_at >= ? AND created_at < ?"
RESOLVED = (
    "SELECT COUNT(*) FROM complaints WHERE resolved_at >= ? AND resolved_at < ? "
    "AND status IN ('selesai', 'ditutup')"
)
RESOLVED_ON_TIME = RESOLVED + " AND resolve_on_time = 1"
ACKNOWLEDGED = "SELECT COUNT(*) FROM complaints WHERE acknowledged_at >= ? AND acknowledged_at < ?"
ACK_ON_TIME = ACKNOWLEDGED + " AND ack_on_time = 1"


def weekly_posts(channel: FakeChannel) -> list:
    return [p for p in channel.posts if "Kinerja penanganan pengaduan" in p.text]


def percent(part: int, whole: int) -> str:
    value = 100 * part / whole
    assert abs(value - math.floor(value) - 0.5) > 1e-6, "pick data without a rounding tie"
    return f"{round(value)}%"


def working(seconds: int) -> str:
    """Working days and hours the way an Indonesian reader is told (8-hour days)."""
    days, rest = divmod(seconds, DAY_HOURS * 3600)
    hours = round(rest / 3600)
    parts = [f"{days} hari kerja"] if days else []
    return " ".join(parts + ([f"{hours} jam"] if hours or not days else []))


async def seed(office: OfficeEnv) -> None:
    """Two weeks of complaints: PEMB busy (some resolved late), KESOS with few."""
    pemb = await steps.officer(office, "Bagus", "staf", "PEMB")
    kesos = await steps.officer(office, "Wati", "staf", "KESOS")
    siti = await steps.citizen(office, "Siti", username="siti_warga")
    budi = await steps.citizen(office, "Budi")  # five complaints a day each at most
    # week 1, Monday 16 November
    late = [await steps.file(office, siti, "SAMPAH", "LBD") for _ in range(3)]
    bansos = await steps.file(office, budi, "BANSOS", "PYP")
    for item in [*late, bansos]:
        await steps.accept(office, pemb if item in late else kesos, item)
    steps.tick(office, days=1)
    await steps.resolve(office, kesos, bansos)
    steps.tick(office, days=1)
    await steps.resolve(office, pemb, late[0])
    # week 2: Monday 23 November 09:00
    steps.tick(office, days=5)
    fresh = [
        await steps.file(office, siti if n < 3 else budi, "INFRA", "TRJ", confidential=(n == 5))
        for n in range(6)
    ]
    steps.tick(office, hours=2)
    for item in fresh:
        await steps.accept(office, pemb, item)
    steps.tick(office, days=1, hours=-1)  # Tuesday 10:00: SAMPAH was due Monday 09:00
    for item in late[1:]:
        await steps.resolve(office, pemb, item)
    social = [await steps.file(office, siti, "BANSOS", "RGP") for _ in range(2)]
    for item in social:
        await steps.accept(office, kesos, item)
    steps.tick(office, days=1, hours=3)  # Wednesday 13:00
    for item in fresh[:4]:
        await steps.resolve(office, pemb, item)
    steps.tick(office, days=1)
    await steps.resolve(office, kesos, social[0])


async def test_weekly_post_once_after_the_digest_with_independently_counted_figures(
    office: OfficeEnv,
) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    admin = office.admin
    channel = office.world.channel(
        "Kinerja Kecamatan Medan Marelan", owner=admin, username="kinerja_marelan"
    )
    await admin.send("/kanal_publik @kinerja_marelan")
    await admin.wait_for("sekarang kanal publik kantor")
    await seed(office)  # passes Monday 23 November: the first week's post went out
    await channel.wait_for("16 November 2026 – 22 November 2026")

    await office.at(datetime(2026, 11, 30, 7, 30, tzinfo=WIB))
    await camat.user.wait_for("Ringkasan mingguan — minggu 23 November 2026")
    await office.at(datetime(2026, 11, 30, 8, 29, tzinfo=WIB))
    assert len(weekly_posts(channel)) == 1  # supervisors first
    await office.at(datetime(2026, 11, 30, 8, 30, tzinfo=WIB))
    post = await channel.wait_for("23 November 2026 – 29 November 2026")
    text = post.text

    received = await count(office, RECEIVED, WEEK)
    resolved = await count(office, RESOLVED, WEEK)
    acknowledged = await count(office, ACKNOWLEDGED, WEEK)
    before = (await count(office, RECEIVED, PREVIOUS), await count(office, RESOLVED, PREVIOUS))
    assert (received, resolved, acknowledged, *before) == (8, 7, 8, 4, 2)  # the seed's story
    assert f"Pengaduan masuk: {received} (▲ {received - before[0]})" in text
    assert f"Pengaduan diselesaikan: {resolved} (▲ {resolved - before[1]})" in text
    on_time = await count(office, ACK_ON_TIME, WEEK)
    assert f"Ditanggapi tepat waktu: {percent(on_time, acknowledged)}" in text
    resolved_on_time = await count(office, RESOLVED_ON_TIME, WEEK)
    assert f"Diselesaikan tepat waktu: {percent(resolved_on_time, resolved)}\n" in text + "\n"
    times = [
        row[0]
        for row in await office.db.fetchall(
            "SELECT resolve_work_seconds FROM complaints WHERE resolved_at >= ? AND resolved_at < ?"
            " AND status IN ('selesai', 'ditutup')",
            (to_epoch(WEEK[0]), to_epoch(WEEK[1])),
        )
    ]
    assert f"Median waktu penyelesaian: {working(steps.nearest_rank(times, 0.5))}" in text

    pemb = [
        await count(office, sql, WEEK, "PEMB") for sql in (RECEIVED, RESOLVED, RESOLVED_ON_TIME)
    ]
    assert pemb == [6, 6, 4]
    assert f"• Seksi Pembangunan: 6 · 6 · {percent(pemb[2], pemb[1])}" in text
    kesos = [await count(office, sql, WEEK, "KESOS") for sql in (RECEIVED, RESOLVED)]
    assert kesos == [2, 1]  # fewer than 5: counts only
    assert "• Seksi Kesejahteraan Sosial: 2 · 1 · —" in text
    assert "• Seksi Pemerintahan: 0 · 0 · —" in text
    assert "kurang dari 5 pengaduan" in text
    for private in ("Siti", "siti_warga", str(office.people["Siti"].id), "Keluhan"):
        assert private not in text

    await office.restart()
    await office.at(datetime(2026, 11, 30, 9, 0, tzinfo=WIB))
    assert len(weekly_posts(channel)) == 2

    await office.bot.stop()  # down over the next Monday morning
    office.clock.set(datetime(2026, 12, 7, 10, 0, tzinfo=WIB))
    await office.bot.start()
    second = await channel.wait_for("30 November 2026 – 6 Desember 2026")
    assert "Pengaduan masuk: 0 (▼ 8)" in second.text
    await office.restart()
    await office.at(datetime(2026, 12, 7, 11, 0, tzinfo=WIB))
    assert len(weekly_posts(channel)) == 3  # and the monthly IKM post of 1 December
    runs = await office.db.fetchall(
        "SELECT period_key, state, recipients FROM digest_runs WHERE kind = 'public_weekly' "
        "ORDER BY due_at"
    )
    assert [tuple(r) for r in runs] == [
        ("2026-11-16", "sent", 1),
        ("2026-11-23", "sent", 1),
        ("2026-11-30", "sent", 1),
        ("2026-12-07", "pending", None),
    ]
    # after downtime too, the supervisors' digest was queued before the public post
    digest_row = await office.db.fetchval(
        "SELECT MIN(id) FROM outbox WHERE chat_id = ? AND params LIKE '%30 November 2026%'",
        (camat.user.id,),
    )
    public_row = await office.db.fetchval(
        "SELECT MIN(id) FROM outbox WHERE chat_id = ? AND params LIKE '%30 November 2026%'",
        (channel.id,),
    )
    assert digest_row < public_row
