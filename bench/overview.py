"""Benchmark the administrators' organisation overview with a director's worth of units.

    .venv/bin/python -m bench.overview [--units 80] [--areas 6] [--runs 5]

It migrates a throwaway SQLite database in a temporary folder, builds one
organisation with `--units` workplaces spread over `--areas` areas, each with a
process, an adopted core-task version and a closed qualification round of about 30
respondents across the inside and outside groups (set up through the services;
only the answers are bulk-created, as the demo loader does). Then it fetches the
overview page, the CSV and the XLSX export through Django's test client as an
administrator and prints the median time of `--runs` runs and the SQL queries of
one run for each.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.test import Client

    from kerne.organisations.models import Organisation
    from kerne.processes.models import Round

# Respondents per group of the default template (inside: medarbejder, leder;
# outside: borger, paaroerende, samarbejdspartner). The variants differ in which
# groups fall below the threshold, so some units have a pool that mixes the sides.
GROUP_SIZES = (
    {
        "medarbejder": 12,
        "leder": 3,
        "borger": 8,
        "paaroerende": 4,
        "samarbejdspartner": 3,
    },
    {
        "medarbejder": 10,
        "leder": 5,
        "borger": 9,
        "paaroerende": 6,
        "samarbejdspartner": 0,
    },
    {
        "medarbejder": 14,
        "leder": 2,
        "borger": 4,
        "paaroerende": 6,
        "samarbejdspartner": 4,
    },
    {
        "medarbejder": 20,
        "leder": 2,
        "borger": 4,
        "paaroerende": 3,
        "samarbejdspartner": 1,
    },
)
SUGGESTIONS = (
    "Skriv borgeren først.",
    "Ambitionen er for lang.",
    "Nævn de pårørende.",
    "Brug færre fagord.",
)


def setup_django(data_dir: str) -> None:
    os.environ["KERNE_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    # Plain static storage (no collectstatic) and cheap password hashing.
    os.environ.setdefault("KERNE_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kerne.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # "testserver" in ALLOWED_HOSTS, template rendering signals
    call_command("migrate", verbosity=0)


def load_answers(round_: Round, rng: random.Random, sizes: dict[str, int]) -> None:
    """Bulk-create submitted respondents who rate every dimension, like demo's `_load_answers`."""
    from kerne.coretasks.models import QualificationQuestion
    from kerne.participation.models import Answer, Respondent

    Measure = QualificationQuestion.Measure
    invitations = {
        inv.group.key: inv for inv in round_.invitations.select_related("group")
    }
    measures = list(
        QualificationQuestion.objects.filter(
            qualification__round=round_
        ).select_related("question")
    )
    keys = [key for key, n in sizes.items() for _ in range(n)]
    made = Respondent.objects.bulk_create(
        Respondent(
            invitation=invitations[key],
            round=round_,
            group=invitations[key].group,
            submitted=True,
        )
        for key in keys
    )
    answers = []
    for respondent, key in zip(made, keys, strict=True):
        inside = invitations[key].group.side == "inside"
        for qq in measures:
            if qq.measure == Measure.SUGGESTION:
                if rng.random() < 0.3:
                    text = rng.choice(SUGGESTIONS)
                    answers.append(
                        Answer(respondent=respondent, question=qq.question, text=text)
                    )
                continue
            low = 3 if inside else 2
            number = rng.randint(low, 5)
            answers.append(
                Answer(respondent=respondent, question=qq.question, number=number)
            )
    Answer.objects.bulk_create(answers, batch_size=500)


def build(units: int, areas: int) -> tuple[Organisation, User]:
    import datetime as dt

    from django.db import transaction

    from kerne.coretasks.services import (
        DraftText,
        adopt_version,
        create_qualification_round,
        save_version,
    )
    from kerne.organisations.models import Membership, Unit
    from kerne.organisations.services import add_member, add_unit
    from kerne.processes.services import close_round, create_process, open_round
    from kerne.testing import make_organisation, make_user

    rng = random.Random(2026)
    with transaction.atomic():
        organisation = make_organisation("Bench Kommune")
        admin = make_user("direktoer")
        add_member(organisation, admin, role=Membership.Role.ADMINISTRATOR)
        area_units = [
            add_unit(organisation, name=f"Område {a + 1}", kind=Unit.Kind.AREA)
            for a in range(areas)
        ]
        for i in range(units):
            unit = add_unit(
                organisation, name=f"Enhed {i + 1:03d}", parent=area_units[i % areas]
            )
            process = create_process(
                unit, title=f"Kerneopgaven i {unit.name}", by=admin
            )
            version = save_version(
                process,
                DraftText(
                    statement=f"Vi skaber tryghed og livskvalitet i {unit.name}, "
                    "sammen med borgeren og de pårørende, hver dag.",
                    vaerdi="At borgeren kan blive boende i eget hjem.",
                    ambition="Om fem år er vi kendt for faste hjælpere.",
                    tilgang="Vi løser opgaven sammen med borgeren.",
                    maalgruppe="Borgere, der har brug for hjælp, og deres pårørende.",
                ),
                by=admin,
            )
            qualification = create_qualification_round(version)
            open_round(qualification.round)
            load_answers(qualification.round, rng, GROUP_SIZES[i % len(GROUP_SIZES)])
            close_round(qualification.round)
            adopted_on = dt.date(2025, 1, 1) + dt.timedelta(days=i * 3)
            adopt_version(
                version,
                by=admin,
                adopted_on=adopted_on,
                review_on=adopted_on + dt.timedelta(days=365),
                change_note="Første vedtagne udgave.",
            )
    return organisation, admin


def status(client: Client, url: str) -> int:
    code: int = client.get(url).status_code
    return code


def measure(label: str, fetch: Callable[[], int], runs: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fetch()  # warm-up: templates, translations, imports
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        status = fetch()
        timings.append((time.perf_counter() - started) * 1000)
        if status != 200:
            sys.exit(f"{label}: HTTP {status}")
    with CaptureQueriesContext(connection) as queries:
        fetch()
    print(
        f"{label:<10} median {statistics.median(timings):7.1f} ms "
        f"(min {min(timings):.1f}, max {max(timings):.1f})  "
        f"{len(queries.captured_queries):5d} queries"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=80)
    parser.add_argument("--areas", type=int, default=6)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kerne-bench-") as data_dir:
        setup_django(data_dir)
        from django.test import Client
        from django.urls import reverse

        started = time.perf_counter()
        organisation, admin = build(args.units, args.areas)
        print(
            f"Built {args.units} units in {args.areas} areas "
            f"in {time.perf_counter() - started:.1f} s."
        )
        client = Client()
        client.force_login(admin)
        for label, name in (
            ("page", "coretasks:overview"),
            ("csv", "coretasks:overview_csv"),
            ("xlsx", "coretasks:overview_xlsx"),
        ):
            url = reverse(name, args=[organisation.slug])
            measure(label, partial(status, client, url), args.runs)


if __name__ == "__main__":
    main()
