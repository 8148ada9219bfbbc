"""The competences heat map passes axe and fits a phone; adding a competence keeps the form."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.priorities.services import add_competence, create_competence_round
from kerne.processes.services import close_round, open_round
from kerne.testing import invitation, make_process
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser


def test_the_heat_map_passes_axe_and_fits_a_phone(
    page, log_in, live_server, world, page_problems
):
    page_problems.allow(
        r"status of 400 .*/kompetencer/tilfoej/"
    )  # the refusal, on purpose
    process = make_process(world.unit, by=world.alice)
    add_competence(
        process,
        by=world.alice,
        title="Samtaler med pårørende om demens og forandringer",
        dimensions=["maalgruppe"],
    )
    add_competence(
        process, by=world.alice, title="Rehabilitering", dimensions=["tilgang"]
    )
    assessment = create_competence_round(process, by=world.alice)
    open_round(assessment.round)
    questions = [link.question for link in assessment.questions.all()]
    for i in range(process.anonymity_threshold):
        respondent = start_respondent(invitation(assessment.round, "medarbejder"))
        save_answers(
            respondent,
            {q: AnswerValue(number=1 + (i + n) % 5) for n, q in enumerate(questions)},
        )
        submit_respondent(respondent)
    close_round(assessment.round)
    log_in(page, "alice")
    page.goto(
        live_server.url + reverse("priorities:competence_round", args=[assessment.pk])
    )
    expect(page.locator("h1")).to_contain_text("Selvvurdering af kompetencer")
    expect(page.locator("table").first).to_contain_text("Medarbejder")
    check_axe(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits(page)
    page.goto(live_server.url + reverse("priorities:competences", args=[process.pk]))
    page.get_by_label("Kompetence", exact=True).fill("Rehabilitering")
    page.get_by_label("Beskrivelse").fill("Hjælp til selvhjælp")
    page.get_by_role("button", name="Tilføj", exact=True).click()
    expect(page.locator(".form-error-message")).to_contain_text("allerede på listen")
    expect(page.get_by_label("Beskrivelse")).to_have_value("Hjælp til selvhjælp")
    check_axe(page)
    assert_fits(page)
