"""Every step of a guided flow costs one chat-bound message (issue 13): the bot edits the
step's message in place or sends one new message, never both, besides answering the
button press. Counted on the wire: the Bot API calls to the person's chat (group) that
Telegram counts or that change what the chat shows, per step, after the bot is done."""

from __future__ import annotations

from collections.abc import Awaitable

from bot.core.pacing import MESSAGE_METHODS
from emulator import BotWorld
from tests.e2e.activity_steps import member
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv
from tests.e2e.survey_steps import KEYS, score_button

#: What shows in a chat: messages and edits (not answerCallbackQuery, not reads).
CHAT_BOUND = MESSAGE_METHODS | {
    "sendVoice",
    "sendVideo",
    "editMessageText",
    "editMessageCaption",
    "editMessageReplyMarkup",
    "editMessageMedia",
}


class Budget:
    """The chat-bound calls each step of one person's flow made to one chat."""

    def __init__(self, world: BotWorld, chat_id: int) -> None:
        self.world = world
        self.chat_id = chat_id
        self.spent: list[tuple[str, list[str]]] = []

    async def step(self, name: str, action: Awaitable[object]) -> None:
        start = len(self.world.requests)
        await action
        await self.world.settle()
        calls = [
            call.method
            for call in self.world.requests[start:]
            if call.method in CHAT_BOUND and str(call.params.get("chat_id")) == str(self.chat_id)
        ]
        self.spent.append((name, calls))

    def check(self, shared_refresh: tuple[str, ...] = ()) -> None:
        """Each step made one chat-bound call; the steps named in ``shared_refresh`` made
        one message (and an edit of the complaint's alert: see the staff test)."""

        def fits(name: str, calls: list[str]) -> bool:
            if name in shared_refresh:  # the outbox may send the edit a little later
                return calls.count("sendMessage") == 1 and set(calls) <= {
                    "sendMessage",
                    "editMessageText",
                }
            return len(calls) == 1

        over = [(name, calls) for name, calls in self.spent if not fits(name, calls)]
        assert not over, f"steps not costing exactly one chat-bound message: {over}"


async def _then(first: Awaitable[object], second: Awaitable[object]) -> None:
    await first
    await second


async def test_the_intake_costs_one_message_per_step(office: OfficeEnv) -> None:
    citizen = office.user("Ani")
    budget = Budget(office.world, citizen.id)
    await budget.step("/lapor", citizen.send("/lapor"))
    notice = await citizen.wait_for("data pribadi")
    await budget.step("consent", citizen.press("Setuju", message=notice))
    await budget.step("category", citizen.press("Infrastruktur", message=notice))
    await budget.step("kelurahan", citizen.press("Terjun", message=notice))
    await budget.step(
        "description",
        citizen.send("Lampu jalan di Jl. Marelan Raya mati sejak seminggu, gelap sekali."),
    )
    await budget.step("photo", citizen.send_photo())
    await budget.step("evidence done", citizen.press("Selesai"))
    await budget.step("identity", citizen.press("Tampilkan nama saya"))
    await budget.step("edit", citizen.press("Ubah"))
    await budget.step("edit identity", citizen.press("Identitas"))
    await budget.step("identity again", citizen.press("Rahasiakan identitas"))
    await budget.step("stray text", citizen.send("halo?"))
    # The confirmation comes from the outbox, after the filing committed: waited for.
    await budget.step("send", _then(citizen.press("Kirim"), citizen.wait_for("tercatat")))
    budget.check()
    record = citizen.world.chats[citizen.id].messages[notice.message_id].text
    for choice in ("✅ Setuju", "✓ Infrastruktur", "✓ Terjun"):
        assert choice in record  # the first message became the record of the choices


