"""Mirroring the office file into the database at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.core import audit, reference

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


async def sync_office(runtime: Runtime) -> None:
    office = runtime.office
    async with runtime.db.transaction() as tx:
        await reference.sync(
            tx,
            units=[reference.UnitRow(u.code, u.name, u.name_en) for u in office.units],
            kelurahan=[reference.KelurahanRow(k.code, k.name) for k in office.kelurahan],
            categories=[
                reference.CategoryRow(
                    c.code,
                    c.name,
                    c.name_en,
                    c.unit,
                    c.acknowledge_days,
                    c.resolve_days,
                    c.conduct,
                )
                for c in office.categories
            ],
            services=[
                reference.ServiceRow(s.code, s.name, s.name_en, s.unit, s.population)
                for s in office.services
            ],
        )
        await audit.record(
            tx,
            runtime.now(),
            None,
            "office.synced",
            "office",
            office.office.region_code,
            units=len(office.units),
            categories=len(office.categories),
        )
