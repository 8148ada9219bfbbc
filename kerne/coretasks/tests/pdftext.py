"""Read a PDF back for tests with Poppler (`make pdftools` installs poppler-utils).

pdftotext gives the text a PDF reader would copy out, so a wrong glyph for æ, ø or
å shows up as a wrong letter; pdfinfo and pdffonts give pages, metadata and fonts.
The catalogue entries for tagging are read from the decompressed objects.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import tempfile
import zlib
from pathlib import Path

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
PAGE_SIZE = re.compile(r"^Page +\d+ size: +([\d.]+) x ([\d.]+) pts", re.M)


def _run(tool: str, pdf: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "poster.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
            capture_output=True,
            text=True,
            check=True,
        )
    return out.stdout


def extract_text(pdf: bytes) -> str:
    return _run("pdftotext", pdf, "-enc", "UTF-8")


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    info = _run("pdfinfo", pdf, "-f", "1", "-l", "999")
    return [(float(w), float(h)) for w, h in PAGE_SIZE.findall(info)]


def info(pdf: bytes, *args: str) -> str:
    return _run("pdfinfo", pdf, *args)


def fonts(pdf: bytes) -> list[list[str]]:
    lines = _run("pdffonts", pdf).splitlines()[2:]
    return [line.split() for line in lines]


def objects(pdf: bytes) -> bytes:
    """Every object's dictionary and its stream, decompressed (object streams too)."""
    parts = []
    for match in OBJECT.finditer(pdf):
        body = match.group(2)
        parts.append(body)
        stream = STREAM.search(body)
        if stream and b"FlateDecode" in body[: stream.start()]:
            with contextlib.suppress(zlib.error):
                parts.append(zlib.decompress(stream.group(1)))
    return b"\n".join(parts)
