from __future__ import annotations

from django.test import TestCase

from kerne.demo.services import load_demo
from kerne.themes.models import Analysis


class DemoTests(TestCase):
    def test_the_demo_shows_themes_straight_away(self):
        load_demo()
        analysis = Analysis.objects.get(round__process__unit__name="Hjemmeplejen Nord")
        assert analysis.status == Analysis.Status.DONE
        questions = list(analysis.questions.all())
        assert len(questions) == 4
        for qa in questions:
            assert [t for t in qa.themes if not t["bucket"]]
            assert qa.figures["comparison"] is not None
