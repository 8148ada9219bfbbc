"""When the database is away: a Danish 503 that gives back what was typed, not a 500.

Django calls the 500 handler while the exception is being handled, so it can tell a lost
database (OperationalError, InterfaceError: the server is down, restarting or out of
connections) from a fault in our code. A lost database is temporary: the answer is 503
with Retry-After, and a posted form's text comes back on the page so nothing is lost.
The page renders without context processors or queries.
"""

from __future__ import annotations

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

RETRY_AFTER = 30  # seconds
# Fields never echoed: credentials and receipt codes are not "what you typed" to keep.
PRIVATE_FIELDS = ("csrfmiddlewaretoken", "password", "code", "token")


def database_unavailable() -> bool:
    return isinstance(sys.exc_info()[1], OperationalError | InterfaceError)


def typed_texts(request: HttpRequest) -> list[str]:
    texts: list[str] = []
    for key, values in request.POST.lists():
        if any(private in key.lower() for private in PRIVATE_FIELDS):
            continue
        texts.extend(v for v in values if len(v.strip()) > 1)
    return texts


def server_error(request: HttpRequest) -> HttpResponse:
    """Kerne's 500 handler: 503 for a lost database, the plain 500 page otherwise."""
    language = translation.get_language_from_request(request)
    if not database_unavailable():
        with translation.override(language):
            body = render_to_string("500.html", {"language": language})
        return HttpResponse(body, status=500)
    with translation.override(language):
        if request.headers.get("HX-Request"):
            # The autosave status beside a field; kerne.js tries again.
            body = render_to_string("503_autosave.html")
        else:
            body = render_to_string(
                "503.html",
                {"texts": typed_texts(request), "language": language},
            )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
