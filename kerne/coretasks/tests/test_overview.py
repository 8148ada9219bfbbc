from __future__ import annotations

import csv
import datetime as dt
import io

from django.urls import reverse
from openpyxl import load_workbook

from kerne.coretasks.testing import (
    make_adoption,
    make_qualification,
    make_version,
    rate,
)
from kerne.organisations.models import Unit
from kerne.testing import BaseTestCase, make_process, make_unit


class OverviewTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.area = make_unit(cls.organisation, "Sundhed og Omsorg", kind=Unit.Kind.AREA)
        cls.unit.parent = cls.area
        cls.unit.save(update_fields=["parent"])
        version = make_version(
            cls.process, statement="Tryghed i eget hjem, sammen med borgeren."
        )
        make_adoption(
            version, adopted_on=dt.date(2026, 1, 10), review_on=dt.date(2027, 1, 10)
        )
        qualification = make_qualification(version)
        rate(qualification, "medarbejder", 6, recognise=4)
        # Only three citizens: the outside score must not be shown anywhere.
        rate(qualification, "borger", 3, recognise=1)
        cls.school = make_unit(cls.organisation, "Solby Skole")
        make_process(cls.school, title="Skolens kerneopgave")
        cls.url = reverse("coretasks:overview", args=[cls.organisation.slug])

    def test_an_administrator_sees_every_unit(self):
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        assert r.status_code == 200
        rows = {row.unit.name: row for row in r.context["rows"]}
        assert set(rows) == {"Hjemmeplejen", "Solby Skole", "Sundhed og Omsorg"}
        care = rows["Hjemmeplejen"]
        assert care.statement.startswith("Tryghed i eget hjem")
        assert care.adopted_on == dt.date(2026, 1, 10)
        assert care.area == "Sundhed og Omsorg"
        assert care.phase

    def test_scores_only_where_the_side_is_large_enough(self):
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        care = next(row for row in r.context["rows"] if row.unit == self.unit)
        # Three citizens are pooled with the staff: that pool mixes the sides.
        assert care.outside is None

    def test_it_filters_by_area_and_sorts(self):
        self.client.force_login(self.bob)
        r = self.client.get(self.url, {"area": self.area.pk})
        assert [row.unit.name for row in r.context["rows"]] == [
            "Hjemmeplejen",
            "Sundhed og Omsorg",
        ]
        r = self.client.get(self.url, {"sort": "adopted", "descending": "on"})
        assert r.context["rows"][0].unit == self.unit

    def test_facilitators_and_outsiders_get_404(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.url).status_code == 404
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404
        assert self.client.post(self.url).status_code in (404, 405)

    def test_it_rejects_post(self):
        self.client.force_login(self.bob)
        assert self.client.post(self.url).status_code == 405

    def test_the_csv_export(self):
        self.client.force_login(self.bob)
        url = reverse("coretasks:overview_csv", args=[self.organisation.slug])
        r = self.client.get(url, {"area": self.area.pk})
        assert r.status_code == 200
        rows = list(
            csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";")
        )
        assert len(rows) == 3
        care = next(row for row in rows if row[0] == "Hjemmeplejen")
        assert care[4] == "2026-01-10"
        assert care[7] == ""  # no outside score
        self.client.force_login(self.alice)
        assert self.client.get(url).status_code == 404

    def test_the_xlsx_export(self):
        self.client.force_login(self.bob)
        url = reverse("coretasks:overview_xlsx", args=[self.organisation.slug])
        r = self.client.get(url)
        assert r.status_code == 200
        sheet = load_workbook(io.BytesIO(r.content)).active
        values = list(sheet.iter_rows(values_only=True))
        assert len(values) == 4
        care = next(row for row in values if row[0] == "Hjemmeplejen")
        assert care[7] is None
        self.client.force_login(self.alice)
        assert self.client.get(url).status_code == 404


class OverviewScoreTests(BaseTestCase):
    def test_both_sides_are_shown_when_large_enough(self):
        version = make_version(self.process)
        make_adoption(version)
        qualification = make_qualification(version)
        rate(qualification, "medarbejder", 5, recognise=5)
        rate(qualification, "borger", 5, recognise=3)
        self.client.force_login(self.bob)
        r = self.client.get(
            reverse("coretasks:overview", args=[self.organisation.slug])
        )
        care = next(row for row in r.context["rows"] if row.unit == self.unit)
        assert care.inside == 5
        assert care.outside == 3
        self.assertContains(r, "5,0")


class OverviewQueryTests(BaseTestCase):
    """The queries must not grow with the units: a director compares ~80 of them."""

    def add_units(self, count: int) -> None:
        start = Unit.objects.filter(organisation=self.organisation).count()
        for i in range(start, start + count):
            process = make_process(make_unit(self.organisation, f"Enhed {i}"))
            version = make_version(process)
            make_adoption(version)
            qualification = make_qualification(version)
            rate(qualification, "medarbejder", 5, recognise=4)
            rate(qualification, "borger", 5, recognise=2)

    def test_the_page_and_exports_take_the_same_queries_for_2_and_5_units(self):
        self.client.force_login(self.bob)
        slug = self.organisation.slug
        urls = {
            reverse("coretasks:overview", args=[slug]): 13,
            reverse("coretasks:overview_csv", args=[slug]): 12,
            reverse("coretasks:overview_xlsx", args=[slug]): 12,
        }
        for added in (2, 3):  # 2 units with scores, then 5
            self.add_units(added)
            for url, queries in urls.items():
                with self.assertNumQueries(queries):
                    r = self.client.get(url, {"sort": "inside"})
                assert r.status_code == 200
        r = self.client.get(reverse("coretasks:overview", args=[slug]))
        scores = [
            (row.inside, row.outside)
            for row in r.context["rows"]
            if row.unit.name.startswith("Enhed")
        ]
        assert scores == [(4, 2)] * 5


class OverviewRoundingTests(BaseTestCase):
    """A score reads the same on the page, in the CSV and in the XLSX file."""

    def test_a_tie_is_rounded_the_same_everywhere(self):
        version = make_version(self.process)
        make_adoption(version)
        qualification = make_qualification(version)
        # Mean 3.25: Python's round() and f"{:.1f}" make it 3.2, floatformat 3.3.
        rate(qualification, "medarbejder", 8, recognise=[3, 3, 3, 4])
        rate(qualification, "borger", 5, recognise=3)
        self.client.force_login(self.bob)
        slug = self.organisation.slug
        page = self.client.get(reverse("coretasks:overview", args=[slug]))
        care = next(row for row in page.context["rows"] if row.unit == self.unit)
        assert care.inside == 3.25
        self.assertContains(page, "<td>3,3</td>", html=True)
        r = self.client.get(reverse("coretasks:overview_csv", args=[slug]))
        rows = list(
            csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";")
        )
        assert next(row for row in rows if row[0] == "Hjemmeplejen")[6] == "3,3"
        r = self.client.get(reverse("coretasks:overview_xlsx", args=[slug]))
        sheet = load_workbook(io.BytesIO(r.content)).active
        cell = next(row for row in sheet.iter_rows() if row[0].value == "Hjemmeplejen")[
            6
        ]
        assert cell.value == 3.3
        assert cell.number_format == "0.0"
