from __future__ import annotations

from kerne.analysis.gaps import GAP_RULE, GapRule


def test_a_planted_development_gap_is_flagged():
    # dagtilbud V, tidlig_indsats: 11 of 78 staff answers against 2 of 63 outside.
    assert GAP_RULE.flags(11, 78, 2, 63)


def test_a_balanced_development_theme_is_not():
    # dagtilbud V, tryghed_omsorg: 14 of 78 against 12 of 63.
    assert not GAP_RULE.flags(14, 78, 12, 63)


def test_a_small_ratio_is_no_gap_however_many_answers():
    # 22 % against 18 %: p < 0.001 with 4,000 a side, but not 1.5 times as often.
    assert not GAP_RULE.flags(880, 4000, 720, 4000)
    assert GapRule(alpha=GAP_RULE.alpha, ratio=1.0).flags(880, 4000, 720, 4000)


def test_nothing_to_compare_is_no_gap():
    assert not GAP_RULE.flags(0, 20, 0, 20)
    assert not GAP_RULE.flags(3, 0, 1, 10)
