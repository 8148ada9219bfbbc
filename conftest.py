from __future__ import annotations

import os

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from hypothesis import settings

# Tests may use the development secret key and plain static file storage.
os.environ.setdefault("KERNE_TESTING", "1")

# Timing limits fail on a busy 2-core machine without saying anything about the code;
# in CI the examples are fixed, so a green run stays green on the same code.
settings.register_profile("kerne", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "kerne")


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Danish, whatever language an earlier test's request left active.

    Django's LocaleMiddleware activates the request's language on the thread and leaves it
    there; with pytest-randomly's order, an English page test could otherwise decide the
    language of the next test's labels.
    """
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
