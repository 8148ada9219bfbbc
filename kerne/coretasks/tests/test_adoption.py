from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tempfile

import numpy as np
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from kerne.coretasks import poster
from kerne.coretasks.models import Adoption, NotCoreTask, Version
from kerne.coretasks.poster import A3, A4
from kerne.coretasks.services import (
    QualificationStillOpen,
    add_not_core_task,
    review_state,
)
from kerne.coretasks.testing import make_adoption, make_qualification, make_version
from kerne.coretasks.tests.pdftext import (
    extract_text,
    fonts,
    info,
    objects,
    page_sizes,
)
from kerne.participation.limits import LINK_GUESS
from kerne.processes.models import Dimension, Round
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase

STATEMENT = (
    "Vi skaber tryghed og livsglæde sammen med borgeren – på borgerens præmisser."
)


class AdoptTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.version = make_version(cls.process, by=cls.alice, statement=STATEMENT)
        cls.url = reverse("coretasks:adopt", args=[cls.version.pk])

    def test_it_adopts_with_dates_and_a_note(self):
        self.client.force_login(self.alice)
        assert self.client.get(self.url).status_code == 200
        r = self.client.post(
            self.url,
            {
                "adopted_on": "2026-01-15",
                "review_on": "2027-01-15",
                "change_note": "Borgerne genkendte værdien.",
            },
        )
        self.assertRedirects(r, reverse("coretasks:unit", args=[self.unit.pk]))
        adoption = Adoption.objects.get()
        assert adoption.unit == self.unit
        assert adoption.adopted_by == self.alice
        assert adoption.review_on == dt.date(2027, 1, 15)
        assert self.unit.coretask_page.token

    def test_the_review_date_must_come_after(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            self.url,
            {"adopted_on": "2026-01-15", "review_on": "2026-01-01", "change_note": "x"},
        )
        assert r.status_code == 400
        assert not Adoption.objects.exists()

    def test_it_asks_to_close_an_open_qualification_first(self):
        qualification = make_qualification(self.version)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, qualification.round.get_absolute_url())
        data = {
            "adopted_on": "2026-01-15",
            "review_on": "2027-01-15",
            "change_note": "Borgerne genkendte værdien.",
        }
        r = self.client.post(self.url, data)
        assert r.status_code == 400
        # In Danish, with what was typed kept in the form.
        self.assertContains(r, "er stadig åben. Luk den først", status_code=400)
        self.assertContains(r, "Borgerne genkendte værdien.", status_code=400)
        assert not Adoption.objects.exists()
        with self.assertRaises(QualificationStillOpen):
            make_adoption(self.version)
        close_round(qualification.round)
        r = self.client.post(self.url, data)
        self.assertRedirects(r, reverse("coretasks:unit", args=[self.unit.pk]))

    def test_it_hides_adoption_from_outsiders(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404
        assert self.client.post(self.url).status_code == 404


class PublicPageTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        version = make_version(cls.process, by=cls.alice, statement=STATEMENT)
        cls.adoption = make_adoption(version)
        add_not_core_task(
            cls.unit,
            by=cls.alice,
            title="Havearbejde",
            reason="Det klarer frivillige og private firmaer.",
            decided_on=dt.date(2026, 2, 1),
        )
        cls.token = cls.unit.coretask_page.token

    def test_anyone_with_the_link_reads_it(self):
        r = self.client.get(reverse("coretasks:public", args=[self.token]))
        assert r.status_code == 200
        self.assertContains(r, "livsglæde")
        self.assertContains(r, "Havearbejde")
        self.assertContains(r, "Det klarer frivillige")
        self.assertContains(r, reverse("coretasks:poster_a3", args=[self.token]))

    def test_a_wrong_token_is_404(self):
        assert (
            self.client.get(reverse("coretasks:public", args=["nope"])).status_code
            == 404
        )
        url = reverse("coretasks:poster_a4", args=["nope"])
        assert self.client.get(url).status_code == 404

    def test_guessing_at_public_links_is_refused_after_the_limit(self):
        # The same count as invitation links (participation/throttle.py).
        guesser = Client(REMOTE_ADDR="10.3.0.1")
        for i in range(LINK_GUESS.count):
            url = reverse("coretasks:image", args=[f"gaet-{i}"])
            assert guesser.get(url).status_code == 404
        real = reverse("coretasks:public", args=[self.token])
        r = guesser.get(real)
        assert r.status_code == 429
        assert r["Retry-After"] == str(LINK_GUESS.window)
        assert Client(REMOTE_ADDR="10.3.0.2").get(real).status_code == 200

    def test_it_shows_the_latest_adoption(self):
        newer = make_version(self.process, statement="En ny og bedre formulering.")
        make_adoption(
            newer, adopted_on=dt.date(2026, 4, 1), review_on=dt.date(2027, 4, 1)
        )
        r = self.client.get(reverse("coretasks:public", args=[self.token]))
        self.assertContains(r, "En ny og bedre formulering.")
        self.assertNotContains(r, "livsglæde")

    def test_it_rejects_post(self):
        url = reverse("coretasks:public", args=[self.token])
        assert self.client.post(url).status_code == 405

    def test_the_pdf_posters_have_the_statement_the_dimensions_and_danish_letters(self):
        # Read back with Poppler (kerne/coretasks/tests/pdftext.py).
        for name, size in (("poster_a4", A4), ("poster_a3", A3)):
            r = self.client.get(reverse(f"coretasks:{name}", args=[self.token]))
            assert r.status_code == 200
            assert r["Content-Type"] == "application/pdf"
            pdf = r.content
            assert pdf.startswith(b"%PDF")
            [(width, height)] = page_sizes(pdf)
            assert abs(width - size[0]) < 0.01 and abs(height - size[1]) < 0.01
            text = " ".join(extract_text(pdf).split())
            assert STATEMENT in text
            with translation.override("da"):
                for dimension in Dimension:
                    assert str(dimension.label) in text, dimension
            for letter in "æøå":
                assert letter in text
            assert "Havearbejde" in text
            # The TrueType fonts are embedded, with a map back to Unicode.
            embedded = fonts(pdf)
            assert embedded and all(f[-5:-2] == ["yes", "yes", "yes"] for f in embedded)

    def test_the_pdf_posters_are_tagged_for_screen_readers(self):
        # PDF/UA-1: a structure tree in reading order, language and title set.
        for name in ("poster_a4", "poster_a3"):
            pdf = self.client.get(
                reverse(f"coretasks:{name}", args=[self.token])
            ).content
            meta = info(pdf)
            assert "Tagged:          yes" in meta
            assert "Title:           Vores kerneopgave – Hjemmeplejen" in meta
            catalogue = objects(pdf)
            assert b"/Lang (da)" in catalogue
            assert b"/MarkInfo <</Marked true>>" in catalogue
            assert re.search(rb"/StructTreeRoot \d+ 0 R", catalogue)
            assert b"/DisplayDocTitle true" in catalogue
            assert 'pdfuaid:part="1"' in info(pdf, "-meta")
            tree = info(pdf, "-struct")
            # Reading order: the title, the statement, then the four dimensions.
            assert tree.index("H1") < tree.index("H2")
            assert tree.count("H2") == 4

    def test_the_poster_fills_its_page_with_large_type(self):
        content = poster.poster_content(self.adoption, [])
        for size in ("a4", "a3"):
            pdf = poster.render_pdf(content, size)
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(
                    ["pdftoppm", "-r", "20", "-png", "-singlefile", "-", f"{tmp}/p"],
                    input=pdf,
                    check=True,
                )
                page = np.asarray(Image.open(f"{tmp}/p.png").convert("L"))
            inked = np.flatnonzero(page.min(axis=1) < 200)
            # Text and boxes run from the top margin down over 80 % of the page.
            assert inked[-1] - inked[0] > 0.8 * page.shape[0], (
                size,
                inked[0],
                inked[-1],
            )
            # Word boxes at least 16 pt tall on A4 (10.5 pt type made 14 before): half
            # of the words are at least that, and A3 scales with the page.
            bbox = subprocess.run(
                ["pdftotext", "-bbox", "-", "-"],
                input=pdf,
                capture_output=True,
                check=True,
            ).stdout.decode()
            heights = sorted(
                float(y1) - float(y0)
                for y0, y1 in re.findall(
                    r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox
                )
            )
            factor = 1 if size == "a4" else 2**0.5
            assert heights[len(heights) // 2] >= 16 * factor, heights

    def test_the_image_is_full_hd(self):
        r = self.client.get(reverse("coretasks:image", args=[self.token]))
        assert r.status_code == 200
        assert r["Content-Type"] == "image/png"
        image = Image.open(io.BytesIO(r.content))
        assert image.size == (1920, 1080)

    def test_a_long_text_still_fits_one_page(self):
        content = poster.poster_content(self.adoption, [])
        long = poster.PosterContent(
            **{**content.__dict__, "statement": "Tryghed og nærvær. " * 40}
        )
        assert len(page_sizes(poster.render_pdf(long))) == 1


class UnitPageTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.version = make_version(cls.process, by=cls.alice, statement=STATEMENT)
        cls.url = reverse("coretasks:unit", args=[cls.unit.pk])

    def test_before_adoption(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        assert r.context["current"] is None

    @time_machine.travel(dt.datetime(2027, 2, 20, 12, tzinfo=dt.UTC))
    def test_it_says_when_it_is_time_to_revisit(self):
        adoption = make_adoption(
            self.version, adopted_on=dt.date(2026, 3, 1), review_on=dt.date(2027, 3, 1)
        )
        assert review_state(adoption) == "soon"
        assert review_state(adoption, dt.date(2027, 3, 2)) == "due"
        assert review_state(adoption, dt.date(2026, 12, 1)) is None
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.context["review"] == "soon"
        r = self.client.get(self.process.get_absolute_url())
        assert r.status_code == 200
        self.assertContains(r, 'id="coretask-heading"')
        assert "alert-warning" in r.content.decode()

    def test_the_history_lists_every_adoption_with_its_note(self):
        make_adoption(self.version, change_note="Første udgave.")
        v2 = make_version(self.process, statement="Anden udgave af kerneopgaven.")
        make_adoption(
            v2,
            adopted_on=dt.date(2026, 3, 1),
            review_on=dt.date(2027, 3, 1),
            change_note="Borgerne savnede de pårørende.",
        )
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertContains(r, "Første udgave.")
        self.assertContains(r, "Borgerne savnede de pårørende.")
        assert [a.version.number for a, _ in r.context["history"]] == [2, 1]

    def test_a_new_round_starts_from_the_adopted_version(self):
        make_adoption(self.version)
        self.client.force_login(self.alice)
        url = reverse("coretasks:new_round", args=[self.unit.pk])
        assert self.client.get(url).status_code == 405
        r = self.client.post(url, {"kind": "kvalificering"})
        round_ = Round.objects.filter(qualification__isnull=False).get()
        self.assertRedirects(r, round_.get_absolute_url())
        copy = Version.objects.get(number=2)
        assert copy.statement == STATEMENT
        assert copy.based_on == self.version
        assert round_.qualification.version == copy
        r = self.client.post(url, {"kind": "indkredsning"})
        assert r.status_code == 302
        assert Version.objects.count() == 3
        assert self.process.rounds.count() == 3

    def test_no_new_round_without_an_adoption(self):
        self.client.force_login(self.alice)
        url = reverse("coretasks:new_round", args=[self.unit.pk])
        assert self.client.post(url, {"kind": "indkredsning"}).status_code == 404

    def test_not_core_tasks_are_added_and_removed(self):
        self.client.force_login(self.alice)
        url = reverse("coretasks:not_core_task_add", args=[self.unit.pk])
        r = self.client.post(
            url,
            {
                "title": "Indkøb",
                "reason": "Det gør borgeren selv.",
                "decided_on": "2026-02-01",
            },
        )
        self.assertRedirects(r, self.url)
        item = NotCoreTask.objects.get()
        assert item.title == "Indkøb"
        assert self.client.post(url, {"title": ""}).status_code == 400
        delete = reverse("coretasks:not_core_task_delete", args=[item.pk])
        assert self.client.get(delete).status_code == 405
        self.client.force_login(self.charlie)
        assert self.client.post(delete).status_code == 404
        self.client.force_login(self.alice)
        self.assertRedirects(self.client.post(delete), self.url)
        assert not NotCoreTask.objects.exists()

    def test_it_hides_the_unit_page_from_outsiders(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404
        url = reverse("coretasks:not_core_task_add", args=[self.unit.pk])
        assert self.client.post(url, {"title": "x"}).status_code == 404
