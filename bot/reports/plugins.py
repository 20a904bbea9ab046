"""The satisfaction survey and the activities in the reports: importing this module adds
their sections to ``/ringkasan``, ``/kinerja`` and the weekly digest, their sheets to
``/ekspor`` and the monthly IKM digest, through the extension points of
:mod:`bot.report_sections`, :mod:`bot.services.export_sheets` and
:mod:`bot.services.digest`. The order of :func:`install` is the order on screen: the IKM,
then the weakest unsur, then JP; sheets Survei, then Kegiatan."""

from __future__ import annotations

from bot.activities import export as export_activities
from bot.activities import report_sections as report_jp
from bot.reports import digest
from bot.survey import digest as digest_ikm
from bot.survey import export as export_survey
from bot.survey import report_sections as report_satisfaction


def install() -> None:
    """Register everything (idempotent: every extension point ignores a repeat)."""
    report_satisfaction.register()
    report_jp.register()
    export_survey.register()
    export_activities.register()
    digest.register(digest_ikm.MONTHLY_IKM)


install()
