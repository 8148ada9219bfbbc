"""Demo core tasks for Solbjerg Kommune: one unit with the whole journey, one in qualification.

Hjemmeplejen Syd has two adopted versions (history), a finished qualification
round with enough answers in every group, and a review date close enough that
"time to revisit" shows. Jobcenter Solbjerg has drafts, comments and an open
qualification round. The content is Danish, as users would write it.
"""

from __future__ import annotations

import datetime as dt
import random

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

# (group key, suggestion): who would say it, so each lands in a fitting group.
SUGGESTIONS = {
    Dimension.VAERDI: [
        ("medarbejder", "Skriv noget om, at det er de samme hjælpere, der kommer"),
        ("paaroerende", "Tryghed er det vigtigste for min mor – godt at det står der"),
        ("borger", "Nævn at man også kan ringe, når noget er galt"),
        ("borger", "Det med at føle sig tryg er rigtigt, men hvad med ensomhed?"),
        ("samarbejdspartner", "Værdien for os er, at I opdager det, før det går galt"),
    ],
    Dimension.AMBITION: [
        ("leder", "Fem år er lang tid – hvad gør vi allerede nu?"),
        ("borger", "Faste hjælpere er det, jeg savner mest"),
        ("medarbejder", "Stolthed over vores faglighed mangler"),
    ],
    Dimension.TILGANG: [
        ("borger", "I spørger ikke altid, før I gør – det skal I blive bedre til"),
        ("medarbejder", "Med borgeren, ikke for borgeren: det kan jeg godt lide"),
        ("medarbejder", "Der er ikke tid til at spørge, når vi har 12 minutter"),
        ("paaroerende", "Skriv at I lytter til de pårørende"),
        ("paaroerende", "Pårørende bliver ikke spurgt om noget"),
        ("borger", "Jeg vil gerne selv bestemme, hvornår jeg skal i bad"),
    ],
    Dimension.MAALGRUPPE: [
        ("paaroerende", "Pårørende skal stå med – vi er jo også en del af det"),
        ("samarbejdspartner", "Hvad med borgere, der ikke har pårørende?"),
        ("medarbejder", "Godt at pårørende er med"),
    ],
}


# What staff and citizens said in the jobcentre's first round: material for the draft.
JOB_ANSWERS = {
    "medarbejder": (
        "At borgerne kommer i job eller uddannelse",
        "Vi skal være stolte af, at borgerne får et arbejdsliv",
        "Vi sikrer, at reglerne bliver overholdt, og vi vejleder",
        "Ledige, sygemeldte og unge uden uddannelse",
    ),
    "borger": (
        "Nogen, der tror på, at jeg kan noget",
        "At man bliver mødt som et menneske og ikke en sag",
        "I skal lytte, før I bestemmer noget for mig",
        "Os, der gerne vil arbejde, men har brug for en hånd",
    ),
}


def _explore(process: Process, counts: dict[str, int]) -> None:
    """Answers to the first round's four dimension questions, so the editor has material."""
    round_ = process.rounds.get()
    open_round(round_)
    questions = [q for q in round_.questions.order_by("order") if q.dimension]
    invitations = {
        inv.group.key: inv for inv in round_.invitations.select_related("group")
    }
    for key, count in counts.items():
        for i in range(count):
            respondent = start_respondent(invitations[key])
            texts = JOB_ANSWERS[key]
            save_answers(
                respondent,
                {
                    q: AnswerValue(text=f"{texts[n]} ({i + 1})")
                    for n, q in enumerate(questions)
                },
            )
            submit_respondent(respondent)
    close_round(round_)


def _answer(
    qualification: QualificationRound,
    group_counts: dict[str, int],
    rng: random.Random,
    *,
    outside_doubts: str,
) -> None:
    """Generated ratings: staff recognise the draft; outside, one dimension is doubted."""
    measures = list(qualification.questions.select_related("question"))
    invitations = {
        inv.group.key: inv
        for inv in qualification.round.invitations.select_related("group")
    }
    said = {d: list(texts) for d, texts in SUGGESTIONS.items()}
    for key, count in group_counts.items():
        invitation = invitations[key]
        inside = invitation.group.side == "inside"
        for _i in range(count):
            values = {}
            for qq in measures:
                question = qq.question
                if qq.measure == QualificationQuestion.Measure.SUGGESTION:
                    pool = said.get(Dimension(qq.dimension), [])
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
    close_round(process.rounds.get())
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
    )
    _explore(process, {"medarbejder": 6, "borger": 5})
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
