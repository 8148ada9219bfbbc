"""Playwright fixtures: Debian's Chromium, one context per test, and a watch on console and CSP.

Every page fails its test on a console error, an uncaught exception or a
Content-Security-Policy violation: the policy forbids inline script and style,
so a violation is a real bug, not noise.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.axe import check_axe

# Playwright's sync API runs an event loop in this thread; Django's ORM would
# otherwise refuse to run here ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("KERNE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

# Page scripts never see this; it reports CSP violations to the test through a binding.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__kerneCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""

# Long enough for a slow CI machine, short enough that a hang fails fast.
TIMEOUT_MS = 10_000


@dataclass
class PageProblems:
    """Console errors, page errors and CSP violations seen during one test."""

    seen: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def allow(self, pattern: str) -> None:
        """Expect a console error matching `pattern`, e.g. the 404 an outsider must get."""
        self.allowed.append(re.compile(pattern))

    def add(self, message: str) -> None:
        if not any(p.search(message) for p in self.allowed):
            self.seen.append(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        # Fail rather than skip: a suite that quietly skips its browser tests proves nothing.
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make browser`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def _static_files_are_served() -> None:
    """Say plainly why every page would fail when Kerne's own static files cannot be found."""
    from django.contrib.staticfiles import finders

    for path in ("kerne/kerne.css", "vendor/htmx/htmx.min.js"):
        assert finders.find(path), (
            f"Static file {path} is not found: is kerne/static in STATICFILES_DIRS, "
            "and has `make static` run?"
        )


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


def _watch(context: BrowserContext, problems: PageProblems) -> None:
    context.set_default_timeout(TIMEOUT_MS)
    context.expose_binding(
        "__kerneCspViolation", lambda _source, text: problems.add(f"CSP: {text}")
    )
    context.add_init_script(CSP_LISTENER)

    def on_page(page: Page) -> None:
        page.on(
            "console",
            lambda msg: (
                problems.add(f"console.{msg.type}: {msg.text} ({msg.location})")
                if msg.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.add(f"page error: {error}"))

    context.on("page", on_page)


@pytest.fixture
def new_context(browser: Browser, page_problems: PageProblems) -> Iterator[Any]:
    """Make watched browser contexts; all are closed and checked after the test."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("locale", "da-DK")
        options.setdefault("timezone_id", "Europe/Copenhagen")
        context = browser.new_context(**options)
        _watch(context, page_problems)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not page_problems.seen, "The browser reported problems:\n" + "\n".join(
        page_problems.seen
    )


@pytest.fixture
def page(new_context: Any) -> Page:
    """A desktop-sized page in a fresh context, in Danish."""
    context = new_context(viewport={"width": 1280, "height": 900})
    result: Page = context.new_page()
    return result


@pytest.fixture
def phone(new_context: Any) -> Page:
    """A phone-sized page (360 × 740, touch), in Danish."""
    context = new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    result: Page = context.new_page()
    return result


@dataclass
class World:
    """Solby Kommune (alice facilitates, one unit) and Havneby Kommune (charlie)."""

    alice: Any
    charlie: Any
    organisation: Any
    unit: Any


@pytest.fixture
def world(transactional_db: None) -> World:
    from kerne.organisations.models import Membership
    from kerne.organisations.services import add_member
    from kerne.testing import make_organisation, make_unit, make_user

    alice = make_user("alice", first_name="Alice", last_name="Andersen")
    charlie = make_user("charlie")
    organisation = make_organisation()
    unit = make_unit(organisation)
    make_unit(organisation, "Solby Skole")
    add_member(organisation, alice, role=Membership.Role.FACILITATOR)
    other = make_organisation("Havneby Kommune")
    make_unit(other, "Jobcenter Havneby")
    add_member(other, charlie)
    return World(alice=alice, charlie=charlie, organisation=organisation, unit=unit)


@pytest.fixture
def log_in(live_server: Any) -> Any:
    """Log in through the real form, as a facilitator would."""
    from kerne.testing import PASSWORD

    def log_in(page: Page, username: str, *, axe: bool = False) -> None:
        page.goto(f"{live_server.url}/konto/log-ind/")
        if axe:
            check_axe(page)
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        assert "/konto/log-ind/" not in page.url, "log-in failed"

    return log_in
