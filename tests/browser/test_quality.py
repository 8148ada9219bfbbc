"""The Kvalitet page passes axe and fits a phone, before any map and with an error."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kerne.priorities.services import add_quality_statement
from kerne.testing import make_process
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser


def test_the_quality_page_passes_axe_and_fits_a_phone(
    page, log_in, live_server, world, page_problems
):
    page_problems.allow(
        r"status of 400 "
    )  # the refusal of an empty statement, on purpose
    process = make_process(world.unit, by=world.alice)
    add_quality_statement(
        process,
        dimension="vaerdi",
        text="God kvalitet betyder, at borgeren ved, hvem der kommer, og hvornår.",
        by=world.alice,
    )
    log_in(page, "alice")
    page.goto(live_server.url + reverse("priorities:quality", args=[process.pk]))
    expect(page.locator("body")).to_contain_text("borgeren ved, hvem der kommer")
    check_axe(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert_fits(page)
    page.locator("form[action$='/kvalitet/tilfoej/'] button[type=submit]").first.click()
    expect(page.locator(".form-error-message").first).to_be_visible()
    check_axe(page)
    assert_fits(page)
