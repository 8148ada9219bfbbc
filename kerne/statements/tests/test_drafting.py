from __future__ import annotations

from django.utils import translation

from kerne.processes.models import Process
from kerne.statements.drafting import material_for_drafting
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.models import OpinionMap, Statement
from kerne.statements.services import moderate_statement
from kerne.statements.tests.helpers import TEXTS, make_statements, vote_all, voters
from kerne.testing import BaseTestCase

SHARED = "Borgeren skal kunne regne med os."
REJECTED = "Vi skal aflyse besøg, når vi har travlt."
# Two planted opinion groups on the first eight; everyone agrees with SHARED
# and disagrees with REJECTED.
FIRST = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1]
SECOND = [-1, 1, -1, 1, -1, 1, -1, 1, 1, -1]
AGREE = "Statements nearly everyone agrees with"
DISAGREE = "Statements nearly everyone disagrees with"
DIVISIVE = "Statements on which the opinion groups part"


def titled(material):
    return {item.title: item for item in material}


class MaterialTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        # The assertions read the English msgids; the product's default is Danish.
        self.enterContext(translation.override("en"))

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statements = make_statements(cls.process, [*TEXTS, SHARED, REJECTED])
        vote_all(voters(cls.round, "medarbejder", 8), cls.statements, FIRST)
        vote_all(voters(cls.round, "borger", 7), cls.statements, SECOND)

    def test_it_gives_consensus_and_divisive_statements_for_the_whole(self):
        compute_opinion_map(self.process.pk)
        found = titled(material_for_drafting(self.process))
        assert set(found) <= {AGREE, DISAGREE, DIVISIVE}
        assert all(item.dimension == "" for item in found.values())
        data = OpinionMap.objects.get(process=self.process).data
        assert data["consensus"]["agree"]
        agree = found[AGREE].lines
        assert any(line.startswith(SHARED) for line in agree)
        assert all("% agree" in line for line in agree)
        if data["divisive"]:
            line = found[DIVISIVE].lines[0]
            assert "group A" in line or "group B" in line

    def test_a_statement_rejected_since_the_map_is_left_out(self):
        compute_opinion_map(self.process.pk)
        shared = Statement.objects.get(process=self.process, text=SHARED)
        moderate_statement(shared, status=Statement.Status.REJECTED, by=self.alice)
        for item in material_for_drafting(self.process):
            assert not any(line.startswith(SHARED) for line in item.lines)

    def test_nothing_before_the_map_is_computed(self):
        assert material_for_drafting(self.process) == []
        # Reading must not create the map's row; the map page does that.
        OpinionMap.objects.filter(process=self.process).delete()
        assert material_for_drafting(self.process) == []
        assert not OpinionMap.objects.filter(process=self.process).exists()

    def test_nothing_when_the_threshold_changed_since_the_map(self):
        compute_opinion_map(self.process.pk)
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=9)
        self.process.refresh_from_db()
        assert material_for_drafting(self.process) == []


class TooFewTests(BaseTestCase):
    def test_nothing_while_too_few_have_voted(self):
        statements = make_statements(self.process)
        vote_all(voters(self.round, "medarbejder", 3), statements, FIRST[:8])
        compute_opinion_map(self.process.pk)
        assert OpinionMap.objects.get(process=self.process).data["too_few"]
        assert material_for_drafting(self.process) == []
