"""Danish text quotes „like this“, everywhere: one style for the whole product."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DANISH_CATALOGUE = ROOT / "kerne/locale/da/LC_MESSAGES/django.po"
# English marks and the other Danish style; an apostrophe inside a word (Plex's) is fine.
# Danish closes with “, the mark English opens with, so a “ must follow a „ (checked below).
FOREIGN_QUOTES = re.compile(r"[”»«]|\\\"|(?<!\w)'|'(?!\w)")


def danish_strings(po: str) -> list[str]:
    found = []
    for line in po.splitlines():
        match = re.match(r'msgstr(?:\[\d\])? "(.*)"$', line)
        if match and match.group(1):
            found.append(match.group(1))
    return found


def test_the_check_finds_foreign_quotes() -> None:
    bad = 'msgstr "Tryk på “Gem”"\nmsgstr "Se \\"Andet\\""\nmsgstr "\'med\' borgeren"'
    assert len([s for s in danish_strings(bad) if FOREIGN_QUOTES.search(s)]) == 3
    assert not balanced("Tryk på “Gem“")
    assert not FOREIGN_QUOTES.search("Tryk på „Gem og send“, når du er færdig.")


def test_danish_uses_low_high_quotes_only() -> None:
    strings = danish_strings(DANISH_CATALOGUE.read_text())
    assert len(strings) > 500
    wrong = [s for s in strings if FOREIGN_QUOTES.search(s)]
    assert not wrong, f"Use „…“ in Danish: {wrong[:10]}"
    unbalanced = [s for s in strings if not balanced(s)]
    assert not unbalanced, f"Each „ is closed by “: {unbalanced[:10]}"


def balanced(text: str) -> bool:
    """„ and “ alternate, starting with „."""
    marks = re.sub("[^„“]", "", text)
    return marks == "„“" * (len(marks) // 2)
