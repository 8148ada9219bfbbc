"""A statement's status changes through moderation, which updates the map; not in the admin."""

from __future__ import annotations

from django.contrib.auth.models import User

from kerne.statements.services import add_statement
from kerne.testing import BaseTestCase


class StatementAdminTests(BaseTestCase):
    def setUp(self):
        self.client.force_login(
            User.objects.create_superuser("root", "root@example.org", "x")
        )
        self.statement = add_statement(
            self.process, text="Vi har tid til borgeren.", by=self.alice
        )

    def test_the_status_is_shown_not_edited(self):
        r = self.client.get(f"/admin/statements/statement/{self.statement.pk}/change/")
        assert r.status_code == 200
        page = r.content.decode()
        assert "Vi har tid til borgeren." in page
        assert 'name="status"' not in page
        assert 'name="process"' not in page

    def test_statements_are_added_and_deleted_in_the_app(self):
        assert self.client.get("/admin/statements/statement/add/").status_code == 403
        url = f"/admin/statements/statement/{self.statement.pk}/delete/"
        assert self.client.get(url).status_code == 403
