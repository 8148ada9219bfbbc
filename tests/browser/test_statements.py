"""A participant votes on statements on a phone and by keyboard; the opinion map passes axe."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from kerne.processes.services import open_round
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.models import Vote
from kerne.statements.services import add_statement
from kerne.statements.tests.helpers import TEXTS, vote_all, voters
from kerne.testing import invitation, make_process
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def voting(live_server, world):
    process = make_process(world.unit, by=world.alice)
    round_ = process.rounds.get()
    open_round(round_)
    statements = [add_statement(process, text=t, by=world.alice) for t in TEXTS[:3]]
    token = invitation(round_, "borger").token
    return (
        process,
        round_,
        statements,
        live_server.url + reverse("statements:vote", args=[token]),
    )


def checked(page: Page) -> None:
    check_axe(page)
    assert_fits(page)


def test_participant_votes_on_a_phone(phone, voting):
    _process, _round, statements, url = voting
    phone.goto(url)
    checked(phone)
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    card = phone.locator("#vote-card")
    expect(card).to_contain_text(statements[0].text)
    checked(phone)
    for expected_next in (statements[1].text, statements[2].text):
        with phone.expect_response(lambda r: r.url.endswith("/stem/")):
            phone.locator("#vote-card button[value='1']").tap()
        expect(phone.locator("#vote-card")).to_contain_text(expected_next)
    with phone.expect_response(lambda r: r.url.endswith("/stem/")):
        phone.locator("#vote-card button[value='-1']").tap()
    expect(phone.locator("#vote-card h2")).to_be_focused()
    checked(phone)
    assert sorted(Vote.objects.values_list("value", flat=True)) == [-1, 1, 1]


def test_participant_votes_by_keyboard_alone(page, voting):
    _process, _round, statements, url = voting
    page.goto(url)
    start = page.locator("main form button[type=submit]")
    start.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    card = page.locator("#vote-card")
    first = next(s for s in statements if s.text in card.inner_text())
    # Tab from the statement to the buttons: agree, disagree, pass.
    page.locator("#vote-card button[value='1']").focus()
    page.keyboard.press("Tab")
    expect(page.locator("#vote-card button[value='-1']")).to_be_focused()
    page.keyboard.press("Tab")
    with page.expect_response(lambda r: r.url.endswith("/stem/")):
        page.keyboard.press("Enter")
    expect(card).not_to_contain_text(first.text)
    # Focus lands on the new statement's heading, so the next Tab reaches its buttons.
    expect(page.locator("#vote-card h2")).to_be_focused()
    second = next(s for s in statements if s.text in card.inner_text())
    agree = page.locator("#vote-card button[value='1']")
    # Tab until the agree button has focus (the heading is first in line, then the buttons).
    for _ in range(4):
        page.keyboard.press("Tab")
        if agree.evaluate("el => el === document.activeElement"):
            break
    expect(agree).to_be_focused()
    with page.expect_response(lambda r: r.url.endswith("/stem/")):
        page.keyboard.press("Enter")
    expect(card).not_to_contain_text(second.text)
    assert sorted(Vote.objects.values_list("value", flat=True)) == [0, 1]


def test_the_opinion_map_passes_axe(page, log_in, live_server, world, voting):
    process, round_, _statements, _url = voting
    more = [add_statement(process, text=t, by=world.alice) for t in TEXTS[3:]]
    all_statements = list(process.statements.published())
    assert len(all_statements) == 3 + len(more)
    first = [1, -1] * 4
    vote_all(voters(round_, "medarbejder", 8), all_statements, first)
    vote_all(voters(round_, "borger", 7), all_statements, [-v for v in first])
    compute_opinion_map(process.pk)
    log_in(page, "alice")
    page.goto(live_server.url + reverse("statements:map", args=[process.pk]))
    expect(page.locator("svg.kerne-map")).to_be_visible()
    check_axe(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits(page)
    # The plain sentences come first; the method opens by keyboard from its summary.
    summary = page.locator(".kerne-summary")
    expect(summary).to_contain_text("meningsgrupper")
    method = page.locator("details.kerne-details").filter(
        has=page.locator("summary", has_text="Sådan er det beregnet")
    )
    table = method.locator("table")
    expect(table).to_be_hidden()
    method.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(table).to_be_visible()
    checked(page)
    top, bottom = summary.bounding_box(), table.bounding_box()
    assert top is not None and bottom is not None and top["y"] < bottom["y"]
