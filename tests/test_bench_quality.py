from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from bench import quality
from bench.quality import DevAnswer, RegexBaseline, leave_one_out


def answer(
    workplace: str, question: str, theme: str, text: str, orientation: str = "-"
) -> DevAnswer:
    return DevAnswer(workplace, question, "medarbejder", theme, orientation, text)


ANSWERS = [
    answer("a", "T", "lytte", "Vi lytter til borgerne.", "med"),
    answer("a", "T", "levere", "Vi leverer maden.", "for"),
    answer("a", "M", "borgere", "Ældre borgere"),
    answer("b", "T", "inddrage", "Vi inddrager de unge sammen.", "med"),
    answer("b", "T", "intet_svar", "ved ikke"),
    answer("b", "M", "beboere", "plejehjemsbeboerne"),
    answer("c", "T", "sikre", "Kaffe og kage.", "for"),
    answer("c", "M", "intet_svar", "Vi ved det ikke, måske borgerne"),
]


def test_each_workplace_is_held_out_once_and_never_trained_on() -> None:
    folds = list(leave_one_out(ANSWERS))
    assert [held for held, _, _ in folds] == ["a", "b", "c"]
    for held, train, test in folds:
        assert {a.workplace for a in test} == {held}
        assert held not in {a.workplace for a in train}


def test_the_regex_baseline_uses_at_most_twenty_words_and_never_abstains() -> None:
    train = [answer("a", "T", "x", f"sammen med dem {i}", "med") for i in range(30)] + [
        answer("a", "T", "x", f"vi sørger for alt {i}", "for") for i in range(20)
    ]
    baseline = RegexBaseline.fit(train)
    assert len(baseline.med) + len(baseline.for_) <= quality.REGEX_WORDS
    assert "samme" in baseline.med
    assert "sørge" in baseline.for_
    assert baseline.predict("vi gør det sammen") == "med"
    assert baseline.predict("vi sørger for det") == "for"
    assert baseline.predict("noget helt andet") == "med"  # the training majority


def test_approach_counts_abstaining_as_a_miss() -> None:
    rows = dict(quality.approach_rows(ANSWERS))
    # "Kaffe og kage." has no evidence either way: unclear, so a miss.
    assert rows["c"]["n"] == 1
    assert rows["c"]["abstained"] == 1.0
    assert rows["c"]["accuracy"] == 0.0
    assert rows["a"]["accuracy"] == 1.0
    assert rows["all (pooled)"]["n"] == 4


def test_names_recall_and_precision_against_the_plain_list() -> None:
    rows = dict(quality.names_rows(ANSWERS))
    assert rows["b"]["recall"] == 1.0  # a compound
    assert rows["b"]["plain_recall"] == 0.0  # the plain list misses it
    # A name found in a non-answer counts against precision.
    assert rows["c"]["precision"] == 0.0
    assert rows["all (pooled)"]["n"] == 2


def test_main_prints_every_measure_and_runs_the_extra_modules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(
                {
                    "workplace": a.workplace,
                    "question": a.question,
                    "group": a.group,
                    "theme": a.theme,
                    "orientation": a.orientation,
                    "text": a.text,
                },
                ensure_ascii=False,
            )
            for a in ANSWERS
        ),
        encoding="utf-8",
    )
    ran: list[str] = []
    extra = types.ModuleType("bench.quality_fake")
    extra.main = lambda: ran.append("fake")
    extra.__spec__ = types.SimpleNamespace(name="bench.quality_fake")  # type: ignore[assignment]
    monkeypatch.setitem(sys.modules, "bench.quality_fake", extra)
    monkeypatch.setattr(
        quality, "EXTRA_MODULES", ("bench.quality_fake", "bench.quality_missing")
    )
    assert quality.main([str(path)]) == 0
    out = capsys.readouterr().out
    for measure in ("accuracy", "abstained", "regex_baseline", "recall", "precision"):
        assert measure in out
    assert ran == ["fake"]
    assert "bench.quality_missing not present" in out
