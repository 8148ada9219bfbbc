"""The leader's decisions page, with the evidence beside each form, passes axe on a phone."""

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
from kerne.priorities.models import RatingQuestion
from kerne.priorities.services import (
    add_initiative,
    create_pairwise_round,
    create_rating_round,
    record_comparison,
)
from kerne.processes.services import close_round, open_round
from kerne.testing import invitation, make_process
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser

TITLES = ["Madservice og hjælp til at spise sammen med andre", "Tøjvask"]


def test_the_decisions_page_with_its_evidence_passes_axe_and_fits_a_phone(
    page, log_in, live_server, world
):
    process = make_process(world.unit, by=world.alice)
    for title in TITLES:
        add_initiative(process, by=world.alice, title=title)
    k = process.anonymity_threshold
    rating = create_rating_round(process, by=world.alice)
    open_round(rating.round)
    links = rating.questions.filter(measure=RatingQuestion.Measure.RATING)
    for _ in range(k):
        respondent = start_respondent(invitation(rating.round, "medarbejder"))
        save_answers(
            respondent,
            {
                link.question: AnswerValue(choice=link.question.choices[0])
                for link in links
            },
        )
        submit_respondent(respondent)
    close_round(rating.round)
    pairwise = create_pairwise_round(process, by=world.alice)
    open_round(pairwise.round, needs_questions=False)
    first, second = list(pairwise.items.order_by("title"))
    for _ in range(k):
        respondent = start_respondent(invitation(pairwise.round, "medarbejder"))
        record_comparison(respondent, first=first, second=second, winner=first)
    close_round(pairwise.round)
    log_in(page, "alice")
    page.goto(live_server.url + reverse("priorities:process", args=[process.pk]))
    page.locator("summary", has_text=TITLES[0]).click()
    evidence = page.locator(".kerne-evidence").first
    expect(evidence).to_contain_text("Alle viste grupper")
    expect(evidence).to_contain_text("Valgt frem for et tilfældigt andet initiativ")
    check_axe(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits(page)
