"""Qualifying and revisiting refuse the wrong state with a named exception."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from kerne.coretasks.models import Adoption, QualificationRound
from kerne.coretasks.services import (
    NotCurrentAdoption,
    QualificationPending,
    ReviewBeforeAdoption,
    create_qualification_round,
    start_new_round,
)
from kerne.coretasks.testing import make_adoption, make_qualification, make_version
from kerne.processes.models import Round
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase


class QualifyTests(BaseTestCase):
    def setUp(self):
        self.version = make_version(self.process, by=self.alice)

    def test_a_version_is_not_qualified_twice_at_once(self):
        first = make_qualification(self.version, opened=False)
        with self.assertRaises(QualificationPending) as refused:
            create_qualification_round(self.version)
        assert refused.exception.round == first.round
        assert QualificationRound.objects.filter(version=self.version).count() == 1

    def test_it_may_be_qualified_again_once_the_first_round_closed(self):
        first = make_qualification(self.version)
        close_round(first.round)
        create_qualification_round(self.version)
        assert QualificationRound.objects.filter(version=self.version).count() == 2

    def test_the_view_sends_the_facilitator_to_the_round_in_progress(self):
        first = make_qualification(self.version)
        rounds = Round.objects.count()
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("coretasks:qualify", args=[self.version.pk]), follow=True
        )
        self.assertRedirects(r, first.round.get_absolute_url())
        messages = [str(m) for m in r.context["messages"]]
        assert (
            f"Version {self.version.number} har allerede kvalificeringsrunden "
            f"„{first.round.title}“, som ikke er lukket endnu." in messages
        )
        assert Round.objects.count() == rounds


class RevisitTests(BaseTestCase):
    def test_a_replaced_adoption_is_not_revisited(self):
        first = make_adoption(make_version(self.process, by=self.alice))
        make_adoption(
            make_version(self.process, by=self.alice),
            adopted_on=dt.date(2025, 6, 1),
            review_on=dt.date(2026, 6, 1),
        )
        rounds = Round.objects.count()
        with self.assertRaises(NotCurrentAdoption):
            start_new_round(first, by=self.alice, kind="indkredsning")
        assert Round.objects.count() == rounds

    def test_the_review_comes_after_the_adoption(self):
        version = make_version(self.process, by=self.alice)
        with self.assertRaises(ReviewBeforeAdoption):
            make_adoption(
                version, adopted_on=dt.date(2025, 3, 1), review_on=dt.date(2025, 3, 1)
            )
        assert not Adoption.objects.filter(version=version).exists()
