"""Follow one round's analysis through the code: which rooms it enters, and how often it climbs back.

    PYTHONPATH=. .venv/bin/python -m bench.analysis_walk [--dump FILE]

It loads the demo into a throwaway SQLite database, then traces
`kerne.themes.services.run_analysis` on the Hjemmeplejen Nord round (words only)
with `sys.setprofile`. A room is a kerne module (the pure library `kerne.analysis`
counts as one room; models and generated dataclass code are data, not rooms). A
crossing is a call from a function in one room into a function of another,
counted once however often a loop repeats it. Rooms have a stage: load
(themes.loading, participation.reporting), analyse
(themes.results, kerne.analysis), store (the rest of themes.services). A climb
back is a crossing from a later stage into an earlier one; the orchestrator
(`run_analysis`) may call every stage, and the progress counter (a side channel
that carries no data) is left out, and so is `kerne.lib.anonymity`, the pure rule
every stage may apply. It also counts how often the anonymity plan is made: the
round's (`report_from_counts`) and each question's (`plan_units`). `--dump` writes every
stored analysis of the demo as JSON, to compare two versions of the code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from types import FrameType
from typing import Any

TOP = {"run_analysis", "analyse_round_now", "run_round_analysis"}
PROGRESS = {"start_analysis", "set_progress", "fail_analysis"}
LOAD = {"kerne.themes.loading", "kerne.participation.reporting"}
ANALYSE = {"kerne.themes.results", "kerne.analysis"}
PLANS = {"report_from_counts", "plan_units", "find_themes", "assign_to_themes"}


def room(frame: FrameType) -> str | None:
    name = str(frame.f_globals.get("__name__", ""))
    if not name.startswith("kerne.") or frame.f_code.co_filename.startswith("<"):
        return None
    if name.endswith(".models"):
        return None
    return "kerne.analysis" if name.startswith("kerne.analysis") else name


def stage(room_: str, function: str) -> int | None:
    if function in TOP or function in PROGRESS:
        return None
    if room_ in LOAD:
        return 0
    if room_ in ANALYSE:
        return 1
    return 2 if room_ == "kerne.themes.services" else None


def trace(call: Any) -> tuple[list[tuple[str, str, str, str]], Counter[str]]:
    crossings: dict[tuple[str, str, str, str], None] = {}
    plans: Counter[str] = Counter()
    stack: list[tuple[str, str] | None] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "return":
            if stack:
                stack.pop()
            return
        if event != "call":
            return
        here = room(frame)
        function = frame.f_code.co_name
        if function in PLANS:
            plans[function] += 1
        caller = next((s for s in reversed(stack) if s), None)
        if here and caller and caller[0] != here:
            crossings.setdefault((caller[0], caller[1], here, function), None)
        stack.append((here, function) if here else None)

    sys.setprofile(profile)
    try:
        call()
    finally:
        sys.setprofile(None)
    return list(crossings), plans


def dump() -> dict[str, Any]:
    from kerne.themes.models import Analysis

    out: dict[str, Any] = {}
    for a in Analysis.objects.order_by("round_id"):
        out[str(a.round_id)] = {
            "status": a.status,
            "threshold": a.threshold,
            "group_ids": a.group_ids,
            "engine": a.engine,
            "error": a.error,
            "questions": {
                str(qa.question_id): {
                    "guided": qa.guided,
                    "data_hash": qa.data_hash,
                    "themes": qa.themes,
                    "assignments": qa.assignments,
                    "figures": qa.figures,
                }
                for qa in a.questions.order_by("question_id")
            },
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", help="write the demo's stored analyses here")
    args = parser.parse_args()
    os.environ["KERNE_DATA_DIR"] = tempfile.mkdtemp(prefix="kerne-walk-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("KERNE_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kerne.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kerne.demo.services import load_demo
    from kerne.processes.models import Round
    from kerne.themes.services import run_analysis

    load_demo()
    round_ = Round.objects.get(process__title="Kerneopgaven i Hjemmeplejen Nord")
    questions = round_.questions.filter(kind="text").count()
    crossings, plans = trace(lambda: run_analysis(round_, words_only=True))
    rooms = {c[2] for c in crossings}
    climbs = [
        c
        for c in crossings
        if (a := stage(c[0], c[1])) is not None
        and (b := stage(c[2], c[3])) is not None
        and b < a
    ]
    print(f"round {round_.pk}: {questions} text questions")
    print(f"rooms entered: {len(rooms)}; crossings: {len(crossings)}")
    for c in crossings:
        print(f"  {c[0]}.{c[1]} -> {c[2]}.{c[3]}")
    print(f"climbs back: {len(climbs)}")
    for c in climbs:
        print(f"  {c[0]}.{c[1]} -> {c[2]}.{c[3]}")
    print(
        f"anonymity plans: round {plans['report_from_counts']}, "
        f"per question {plans['plan_units'] / max(questions, 1):g}"
    )
    runs = plans["find_themes"] + plans["assign_to_themes"]
    print(f"theme engine runs: {runs} for {questions} questions")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump(dump(), f, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
