"""Demo core tasks for Solbjerg Kommune: one unit with the whole journey, one in qualification.

Hjemmeplejen Syd has two adopted versions (history), a finished qualification
round with enough answers in every group, and a review date close enough that
"time to revisit" shows. Jobcenter Solbjerg has a first round answered from its own
phrase bank (`phrases/jobcenter.py`), drafts, comments and an open qualification round.
The content is Danish, as users would write it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence

from django.contrib.auth.models import User
from django.utils import timezone

from kerne.coretasks.models import (
    Adoption,
    NotCoreTask,
    PublicPage,
    QualificationQuestion,
    QualificationRound,
)
from kerne.coretasks.services import (
    DraftText,
    add_comment,
    add_not_core_task,
    adopt_version,
    create_qualification_round,
    save_version,
)
from kerne.demo.answers import JOB_QUESTIONS, generate_job_respondents
from kerne.demo.phrases.hjemmepleje_syd import CARE_SUGGESTIONS
from kerne.demo.phrases.jobcenter import JOB_SUGGESTIONS
from kerne.demo.rounds import load_answers, question_templates
from kerne.demo.users import demo_user
from kerne.organisations.models import Membership, Organisation, Unit
from kerne.organisations.services import add_member
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.models import Dimension, Phase, Process
from kerne.processes.services import close_round, create_process, open_round, set_phase

ADMINISTRATOR = ("direktoer", "Dorte", "Direktør")

CARE_V1 = DraftText(
    statement="Vi hjælper borgerne i Syd med at klare hverdagen i eget hjem.",
    vaerdi="Borgeren får den hjælp, der er visiteret, til tiden.",
    ambition="Vi vil være kendt for at være pålidelige.",
    tilgang="Vi sikrer pleje og praktisk hjælp af høj faglig kvalitet.",
    maalgruppe="Borgere med behov for hjemmehjælp.",
)
CARE_V2 = DraftText(
    statement=(
        "Sammen med borgeren og de pårørende skaber vi tryghed og livsglæde, "
        "så borgeren kan leve det liv, han eller hun ønsker – i eget hjem."
    ),
    vaerdi=(
        "Borgeren kan blive boende hjemme og føle sig tryg, fordi der kommer nogen, "
        "der kender én og ved, hvad der betyder noget."
    ),
    ambition=(
        "Om fem år er vi kendt for faste, nærværende hjælpere og for at tage "
        "borgerens egne ønsker alvorligt."
    ),
    tilgang=(
        "Vi understøtter borgerens egne kræfter. Vi løser opgaven med borgeren, "
        "ikke for borgeren, og vi spørger, før vi gør."
    ),
    maalgruppe=(
        "Borgere i Syd, der har brug for hjælp i hverdagen – og deres pårørende, "
        "som vi samarbejder med."
    ),
)
CARE_V3_NOTE = "Pårørende er skrevet ind i målgruppen efter kvalificeringen."

JOB_V1 = DraftText(
    statement="Jobcentret hjælper ledige i job.",
    vaerdi="Ledige kommer i job hurtigere.",
    ambition="Vi vil have den laveste ledighed i regionen.",
    tilgang="Vi sikrer, at borgerne lever op til reglerne og kommer i aktivering.",
    maalgruppe="Ledige og sygemeldte borgere.",
)
JOB_V2 = DraftText(
    statement=(
        "Sammen med borgeren og virksomhederne finder vi den vej til arbejde og "
        "uddannelse, der giver mening for den enkelte."
    ),
    vaerdi="Borgeren får troen på egne muligheder og et sted at høre til på arbejdsmarkedet.",
    ambition="Vi vil være kendt for at lytte først og for at holde, hvad vi lover.",
    tilgang="Vi vejleder og coacher, og vi lægger planen sammen med borgeren.",
    maalgruppe="Borgere uden job eller uddannelse, og de virksomheder, der vil ansætte dem.",
)

NOT_CORE = (
    (
        "Rengøring ud over det visiterede",
        "Det kan borgeren købe hos private leverandører; vi bruger tiden på omsorg og træning.",
    ),
    (
        "Indkøb for borgere, der selv kan bestille online",
        "Vi hjælper i stedet borgeren med at komme i gang med at bestille selv.",
    ),
)


def _explore(process: Process) -> None:
    """The jobcentre's first round, answered and closed, so the editor has material."""
    round_ = process.rounds.get()
    open_round(round_)
    load_answers(round_, JOB_QUESTIONS, generate_job_respondents(seed=2026))
    close_round(round_)


def _answer(
    qualification: QualificationRound,
    group_counts: dict[str, int],
    rng: random.Random,
    *,
    suggestions: Mapping[str, Sequence[tuple[str, str]]],
    outside_doubts: str,
) -> None:
    """Generated ratings: staff recognise the draft; outside, one dimension is doubted."""
    measures = list(qualification.questions.select_related("question"))
    invitations = {
        inv.group.key: inv
        for inv in qualification.round.invitations.select_related("group")
    }
    said = {d: list(texts) for d, texts in suggestions.items()}
    for key, count in group_counts.items():
        invitation = invitations[key]
        inside = invitation.group.side == "inside"
        for _i in range(count):
            values = {}
            for qq in measures:
                question = qq.question
                if qq.measure == QualificationQuestion.Measure.SUGGESTION:
                    pool = said.get(qq.dimension, [])
                    mine = [item for item in pool if item[0] == key]
                    if mine and rng.random() < 0.5:
                        pool.remove(mine[0])
                        values[question] = AnswerValue(text=mine[0][1])
                    continue
                doubted = not inside and qq.dimension == outside_doubts
                centre = 2.4 if doubted else (4.4 if inside else 3.9)
                if qq.measure == QualificationQuestion.Measure.CLEAR:
                    centre -= 0.3
                score = round(min(5, max(1, rng.gauss(centre, 0.8))))
                values[question] = AnswerValue(number=score)
            respondent = start_respondent(invitation)
            save_answers(respondent, values)
            submit_respondent(respondent)


