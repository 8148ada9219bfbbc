"""The editor shows the themes' and the opinion map's material when they exist."""

from __future__ import annotations

from django.urls import reverse

from kerne.statements.mapping import compute_opinion_map
from kerne.statements.tests.helpers import make_statements, vote_all, voters
from kerne.themes.tests.helpers import AnalysedTestCase

SHARED = "Borgeren skal kunne regne med os."
AGREE_ALL = [1, -1, 1, -1, 1, -1, 1, -1, 1]
SPLIT = [-1, 1, -1, 1, -1, 1, -1, 1, 1]


class DraftingMaterialTests(AnalysedTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.url = reverse("coretasks:draft", args=[cls.process.pk])

    def test_it_shows_the_themes_and_the_clear_gaps_per_dimension(self):
        qa = self.qa("vaerdi")
        biggest = max(
            (t for t in qa.themes if not t["bucket"]), key=lambda t: t["size"]
        )
        self.client.force_login(self.alice)
        r = self.client.get(self.url, headers={"accept-language": "en"})
        assert r.status_code == 200
        section = {m.dimension: m for _f, m in r.context["sections"]}["vaerdi"]
        titles = [item.title for item in section.extra]
        assert titles[0].startswith("Themes from “")
        assert any(t.startswith(biggest["label"]) for t in titles)
        assert "Clear differences between inside and outside the workplace" in titles
        self.assertContains(r, biggest["label"])

    def test_it_shows_the_statements_everyone_agrees_with(self):
        statements = make_statements(self.process)[:8] + make_statements(
            self.process, [SHARED]
        )
        vote_all(voters(self.round, "medarbejder", 8), statements, AGREE_ALL)
        vote_all(voters(self.round, "borger", 7), statements, SPLIT)
        compute_opinion_map(self.process.pk)
        self.client.force_login(self.alice)
        r = self.client.get(self.url, headers={"accept-language": "en"})
        titles = [item.title for item in r.context["general_material"]]
        assert "Statements nearly everyone agrees with" in titles
        self.assertContains(r, SHARED)

    def test_the_material_follows_the_language(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url, headers={"accept-language": "da"})
        self.assertContains(r, "Temaer fra „")
