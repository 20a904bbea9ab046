"""Transparency: the office publishes its performance to citizens, anonymised.

A public Telegram channel (``/kanal_publik``) gets a weekly post after the supervisors'
digest and a monthly IKM post on the first working day (``posts``), which supervisors can
preview and hold; ``marelan-bot publish`` (and a nightly job) writes a static public page
(``site``). What may be published is decided in ``rules`` (small numbers, personal data in
texts staff write for the public); the figures are read in ``figures``.
"""
