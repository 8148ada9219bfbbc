"""The core task: drafted in versions, qualified on a phone, adopted and shown on its public page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from kerne.coretasks.models import Adoption, Version
from kerne.coretasks.testing import make_qualification, make_version, rate
from kerne.testing import invitation, make_process
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser

FIRST = "Vi hjælper borgerne med at klare hverdagen."
SECOND = "Vi skaber tryghed sammen med borgerne, så de kan klare hverdagen."


def submit(page: Page, form: str) -> None:
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


@pytest.fixture
def process(world):
    return make_process(world.unit, by=world.alice)


def test_facilitator_drafts_in_versions_and_compares(
    page, live_server, world, process, log_in
):
    log_in(page, "alice")
    page.goto(live_server.url + process.get_absolute_url())
    check_axe(page)
    page.click(f'a[href="{reverse("coretasks:draft", args=[process.pk])}"]')
    expect(page.locator("h1")).to_be_visible()
    check_axe(page)

    page.fill("#id_statement", FIRST)
    page.fill("#id_vaerdi", "Borgerne kan blive boende hjemme.")
    submit(page, "form.coretasks-editor")
    expect(page.locator("#id_statement")).to_have_value(FIRST)
    page.fill("#id_statement", SECOND)
    submit(page, "form.coretasks-editor")
    assert list(
        Version.objects.filter(process=process).values_list("number", flat=True)
    ) == [2, 1]
    check_axe(page)

    # The comparison marks the changed words, with hidden labels for screen readers.
    page.goto(
        live_server.url
        + reverse("coretasks:versions", args=[process.pk])
        + "?old=1&new=2"
    )
    expect(page.locator(".coretasks-diff ins").first).to_contain_text("tryghed")
    expect(page.locator(".coretasks-diff del").first).to_be_visible()
    check_axe(page)

    # A comment on the draft arrives through htmx, without leaving the page.
    version = Version.objects.get(process=process, number=2)
    page.goto(live_server.url + version.get_absolute_url())
    check_axe(page)
    page.fill("#id_text", "Godt – nu står borgerne med.")
    with page.expect_response(lambda r: "/kommentar/" in r.url):
        page.locator("#comments button[type=submit]").click()
    expect(page.locator(".coretasks-comments")).to_contain_text("nu står borgerne med")
    assert version.comments.count() == 1
    check_axe(page)


def test_a_citizen_qualifies_the_draft_on_a_phone(phone, live_server, world, process):
    qualification = make_qualification(make_version(process, statement=SECOND))
    token = invitation(qualification.round, "borger").token
    phone.goto(live_server.url + reverse("participation:start", args=[token]))
    check_axe(phone)
    assert_fits(phone)
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"/svar/$"))
    # The draft is in the introduction; each dimension has two 1–5 ratings.
    expect(phone.locator("main")).to_contain_text(SECOND)
    expect(phone.locator("main fieldset")).to_have_count(8)
    check_axe(phone)
    assert_fits(phone)
    first = phone.locator("main fieldset").first
    with phone.expect_response(lambda r: r.url.endswith("/gem/")):
        first.locator("input[value='4']").check()
    phone.locator("main textarea").first.fill("Skriv også de pårørende ind.")
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").last.click()
    expect(phone).to_have_url(re.compile(r"/tak/$"))
    answers = qualification.round.respondents.get().answers
    assert answers.filter(number=4).count() == 1
    assert answers.filter(text__contains="pårørende").count() == 1


def test_facilitator_adopts_and_anyone_reads_it_on_a_phone(
    page, phone, live_server, world, process, log_in
):
    version = make_version(process, by=world.alice, statement=SECOND)
    log_in(page, "alice")
    page.goto(live_server.url + reverse("coretasks:adopt", args=[version.pk]))
    check_axe(page)
    page.fill("#id_adopted_on", "2026-01-15")
    page.fill("#id_review_on", "2027-01-15")
    page.fill("#id_change_note", "Første vedtagne udgave efter kvalificeringen.")
    submit(page, "main form.col-12")
    expect(page).to_have_url(
        live_server.url + reverse("coretasks:unit", args=[world.unit.pk])
    )
    assert Adoption.objects.get().version == version
    check_axe(page)

    # "Ikke kerneopgave" is added on the unit page and shown on the public page.
    page.fill("#id_title", "Havearbejde")
    page.fill("#id_reason", "Det klarer frivillige.")
    submit(page, 'form[action$="/ikke-kerneopgave/"]')
    public_url = page.locator("#public-link").inner_text().strip()
    assert "/k/" in public_url

    phone.goto(public_url)
    expect(phone.locator("main")).to_contain_text(SECOND)
    expect(phone.locator("main")).to_contain_text("Havearbejde")
    check_axe(phone)
    assert_fits(phone)
    pdf = phone.request.get(public_url + "plakat-a4.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")


def test_the_qualification_results_answer_first_on_a_phone(
    phone, live_server, world, process, log_in
):
    qualification = make_qualification(make_version(process, statement=SECOND))
    rate(qualification, "medarbejder", 7, recognise=[5, 4], suggestion="Skriv os")
    rate(qualification, "borger", 6, recognise=[2, 3], clear=2)
    log_in(phone, "alice")
    phone.goto(
        live_server.url + reverse("coretasks:qualification", args=[qualification.pk])
    )
    summary = phone.locator(".kerne-summary")
    expect(summary).to_contain_text("Udkastet genkendes")
    first_table = phone.locator(".coretasks-result table").first
    expect(first_table).to_be_hidden()
    check_axe(phone)
    assert_fits(phone)
    # Each dimension's intervals sit in a native disclosure, opened by keyboard.
    phone.locator(".coretasks-result details > summary").first.focus()
    phone.keyboard.press("Enter")
    expect(first_table).to_be_visible()
    expect(first_table).to_contain_text("n=7")
    check_axe(phone)
    assert_fits(phone)


def test_adopting_waits_for_an_open_qualification(
    page, live_server, world, process, log_in, page_problems
):
    page_problems.allow(r"status of 400 .*/vedtag/")  # the refusal, on purpose
    version = make_version(process, by=world.alice, statement=SECOND)
    qualification = make_qualification(version)
    log_in(page, "alice")
    page.goto(live_server.url + reverse("coretasks:adopt", args=[version.pk]))
    expect(page.locator("main .alert-warning")).to_contain_text(
        qualification.round.title
    )
    check_axe(page)
    page.fill("#id_adopted_on", "2026-01-15")
    page.fill("#id_review_on", "2027-01-15")
    page.fill("#id_change_note", "Vedtaget før kvalificeringen var slut.")
    submit(page, "main form.col-12")
    expect(page.locator("main .alert-error")).to_contain_text("Luk den først")
    expect(page.locator("#id_change_note")).to_have_value(
        "Vedtaget før kvalificeringen var slut."
    )
    assert not Adoption.objects.exists()
    check_axe(page)
