"""The admin shows what the services change (phase, status, groups) but cannot edit it."""

from __future__ import annotations

from django.contrib.auth.models import User

from kerne.testing import BaseTestCase, group


class AdminTests(BaseTestCase):
    def setUp(self):
        self.client.force_login(
            User.objects.create_superuser("root", "root@example.org", "x")
        )

    def test_a_rounds_status_and_times_are_read_only(self):
        r = self.client.get(f"/admin/processes/round/{self.round.pk}/change/")
        assert r.status_code == 200
        page = r.content.decode()
        assert self.round.title in page
        for field in ("status", "closes_at", "opened_at", "closed_at", "process"):
            assert f'name="{field}' not in page, field
        # The questions are listed, not edited or deleted (their answers go with them).
        assert self.round.questions.first().prompt in page
        assert 'name="questions-0-prompt"' not in page
        assert 'name="questions-0-DELETE"' not in page

    def test_the_phase_and_groups_are_read_only(self):
        r = self.client.get(f"/admin/processes/process/{self.process.pk}/change/")
        assert r.status_code == 200
        page = r.content.decode()
        assert group(self.process, "borger").name in page
        assert 'name="phase"' not in page
        assert 'name="groups-0-name"' not in page
        assert 'name="groups-0-DELETE"' not in page
        assert 'name="groups-__prefix__-name"' not in page  # no "add another"

    def test_processes_and_rounds_are_made_in_the_app(self):
        assert self.client.get("/admin/processes/process/add/").status_code == 403
        assert self.client.get("/admin/processes/round/add/").status_code == 403
