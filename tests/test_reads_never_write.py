"""Opening a page never changes the database: GET every URL as every role, then compare every table.

Twice: in the small world of the tenancy walk (one of every object a URL can name), and in
the demo (`kerne demo`'s two municipalities, every URL for every object they hold).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.signals import request_started
from django.core.signing import get_cookie_signer
from django.db import connection
from django.db.models import Model, QuerySet
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse

from kerne.coretasks.models import NotCoreTask, PublicPage, QualificationRound, Version
from kerne.coretasks.overview import SORT_KEYS
from kerne.demo.services import DEMO_SLUGS, load_demo
from kerne.organisations.models import Membership, Organisation, Unit
from kerne.organisations.services import add_member
from kerne.participation.devices import (
    COOKIE_SALT,
    RECEIPT_COOKIE,
    RECEIPT_SALT,
    cookie_name,
)
from kerne.participation.models import Invitation, Respondent
from kerne.priorities.models import (
    CompetenceRound,
    Initiative,
    PairwiseItem,
    PairwiseRound,
    RatingRound,
)
from kerne.priorities.services import (
    add_initiative,
    create_pairwise_round,
    create_rating_round,
)
from kerne.processes.models import Process, Question, Round, StakeholderGroup
from kerne.statements.models import Statement
from kerne.testing import make_user
from kerne.themes.models import QuestionAnalysis
from tests.test_tenancy import PUBLIC, WorldTestCase, walk

# Sessions change on log-in and when a page consumes its messages: that is the
# visitor's own cookie state, not the product's data.
IGNORED = {Session}


def fingerprint() -> dict[str, tuple[int, str]]:
    """Every table's row count and a hash of all its rows, in primary-key order."""
    found = {}
    for model in apps.get_models():
        if model in IGNORED:
            continue
        rows = model._default_manager.order_by("pk").values_list()
        digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
        found[model._meta.label] = (len(rows), digest)
    return found


def changed(before: dict[str, tuple[int, str]]) -> list[str]:
    after = fingerprint()
    return sorted(label for label in before if before[label] != after[label])


class ReadsNeverWriteTests(WorldTestCase):
    def public_paths(self) -> list[str]:
        """The participant and public pages, filled with this organisation's real tokens."""
        values = {
            "<str:token>": self.invitation.token,
        }
        paths = []
        for route in PUBLIC:
            if route.startswith("k/"):
                route = route.replace("<str:token>", self.coretask.page.token)
            for key, value in values.items():
                route = route.replace(key, value)
            if "<" not in route:
                paths.append(route)
        return paths

    def private_paths(self) -> list[str]:
        paths = []
        for route, _pattern in walk(get_resolver()):
            if route in PUBLIC:
                continue
            path = self.fill(route)
            assert path is not None
            paths.append(path)
        return paths

    def assert_gets_write_nothing(
        self, paths: list[str], headers: dict[str, str] | None = None
    ) -> None:
        """No GET sends a statement that writes, and afterwards every table is as before."""
        before = fingerprint()
        for path in paths:
            self.client.get("/" + path)
            assert not changed(before), f"GET /{path} changed {changed(before)}"

    def test_a_facilitator_reading_every_page_changes_nothing(self):
        self.client.force_login(self.alice)
        self.assert_gets_write_nothing(self.private_paths() + self.public_paths())

    def test_an_administrator_reading_every_page_changes_nothing(self):
        self.client.force_login(self.bob)
        self.assert_gets_write_nothing(self.private_paths() + self.public_paths())

    def test_an_outsider_and_an_anonymous_visitor_change_nothing(self):
        self.client.force_login(self.charlie)
        self.assert_gets_write_nothing(self.private_paths())
        self.client.logout()
        self.assert_gets_write_nothing(self.private_paths() + self.public_paths())

    def test_the_walk_reaches_the_participant_pages(self):
        paths = self.public_paths()
        assert f"s/{self.invitation.token}/udsagn/" in paths
        assert any(re.match(r"k/[^<]+/$", p) for p in paths)


# --- The demo ----------------------------------------------------------------------

