"""``--scenario demo``: a lived-in office, then a short story played on the page.

The office is set up three weeks before "today" and lived forward through the bot, the
clock moving between the scenes: complaints that end in every status (rated well and
badly, closed for lack of reaction, waiting for the citizen, in progress, reopened,
reassigned, new), SKM responses, a training held with attendance and JP, the weekly
digests, and a training still to come. Once a browser opens the page the story plays, one
step every ``pause`` seconds, with a line of narration: a citizen files a complaint with a
photo, the unit accepts it, asks for details and resolves it, the citizen rates it, and
the Camat asks for /ringkasan and gets the chart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from emulator.files import make_png
from sandbox import flows, roster
from sandbox.office import Person, SandboxOffice
from sandbox.places import place
from sandbox.scenario import FreePlay, first
from sandbox.seed import Progress
from sandbox.steps import Actor

if TYPE_CHECKING:
    from sandbox.web import SandboxPage

STORY_UNIT = "PEMB"


def picture(rgb: tuple[int, int, int]) -> bytes:
    """A stand-in for a citizen's photo (a plain coloured picture)."""
    return make_png(320, 240, rgb=rgb)


class Demo(FreePlay):
    name = "demo"
    rewind = timedelta(days=21)

    def __init__(self, pause: float = 2.5) -> None:
        self.pause = pause
        self.storyteller: Person | None = None
        self.played = False

    # ------------------------------------------------------------------ the history

    async def prepare(self, office: SandboxOffice, progress: Progress) -> None:
        history = History(office)
        await history.live(progress)
        self.storyteller = office.new_citizen()

    def panes(self, office: SandboxOffice) -> list[dict[str, int]]:
        panes = super().panes(office)
        if self.storyteller is not None:
            panes[0] = {"chat": self.storyteller.id, "as": self.storyteller.id}
        return panes

    # -------------------------------------------------------------------- the story

    async def run(self, page: SandboxPage) -> None:
        await page.opened.wait()
        await self.play(page)

    async def play(self, page: SandboxPage) -> None:
        """The story, each step narrated on the page."""
        office = page.office
        citizen = self.storyteller or office.new_citizen()
        staff = first(office, roster.STAFF, STORY_UNIT)
        camat = first(office, roster.SUPERVISOR)
        assert staff is not None and camat is not None
        page.feed.publish("panes", self.panes(office))

        async def step(key: str, action: Callable[[], Awaitable[Any]], **values: Any) -> Any:
            page.feed.publish("narration", {"key": key, "values": values})
            await asyncio.sleep(self.pause)
            return await action()

        filed = await step(
            "demo.file",
            lambda: flows.file_complaint(
                office,
                citizen,
                "INFRA",
                "RGP",
                "Jalan berlubang besar di Jl. Marelan Raya Pasar V, depan sekolah. Sudah dua "
                "motor terjatuh minggu ini.",
                photo=picture((120, 110, 100)),
                place=place("pasar-v"),
            ),
            name=citizen.user.full_name,
        )
        await step(
            "demo.accept",
            lambda: flows.accept(office, staff, filed),
            name=staff.user.full_name,
            number=filed.number,
        )
        await step(
            "demo.ask",
            lambda: flows.ask_info(
                office,
                staff,
                filed,
                "Lubangnya di lajur kiri atau kanan, dan kira-kira selebar apa?",
            ),
            name=staff.user.full_name,
        )
        await step(
            "demo.answer",
            lambda: flows.answer_question(
                office, citizen, filed, "Lajur kiri arah Belawan, lebarnya sekitar satu meter."
            ),
            name=citizen.user.full_name,
        )
        await step(
            "demo.resolve",
            lambda: flows.resolve(
                office,
                staff,
                filed,
                "Lubang sudah ditambal aspal oleh tim Seksi Pembangunan "
                "pagi ini; rambu sementara sudah diangkat.",
            ),
            name=staff.user.full_name,
        )
        await step(
            "demo.rate", lambda: flows.rate(office, citizen, filed, 5), name=citizen.user.full_name
        )
        await step("demo.summary", lambda: self._summary(office, camat), name=camat.user.full_name)
        page.feed.publish("narration", {"key": "story.done", "values": {}})
        self.played = True

    @staticmethod
    async def _summary(office: SandboxOffice, camat: Person) -> None:
        person = Actor(office, camat)
        await person.send("/ringkasan")
        await person.expect_where(lambda m: m.kind == "photo", "the summary chart")


