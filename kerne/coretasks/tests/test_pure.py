from __future__ import annotations

from kerne.coretasks.diff import Piece, has_changes, word_diff
from kerne.coretasks.stats import estimate, gap


def test_it_marks_changed_words_only():
    pieces = word_diff("Vi hjælper borgeren i hjemmet", "Vi støtter borgeren i hjemmet")
    assert Piece("delete", "hjælper ") in pieces
    assert Piece("insert", "støtter ") in pieces
    assert "".join(p.text for p in pieces if p.kind != "delete") == (
        "Vi støtter borgeren i hjemmet"
    )
    assert has_changes(pieces)


def test_it_sees_no_changes_in_equal_texts():
    assert not has_changes(word_diff("Samme tekst.", "Samme tekst."))


def test_it_keeps_line_breaks():
    pieces = word_diff("a\nb", "a\nc")
    assert "".join(p.text for p in pieces if p.kind != "insert") == "a\nb"


def test_estimate_has_an_interval_around_the_mean():
    e = estimate([4, 4, 5, 3, 4])
    assert e is not None
    assert e.mean == 4.0
    assert 1 <= e.low < 4 < e.high <= 5


def test_estimate_of_nothing_is_none():
    assert estimate([]) is None


def test_a_big_certain_gap_is_large_and_a_noisy_one_is_not():
    big = gap([5, 5, 4, 5, 5, 4], [2, 2, 3, 2, 1, 2])
    assert big is not None and big.is_large
    noisy = gap([5, 1, 5, 1, 5], [1, 5, 1, 5, 3])
    assert noisy is not None and not noisy.is_large
    small = gap([4] * 50 + [5] * 50, [4] * 60 + [5] * 40)
    assert small is not None and not small.is_large
