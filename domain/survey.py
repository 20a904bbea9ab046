"""Where a survey response came from."""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    """``survey_responses.source``: how the respondent opened the survey."""

    COMMAND = "command"  # /survei
    MENU = "menu"
    LINK = "link"  # a service's QR code or link
    INVITE = "invite"  # the invitation after their complaint
