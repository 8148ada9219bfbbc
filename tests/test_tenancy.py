"""Walk every URL pattern as an outsider: each must answer 404, so no view can forget `access_*`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

from kerne.coretasks.testing import make_coretask_world
from kerne.participation.models import Invitation
from kerne.priorities.services import (
    add_competence,
    add_initiative,
    create_competence_round,
    create_pairwise_round,
    create_rating_round,
)
from kerne.statements.services import add_statement
from kerne.testing import BaseTestCase, add_respondents

# Pages anyone may open, with the reason. Everything else must hide another organisation's data.
PUBLIC = {
    "": "front page",
    "favicon.ico": "icon",
    "konto/log-ind/": "login",
    "konto/log-ud/": "logout",
    "konto/adgangskode/": "the signed-in user's own password",
    "konto/adgangskode/skiftet/": "the signed-in user's own password",
    "i18n/setlang/": "language switch",
    "s/<str:token>/": "participants: the secret token is the key",
    "s/<str:token>/svar/": "participants: the secret token is the key",
    "s/<str:token>/gem/": "participants: the secret token is the key",
    "s/<str:token>/tak/": "participants: the secret token is the key",
    "kvittering/": "participants: the secret receipt code is the key",
    "kvittering/svar/": "participants: the session set by a valid receipt code is the key",
    "kvittering/slet/": "participants: the session set by a valid receipt code is the key",
    "organisationer/": "lists only the user's own organisations",
    "s/<str:token>/udsagn/": "participants: the secret token is the key",
    "s/<str:token>/udsagn/stem/": "participants: the secret token is the key",
    "s/<str:token>/udsagn/skriv/": "participants: the secret token is the key",
    "s/<str:token>/udsagn/mine/": "participants: the secret token is the key",
    "s/<str:token>/parvis/": "participants: the secret token is the key",
    "s/<str:token>/parvis/vaelg/": "participants: the secret token is the key",
    "s/<str:token>/parvis/forslag/": "participants: the secret token is the key",
    "k/<str:token>/": "the adopted core task's public page: the secret token is the key",
    "k/<str:token>/plakat-a4.pdf": "the public page's poster: the secret token is the key",
    "k/<str:token>/plakat-a3.pdf": "the public page's poster: the secret token is the key",
    "k/<str:token>/kerneopgave.png": "the public page's image: the secret token is the key",
}


def walk(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/"):
                continue  # Django admin: superusers only, behind is_staff.
            yield from walk(entry, route)
        else:
            yield route, entry


class WorldTestCase(BaseTestCase):
    """One of every object a URL can name, in alice's organisation (no tests of its own)."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        add_respondents(cls.round, "medarbejder", 6)
        cls.question = cls.round.questions.first()
        cls.group = cls.process.groups.first()
        cls.invitation = Invitation.objects.filter(round=cls.round).first()
        cls.alice_membership = cls.alice.memberships.get()
        cls.statement = add_statement(cls.process, text="Et udsagn.", by=cls.alice)
        cls.coretask = make_coretask_world(cls.process, by=cls.alice)
        cls.initiative = add_initiative(cls.process, by=cls.alice, title="Et initiativ")
        cls.rating = create_rating_round(cls.process, by=cls.alice)
        add_initiative(cls.process, by=cls.alice, title="Et andet initiativ")
        cls.pairwise = create_pairwise_round(cls.process, by=cls.alice)
        cls.pairwise_item = cls.pairwise.items.first()
        add_competence(cls.process, by=cls.alice, title="En kompetence")
        cls.competence_round = create_competence_round(cls.process, by=cls.alice)

    def fill(self, route: str) -> str | None:
        """Put one of alice's organisation's objects into every parameter of the route."""
        values = {
            r"^o/<slug:slug>/": self.organisation.slug,
            r"^forloeb/ny/<int:unit_id>/": self.unit.pk,
            r"^enheder/<int:pk>/": self.unit.pk,
            r"^medlemmer/<int:pk>/": self.alice_membership.pk,
            r"^forloeb/<int:pk>/": self.process.pk,
            r"^runder/<int:pk>/": self.round.pk,
            r"^runder/<int:pk>/svar\.csv": self.round.pk,
            r"^grupper/<int:pk>/": self.group.pk,
            r"^spoergsmaal/<int:pk>/": self.question.pk,
            r"^invitationer/<int:pk>/": self.invitation.pk,
            r"^temaer/runder/<int:pk>/": self.round.pk,
            r"^temaer/spoergsmaal/<int:pk>/": self.question.pk,
            r"^udsagn/<int:pk>/": self.statement.pk,
            r"^kerneopgave/versioner/<int:pk>/": self.coretask.version.pk,
            r"^kvalificering/<int:pk>/": self.coretask.qualification.pk,
            r"^ikke-kerneopgave/<int:pk>/": self.coretask.not_core_task.pk,
            r"^prioritering/forloeb/<int:pk>/": self.process.pk,
            r"^prioritering/initiativer/<int:pk>/": self.initiative.pk,
            r"^prioritering/vurderinger/<int:pk>/": self.rating.pk,
            r"^prioritering/parvis/forslag/<int:pk>/": self.pairwise_item.pk,
            r"^prioritering/parvis/<int:pk>/": self.pairwise.pk,
            r"^prioritering/kompetencer/<int:pk>/": self.competence_round.pk,
        }
        for pattern, value in values.items():
            if re.match(pattern, route):
                return re.sub(r"<[^>]+>", str(value), route, count=1)
        return None


class OutsiderTests(WorldTestCase):
    def test_every_private_url_is_404_for_an_outsider(self):
        self.client.force_login(self.charlie)
        checked = 0
        for route, _pattern in walk(get_resolver()):
            if route in PUBLIC:
                continue
            path = self.fill(route)
            assert path is not None, (
                f"Tell tests/test_tenancy.py which object belongs in {route!r}."
            )
            for method in ("get", "post"):
                response = getattr(self.client, method)("/" + path)
                assert response.status_code in (404, 405), (
                    f"{method.upper()} /{path} gave {response.status_code}"
                )
            assert self.client.get("/" + path).status_code in (404, 405), path
            checked += 1
        assert checked >= 15

    def test_the_same_urls_work_for_an_administrator_of_the_organisation(self):
        self.client.force_login(self.bob)
        for route, _pattern in walk(get_resolver()):
            if route in PUBLIC:
                continue
            path = self.fill(route)
            assert path is not None
            response = self.client.get("/" + path)
            # 405 for POST-only actions; never 404 for the owner.
            assert response.status_code in (200, 302, 405), (
                f"GET /{path} gave {response.status_code}"
            )

    def test_anonymous_visitors_are_sent_to_login(self):
        for route, _pattern in walk(get_resolver()):
            if route in PUBLIC:
                continue
            path = self.fill(route)
            assert path is not None
            response = self.client.get("/" + path)
            assert response.status_code in (302, 405), path
            if response.status_code == 302:
                assert response["Location"].startswith("/konto/log-ind/")