class History:
    """Three weeks of the office, played forward through the bot."""

    def __init__(self, office: SandboxOffice) -> None:
        self.office = office
        self.start = office.now()
        self.calendar = office.calendar
        people = list(office.people.values())
        self.camat = next(p for p in people if p.role == roster.SUPERVISOR)
        self.citizens = [office.new_citizen() for _ in range(9)]

    def staff(self, unit: str) -> Person:
        found = first(self.office, roster.STAFF, unit)
        assert found is not None
        return found

    def day(self, working_days: int, hour: int = 9, minute: int = 0) -> datetime:
        """``working_days`` after the start, at the given WIB time."""
        moment = self.calendar.add_working_days(self.start, working_days)
        return datetime.combine(moment.date(), time(hour, minute), self.calendar.zone)

    async def at(self, moment: datetime) -> None:
        if moment > self.office.clock.now():
            await self.office.move_clock(moment)

    async def live(self, progress: Progress) -> None:
        office, staff = self.office, self.staff
        siti, budi, maimunah, ucok, wati, rahmat, ayu, darwin, nur = self.citizens
        training = "Pelatihan Pelayanan Prima"
        when = self.day(2, 9).strftime("%Y-%m-%d %H:%M")
        await flows.plan_training(
            office, self.camat, training, when, "3 jam", "Aula Kantor Camat Medan Marelan", 4
        )
        invited = [self.staff(u.code) for u in office.office.units]
        for index, person in enumerate(invited):
            await flows.answer_invitation(office, person, training, coming=index % 4 != 3)

        lampu = await flows.file_complaint(
            office,
            siti,
            "INFRA",
            "TRJ",
            "Lampu jalan di Gang Melati, Terjun, mati sejak seminggu. Malam hari gelap sekali.",
            photo=picture((40, 40, 70)),
        )
        sampah = await flows.file_complaint(  # rubbish in Terjun goes to Trantib
            office,
            budi,
            "SAMPAH",
            "TRJ",
            "Sampah di TPS Jl. Marelan Pasar IV tidak diangkut "
            "tiga hari, baunya sampai ke rumah warga.",
        )
        await self.at(self.day(0, 11))
        await flows.accept(office, staff("PEMB"), lampu)
        await flows.accept(office, staff(sampah.unit), sampah)
        progress("minggu 1: pengaduan pertama, undangan pelatihan")

        await self.at(self.day(1, 10))
        await flows.resolve(
            office,
            staff("PEMB"),
            lampu,
            "Lampu sudah diganti petugas dan menyala kembali sejak tadi malam.",
        )
        await flows.rate(office, siti, lampu, 5, "Cepat sekali, terima kasih!")
        await flows.fill_survey(
            office,
            siti,
            "KTP",
            [4, 3, 4, 4, 3, 4, 4, 3, 4],
            "Ruang tunggu loket bisa ditambah kursi.",
        )
        await flows.fill_survey(office, budi, "KK", [3, 3, 3, 4, 3, 3, 4, 3, 3])
        await flows.resolve(
            office, staff(sampah.unit), sampah, "Sampah sudah diangkut truk DLH pagi ini."
        )
        await flows.rate(office, budi, sampah, 2, "Diangkut, tapi besoknya menumpuk lagi.")

        await self.at(self.day(2, 12, 30))  # the training is over: attendance and JP
        # one who accepted did not come; one who declined came after all
        accepted = [p for index, p in enumerate(invited) if index % 4 != 3]
        present = [*accepted[1:], invited[3]]
        await flows.take_attendance(office, self.camat, training, present)
        progress("pelatihan selesai: daftar hadir dan JP tercatat")

        await self.at(self.day(3, 10))
        bansos = await flows.file_complaint(
            office,
            maimunah,
            "BANSOS",
            "RGP",
            "Bantuan sembako untuk lansia di lingkungan 5 Rengas Pulau belum dibagikan bulan ini.",
        )
        await flows.ask_info(
            office,
            staff("KESOS"),
            bansos,
            "Mohon sebutkan nama penerima dan nomor KK yang terdaftar.",
        )
        await flows.answer_question(
            office, maimunah, bansos, "Atas nama Ibu Sarinah, KK 1271xxxxxxxx0042."
        )
        await flows.resolve(
            office,
            staff("KESOS"),
            bansos,
            "Bantuan sudah diantar ke rumah Ibu Sarinah bersama kepala lingkungan.",
        )

        await self.at(self.day(5, 9, 30))
        ribut = await flows.file_complaint(
            office,
            ucok,
            "TRANTIB",
            "LBD",
            "Ada pesta musik keras sampai jam 2 pagi setiap malam Minggu di Jl. Titi Pahlawan.",
            confidential=True,
        )
        await flows.accept(office, staff("TRANTIB"), ribut)
        ktp = await flows.file_complaint(
            office,
            wati,
            "ADMINDUK",
            "TER",
            "KTP-el saya belum jadi padahal sudah rekam tiga bulan lalu.",
        )
        await flows.ask_info(
            office, staff("PEM"), ktp, "Mohon kirim foto bukti perekaman atau nomor resinya."
        )
        progress("minggu 2: bansos, ketertiban, KTP-el")

        await self.at(self.day(8, 10))
        drainase = await flows.file_complaint(
            office,
            rahmat,
            "INFRA",
            "TER",
            "Parit di Jl. Marelan IX tersumbat, air meluap ke jalan setiap hujan.",
            photo=picture((60, 90, 60)),
        )
        await flows.accept(office, staff("PEMB"), drainase)
        await flows.resolve(
            office, staff("PEMB"), drainase, "Parit sudah dikorek dan sampahnya diangkut."
        )
        await flows.not_fixed(office, rahmat, drainase)
        usaha = await flows.file_complaint(
            office,
            ayu,
            "LAINNYA",
            "PYP",
            "Saya perlu surat keterangan usaha untuk warung, tapi tidak tahu syaratnya.",
        )
        usaha = await flows.reassign(
            office, staff("SEKRET"), usaha, "PELAYANAN", "Surat keterangan usaha dilayani PATEN."
        )
        await flows.accept(office, staff("PELAYANAN"), usaha)
        await flows.reply_to_citizen(
            office,
            staff("PELAYANAN"),
            usaha,
            "Syaratnya KTP, KK "
            "dan surat pengantar kepala lingkungan; bisa diurus di "
            "loket PATEN hari kerja 08.00-15.00.",
        )
        for person, service, scores in (
            (maimunah, "SKTM", [3, 4, 3, 3, 4, 3, 3, 3, 4]),
            (ucok, "KTP", [2, 3, 2, 3, 3, 2, 3, 3, 2]),
            (rahmat, "PINDAH", [4, 4, 4, 4, 4, 3, 4, 4, 4]),
        ):
            await flows.fill_survey(office, person, service, scores)
        progress("minggu 3: dibuka kembali, dialihkan, survei")

        await self.at(self.day(12, 10))
        upcoming = office.today + timedelta(days=3)
        await flows.plan_training(
            office,
            self.camat,
            "Pelatihan Penanganan Pengaduan",
            upcoming.strftime("%Y-%m-%d 09:00"),
            "2 jam",
            "Ruang rapat Seksi Pembangunan",
            2,
        )
        izin = await flows.file_complaint(
            office,
            nur,
            "PATEN",
            "TRJ",
            "Surat keterangan domisili saya sudah seminggu belum bisa diambil di loket.",
        )
        await flows.accept(office, staff("PELAYANAN"), izin)
        await self.at(self.day(13, 14))
        await flows.resolve(
            office,
            staff("TRANTIB"),
            ribut,
            "Sudah ditegur bersama "
            "Bhabinkamtibmas; pemilik rumah berjanji musik berhenti jam 22.00.",
        )
        await flows.file_complaint(
            office,
            darwin,
            "BANSOS",
            "LBD",
            "Ibu saya lansia dan belum terdaftar sebagai "
            "penerima bantuan, padahal tetangga sudah dapat.",
        )
        await self.at(office.today)
        progress(f"hari ini: {office.now():%d-%m-%Y %H.%M} WIB")
