"""Rate limits kept in the database, so every web process and server counts alike.

Each limit counts attempts against a key (a client's address, an invitation and an
address, …) for a sliding window. Keys are stored as salted hashes, never as they are.
An attempt is one inserted row: inserts need no lock, so two processes counting at
once both count. A limit's rows older than its window are deleted as its new ones
arrive, so the table stays as small as the traffic of the last hour.

Logins are limited by django-axes, which also counts in the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from kerne.participation.models import LimitedAttempt


@dataclass(frozen=True)
class Limit:
    scope: str
    count: int
    window: int  # seconds

    def _hash(self, key: str) -> str:
        return hashlib.sha256(
            f"{settings.SECRET_KEY}:{self.scope}:{key}".encode()
        ).hexdigest()

    def _recent(self, key: str) -> QuerySet[LimitedAttempt]:
        since = timezone.now() - timedelta(seconds=self.window)
        return LimitedAttempt.objects.filter(
            scope=self.scope, key=self._hash(key), at__gt=since
        )

    def reached(self, key: str) -> bool:
        """Whether the key has used up its attempts in the window."""
        return self._recent(key)[: self.count].count() >= self.count

    def record(self, key: str) -> None:
        """Count one attempt against the key."""
        LimitedAttempt.objects.filter(
            scope=self.scope, at__lte=timezone.now() - timedelta(seconds=self.window)
        ).delete()
        LimitedAttempt.objects.create(scope=self.scope, key=self._hash(key))


# Wrong receipt codes: the one place a stranger could guess at someone's answers.
RECEIPT = Limit("receipt", count=10, window=600)
# Unknown invitation or public-page tokens from one client: a guess at a link.
LINK_GUESS = Limit("link", count=30, window=600)
# New respondents through one link from one client. Generous: a staff meeting or a
# town-hall evening answers from one network; a script filling in forms is stopped.
NEW_RESPONDENT = Limit("respondent", count=200, window=3600)
