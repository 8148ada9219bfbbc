"""The adopted core task as a printable PDF poster (reportlab) and a screen image (Pillow).

Both are drawn from one `PosterContent`, so the page, the poster and the image
never disagree. Both embed the same TrueType font, which has the Danish letters:
IBM Plex Sans from the design system, or DejaVu Sans when the static files have
not been built.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

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
PAGE_SIZES = {"a4": A4, "a3": A3}
IMAGE_SIZE = (1920, 1080)


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
    )


@cache
def font_files() -> tuple[Path, Path]:
    for regular, bold in FONT_CANDIDATES:
        if regular.exists() and bold.exists():
            return regular, bold
    raise FileNotFoundError(
        "No TrueType font with Danish letters: run `make static` or install fonts-dejavu."
    )


@cache
def _pdf_fonts() -> tuple[str, str]:
    regular, bold = font_files()
    pdfmetrics.registerFont(TTFont("KerneSans", str(regular)))
    pdfmetrics.registerFont(TTFont("KerneSans-Bold", str(bold)))
    # So <b> in a paragraph picks the embedded bold, not a built-in font without æøå.
    registerFontFamily(
        "KerneSans",
        normal="KerneSans",
        bold="KerneSans-Bold",
        italic="KerneSans",
        boldItalic="KerneSans-Bold",
    )
    return "KerneSans", "KerneSans-Bold"


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _story(content: PosterContent, scale: float, width: float) -> list[object]:
    regular, bold = _pdf_fonts()

    def style(
        name: str, size: float, *, font: str = regular, **kw: object
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size * scale,
            leading=size * scale * 1.3,
            **kw,
        )

    kicker = style("kicker", 12, textColor=colors.HexColor(BLUE))
    title = style("title", 30, font=bold, textColor=colors.HexColor(BLUE))
    statement = style("statement", 20, font=bold, spaceBefore=6 * scale)
    heading = style("heading", 13, font=bold, textColor=colors.HexColor(BLUE))
    body = style("body", 10.5)
    small = style("small", 9, textColor=colors.HexColor("#454545"))

    story: list[object] = [
        Paragraph(_para(f"{content.organisation} · {content.unit}"), kicker),
        Paragraph(_para(content.title), title),
        Spacer(1, 4 * mm * scale),
        Paragraph(_para(content.statement), statement),
        Spacer(1, 8 * mm * scale),
    ]
    cells = [
        [Paragraph(_para(h), heading), Spacer(1, 2 * mm), Paragraph(_para(t), body)]
        for h, t in content.dimensions
    ]
    grid = Table(
        [cells[0:2], cells[2:4]],
        colWidths=[width / 2] * 2,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(TINT)),
                ("LINEBELOW", (0, 0), (-1, 0), 6 * scale, colors.white),
                ("LINEAFTER", (0, 0), (0, -1), 6 * scale, colors.white),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm * scale),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm * scale),
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm * scale),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm * scale),
            ]
        ),
    )
    story.append(grid)
    if content.not_core:
        story += [
            Spacer(1, 6 * mm * scale),
            Paragraph(_para(content.not_core_heading), heading),
        ]
        for what, why in content.not_core:
            story.append(Paragraph(f"<b>{_para(what)}</b> – {_para(why)}", body))
    story += [Spacer(1, 6 * mm * scale), Paragraph(_para(content.dates), small)]
    return story


def render_pdf(content: PosterContent, size: str = "a4") -> bytes:
    """One page if at all possible: the text shrinks in steps until it fits."""
    pagesize = PAGE_SIZES[size]
    base = pagesize[0] / A4[0]
    margin = 16 * mm * base
    width = pagesize[0] - 2 * margin
    data = b""
    for shrink in (1.0, 0.85, 0.72, 0.6):
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=pagesize,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            title=f"{content.title} – {content.unit}",
            author=content.organisation,
            lang="da",
        )
        doc.build(_story(content, base * shrink, width))
        data = buffer.getvalue()
        if doc.page <= 1:
            break
    return data


# --- the screen image -----------------------------------------------------------------


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
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