WRITE = re.compile(
    r"^\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|TRUNCATE)\b", re.IGNORECASE
)


def writes(sql: str) -> bool:
    """A statement that changes a product table (the visitor's session row is not one)."""
    return bool(WRITE.match(sql)) and "django_session" not in sql


def demo(queryset: QuerySet[Model], organisation: str) -> QuerySet[Model]:
    """The rows of the demo's organisations; `organisation` is the path to one."""
    lookup = f"{organisation}__slug__in" if organisation else "slug__in"
    return queryset.filter(**{lookup: DEMO_SLUGS}).order_by("pk")


# Every parameter of a private route, and the demo objects that go into it.
DEMO_OBJECTS: dict[str, tuple[QuerySet[Model], str]] = {
    r"^o/<slug:slug>/": (demo(Organisation.objects.all(), ""), "slug"),
    r"^forloeb/ny/<int:unit_id>/": (demo(Unit.objects.all(), "organisation"), "pk"),
    r"^enheder/<int:pk>/": (demo(Unit.objects.all(), "organisation"), "pk"),
    r"^medlemmer/<int:pk>/": (demo(Membership.objects.all(), "organisation"), "pk"),
    r"^forloeb/<int:pk>/": (demo(Process.objects.all(), "unit__organisation"), "pk"),
    r"^runder/<int:pk>/": (
        demo(Round.objects.all(), "process__unit__organisation"),
        "pk",
    ),
    r"^grupper/<int:pk>/": (
        demo(StakeholderGroup.objects.all(), "process__unit__organisation"),
        "pk",
    ),
    r"^spoergsmaal/<int:pk>/": (
        demo(Question.objects.all(), "round__process__unit__organisation"),
        "pk",
    ),
    r"^invitationer/<int:pk>/": (
        demo(Invitation.objects.all(), "round__process__unit__organisation"),
        "pk",
    ),
    r"^temaer/runder/<int:pk>/": (
        demo(Round.objects.all(), "process__unit__organisation"),
        "pk",
    ),
    r"^temaer/spoergsmaal/<int:pk>/": (
        demo(Question.objects.all(), "round__process__unit__organisation"),
        "pk",
    ),
    r"^udsagn/<int:pk>/": (
        demo(Statement.objects.all(), "process__unit__organisation"),
        "pk",
    ),
    r"^kerneopgave/versioner/<int:pk>/": (
        demo(Version.objects.all(), "process__unit__organisation"),
        "pk",
    ),
    r"^kvalificering/<int:pk>/": (
        demo(QualificationRound.objects.all(), "round__process__unit__organisation"),
        "pk",
    ),
    r"^ikke-kerneopgave/<int:pk>/": (
        demo(NotCoreTask.objects.all(), "unit__organisation"),
        "pk",
    ),
    r"^prioritering/forloeb/<int:pk>/": (
        demo(Process.objects.all(), "unit__organisation"),
        "pk",
    ),
    r"^prioritering/initiativer/<int:pk>/": (
        demo(Initiative.objects.all(), "process__unit__organisation"),
        "pk",
    ),
    r"^prioritering/vurderinger/<int:pk>/": (
        demo(RatingRound.objects.all(), "round__process__unit__organisation"),
        "pk",
    ),
    r"^prioritering/parvis/forslag/<int:pk>/": (
        demo(
            PairwiseItem.objects.all(),
            "pairwise_round__round__process__unit__organisation",
        ),
        "pk",
    ),
    r"^prioritering/parvis/<int:pk>/": (
        demo(PairwiseRound.objects.all(), "round__process__unit__organisation"),
        "pk",
    ),
    r"^prioritering/kompetencer/<int:pk>/": (
        demo(CompetenceRound.objects.all(), "round__process__unit__organisation"),
        "pk",
    ),
}


def demo_private_paths() -> Iterator[str]:
    """Every private route, once for every demo object its parameter can name."""
    for route, _pattern in walk(get_resolver()):
        if route in PUBLIC:
            continue
        matches = [key for key in DEMO_OBJECTS if re.match(key, route)]
        assert matches, f"Tell DEMO_OBJECTS which demo objects belong in {route!r}."
        queryset, field = DEMO_OBJECTS[matches[0]]
        values = list(queryset.values_list(field, flat=True))
        assert values, f"The demo has nothing to put into {route!r}."
        for value in values:
            yield re.sub(r"<[^>]+>", str(value), route, count=1)


