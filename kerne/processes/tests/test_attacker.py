"""An attacker's walk over every view of a round, over generated round shapes.

Each respondent writes words no one else writes ("zq<group><person>x<question>"),
so any word on a page tells exactly whose answer it is. The oracle below is the
rule written out once more, from the raw shape and independent of the code under
test: a group counts only its real respondents, units are the groups with at
least k and (once closed) the pool of the rest when they reach k together, and a
unit is shown for a question only with k answers to it.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from kerne.organisations.models import Membership
from kerne.organisations.services import add_member
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.models import Question, Round
from kerne.processes.services import open_round
from kerne.testing import invitation, make_organisation, make_process, make_unit
from kerne.testing import make_user as _make_user

GROUPS = ("medarbejder", "leder", "borger", "paaroerende")
POOL_LABEL = "Øvrige grupper samlet"
QUESTIONS = 4
PLANTED = re.compile(r"zq(\d)p(\d+)x(\d)")


def word(group: int, person: int, question: int) -> str:
    return f"zq{group}p{person}x{question}"


@dataclass(frozen=True)
class Shape:
    threshold: int
    closed: bool
    # Per group, per respondent: a bit per question answered (0 is an empty form).
    answered: tuple[tuple[int, ...], ...]


shapes = st.builds(
    Shape,
    threshold=st.sampled_from([3, 5]),
    closed=st.booleans(),
    answered=st.tuples(
        *[
            st.lists(st.integers(0, 2**QUESTIONS - 1), max_size=15).map(tuple)
            for _ in GROUPS
        ]
    ),
)


def oracle(
    shape: Shape,
) -> tuple[dict[int, int], list[frozenset[int]], dict[int, dict[frozenset[int], int]]]:
    """Real respondents per group, the round's units, and per question the shown units."""
    k = shape.threshold
    real = {g: sum(1 for m in people if m) for g, people in enumerate(shape.answered)}
    units = [frozenset([g]) for g, n in real.items() if n >= k]
    small = frozenset(g for g, n in real.items() if 0 < n < k)
    if shape.closed and sum(real[g] for g in small) >= k:
        units.append(small)
    shown: dict[int, dict[frozenset[int], int]] = {}
    for q in range(QUESTIONS):
        per_unit = {
            unit: sum(1 for g in unit for m in shape.answered[g] if m & (1 << q))
            for unit in units
        }
        shown[q] = {u: n for u, n in per_unit.items() if n >= k}
    return real, units, shown


BANK = (
    "Tryghed og faste hjælpere hver dag",
    "At nogen kommer og spørger hvordan det går",
    "Hjælp til at klare sig selv i eget hjem",
    "Samarbejdet med de pårørende om hverdagen",
    "Vi støtter borgeren i at gøre det selv",
    "Medicinen bliver givet til tiden",
    "Et fast team der kender mig",
    "Rengøring og hjælp til bad",
)


def build(shape: Shape) -> tuple[User, Round, list[Question]]:
    """A round of the shape; each answer ends with its writer's own word."""
    alice = _make_user("alice")
    organisation = make_organisation()
    add_member(organisation, alice, role=Membership.Role.FACILITATOR)
    process = make_process(make_unit(organisation), by=alice)
    process.anonymity_threshold = shape.threshold
    process.save(update_fields=["anonymity_threshold"])
    round_ = process.rounds.get()
    open_round(round_)
    questions = list(round_.questions.order_by("order"))[:QUESTIONS]
    for g, people in enumerate(shape.answered):
        inv = invitation(round_, GROUPS[g])
        for person, mask in enumerate(people):
            respondent = start_respondent(inv)
            save_answers(
                respondent,
                {
                    q: AnswerValue(
                        text=f"{BANK[(3 * g + person + i) % len(BANK)]} {word(g, person, i)}"
                        if mask & (1 << i)
                        else ""
                    )
                    for i, q in enumerate(questions)
                },
            )
            # An empty form, as older data or a direct call could leave it.
            submit_respondent(respondent)
    if shape.closed:
        Round.objects.filter(pk=round_.pk).update(status=Round.Status.CLOSED)
        round_.refresh_from_db()
    return alice, round_, questions