def _care(unit: Unit, by: User, rng: random.Random) -> None:
    process = create_process(
        unit,
        title="Kerneopgaven i Hjemmeplejen Syd",
        purpose="Vi formulerer og kvalificerer vores kerneopgave sammen med borgere og pårørende.",
        by=by,
    )
    # The first round goes unanswered here: opened and closed at once, the drafting follows.
    round_ = open_round(process.rounds.get())
    close_round(round_)
    today = timezone.localdate()
    v1 = save_version(process, CARE_V1, by=by)
    adopt_version(
        v1,
        by=by,
        adopted_on=today - dt.timedelta(days=730),
        review_on=today - dt.timedelta(days=365),
        change_note="Første formulering, skrevet af ledergruppen.",
    )
    v2 = save_version(process, CARE_V2, by=by)
    add_comment(
        v2, by=by, text="Nu står der 'med borgeren' – det var det, borgerne sagde."
    )
    qualification = create_qualification_round(v2)
    open_round(qualification.round)
    _answer(
        qualification,
        {
            "medarbejder": 14,
            "leder": 5,
            "borger": 11,
            "paaroerende": 7,
            "samarbejdspartner": 5,
        },
        rng,
        suggestions=CARE_SUGGESTIONS,
        outside_doubts=Dimension.TILGANG,
    )
    close_round(qualification.round)
    v3 = save_version(
        process,
        DraftText(
            statement=CARE_V2.statement,
            vaerdi=CARE_V2.vaerdi,
            ambition=CARE_V2.ambition,
            tilgang=CARE_V2.tilgang
            + " Vi inddrager de pårørende, når borgeren ønsker det.",
            maalgruppe=CARE_V2.maalgruppe,
        ),
        by=by,
    )
    # Adopted almost a year ago: the review date is within 30 days, so it is time to revisit.
    adopt_version(
        v3,
        by=by,
        adopted_on=today - dt.timedelta(days=345),
        review_on=today + dt.timedelta(days=20),
        change_note=(
            "Borgere og pårørende genkendte ikke 'med borgeren' i hverdagen. "
            + CARE_V3_NOTE
        ),
    )
    for title, reason in NOT_CORE:
        add_not_core_task(
            unit,
            by=by,
            title=title,
            reason=reason,
            decided_on=today - dt.timedelta(days=340),
        )
    set_phase(process, Phase.MAALING)


def _jobcentre(unit: Unit, by: User, rng: random.Random) -> None:
    process = create_process(
        unit,
        title="Kerneopgaven i Jobcenter Solbjerg",
        purpose="Vi vil finde ud af, hvad jobcentret er til for – set fra borgere og virksomheder.",
        by=by,
        questions=question_templates(JOB_QUESTIONS),
    )
    _explore(process)
    v1 = save_version(process, JOB_V1, by=by)
    add_comment(
        v1, by=by, text="Det lyder, som om vi gør noget ved borgerne, ikke med dem."
    )
    v2 = save_version(process, JOB_V2, by=by)
    add_comment(v2, by=by, text="Meget bedre. Lad os høre borgerne og virksomhederne.")
    qualification = create_qualification_round(v2)
    open_round(qualification.round, closes_at=timezone.now() + dt.timedelta(days=10))
    # Still open: the partners are too few to be shown on their own yet.
    _answer(
        qualification,
        {"medarbejder": 9, "leder": 5, "borger": 6, "samarbejdspartner": 2},
        rng,
        suggestions=JOB_SUGGESTIONS,
        outside_doubts=Dimension.AMBITION,
    )


def reset(organisation: Organisation) -> None:
    """Remove what would keep the demo's processes from being deleted (adoptions protect versions)."""
    Adoption.objects.filter(unit__organisation=organisation).delete()
    NotCoreTask.objects.filter(unit__organisation=organisation).delete()
    PublicPage.objects.filter(unit__organisation=organisation).delete()


def load(organisation: Organisation, fasilitator: User) -> str:
    """Add the core-task journey to the demo organisation, and the administrator `direktoer`."""

    rng = random.Random(2026)
    units = {u.name: u for u in Unit.objects.filter(organisation=organisation)}
    _care(units["Hjemmeplejen Syd"], fasilitator, rng)
    _jobcentre(units["Jobcenter Solbjerg"], fasilitator, rng)
    username, first, last = ADMINISTRATOR
    direktoer = demo_user(username, first, last)
    add_member(organisation, direktoer, role=Membership.Role.ADMINISTRATOR)
    return (
        "Kerneopgaver: Hjemmeplejen Syd har en vedtaget kerneopgave, "
        "Jobcenter Solbjerg er i kvalificering. Administrator: direktoer."
    )
