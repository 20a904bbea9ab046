"""The sandbox ("mode latihan"): the whole office on one machine, with no Telegram token.

``marelan-bot sandbox`` starts the Bot API emulator, the real bot (built by the same
application factory as ``marelan-bot run``) pointed at it, and a web page on 127.0.0.1
where newcomers, evaluators and trainees act as citizens, staff and the Camat: several
chats side by side, a clock that moves the office forward, and scenarios (a demo story,
training exercises).

Nothing in ``bot/``, ``handlers/`` or ``storage/`` imports this package or the emulator:
the command line loads it lazily, only for the ``sandbox`` subcommand.
"""
