"""The adopted core task as a printable PDF poster (WeasyPrint) and a screen image (Pillow).

Both are drawn from one `PosterContent`, so the page, the poster and the image
never disagree. Both embed the same TrueType font, which has the Danish letters:
IBM Plex Sans from the design system, or DejaVu Sans when the static files have
not been built.

The PDF is tagged PDF/UA-1 (WeasyPrint's `pdf_variant`): headings, paragraphs and
reading order in a structure tree, the document's language and title in its
catalogue and metadata, so a screen reader reads it as it reads the page.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from html import escape
from pathlib import Path

from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from kerne.coretasks.models import Adoption, NotCoreTask

PLEX_DIR = (
    Path(settings.BASE_DIR) / "kerne/static/vendor/dkfds/fonts/IBMPlexSans/complete/ttf"
)
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_CANDIDATES = (
    (PLEX_DIR / "IBMPlexSans-Regular.ttf", PLEX_DIR / "IBMPlexSans-Bold.ttf"),
    (DEJAVU_DIR / "DejaVuSans.ttf", DEJAVU_DIR / "DejaVuSans-Bold.ttf"),
)
# The design system's primary blue and a light tint of it.
BLUE = "#004993"
TINT = "#e6eef7"
# In PostScript points, as PDF measures them.
mm = 72 / 25.4
A4 = (210 * mm, 297 * mm)
A3 = (297 * mm, 420 * mm)
PAGE_SIZES = {"a4": A4, "a3": A3}
IMAGE_SIZE = (1920, 1080)
# Every character Unicode treats as ending a line, and the most a text keeps: each one
# is a forced line in WeasyPrint, whose layout time grows with the square of their
# number (2,000 form feeds took 40 s per layout, line separators longer).
LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
MAX_LINE_BREAKS = 40


@dataclass(frozen=True)
class PosterContent:
    title: str
    unit: str
    organisation: str
    statement: str
    dimensions: tuple[tuple[str, str], ...]
    dates: str
    not_core_heading: str
    not_core: tuple[tuple[str, str], ...]
    language: str = "da"

    @property
    def document_title(self) -> str:
        return f"{self.title} – {self.unit}"


def poster_content(adoption: Adoption, not_core: list[NotCoreTask]) -> PosterContent:
    """What the poster and image say, in the active language."""
    version = adoption.version
    unit = adoption.unit
    dates = _("Adopted %(adopted)s · Next review %(review)s") % {
        "adopted": formats.date_format(adoption.adopted_on, "DATE_FORMAT"),
        "review": formats.date_format(adoption.review_on, "DATE_FORMAT"),
    }
    return PosterContent(
        title=_("Our core task"),
        unit=unit.name,
        organisation=unit.organisation.name,
        statement=version.statement,
        dimensions=tuple(
            (label, text) for _key, label, text in version.dimension_texts()
        ),
        dates=dates,
        not_core_heading=_("Not our core task"),
        not_core=tuple((item.title, item.reason) for item in not_core),
        language=get_language() or settings.LANGUAGE_CODE,
    )


def plain(text: str) -> str:
    """The text as the poster prints it: line breaks as \\n, at most MAX_LINE_BREAKS of
    them (the rest become spaces), no blank line runs, no other control characters."""
    text = LINE_BREAKS.sub("\n", text)
    text = "".join(
        " " if c == "\t" else c
        for c in text
        if c == "\n" or c == "\t" or unicodedata.category(c) != "Cc"
    )
    text = re.sub(r"\n\s*\n\s*", "\n\n", text)
    head, *rest = text.split("\n", MAX_LINE_BREAKS)
    if rest and "\n" in rest[-1]:
        rest[-1] = " ".join(rest[-1].split("\n"))
    return "\n".join([head, *rest])


@cache
def font_files() -> tuple[Path, Path]:
    for regular, bold in FONT_CANDIDATES:
        if regular.exists() and bold.exists():
            return regular, bold
    raise FileNotFoundError(
        "No TrueType font with Danish letters: run `make static` or install fonts-dejavu."
    )


# --- the PDF poster (WeasyPrint, tagged PDF/UA-1) ---------------------------------------

# Type sizes in points at scale 1 on A4; A3 multiplies them by √2, as its width does.
POSTER_CSS = """
@font-face { font-family: KerneSans; font-weight: 400; src: url("%(regular)s"); }
@font-face { font-family: KerneSans; font-weight: 700; src: url("%(bold)s"); }
@page { size: %(width)spt %(height)spt; margin: %(margin)spt; }
html { font-family: KerneSans; color: #1a1a1a; font-size: %(base)spt; line-height: 1.25; }
body { margin: 0; }
.kicker { color: %(blue)s; font-size: 1.1em; margin: 0; }
h1 { color: %(blue)s; font-size: 2.6em; line-height: 1.1; margin: 0.1em 0 0.3em; }
.statement { font-weight: 700; font-size: 1.75em; line-height: 1.2; margin: 0 0 0.7em; }
.dimensions { display: flex; flex-wrap: wrap; gap: 0.5em; }
.dimensions section { flex: 1 1 40%%; box-sizing: border-box; background: %(tint)s;
  padding: 0.6em 0.8em 0.8em; }
h2 { color: %(blue)s; font-size: 1.15em; margin: 0 0 0.3em; }
h3 { color: %(blue)s; font-size: 1.15em; margin: 0.8em 0 0.2em; }
section p, .not-core p { margin: 0; }
.not-core p { margin-top: 0.2em; }
.dates { color: #454545; font-size: 0.8em; margin: 0.8em 0 0; }
"""


def _poster_html(content: PosterContent, size: str, base: float) -> str:
    regular, bold = font_files()
    width, height = PAGE_SIZES[size]
    margin = 14 * mm * (width / A4[0])
    css = POSTER_CSS % {
        "regular": regular.as_uri(),
        "bold": bold.as_uri(),
        "width": round(width, 2),
        "height": round(height, 2),
        "margin": round(margin, 2),
        "base": round(base, 2),
        "blue": BLUE,
        "tint": TINT,
    }

    def para(text: str) -> str:
        return escape(plain(text)).replace("\n", "<br>")

    dimensions = "".join(
        f"<section><h2>{para(h)}</h2><p>{para(t)}</p></section>"
        for h, t in content.dimensions
    )
    not_core = ""
    if content.not_core:
        items = "".join(
            f"<p><strong>{para(what)}</strong> – {para(why)}</p>"
            for what, why in content.not_core
        )
        not_core = (
            f'<div class="not-core"><h3>{para(content.not_core_heading)}</h3>'
            f"{items}</div>"
        )
    return (
        f'<!DOCTYPE html><html lang="{escape(content.language)}"><head>'
        f'<meta charset="utf-8"><title>{para(content.document_title)}</title>'
        f'<meta name="author" content="{escape(content.organisation)}">'
        f"<style>{css}</style></head><body><main>"
        f'<p class="kicker">{para(content.organisation)} · {para(content.unit)}</p>'
        f"<h1>{para(content.title)}</h1>"
        f'<p class="statement">{para(content.statement)}</p>'
        f'<div class="dimensions">{dimensions}</div>{not_core}'
        f'<p class="dates">{para(content.dates)}</p>'
        "</main></body></html>"
    )


def _layout(
    content: PosterContent, size: str, base: float, fonts: FontConfiguration
) -> Document:
    html = _poster_html(content, size, base)
    return HTML(string=html).render(font_config=fonts, pdf_variant="pdf/ua-1")


def _fits(
    content: PosterContent, size: str, base: float, fonts: FontConfiguration
) -> bool:
    return len(_layout(content, size, base, fonts).pages) == 1


@lru_cache(maxsize=32)
def render_pdf(content: PosterContent, size: str = "a4") -> bytes:
    """One tagged page, with the largest type that fits: read from across a room.

    The body type is the largest size, between 8 and 24 pt on A4 (×√2 on A3), to
    within half a point, at which the poster still fits one page, so the text fills
    the page whatever its length. Six or so layouts take seconds: the result is
    kept for the next download of the same poster.
    """
    factor = PAGE_SIZES[size][0] / A4[0]
    fonts = FontConfiguration()
    low, high = 8.0, 24.0
    if _fits(content, size, high * factor, fonts):
        low = high
    elif not _fits(content, size, low * factor, fonts):
        high = low  # very long texts: the smallest type, over more than one page
    while high - low > 0.5:
        middle = (low + high) / 2
        if _fits(content, size, middle * factor, fonts):
            low = middle
        else:
            high = middle
    best = _layout(content, size, low * factor, fonts)
    data = best.write_pdf(pdf_variant="pdf/ua-1")
    assert data is not None
    return bytes(data)


# --- the screen image -----------------------------------------------------------------


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    lines: list[str] = []
    for paragraph in plain(text).splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _fit(
    draw: ImageDraw.ImageDraw,
    text: str,
    font_path: Path,
    size: int,
    width: int,
    height: int,
) -> tuple[ImageFont.FreeTypeFont, list[str], int]:
    """The largest font size (down to a third) at which the text fits the box."""
    while True:
        font = ImageFont.truetype(str(font_path), size)
        leading = int(size * 1.3)
        lines = _wrap(draw, text, font, width)
        if len(lines) * leading <= height or size <= 14:
            max_lines = max(1, height // leading)
            if len(lines) > max_lines:
                lines = lines[:max_lines]
                lines[-1] = lines[-1].rstrip() + " …"
            return font, lines, leading
        size = int(size * 0.9)


def render_png(content: PosterContent) -> bytes:
    regular, bold = font_files()
    width, height = IMAGE_SIZE
    image = Image.new("RGB", IMAGE_SIZE, "white")
    draw = ImageDraw.Draw(image)
    pad = 80
    draw.rectangle((0, 0, width, 170), fill=BLUE)
    kicker = ImageFont.truetype(str(regular), 30)
    draw.text(
        (pad, 34), f"{content.organisation} · {content.unit}", font=kicker, fill="white"
    )
    title = ImageFont.truetype(str(bold), 56)
    draw.text((pad, 80), content.title, font=title, fill="white")

    font, lines, leading = _fit(draw, content.statement, bold, 54, width - 2 * pad, 250)
    y = 210
    for line in lines:
        draw.text((pad, y), line, font=font, fill="#1a1a1a")
        y += leading

    gap = 24
    box_w = (width - 2 * pad - 3 * gap) // 4
    top, bottom = 500, height - 90
    heading_font = ImageFont.truetype(str(bold), 30)
    for i, (heading, text) in enumerate(content.dimensions):
        x = pad + i * (box_w + gap)
        draw.rectangle((x, top, x + box_w, bottom), fill=TINT)
        head_lines = _wrap(draw, heading, heading_font, box_w - 40)
        hy = top + 24
        for line in head_lines:
            draw.text((x + 20, hy), line, font=heading_font, fill=BLUE)
            hy += 40
        body, body_lines, body_leading = _fit(
            draw, text, regular, 28, box_w - 40, bottom - hy - 30
        )
        by = hy + 12
        for line in body_lines:
            draw.text((x + 20, by), line, font=body, fill="#1a1a1a")
            by += body_leading
    small = ImageFont.truetype(str(regular), 26)
    draw.text((pad, height - 62), content.dates, font=small, fill="#454545")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
