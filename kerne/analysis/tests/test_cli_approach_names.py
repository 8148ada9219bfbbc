from __future__ import annotations

import json
from pathlib import Path

import pytest

from kerne.analysis.cli import main

ROWS = [
    {"text": "Vi hjælper borgeren til selv at klare hverdagen.", "group": "medarbejder"}
] * 5 + [
    {"text": "Vi sørger for at borgerne får hjælp.", "group": "borger"},
    {"text": "De ældre skal have ro."},
]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text(
        "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n",
        encoding="utf-8",
    )
    return path


def test_it_writes_approach_per_answer_and_by_group(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "out.json"
    assert main(["approach", str(source), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["answers"]) == len(ROWS)
    assert data["answers"][0] == {"orientation": "med", "verbs": ["hjælpe"]}
    assert data["answers"][5] == {"orientation": "for", "verbs": ["sørge for"]}
    assert data["answers"][6]["orientation"] is None
    # "borger" (1) and the ungrouped answer (1) are too small even pooled, so they
    # are left out; "medarbejder" reaches the threshold and is shown on its own.
    assert set(data["by_group"]) == {"medarbejder"}
    assert data["by_group"]["medarbejder"]["orientation_counts"] == {
        "for": 0,
        "med": 5,
        "none": 0,
    }


def test_it_writes_names_per_answer_and_by_group(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "out.json"
    assert main(["names", str(source), "--out", str(out), "--min-group-size", "1"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["names"] for a in data["answers"]][-2:] == [["borger"], ["ældre"]]
    assert data["answers"][0]["us"] == ["vi"]
    assert set(data["by_group"]) == {"medarbejder", "borger", "Uden gruppe"}
    assert data["by_group"]["borger"]["them"]["counts"] == {"borger": 1}


@pytest.mark.parametrize("command", ["approach", "names"])
def test_it_refuses_a_missing_file(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main([command, str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o.json")])
        == 2
    )
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["approach", "names"])
def test_it_names_the_line_with_bad_json(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"text": "fint"}\n{"text": "godt"}\n{"text": oops}\n', encoding="utf-8"
    )
    assert main([command, str(source), "--out", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert ":3:" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["approach", "names"])
def test_it_refuses_a_line_without_text(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "ok"}, {"group": "borger"}])
    assert main([command, str(source), "--out", str(tmp_path / "o.json")]) == 2
    assert ':2: "text" must be a string' in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()


def test_it_refuses_a_zero_threshold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ROWS)
    assert (
        main(
            [
                "names",
                str(source),
                "--out",
                str(tmp_path / "o.json"),
                "--min-group-size",
                "0",
            ]
        )
        == 2
    )
    assert "--min-group-size" in capsys.readouterr().err
