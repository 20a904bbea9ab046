"""Telegram adapters of people administration: /undang, /pengguna, /cabut, /grup_unit."""