def demo_public_paths() -> Iterator[str]:
    """Every participant and public route, once for every demo link or page token."""
    tokens = {
        "s/": list(
            demo(
                Invitation.objects.all(), "round__process__unit__organisation"
            ).values_list("token", flat=True)
        ),
        "k/": list(
            demo(PublicPage.objects.all(), "unit__organisation").values_list(
                "token", flat=True
            )
        ),
    }
    for route in PUBLIC:
        if "<" not in route:
            yield route
            continue
        for token in tokens[route[:2]]:
            yield route.replace("<str:token>", token)


def _path(name: str, *args: object, **query: object) -> str:
    """A URL by its name, without the leading slash, with its query."""
    return reverse(name, args=args)[1:] + ("?" + urlencode(query) if query else "")


def demo_query_paths() -> Iterator[str]:
    """The pages that read their query: every theme, compared versions, filtered
    answers, the sorted overview. The walk alone opens them without one."""
    analysed = QuestionAnalysis.objects.filter(
        question__round__process__unit__organisation__slug__in=DEMO_SLUGS
    ).order_by("pk")
    for qa in analysed:
        for theme in qa.themes:
            yield _path("themes:theme", qa.question_id, tema=theme["id"])
    for process in demo(Process.objects.all(), "unit__organisation"):
        numbers = list(
            Version.objects.filter(process=process)
            .order_by("number")
            .values_list("number", flat=True)
        )
        if len(numbers) >= 2:
            yield _path(
                "coretasks:versions", process.pk, old=numbers[0], new=numbers[-1]
            )
    for round_ in demo(Round.objects.all(), "process__unit__organisation"):
        for key in round_.process.groups.values_list("key", flat=True):
            yield _path("participation:answers", round_.pk, gruppe=key)
        for question in round_.questions.all():
            yield _path("participation:answers", round_.pk, spoergsmaal=question.pk)
        yield _path("participation:answers", round_.pk, dimension="vaerdi", q="tid")
        yield _path("participation:answers", round_.pk, side=2)
    for slug in DEMO_SLUGS:
        for sort in SORT_KEYS:
            yield _path("coretasks:overview", slug, sort=sort, descending="on")


