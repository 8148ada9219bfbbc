from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kerne.coretasks.models import NotCoreTask
from kerne.priorities.models import Decision, Initiative
from kerne.priorities.services import (
    DuplicateInitiative,
    add_initiative,
    record_decision,
)
from kerne.testing import BaseTestCase


class PageTests(BaseTestCase):
    def test_it_lists_initiatives_with_their_newest_decision(self):
        item = add_initiative(self.process, by=self.alice, title="Madservice")
        record_decision(
            item,
            by=self.alice,
            kind="up",
            reason="Vigtig",
            decided_on=dt.date(2026, 1, 1),
        )
        record_decision(
            item,
            by=self.alice,
            kind="stop",
            reason="Alligevel",
            decided_on=dt.date(2026, 2, 1),
        )
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:process", args=[self.process.pk]))
        assert r.status_code == 200
        assert r.context["page"].rows[0].decision.kind == "stop"
        assert len(r.context["page"].log) == 2
        self.assertContains(r, "Madservice")

    def test_it_hides_the_process_from_outsiders(self):
        self.client.force_login(self.charlie)
        r = self.client.get(reverse("priorities:process", args=[self.process.pk]))
        assert r.status_code == 404

    def test_the_process_page_links_to_it(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.process.get_absolute_url())
        self.assertContains(r, reverse("priorities:process", args=[self.process.pk]))


class AddTests(BaseTestCase):
    def test_it_adds_with_dimensions(self):
        self.client.force_login(self.alice)
        url = reverse("priorities:add", args=[self.process.pk])
        r = self.client.post(url, {"title": "Træning", "dimensions": ["tilgang"]})
        assert r.status_code == 302
        item = Initiative.objects.get()
        assert item.dimensions == ["tilgang"]
        assert item.created_by == self.alice

    def test_it_refuses_a_duplicate_title(self):
        add_initiative(self.process, by=self.alice, title="Træning")
        self.client.force_login(self.alice)
        url = reverse("priorities:add", args=[self.process.pk])
        r = self.client.post(url, {"title": "træning"})
        assert r.status_code == 400
        assert Initiative.objects.count() == 1

    def test_the_service_raises_on_a_duplicate(self):
        add_initiative(self.process, by=self.alice, title="Træning")
        with self.assertRaises(DuplicateInitiative):
            add_initiative(self.process, by=self.alice, title="TRÆNING")

    def test_it_rejects_get_and_outsiders(self):
        url = reverse("priorities:add", args=[self.process.pk])
        self.client.force_login(self.alice)
        assert self.client.get(url).status_code == 405
        self.client.force_login(self.charlie)
        assert self.client.post(url, {"title": "X"}).status_code == 404


class ImportTests(BaseTestCase):
    def upload(self, text: str):
        url = reverse("priorities:import_preview", args=[self.process.pk])
        file = SimpleUploadedFile("liste.csv", text.encode(), content_type="text/csv")
        return self.client.post(url, {"file": file})

    def test_the_preview_saves_nothing_and_confirm_saves_the_good_rows(self):
        self.client.force_login(self.alice)
        r = self.upload("titel;dimensioner\nMadservice;vaerdi\n;vaerdi\n\nBad;nej\n")
        assert r.status_code == 200
        assert Initiative.objects.count() == 0
        self.assertContains(r, "Række 3: titlen mangler.")
        self.assertContains(r, "Række 5: ukendt dimension „nej“.")
        signed = r.context["signed"]
        url = reverse("priorities:import_confirm", args=[self.process.pk])
        r = self.client.post(url, {"rows": signed})
        assert r.status_code == 302
        assert list(Initiative.objects.values_list("title", "dimensions")) == [
            ("Madservice", ["vaerdi"])
        ]

    def test_a_tampered_preview_saves_nothing(self):
        self.client.force_login(self.alice)
        url = reverse("priorities:import_confirm", args=[self.process.pk])
        r = self.client.post(url, {"rows": '[[2, "Falsk", "", []]]'})
        assert r.status_code == 302
        assert Initiative.objects.count() == 0

    def test_a_title_taken_since_the_preview_stops_the_whole_import(self):
        self.client.force_login(self.alice)
        r = self.upload("titel\nA\nB\n")
        add_initiative(self.process, by=self.alice, title="B")
        url = reverse("priorities:import_confirm", args=[self.process.pk])
        self.client.post(url, {"rows": r.context["signed"]})
        assert list(Initiative.objects.values_list("title", flat=True)) == ["B"]

    def test_it_refuses_other_file_types(self):
        self.client.force_login(self.alice)
        url = reverse("priorities:import_preview", args=[self.process.pk])
        file = SimpleUploadedFile("liste.txt", b"titel\nA\n")
        assert self.client.post(url, {"file": file}).status_code == 400

    def test_outsiders_cannot_import(self):
        self.client.force_login(self.charlie)
        r = self.upload("titel\nA\n")
        assert r.status_code == 404


class DecideTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.item = add_initiative(cls.process, by=cls.alice, title="Tøjvask")

    def test_not_core_task_goes_on_the_public_list(self):
        self.client.force_login(self.alice)
        url = reverse("priorities:decide", args=[self.item.pk])
        data = {
            "kind": "not_core",
            "reason": "Andre gør det",
            "decided_on": "2026-03-01",
        }
        assert self.client.post(url, data).status_code == 302
        decision = Decision.objects.get()
        assert decision.decided_by == self.alice
        task = NotCoreTask.objects.get(unit=self.unit)
        assert (task.title, task.reason) == ("Tøjvask", "Andre gør det")
        assert decision.not_core_task == task

    def test_other_decisions_stay_off_the_public_list(self):
        self.client.force_login(self.alice)
        url = reverse("priorities:decide", args=[self.item.pk])
        data = {"kind": "down", "reason": "Mindre", "decided_on": "2026-03-01"}
        self.client.post(url, data)
        assert Decision.objects.count() == 1
        assert not NotCoreTask.objects.exists()

    def test_it_requires_a_reason(self):
        self.client.force_login(self.alice)
        url = reverse("priorities:decide", args=[self.item.pk])
        self.client.post(
            url, {"kind": "stop", "reason": "", "decided_on": "2026-03-01"}
        )
        assert not Decision.objects.exists()

    def test_outsiders_get_404(self):
        self.client.force_login(self.charlie)
        url = reverse("priorities:decide", args=[self.item.pk])
        data = {"kind": "stop", "reason": "x", "decided_on": "2026-03-01"}
        assert self.client.post(url, data).status_code == 404
        assert not Decision.objects.exists()
