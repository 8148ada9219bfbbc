from __future__ import annotations

import io

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from kerne.priorities.models import QualityDescription, QualityStatement
from kerne.priorities.pages_quality import quality_page
from kerne.priorities.services import (
    AlreadyQualityStatement,
    NotConsensus,
    NotQualityStatement,
    add_quality_statement,
    adopt_quality_description,
    tag_quality_statement,
)
from kerne.processes.models import Process
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.models import OpinionMap, Statement
from kerne.statements.services import moderate_statement, submit_statement
from kerne.statements.tests.helpers import TEXTS, make_statements, vote_all, voters
from kerne.testing import BaseTestCase

SHARED = "God kvalitet betyder, at borgeren ved, hvem der kommer."
REJECTED = "God kvalitet betyder, at vi altid er hurtige."
# Two planted opinion groups on the first eight; everyone agrees with SHARED and
# disagrees with REJECTED (as in the statements' drafting tests).
FIRST = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1]
SECOND = [-1, 1, -1, 1, -1, 1, -1, 1, 1, -1]


def section(page, dimension):
    return next(s for s in page.sections if s.dimension == dimension)


class QualityWorld(BaseTestCase):
    """SHARED (vaerdi) and REJECTED (tilgang) as quality statements among eight others."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        others = make_statements(cls.process, TEXTS)
        cls.shared = add_quality_statement(
            cls.process, dimension="vaerdi", text=SHARED, by=cls.alice
        ).statement
        cls.rejected = add_quality_statement(
            cls.process, dimension="tilgang", text=REJECTED, by=cls.alice
        ).statement
        statements = [*others, cls.shared, cls.rejected]
        vote_all(voters(cls.round, "medarbejder", 8), statements, FIRST)
        vote_all(voters(cls.round, "borger", 7), statements, SECOND)
        cls.url = reverse("priorities:quality", args=[cls.process.pk])

    def setUp(self):
        super().setUp()
        # The assertions read the English msgids; the product's default is Danish.
        self.enterContext(translation.override("en"))
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    def adopt_url(self):
        return reverse("priorities:quality_adopt", args=[self.process.pk])


class AddTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.enterContext(translation.override("en"))
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        self.url = reverse("priorities:quality_add", args=[self.process.pk])

    def test_it_publishes_an_ordinary_statement_per_dimension(self):
        self.client.force_login(self.alice)
        for i, dimension in enumerate(["vaerdi", "ambition", "tilgang", "maalgruppe"]):
            r = self.client.post(
                self.url, {"dimension": dimension, "text": f"God kvalitet {i}."}
            )
            assert r.status_code == 302
        links = {q.dimension: q.statement for q in QualityStatement.objects.all()}
        assert set(links) == {"vaerdi", "ambition", "tilgang", "maalgruppe"}
        for statement in links.values():
            assert statement.process == self.process
            assert statement.status == Statement.Status.PUBLISHED
            assert statement.origin == Statement.Origin.SEED
        # The map row exists, so votes on the links reach the map.
        assert OpinionMap.objects.filter(process=self.process).exists()

    def test_a_repeat_or_a_missing_dimension_is_a_form_error_keeping_the_text(self):
        add_quality_statement(self.process, dimension="vaerdi", text=SHARED, by=None)
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {"dimension": "ambition", "text": SHARED})
        assert r.status_code == 400
        self.assertContains(r, "This statement is already there.", status_code=400)
        self.assertContains(r, SHARED, status_code=400)
        r = self.client.post(self.url, {"dimension": "nope", "text": "Ny tekst."})
        assert r.status_code == 400
        self.assertContains(r, "Choose one of the four dimensions.", status_code=400)
        self.assertContains(r, "Ny tekst.", status_code=400)
        assert QualityStatement.objects.count() == 1

    def test_it_speaks_danish_by_default(self):
        self.client.force_login(self.alice)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
        r = self.client.post(self.url, {"text": "Ny tekst."})
        self.assertContains(r, "Vælg dimensionen.", status_code=400)

    def test_it_rejects_get_and_outsiders(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.url).status_code == 405
        self.client.force_login(self.charlie)
        r = self.client.post(self.url, {"dimension": "vaerdi", "text": "Hej."})
        assert r.status_code == 404
        assert not Statement.objects.exists()


class TagTests(BaseTestCase):
    def test_a_participants_statement_can_describe_a_dimension(self):
        respondent = voters(self.round, "borger", 1)[0]
        statement = submit_statement(respondent, text="Kvalitet er faste hjælpere.")
        self.client.force_login(self.alice)
        url = reverse("priorities:quality_tag", args=[self.process.pk])
        r = self.client.post(
            url, {"tag-statement": statement.pk, "tag-dimension": "tilgang"}
        )
        assert r.status_code == 302
        assert statement.quality.dimension == "tilgang"
        with self.assertRaises(AlreadyQualityStatement):
            tag_quality_statement(statement, dimension="vaerdi")

    def test_it_offers_no_statement_of_another_process(self):
        other = Process.objects.create(unit=self.other_unit, title="Andet")
        statement = make_statements(other, ["Et andet forløbs udsagn."])[0]
        self.client.force_login(self.alice)
        url = reverse("priorities:quality_tag", args=[self.process.pk])
        r = self.client.post(
            url, {"tag-statement": statement.pk, "tag-dimension": "tilgang"}
        )
        assert r.status_code == 400
        assert not QualityStatement.objects.exists()


class PageTests(QualityWorld):
    def test_before_the_map_it_lists_the_statements_without_figures(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        page = r.context["page"]
        assert page.standing.state == "none"
        vaerdi = section(page, "vaerdi")
        assert [row.statement for row in vaerdi.rows] == [self.shared]
        assert vaerdi.rows[0].figures is None
        assert vaerdi.candidate_ids == []
        self.assertContains(r, SHARED)
        self.assertNotContains(r, "% agree")
        self.assertNotContains(r, "Adopt the quality description")
        # Reading must not create anything.
        assert not QualityDescription.objects.exists()

    def test_after_the_map_the_consensus_statement_is_a_candidate(self):
        compute_opinion_map(self.process.pk)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        page = r.context["page"]
        assert page.standing.ready
        vaerdi = section(page, "vaerdi")
        row = vaerdi.rows[0]
        assert row.candidate
        assert vaerdi.candidate_ids == [self.shared.pk]
        # The figures are exactly the map's row of the statement.
        view_row = next(
            s for s in page.standing.agree.values() if s["id"] == self.shared.pk
        )
        assert row.figures == view_row
        assert row.figures["n"] >= self.process.anonymity_threshold
        self.assertContains(r, "Candidate: nearly everyone agrees")
        self.assertContains(r, f"{row.figures['agree']} % agree")
        tilgang = section(page, "tilgang")
        assert not tilgang.rows[0].candidate
        assert tilgang.rows[0].disagreed
        assert tilgang.candidate_ids == []
        self.assertContains(r, "Adopt the quality description", count=2)

    def test_nothing_is_shown_from_a_stale_map(self):
        compute_opinion_map(self.process.pk)
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=9)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        page = r.context["page"]
        assert page.standing.state == "stale"
        assert all(row.figures is None for s in page.sections for row in s.rows)
        assert all(not s.candidate_ids for s in page.sections)
        self.assertNotContains(r, "% agree")
        self.assertNotContains(r, "Candidate")
        self.assertContains(r, "The anonymity threshold has changed")

    def test_nothing_while_too_few_have_voted(self):
        process = self.process
        Process.objects.filter(pk=process.pk).update(anonymity_threshold=20)
        compute_opinion_map(process.pk)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.context["page"].standing.state == "too_few"
        self.assertNotContains(r, "% agree")

    def test_a_statement_rejected_since_the_map_is_no_candidate(self):
        compute_opinion_map(self.process.pk)
        moderate_statement(self.shared, status=Statement.Status.REJECTED, by=self.alice)
        page = quality_page(self.process)
        row = section(page, "vaerdi").rows[0]
        assert not row.published and not row.candidate and row.figures is None

    def test_outsiders_get_404_everywhere(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404
        for name in ("quality_csv", "quality_xlsx"):
            url = reverse(f"priorities:{name}", args=[self.process.pk])
            assert self.client.get(url).status_code == 404
        for name in ("quality_add", "quality_tag", "quality_adopt"):
            url = reverse(f"priorities:{name}", args=[self.process.pk])
            assert self.client.post(url, {"dimension": "vaerdi"}).status_code == 404

    def test_the_process_page_links_to_it(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:process", args=[self.process.pk]))
        self.assertContains(r, self.url)


class AdoptTests(QualityWorld):
    def test_it_adopts_a_consensus_statement_with_its_text(self):
        compute_opinion_map(self.process.pk)
        self.client.force_login(self.alice)
        r = self.client.post(
            self.adopt_url(),
            {"dimension": "vaerdi", "vaerdi-statements": [self.shared.pk]},
        )
        assert r.status_code == 302
        found = QualityDescription.objects.get()
        assert found.dimension == "vaerdi"
        assert found.text == SHARED
        assert list(found.statements.all()) == [self.shared]
        assert found.adopted_by == self.alice

    def test_the_edited_wording_is_kept_and_the_newest_holds(self):
        compute_opinion_map(self.process.pk)
        first = adopt_quality_description(
            self.process, "vaerdi", [self.shared], self.alice
        )
        adopt_quality_description(
            self.process,
            "vaerdi",
            [self.shared],
            self.alice,
            text="Borgeren ved altid, hvem der kommer.",
        )
        page = quality_page(self.process)
        vaerdi = section(page, "vaerdi")
        assert vaerdi.current.text == "Borgeren ved altid, hvem der kommer."
        assert vaerdi.history == [first]
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:process", args=[self.process.pk]))
        self.assertContains(r, "Borgeren ved altid, hvem der kommer.")
        self.assertNotContains(r, first.text)

    def test_it_refuses_a_statement_that_is_not_consensus(self):
        compute_opinion_map(self.process.pk)
        with self.assertRaises(NotConsensus) as caught:
            adopt_quality_description(
                self.process, "tilgang", [self.rejected], self.alice
            )
        assert caught.exception.statements == [self.rejected]
        self.client.force_login(self.alice)
        r = self.client.post(
            self.adopt_url(),
            {
                "dimension": "tilgang",
                "tilgang-statements": [self.rejected.pk],
                "tilgang-text": "Min egen formulering.",
            },
        )
        assert r.status_code == 400
        self.assertContains(
            r, "no longer) a statement nearly everyone", status_code=400
        )
        self.assertContains(r, "Min egen formulering.", status_code=400)
        assert not QualityDescription.objects.exists()

    def test_it_refuses_everything_before_the_map_and_from_a_stale_map(self):
        with self.assertRaises(NotConsensus):
            adopt_quality_description(self.process, "vaerdi", [self.shared], None)
        compute_opinion_map(self.process.pk)
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=9)
        self.process.refresh_from_db()
        with self.assertRaises(NotConsensus):
            adopt_quality_description(self.process, "vaerdi", [self.shared], None)
        assert not QualityDescription.objects.exists()

    def test_it_refuses_a_statement_of_another_dimension_or_none(self):
        compute_opinion_map(self.process.pk)
        with self.assertRaises(NotQualityStatement):
            adopt_quality_description(self.process, "ambition", [self.shared], None)
        self.client.force_login(self.alice)
        r = self.client.post(
            self.adopt_url(),
            {"dimension": "ambition", "ambition-statements": [self.shared.pk]},
        )
        assert r.status_code == 400
        r = self.client.post(self.adopt_url(), {"dimension": "vaerdi"})
        self.assertContains(
            r, "Choose at least one consensus statement.", status_code=400
        )
        assert not QualityDescription.objects.exists()

    def test_an_unknown_dimension_changes_nothing(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.adopt_url(), {"dimension": "x"})
        assert r.status_code == 302
        assert not QualityDescription.objects.exists()


class ExportTests(QualityWorld):
    def setUp(self):
        super().setUp()
        compute_opinion_map(self.process.pk)
        adopt_quality_description(
            self.process, "vaerdi", [self.shared], self.alice, text="=Kvalitet"
        )
        self.client.force_login(self.alice)

    def test_the_csv_holds_the_description_and_the_pages_figures(self):
        r = self.client.get(reverse("priorities:quality_csv", args=[self.process.pk]))
        assert r.status_code == 200
        assert r["Content-Type"].startswith("text/csv")
        lines = r.content.decode("utf-8-sig").splitlines()
        assert lines[0].startswith("Dimension;Current;Adopted")
        assert len(lines) == 2
        cells = lines[1].split(";")
        figures = section(quality_page(self.process), "vaerdi").rows[0].figures
        assert cells[0] == "The value we create"
        assert cells[3] == "'=Kvalitet"  # never a formula
        assert cells[4] == SHARED
        assert cells[5] == "Yes"
        assert cells[6:] == [
            str(figures[k]) for k in ("agree", "disagree", "pass", "n")
        ]

    def test_the_xlsx_holds_the_same_rows(self):
        r = self.client.get(reverse("priorities:quality_xlsx", args=[self.process.pk]))
        assert r.status_code == 200
        sheet = load_workbook(io.BytesIO(r.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "Dimension"
        assert rows[1][3] == "'=Kvalitet"
        assert rows[1][4] == SHARED
        assert rows[1][9] >= self.process.anonymity_threshold

    def test_a_stale_map_leaves_the_figures_out(self):
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=9)
        r = self.client.get(reverse("priorities:quality_csv", args=[self.process.pk]))
        cells = r.content.decode("utf-8-sig").splitlines()[1].split(";")
        assert cells[4] == SHARED
        assert cells[5:] == ["", "", "", "", ""]


class DanishPageTests(QualityWorld):
    def test_the_page_speaks_danish_with_the_maps_figures(self):
        compute_opinion_map(self.process.pk)
        adopt_quality_description(self.process, "vaerdi", [self.shared], self.alice)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Kandidat: næsten alle er enige")
        self.assertContains(r, "Den vedtagne kvalitetsbeskrivelse")
        self.assertContains(r, "% enige, ")
        self.assertNotContains(r, "%%")
