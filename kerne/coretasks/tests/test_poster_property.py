"""Posters never break, whatever the text: Hypothesis writes hostile dimension texts.

Every text is up to the form's 5,000 characters and mixes Danish, emoji with joiners,
right-to-left script and overrides, stacked combining marks, words thousands of
letters long without a space, and the control characters a textarea lets through
(everything but NUL, which Django's form refuses). Each poster is rendered A4, A3 and
as the screen image; the PDFs must open with at least one page, the image must be
full HD. WeasyPrint takes seconds per layout, so only a few examples run.
"""

from __future__ import annotations

import io

from django.test import SimpleTestCase
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from kerne.coretasks import poster
from kerne.coretasks.forms import TEXT_LIMIT
from kerne.coretasks.testing import make_adoption, make_version
from kerne.coretasks.tests.pdftext import page_sizes
from kerne.testing import BaseTestCase

PIECES = (
    "Tryghed og nærvær for borgeren. ",
    "ÆØÅ æøå ",
    "👩‍👩‍👧‍👦🏳️‍🌈🇩🇰 ",
    "مرحبا بالعالم ",
    "שלום עולם ",
    "\u202eesrever\u202c ",
    "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307 ",
    "Z̸̢̛̗̖͖̀a̶̧̰͚̓l̸̨̈́g̵̢̛o̵͕̊ ",
    "\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029",
    "\u200b\u200d\ufeff\ufffd",
    "\r\n\n\t",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 漢字 ",
)

piece = st.one_of(
    st.sampled_from(PIECES),
    # A word without a space: it must wrap or shrink, never overflow.
    st.integers(1, TEXT_LIMIT).map(lambda n: "ø" * n),
    st.text(
        st.characters(codec="utf-8", exclude_characters="\x00"),
        max_size=40,
    ),
)


@st.composite
def field_text(draw: st.DrawFn) -> str:
    length = draw(st.integers(0, TEXT_LIMIT))
    parts = draw(st.lists(piece, min_size=1, max_size=8))
    joined = "".join(parts) or " "
    return (joined * (length // len(joined) + 1))[:length]


def content_with(statement: str, texts: list[str]) -> poster.PosterContent:
    labels = ("Værdi", "Ambition", "Tilgang", "Målgruppe")
    return poster.PosterContent(
        title="Vores kerneopgave",
        unit="Hjemmeplejen",
        organisation="Aarhus Kommune",
        statement=statement,
        dimensions=tuple(zip(labels, texts, strict=True)),
        dates="Vedtaget 15. januar 2026 · Næste gennemgang 15. januar 2027",
        not_core_heading="Ikke vores kerneopgave",
        not_core=(("Havearbejde", texts[0][:200]),),
    )


def check_posters(content: poster.PosterContent) -> None:
    for size in ("a4", "a3"):
        pdf = poster.render_pdf(content, size)
        assert pdf.startswith(b"%PDF-")
        assert len(page_sizes(pdf)) >= 1
    image = Image.open(io.BytesIO(poster.render_png(content)))
    image.verify()
    assert image.format == "PNG" and image.size == poster.IMAGE_SIZE


class PosterPropertyTests(SimpleTestCase):
    @settings(
        max_examples=8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    # Found by this test: 2,000 form feeds (or line separators) per text made 8,000
    # forced lines, and WeasyPrint took 40 s per layout, minutes per poster.
    @example(
        statement="Kort.", texts=["\x0c" * 2000, "a\u2028" * 2500, "\x85" * 2000, ""]
    )
    @given(statement=field_text(), texts=st.lists(field_text(), min_size=4, max_size=4))
    def test_posters_render_whatever_the_text(
        self, statement: str, texts: list[str]
    ) -> None:
        check_posters(content_with(statement, texts))


class PlainTests(SimpleTestCase):
    def test_line_breaks_are_capped_and_control_characters_dropped(self) -> None:
        assert poster.plain("a\x0cb\u2028c\r\nd\x85e") == "a\nb\nc\nd\ne"
        assert poster.plain("a\x01\x07\x1b\x7fb\tc") == "ab c"
        assert poster.plain("a\n\n\n \n\nb") == "a\n\nb"
        capped = poster.plain("x\u2028" * 100)
        assert capped.count("\n") == poster.MAX_LINE_BREAKS
        assert capped.count("x") == 100


class PublicPosterViewTests(BaseTestCase):
    """The public links answer a poster, never a 500, for hostile adopted texts."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        version = make_version(
            cls.process,
            by=cls.alice,
            statement="".join(PIECES),
            vaerdi="ø" * TEXT_LIMIT,
            ambition=("".join(PIECES) * 40)[:TEXT_LIMIT],
            tilgang="\x0c" * 2000 + "\u2028" * 2000,
            maalgruppe="\u202e" + "מ" * 3000,
        )
        make_adoption(version)
        cls.token = cls.unit.coretask_page.token

    def test_the_posters_and_the_image_render(self) -> None:
        for name in ("poster_a4", "poster_a3"):
            r = self.client.get(reverse(f"coretasks:{name}", args=[self.token]))
            assert r.status_code == 200, name
            assert r["Content-Type"] == "application/pdf"
            assert r.content.startswith(b"%PDF-")
            assert len(page_sizes(r.content)) >= 1
        r = self.client.get(reverse("coretasks:image", args=[self.token]))
        assert r.status_code == 200
        assert r["Content-Type"] == "image/png"
        assert Image.open(io.BytesIO(r.content)).size == poster.IMAGE_SIZE
