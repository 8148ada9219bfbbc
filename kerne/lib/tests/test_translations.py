"""Danish is the product's first language: every interface string must have a Danish translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def extracted_po(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Extract the messages from a copy of the source, merged with our Danish catalogue."""
    work = tmp_path_factory.mktemp("messages")
    shutil.copytree(
        ROOT / "kerne",
        work / "kerne",
        ignore=shutil.ignore_patterns("static", "__pycache__", "tests"),
    )
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "-l",
            "da",
            "--no-location",
            "-v",
            "0",
        ],
        cwd=work / "kerne",
        check=True,
        env={"KERNE_TESTING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(work)},
    )
    return work / "kerne" / "locale" / "da" / "LC_MESSAGES" / "django.po"


def msgattrib(po: Path, *flags: str) -> list[str]:
    out = subprocess.run(
        ["msgattrib", *flags, "--no-wrap", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        line[len('msgid "') : -1]
        for line in out.stdout.splitlines()
        if line.startswith('msgid "') and line != 'msgid ""'
    ]


def test_every_danish_string_is_translated(extracted_po: Path) -> None:
    missing = msgattrib(extracted_po, "--untranslated", "--no-obsolete")
    assert not missing, (
        f"{len(missing)} strings lack a Danish translation in kerne/locale/da: {missing[:20]}"
    )


def test_no_danish_string_is_fuzzy(extracted_po: Path) -> None:
    fuzzy = msgattrib(extracted_po, "--only-fuzzy", "--no-obsolete")
    assert not fuzzy, f"Fuzzy Danish translations to review: {fuzzy[:20]}"


def test_the_catalogue_in_the_repository_is_up_to_date(extracted_po: Path) -> None:
    """Strings in the code must be in the committed catalogue, not only in the extracted one."""
    committed = set(
        msgattrib(
            ROOT / "kerne" / "locale" / "da" / "LC_MESSAGES" / "django.po",
            "--translated",
            "--no-obsolete",
        )
    )
    extracted = set(msgattrib(extracted_po, "--no-obsolete"))
    assert extracted <= committed, (
        f"Run makemessages: {sorted(extracted - committed)[:20]}"
    )
