"""Play's pace and the stale-report rule: pure functions behind the map page's playhead."""

import datetime as dt

import pytest

from territorio.selection import playback

JAN = (dt.date(2015, 1, 1), dt.date(2015, 1, 31))
FEB = (dt.date(2015, 2, 1), dt.date(2015, 2, 28))
MAR = (dt.date(2015, 3, 1), dt.date(2015, 3, 31))


@pytest.mark.parametrize("pace,seconds", [(2, 0.5), (4, 0.25), (8, 0.125)])
def test_a_pace_is_a_step_every_so_many_seconds(pace, seconds):
    assert playback.interval(pace) == pytest.approx(seconds)


def test_the_default_pace_is_one_of_the_offered_paces_and_others_are_refused():
    assert playback.DEFAULT_PACE in playback.PACES
    with pytest.raises(ValueError, match="pace 3"):
        playback.interval(3)


def test_a_report_of_the_window_the_server_just_left_is_stale():
    moves = ((JAN, 100.0),)                       # at t=100 the server moved the window from JAN (to FEB)
    assert playback.is_stale(JAN, FEB, moves, now=101.0)


def test_the_current_window_and_a_new_choice_are_not_stale():
    moves = ((JAN, 100.0),)
    assert not playback.is_stale(FEB, FEB, moves, now=101.0)      # what the server shows
    assert not playback.is_stale(MAR, FEB, moves, now=101.0)      # a window the visitor chose


def test_a_report_long_after_the_move_is_a_choice_again():
    moves = ((JAN, 100.0),)
    assert not playback.is_stale(JAN, FEB, moves, now=100.0 + playback.STALE_S + 1)


def test_any_recent_move_counts_not_only_the_last():
    moves = ((FEB, 100.5), (JAN, 100.0))          # JAN -> FEB -> MAR within a second (two Play ticks)
    assert playback.is_stale(JAN, MAR, moves, now=101.0) and playback.is_stale(FEB, MAR, moves, now=101.0)