class DemoReadsNeverWriteTests(TestCase):
    """The demo, walked as every role: not one statement that writes, not one row changed."""

    @classmethod
    def setUpTestData(cls) -> None:
        load_demo()
        solbjerg = Organisation.objects.get(slug="solbjerg")
        cls.facilitator = User.objects.get(username="fasilitator")
        cls.outsider = User.objects.get(username="udefra")  # Havnestad's facilitator
        cls.administrator = make_user("demo-administrator")
        add_member(solbjerg, cls.administrator, role=Membership.Role.ADMINISTRATOR)
        # The demo has no prioritisation yet; one of each, so its pages are walked too.
        process = Process.objects.get(title="Kerneopgaven i Hjemmeplejen Nord")
        add_initiative(process, by=cls.facilitator, title="Faste hjælpere")
        create_rating_round(process, by=cls.facilitator)
        add_initiative(process, by=cls.facilitator, title="Tid til en snak")
        create_pairwise_round(process, by=cls.facilitator)

    def setUp(self) -> None:
        self.snapshot = fingerprint()

    def assert_gets_write_nothing(
        self, paths: list[str], headers: dict[str, str] | None = None
    ) -> None:
        """No GET sends a statement that writes, and afterwards every table is as before."""
        before = fingerprint()
        written = []
        for path in paths:
            with CaptureQueriesContext(connection) as queries:
                self.client.get("/" + path, headers=headers)
            written += [
                f"GET /{path}: {q['sql'][:120]}" for q in queries if writes(q["sql"])
            ]
        assert not written, "\n".join(written)
        assert not changed(before)

    def test_the_walk_covers_every_route_and_every_demo_link(self):
        private = list(demo_private_paths())
        public = list(demo_public_paths())
        organisations = sum(1 for p in private if p.startswith("o/"))
        assert organisations == 2 * sum(
            1 for r, _ in walk(get_resolver()) if r.startswith("o/")
        )
        invitations = demo(
            Invitation.objects.all(), "round__process__unit__organisation"
        )
        assert invitations.count() > 10
        for invitation in invitations:
            assert f"s/{invitation.token}/udsagn/mine/" in public
        assert len(private) > 500
        queries = list(demo_query_paths())
        themes = sum(1 for p in queries if "/tema/?tema=" in p)
        assert themes == sum(
            len(qa.themes)
            for qa in QuestionAnalysis.objects.filter(
                question__round__process__unit__organisation__slug__in=DEMO_SLUGS
            )
        )
        assert themes > 20
        compare = next(p for p in queries if "/versioner/?old=" in p)
        # The queries reach the pages behind them, not a redirect or an error.
        self.client.force_login(self.facilitator)
        theme = next(p for p in queries if "/tema/?tema=" in p)
        assert self.client.get("/" + theme).status_code == 200
        assert self.client.get("/" + compare).context["comparison"] is not None

    def test_the_check_fails_when_a_get_writes(self):
        def touch(**kwargs: object) -> None:
            Organisation.objects.filter(slug="havnestad").update(name="Et nyt navn")

        request_started.connect(touch)
        try:
            with self.assertRaisesRegex(AssertionError, r"GET /: UPDATE"):
                self.assert_gets_write_nothing([""])
        finally:
            request_started.disconnect(touch)
        assert changed(self.snapshot) == ["organisations.Organisation"]

    def test_an_administrator_reading_every_page_changes_nothing(self):
        self.client.force_login(self.administrator)
        self.assert_gets_write_nothing(
            [*demo_private_paths(), *demo_query_paths(), *demo_public_paths()]
        )

    def test_a_facilitator_reading_every_page_changes_nothing(self):
        self.client.force_login(self.facilitator)
        self.assert_gets_write_nothing(
            [*demo_private_paths(), *demo_query_paths(), *demo_public_paths()]
        )

    def test_a_facilitator_reading_every_partial_changes_nothing(self):
        """The same URLs as htmx asks for them: the views that branch on HX-Request."""
        self.client.force_login(self.facilitator)
        self.assert_gets_write_nothing(
            [*demo_private_paths(), *demo_public_paths()],
            headers={"HX-Request": "true"},
        )

    def test_a_member_of_another_organisation_changes_nothing(self):
        self.client.force_login(self.outsider)
        self.assert_gets_write_nothing(
            [*demo_private_paths(), *demo_query_paths(), *demo_public_paths()]
        )

    def test_an_anonymous_visitor_changes_nothing(self):
        self.assert_gets_write_nothing([*demo_private_paths(), *demo_public_paths()])

    def test_a_participant_on_their_own_links_changes_nothing(self):
        """A device that has answered on every link, and a receipt looked up."""
        respondents = demo(
            Respondent.objects.filter(invitation__isnull=False, submitted=True),
            "round__process__unit__organisation",
        )
        seen = set()
        for respondent in respondents.select_related("invitation"):
            if respondent.invitation_id in seen:
                continue
            seen.add(respondent.invitation_id)
            name = cookie_name(respondent.invitation)
            signed = get_cookie_signer(salt=name + COOKIE_SALT).sign(
                respondent.receipt_code
            )
            self.client.cookies[name] = signed
        assert len(seen) > 10
        receipt = get_cookie_signer(salt=RECEIPT_COOKIE + RECEIPT_SALT)
        self.client.cookies[RECEIPT_COOKIE] = receipt.sign(
            respondents.first().receipt_code
        )
        # The device and the receipt are recognised: the pages behind them open.
        token = respondents.first().invitation.token
        assert self.client.get(f"/s/{token}/tak/").status_code == 200
        assert self.client.get("/kvittering/svar/").status_code == 200
        self.assert_gets_write_nothing(list(demo_public_paths()))
