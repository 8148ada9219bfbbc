from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class Request(HttpRequest):
    """An HttpRequest as our middleware leaves it, for type checking views."""

    user: User | AnonymousUser
    htmx: HtmxDetails


class AuthedRequest(Request):
    user: User
