"""Generated pairwise rounds, read as an attacker would: no figure rests on a hidden group."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from kerne.organisations.models import Membership
from kerne.organisations.services import add_member
from kerne.participation.models import Respondent
from kerne.participation.services import start_respondent
from kerne.priorities.pages_pairwise import pairwise_results
from kerne.priorities.services import (
    add_initiative,
    create_pairwise_round,
    record_comparison,
)
from kerne.processes.models import Round
from kerne.processes.services import open_round
from kerne.testing import (
    invitation,
    make_organisation,
    make_process,
    make_unit,
    make_user,
)

GROUPS = ("medarbejder", "leder", "borger", "paaroerende")
TITLES = ("A", "B", "C", "D")
PAIRS = [(i, j) for i in range(4) for j in range(i + 1, 4)]

# Per group: one list per person of (pair index, choice) with choice 0/1 = a side, 2 = can't.
people = st.lists(
    st.lists(st.tuples(st.integers(0, len(PAIRS) - 1), st.integers(0, 2)), max_size=4),
    max_size=6,
)
shapes = st.tuples(
    st.integers(3, 4), st.booleans(), st.tuples(people, people, people, people)
)


def build(threshold, closed, groups):
    alice = make_user("alice")
    organisation = make_organisation()
    add_member(organisation, alice, role=Membership.Role.FACILITATOR)
    process = make_process(make_unit(organisation), by=alice)
    process.anonymity_threshold = threshold
    process.save(update_fields=["anonymity_threshold"])
    for title in TITLES:
        add_initiative(process, by=alice, title=title)
    pairwise = create_pairwise_round(process, by=alice)
    open_round(pairwise.round, needs_questions=False)
    items = {i.title: i for i in pairwise.items.all()}
    ordered = [items[t] for t in TITLES]
    made: dict[str, list[Respondent]] = {}
    for key, persons in zip(GROUPS, groups, strict=True):
        made[key] = []
        for choices in persons:
            respondent = start_respondent(invitation(pairwise.round, key))
            for pair, choice in choices:
                a, b = (ordered[i] for i in PAIRS[pair])
                winner = None if choice == 2 else (a, b)[choice]
                record_comparison(respondent, first=a, second=b, winner=winner)
            made[key].append(respondent)
    if closed:
        Round.objects.filter(pk=pairwise.round_id).update(status=Round.Status.CLOSED)
        pairwise.round.refresh_from_db()
    return pairwise, made


class AttackerTests(HypothesisTestCase):
    @settings(
        max_examples=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(shapes)
    def test_no_figure_changes_when_the_hidden_groups_vanish(self, shape):
        threshold, closed, groups = shape
        pairwise, made = build(threshold, closed, groups)
        results = pairwise_results(pairwise, reps=5)
        for unit in results.units:
            assert unit.respondents >= threshold
        for row in results.rows:
            for cell in [row.overall, *row.by_unit]:
                # A count shows only where k people compared the item; a score needs that too.
                assert cell.comparisons is not None or cell.score is None
        # Who decided in at least one pair is real; a group under k is hidden unless
        # the closed round pools it with other small groups to k or more.
        real = {
            key: [r for r in rs if r.pairwise_comparisons.exclude(winner=None).exists()]
            for key, rs in made.items()
        }
        small = {k: rs for k, rs in real.items() if 0 < len(rs) < threshold}
        pooled = closed and sum(len(rs) for rs in small.values()) >= threshold
        assert results.hidden_groups == (0 if pooled else len(small))
        if pooled:
            return
        for respondents in small.values():
            for respondent in respondents:
                respondent.delete()
        # Only the note "n groups are not shown" may change: no figure, no row, no unit.
        after = pairwise_results(pairwise, reps=5)
        assert replace(after, hidden_groups=0) == replace(results, hidden_groups=0)
