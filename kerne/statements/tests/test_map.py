from __future__ import annotations

import re

from django.urls import reverse

from kerne.lib.testing import BaseTestCase
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.models import OpinionMap
from kerne.statements.tasks import update_opinion_map
from kerne.statements.tests.helpers import make_statements, vote_all, voters

# Two planted opinion groups among staff; citizens side with the second.
FIRST = [1, -1, 1, -1, 1, -1, 1, -1]
SECOND = [-1, 1, -1, 1, -1, 1, -1, 1]


class MapTaskTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statements = make_statements(cls.process)
        vote_all(voters(cls.round, "medarbejder", 8), cls.statements, FIRST)
        vote_all(voters(cls.round, "borger", 7), cls.statements, SECOND)

    def test_the_task_stores_the_map_with_its_time(self):
        assert update_opinion_map.call(self.process.pk) is True
        found = OpinionMap.objects.get(process=self.process)
        assert found.computed_at is not None
        assert not found.is_updating()
        assert found.data["voters"] == 15
        assert len(found.data["groups"]) == 2
        assert sorted(g["size"] for g in found.data["groups"]) == [7, 8]

    def test_it_compares_the_sides_when_both_are_large_enough(self):
        compute_opinion_map(self.process.pk)
        sides = OpinionMap.objects.get(process=self.process).data["sides"]
        assert sides["shown"]
        row = sides["statements"][0]
        assert row["inside"]["agree"] in (0, 100)
        assert row["inside"]["low"] <= row["inside"]["agree"] <= row["inside"]["high"]

    def test_the_page_shows_the_stored_map_without_computing(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("statements:map", args=[self.process.pk]))
        self.assertContains(r, 'id="opinion-map"')
        self.assertNotContains(r, '<svg class="kerne-map"')
        compute_opinion_map(self.process.pk)
        r = self.client.get(reverse("statements:map", args=[self.process.pk]))
        self.assertContains(r, '<svg class="kerne-map"')
        self.assertContains(r, "kerne-hull g0")
        assert 'style="' not in r.content.decode()

    def test_the_page_opens_with_sentences_and_hides_the_measures(self):
        compute_opinion_map(self.process.pk)
        self.client.force_login(self.alice)
        r = self.client.get(reverse("statements:map", args=[self.process.pk]))
        summary = r.context["summary"]
        assert (
            summary[0]
            == "Stemmerne danner 2 meningsgrupper, der ser forskelligt på tingene."
        )
        content = r.content.decode()
        assert content.index("Kort fortalt") < content.index('<svg class="kerne-map"')
        outside = re.sub(r"<details.*?</details>", "", content, flags=re.S)
        assert "Gruppeinformeret enighed" in content
        assert "Gruppeinformeret enighed" not in outside

    def test_the_page_polls_while_a_recompute_is_queued(self):
        self.client.force_login(self.alice)
        r = self.client.post(reverse("statements:map_refresh", args=[self.process.pk]))
        assert r.status_code == 302
        r = self.client.get(
            reverse("statements:map", args=[self.process.pk]),
            headers={"HX-Request": "true"},
        )
        self.assertContains(r, 'hx-trigger="every 3s"')
        self.assertNotContains(r, "<html")


class MapAnonymityTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statements = make_statements(cls.process)
        # Nine employees and just three citizens (threshold 5): citizens must not show alone.
        vote_all(voters(cls.round, "medarbejder", 9), cls.statements, FIRST)
        vote_all(voters(cls.round, "borger", 3), cls.statements, SECOND)

    def test_a_small_stakeholder_side_is_never_shown(self):
        compute_opinion_map(self.process.pk)
        data = OpinionMap.objects.get(process=self.process).data
        assert data["sides"] == {"shown": False}

    def test_a_small_opinion_group_is_pooled_not_shown(self):
        compute_opinion_map(self.process.pk)
        data = OpinionMap.objects.get(process=self.process).data
        # Groups of 9 and 3: pooling the 3 alone would show it by subtraction, so both pool.
        assert data["groups"] == []
        assert data["others"] == 12
        shown = sum(g["size"] for g in data["groups"]) + data["others"]
        assert shown == data["in_map"]

    def test_too_few_voters_show_nothing(self):
        self.process.anonymity_threshold = 20
        self.process.save(update_fields=["anonymity_threshold"])
        compute_opinion_map(self.process.pk)
        data = OpinionMap.objects.get(process=self.process).data
        assert data["too_few"]
        assert "points" not in data

    def test_a_changed_threshold_hides_the_stored_map(self):
        compute_opinion_map(self.process.pk)
        self.process.anonymity_threshold = 10
        self.process.save(update_fields=["anonymity_threshold"])
        self.client.force_login(self.alice)
        r = self.client.get(reverse("statements:map", args=[self.process.pk]))
        self.assertNotContains(r, 'kerne-map"')
