"""Query counts at two data sizes: no page or vote costs a query per statement or voter."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kerne.statements.mapping import compute_opinion_map
from kerne.statements.tests.helpers import make_statements, vote_all, voters
from kerne.testing import BaseTestCase, invitation


class QueryCountTests(BaseTestCase):
    def grow(self, statements: int, people: int) -> None:
        """Add statements, then voters who vote on every statement."""
        texts = [f"Udsagn nummer {self.made + i}." for i in range(statements)]
        self.made += statements
        make_statements(self.process, texts)
        everything = list(self.process.statements.all())
        for key in ("medarbejder", "borger"):
            vote_all(
                voters(self.round, key, people // 2),
                everything,
                [1 if i % 3 else -1 for i in range(len(everything))],
            )
        compute_opinion_map(self.process.pk)

    def count(self, url: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            r = self.client.get(url)
        assert r.status_code == 200, url
        return len(ctx.captured_queries)

    def cast(self, token: str, statement_pk: int) -> int:
        url = reverse("statements:cast", args=[token])
        with CaptureQueriesContext(connection) as ctx:
            r = self.client.post(
                url,
                {"statement": statement_pk, "vote": 1},
                headers={"HX-Request": "true"},
            )
        assert r.status_code == 200
        return len(ctx.captured_queries)

    def measure(self) -> dict[str, int]:
        self.client.force_login(self.alice)
        pages = {
            "list": reverse("statements:list", args=[self.process.pk]),
            "map": reverse("statements:map", args=[self.process.pk]),
        }
        for url in pages.values():
            self.client.get(url)  # settings made on first sight are not the point
        counts = {name: self.count(url) for name, url in pages.items()}
        self.client.logout()
        # A fresh voter casts a vote; the next statement comes back.
        token = invitation(self.round, "borger").token
        self.client.post(reverse("statements:vote", args=[token]))
        first = self.process.statements.order_by("pk").first()
        assert first is not None
        counts["vote"] = self.cast(token, first.pk)
        self.client.cookies.clear()
        return counts

    def test_pages_and_the_vote_take_the_same_queries_for_3_and_30_statements(self):
        self.made = 0
        self.grow(3, 6)
        small = self.measure()
        self.grow(27, 24)  # 30 statements, 30 voters
        assert self.process.statements.count() == 30
        large = self.measure()
        # The vote's 10 include one indexed count of the client's unknown-link guesses
        # (participation/throttle.py), which every token URL pays.
        assert small == large == {"list": 8, "map": 5, "vote": 10}
        # The larger size is on the pages: all 30 statements listed, every voter
        # counted (31 voters and 739 votes, shown in whole batches of k=5).
        self.client.force_login(self.alice)
        r = self.client.get(reverse("statements:list", args=[self.process.pk]))
        self.assertContains(r, "Udsagn nummer 29.")
        r = self.client.get(reverse("statements:map", args=[self.process.pk]))
        self.assertContains(r, "30 deltagere har afgivet 735 stemmer")
