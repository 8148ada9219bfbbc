"""Rounds answered on a page of an app above processes, not as a questionnaire.

A pairwise vote is an ordinary Round (status, invitations, the anonymity plan) with
no questions: its people answer, and its facilitator reads it, on the priorities
app's own page. processes and participation cannot import that app, so it registers
a lookup in its AppConfig.ready, as participation's TOKEN_CHECKS does. The ordinary
round page then sends the facilitator to the round's own page, and opening such a
round asks for no questions.
"""

from __future__ import annotations

from collections.abc import Callable

from kerne.processes.models import Round

# Each returns the URL of the round's own page, or None when the round is not theirs.
PageOf = Callable[[Round], str | None]
PAGES: list[PageOf] = []


def register(page_of: PageOf) -> None:
    if page_of not in PAGES:
        PAGES.append(page_of)


def own_page(round_: Round) -> str | None:
    """The URL of the page the round is run on, or None for a questionnaire."""
    for page_of in PAGES:
        url = page_of(round_)
        if url is not None:
            return url
    return None
