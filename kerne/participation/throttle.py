"""Rate-limited participant paths: the middleware against guessing at links, and the
429 pages of every limit a participant can meet.

Guessing at links: unknown tokens count against the client, in the database.

Every view whose URL carries a `token` (invitations `/s/<token>/…`, public pages
`/k/<token>/…`) is covered. A 404 from such a view for a token that does not exist
counts as one guess. Once a client
has guessed `LINK_GUESS.count` times within the window, every token URL answers 429
for it, known or not: if known links still answered, the guesser could go on and tell
hits from misses. A participant already holding the device cookie of the very link
passes, so a busy shared network does not lock out the people answering.

Counting a guess is the one write a GET may make.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kerne.lib.http import client_ip
from kerne.participation.devices import COOKIE_PREFIX, device_receipt_code
from kerne.participation.limits import LINK_GUESS, NEW_RESPONDENT
from kerne.participation.models import Invitation


def _holds_link(request: HttpRequest, token: str) -> bool:
    """Whether the request carries a valid device cookie for this very invitation."""
    if not any(name.startswith(COOKIE_PREFIX) for name in request.COOKIES):
        return False
    invitation = Invitation.objects.filter(token=token).first()
    return invitation is not None and bool(device_receipt_code(request, invitation))


def _limited(request: HttpRequest, template: str, window: int) -> HttpResponse:
    response = render(request, template, status=429)
    response["Retry-After"] = str(window)
    return response


def links_limited(request: HttpRequest) -> HttpResponse:
    return _limited(request, "participation/link_limited.html", LINK_GUESS.window)


def respondents_limited(request: HttpRequest) -> HttpResponse:
    """Too many new respondents through one link from one connection."""
    return _limited(
        request, "participation/respondents_limited.html", NEW_RESPONDENT.window
    )


# How each kind of link tells whether a token exists: a 404 for a link that exists
# (a page of the wrong round type, say) is not a guess. Apps above participation
# register theirs in their AppConfig.ready, so this module imports none of them.
TOKEN_CHECKS: list[Callable[[str], bool]] = [
    lambda token: Invitation.objects.filter(token=token).exists()
]


def register_token_check(check: Callable[[str], bool]) -> None:
    TOKEN_CHECKS.append(check)


def _is_guess(token: str) -> bool:
    return not any(check(token) for check in TOKEN_CHECKS)


# Every token is secrets.token_urlsafe: URL-safe base64, 24 or 32 characters.
LINK_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,100}")


class LinkGuessLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        token = getattr(request, "_kerne_link", None)
        if token is not None and response.status_code == 404 and _is_guess(token):
            LINK_GUESS.record(client_ip(request))
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        token = view_kwargs.get("token")
        if token is None:
            return None
        if not LINK_SHAPE.fullmatch(token):
            # No link has this shape, so no query may see it (PostgreSQL refuses
            # a NUL in a parameter); it is a guess all the same.
            if LINK_GUESS.reached(client_ip(request)):
                return links_limited(request)
            LINK_GUESS.record(client_ip(request))
            raise Http404
        if LINK_GUESS.reached(client_ip(request)) and not _holds_link(request, token):
            return links_limited(request)
        request._kerne_link = token  # type: ignore[attr-defined]
        return None
