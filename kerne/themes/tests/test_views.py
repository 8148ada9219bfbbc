from __future__ import annotations

from django.urls import reverse

from kerne.processes.models import Round
from kerne.themes.models import Analysis
from kerne.themes.tests.helpers import AnalysedTestCase

GET_VIEWS = ("themes:round", "themes:status")
QUESTION_GET_VIEWS = ("themes:question", "themes:theme")
POST_VIEWS = ("themes:run",)
QUESTION_POST_VIEWS = (
    "themes:edit",
    "themes:merge",
    "themes:split",
    "themes:move",
    "themes:delete",
)


class PageTests(AnalysedTestCase):
    def urls(self, names, pk):
        return [reverse(name, args=[pk]) for name in names]

    def test_the_facilitator_sees_every_page(self):
        self.client.force_login(self.alice)
        for url in self.urls(GET_VIEWS, self.round.pk):
            assert self.client.get(url).status_code == 200, url
        for question in self.round.questions.all():
            r = self.client.get(reverse("themes:question", args=[question.pk]))
            assert r.status_code == 200
            assert r.context["themes"]
        theme = self.qa().themes[0]
        r = self.client.get(
            reverse("themes:theme", args=[self.value.pk]) + f"?tema={theme['id']}"
        )
        assert r.status_code == 200
        assert len(r.context["answers"]) == theme["size"]

    def test_it_shows_verdict_comparison_approach_and_names(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("themes:question", args=[self.value.pk]))
        assert r.context["diffusion"].verdict in ("fælles billede", "blandet", "spredt")
        comparison = r.context["comparison"]
        assert comparison.n_a == 12
        assert comparison.n_b == 12  # borger and pårørende, pooled: both outside
        assert any(row.significant for row in comparison.rows)
        content = r.content.decode()
        # The gap rule and how often it errs on held-out answers.
        assert "falske alarmer: 11 %" in comparison.rule
        assert "falske alarmer: 11 %" in content
        assert 'class="kerne-bar themes-bar-b" data-pct=' in content
        assert "<caption id=" in content
        assert 'style="' not in content
        assert "<script>" not in content
        tilgang = self.round.questions.get(dimension="tilgang")
        r = self.client.get(reverse("themes:question", args=[tilgang.pk]))
        approach = r.context["approach"]
        assert [u.n for u in approach] == [24, 12, 12]
        assert {s.name for s in approach[1].verbs} >= {"hjælpe", "sikre"}
        # "Uklart" is a share of its own in every unit, beside for and with.
        assert all(
            [str(s.name) for s in unit.orientation] == ["For dem", "Med dem", "Uklart"]
            for unit in approach
        )
        assert "tælles som uklare" in r.content.decode()
        maalgruppe = self.round.questions.get(dimension="maalgruppe")
        r = self.client.get(reverse("themes:question", args=[maalgruppe.pk]))
        assert {s.name for s in r.context["names"][0].them} >= {"borger", "bruger"}

    def test_the_round_page_links_here(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("processes:round", args=[self.round.pk]))
        self.assertContains(r, reverse("themes:round", args=[self.round.pk]))

    def test_it_polls_only_while_the_analysis_is_active(self):
        self.client.force_login(self.alice)
        url = reverse("themes:status", args=[self.round.pk])
        self.assertNotContains(self.client.get(url), 'hx-trigger="every 2s"')
        Analysis.objects.filter(round=self.round).update(
            status=Analysis.Status.RUNNING, step=2, steps=4, progress=25
        )
        r = self.client.get(url, headers={"HX-Request": "true"})
        self.assertContains(r, 'hx-trigger="every 2s"')
        self.assertContains(r, 'value="25"')
        assert "<html" not in r.content.decode()

    def test_the_main_page_runs_a_fixed_number_of_queries(self):
        self.client.force_login(self.alice)
        url = reverse("themes:question", args=[self.value.pk])
        self.client.get(url)
        with self.assertNumQueries(9):
            self.client.get(url)

    def test_it_hides_every_page_from_outsiders(self):
        self.client.force_login(self.charlie)
        for url in self.urls(GET_VIEWS + POST_VIEWS, self.round.pk):
            assert self.client.get(url).status_code in (404, 405), url
            assert self.client.post(url).status_code in (404, 405), url
        for url in self.urls(QUESTION_GET_VIEWS + QUESTION_POST_VIEWS, self.value.pk):
            assert self.client.get(url + "?tema=x").status_code in (404, 405), url
            assert self.client.post(url).status_code in (404, 405), url
        assert (
            self.client.get(
                reverse("themes:question", args=[self.value.pk])
            ).status_code
            == 404
        )

    def test_it_refuses_the_wrong_method(self):
        self.client.force_login(self.alice)
        for url in self.urls(POST_VIEWS, self.round.pk) + self.urls(
            QUESTION_POST_VIEWS, self.value.pk
        ):
            assert self.client.get(url).status_code == 405, url
        for url in self.urls(GET_VIEWS, self.round.pk) + self.urls(
            QUESTION_GET_VIEWS, self.value.pk
        ):
            assert self.client.post(url).status_code == 405, url

    def test_it_asks_for_an_analysis_before_there_is_one(self):
        round_ = Round.objects.create(process=self.process, title="Runde 2")
        self.client.force_login(self.alice)
        r = self.client.get(reverse("themes:round", args=[round_.pk]))
        assert r.status_code == 200
        assert r.context["analysis"] is None

    def test_it_hides_group_figures_when_the_threshold_changed(self):
        self.process.anonymity_threshold = 13
        self.process.save(update_fields=["anonymity_threshold"])
        self.client.force_login(self.alice)
        r = self.client.get(reverse("themes:question", args=[self.value.pk]))
        assert r.context["stale"]
        assert r.context["comparison"] is None
        assert r.context["unit_diffusions"] == []
        assert "Medarbejder" not in [u["label"] for u in r.context["units"]]