class AttackerTests(TestCase):
    @settings(
        max_examples=14,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(shapes)
    def test_no_view_shows_what_fewer_than_k_real_people_said(self, shape):
        alice, round_, questions = build(shape)
        real, units, shown = oracle(shape)
        names = [round_.process.groups.get(key=key).name for key in GROUPS]
        unit_of_label = {names[next(iter(u))]: u for u in units if len(u) == 1}
        for u in units:
            if len(u) > 1:
                unit_of_label[POOL_LABEL] = u

        self.client.force_login(alice)
        pages = self.views(round_, questions)

        # 1. No word from a unit that is not shown for its question.
        for name, body in pages.items():
            for g, _person, q in PLANTED.findall(body):
                unit = next(u for u in units if int(g) in u)
                assert unit in shown[int(q)], (name, shape)
            assert POOL_LABEL + " (" not in body, name

        # 2. The CSV: every (unit, question) has k rows or none; figures per question.
        rows = list(csv.reader(io.StringIO(pages["csv"]), delimiter=";"))[1:]
        figures: list[tuple[int | str, frozenset[int], int]] = []
        by_cell: dict[tuple[str, str], int] = {}
        for label, prompt, _dimension, _answer in rows:
            by_cell[(label, prompt)] = by_cell.get((label, prompt), 0) + 1
        for (label, prompt), n in by_cell.items():
            q = next(i for i, x in enumerate(questions) if x.prompt == prompt)
            unit = unit_of_label[label]
            assert shown[q].get(unit) == n >= shape.threshold, (label, q, shape)
            figures.append((q, unit, n))

        # 3. The live counter: a count only for a group of k, a total of those only.
        counter = pages["counter"]
        for name, n in re.findall(
            r"<tr><td>([^<]+)</td><td[^>]*>(\d+)</td></tr>", counter
        ):
            g = names.index(name)
            assert real[g] == int(n) >= shape.threshold, (name, shape)
            figures.append(("round", frozenset([g]), int(n)))
        total = re.search(r"<tfoot>.*?<td[^>]*>(\d+)</td>", counter, re.S)
        assert total is not None
        visible = frozenset(g for g, n in real.items() if n >= shape.threshold)
        assert int(total.group(1)) == sum(real[g] for g in visible)
        figures.append(("round", visible, int(total.group(1))))

        # 4. No ± combination of figures of one kind isolates a group below k.
        for kind in {f[0] for f in figures}:
            sets = [f[1] for f in figures if f[0] == kind]
            for signs in itertools.product((-1, 0, 1), repeat=min(len(sets), 6)):
                weights: dict[int, int] = {}
                for sign, groups in zip(signs, sets, strict=False):
                    for g in groups:
                        weights[g] = weights.get(g, 0) + sign
                isolated = [g for g, w in weights.items() if w]
                if len(isolated) == 1:
                    g = isolated[0]
                    if isinstance(kind, int):
                        count = sum(1 for m in shape.answered[g] if m & (1 << kind))
                    else:
                        count = real[g]
                    assert count == 0 or count >= shape.threshold, (kind, g, shape)

    def views(self, round_, questions) -> dict[str, str]:
        answers = reverse("participation:answers", args=[round_.pk])
        pages = {
            "answers": self.client.get(answers).content.decode(),
            "partial": self.client.get(
                answers, {"q": "zq"}, headers={"HX-Request": "true"}
            ).content.decode(),
            "csv": self.client.get(
                reverse("participation:answers_csv", args=[round_.pk])
            ).content.decode("utf-8-sig"),
            "round": self.client.get(
                reverse("participation:round", args=[round_.pk])
            ).content.decode(),
            "counter": self.client.get(
                reverse("participation:round_status", args=[round_.pk])
            ).content.decode(),
        }
        # Every filter an attacker could try: each question, each group id, the pool.
        keys = ["__pool__"] + [str(g.pk) for g in round_.process.groups.all()]
        for key in keys:
            pages[f"unit {key}"] = self.client.get(
                answers, {"gruppe": key}
            ).content.decode()
        for q in questions:
            pages[f"question {q.pk}"] = self.client.get(
                answers, {"spoergsmaal": str(q.pk)}, headers={"HX-Request": "true"}
            ).content.decode()
        return pages
