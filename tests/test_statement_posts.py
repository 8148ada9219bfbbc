"""What the statement settings and "statement from a theme" forms change (they join two apps)."""

from __future__ import annotations

from django.urls import reverse

from kerne.statements.models import Statement, StatementSettings
from kerne.statements.themes import themes_for
from kerne.themes.tests.helpers import AnalysedTestCase


class StatementSettingsTests(AnalysedTestCase):
    def test_it_switches_moderation_and_writing_off(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("statements:settings", args=[self.process.pk]), {}
        )  # unchecked boxes are absent from the POST
        assert r.status_code == 302
        settings = StatementSettings.objects.get(process=self.process)
        assert settings.moderation is False
        assert settings.participants_may_write is False

    def test_it_switches_them_on_again(self):
        self.client.force_login(self.alice)
        url = reverse("statements:settings", args=[self.process.pk])
        self.client.post(url, {})
        self.client.post(url, {"moderation": "on", "participants_may_write": "on"})
        settings = StatementSettings.objects.get(process=self.process)
        assert settings.moderation is True
        assert settings.participants_may_write is True


class StatementFromThemeTests(AnalysedTestCase):
    def test_a_theme_becomes_an_unpublished_statement_with_its_label(self):
        self.client.force_login(self.alice)
        choice = themes_for(self.process)[0]
        r = self.client.post(
            reverse("statements:from_theme", args=[self.process.pk]),
            {"theme": choice.key},
        )
        assert r.status_code == 302
        statement = Statement.objects.get(process=self.process)
        assert statement.origin == Statement.Origin.THEME
        assert statement.text.lower() == choice.label.lower()
        assert statement.status != Statement.Status.PUBLISHED

    def test_the_same_theme_twice_makes_one_statement(self):
        self.client.force_login(self.alice)
        choice = themes_for(self.process)[0]
        url = reverse("statements:from_theme", args=[self.process.pk])
        self.client.post(url, {"theme": choice.key})
        self.client.post(url, {"theme": choice.key})
        assert Statement.objects.filter(process=self.process).count() == 1

    def test_an_unknown_theme_makes_nothing(self):
        self.client.force_login(self.alice)
        self.client.post(
            reverse("statements:from_theme", args=[self.process.pk]),
            {"theme": "999999:nope"},
        )
        assert not Statement.objects.filter(process=self.process).exists()
