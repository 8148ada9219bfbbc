from __future__ import annotations

from datetime import timedelta

import time_machine
from django.db import connection
from django.test import TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kerne.lib.testing import invitation, make_organisation, make_process, make_unit
from kerne.processes.services import open_round
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.services import cast_vote, forget_queued_maps
from kerne.statements.tests.helpers import make_statements, voters


class MapQueueTests(TransactionTestCase):
    """Votes commit for real here: the debounce runs on commit, outside any transaction."""

    def setUp(self):
        forget_queued_maps()
        self.process = make_process(make_unit(make_organisation()))
        self.round = self.process.rounds.get()
        open_round(self.round)
        invitation(self.round, "borger")
        self.statements = make_statements(self.process, ["Et.", "To."])
        # Adding statements queued a run; start from a computed map.
        compute_opinion_map(self.process.pk)
        DBTaskResult.objects.all().delete()
        self.voters = voters(self.round, "borger", 20)

    def tearDown(self):
        forget_queued_maps()

    def test_a_burst_of_votes_queues_one_run_and_then_no_queries(self):
        cast_vote(self.voters[0], self.statements[0], 1)
        cast_vote(self.voters[1], self.statements[0], 1)
        with CaptureQueriesContext(connection) as ctx:
            for voter in self.voters[2:]:
                cast_vote(voter, self.statements[0], -1)
        assert DBTaskResult.objects.count() == 1
        assert not [q for q in ctx.captured_queries if "opinionmap" in q["sql"]]

    def test_a_vote_after_the_run_started_queues_the_next(self):
        cast_vote(self.voters[0], self.statements[0], 1)
        with time_machine.travel(timezone.now() + timedelta(seconds=6)):
            compute_opinion_map(self.process.pk)
            cast_vote(self.voters[1], self.statements[0], 1)
        assert DBTaskResult.objects.count() == 2
