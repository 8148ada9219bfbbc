"""Demo prioritisation for Hjemmeplejen Syd: initiatives, a rating, a pairwise round,
decisions and a self-assessment of the competences the core task needs.

Everything goes through the priorities services, as a leader and the invited groups
would do it. The rating has enough staff, leaders and citizens to be shown per group;
the two relatives stay below the threshold and are shown nowhere, so the demo shows
the anonymity plan at work. The content is Danish, as users would write it.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from django.contrib.auth.models import User
from django.utils import timezone

from kerne.organisations.models import Unit
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.priorities.models import Decision, Initiative, RatingQuestion
from kerne.priorities.services import (
    add_competence,
    add_initiative,
    create_competence_round,
    create_pairwise_round,
    create_rating_round,
    record_comparison,
    record_decision,
)
from kerne.processes.models import Dimension, Process
from kerne.processes.services import close_round, open_round

# Title, description, dimensions, rating weights (up, keep, down, not core), strength.
INITIATIVES: tuple[
    tuple[str, str, tuple[str, ...], tuple[int, int, int, int], float], ...
] = (
    (
        "Faste hjælpere til den enkelte borger",
        "Et lille, fast team omkring hver borger, så borgeren møder få og kendte ansigter.",
        (Dimension.VAERDI, Dimension.AMBITION),
        (8, 2, 0, 0),
        1.6,
    ),
    (
        "Hverdagsrehabilitering",
        "Vi træner de daglige gøremål med borgeren, så borgeren selv kan mere.",
        (Dimension.TILGANG, Dimension.VAERDI),
        (6, 3, 1, 0),
        1.1,
    ),
    (
        "Pårørendesamtale ved opstart",
        "En samtale med borger og pårørende i den første uge om ønsker og aftaler.",
        (Dimension.MAALGRUPPE, Dimension.TILGANG),
        (4, 4, 2, 0),
        0.5,
    ),
    (
        "Tryghedsopkald om aftenen",
        "Et kort opkald til borgere, der bor alene og er utrygge om aftenen.",
        (Dimension.VAERDI, Dimension.MAALGRUPPE),
        (3, 5, 2, 0),
        0.2,
    ),
    (
        "Medicindosering på apoteket",
        "Apoteket doserer medicinen i poser, så hjælperne bruger tiden hos borgeren.",
        (Dimension.TILGANG,),
        (3, 4, 2, 1),
        -0.1,
    ),
    (
        "Dokumentation på tablet i hjemmet",
        "Hjælperne skriver journalen på en tablet under besøget i stedet for bagefter.",
        (Dimension.TILGANG,),
        (1, 3, 5, 1),
        -0.8,
    ),
    (
        "Følgeskab til frisør og fodterapeut",
        "En hjælper følger borgeren til frisør, fodterapeut og lignende aftaler.",
        (Dimension.MAALGRUPPE,),
        (0, 2, 3, 5),
        -1.5,
    ),
)

REASONS = (
    "Det er det, borgerne spørger efter, når vi kommer.",
    "Det giver tryghed, og det sparer tid senere.",
    "Det er godt, men det fylder for meget i forhold til, hvad det giver.",
    "Det kan andre gøre lige så godt: pårørende, frivillige eller private.",
)

# Who rates: staff, leaders and citizens pass the threshold; two relatives stay hidden.
RATERS = {"medarbejder": 12, "leder": 6, "borger": 7, "paaroerende": 2}
VOTERS = {"medarbejder": 10, "leder": 5, "borger": 6, "paaroerende": 2}
PAIRS_EACH = 8

DECISIONS = (
    (
        "Faste hjælpere til den enkelte borger",
        Decision.Kind.UP,
        "Alle grupper sætter det øverst, og det er kernen i vores kerneopgave: "
        "tryghed, fordi der kommer nogen, der kender én.",
        40,
    ),
    (
        "Dokumentation på tablet i hjemmet",
        Decision.Kind.DOWN,
        "Borgerne oplever, at tiden går til skærmen. Vi dokumenterer kort under "
        "besøget og resten bagefter.",
        38,
    ),
    (
        "Følgeskab til frisør og fodterapeut",
        Decision.Kind.NOT_CORE,
        "Pårørende og frivillige kan følge borgeren; vi hjælper med at lave aftalen.",
        38,
    ),
)


# Title, dimensions, and the centre of the employees' self-assessment (1–5).
COMPETENCES: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("Relationen til borgeren og samtalen i hjemmet", (Dimension.VAERDI,), 4.3),
    ("Hverdagsrehabilitering og træning i daglige gøremål", (Dimension.TILGANG,), 3.4),
    ("Viden om demens og samtaler med pårørende", (Dimension.MAALGRUPPE,), 2.4),
    (
        "Sundhedsfaglig observation og opsporing",
        (Dimension.TILGANG, Dimension.VAERDI),
        3.1,
    ),
    ("Samarbejde med sygeplejen og egen læge", (Dimension.TILGANG,), 2.7),
)
# Fourteen employees are shown; the three leaders stay below the threshold and hidden.
ASSESSORS = {"medarbejder": 14, "leder": 3}


def load_competences(process: Process, by: User, rng: random.Random) -> int:
    """The competences and a closed self-assessment round; returns the respondents."""
    made = [
        add_competence(process, by=by, title=title, dimensions=dims)
        for title, dims, _centre in COMPETENCES
    ]
    assessment = create_competence_round(process, by=by)
    open_round(assessment.round)
    question = {
        link.competence_id: link.question for link in assessment.questions.all()
    }
    invitations = {
        inv.group.key: inv
        for inv in assessment.round.invitations.select_related("group")
    }
    for key, people in ASSESSORS.items():
        for _ in range(people):
            respondent = start_respondent(invitations[key])
            marks = {
                question[competence.pk]: AnswerValue(
                    number=min(5, max(1, round(rng.gauss(centre, 0.8))))
                )
                for competence, (_t, _d, centre) in zip(made, COMPETENCES, strict=True)
            }
            save_answers(respondent, marks)
            submit_respondent(respondent)
    close_round(assessment.round)
    return sum(ASSESSORS.values())


def load(unit: Unit, by: User) -> str:
    """Initiatives with a closed rating round, a closed pairwise round and decisions."""
    rng = random.Random(2027)
    process = unit.processes.get()
    made: dict[str, Initiative] = {}
    for title, description, dimensions, _weights, _strength in INITIATIVES:
        made[title] = add_initiative(
            process, by=by, title=title, description=description, dimensions=dimensions
        )

    rating = create_rating_round(process, by=by)
    open_round(rating.round)
    links = {
        (link.initiative_id, link.measure): link.question
        for link in RatingQuestion.objects.filter(rating_round=rating)
    }
    invitations = {
        inv.group.key: inv for inv in rating.round.invitations.select_related("group")
    }
    for key, count in RATERS.items():
        for _i in range(count):
            values = {}
            for title, _d, _dims, weights, _s in INITIATIVES:
                initiative = made[title]
                question = links[(initiative.pk, RatingQuestion.Measure.RATING)]
                index = rng.choices(range(4), weights=weights)[0]
                values[question] = AnswerValue(choice=question.choices[index])
                if rng.random() < 0.25:
                    why = links[(initiative.pk, RatingQuestion.Measure.REASON)]
                    values[why] = AnswerValue(text=REASONS[index])
            respondent = start_respondent(invitations[key])
            save_answers(respondent, values)
            submit_respondent(respondent)
    close_round(rating.round)

    pairwise = create_pairwise_round(process, by=by, participants_may_suggest=False)
    open_round(pairwise.round, needs_questions=False)
    items = list(pairwise.items.select_related("initiative"))
    strength = {title: s for title, _d, _dims, _w, s in INITIATIVES}
    invitations = {
        inv.group.key: inv for inv in pairwise.round.invitations.select_related("group")
    }
    comparisons = 0
    for key, count in VOTERS.items():
        for _i in range(count):
            respondent = start_respondent(invitations[key])
            pairs = rng.sample(
                [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]],
                PAIRS_EACH,
            )
            for first, second in pairs:
                if rng.random() < 0.1:
                    winner = None
                else:
                    gap = strength[first.title] - strength[second.title]
                    chance = 1 / (1 + math.exp(-gap))
                    winner = first if rng.random() < chance else second
                record_comparison(respondent, first=first, second=second, winner=winner)
                comparisons += 1
    close_round(pairwise.round)

    today = timezone.localdate()
    for title, kind, reason, days in DECISIONS:
        record_decision(
            made[title],
            by=by,
            kind=kind,
            reason=reason,
            decided_on=today - dt.timedelta(days=days),
        )
    assessed = load_competences(process, by, rng)
    return (
        f"Prioritering: Hjemmeplejen Syd har {len(made)} initiativer, "
        f"{sum(RATERS.values())} vurderinger, {comparisons} parvise valg, "
        f"{len(DECISIONS)} beslutninger og {len(COMPETENCES)} kompetencer "
        f"selvvurderet af {assessed}."
    )
