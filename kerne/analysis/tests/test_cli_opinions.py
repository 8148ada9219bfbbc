from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kerne.analysis.cli import main
from kerne.analysis.polis_io import PolisComment, VoteLog, write_polis_export

REPO = Path(__file__).resolve().parents[3]
OPENDATA = REPO / "tests" / "data" / "polis-opendata"


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    """Two camps of 40 on statements 0-9, statement 10 everybody agrees with, 11 is rejected."""
    rng = np.random.default_rng(0)
    voter, comment = np.nonzero(rng.random((80, 12)) < 0.9)
    camp = voter % 2
    vote = np.where((comment % 2) == camp, 1, -1)
    vote[comment == 10] = 1
    # Voter 99 casts only two votes: listed, but not on the map.
    voter, comment, vote = np.r_[voter, 99, 99], np.r_[comment, 0, 1], np.r_[vote, 1, 1]
    log = VoteLog(
        np.arange(len(vote), dtype=np.int64) * 1000,
        comment,
        voter,
        vote.astype(np.int8),
    )
    comments = [
        PolisComment(j, f"Udsagn {j}", moderated=-1 if j == 11 else 1)
        for j in range(12)
    ]
    write_polis_export(tmp_path / "export", log, comments)
    return tmp_path / "export"


def test_it_writes_the_contract_keys(export_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["opinions", str(export_dir), "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert {
        "groups",
        "consensus",
        "repness",
        "group_informed_consensus",
    } <= result.keys()
    assert len(result["groups"]) == 81 and result["groups"]["99"] is None
    assert {g for g in result["groups"].values() if g is not None} == {0, 1}
    assert 10 in result["consensus"]["agree"] and set(result["consensus"]) == {
        "agree",
        "disagree",
    }
    assert set(result["repness"]) == {"0", "1"} and all(result["repness"].values())
    # The rejected statement takes no part; the others all get a score.
    assert set(result["group_informed_consensus"]) == {str(j) for j in range(11)}
    assert (
        max(
            result["group_informed_consensus"],
            key=result["group_informed_consensus"].get,
        )
        == "10"
    )
    assert 0.9 <= result["stability"]["mean_ari"] <= 1.0


def test_it_reports_stakeholder_groups_above_the_threshold(
    export_dir: Path, tmp_path: Path
) -> None:
    labels = tmp_path / "stakeholders.csv"
    rows = [f"{v},{'staff' if v < 40 else 'citizen'}" for v in range(80)] + [
        "99,partner"
    ]
    labels.write_text("voter-id,group\n" + "\n".join(rows) + "\n")
    out = tmp_path / "out.json"
    args = [
        "opinions",
        str(export_dir),
        "--out",
        str(out),
        "--stakeholders",
        str(labels),
        "--stability",
        "0",
    ]
    assert main(args) == 0
    report = json.loads(out.read_text())["stakeholders"]
    assert set(report["groups"]) == {"citizen", "staff"} and report["hidden"] == [
        "partner"
    ]
    assert report["groups"]["staff"]["agree"]["10"] == 1.0
    assert "stability" not in json.loads(out.read_text())


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: None, "ikke en mappe"),
        (lambda d: d.mkdir(), "votes.csv: filen findes ikke"),
        (
            lambda d: (d.mkdir(), (d / "votes.csv").write_text("voter,vote\n1,1\n")),
            "mangler kolonnen",
        ),
        (
            lambda d: (
                d.mkdir(),
                (d / "votes.csv").write_text(
                    "timestamp,datetime,comment-id,voter-id,vote\n1,x,1,1,9\n"
                ),
            ),
            "stemmen skal være -1, 0 eller 1",
        ),
    ],
)
def test_it_fails_clearly_on_a_bad_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup, message: str
) -> None:
    directory = tmp_path / "export"
    setup(directory)
    assert main(["opinions", str(directory), "--out", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


def test_it_runs_as_a_command_on_a_real_export(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    command = [
        sys.executable,
        "-m",
        "kerne.analysis.cli",
        "opinions",
        str(OPENDATA / "brexit-consensus"),
        "--out",
        str(out),
    ]
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text())
    assert len(result["groups"]) == 204 and result["n_groups"] == 2
