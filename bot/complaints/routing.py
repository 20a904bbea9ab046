"""Which unit handles a complaint.

FixMyStreet's lesson: category and place together decide the responsible body. The
category's default unit applies unless the office file has a (category, kelurahan) rule.
Complaints about an officer's conduct never go to that officer's own unit (conflict of
interest, domain rule): they go to the Sekretariat, and the supervisors see them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.office import Office

SECRETARIAT = "SEKRET"


@dataclass(frozen=True)
class Route:
    unit_code: str
    also_supervisors: bool  # supervisors get their own alert (conduct complaints)


def route(office: Office, category_code: str, kelurahan_code: str | None) -> Route:
    category = office.category(category_code)
    if category is None:
        raise ValueError(f"unknown category {category_code}")
    if category.conduct:
        return Route(SECRETARIAT, also_supervisors=True)
    for rule in office.routing:
        if rule.category == category_code and rule.kelurahan == kelurahan_code:
            return Route(rule.unit, also_supervisors=False)
    return Route(category.unit, also_supervisors=False)


def reassign_targets(office: Office, current_unit: str, named_unit: str | None) -> list[str]:
    """Units a complaint may move to: any other unit, never the unit of the officer a
    conduct complaint is about."""
    return [u.code for u in office.units if u.code not in (current_unit, named_unit)]