async def test_the_survey_costs_one_message_per_step(office: OfficeEnv) -> None:
    citizen = office.user("Budi")
    await citizen.send("/start")
    await office.world.settle()
    budget = Budget(office.world, citizen.id)
    await budget.step("/survei", citizen.send("/survei"))
    card = await citizen.wait_for("Survei Kepuasan Masyarakat")
    await budget.step("service", citizen.press("Rekomendasi KTP-el", message=card))
    for n in range(1, 10):
        card = await citizen.wait_for(f"Pertanyaan {n}/9")
        await budget.step(KEYS[n - 1], citizen.press(score_button(card, 4), message=card))
    for n in range(4):
        card = await citizen.wait_for("(opsional)")
        await budget.step(f"profile {n}", citizen.press("Lewati", message=card))
    card = await citizen.wait_for("Ada saran")
    await budget.step("suggestion", citizen.send("Antrean sudah rapi, terima kasih."))
    summary = await citizen.wait_for("Periksa jawaban Anda")
    await budget.step("send", citizen.press("Kirim", message=summary))
    budget.check()
    thanks = await citizen.wait_for("Terima kasih! Survei untuk")
    assert "Periksa jawaban Anda" in thanks.text  # the summary stays, the thanks under it


async def test_a_new_activity_costs_one_message_per_step(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    await office.world.settle()
    budget = Budget(office.world, kasi.id)
    await budget.step("/kegiatan_baru", kasi.send("/kegiatan_baru"))
    await budget.step("kind", kasi.press("Pelatihan"))
    await budget.step("title", kasi.send("Pelatihan Pelayanan Prima"))
    await budget.step("when", kasi.send("5 Des 09:00"))
    await budget.step("duration", kasi.send("2 jam"))
    await budget.step("place", kasi.send("Aula Kantor Camat Medan Marelan"))
    await budget.step("jp", kasi.press("Otomatis"))
    await budget.step("audience", kasi.press("Semua staf"))
    await budget.step("audience done", kasi.press("Lanjut"))
    await budget.step("cost", kasi.press("Lewati"))
    await budget.step("save", kasi.press("Simpan"))
    budget.check()
    saved = await kasi.wait_for("Undangan dikirim")
    assert "Pelatihan Pelayanan Prima" in saved.text  # the summary stays above it


async def test_staff_prompts_cost_one_message_per_step(office: OfficeEnv) -> None:
    """A press that asks for text costs its prompt; choosing the unit to move to costs
    the prompt only (the chooser is not edited as well). A reply to a prompt costs the
    confirmation to the replier plus the refresh of the complaint's alert card, which
    the outbox queues in the change's transaction for every chat holding it: the budget
    is not met there (one message and one edit), and this test pins that down."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Citra")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await office.world.settle()
    staff = pemb.staff
    budget = Budget(office.world, pemb.group.id)
    await budget.step("ask", staff.press("Minta Info", message=alert, chat=pemb.group))
    prompt = await pemb.group.wait_for("balas pesan ini")
    question = "Mohon kirim foto lokasi lampu yang mati."
    await budget.step("question", staff.say(pemb.group, question, reply_to=prompt))
    await budget.step("resolve", staff.press("Selesai", message=alert, chat=pemb.group))
    prompt = await pemb.group.wait_for("catatan penyelesaian")
    note = "Lampu sudah diganti oleh petugas pada hari ini."
    await budget.step("resolution note", staff.say(pemb.group, note, reply_to=prompt))

    number = await file_complaint(office.user("Dedi"), description="Drainase tersumbat sampah.")
    alert = await alert_for(pemb.group, number)
    await office.world.settle()
    await budget.step("move", staff.press("Alihkan", message=alert, chat=pemb.group))
    chooser = await pemb.group.wait_for("ke unit mana")
    await budget.step(
        "move to", staff.press("Seksi Pemerintahan", message=chooser, chat=pemb.group)
    )
    prompt = await pemb.group.wait_for("alasan pengalihan")
    reason = "Saluran ini urusan kelurahan, bukan seksi kami."
    await budget.step("reason", staff.say(pemb.group, reason, reply_to=prompt))
    budget.check(shared_refresh=("question", "resolution note", "reason"))
