from __future__ import annotations

import re

from django.urls import reverse

from kerne.statements.drafting import material_for_drafting
from kerne.statements.mapping import compute_opinion_map, map_view
from kerne.statements.models import OpinionMap
from kerne.statements.services import cast_vote
from kerne.statements.tasks import update_opinion_map
from kerne.statements.tests.helpers import make_statements, vote_all, voters
from kerne.testing import BaseTestCase

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
        # Staff voted FIRST and citizens the opposite (one pass each): every row
        # leans each side the way it voted, the first one splitting them wholly.
        index = {s.pk: i for i, s in enumerate(self.statements)}
        rows = sides["statements"]
        assert len(rows) == len(self.statements)
        for row in rows:
            inside, outside = row["inside"]["agree"], row["outside"]["agree"]
            assert (inside > outside) == (FIRST[index[row["id"]]] == 1)
            assert row["inside"]["low"] <= inside <= row["inside"]["high"]
        assert abs(rows[0]["inside"]["agree"] - rows[0]["outside"]["agree"]) == 100

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


def shown_figures(data):
    """Every count the stored map would show, with what it counts."""
    yield "in_map", data["in_map"]
    yield "others", data["others"]
    for sid, counts in data["totals"].items():
        yield f"votes on {sid}", sum(counts)
    for g in data["groups"]:
        yield "group", g["size"]
        for r in g["repness"]:
            yield f"group votes on {r['id']}", r["n"]
    sides = data["sides"]
    if sides["shown"]:
        yield "inside", sides["inside_voters"]
        yield "outside", sides["outside_voters"]
        for s in sides["statements"]:
            yield f"inside votes on {s['id']}", s["inside"]["n"]
            yield f"outside votes on {s['id']}", s["outside"]["n"]


class StatementFigureTests(BaseTestCase):
    """Threshold 3: a statement with one vote shows no share and no count."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.process.anonymity_threshold = 3
        cls.process.save(update_fields=["anonymity_threshold"])
        cls.statements = make_statements(cls.process)
        vote_all(voters(cls.round, "medarbejder", 8), cls.statements, FIRST)
        cls.lonely = make_statements(cls.process, ["Vi skal have flere møder."])[0]
        cast_vote(voters(cls.round, "borger", 1)[0], cls.lonely, -1)

    def test_a_statement_below_k_votes_says_so_without_figures(self):
        compute_opinion_map(self.process.pk)
        data = OpinionMap.objects.get(process=self.process).data
        assert str(self.lonely.pk) not in data["totals"]
        assert str(self.lonely.pk) not in data["informed_consensus"]
        self.client.force_login(self.alice)
        r = self.client.get(reverse("statements:map", args=[self.process.pk]))
        row = next(s for s in r.context["all_statements"] if s["id"] == self.lonely.pk)
        assert row == {
            "id": self.lonely.pk,
            "text": self.lonely.text,
            "enough": False,
            "informed": None,
        }
        html = r.content.decode()
        row_html = html[html.index(self.lonely.text) :].split("</tr>")[0]
        assert "For få stemmer endnu" in row_html
        assert "%" not in row_html

    def test_a_map_stored_before_the_rule_shows_no_figure_below_k(self):
        compute_opinion_map(self.process.pk)
        found = OpinionMap.objects.get(process=self.process)
        found.data["totals"][str(self.lonely.pk)] = [0, 1, 0]
        found.data["consensus"]["disagree"].append(self.lonely.pk)
        found.save(update_fields=["data"])
        view = map_view(self.process, found)
        assert self.lonely.pk not in [s["id"] for s in view.consensus_disagree]
        row = next(s for s in view.all_statements if s["id"] == self.lonely.pk)
        assert not row["enough"]
        texts = [t for m in material_for_drafting(self.process) for t in m.lines]
        assert not any(self.lonely.text in t for t in texts)

    def test_every_shown_count_has_k_votes_behind_it(self):
        compute_opinion_map(self.process.pk)
        data = OpinionMap.objects.get(process=self.process).data
        for what, n in shown_figures(data):
            assert n is None or n >= 3, what


class MapOverTimeTests(BaseTestCase):
    """A watcher refreshes the map after every vote while voting is open."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.process.anonymity_threshold = 3
        cls.process.save(update_fields=["anonymity_threshold"])
        cls.statements = make_statements(cls.process)

    def test_no_figure_moves_by_one_vote(self):
        staff = voters(self.round, "medarbejder", 6)
        citizens = voters(self.round, "borger", 4)
        order = [(p, j) for j in range(len(self.statements)) for p in staff + citizens]
        seen = []
        for step, (person, j) in enumerate(order, start=1):
            side = FIRST if person in staff else SECOND
            cast_vote(person, self.statements[j], side[j])
            if step % 7 and step != len(order):
                continue
            compute_opinion_map(self.process.pk)
            data = OpinionMap.objects.get(process=self.process).data
            if data.get("too_few"):
                continue
            for what, n in shown_figures(data):
                assert n is None or n >= 3, what
            seen.append(data)
        assert len(seen) >= 5
        compared = 0
        for before, after in zip(seen, seen[1:], strict=False):
            for sid, counts in after["totals"].items():
                old = before["totals"].get(sid, [0, 0, 0])
                # The same votes, or at least a whole batch of k more.
                assert counts == old or sum(counts) - sum(old) >= 3, sid
                assert sum(counts) % 3 == 0
            if before["sides"]["shown"] and after["sides"]["shown"]:
                compared += 1
                cells = {
                    (s["id"], where): s[where]["n"]
                    for s in before["sides"]["statements"]
                    for where in ("inside", "outside")
                }
                for s in after["sides"]["statements"]:
                    for where in ("inside", "outside"):
                        n, was = s[where]["n"], cells.get((s["id"], where), 0)
                        assert n == was or n - was >= 3
        assert compared
