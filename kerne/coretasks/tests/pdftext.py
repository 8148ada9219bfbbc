"""Read the text back out of a reportlab PDF, for tests (neither pypdf nor pdftotext is installed).

reportlab writes each TrueType subset's text as one-byte codes and gives the font
a ToUnicode map; this follows those maps, so the text found is what a PDF reader
would copy out, and a wrong glyph for æ, ø or å would show up as a wrong letter.
"""

from __future__ import annotations

import base64
import re
import zlib

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n")
LENGTH = re.compile(rb"/Length (\d+)\b")
FONT_REF = re.compile(rb"/(F\d+(?:\+\d+)?) (\d+) 0 R")
TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
MEDIA_BOX = re.compile(rb"/MediaBox \[ *([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) *\]")
TOKENS = re.compile(
    rb"/(F\d+(?:\+\d+)?) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) ?Tj|\[(.*?)\] ?TJ", re.S
)


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes]]:
    found = {}
    for match in OBJECT.finditer(pdf):
        body = match.group(2)
        stream = STREAM.search(body)
        length = LENGTH.search(body)
        data = b""
        if stream and length:
            data = body[stream.end() : stream.end() + int(length.group(1))]
            if b"ASCII85Decode" in body[: stream.start()]:
                data = base64.a85decode(data.strip().removesuffix(b"~>"))
            if b"FlateDecode" in body[: stream.start()]:
                data = zlib.decompress(data)
        found[int(match.group(1))] = (body, data)
    return found


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            base = int(start, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(base + offset)
    return mapping


def _unescape(raw: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == 0x5C and i + 1 < len(raw):  # backslash
            nxt = raw[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8))
                i += 1 + len(octal.group(0))
                continue
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(nxt, nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return bytes(out)


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (float(m.group(3)) - float(m.group(1)), float(m.group(4)) - float(m.group(2)))
        for m in MEDIA_BOX.finditer(pdf)
    ]


def extract_text(pdf: bytes) -> str:
    objects = _objects(pdf)
    fonts: dict[bytes, dict[int, str] | None] = {}
    for body, _data in objects.values():
        for name, ref in FONT_REF.findall(body):
            font_body = objects.get(int(ref), (b"", b""))[0]
            to_unicode = TO_UNICODE.search(font_body)
            fonts[name] = (
                _cmap(objects[int(to_unicode.group(1))][1]) if to_unicode else None
            )
    pieces: list[str] = []
    for _body, data in objects.values():
        if b"Tf" not in data or b"Tj" not in data and b"TJ" not in data:
            continue
        cmap: dict[int, str] | None = None
        for match in TOKENS.finditer(data):
            if match.group(1):
                cmap = fonts.get(match.group(1))
                continue
            strings = (
                [match.group(2)]
                if match.group(2) is not None
                else re.findall(rb"\(((?:\\.|[^\\)])*)\)", match.group(3))
            )
            for raw in strings:
                codes = _unescape(raw)
                if cmap is None:
                    pieces.append(codes.decode("cp1252"))
                else:
                    pieces.append("".join(cmap.get(c, "\ufffd") for c in codes))
            pieces.append("\n")
    return "".join(pieces)
