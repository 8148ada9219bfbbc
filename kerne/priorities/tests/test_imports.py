from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kerne.priorities.imports import parse_initiatives


def test_it_reads_semicolon_csv_with_dimension_names():
    data = "titel;beskrivelse;dimensioner\nMadservice;Levering;Værdien vi skaber, maalgruppe\n"
    result = parse_initiatives("a.csv", data.encode(), existing=set())
    assert result.errors == []
    assert len(result.rows) == 1
    row = result.rows[0]
    assert (row.line, row.title, row.description) == (2, "Madservice", "Levering")
    assert row.dimensions == ["vaerdi", "maalgruppe"]


def test_it_names_every_bad_row_and_keeps_the_good_ones():
    data = (
        "titel,dimensioner\n,vaerdi\nTøjvask,flyvning\nRengøring,\nrengøring,\nBesøg,\n"
    )
    result = parse_initiatives("a.csv", data.encode(), existing={"Besøg"})
    assert [r.title for r in result.rows] == ["Rengøring"]
    assert result.errors == [
        "Række 2: titlen mangler.",
        "Række 3: ukendt dimension „flyvning“.",
        "Række 5: „rengøring“ står allerede på listen.",
        "Række 6: „Besøg“ står allerede på listen.",
    ]


def test_it_requires_a_title_column():
    result = parse_initiatives("a.csv", b"navn\nx\n", existing=set())
    assert result.rows == []
    assert result.errors == ["Første række skal have en kolonne „titel“."]


def test_it_refuses_a_file_that_is_not_text():
    result = parse_initiatives("a.csv", b"\xff\xfe\x00\x81", existing=set())
    assert result.rows == []
    assert len(result.errors) == 1


def test_it_reads_xlsx():
    book = Workbook()
    sheet = book.active
    sheet.append(["Titel", "Dimensioner"])
    sheet.append(["Træning", "tilgang"])
    sheet.append([None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse_initiatives("a.xlsx", buffer.getvalue(), existing=set())
    assert result.errors == []
    assert [(r.title, r.dimensions) for r in result.rows] == [("Træning", ["tilgang"])]


HOSTILE_FILES = st.one_of(
    st.binary(max_size=300),
    st.just(b"PK\x03\x04not really a zip"),
    st.builds(lambda t: ("titel\n" + t).encode("utf-8"), st.text(max_size=200)),
    st.just(("titel\n" + "x" * 140_000 + "\n").encode()),
    st.just(b"titel\n" + b"r\n" * 3000),
)


@settings(max_examples=80)
@given(st.sampled_from(["a.csv", "a.xlsx"]), HOSTILE_FILES)
def test_a_hostile_file_gets_danish_lines_and_never_an_exception(name, data):
    result = parse_initiatives(name, data, existing=set())
    assert result.rows or result.errors
    for row in result.rows:
        assert "\x00" not in row.title + row.description
        assert 0 < len(row.title) <= 200


def test_a_sheet_of_millions_of_rows_is_refused_without_reading_it_all():
    result = parse_initiatives("a.csv", b"titel\n" + b"r\n" * 5000, existing=set())
    assert result.rows == []
    assert result.errors == ["Filen har mere end 500 rækker."]


def test_a_nul_byte_is_dropped():
    result = parse_initiatives("a.csv", b"titel\nfoo\x00bar\n", existing=set())
    assert [r.title for r in result.rows] == ["foobar"]
