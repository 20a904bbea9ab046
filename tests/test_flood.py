"""The flood gate's rule: more than ``limit`` messages in a minute earns one notice, then
silence for the mute, then a fresh start."""

from bot.people.flood import FloodGate, Verdict


def test_the_twenty_first_message_in_a_minute_gets_the_notice_then_silence() -> None:
    gate = FloodGate(limit=20, mute_seconds=600)
    assert [gate.hit(1, 100 + i) for i in range(20)] == [Verdict.PASS] * 20
    assert gate.hit(1, 125) is Verdict.NOTICE
    assert gate.hit(1, 126) is Verdict.MUTED
    assert gate.hit(1, 724) is Verdict.MUTED
    assert gate.hit(1, 725) is Verdict.PASS  # the mute is over: counted afresh
    assert gate.hit(2, 126) is Verdict.PASS  # someone else is not affected


def test_a_steady_writer_below_the_limit_is_never_muted() -> None:
    gate = FloodGate(limit=20, mute_seconds=600)
    assert all(gate.hit(7, second * 3) is Verdict.PASS for second in range(500))
