"""Opening a page never changes the database: GET every URL as every role, then compare every table."""

from __future__ import annotations

import hashlib
import re

from django.apps import apps
from django.contrib.sessions.models import Session
from django.urls import get_resolver

from tests.test_tenancy import PUBLIC, WorldTestCase, walk

# Sessions change on log-in and when a page consumes its messages: that is the
# visitor's own cookie state, not the product's data.
IGNORED = {Session}


def fingerprint() -> dict[str, tuple[int, str]]:
    """Every table's row count and a hash of all its rows, in primary-key order."""
    found = {}
    for model in apps.get_models():
        if model in IGNORED:
            continue
        rows = model._default_manager.order_by("pk").values_list()
        digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
        found[model._meta.label] = (len(rows), digest)
    return found


def changed(before: dict[str, tuple[int, str]]) -> list[str]:
    after = fingerprint()
    return sorted(label for label in before if before[label] != after[label])


class ReadsNeverWriteTests(WorldTestCase):
    def public_paths(self) -> list[str]:
        """The participant and public pages, filled with this organisation's real tokens."""
        values = {
            "<str:token>": self.invitation.token,
        }
        paths = []
        for route in PUBLIC:
            if route.startswith("k/"):
                route = route.replace("<str:token>", self.coretask.page.token)
            for key, value in values.items():
                route = route.replace(key, value)
            if "<" not in route:
                paths.append(route)
        return paths

    def private_paths(self) -> list[str]:
        paths = []
        for route, _pattern in walk(get_resolver()):
            if route in PUBLIC:
                continue
            path = self.fill(route)
            assert path is not None
            paths.append(path)
        return paths

    def assert_gets_write_nothing(self, paths: list[str]) -> None:
        before = fingerprint()
        for path in paths:
            self.client.get("/" + path)
            assert not changed(before), f"GET /{path} changed {changed(before)}"

    def test_a_facilitator_reading_every_page_changes_nothing(self):
        self.client.force_login(self.alice)
        self.assert_gets_write_nothing(self.private_paths() + self.public_paths())

    def test_an_administrator_reading_every_page_changes_nothing(self):
        self.client.force_login(self.bob)
        self.assert_gets_write_nothing(self.private_paths() + self.public_paths())

    def test_an_outsider_and_an_anonymous_visitor_change_nothing(self):
        self.client.force_login(self.charlie)
        self.assert_gets_write_nothing(self.private_paths())
        self.client.logout()
        self.assert_gets_write_nothing(self.private_paths() + self.public_paths())

    def test_the_walk_reaches_the_participant_pages(self):
        paths = self.public_paths()
        assert f"s/{self.invitation.token}/udsagn/" in paths
        assert any(re.match(r"k/[^<]+/$", p) for p in paths)
