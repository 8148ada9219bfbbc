from __future__ import annotations

import json
import random

import pytest

from kerne.analysis import stats
from kerne.analysis.cli import main

POOLS = {
    "pleje": [
        "hjælp til bad",
        "medicinen om morgenen",
        "personlig pleje og påklædning",
        "sårpleje og medicin",
    ],
    "tryghed": [
        "tryghed om natten",
        "nødkaldet bliver besvaret",
        "nattevagten kommer når jeg falder",
        "trygheden ved nødkald",
    ],
    "mad": [
        "varm mad hver dag",
        "madudbringning til døren",
        "de varme måltider",
        "maden bliver bragt ud",
    ],
}


def write_answers(path, n=120):
    rnd = random.Random(5)
    lines = []
    for i in range(n):
        staff = i % 2 == 0
        # Staff talk more about care, citizens more about food.
        theme = rnd.choices(
            list(POOLS), weights=[0.6, 0.3, 0.1] if staff else [0.1, 0.3, 0.6]
        )[0]
        text = rnd.choice(POOLS[theme]) + " og " + rnd.choice(POOLS[theme])
        lines.append(
            {
                "text": text,
                "group": rnd.choice(["medarbejder", "leder"]) if staff else "borger",
            }
        )
    lines += [
        {"text": "ved ikke", "group": "borger"},
        {"text": "-"},
        {"text": "Tryghed", "group": "pårørende"},
    ]
    path.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
        encoding="utf-8",
    )
    return lines


def test_it_writes_the_contract(tmp_path):
    lines = write_answers(tmp_path / "in.jsonl")
    out = tmp_path / "out.json"
    assert (
        main(
            [
                "themes",
                str(tmp_path / "in.jsonl"),
                "--out",
                str(out),
                "--compare",
                "medarbejder,leder",
                "borger",
            ]
        )
        == 0
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {"themes", "assignments", "diffusion", "comparison"} <= set(report)
    for theme in report["themes"]:
        assert {"id", "label", "description", "size", "examples"} <= set(theme)
    ids = {t["id"] for t in report["themes"]}
    assert report["themes"][-1]["id"] == "andet"
    assert len(report["assignments"]) == len(lines)
    assert set(report["assignments"]) - {None} <= ids
    assert report["assignments"][-3:-1] == [None, None]
    assert sum(t["size"] for t in report["themes"]) == len(lines) - 2
    # Four themes, answers as if spread over 2.8 of them (71 %), all clearly placed.
    everyone = report["diffusion"]["all"]
    assert everyone["effective_themes"] == pytest.approx(2.83, abs=0.01)
    assert everyone["verdict"] == stats.MIXED
    rows = report["comparison"]
    assert {r["theme"] for r in rows} == ids
    for row in rows:
        assert set(row) == {
            "theme",
            "share_a",
            "share_b",
            "difference",
            "interval",
            "p_value",
            "significant",
        }
        assert row["interval"][0] <= row["difference"] <= row["interval"][1]
    assert any(r["significant"] for r in rows)
    # "pårørende" has one answer: below the anonymity threshold, never shown alone.
    assert "pårørende" not in report["diffusion"]["by_group"]


def test_it_uses_the_default_sides(tmp_path):
    write_answers(tmp_path / "in.jsonl")
    out = tmp_path / "out.json"
    assert main(["themes", str(tmp_path / "in.jsonl"), "--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["comparison"]
    assert report["sides"]["a"] == ["leder", "medarbejder"]


def test_guided_mode_uses_the_given_ids(tmp_path):
    write_answers(tmp_path / "in.jsonl")
    themes = [
        {
            "id": "pleje",
            "label": "Personlig pleje",
            "description": "Bad, påklædning og medicin.",
        },
        {"id": "tryg", "label": "Tryghed", "description": "Nødkald og nattevagt."},
        {"id": "mad", "label": "Mad", "description": "Varm mad og madudbringning."},
    ]
    (tmp_path / "themes.json").write_text(
        json.dumps(themes, ensure_ascii=False), encoding="utf-8"
    )
    out = tmp_path / "out.json"
    assert (
        main(
            [
                "themes",
                str(tmp_path / "in.jsonl"),
                "--out",
                str(out),
                "--themes",
                str(tmp_path / "themes.json"),
            ]
        )
        == 0
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [t["id"] for t in report["themes"]] == ["pleje", "tryg", "mad", "andet"]
    assert report["themes"][0]["description"] == "Bad, påklædning og medicin."
    assert set(report["assignments"]) <= {"pleje", "tryg", "mad", "andet", None}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "a"}\n\n{"text": "b"}\n', "empty line"),
        ("{not json}\n", "not valid JSON"),
        ('["text"]\n', "JSON object"),
        ('{"tekst": "a"}\n', '"text" must be a string'),
        ('{"text": "a", "group": 3}\n', '"group" must be a string'),
        ("", "no answers"),
    ],
)
def test_it_rejects_bad_input_without_a_traceback(tmp_path, capsys, content, message):
    (tmp_path / "in.jsonl").write_text(content, encoding="utf-8")
    assert (
        main(
            ["themes", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out.json")]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize(
    ("themes", "message"),
    [
        ("{}", "non-empty list"),
        ('[{"id": "a"}]', '"id" and "label"'),
        ('[{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]', "unique"),
        ('[{"id": "andet", "label": "A"}]', "reserved"),
        ("nope", "not valid JSON"),
    ],
)
def test_it_rejects_bad_themes(tmp_path, capsys, themes, message):
    write_answers(tmp_path / "in.jsonl")
    (tmp_path / "themes.json").write_text(themes, encoding="utf-8")
    code = main(
        [
            "themes",
            str(tmp_path / "in.jsonl"),
            "--out",
            str(tmp_path / "o.json"),
            "--themes",
            str(tmp_path / "themes.json"),
        ]
    )
    assert code == 2
    assert message in capsys.readouterr().err


def test_it_rejects_unknown_groups_and_missing_files(tmp_path, capsys):
    write_answers(tmp_path / "in.jsonl")
    code = main(
        [
            "themes",
            str(tmp_path / "in.jsonl"),
            "--out",
            str(tmp_path / "o.json"),
            "--compare",
            "medarbejder",
            "kunde",
        ]
    )
    assert code == 2
    assert "kunde" in capsys.readouterr().err
    assert (
        main(
            [
                "themes",
                str(tmp_path / "missing.jsonl"),
                "--out",
                str(tmp_path / "o.json"),
            ]
        )
        == 2
    )
    assert "no such file" in capsys.readouterr().err


def test_it_needs_out(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["themes", str(tmp_path / "in.jsonl")])
    assert exc.value.code == 2
