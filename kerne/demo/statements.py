"""Demo statements and votes for Hjemmeplejen Nord, with two planted opinion groups.

"Faglighed og dokumentation" leans towards professional standards and records;
"tid og relationer" towards time with the citizen and familiar faces. Staff
mostly hold the first view and citizens and relatives the second, but not all
of them, so the opinion map and the staff–citizen comparison tell different
stories. Some statements everyone agrees with: the consensus to build on.
"""

from __future__ import annotations

import random

from django.contrib.auth.models import User

from kerne.participation.models import Respondent
from kerne.processes.models import Process, StakeholderGroup
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.models import Statement, Vote, VoteEvent
from kerne.statements.services import add_statement, recount_votes, submit_statement

# (text, how "faglighed" voters lean, how "relationer" voters lean): +1 agree, -1 disagree.
STATEMENTS = [
    ("Borgeren skal kunne regne med, at vi kommer til den aftalte tid.", 1, 1),
    ("Vi skal hjælpe borgeren til at klare mest muligt selv.", 1, 1),
    ("Borgerne skal så vidt muligt møde de samme hjælpere hver uge.", 0, 1),
    ("God dokumentation er en del af god faglighed.", 1, -1),
    (
        "Vi bruger for meget tid på at dokumentere og for lidt på at tale med borgeren.",
        -1,
        1,
    ),
    (
        "Kvaliteten skal først og fremmest sikres gennem faste faglige standarder.",
        1,
        -1,
    ),
    (
        "Det er vigtigere at have tid til en kop kaffe end at nå alle opgaver på listen.",
        -1,
        1,
    ),
    ("Pårørende skal inddrages, når vi planlægger hjælpen.", 1, 1),
    (
        "Medarbejderne skal have lov til at afvige fra planen, når borgeren har brug for det.",
        -1,
        1,
    ),
    ("Vi skal måle kvalitet på, om opgaverne er udført som visiteret.", 1, -1),
    ("Relationen til borgeren er selve kerneopgaven.", 0, 1),
    ("Sygeplejefaglig viden skal bruges mere i det daglige arbejde.", 1, 0),
    ("Borgeren ved selv bedst, hvad der skal ske i hjemmet.", -1, 1),
    ("Hjemmeplejen skal forebygge, så borgeren ikke bliver indlagt.", 1, 1),
    ("Skemaerne hjælper os med at give alle borgere den samme gode hjælp.", 1, -1),
]
PENDING = "Vi skal bruge mere tid på at snakke med borgeren end på at dokumentere."


def load(process: Process, *, by: User | None = None, seed: int = 2026) -> str:
    """Add the statements and the demo respondents' votes, then compute the map at once."""
    rng = random.Random(seed)
    statements = [add_statement(process, text=text, by=by) for text, _, _ in STATEMENTS]
    respondents = list(
        Respondent.objects.filter(round__process=process)
        .select_related("group")
        .order_by("pk")
    )
    votes = []
    for respondent in respondents:
        inside = respondent.group.side == StakeholderGroup.Side.INSIDE
        # Most staff lean "faglighed", most citizens and relatives "relationer".
        faglighed = rng.random() < (0.75 if inside else 0.25)
        for statement, (_, lean_f, lean_r) in zip(statements, STATEMENTS, strict=True):
            if rng.random() < 0.15:
                continue  # not everybody votes on everything
            lean = lean_f if faglighed else lean_r
            draw = rng.random()
            if lean == 0:
                value = 1 if draw < 0.5 else (-1 if draw < 0.8 else 0)
            elif draw < 0.8:
                value = lean
            else:
                value = 0 if draw < 0.9 else -lean
            votes.append(Vote(respondent=respondent, statement=statement, value=value))
    # Thousands of rows: bulk, like the demo's answers; the history holds the same votes.
    Vote.objects.bulk_create(votes, batch_size=1000)
    VoteEvent.objects.bulk_create(
        (
            VoteEvent(respondent=v.respondent, statement=v.statement, value=v.value)
            for v in votes
        ),
        batch_size=1000,
    )
    recount_votes(process)
    if respondents:
        submit_statement(respondents[0], text=PENDING)
    compute_opinion_map(process.pk)
    published = Statement.objects.published().filter(process=process).count()
    return f"{published} udsagn med {len(votes)} stemmer i {process.unit.name}."
