"""Roles change and members leave through the app, which keeps one administrator."""

from __future__ import annotations

from django.contrib.auth.models import User

from kerne.testing import BaseTestCase


class MembershipAdminTests(BaseTestCase):
    def test_roles_are_shown_not_edited(self):
        self.client.force_login(
            User.objects.create_superuser("root", "root@example.org", "x")
        )
        r = self.client.get(
            f"/admin/organisations/organisation/{self.organisation.pk}/change/"
        )
        assert r.status_code == 200
        page = r.content.decode()
        assert "bob" in page
        assert 'name="memberships-0-role"' not in page
        assert 'name="memberships-0-DELETE"' not in page
        # Adding a member still works.
        assert 'name="memberships-__prefix__-role"' in page
