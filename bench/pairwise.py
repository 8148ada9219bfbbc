"""Benchmark the pages that show a pairwise round's Bradley–Terry scores.

    .venv/bin/python -m bench.pairwise [--items 30] [--people 40] [--pairs 30] [--runs 5]

It migrates a throwaway SQLite database in a temporary folder, builds one process
with `--items` initiatives and a pairwise round over them, `--people` respondents
spread over the stakeholder groups (two of them below the threshold) who each
answer `--pairs` random pairs (about one in ten "can't choose"), and closes the
round through the services (only the respondents and comparisons are bulk-created,
as the demo loader does). Then it fetches the pairwise page as the facilitator
before the worker has stored the scores ("fit"), stores them as the worker does
after a close, and fetches the pairwise page, its CSV and the prioritisation page
with the decision evidence; it prints the median time of `--runs` runs and the SQL
queries of one run for each.
"""

from __future__ import annotations

import argparse
import random
import time
from functools import partial
from typing import TYPE_CHECKING

from bench.overview import measure, setup_django, status

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from kerne.priorities.models import PairwiseRound

# Shares of the respondents per group; leder and paaroerende stay below k = 5.
SHARES = {
    "medarbejder": 0.6,
    "borger": 0.25,
    "leder": 0.075,
    "paaroerende": 0.075,
}


def build(items: int, people: int, pairs: int) -> tuple[PairwiseRound, User]:
    from django.db import transaction

    from kerne.organisations.models import Membership
    from kerne.organisations.services import add_member
    from kerne.participation.models import Respondent
    from kerne.priorities.models import Comparison
    from kerne.priorities.services import add_initiative, create_pairwise_round
    from kerne.processes.services import close_round, open_round
    from kerne.testing import make_organisation, make_process, make_unit, make_user

    rng = random.Random(2026)
    with transaction.atomic():
        organisation = make_organisation("Bench Kommune")
        alice = make_user("alice")
        add_member(organisation, alice, role=Membership.Role.FACILITATOR)
        process = make_process(make_unit(organisation), by=alice)
        for i in range(items):
            add_initiative(process, by=alice, title=f"Initiativ {i + 1:02d}")
        pairwise = create_pairwise_round(process, by=alice)
        open_round(pairwise.round, needs_questions=False)
        invitations = {
            inv.group.key: inv
            for inv in pairwise.round.invitations.select_related("group")
        }
        keys = [
            key for key, share in SHARES.items() for _ in range(round(share * people))
        ]
        made = Respondent.objects.bulk_create(
            Respondent(
                invitation=invitations[key],
                round=pairwise.round,
                group=invitations[key].group,
            )
            for key in keys
        )
        found = list(pairwise.items.order_by("pk"))
        # Hidden strengths, so the scores have an order to find.
        strength = {item.pk: rng.gauss(0, 1) for item in found}
        comparisons = []
        for respondent in made:
            chosen = rng.sample(
                [(a, b) for i, a in enumerate(found) for b in found[i + 1 :]], pairs
            )
            for low, high in chosen:
                if rng.random() < 0.1:
                    winner = None
                else:
                    gap = strength[low.pk] - strength[high.pk]
                    winner = low if rng.random() < 1 / (1 + 2.718**-gap) else high
                comparisons.append(
                    Comparison(
                        pairwise_round=pairwise,
                        respondent=respondent,
                        low=low,
                        high=high,
                        winner=winner,
                    )
                )
        Comparison.objects.bulk_create(comparisons, batch_size=500)
        close_round(pairwise.round)
    return pairwise, alice


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kerne-bench-") as data_dir:
        setup_django(data_dir)
        from django.test import Client
        from django.urls import reverse

        started = time.perf_counter()
        pairwise, alice = build(args.items, args.people, args.pairs)
        print(
            f"Built {args.items} initiatives, {args.people} people × {args.pairs} "
            f"pairs in {time.perf_counter() - started:.1f} s."
        )
        client = Client()
        client.force_login(alice)
        urls = {
            "pairwise": reverse("priorities:pairwise", args=[pairwise.pk]),
            "csv": reverse("priorities:pairwise_csv", args=[pairwise.pk]),
            "process": reverse("priorities:process", args=[pairwise.round.process_id]),
        }
        # Before the worker has stored the scores, each visit fits them anew.
        measure("fit", partial(status, client, urls["pairwise"]), args.runs)
        from kerne.priorities.services import store_pairwise_scores

        started = time.perf_counter()
        store_pairwise_scores(pairwise)
        print(f"Stored the scores in {time.perf_counter() - started:.1f} s.")
        for label, url in urls.items():
            measure(label, partial(status, client, url), args.runs)


if __name__ == "__main__":
    main()
