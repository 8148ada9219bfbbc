"""Rate limits are shared by every web process: two gunicorns, one count.

Wrong receipt codes, wrong passwords and unknown links are split over two real gunicorn processes
on the same test database; once the limit is reached between them, the next attempt
on either process is refused with 429.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from django.conf import settings

from kerne.participation.limits import LINK_GUESS, RECEIPT
from kerne.themes.tests.test_recovery import _database_url
from tests.test_database_outage import CSRF, ROOT, fetch, free_port


def _gunicorn(port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KERNE_TESTING": "1", "DATABASE_URL": _database_url()}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kerne.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--error-logfile",
            os.devnull,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture
def servers(transactional_db) -> Iterator[tuple[str, str]]:
    ports = (free_port(), free_port())
    procs = [_gunicorn(port) for port in ports]
    try:
        deadline = time.monotonic() + 30
        for port, proc in zip(ports, procs, strict=True):
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError("gunicorn did not start") from None
                    time.sleep(0.2)
        yield (f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}")
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)


def post(url: str, fields: dict[str, str]) -> int:
    status, _, _ = fetch(
        url, {"csrfmiddlewaretoken": CSRF, **fields}, Cookie=f"csrftoken={CSRF}"
    )
    return int(status)


@pytest.mark.django_db(transaction=True)
def test_wrong_codes_and_passwords_on_two_processes_count_together(servers):
    a, b = servers
    cases = (
        ("/kvittering/", RECEIPT.count, lambda i: {"code": f"FORKERT-{i:04d}"}),
        (
            "/konto/log-ind/",
            settings.AXES_FAILURE_LIMIT,
            lambda i: {"username": "fasilitator", "password": f"forkert-{i}"},
        ),
    )
    for path, limit, fields in cases:
        for i in range(limit - 1):
            # Alternating, so neither process alone has seen the limit.
            assert post(f"{(a, b)[i % 2]}{path}", fields(i)) != 429, (path, i)
        # The receipt view refuses after the limit-th failure, django-axes already
        # answers the limit-th failure itself with the lockout page.
        limit_th = post(f"{a}{path}", fields(limit))
        assert limit_th == (429 if path == "/konto/log-ind/" else 400), path
        assert post(f"{b}{path}", fields(limit + 1)) == 429, path
        assert post(f"{a}{path}", fields(limit + 2)) == 429, path


@pytest.mark.django_db(transaction=True)
def test_guesses_at_links_on_two_processes_count_together(servers):
    a, b = servers
    for i in range(LINK_GUESS.count):
        status, _, _ = fetch(f"{(a, b)[i % 2]}/s/gaet-{i:04d}/")
        assert int(status) == 404, i
    for server in (a, b):
        status, _, _ = fetch(f"{server}/k/gaet-igen/")
        assert int(status) == 429, server
