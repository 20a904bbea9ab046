"""Pure rules of the personal-data rights: who may erase, when names are withheld, how
long a confirmation stays valid, and which complaints an erasure closes."""

from bot.complaints.rules import ALLOWED, Action, Status
from bot.people.roles import Role
from bot.privacy.rules import (
    CONFIRM_VALID,
    ERASED_NAME,
    Names,
    confirmation_fresh,
    kept_open_on_erasure,
    may_erase,
    names_to_store,
    names_withheld,
    withdrawn_on_erasure,
)


def test_only_citizens_erase_themselves() -> None:
    assert may_erase(Role.CITIZEN)
    for role in (Role.STAF, Role.KEPALA, Role.SUPERVISOR, Role.ADMIN):
        assert not may_erase(role)


def test_names_are_withheld_after_erasure_until_consent_or_a_role() -> None:
    assert not names_withheld("citizen", None, None)  # never erased
    assert names_withheld("citizen", 100, None)  # erased, no consent since
    assert not names_withheld("citizen", 100, 200)  # consented again
    assert not names_withheld("staf", 100, None)  # took up a role: employment data


def test_names_to_store() -> None:
    telegram = Names("Siti", "Aminah", "siti_a")
    assert names_to_store(False, telegram) == telegram
    assert names_to_store(True, telegram) == Names(ERASED_NAME, None, None)


def test_confirmation_is_valid_for_an_hour() -> None:
    limit = int(CONFIRM_VALID.total_seconds())
    assert confirmation_fresh(1_000, 1_000)
    assert confirmation_fresh(1_000, 1_000 + limit)
    assert not confirmation_fresh(1_000, 1_001 + limit)
    assert not confirmation_fresh(1_000, 999)  # from the future: forged


def test_erasure_closes_what_is_still_being_handled() -> None:
    closable = ALLOWED[Action.WITHDRAW]
    assert Status.DITUTUP not in closable
    assert set(Status) - closable == {Status.DITUTUP}


def test_conduct_complaints_stay_open_the_others_are_withdrawn() -> None:
    for status in Status:
        handled = status in ALLOWED[Action.WITHDRAW]
        assert withdrawn_on_erasure(status, conduct=False) == handled
        assert not withdrawn_on_erasure(status, conduct=True)
    assert kept_open_on_erasure(Status.BARU, conduct=True)
    assert kept_open_on_erasure(Status.MENUNGGU_WARGA, conduct=True)
    assert not kept_open_on_erasure(Status.SELESAI, conduct=True)  # closes as usual
    assert not kept_open_on_erasure(Status.BARU, conduct=False)


def test_a_withdrawn_complaint_is_shown_as_withdrawn() -> None:
    from bot.complaints.rules import WITHDRAWN, shown_status

    assert shown_status("ditutup", 1_000) == WITHDRAWN
    assert shown_status("ditutup", None) == "ditutup"
