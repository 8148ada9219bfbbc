"""While the database is away, autosave says so and tries again until the answer is saved."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Route, expect

from kerne.participation.models import Answer
from tests.browser.axe import check_axe
from tests.browser.test_participant import da, start_url  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

UNSAVED = '<span class="kerne-unsaved">Ikke gemt – prøver igen</span>'


def test_autosave_retries_through_an_outage(phone, start_url, page_problems):  # noqa: F811
    # The browser logs the refused requests below as errors; they are the outage.
    page_problems.allow(r"status of 503\b.*/gem/")
    page_problems.allow(r"ERR_CONNECTION_REFUSED|ERR_FAILED")
    page_problems.allow(r"htmx:(afterRequest|sendError|responseError)")
    phone.goto(start_url)
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    field = phone.locator("main textarea").first
    status = phone.locator(f"#{field.get_attribute('id')}_status")

    failures = {
        "left": 3
    }  # a 503 from the server, then no connection at all, then a 503

    def outage(route: Route) -> None:
        failures["left"] -= 1
        if failures["left"] == 1:
            route.abort("connectionrefused")
        elif failures["left"] >= 0:
            route.fulfill(status=503, headers={"Retry-After": "30"}, body=UNSAVED)
        else:
            route.continue_()

    phone.route(re.compile(r"/gem/$"), outage)
    field.fill("Skrevet mens databasen var væk.")
    field.blur()
    expect(status).to_have_text(da("Not saved – trying again"))
    check_axe(phone)
    # Retries come by themselves (after 2, 4 and 8 seconds) until one gets through.
    expect(status).to_have_text(da("Saved"), timeout=30_000)
    assert failures["left"] < 0
    assert Answer.objects.get().text == "Skrevet mens databasen var væk."
