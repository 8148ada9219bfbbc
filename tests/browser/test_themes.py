"""A facilitator closes a round, analyses it, and renames and merges themes on a phone."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from kerne.processes.services import open_round
from kerne.testing import make_process
from kerne.themes.models import Analysis, QuestionAnalysis, ThemeEdit
from kerne.themes.tasks import run_round_analysis
from kerne.themes.tests.helpers import respond
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def answered(live_server, world):
    """An open round with 12 employees' and 10 citizens' answers."""
    process = make_process(world.unit, by=world.alice)
    round_ = process.rounds.get()
    open_round(round_)
    respond(round_, "medarbejder", 12)
    respond(round_, "borger", 10)
    return round_


def checked(page: Page) -> None:
    check_axe(page)
    assert_fits(page)


def submit(page: Page, form: str) -> None:
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def summary_links_land(page: Page) -> None:
    """Every link in the error summary points at an element on the page."""
    links = page.locator(".alert-error a[href^='#']")
    assert links.count() > 0
    for href in links.evaluate_all("(links) => links.map((a) => a.hash)"):
        assert page.locator(href).count() == 1, f"{href} is not on the page"


def test_facilitator_analyses_renames_and_merges(
    phone, live_server, answered, log_in, page_problems
):
    round_ = answered
    # The two forms sent without a choice answer 400, as they should.
    page_problems.allow(r"status of 400 .*/temaer/spoergsmaal/\d+/(saml|flyt)/")
    log_in(phone, "alice")

    # Close the round; the worker is not running here, so run its task in-process.
    phone.goto(live_server.url + round_.get_absolute_url())
    phone.once("dialog", lambda dialog: dialog.accept())
    submit(
        phone, f'form[action="{reverse("processes:round_close", args=[round_.pk])}"]'
    )
    assert Analysis.objects.get(round=round_).status == Analysis.Status.QUEUED
    assert run_round_analysis.call(round_.pk) == "done"

    phone.goto(live_server.url + reverse("themes:round", args=[round_.pk]))
    expect(phone.locator("#analysis-status")).not_to_have_attribute(
        "hx-trigger", "every 2s"
    )
    checked(phone)

    value = round_.questions.get(dimension="vaerdi")
    phone.click(f'main a[href="{reverse("themes:question", args=[value.pk])}"]')
    expect(phone.locator("#themes")).to_be_visible()
    checked(phone)

    # A merge with nothing chosen comes back with a summary whose links land.
    submit(phone, f'form[action="{reverse("themes:merge", args=[value.pk])}"]')
    summary_links_land(phone)
    checked(phone)

    # Open the biggest theme and rename it (htmx, without leaving the page).
    qa = QuestionAnalysis.objects.get(question=value)
    theme = max((t for t in qa.themes if not t["bucket"]), key=lambda t: t["size"])
    phone.locator("main a[href*='tema=']").first.click()
    expect(phone.locator("h1")).to_have_text(theme["label"])
    checked(phone)
    phone.fill("#id_theme_label", "Tryghed i eget hjem")
    with phone.expect_response(lambda r: r.url.endswith("/ret/")):
        phone.locator("#theme-form button[type=submit]").click()
    expect(phone.locator("#theme-form .kerne-saved")).to_be_visible()
    expect(phone.locator("#id_theme_label")).to_have_value("Tryghed i eget hjem")
    checked(phone)

    # Moving no answers comes back with a summary that lands on the first box.
    submit(phone, f'form[action="{reverse("themes:move", args=[value.pk])}"]')
    summary_links_land(phone)
    checked(phone)

    # Merge two themes on the question page.
    phone.goto(live_server.url + reverse("themes:question", args=[value.pk]))
    phone.locator('label[for="id_themes_0"]').click()
    phone.locator('label[for="id_themes_1"]').click()
    phone.fill("#id_label", "Tryghed og nærvær")
    submit(phone, f'form[action="{reverse("themes:merge", args=[value.pk])}"]')
    expect(phone.locator("#themes ~ section h3").first).to_be_visible()
    expect(phone.locator("main")).to_contain_text("Tryghed og nærvær")
    checked(phone)

    kinds = list(
        ThemeEdit.objects.filter(question=value).values_list("kind", flat=True)
    )
    assert kinds == [ThemeEdit.Kind.RENAME, ThemeEdit.Kind.MERGE]

    # The drafting page offers the edited themes beside the editor.
    phone.goto(live_server.url + reverse("coretasks:draft", args=[round_.process_id]))
    expect(phone.locator("#part-vaerdi ~ div .coretasks-material")).to_contain_text(
        "Tryghed og nærvær"
    )
    checked(phone)


def test_the_question_page_answers_first_and_explains_behind_a_disclosure(
    phone, live_server, answered, log_in
):
    """The plain sentences come first; the measures open by keyboard and pass axe."""
    round_ = answered
    assert run_round_analysis.call(round_.pk) == "done"
    log_in(phone, "alice")
    value = round_.questions.get(dimension="vaerdi")
    phone.goto(live_server.url + reverse("themes:question", args=[value.pk]))
    summary = phone.locator(".kerne-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("p").first).to_contain_text("%")
    measures = phone.locator("#diffusion-caption")
    expect(measures).to_be_hidden()
    checked(phone)
    # The disclosure is a native <details>: Tab to it and open it with Enter.
    disclosure = phone.locator("#diffusion ~ details > summary").first
    disclosure.focus()
    phone.keyboard.press("Enter")
    expect(measures).to_be_visible()
    expect(phone.locator("#diffusion ~ details").first).to_contain_text("bootstrap")
    checked(phone)
    top = summary.bounding_box()
    table = measures.bounding_box()
    assert top is not None and table is not None and top["y"] < table["y"]
