"""An administrator adds a facilitator, who logs in with the one-time password and changes it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kerne.organisations.models import Membership
from kerne.organisations.services import add_member
from tests.browser.axe import assert_fits, check_axe

pytestmark = pytest.mark.browser


def test_an_administrator_adds_a_facilitator_who_changes_the_password(
    page, phone, log_in, live_server, world
):
    add_member(world.organisation, world.alice, role=Membership.Role.ADMINISTRATOR)
    log_in(page, "alice")
    page.goto(f"{live_server.url}/o/{world.organisation.slug}/medlemmer/")
    check_axe(page)
    page.fill("#id_username", "dorte")
    page.fill("#id_first_name", "Dorte")
    with page.expect_navigation():
        page.locator("main form[novalidate] button[type=submit]").click()
    password = page.locator("#new-password").inner_text().strip()
    expect(page.locator("main table")).to_contain_text("dorte")
    check_axe(page)

    # The new facilitator logs in on a phone and changes the one-time password.
    phone.goto(f"{live_server.url}/konto/log-ind/")
    phone.fill("#id_username", "dorte")
    phone.fill("#id_password", password)
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    phone.goto(f"{live_server.url}/konto/adgangskode/")
    check_axe(phone)
    assert_fits(phone)
    phone.fill("#id_old_password", password)
    phone.fill("#id_new_password1", "en-lang-ny-adgangskode-42")
    phone.fill("#id_new_password2", "en-lang-ny-adgangskode-42")
    with phone.expect_navigation():
        phone.locator("main form button[type=submit]").click()
    expect(phone.locator("h1")).to_have_text("Adgangskoden er skiftet")
    check_axe(phone)
