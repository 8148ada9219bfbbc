"""Who is in the opinion map: Polis's historical rule, recorded as a flag on the vote."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from django.urls import reverse

from kerne.analysis.opinions import entry_votes
from kerne.analysis.polis_io import PolisComment, VoteLog, write_polis_export
from kerne.statements.mapping import compute_opinion_map, map_view
from kerne.statements.models import OpinionMap, Vote
from kerne.statements.polis import import_polis
from kerne.statements.services import cast_vote
from kerne.statements.tests.helpers import TEXTS, make_statements, vote_all, voters
from kerne.testing import BaseTestCase

FIRST = [1, -1, 1, -1, 1, -1, 1, -1]
SECOND = [-1, 1, -1, 1, -1, 1, -1, 1]


def flagged(respondent):
    return list(
        Vote.objects.filter(respondent=respondent, entered_map=True).values_list(
            "statement_id", flat=True
        )
    )


class EntryFlagTests(BaseTestCase):
    def test_the_vote_that_reaches_every_statement_there_is_lets_in(self):
        first = make_statements(self.process, TEXTS[:3])
        (person,) = voters(self.round, "borger", 1)
        cast_vote(person, first[0], 1)
        cast_vote(person, first[1], -1)
        assert flagged(person) == []
        cast_vote(person, first[2], 0)
        assert flagged(person) == [first[2].pk]
        # More statements later, more votes, a changed vote: still the one flag.
        later = make_statements(self.process, TEXTS[3:])
        for statement in later:
            cast_vote(person, statement, 1)
        cast_vote(person, first[0], -1)
        assert flagged(person) == [first[2].pk]

    def test_with_many_statements_the_seventh_vote_lets_in(self):
        statements = make_statements(self.process)
        (person,) = voters(self.round, "borger", 1)
        for statement in statements[:6]:
            cast_vote(person, statement, 1)
        assert flagged(person) == []
        cast_vote(person, statements[6], 1)
        cast_vote(person, statements[7], 1)
        assert flagged(person) == [statements[6].pk]


class EarlyEntrantTests(BaseTestCase):
    """Someone who voted on all three first statements stays when five more come."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        first = make_statements(cls.process, TEXTS[:3])
        (cls.early,) = voters(cls.round, "borger", 1)
        for statement in first:
            cast_vote(cls.early, statement, 1)
        statements = first + make_statements(cls.process, TEXTS[3:])
        vote_all(voters(cls.round, "medarbejder", 8), statements, FIRST)
        vote_all(voters(cls.round, "borger", 8), statements, SECOND)

    def test_the_map_keeps_who_entered_earlier(self):
        compute_opinion_map(self.process.pk)
        assert OpinionMap.objects.get(process=self.process).data["in_map"] == 17

    def test_without_the_flag_only_todays_rule_counts(self):
        Vote.objects.filter(respondent=self.early).update(entered_map=False)
        compute_opinion_map(self.process.pk)
        assert OpinionMap.objects.get(process=self.process).data["in_map"] == 16

    def test_the_map_says_how_stable_its_groups_are(self):
        compute_opinion_map(self.process.pk)
        data = OpinionMap.objects.get(process=self.process).data
        assert len(data["groups"]) == 2
        # Two clean camps: leaving out a fifth of the people changes little.
        assert 0.8 <= data["stability"] <= 1.0
        self.client.force_login(self.alice)
        r = self.client.get(reverse("statements:map", args=[self.process.pk]))
        self.assertContains(r, "Grupperne er stabile")
        self.assertContains(r, "80 %")


class ImportedEntryTests(BaseTestCase):
    def test_an_import_flags_the_vote_that_let_each_voter_in(self):
        # Voter 1 votes on the first statement there is and is in at once;
        # voter 3 then votes on nine new ones, in with the seventh (statement 7);
        # voter 2 votes on three of ten and never enters.
        rows = [(1, 0)] + [(3, c) for c in range(1, 10)] + [(2, c) for c in range(3)]
        voter, comment = (np.array(x) for x in zip(*rows, strict=True))
        log = VoteLog(
            timestamp=1_700_000_000_000 + 1000 * np.arange(len(rows)),
            comment_id=comment,
            voter_id=voter,
            vote=np.ones(len(rows), dtype=np.int8),
        )
        directory = Path(tempfile.mkdtemp())
        comments = [PolisComment(comment_id=c, text=f"Udsagn {c}") for c in range(10)]
        write_polis_export(directory, log, comments)
        process = import_polis(directory, unit=self.unit)
        found = sorted(
            (v.statement.polis_id, v.respondent_id)
            for v in Vote.objects.filter(
                statement__process=process, entered_map=True
            ).select_related("statement")
        )
        assert [polis_id for polis_id, _ in found] == [0, 7]
        assert entry_votes(voter, comment).sum() == 2


class StabilityWordsTests(BaseTestCase):
    def view(self, score, groups=2):
        data = {
            "threshold": self.process.anonymity_threshold,
            "groups": [{"size": 5, "repness": []}] * groups,
            "stability": score,
        }
        found = OpinionMap.objects.create(process=self.process, data=data)
        return map_view(self.process, found).stability

    def test_the_score_is_told_in_words(self):
        assert self.view(0.85)["band"] == "stable"
        OpinionMap.objects.all().delete()
        assert self.view(0.6)["band"] == "fair"
        OpinionMap.objects.all().delete()
        assert self.view(0.3)["band"] == "unstable"

    def test_one_shown_group_has_no_stability_to_tell(self):
        assert self.view(0.9, groups=1) is None
