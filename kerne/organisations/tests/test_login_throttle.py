"""Guessing passwords: ten wrong ones for a username or from an address, and it waits."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kerne.testing import PASSWORD, BaseTestCase, make_user

LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")
LIMIT = settings.AXES_FAILURE_LIMIT


def attempt(username: str, password: str, *, ip: str, url: str = LOGIN):
    client = Client(REMOTE_ADDR=ip)
    response = client.post(url, {"username": username, "password": password})
    return client, response


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


class LoginThrottleTests(BaseTestCase):
    def test_wrong_passwords_for_a_username_lock_it_from_every_address(self):
        for i in range(LIMIT - 1):
            _, r = attempt("alice", "forkert", ip=f"10.1.0.{i}")
            assert r.status_code == 200  # the form again, with its error
        # The tenth wrong one is told at once.
        _, r = attempt("alice", "forkert", ip="10.1.0.9")
        assert r.status_code == 429
        client, r = attempt("alice", PASSWORD, ip="10.1.0.99")
        assert r.status_code == 429
        assert not logged_in(client)
        self.assertContains(r, "For mange forkerte adgangskoder", status_code=429)
        # Another user from the same addresses is not affected.
        client, r = attempt("bob", PASSWORD, ip="10.1.0.1")
        assert r.status_code == 302 and logged_in(client)

    def test_wrong_passwords_from_an_address_lock_it_for_every_username(self):
        for i in range(LIMIT):
            attempt(f"gæt{i}", "forkert", ip="10.2.0.1")
        client, r = attempt("bob", PASSWORD, ip="10.2.0.1")
        assert r.status_code == 429 and not logged_in(client)
        client, r = attempt("bob", PASSWORD, ip="10.2.0.2")
        assert r.status_code == 302 and logged_in(client)

    def test_nine_wrong_passwords_still_let_the_right_one_in(self):
        for _ in range(LIMIT - 1):
            attempt("alice", "forkert", ip="10.3.0.1")
        client, r = attempt("alice", PASSWORD, ip="10.3.0.1")
        assert r.status_code == 302 and logged_in(client)

    def test_the_lock_lifts_after_ten_minutes(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            for _ in range(LIMIT):
                attempt("alice", "forkert", ip="10.4.0.1")
            _, r = attempt("alice", PASSWORD, ip="10.4.0.1")
            assert r.status_code == 429
        with time_machine.travel(start + dt.timedelta(minutes=11), tick=False):
            client, r = attempt("alice", PASSWORD, ip="10.4.0.1")
            assert r.status_code == 302 and logged_in(client)

    def test_the_admin_login_counts_the_same_attempts(self):
        staff = make_user("staff", is_staff=True, is_superuser=True)
        for _ in range(LIMIT):
            attempt(staff.username, "forkert", ip="10.5.0.1", url=ADMIN_LOGIN)
        client, r = attempt(staff.username, PASSWORD, ip="10.5.0.9", url=ADMIN_LOGIN)
        assert r.status_code == 429 and not logged_in(client)
        # The facilitator login knows the same username is locked.
        client, r = attempt(staff.username, PASSWORD, ip="10.5.0.9")
        assert r.status_code == 429 and not logged_in(client)
