"""Generated self-assessments, read as an attacker would: no cell rests on a hidden team."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from kerne.organisations.models import Membership
from kerne.organisations.services import add_member
from kerne.participation.models import Answer
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.priorities.pages_competences import heat_map, heat_map_table
from kerne.priorities.services import add_competence, create_competence_round
from kerne.processes.models import Round, StakeholderGroup
from kerne.processes.services import add_group, open_round
from kerne.testing import (
    invitation,
    make_organisation,
    make_process,
    make_unit,
    make_user,
)

GROUPS = ("medarbejder", "leder", "team-nord")
TITLES = ("Demensviden", "Rehabilitering")

# Per group: one dict per person, competence index → 1–5 (a missing key: not answered).
person = st.dictionaries(st.integers(0, len(TITLES) - 1), st.integers(1, 5))
shapes = st.tuples(
    st.integers(3, 4),
    st.booleans(),
    st.tuples(*(st.lists(person, max_size=6) for _ in GROUPS)),
)


def build(threshold, closed, groups):
    alice = make_user("alice")
    organisation = make_organisation()
    add_member(organisation, alice, role=Membership.Role.FACILITATOR)
    process = make_process(make_unit(organisation), by=alice)
    process.anonymity_threshold = threshold
    process.save(update_fields=["anonymity_threshold"])
    add_group(
        process, key="team-nord", name="Team Nord", side=StakeholderGroup.Side.INSIDE
    )
    for title in TITLES:
        add_competence(process, by=alice, title=title, dimensions=["tilgang"])
    assessment = create_competence_round(process, by=alice)
    open_round(assessment.round)
    questions = [
        link.question for link in assessment.questions.order_by("question__order")
    ]
    for key, persons in zip(GROUPS, groups, strict=True):
        for marks in persons:
            respondent = start_respondent(invitation(assessment.round, key))
            save_answers(
                respondent,
                {questions[i]: AnswerValue(number=n) for i, n in marks.items()},
            )
            submit_respondent(respondent)
    if closed:
        Round.objects.filter(pk=assessment.round_id).update(status=Round.Status.CLOSED)
        assessment.round.refresh_from_db()
    return assessment, questions


def figures(assessment):
    page = heat_map(assessment)
    return (
        [u.label for u in page.units],
        [(r.cells, r.together) for r in page.rows],
        [(d.cells, d.together) for d in page.dimensions],
        [r.competence.title for r in page.lacking],
        heat_map_table(page),
    )


class AttackerTests(HypothesisTestCase):
    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(shapes)
    def test_no_figure_moves_when_a_hidden_cells_answers_change(self, shape):
        threshold, closed, groups = shape
        assessment, questions = build(threshold, closed, groups)
        before = figures(assessment)
        page = heat_map(assessment)
        for row, question in zip(page.rows, questions, strict=True):
            for cell in [*row.cells, row.together]:
                assert cell.mean is None or cell.answered >= threshold
            shown = {
                gid
                for unit, cell in zip(page.units, row.cells, strict=True)
                if cell.mean is not None
                for gid in unit.group_ids
            }
            # Every answer outside a shown cell says the opposite now: nothing may move.
            hidden = Answer.objects.filter(question=question).exclude(
                respondent__group_id__in=shown
            )
            for answer in hidden:
                answer.number = 6 - (answer.number or 3)
                answer.save(update_fields=["number"])
        assert figures(assessment) == before
