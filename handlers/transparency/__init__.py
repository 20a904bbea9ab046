"""Telegram adapters of transparency: the public channel (/kanal_publik), previewing and
holding its posts (/pratinjau_publik, /tahan_publik), what the office writes for the
public (/tindak_lanjut, /catatan_publik) and /transparansi for citizens."""

from __future__ import annotations

from telegram.ext import Application

from handlers.transparency import channel, followups, notes, posts


def register(application: Application) -> None:
    channel.register(application)
    posts.register(application)
    followups.register(application)
    notes.register(application)
