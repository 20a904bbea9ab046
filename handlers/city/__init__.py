"""The city-level bot's handlers (a bot of its own, see bot/city/app.py)."""

from telegram.ext import Application

from handlers.city import reports


def register(application: Application) -> None:
    reports.register(application)
