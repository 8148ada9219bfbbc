"""Issue #8's first real round, replayed end to end: answers on phones, empty forms, close,
analysis, and every facilitator page and export of that round read as an attacker would."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from kerne.participation.models import Respondent
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.models import Round
from kerne.processes.services import open_round
from kerne.testing import invitation, make_process
from kerne.themes.models import Analysis
from kerne.themes.tasks import run_round_analysis
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser

# The lone citizen writes words nobody else uses: none of them may be shown anywhere.
CITIZEN = [
    "Min nabo Gunnar Findus ringer, hvis Karla ikke har været her.",
    "At Karla stadig kommer om tirsdagen med avisen fra Findus.",
    "Karla spørger, hvad jeg selv vil, og så gør vi det sammen.",
    "Mig og Gunnar Findus fra opgangen.",
]
SECRET_WORDS = ("Findus", "Gunnar", "Karla", "min mor", "planen for")
STAFF = [
    "Tryghed i eget hjem og faste hjælpere, de kender.",
    "At være kendt for faglighed og god tid til borgeren.",
    "Vi hjælper borgeren til selv at klare mest muligt.",
    "Borgerne og deres pårørende.",
]
RELATIVE = [
    "At min mor kan blive boende hjemme trygt.",
    "At de ringer, når noget ændrer sig.",
    "De inddrager os i planen for min mor.",
    "De ældre og os pårørende.",
]


def checked(page: Page) -> None:
    check_axe(page)
    assert_fits(page)


def answer_by_service(round_: Round, key: str, texts: list[str], n: int) -> None:
    questions = list(round_.questions.order_by("order", "pk"))
    for i in range(n):
        respondent = start_respondent(invitation(round_, key))
        save_answers(
            respondent,
            {
                q: AnswerValue(text=f"{text} ({i + 1}. svar)")
                for q, text in zip(questions, texts, strict=True)
            },
        )
        submit_respondent(respondent)


def answer_on_phone(phone: Page, url: str, texts: list[str]) -> None:
    phone.goto(url)
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    fields = phone.locator("main textarea")
    for field, text in zip(fields.all(), texts, strict=True):
        field.fill(text)
    with phone.expect_navigation():
        phone.locator("main form.kerne-questionnaire button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"/tak/$"))
    checked(phone)


def try_empty_form(phone: Page, url: str) -> None:
    """An entirely empty form is not a submission: a Danish message, and no thanks page."""
    phone.goto(url)
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    with phone.expect_navigation():
        phone.locator("main form.kerne-questionnaire button[type=submit]").click()
    assert not phone.url.endswith("/tak/")
    expect(
        phone.locator("main .alert-error, main .form-error-message").first
    ).to_be_visible()
    checked(phone)


def test_the_pilot_round_is_right_safe_and_told_plainly(
    new_context, page, live_server, world, log_in, page_problems
):
    # The empty forms are refused with 400, as they should be.
    page_problems.allow(r"status of 400\b")
    process = make_process(world.unit, by=world.alice, anonymity_threshold=5)
    round_ = process.rounds.get()
    open_round(round_)
    answer_by_service(round_, "medarbejder", STAFF, 6)

    def phone() -> Page:
        context = new_context(
            viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
        )
        result: Page = context.new_page()
        return result

    start = live_server.url + reverse(
        "participation:start", args=[invitation(round_, "borger").token]
    )
    answer_on_phone(phone(), start, CITIZEN)
    relatives = live_server.url + reverse(
        "participation:start", args=[invitation(round_, "paaroerende").token]
    )
    answer_on_phone(phone(), relatives, RELATIVE)
    for _ in range(4):
        try_empty_form(phone(), relatives)
    # One real relative and four refused empty forms: one submitted respondent, not five.
    assert (
        round_.respondents.filter(group__key="paaroerende", submitted=True).count() == 1
    )
    assert Respondent.objects.filter(round=round_, submitted=True).count() == 8

    log_in(page, "alice")
    page.goto(live_server.url + round_.get_absolute_url())
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator(
            f'form[action="{reverse("processes:round_close", args=[round_.pk])}"] '
            "button[type=submit]"
        ).first.click()
    assert run_round_analysis.call(round_.pk) == "done"
    assert Analysis.objects.get(round=round_).status == Analysis.Status.DONE

    urls = [
        round_.get_absolute_url(),
        reverse("participation:answers", args=[round_.pk]),
        reverse("themes:round", args=[round_.pk]),
        *(
            reverse("themes:question", args=[q.pk])
            for q in round_.questions.order_by("order", "pk")
        ),
    ]
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response is not None and response.status == 200, url
        text = page.locator("body").inner_text()
        assert "mislykkedes" not in text, url
        for word in SECRET_WORDS:
            assert word not in text, f"{word!r} from the lone citizen is on {url}"
        checked(page)

    # The staff reach the threshold on their own and are shown on their own.
    page.goto(live_server.url + reverse("participation:answers", args=[round_.pk]))
    expect(page.locator("main")).to_contain_text("Medarbejder")

    csv = page.request.get(
        live_server.url + reverse("participation:answers_csv", args=[round_.pk])
    )
    assert csv.status == 200
    body = csv.text()
    for word in SECRET_WORDS:
        assert word not in body, f"{word!r} from the lone citizen is in svar.csv"
    assert body.count("Tryghed i eget hjem") == 6
