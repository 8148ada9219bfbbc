from __future__ import annotations

from django.utils import translation

from kerne.participation.models import Answer
from kerne.processes.models import Dimension, Process
from kerne.testing import BaseTestCase
from kerne.themes import services
from kerne.themes.drafting import material_for_drafting
from kerne.themes.models import Analysis
from kerne.themes.tasks import run_round_analysis
from kerne.themes.tests.helpers import AnalysedTestCase, respond

GAPS = "Clear differences between inside and outside the workplace"


def by_dimension(material):
    found: dict[str, list[object]] = {}
    for item in material:
        found.setdefault(item.dimension, []).append(item)
    return found


class MaterialTests(AnalysedTestCase):
    def setUp(self):
        super().setUp()
        # The assertions read the English msgids; the product's default is Danish.
        self.enterContext(translation.override("en"))

    def test_it_gives_the_themes_of_every_dimension_with_sizes_and_quotes(self):
        found = by_dimension(material_for_drafting(self.process))
        assert set(found) == {d.value for d in Dimension}
        texts = set(
            Answer.objects.filter(respondent__round=self.round).values_list(
                "text", flat=True
            )
        )
        for dimension, items in found.items():
            qa = self.qa(dimension)
            header, *rest = items
            assert header.title.startswith("Themes from “")
            assert "as the analysis proposed them" in header.title
            themes = [t for t in qa.themes if not t["bucket"] and t["size"]]
            theme_items = [i for i in rest if i.title != GAPS]
            assert len(theme_items) == len(themes)
            biggest = max(themes, key=lambda t: t["size"])
            assert theme_items[0].title.startswith(biggest["label"])
            assert f"{biggest['size']} answers" in theme_items[0].title
            for item in theme_items:
                assert 1 <= len(item.lines) <= 3
                assert set(item.lines) <= texts

    def test_it_lists_only_the_clear_differences_inside_and_outside(self):
        qa = self.qa("vaerdi")
        clear = [r for r in qa.figures["comparison"]["rows"] if r["significant"]]
        assert clear, "the planted staff/citizen difference should be clear"
        gaps = [
            i
            for i in material_for_drafting(self.process)
            if i.dimension == "vaerdi" and i.title == GAPS
        ]
        assert len(gaps) == 1
        assert len(gaps[0].lines) == len(clear)
        labels = {t["id"]: t["label"] for t in qa.themes}
        assert any(gaps[0].lines[0].startswith(labels[r["theme"]]) for r in clear)
        assert "% of the answers inside the workplace" in gaps[0].lines[0]

    def test_it_says_when_the_facilitator_has_signed_off(self):
        qa = self.qa("vaerdi")
        theme = next(t for t in qa.themes if not t["bucket"])
        services.edit_theme(
            qa, theme["id"], label="Tryghed hjemme", description="", by=self.alice
        )
        items = [
            i for i in material_for_drafting(self.process) if i.dimension == "vaerdi"
        ]
        assert "signed off by the facilitator" in items[0].title
        assert any(i.title.startswith("Tryghed hjemme – ") for i in items)

    def test_a_changed_anonymity_plan_hides_the_differences(self):
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=11)
        material = material_for_drafting(self.process)
        assert material
        assert not [i for i in material if i.title == GAPS]

    def test_nothing_when_everyone_together_is_now_below_the_threshold(self):
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=50)
        assert material_for_drafting(self.process) == []


class EmptyTests(BaseTestCase):
    def test_nothing_before_an_analysis(self):
        assert material_for_drafting(self.process) == []

    def test_nothing_from_a_group_the_report_hides(self):
        respond(self.round, "paaroerende", 2)
        run_round_analysis.call(self.round.pk)
        assert Analysis.objects.get(round=self.round).status == "done"
        assert material_for_drafting(self.process) == []
