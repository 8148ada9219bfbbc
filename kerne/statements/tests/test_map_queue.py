from __future__ import annotations

from datetime import timedelta

import time_machine
from django.db import connection
from django.test import TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kerne.processes.services import open_round
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.services import cast_vote
from kerne.statements.tests.helpers import make_statements, voters
from kerne.testing import invitation, make_organisation, make_process, make_unit


class MapQueueTests(TransactionTestCase):
    """Votes commit for real here: the debounce runs on commit, outside any transaction."""

    def setUp(self):
        self.process = make_process(make_unit(make_organisation()))
        self.round = self.process.rounds.get()
        open_round(self.round)
        invitation(self.round, "borger")
        self.statements = make_statements(self.process, ["Et.", "To."])
        # Adding statements queued a run; start from a computed map.
        compute_opinion_map(self.process.pk)
        DBTaskResult.objects.all().delete()
        self.voters = voters(self.round, "borger", 20)

    def test_a_burst_of_votes_queues_one_run_with_one_map_query_a_vote(self):
        cast_vote(self.voters[0], self.statements[0], 1)
        with CaptureQueriesContext(connection) as ctx:
            for voter in self.voters[1:]:
                cast_vote(voter, self.statements[0], -1)
        assert DBTaskResult.objects.count() == 1
        map_queries = [q for q in ctx.captured_queries if "opinionmap" in q["sql"]]
        assert len(map_queries) == len(self.voters) - 1
        assert all(q["sql"].startswith("UPDATE") for q in map_queries)

    def test_a_vote_after_the_run_started_queues_the_next(self):
        cast_vote(self.voters[0], self.statements[0], 1)
        with time_machine.travel(timezone.now() + timedelta(seconds=6)):
            compute_opinion_map(self.process.pk)
            cast_vote(self.voters[1], self.statements[0], 1)
        assert DBTaskResult.objects.count() == 2
