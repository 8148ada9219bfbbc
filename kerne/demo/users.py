"""The demo's log-ins: every demo user has the same, published password."""

from __future__ import annotations

from django.contrib.auth.models import User

DEMO_PASSWORD = "kerne-demo"


def demo_user(username: str, first_name: str, last_name: str) -> User:
    """Get or create a demo user, and make sure the published password works."""
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user
