from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

from gunicorn.config import Config  # type: ignore[import-untyped]

from kerne.lib.accesslog import ACCESS_FORMAT, PrivateLogger, WithoutTokens

TOKEN = "7HLDGPb2xRdqvj5RfgWgpyxgzNKG-NLQ"


def access_line(path: str, **headers: str) -> str:
    config = Config()
    config.set(
        "access_log_format", ACCESS_FORMAT + " %(h)s %(f)s %({x-forwarded-for}i)s"
    )
    logger = PrivateLogger(config)
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": path,
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.partition("?")[2],
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.44",
        "HTTP_REFERER": f"https://kerne.example.dk/s/{TOKEN}/",
    }
    resp = SimpleNamespace(status="200 OK", sent=512, headers=[])
    req = SimpleNamespace(headers=list(headers.items()))
    atoms = logger.atoms(resp, req, environ, dt.timedelta(milliseconds=12))
    return str(logger.cfg.access_log_format % logger.atoms_wrapper_class(atoms))


def test_no_address_or_token_reaches_the_access_log():
    for path in (f"/s/{TOKEN}/gem/", f"/k/{TOKEN}/plakat-a4.pdf", f"/s/{TOKEN}?x=1"):
        line = access_line(path, **{"X-FORWARDED-FOR": "198.51.100.7"})
        assert TOKEN not in line
        assert "192.0.2.44" not in line and "198.51.100.7" not in line
        assert '"POST /s/…' in line or '"POST /k/…' in line
        assert " 200 512 12ms" in line


def test_other_paths_are_logged_as_they_are():
    assert '"POST /forloeb/12/runder/ HTTP/1.1"' in access_line("/forloeb/12/runder/")


def test_django_log_lines_lose_their_tokens():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "%s: %s",
        ("Bad Request", f"/s/{TOKEN}/gem/"),
        None,
    )
    assert WithoutTokens().filter(record)
    assert record.getMessage() == "Bad Request: /s/…/gem/"


def test_gunicorn_error_lines_lose_their_tokens(caplog):
    logger = PrivateLogger(Config())
    logger.error_log.propagate = True
    with caplog.at_level(logging.ERROR, logger="gunicorn.error"):
        logger.error("Error handling request %s", f"GET /s/{TOKEN}/gem/")
    assert caplog.records[-1].getMessage() == "Error handling request GET /s/…/gem/"
