"""A web server whose database is gone: 503 with Retry-After, and the typed text given back.

The server is a real gunicorn process pointed at a PostgreSQL port nobody listens on, so
every query fails the way it does when the database is down or restarting.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CSRF = "a" * 32  # an unmasked CSRF secret, sent as both cookie and field


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port, dead_port = free_port(), free_port()  # nothing listens on dead_port
    env = {
        **os.environ,
        "KERNE_TESTING": "1",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{dead_port}/kerne",
    }
    proc = subprocess.Popen(
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
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("gunicorn did not start") from None
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def fetch(url: str, data: dict[str, str] | None = None, **headers: str):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_a_page_says_unavailable_in_danish_with_retry_after(server):
    status, headers, body = fetch(f"{server}/s/nogettoken/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Kerne er utilgængelig et øjeblik" in body
    assert "Noget gik galt" not in body


def test_a_submitted_answer_comes_back_so_nothing_is_lost(server):
    typed = "Vi kommer, når det er svårt – og vi bliver, til det er godt."
    status, _, body = fetch(
        f"{server}/s/nogettoken/svar/",
        {"csrfmiddlewaretoken": CSRF, "q_1": typed, "q_2": "Tryghed <b>og</b> tid"},
        Cookie=f"csrftoken={CSRF}",
    )
    assert status == 503
    assert "Det, du lige har sendt, er ikke gemt" in body
    assert typed in body
    assert "Tryghed &lt;b&gt;og&lt;/b&gt; tid" in body  # given back as text, not markup
    assert CSRF not in body


def test_an_autosave_gets_the_retry_status_for_the_field(server):
    status, headers, body = fetch(
        f"{server}/s/nogettoken/gem/",
        {"csrfmiddlewaretoken": CSRF, "q_1": "Halvt skrevet"},
        Cookie=f"csrftoken={CSRF}",
        **{"HX-Request": "true"},
    )
    assert status == 503 and headers["Retry-After"] == "30"
    assert body.strip() == '<span class="kerne-unsaved">Ikke gemt – prøver igen</span>'


def test_a_receipt_code_and_a_password_are_never_echoed(server):
    for path, fields in (
        ("/kvittering/", {"code": "HEMMELIG-KODE-1234"}),
        (
            "/konto/log-ind/",
            {"username": "fasilitator", "password": "HEMMELIG-KODE-1234"},
        ),
    ):
        status, _, body = fetch(
            f"{server}{path}",
            {"csrfmiddlewaretoken": CSRF, **fields},
            Cookie=f"csrftoken={CSRF}",
        )
        assert status == 503, path
        assert "HEMMELIG-KODE-1234" not in body


def test_any_other_error_is_the_plain_500_page_in_the_visitors_language():
    from django.db.utils import OperationalError
    from django.test import RequestFactory

    from kerne.lib.outage import server_error

    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="en")
    try:
        raise RuntimeError("a bug of ours")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500 and "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503 and response["Retry-After"] == "30"
