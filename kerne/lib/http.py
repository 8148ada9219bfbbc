from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class Request(HttpRequest):
    """An HttpRequest as our middleware leaves it, for type checking views."""

    user: User | AnonymousUser
    htmx: HtmxDetails


class AuthedRequest(Request):
    user: User


def client_ip(request: HttpRequest) -> str:
    """The client's address, for counting failed guesses; never stored as it is."""
    ip = str(request.META.get("REMOTE_ADDR", ""))
    if settings.SECURE_PROXY_SSL_HEADER:
        # Behind our proxy the client is the address the proxy appended last.
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        ip = forwarded.split(",")[-1].strip() or ip
    return ip
