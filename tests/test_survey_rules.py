"""Survey rules: the questionnaire's official labels, the draft, which complaints invite to
the survey, /ikm arguments, scope and population."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.core.catalog import t
from bot.core.errors import NotAllowed, NotFound
from bot.core.office import OfficeConfigError, load_office
from bot.core.periods import month_period, year_period
from bot.core.settings import SettingsError, load_settings
from bot.people.directory import Actor
from bot.people.roles import Role
from bot.survey.ikm import (
    BadArguments,
    office_population,
    parse_request,
    scope_for,
    services_for,
)
from bot.survey.rules import DRAFT_TTL, PROFILE, UNSUR_KEYS, SurveyDraft, next_allowed
from tests.test_office import _write

#: The table of domain.md (PermenPANRB 14/2017), copied by hand: labels of scores 1 → 4.
REGULATION = {
    "U1": ("Persyaratan", "Tidak sesuai · Kurang sesuai · Sesuai · Sangat sesuai"),
    "U2": ("Sistem, Mekanisme, dan Prosedur", "Tidak mudah · Kurang mudah · Mudah · Sangat mudah"),
    "U3": ("Waktu Penyelesaian", "Tidak cepat · Kurang cepat · Cepat · Sangat cepat"),
    "U4": ("Biaya/Tarif", "Sangat mahal · Cukup mahal · Murah · Gratis"),
    "U5": (
        "Produk Spesifikasi Jenis Pelayanan",
        "Tidak sesuai · Kurang sesuai · Sesuai · Sangat sesuai",
    ),
    "U6": ("Kompetensi Pelaksana", "Tidak kompeten · Kurang kompeten · Kompeten · Sangat kompeten"),
    "U7": (
        "Perilaku Pelaksana",
        "Tidak sopan dan ramah · Kurang sopan dan ramah · Sopan dan ramah · Sangat sopan dan ramah",
    ),
    "U8": (
        "Penanganan Pengaduan, Saran dan Masukan",
        "Tidak ada · Ada tetapi tidak berfungsi · Berfungsi kurang maksimal · Dikelola dengan baik",
    ),
    "U9": ("Sarana dan Prasarana", "Buruk · Cukup · Baik · Sangat baik"),
}


def test_unsur_labels_are_exactly_the_regulations() -> None:
    assert tuple(REGULATION) == UNSUR_KEYS
    for key, (name, labels) in REGULATION.items():
        assert t("id", f"skm.{key}.name") == name
        assert " · ".join(t("id", f"skm.{key}.{score}") for score in range(1, 5)) == labels
    assert t("id", "skm.answer_button", score=4, label=t("id", "skm.U2.4")) == "4 · Sangat mudah"


def test_draft_round_trip_order_and_expiry() -> None:
    draft = SurveyDraft(service="KTP", source="link", touched_at=1_000)
    draft.answer("U2", 3)
    assert draft.next_unsur() == "U1"
    for key in UNSUR_KEYS:
        draft.answer(key, 4)
    assert draft.next_unsur() is None and draft.next_profile() == "gender"
    for name in PROFILE:
        draft.set_profile(name, "-")
    assert draft.profile == dict.fromkeys(PROFILE) and not draft.complete()
    draft.suggestion_done = True
    assert draft.complete()
    again = SurveyDraft.from_dict(draft.to_dict())
    assert again == draft
    ttl = int(DRAFT_TTL.total_seconds())
    assert not draft.expired(1_000 + ttl) and draft.expired(1_000 + ttl + 1)
    with pytest.raises(ValueError):
        draft.answer("U10", 4)
    with pytest.raises(ValueError):
        draft.answer("U1", 0)
    with pytest.raises(ValueError):
        draft.set_profile("gender", "X")


def test_next_survey_after_the_interval() -> None:
    answered = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    assert next_allowed(answered, 30) == datetime(2026, 12, 25, 2, 0, tzinfo=UTC)


def test_service_categories_invite_to_the_survey(tmp_path: Path) -> None:
    office = load_office()
    assert office.category("PATEN").invites_to_survey
    assert office.category("ADMINDUK").invites_to_survey
    assert not office.category("INFRA").invites_to_survey
    direct = load_office(_write(tmp_path, lambda d: d["categories"][2].update(survey_service="KK")))
    assert direct.category("INFRA").invites_to_survey
    with pytest.raises(OfficeConfigError) as error:
        load_office(_write(tmp_path, lambda d: d["categories"][2].update(survey_service="X")))
    assert "categories[2].survey_service: unknown service 'X'" in str(error.value)


TODAY = date(2026, 11, 25)


def test_ikm_arguments() -> None:
    office = load_office()
    default = parse_request([], office, TODAY)
    assert default.period == month_period(2026, 11) and default.service_code is None
    full = parse_request(["KTP", "2026-10", "populasi=250"], office, TODAY)
    assert (full.period, full.service_code, full.population) == (month_period(2026, 10), "KTP", 250)
    assert parse_request(["tahun", "ktp"], office, TODAY).period == year_period(2026)
    ranged = parse_request(["2026-11-01..2026-11-15"], office, TODAY).period
    assert (ranged.start, ranged.days) == (date(2026, 11, 1), 15)
    for bad, kind in (
        (["2026-13"], "period"),
        (["bulanan"], "period"),
        (["XYZ"], "service"),
        (["bulan", "tahun"], "period"),
        (["2026-11-15..2026-11-01"], "period"),
    ):
        with pytest.raises(BadArguments) as error:
            parse_request(bad, office, TODAY)
        assert error.value.kind == kind, bad


def _actor(role: Role, unit: str | None = None) -> Actor:
    return Actor(1, "X", None, "id", role, unit)


def test_scope_of_heads_and_supervisors() -> None:
    office = load_office()
    assert scope_for(office, _actor(Role.SUPERVISOR), None).unit_code is None
    assert scope_for(office, _actor(Role.SUPERVISOR), "KK").service.code == "KK"
    head = _actor(Role.KEPALA, "PELAYANAN")
    assert scope_for(office, head, None).unit_code == "PELAYANAN"
    assert scope_for(office, head, "KTP").service.code == "KTP"
    with pytest.raises(NotAllowed):
        scope_for(office, _actor(Role.KEPALA, "PEMB"), "KTP")
    with pytest.raises(NotAllowed):
        scope_for(office, _actor(Role.STAF, "PELAYANAN"), None)
    with pytest.raises(NotFound):
        scope_for(office, head, "NOPE")


def test_a_unit_head_is_offered_their_units_services_and_others_every_service(
    tmp_path: Path,
) -> None:
    def move_ktp(data: dict) -> None:
        next(s for s in data["services"] if s["code"] == "KTP")["unit"] = "PEMB"

    office = load_office(_write(tmp_path, move_ktp))
    every = [s.code for s in office.services]
    pelayanan = [code for code in every if code != "KTP"]
    assert [s.code for s in services_for(office, _actor(Role.KEPALA, "PELAYANAN"))] == pelayanan
    assert [s.code for s in services_for(office, _actor(Role.KEPALA, "PEMB"))] == ["KTP"]
    assert [s.code for s in services_for(office, _actor(Role.SUPERVISOR))] == every
    assert [s.code for s in services_for(office, _actor(Role.ADMIN))] == every
    assert [s.code for s in services_for(office, _actor(Role.KEPALA))] == every  # no unit yet


def test_population_from_the_office_file(tmp_path: Path) -> None:
    office = load_office()
    everyone = scope_for(office, _actor(Role.SUPERVISOR), None)
    whole_year = office_population(office, everyone, year_period(2026))
    assert (whole_year.size, whole_year.yearly) == (8500, 8500)  # Σ of the eight services
    assert whole_year.minimum_sample == 368
    ktp = scope_for(office, _actor(Role.SUPERVISOR), "KTP")
    november = office_population(office, ktp, month_period(2026, 11))
    assert (november.size, november.minimum_sample) == (197, 130)  # 2400 × 30/365
    unknown = load_office(_write(tmp_path, lambda d: d["services"][0].pop("population")))
    assert (
        office_population(
            unknown, scope_for(unknown, _actor(Role.SUPERVISOR), None), year_period(2026)
        )
        is None
    )


def test_bot_username_setting() -> None:
    assert load_settings(None, bot_username="@marelan_bot").bot_username == "marelan_bot"
    assert load_settings(None, bot_username="").bot_username is None
    with pytest.raises(SettingsError, match="BOT_USERNAME: expected"):
        load_settings(None, bot_username="bad name")
