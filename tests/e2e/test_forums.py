"""Public citizen forums: subscriptions, invitations to subscribers only, /forum RSVP."""

from __future__ import annotations

from storage.activities import invitations as activity_invitations
from storage.activities import jp
from tests.e2e.activity_steps import count, latest_activity, member, new_activity
from tests.e2e.harness import OfficeEnv


async def test_public_forum_reaches_subscribed_citizens(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    staf = await member(office, "Budi", "staf", "PEM")
    siti = office.user("Siti")
    joko = office.user("Joko")
    await joko.send("/start")

    await siti.send("/start")
    await siti.press("Forum Warga", message=await siti.wait_for("Halo, Siti"))
    assert "Belum ada forum warga" in (await siti.wait_for("forum")).text
    toggle = await siti.wait_for("Ingin diundang")
    assert toggle.buttons == [["🔔 Beri tahu saya forum berikutnya"]]
    toast = await siti.press("Beri tahu saya forum berikutnya", message=toggle)
    assert "setiap forum warga baru" in toast.text
    toggle = await siti.wait_for_edit(toggle)
    assert toggle.buttons == [["✅ Beri tahu saya forum berikutnya"]]

    done = await new_activity(
        camat,
        kind="Forum Warga",
        title="Forum Warga Kelurahan Terjun",
        when="3 Des 14:00",
        place="Kantor Lurah Terjun",
        audience=("Publik",),
    )
    assert "Undangan dikirim ke 1 orang" in done.text
    invitation = await siti.wait_for("Undangan forum warga")
    assert "Forum Warga Kelurahan Terjun" in invitation.text and "JP" not in invitation.text
    await siti.press("Hadir", message=invitation)
    await office.world.settle()
    assert count(joko, "Undangan forum") == 0 and count(staf, "Undangan forum") == 0

    await joko.send("/forum")
    await joko.wait_for("Forum warga mendatang")
    card = await joko.wait_for("Forum Warga Kelurahan Terjun")
    await joko.press("Hadir", message=card)
    card = await joko.wait_for_edit(card)
    assert "Jawaban Anda: ✅ Hadir" in card.text

    activity = await latest_activity(office)
    invited = {
        i.person_id: (i.source, i.response)
        for i in await activity_invitations.of_activity(office.db, activity.id)
    }
    assert invited == {siti.id: ("invited", "yes"), joko.id: ("self", "yes")}
    await office.advance(days=5, hours=5)  # Mon 30 Nov 14:00: three days before
    for person in (siti, joko):
        assert "⏰ Pengingat" in (await person.wait_for("Forum Warga Kelurahan Terjun")).text
    assert await jp.jp_by_person(office.db, 2026) == {}

    await siti.press("Beri tahu saya forum berikutnya", message=toggle)
    await siti.wait_for_edit(toggle)
    await new_activity(
        camat,
        kind="Forum Warga",
        title="Forum Warga Paya Pasir",
        when="12 Des 14:00",
        audience=("Publik", "Seksi Pemerintahan"),
    )
    await staf.wait_for("Forum Warga Paya Pasir")
    await office.world.settle()
    assert count(siti, "Forum Warga Paya Pasir") == 0


async def test_a_person_the_bot_cannot_reach_is_not_invited(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    siti = office.user("Siti")
    rudi = office.user("Rudi")
    for citizen in (siti, rudi):
        await citizen.send("/forum")
        await citizen.press(
            "Beri tahu saya forum berikutnya", message=await citizen.wait_for("Ingin diundang")
        )
    rudi.block_bot()
    await new_activity(
        camat, kind="Forum Warga", title="Forum Warga Rengas Pulau", audience=("Publik",)
    )  # Rudi's invitation fails: he is unreachable
    await siti.wait_for("Forum Warga Rengas Pulau")
    await office.world.settle()
    assert not (
        await office.db.fetchval("SELECT reachable FROM people WHERE telegram_id = ?", (rudi.id,))
    )
    await new_activity(
        camat,
        kind="Forum Warga",
        title="Forum Warga Labuhan Deli",
        when="6 Des 09:00",
        audience=("Publik",),
    )
    activity = await latest_activity(office)
    invited = [i.person_id for i in await activity_invitations.of_activity(office.db, activity.id)]
    assert invited == [siti.id]


async def test_a_forum_nobody_is_subscribed_to_tells_the_organiser_how_to_reach_citizens(
    office: OfficeEnv,
) -> None:
    """ "Undangan dikirim ke 0 orang" and nothing else left the organiser stuck: they learn
    how citizens subscribe and get a link to share, which opens /forum for a citizen."""
    camat = await member(office, "Camat", "supervisor")
    done = await new_activity(
        camat,
        kind="Forum Warga",
        title="Forum Warga Kelurahan Terjun",
        when="3 Des 14:00",
        place="Kantor Lurah Terjun",
        audience=("Publik",),
    )
    assert "Undangan dikirim ke 0 orang" in done.text
    hint = done  # in the same message, under the summary
    assert "Belum ada warga yang berlangganan" in hint.text and "/forum" in hint.text
    link = "https://t.me/marelan_test_bot?start=forum"
    assert link in hint.text
    poster = await camat.next_message()
    assert poster.kind == "photo" and "papan pengumuman" in poster.caption

    siti = office.user("Siti")
    await siti.send("/start forum")  # what opening the shared link sends
    await siti.wait_for("Forum Warga Kelurahan Terjun")
    toggle = await siti.wait_for("Ingin diundang")
    await siti.press("Beri tahu saya forum berikutnya", message=toggle)
    await office.world.settle()
    assert await activity_invitations.is_subscribed(office.db, siti.id)

    again = await new_activity(
        camat,
        kind="Forum Warga",
        title="Forum Warga Paya Pasir",
        when="4 Des 14:00",
        place="Kantor Lurah Paya Pasir",
        audience=("Publik",),
    )
    assert "Undangan dikirim ke 1 orang" in again.text
    share = again  # the link is worth sharing again, without "nobody"
    assert link in share.text and "Belum ada warga" not in share.text
