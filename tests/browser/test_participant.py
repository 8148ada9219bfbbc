"""A participant answers on a phone, by touch and by keyboard alone, and withdraws with the receipt."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from kerne.participation.models import Answer, Respondent
from kerne.processes.services import close_round, open_round
from kerne.testing import invitation, make_process
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser

PURPOSE = "Vi vil sammen finde ud af, hvad hjemmeplejen er til for."
ANSWERS = [
    "At nogen kommer, når det er svært.",
    "At være kendt for faste, venlige hjælpere.",
    "Vi hjælper borgeren med selv at kunne mere.",
    "Borgerne og deres pårørende – vi siger borgere.",
]
RECEIPT = re.compile(r"^[2-9A-Z]{4}(-[2-9A-Z]{4}){6}$")


def da(message: str) -> str:
    """The Danish text the page shows for an interface string."""
    with translation.override("da"):
        return translation.gettext(message)


@pytest.fixture
def start_url(live_server, world):
    process = make_process(world.unit, by=world.alice, purpose=PURPOSE)
    round_ = process.rounds.get()
    open_round(round_)
    token = invitation(round_, "borger").token
    return live_server.url + reverse("participation:start", args=[token])


def checked(page: Page) -> None:
    """Every page the participant sees: WCAG 2.1 A/AA and no sideways scrolling."""
    check_axe(page)
    assert_fits(page)


def test_participant_answers_on_a_phone(phone, live_server, start_url, page_problems):
    # The browser logs the refused autosave below (400) as an error; that one is expected.
    page_problems.allow(r"status of 400\b.*/gem/")
    # The explanation: why they are asked, and how the answers are protected.
    phone.goto(start_url)
    expect(phone.locator("main")).to_contain_text(PURPOSE)
    expect(phone.locator("main h2")).to_have_count(3)
    checked(phone)

    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"/svar/$"))
    fields = phone.locator("main textarea")
    expect(fields).to_have_count(4)
    checked(phone)

    # Every answer is saved as it is written, and the field says so.
    for field, text in zip(fields.all(), ANSWERS, strict=True):
        field.fill(text)
        with phone.expect_response(lambda r: r.url.endswith("/gem/")) as saved:
            field.blur()
        assert saved.value.status == 200
        status = phone.locator(f"#{field.get_attribute('id')}_status")
        expect(status).to_have_text(da("Saved"))
    checked(phone)

    # Too long an answer is refused next to the field, and the saved one stays.
    first = fields.first
    first.fill("x" * 5001)
    with phone.expect_response(lambda r: r.url.endswith("/gem/")) as refused:
        first.blur()
    assert refused.value.status == 400
    expect(phone.locator(f"#{first.get_attribute('id')}_status")).to_contain_text(
        "5.001"
    )
    checked(phone)
    first.fill(ANSWERS[0])
    first.blur()
    expect(phone.locator(f"#{first.get_attribute('id')}_status")).to_have_text(
        da("Saved")
    )
    respondent = Respondent.objects.get()
    assert not respondent.submitted
    assert Answer.objects.filter(respondent=respondent).count() == 4

    # Coming back on the same device finds the answers where they were.
    phone.reload()
    for field, text in zip(fields.all(), ANSWERS, strict=True):
        expect(field).to_have_value(text)

    with phone.expect_navigation():
        phone.locator("main form.kerne-questionnaire button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"/tak/$"))
    code = phone.locator("#receipt-code").inner_text().strip()
    assert RECEIPT.match(code), code
    checked(phone)
    assert Respondent.objects.get().submitted

    # The receipt code shows the answers and can delete them.
    phone.click("main a[href='/kvittering/']")
    checked(phone)
    phone.fill("#id_code", code.lower().replace("-", " "))
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    expect(phone).to_have_url(f"{live_server.url}/kvittering/svar/")
    expect(phone.locator("main .kerne-answer")).to_have_text(ANSWERS)
    checked(phone)

    phone.click("main a[href='/kvittering/slet/']")
    checked(phone)
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    expect(phone.locator("h1")).to_have_text(da("Your answers have been deleted"))
    checked(phone)
    assert not Respondent.objects.exists()
    assert not Answer.objects.exists()


def test_closed_round_says_so_politely(phone, start_url):
    from kerne.processes.models import Round

    close_round(Round.objects.get())
    response = phone.goto(start_url)
    assert response is not None and response.status == 200
    expect(phone.locator("h1")).to_have_text(da("The round is closed"))
    expect(phone.locator("main form")).to_have_count(0)
    checked(phone)


def focused(page: Page) -> str:
    """A short description of the element that has focus."""
    result: str = page.evaluate(
        """() => {
             const el = document.activeElement;
             return el ? el.outerHTML.slice(0, 100) : "nothing";
           }"""
    )
    return result


def assert_focus_visible(page: Page) -> None:
    """The focused element shows a focus ring a sighted keyboard user can see."""
    visible = page.evaluate(
        """() => {
             const el = document.activeElement;
             if (!el || el === document.body || !el.matches(":focus-visible")) return false;
             const style = getComputedStyle(el);
             const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
             const rect = el.getBoundingClientRect();
             return (outline || style.boxShadow !== "none") && rect.width > 0 && rect.height > 0;
           }"""
    )
    assert visible, f"no visible focus on {focused(page)}"


def tab_to(page: Page, selector: str, *, limit: int = 25) -> None:
    """Press Tab until `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            assert_focus_visible(page)
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_participant_answers_by_keyboard_alone(page, live_server, start_url):
    page.goto(start_url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.skipnav')"), focused(page)
    assert_focus_visible(page)
    check_axe(page)

    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_axe(page)

    # Tab moves from one answer to the next; Shift+Tab goes back.
    ids = page.locator("main textarea").evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == 4
    tab_to(page, f"#{ids[0]}")
    for i, text in enumerate(ANSWERS):
        page.keyboard.type(text)
        if i == 1:
            page.keyboard.press("Shift+Tab")
            assert page.evaluate("document.activeElement.id") == ids[0]
            assert_focus_visible(page)
            page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        if i < 3:
            assert page.evaluate("document.activeElement.id") == ids[i + 1], focused(
                page
            )
            assert_focus_visible(page)
    expect(page.locator(f"#{ids[3]}_status")).to_have_text(da("Saved"))
    check_axe(page)

    # Focus is now on "Save and send".
    assert page.evaluate("document.activeElement.type") == "submit", focused(page)
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/tak/$"))
    code = page.locator("#receipt-code").inner_text().strip()
    assert RECEIPT.match(code), code
    check_axe(page)

    tab_to(page, "main a[href='/kvittering/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_axe(page)
    tab_to(page, "#id_code")
    page.keyboard.type(code)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main .kerne-answer")).to_have_text(ANSWERS)
    check_axe(page)

    tab_to(page, "main a[href='/kvittering/slet/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_axe(page)
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Space")
    expect(page.locator("h1")).to_have_text(da("Your answers have been deleted"))
    check_axe(page)
    assert not Respondent.objects.exists()
