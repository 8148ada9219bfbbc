"""A facilitator creates a process, opens its round, watches answers arrive and reads them."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from kerne.processes.models import Process
from kerne.testing import add_respondents
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser

STAFF_TEXT = "Tryghed og faste hjælpere"
CITIZEN_TEXT = "Nærvær i hverdagen"


def submit(page: Page, form: str = "main form") -> None:
    """Submit a form with its button and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def test_facilitator_runs_a_round(page, live_server, world, log_in):
    log_in(page, "alice", axe=True)

    # One organisation: the log-in lands on it, with its units.
    expect(page).to_have_url(
        f"{live_server.url}{world.organisation.get_absolute_url()}"
    )
    expect(page.locator("h1")).to_have_text("Solby Kommune")
    expect(page.locator("main tbody th")).to_contain_text(
        ["Hjemmeplejen", "Solby Skole"]
    )
    check_axe(page)

    # Create a process for the unit.
    page.click(f'a[href="/forloeb/ny/{world.unit.pk}/"]')
    expect(page.locator("#id_title")).to_have_value(re.compile("Hjemmeplejen"))
    check_axe(page)
    page.fill("#id_title", "Kerneopgaven i Hjemmeplejen")
    page.fill("#id_purpose", "Vi vil finde ud af, hvorfor vi er her.")
    submit(page)
    process = Process.objects.get(title="Kerneopgaven i Hjemmeplejen")
    round_ = process.rounds.get()
    expect(page).to_have_url(f"{live_server.url}{process.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("Kerneopgaven i Hjemmeplejen")
    check_axe(page)

    # The first round: the four dimension questions and one link per group.
    page.click(f'main a[href="{round_.get_absolute_url()}"]')
    expect(page.locator(".kerne-questions > li")).to_have_count(4)
    expect(page.locator(".kerne-invitation")).to_have_count(5)
    links = page.locator(".kerne-link-box").all_inner_texts()
    assert all(link.startswith(f"{live_server.url}/s/") for link in links)
    assert len(set(links)) == 5
    check_axe(page)

    # "Copy link" puts the group's link on the clipboard and says so.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    first = page.locator(".kerne-invitation").first
    first.locator("button[data-copy-target]").click()
    expect(first.locator("[role=status]")).not_to_be_empty()
    assert page.evaluate("navigator.clipboard.readText()") == links[0]

    # The printable invitation carries a QR code served under the strict policy.
    page.locator('main a[href$="/udskriv/"]').first.click()
    expect(page.locator("img.kerne-qr")).to_be_visible()
    page.wait_for_function(
        "() => document.querySelector('img.kerne-qr').naturalWidth > 0"
    )
    check_axe(page)
    page.go_back()

    # Add a single-choice question.
    page.click(f'a[href="/runder/{round_.pk}/spoergsmaal/ny/"]')
    check_axe(page)
    page.fill("#id_prompt", "Hvor ofte møder du os?")
    page.select_option("#id_kind", "choice")
    page.fill("#id_choices", "Hver dag\nHver uge\nSjældnere")
    submit(page)
    expect(page.locator(".kerne-questions > li")).to_have_count(5)
    expect(page.locator(".kerne-questions > li").last).to_contain_text(
        "Hvor ofte møder du os?"
    )
    check_axe(page)

    # Open the round: the counts start polling.
    submit(page, f'form[action="/runder/{round_.pk}/aabn/"]')
    counts = page.locator("#round-counts")
    expect(counts).to_have_attribute("hx-trigger", re.compile("every"))
    # Every group has its row from the start; none shows a count below the threshold.
    rows = counts.locator("tbody tr")
    expect(rows).to_have_count(round_.process.groups.count())
    expect(counts.locator("tfoot td")).to_have_text("0")
    check_axe(page)

    # Answers arrive while the page is open; htmx polls every 5 s and shows them.
    add_respondents(round_, "medarbejder", 5, text=STAFF_TEXT)
    add_respondents(round_, "borger", 5, text=CITIZEN_TEXT)
    expect(counts.locator("tfoot td")).to_have_text("10", timeout=15_000)
    staff = rows.filter(has_text="Medarbejder")
    expect(staff.locator("td").last).to_have_text("5")
    expect(rows.filter(has_text="Borger").locator("td").last).to_have_text("5")
    check_axe(page)

    # Close the round (after the confirmation dialog); the polling stops.
    page.once("dialog", lambda dialog: dialog.accept())
    submit(page, f'form[action="/runder/{round_.pk}/luk/"]')
    expect(page.locator(f'form[action="/runder/{round_.pk}/aabn/"]')).to_be_visible()
    expect(page.locator("#round-counts")).not_to_have_attribute(
        "hx-trigger", re.compile(".")
    )
    check_axe(page)

    # Read the answers: both groups, then one group, then a search.
    page.click(f'main a[href="/runder/{round_.pk}/svar/"]')
    answers = page.locator("#results figure.kerne-answer")
    expect(answers).to_have_count(40)
    check_axe(page)

    page.select_option("#id_gruppe", label="Medarbejder")
    expect(page).to_have_url(re.compile(r"gruppe=\d+"))
    expect(answers).to_have_count(20)
    expect(answers.locator("figcaption")).to_have_text(["Medarbejder"] * 20)
    expect(answers.locator("blockquote").first).to_contain_text(STAFF_TEXT)
    check_axe(page)

    page.select_option("#id_gruppe", "")
    page.locator("#id_q").press_sequentially("nærvær")
    expect(page).to_have_url(
        re.compile(r"q=n%C3%A6rv%C3%A6r|q=n%c3%a6rv%c3%a6r|q=nærvær")
    )
    expect(answers).to_have_count(20)
    expect(answers.locator("figcaption")).to_have_text(["Borger"] * 20)
    check_axe(page)

    # The CSV holds every answer that may be shown, one row each.
    with page.expect_download() as download_info:
        page.click(f'a[href="/runder/{round_.pk}/svar.csv"]')
    download = download_info.value
    assert download.suggested_filename == f"kerne-runde-{round_.pk}-svar.csv"
    with open(download.path(), encoding="utf-8") as file:
        raw = file.read()
    assert raw.startswith("\ufeff"), "Excel needs the byte-order mark"
    rows = list(csv.reader(io.StringIO(raw.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows[0]) == 4
    assert len(rows) == 1 + 40
    assert {row[0] for row in rows[1:]} == {"Medarbejder", "Borger"}
    assert sum(CITIZEN_TEXT in row[3] for row in rows[1:]) == 20

    # The same pages fit a 360 px phone without sideways scrolling.
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits(page)
    for path in (
        round_.get_absolute_url(),
        process.get_absolute_url(),
        world.organisation.get_absolute_url(),
    ):
        page.goto(live_server.url + path)
        assert_fits(page)
        check_axe(page)


def test_outsider_gets_404(page, live_server, world, log_in, page_problems):
    from kerne.testing import make_process

    round_ = make_process(world.unit, by=world.alice).rounds.get()
    log_in(page, "charlie")
    expect(page.locator("h1")).to_have_text("Havneby Kommune")
    page_problems.allow(r"status of 404")
    for path in (
        round_.get_absolute_url(),
        f"/runder/{round_.pk}/svar/",
        f"/runder/{round_.pk}/svar.csv",
        f"/runder/{round_.pk}/status/",
    ):
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.status == 404, path
    assert "Solby" not in page.content()
    check_axe(page)
