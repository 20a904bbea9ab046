"""Flood control as Telegram counts it: a 429 holds the chat it was about, nobody else."""

from __future__ import annotations

from bot.core import notify
from tests.e2e.harness import OfficeEnv


def _sent_to(office: OfficeEnv, chat_id: int) -> list[int]:
    """Positions in the bot's request log of its sendMessage calls to ``chat_id``."""
    return [
        index
        for index, call in enumerate(office.world.requests)
        if call.method == "sendMessage" and str(call.params.get("chat_id")) == str(chat_id)
    ]


async def test_a_429_for_one_person_does_not_hold_back_another(office: OfficeEnv) -> None:
    siti, budi = office.user("Siti"), office.user("Budi")
    for person in (siti, budi):
        await person.send("/start")
        await person.next_message()
    office.world.fail_next("sendMessage", status=429, retry_after=2)
    async with office.db.transaction() as tx:
        await notify.send_text(tx, siti.id, notify.Markup("Kabar untuk Siti"), office.runtime.now())
    await office.world.settle()  # Siti's notice got its 429 and waits out the 2 seconds

    await budi.send("/start")
    await budi.wait_for("Halo")
    await siti.wait_for("Kabar untuk Siti", timeout=15)

    siti_calls, budi_calls = _sent_to(office, siti.id), _sent_to(office, budi.id)
    refused, retried = siti_calls[-2:]
    assert office.world.requests[refused].status == 429
    # Budi was answered while Siti's chat waited, not after it.
    assert refused < budi_calls[-1] < retried
