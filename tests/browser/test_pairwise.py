"""A participant compares initiatives on a phone, with and without JavaScript; the results pass axe."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from kerne.participation.services import start_respondent
from kerne.priorities.models import Comparison, PairwiseItem
from kerne.priorities.services import (
    add_initiative,
    create_pairwise_round,
    record_comparison,
)
from kerne.processes.services import close_round, open_round
from kerne.testing import invitation, make_process
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser

TITLES = [
    "Madservice og hjælp til at spise sammen med andre",
    "Tøjvask",
    "Træning i at klare hverdagen selv",
]


@pytest.fixture
def pairwise(live_server, world):
    process = make_process(world.unit, by=world.alice)
    for title in TITLES:
        add_initiative(process, by=world.alice, title=title)
    pairwise = create_pairwise_round(process, by=world.alice)
    open_round(pairwise.round, needs_questions=False)
    token = invitation(pairwise.round, "medarbejder").token
    return pairwise, live_server.url + reverse("priorities:pairwise_vote", args=[token])


def checked(page: Page) -> None:
    check_axe(page)
    assert_fits(page)


def vote_twice(phone: Page, url: str, *, javascript: bool = True) -> None:
    """Start, choose the first of the pair, then "can't choose".

    With JavaScript htmx swaps the card in place and moves focus to its heading;
    without, each choice is a plain form post and a new page. axe needs JavaScript.
    """
    check = checked if javascript else assert_fits
    phone.goto(url)
    expect(phone.locator("h1")).to_have_text("Hvad betyder mest for vores kerneopgave?")
    check(phone)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Begynd at stemme").tap()
    buttons = phone.locator(".kerne-pair-buttons button")
    expect(buttons).to_have_count(2)
    check(phone)
    first = buttons.first.inner_text()
    for button, answered in (
        (buttons.first, "Du har svaret på 1 par."),
        (phone.get_by_role("button", name="Kan ikke vælge"), "Du har svaret på 2 par."),
    ):
        if javascript:
            with phone.expect_response(lambda r: r.url.endswith("/parvis/vaelg/")):
                button.tap()
            expect(phone.locator("#pair-card h2")).to_be_focused()
        else:
            with phone.expect_navigation():
                button.tap()
        expect(phone.locator("#pair-card")).to_contain_text(answered)
        saved_in = "#pair-card" if javascript else "main"  # a message on the new page
        expect(phone.locator(saved_in)).to_contain_text("Dit valg er gemt.")
        check(phone)
    winners = [c.winner for c in Comparison.objects.order_by("pk")]
    assert [w.title if w else None for w in winners] == [first, None]


def test_participant_compares_on_a_phone_and_suggests_an_initiative(
    phone, pairwise, page_problems
):
    page_problems.allow(
        r"status of 400 .*/parvis/forslag/"
    )  # the empty one, on purpose
    pairwise_round, url = pairwise
    vote_twice(phone, url)
    phone.get_by_label("Dit forslag").fill("")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Send forslaget").tap()
    expect(phone.locator(".alert-error")).to_contain_text(
        "Skriv det initiativ, du foreslår."
    )
    checked(phone)
    phone.get_by_label("Dit forslag").fill("Havegang")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Send forslaget").tap()
    expect(phone.locator("main")).to_contain_text("Tak. Dit forslag kommer med")
    item = pairwise_round.items.get(title="Havegang")
    assert item.status == PairwiseItem.Status.PENDING


def test_participant_compares_without_javascript(new_context, pairwise):
    context = new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    _pairwise, url = pairwise
    phone = context.new_page()
    phone.set_default_timeout(10_000)
    vote_twice(phone, url, javascript=False)


def test_the_results_pass_axe_and_fit_a_phone(page, log_in, live_server, world):
    process = make_process(world.unit, by=world.alice)
    for title in TITLES:
        add_initiative(process, by=world.alice, title=title)
    pairwise_round = create_pairwise_round(process, by=world.alice)
    open_round(pairwise_round.round, needs_questions=False)
    items = list(pairwise_round.items.order_by("title"))
    k = process.anonymity_threshold
    for key in ("medarbejder", "leder"):
        for _ in range(k):
            respondent = start_respondent(invitation(pairwise_round.round, key))
            for a, b in ((0, 1), (1, 2), (0, 2)):
                winner = items[a] if key == "medarbejder" else items[b]
                record_comparison(
                    respondent, first=items[a], second=items[b], winner=winner
                )
    close_round(pairwise_round.round)
    log_in(page, "alice")
    page.goto(
        live_server.url + reverse("priorities:pairwise", args=[pairwise_round.pk])
    )
    # The live counter, the overall scores and the scores by group.
    expect(page.locator("table")).to_have_count(3)
    page.locator("summary", has_text="Sådan er det beregnet").click()
    check_axe(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits(page)
