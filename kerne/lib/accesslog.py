"""Gunicorn's access log without what could point at a participant.

An access line would otherwise hold the client's address, the time and the invitation
token of the participant's group (``/s/<token>/svar/``) or a public page's token: together,
who answered which survey when. This logger writes the address as "-" and every token in
a path, query or referrer as "…"; whatever format an operator chooses, those atoms are gone.
Use it with ``gunicorn --logger-class kerne.lib.accesslog.PrivateLogger``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from gunicorn.glogging import Logger  # type: ignore[import-untyped]

# Every URL that carries a credential: participants' links and public core-task pages.
TOKEN = re.compile(r"(/[sk]/)[^/?#\s\"]+")
ADDRESS_HEADERS = ("{x-forwarded-for}i", "{x-real-ip}i", "{forwarded}i", "{cookie}i")
ACCESS_FORMAT = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'


def without_tokens(text: str) -> str:
    return TOKEN.sub(r"\1…", text)


class PrivateLogger(Logger):  # type: ignore[misc]
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        # Gunicorn's own lines too ("Error handling request GET /s/<token>/").
        self.error_log.addFilter(WithoutTokens())

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = "-"
        for key in ("r", "U", "q", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = without_tokens(atoms[key])
        for key in list(atoms):
            if key in ADDRESS_HEADERS or key == "{remote_addr}e":
                atoms[key] = "-"
            elif isinstance(atoms[key], str) and key.endswith(("}i", "}e")):
                atoms[key] = without_tokens(atoms[key])
        return atoms


class WithoutTokens(logging.Filter):
    """Django's own log lines ("Bad Request: /s/<token>/gem/") with their tokens blanked."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = without_tokens(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                without_tokens(a) if isinstance(a, str) else a for a in record.args
            )
        return True
