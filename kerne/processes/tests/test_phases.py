from __future__ import annotations

import datetime as dt

from kerne.coretasks.services import adopt_version, start_new_round
from kerne.coretasks.testing import make_adoption, make_qualification, make_version
from kerne.processes.models import Phase
from kerne.processes.services import (
    advance_phase,
    close_round,
    create_round,
    open_round,
    set_phase,
)
from kerne.processes.template import DIMENSION_QUESTIONS
from kerne.testing import BaseTestCase


def step_to(process, phase: Phase) -> None:
    """The facilitator's way to a later phase: one phase at a time."""
    phases = list(Phase)
    for step in phases[process.phase_index() + 1 : phases.index(phase) + 1]:
        set_phase(process, step)


class PhaseTests(BaseTestCase):
    def phase(self) -> str:
        self.process.refresh_from_db()
        return self.process.phase

    def test_each_step_moves_the_process_on(self):
        assert self.phase() == Phase.INDKREDSNING
        close_round(self.round)
        assert self.phase() == Phase.FAELLES_FORSTAAELSE
        version = make_version(self.process, by=self.alice)
        assert self.phase() == Phase.FORMULERING
        qualification = make_qualification(version)
        assert self.phase() == Phase.KVALIFICERING
        close_round(qualification.round)
        assert self.phase() == Phase.KVALIFICERING  # the decision is still to come
        make_adoption(version, by=self.alice)
        assert self.phase() == Phase.PRIORITERING

    def test_it_never_moves_back(self):
        step_to(self.process, Phase.MAALING)
        advance_phase(self.process, Phase.FORMULERING)
        assert self.phase() == Phase.MAALING
        # A late round closing, or one more draft, keeps the process where it is.
        extra = create_round(
            self.process, title="Ekstra runde", questions=DIMENSION_QUESTIONS
        )
        open_round(extra)
        close_round(extra)
        make_version(self.process, by=self.alice)
        assert self.phase() == Phase.MAALING

    def test_it_reads_the_phase_from_the_database(self):
        stale = type(self.process).objects.get(pk=self.process.pk)
        step_to(self.process, Phase.KVALIFICERING)
        advance_phase(stale, Phase.FORMULERING)
        assert self.phase() == Phase.KVALIFICERING
        assert stale.phase == Phase.KVALIFICERING

    def test_a_revisit_starts_the_cycle_again(self):
        version = make_version(self.process, by=self.alice)
        adoption = adopt_version(
            version,
            by=self.alice,
            adopted_on=dt.date(2025, 1, 1),
            review_on=dt.date(2026, 1, 1),
            change_note="Første udgave.",
        )
        set_phase(self.process, Phase.MAALING)  # adopting moved it to prioritising
        start_new_round(adoption, by=self.alice, kind="indkredsning")
        assert self.phase() == Phase.INDKREDSNING
        step_to(self.process, Phase.MAALING)
        start_new_round(adoption, by=self.alice, kind="kvalificering")
        assert self.phase() == Phase.KVALIFICERING
