"""Time the PDF poster (WeasyPrint, PDF/UA-1) and report the type size it chose.

    .venv/bin/python -m bench.poster

For a short and a long core task, on A4 and A3: seconds for the first render
(the search for the largest type that fits, about six layouts, then the PDF),
seconds for a second request (served from the cache), the PDF's size, and the
median height of the words on the page in points (pdftotext -bbox, Poppler).
"""

from __future__ import annotations

import os
import re
import subprocess
import time


def main() -> None:
    os.environ.setdefault("KERNE_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kerne.settings")
    import django

    django.setup()
    from django.utils import translation

    from kerne.coretasks import poster

    translation.activate("da")
    short = poster.PosterContent(
        title="Vores kerneopgave",
        unit="Hjemmeplejen Nord",
        organisation="Solbjerg Kommune",
        statement="Vi skaber tryghed og livsglæde sammen med borgeren.",
        dimensions=(
            ("Værdien vi skaber", "Tryghed i eget hjem."),
            ("Den fælles ambition", "Kendt for faste hjælpere og nærvær."),
            ("Vores tilgang til opgaven", "Vi støtter borgeren i at klare sig selv."),
            ("Målgruppen", "Borgere og deres pårørende."),
        ),
        dates="Vedtaget 1. marts 2025 · Næste gennemgang 1. marts 2026",
        not_core_heading="Ikke vores kerneopgave",
        not_core=(),
    )
    long = poster.PosterContent(
        **{
            **short.__dict__,
            "statement": "Vi skaber tryghed og livsglæde sammen med borgeren. " * 4,
            "dimensions": tuple((h, t * 6) for h, t in short.dimensions),
            "not_core": (("Rengøring af fællesarealer", "Det løser boligselskabet."),),
        }
    )
    print(
        f"{'content':8} {'size':4} {'first s':>8} {'again s':>8} {'kB':>6} {'word pt':>8}"
    )
    for name, content in (("short", short), ("long", long)):
        for size in ("a4", "a3"):
            start = time.perf_counter()
            pdf = poster.render_pdf(content, size)
            first = time.perf_counter() - start
            start = time.perf_counter()
            poster.render_pdf(content, size)
            again = time.perf_counter() - start
            bbox = subprocess.run(
                ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True
            ).stdout.decode()
            heights = sorted(
                float(b) - float(a)
                for a, b in re.findall(
                    r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox
                )
            )
            median = heights[len(heights) // 2]
            print(
                f"{name:8} {size:4} {first:8.2f} {again:8.4f} "
                f"{len(pdf) / 1000:6.1f} {median:8.1f}"
            )


if __name__ == "__main__":
    main()
