"""Marelan ASN bot: the Telegram channel of Kantor Camat Medan Marelan."""

__version__ = "0.1.0"
