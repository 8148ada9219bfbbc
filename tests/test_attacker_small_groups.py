"""An attacker's walk over every page a facilitator, an administrator or the public can open.

The process has four groups that answered: medarbejder 6, borger 1, leder 1 and
pårørende 2. Each small-group respondent writes a word no one else writes (the
lone citizen writes ZEBRA…), in the exploring round, the rating round (reasons),
the qualification round (suggestions) and as a statement's voter.

With the threshold at 5 the small groups together (4) are below it, so nothing
of theirs may appear anywhere: not a word, not a count, not a total that
contains them. With the threshold at 3 they form the pool (4), which may be
shown only under its neutral label.

Then the attacks that need two looks: the threshold changed between them, the
statement list's and the map's vote counts before and after the citizen votes,
a group moved to the other side of the map, options removed one at a time,
delete buttons and warnings that tell nobody from one, and a closed round
reopened or withdrawn from. Each class says what an attacker learned before
the fix.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import openpyxl
from django.http import HttpResponse
from django.test import TestCase
from django.urls import get_resolver, reverse

from kerne.coretasks.models import PublicPage
from kerne.coretasks.testing import make_adoption, make_qualification, make_version
from kerne.coretasks.testing import rate as rate_qualification
from kerne.coretasks.tests.pdftext import extract_text
from kerne.organisations.models import Membership
from kerne.organisations.services import add_member
from kerne.participation.models import Answer, Respondent
from kerne.participation.services import (
    AnswerValue,
    delete_respondent,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.priorities.models import RatingQuestion, RatingRound
from kerne.priorities.services import add_initiative, create_rating_round
from kerne.processes.models import Process, Question, Round, StakeholderGroup
from kerne.processes.services import (
    add_question,
    close_round,
    open_round,
    rename_group,
)
from kerne.statements.mapping import compute_opinion_map
from kerne.statements.models import OpinionMap
from kerne.statements.services import add_statement, cast_vote
from kerne.testing import (
    invitation,
    make_organisation,
    make_process,
    make_unit,
    make_user,
)
from kerne.themes.models import QuestionAnalysis
from kerne.themes.tasks import run_round_analysis
from tests.test_tenancy import walk

SIZES = {"medarbejder": 6, "borger": 1, "leder": 1, "paaroerende": 2}
SMALL = ("borger", "leder", "paaroerende")
# The words only small-group respondents write, upper case so they stand out.
SMALL_WORD = re.compile(r"ZEBRA[A-Z0-9]*|ZULU[A-Z0-9]*")
CHOICES = ["Ja", "Nej", "Måske"]
BANK = (
    "Tryghed og faste hjælpere hver dag",
    "At nogen kommer og spørger hvordan det går",
    "Hjælp til at klare sig selv i eget hjem",
    "Samarbejdet med de pårørende om hverdagen",
    "Vi støtter borgeren i at gøre det selv",
    "Medicinen bliver givet til tiden",
)
GROUP_NAMES = {
    "medarbejder": "Medarbejder",
    "borger": "Borger",
    "leder": "Leder",
    "paaroerende": "Pårørende",
    "samarbejdspartner": "Samarbejdspartner",
}


def word(key: str, person: int, where: str) -> str:
    """A respondent's own word: ZEBRA for the lone citizen, ZULU for the other small groups."""
    if key == "borger":
        return f"ZEBRA{where}"
    if key in SMALL:
        return f"ZULU{key.upper()}{person}{where}"
    return f"medord{person}{where.lower()}"


def as_text(response: HttpResponse) -> str:
    """The response's words: HTML and CSV as they are, a workbook's cells, a PDF's text."""
    kind = response["Content-Type"]
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
        return "\n".join(
            " ".join(str(c) for c in row if c is not None)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    if kind.startswith("application/pdf"):
        return extract_text(response.content)
    if kind.startswith("image/"):
        return ""
    return response.content.decode("utf-8-sig")


class SmallGroupsWorld(TestCase):
    """One process with every kind of page filled; subclasses set the threshold."""

    threshold = 5

    @classmethod
    def setUpTestData(cls) -> None:
        cls.alice = make_user("alice")
        cls.bob = make_user("bob")
        organisation = make_organisation()
        add_member(organisation, cls.alice, role=Membership.Role.FACILITATOR)
        add_member(organisation, cls.bob, role=Membership.Role.ADMINISTRATOR)
        cls.organisation = organisation
        cls.unit = make_unit(organisation)
        cls.process = make_process(cls.unit, by=cls.alice)
        Process.objects.filter(pk=cls.process.pk).update(
            anonymity_threshold=cls.threshold
        )
        cls.process.refresh_from_db()
        cls.round = cls.process.rounds.get()
        cls.scale = add_question(
            cls.round, prompt="Hvor tryg er du?", kind=Question.Kind.SCALE
        )
        cls.choice = add_question(
            cls.round,
            prompt="Vil du anbefale os?",
            kind=Question.Kind.CHOICE,
            choices=CHOICES,
        )
        open_round(cls.round)
        cls.statements = [
            add_statement(cls.process, text=f"Udsagn nummer {i}.", by=cls.alice)
            for i in range(8)
        ]
        cls._answer_round()
        cls._rate()
        cls._vote()
        close_round(cls.round)
        run_round_analysis.call(cls.round.pk)
        compute_opinion_map(cls.process.pk)
        cls._qualify()

    @classmethod
    def _answer_round(cls) -> None:
        questions = list(cls.round.questions.order_by("order"))
        for key, size in SIZES.items():
            inv = invitation(cls.round, key)
            for person in range(size):
                values = {}
                for i, q in enumerate(questions):
                    if q.kind == Question.Kind.TEXT:
                        text = f"{BANK[(person + i) % len(BANK)]} {word(key, person, f'Q{i}')}"
                        values[q] = AnswerValue(text=text)
                    elif q.kind == Question.Kind.SCALE:
                        values[q] = AnswerValue(number=1 if key == "borger" else 4)
                    else:
                        values[q] = AnswerValue(
                            choice="Måske" if key == "borger" else "Ja"
                        )
                respondent = start_respondent(inv)
                save_answers(respondent, values)
                submit_respondent(respondent)

    @classmethod
    def _rate(cls) -> None:
        add_initiative(cls.process, by=cls.alice, title="Madservice")
        add_initiative(cls.process, by=cls.alice, title="Tøjvask")
        cls.rating = create_rating_round(cls.process, by=cls.alice)
        open_round(cls.rating.round)
        links = list(cls.rating.questions.select_related("question"))
        for key, size in SIZES.items():
            inv = invitation(cls.rating.round, key)
            for person in range(size):
                values = {}
                for link in links:
                    q = link.question
                    if link.measure == RatingQuestion.Measure.RATING:
                        # The lone citizen alone says "not core task".
                        index = 3 if key == "borger" else (0 if person % 2 else 1)
                        values[q] = AnswerValue(choice=q.choices[index])
                    else:
                        values[q] = AnswerValue(
                            text=f"Fordi det giver mening {word(key, person, 'GRUND')}"
                        )
                respondent = start_respondent(inv)
                save_answers(respondent, values)
                submit_respondent(respondent)
        close_round(cls.rating.round)

    @classmethod
    def _vote(cls) -> None:
        """Every respondent of the exploring round votes on every statement; the citizen disagrees."""
        for key, size in SIZES.items():
            inv = invitation(cls.round, key)
            for person in range(size):
                respondent = start_respondent(inv)
                for j, statement in enumerate(cls.statements):
                    value = -1 if key == "borger" else (1 if (person + j) % 3 else 0)
                    cast_vote(respondent, statement, value)

    @classmethod
    def _qualify(cls) -> None:
        cls.version = make_version(cls.process, by=cls.alice)
        cls.qualification = make_qualification(cls.version)
        for key, size in SIZES.items():
            for person in range(size):
                rate_qualification(
                    cls.qualification,
                    key,
                    1,
                    recognise=1 if key == "borger" else 4,
                    suggestion=f"Skriv mere om hverdagen {word(key, person, 'FORSLAG')}",
                )
        close_round(cls.qualification.round)
        make_adoption(cls.version, by=cls.alice)
        cls.page = PublicPage.objects.get(unit=cls.unit)

    # ------------------------------------------------------------------ the walk

    def fill(self, route: str) -> str | None:
        rating: RatingRound = self.rating
        values = {
            r"^o/<slug:slug>/": self.organisation.slug,
            r"^enheder/<int:pk>/": self.unit.pk,
            r"^forloeb/<int:pk>/": self.process.pk,
            r"^runder/<int:pk>/": self.round.pk,
            r"^temaer/runder/<int:pk>/": self.round.pk,
            r"^kerneopgave/versioner/<int:pk>/": self.version.pk,
            r"^kvalificering/<int:pk>/": self.qualification.pk,
            r"^prioritering/forloeb/<int:pk>/": self.process.pk,
            r"^prioritering/vurderinger/<int:pk>/": rating.pk,
            r"^k/<str:token>/": self.page.token,
        }
        for pattern, value in values.items():
            if re.match(pattern, route):
                return re.sub(r"<[^>]+>", str(value), route, count=1)
        return None

    def paths(self) -> Iterator[str]:
        """Every GET page of the process, plus the rating round's and each question's pages."""
        for route, _pattern in walk(get_resolver()):
            path = self.fill(route)
            if path is not None and "<" not in path:
                yield "/" + path
        for round_ in (self.round, self.rating.round, self.qualification.round):
            yield reverse("participation:round", args=[round_.pk])
            yield reverse("participation:round_status", args=[round_.pk])
            yield reverse("participation:answers", args=[round_.pk])
            yield reverse("participation:answers_csv", args=[round_.pk])
            yield reverse("themes:round", args=[round_.pk])
            for q in round_.questions.all():
                yield reverse("themes:question", args=[q.pk])
                qa = QuestionAnalysis.objects.filter(question=q).first()
                for theme in qa.themes if qa else []:
                    yield reverse("themes:theme", args=[q.pk]) + f"?tema={theme['id']}"
        answers = reverse("participation:answers", args=[self.round.pk])
        groups = ["__pool__"] + [str(g.pk) for g in self.process.groups.all()]
        for q in [""] + [str(q.pk) for q in self.round.questions.all()]:
            for g in [""] + groups:
                for search in ("", "zebra", "zulu", "e"):
                    yield f"{answers}?gruppe={g}&spoergsmaal={q}&q={search}"

    def get_all(self) -> dict[str, str]:
        pages = {}
        for user in (self.alice, self.bob):
            self.client.force_login(user)
            for path in self.paths():
                response = self.client.get(path)
                if response.status_code != 200:
                    continue
                pages[f"{user.username} {path}"] = as_text(response)
        self.client.logout()
        for path in self.paths():
            if path.startswith("/k/"):
                response = self.client.get(path)
                if response.status_code == 200:
                    pages["public " + path] = as_text(response)
        return pages


class BelowThresholdTests(SmallGroupsWorld):
    """Threshold 5: the small groups (4 together) must leave no trace at all."""

    threshold = 5

    def test_the_walk_reaches_every_kind_of_page(self):
        pages = self.get_all()
        names = " ".join(pages)
        for needle in (
            "/svar.csv",
            "/status/",
            "/temaer/spoergsmaal/",
            "/prioritering/vurderinger/",
            "/kvalificering/",
            "/meningskort/",
            "/udsagn/",
            "public /k/",
            "kerneopgaver.csv",
        ):
            assert needle in names, needle
        # A medarbejder's own word is on the answers page: the walk reads real answers.
        assert any("medord0q0" in body for body in pages.values())

    def test_no_word_of_a_small_group_appears_anywhere(self):
        for path, body in self.get_all().items():
            found = SMALL_WORD.findall(body)
            assert not found, (path, sorted(set(found))[:5])


class ThresholdChangeTests(TestCase):
    """The facilitator changes the threshold between two looks at the same closed round.

    Medarbejder 6, leder 5 and pårørende 5 are shown at k=5; the lone citizen is
    hidden. At k=6 leder, pårørende and the citizen are pooled (11): the pool
    minus leder and pårørende as they were shown at k=5 is the citizen's answer.
    """

    def setUp(self) -> None:
        self.alice = make_user("alice")
        organisation = make_organisation()
        add_member(organisation, self.alice, role=Membership.Role.FACILITATOR)
        self.process = make_process(make_unit(organisation), by=self.alice)
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=5)
        self.process.refresh_from_db()
        self.round = self.process.rounds.get()
        self.choice = add_question(
            self.round,
            prompt="Vil du anbefale os?",
            kind=Question.Kind.CHOICE,
            choices=CHOICES,
        )
        open_round(self.round)
        for key, size in {
            "medarbejder": 6,
            "leder": 5,
            "paaroerende": 5,
            "borger": 1,
        }.items():
            for _ in range(size):
                respondent = start_respondent(invitation(self.round, key))
                chosen = "Måske" if key == "borger" else "Ja"
                save_answers(respondent, {self.choice: AnswerValue(choice=chosen)})
                submit_respondent(respondent)
        close_round(self.round)
        self.client.force_login(self.alice)

    def distributions(self) -> dict[str, dict[str, int]]:
        r = self.client.get(reverse("participation:answers", args=[self.round.pk]))
        ((question, rows),) = r.context["summaries"]
        return {unit.label: dict(summary) for unit, summary in rows if summary}

    def test_the_threshold_cannot_change_once_people_have_answered(self):
        before = self.distributions()
        assert set(before) == {"Medarbejder", "Leder", "Pårørende"}
        r = self.client.post(
            reverse("processes:settings", args=[self.process.pk]),
            {"title": self.process.title, "purpose": "", "anonymity_threshold": 6},
        )
        assert r.status_code == 200
        assert "Anonymitetsgrænsen kan ikke ændres" in r.content.decode()
        self.process.refresh_from_db()
        assert self.process.anonymity_threshold == 5
        after = self.distributions()
        # What the attack would have given: the pool minus the groups shown before.
        pool = after.get("Øvrige grupper samlet", {})
        isolated = {
            c: pool.get(c, 0) - before["Leder"][c] - before["Pårørende"][c]
            for c in CHOICES
        }
        assert pool == {} and after == before, isolated

    def test_the_threshold_may_change_before_anyone_answers(self):
        process = make_process(self.process.unit, by=self.alice, title="Et nyt forløb")
        r = self.client.post(
            reverse("processes:settings", args=[process.pk]),
            {"title": process.title, "purpose": "", "anonymity_threshold": 6},
        )
        assert r.status_code == 302
        process.refresh_from_db()
        assert process.anonymity_threshold == 6


def strip_tags(body: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


class VoteCountTests(TestCase):
    """Statements' vote counts, read before and after the lone citizen votes (k=5)."""

    def setUp(self) -> None:
        self.alice = make_user("alice")
        organisation = make_organisation()
        add_member(organisation, self.alice, role=Membership.Role.FACILITATOR)
        self.process = make_process(make_unit(organisation), by=self.alice)
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=5)
        self.process.refresh_from_db()
        self.round = self.process.rounds.get()
        open_round(self.round)
        self.shared = add_statement(self.process, text="Alle stemmer her.", by=None)
        self.lonely = add_statement(self.process, text="Kun borgeren her.", by=None)
        self.citizen = start_respondent(invitation(self.round, "borger"))
        self.client.force_login(self.alice)

    def pages(self) -> str:
        compute_opinion_map(self.process.pk)
        return " ".join(
            strip_tags(
                self.client.get(reverse(name, args=[self.process.pk])).content.decode()
            )
            for name in ("statements:list", "statements:map")
        )

    def test_a_vote_count_below_the_threshold_is_not_shown(self):
        cast_vote(self.citizen, self.lonely, -1)
        body = self.pages()
        # The map: one voter so far, and it must not say so.
        assert "Kortet vises, når mindst 5 personer har stemt." in body
        assert "Indtil nu har 1" not in body
        assert "Kun borgeren her. Skrevet af fasilitatoren 1 " not in body
        assert "Kun borgeren her. Skrevet af fasilitatoren færre end 5 " in body

    def test_the_counts_do_not_move_when_the_citizen_votes(self):
        for _ in range(6):
            voter = start_respondent(invitation(self.round, "medarbejder"))
            cast_vote(voter, self.shared, 1)
        counts = re.compile(
            r"Alle stemmer her\. Skrevet af fasilitatoren \S+ |\S+ deltagere har afgivet \S+ stemmer"
        )
        before = counts.findall(self.pages())
        cast_vote(self.citizen, self.shared, -1)
        after = counts.findall(self.pages())
        assert before == [
            "Alle stemmer her. Skrevet af fasilitatoren 5 ",
            "5 deltagere har afgivet 5 stemmer",
        ]
        assert after == before


class MapSidesTests(TestCase):
    """Inside vs outside on the opinion map (k=3): medarbejder 6 and the lone leader inside.

    Counted by side, the leader joined medarbejder's figures; moving the leader's
    group to the other side and looking again gave the leader's votes back as
    the difference of the two inside figures.
    """

    def setUp(self) -> None:
        organisation = make_organisation()
        self.process = make_process(make_unit(organisation))
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=3)
        self.process.refresh_from_db()
        self.round = self.process.rounds.get()
        open_round(self.round)
        self.statements = [
            add_statement(self.process, text=f"Udsagn {i}.", by=None) for i in range(8)
        ]
        sizes = {"medarbejder": 6, "leder": 1, "borger": 6, "paaroerende": 2}
        for key, size in sizes.items():
            for person in range(size):
                respondent = start_respondent(invitation(self.round, key))
                for j, statement in enumerate(self.statements):
                    value = -1 if key == "leder" else (1 if (person + j) % 3 else 0)
                    cast_vote(respondent, statement, value)

    def sides(self) -> dict[str, object]:
        compute_opinion_map(self.process.pk)
        found = OpinionMap.objects.get(process=self.process)
        return found.data["sides"]

    def test_a_side_counts_only_groups_that_reach_the_threshold(self):
        before = self.sides()
        assert before["shown"] is True
        # Medarbejder 6 inside; borger 6 outside; leder 1 and pårørende 2 left out.
        assert (before["inside_voters"], before["outside_voters"]) == (6, 6)
        leader = self.process.groups.get(key="leder")
        rename_group(leader, name=leader.name, side=StakeholderGroup.Side.OUTSIDE)
        after = self.sides()
        assert (after["inside_voters"], after["outside_voters"]) == (6, 6)
        assert after["statements"] == before["statements"]


POOL_LABEL = "Øvrige grupper samlet"
WHO = re.compile(r"(ZEBRA|ZULULEDER0|ZULUPAAROERENDE[01]|medord\d)Q\d")


class PooledTests(SmallGroupsWorld):
    """Threshold 3: borger, leder and pårørende (4) are pooled; only the pool may show them."""

    threshold = 3

    def test_small_groups_appear_only_in_the_pool_and_totals_are_sums_of_what_is_shown(
        self,
    ):
        self.client.force_login(self.alice)
        page = self.client.get(reverse("priorities:rating", args=[self.rating.pk]))
        results = page.context["page"].results
        assert len(results) == 2
        for result in results:
            labels = [u.label for u in result.units]
            assert labels == ["Medarbejder", POOL_LABEL]
            assert [u.answered for u in result.units] == [6, 4]
            assert result.all_shown.answered == 10
            for i, (label, n) in enumerate(result.all_shown.distribution):
                assert n == sum(u.distribution[i][1] for u in result.units), label
            # The pool: 1 up, 2 keep (leder and one relative), the citizen's "not core".
            assert result.units[1].distribution == [
                ("Prioritér op", 1),
                ("Behold", 2),
                ("Prioritér ned", 0),
                ("Ikke kerneopgave", 1),
            ]
        body = strip_tags(page.content.decode())
        for name in ("Borger", "Leder", "Pårørende"):
            assert name not in body

    def test_the_pools_rows_are_in_neither_group_nor_the_same_order_in_every_question(
        self,
    ):
        self.client.force_login(self.alice)
        response = self.client.get(
            reverse("participation:answers_csv", args=[self.round.pk])
        )
        rows = list(
            csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
        )[1:]
        orders: dict[str, list[str]] = {}
        for label, prompt, _dimension, answer in rows:
            found = WHO.search(answer)
            if found is None:
                continue
            who = found.group(1)
            if who.startswith(("ZEBRA", "ZULU")):
                assert label == POOL_LABEL, answer
                orders.setdefault(prompt, []).append(who)
            else:
                assert label == "Medarbejder", answer
        assert len(orders) == 4
        assert all(len(order) == 4 for order in orders.values())
        assert len({tuple(order) for order in orders.values()}) > 1
        by_group = sorted(orders[next(iter(orders))], key=lambda w: (w[4:], w))
        assert any(order != by_group for order in orders.values())

    def test_the_theme_pages_name_no_answer_by_its_id(self):
        """An answer's id is its respondent's place in time, and ids run on across questions.

        The pooled citizen's answers were 37 and 38 on the theme pages of two
        questions: one person's answers linked, and the ids in the order the
        groups answered.
        """
        self.client.force_login(self.alice)
        ids = {str(pk) for pk in Answer.objects.values_list("pk", flat=True)}
        values: dict[str, set[str]] = {}
        for q in self.round.questions.filter(kind=Question.Kind.TEXT):
            qa = QuestionAnalysis.objects.get(question=q)
            for theme in qa.themes:
                url = reverse("themes:theme", args=[q.pk]) + f"?tema={theme['id']}"
                body = self.client.get(url).content.decode()
                found = re.findall(r'name="answers" value="([^"]*)"', body)
                values.setdefault(str(q.pk), set()).update(found)
        assert sum(len(v) for v in values.values()) >= 20
        for found in values.values():
            assert not found & ids, sorted(found & ids)[:5]


class ChoiceProbeTests(SmallGroupsWorld):
    """The facilitator edits the choice question's options to find out what was chosen.

    Only the lone citizen chose "Måske"; nobody chose "Nej". Refusing to remove
    "Måske" and allowing "Nej" to go, or naming the options that have answers,
    told the facilitator the citizen's answer.
    """

    threshold = 5

    def edit(self, choices: list[str]) -> str:
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:question_edit", args=[self.choice.pk]),
            {
                "prompt": self.choice.prompt,
                "help_text": "",
                "dimension": "",
                "choices": "\n".join(choices),
                "scale_low_label": "",
                "scale_high_label": "",
            },
        )
        return strip_tags(r.content.decode()) if r.status_code == 200 else ""

    def test_removing_an_option_says_nothing_about_which_were_chosen(self):
        without_maybe = self.edit(["Ja", "Nej"])
        without_no = self.edit(["Ja", "Måske"])
        self.choice.refresh_from_db()
        assert self.choice.choices == CHOICES
        assert "Måske" not in without_maybe.replace("Nej", "")
        assert without_maybe.replace("Måske", "X").replace(
            "Nej", "X"
        ) == without_no.replace("Måske", "X").replace("Nej", "X")


class InUseProbeTests(TestCase):
    """Guards that refuse a change because of answers, probed to tell 0 from 1 (k=5).

    The live counter says "fewer than 5" both for a group nobody answered in and
    for the lone citizen's; the delete buttons and the question form told them apart.
    """

    def setUp(self) -> None:
        self.alice = make_user("alice")
        organisation = make_organisation()
        add_member(organisation, self.alice, role=Membership.Role.FACILITATOR)
        self.process = make_process(make_unit(organisation), by=self.alice)
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=5)
        self.round = self.process.rounds.get()
        self.asked = add_question(
            self.round,
            prompt="Vil du anbefale os?",
            kind=Question.Kind.CHOICE,
            choices=CHOICES,
        )
        self.quiet = add_question(
            self.round, prompt="Hvor tryg er du?", kind=Question.Kind.SCALE
        )
        open_round(self.round)
        # The lone citizen has only started, with a draft answer to one question.
        citizen = start_respondent(invitation(self.round, "borger"))
        save_answers(citizen, {self.asked: AnswerValue(choice="Måske")})
        self.client.force_login(self.alice)

    def test_deleting_a_group_fails_alike_with_and_without_a_respondent(self):
        for key in ("borger", "samarbejdspartner"):
            group = self.process.groups.get(key=key)
            self.client.post(reverse("processes:group_delete", args=[group.pk]))
        assert set(self.process.groups.values_list("key", flat=True)) >= {
            "borger",
            "samarbejdspartner",
        }

    def test_the_question_form_is_the_same_with_and_without_an_answer(self):
        def page(question: Question) -> str:
            body = self.client.get(
                reverse("processes:question_edit", args=[question.pk])
            ).content.decode()
            body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
            body = body.replace(question.prompt, "PROMPT")
            return re.sub(r"/spoergsmaal/\d+/", "/spoergsmaal/N/", body)

        asked, quiet = page(self.asked), page(self.quiet)
        warning = "Runden er åbnet, så nogen kan have svaret på spørgsmålet."
        assert warning in asked
        assert warning in quiet
        for question in (self.asked, self.quiet):
            self.client.post(reverse("processes:question_delete", args=[question.pk]))
        assert set(self.round.questions.all()) >= {self.asked, self.quiet}


class ClosedRoundWorld(TestCase):
    """A closed round (k=3): medarbejder 6, leder 1 (who alone says "Nej"), borger 1, pårørende 2."""

    def setUp(self) -> None:
        self.alice = make_user("alice")
        organisation = make_organisation()
        add_member(organisation, self.alice, role=Membership.Role.FACILITATOR)
        self.process = make_process(make_unit(organisation), by=self.alice)
        Process.objects.filter(pk=self.process.pk).update(anonymity_threshold=3)
        self.round = self.process.rounds.get()
        self.choice = add_question(
            self.round,
            prompt="Vil du anbefale os?",
            kind=Question.Kind.CHOICE,
            choices=CHOICES,
        )
        open_round(self.round)
        first = {"medarbejder": 6, "leder": 1, "borger": 1, "paaroerende": 2}
        for key, size in first.items():
            # The first leader alone says "Nej".
            self.answer(key, size, "Nej" if key == "leder" else "Ja")
        close_round(self.round)
        self.client.force_login(self.alice)

    def answer(self, key: str, count: int, choice: str) -> None:
        for _ in range(count):
            respondent = start_respondent(invitation(self.round, key))
            save_answers(respondent, {self.choice: AnswerValue(choice=choice)})
            submit_respondent(respondent)

    def distributions(self) -> dict[str, dict[str, int]]:
        r = self.client.get(reverse("participation:answers", args=[self.round.pk]))
        ((_question, rows),) = r.context["summaries"]
        return {unit.label: dict(summary) for unit, summary in rows if summary}


class ReopenTests(ClosedRoundWorld):
    """The round is reopened, two more leaders answer, and it closes again.

    At the first close the pool was borger 1, leder 1 and pårørende 2. At the
    second, leder (3) is shown alone and the pool is borger and pårørende: the
    first pool minus the second is the first leader's answer.
    """

    def test_a_reopened_round_forms_no_new_pool(self):
        before = self.distributions()
        assert before[POOL_LABEL] == {"Ja": 3, "Nej": 1, "Måske": 0}
        open_round(self.round)
        self.answer("leder", 2, "Ja")
        close_round(self.round)
        after = self.distributions()
        assert after["Leder"] == {"Ja": 2, "Nej": 1, "Måske": 0}
        pool = after.get(POOL_LABEL, dict.fromkeys(CHOICES, 0))
        isolated = {c: before[POOL_LABEL][c] - pool[c] for c in CHOICES}
        # What the attack would have given: {"Ja": 0, "Nej": 1, …}, the first leader.
        assert POOL_LABEL not in after, isolated
        assert set(after) == {"Medarbejder", "Leder"}


class WithdrawAfterCloseTests(ClosedRoundWorld):
    """After the close, a leader withdraws with the receipt code (k=3).

    Leder 3 was shown alone and borger 1 with pårørende 2 were the pool. With
    leder at 2 the pool would take it in: the new pool minus the old one is the
    two leaders who stayed.
    """

    def setUp(self) -> None:
        super().setUp()
        open_round(self.round)
        self.answer("leder", 2, "Ja")
        close_round(self.round)
        # As if the two had answered before the only close: no reopening to revoke the pool.
        Round.objects.filter(pk=self.round.pk).update(pool_revoked_at=None)
        self.round.refresh_from_db()

    def test_a_withdrawal_after_the_close_forms_no_new_pool(self):
        before = self.distributions()
        assert before["Leder"] == {"Ja": 2, "Nej": 1, "Måske": 0}
        assert before[POOL_LABEL] == {"Ja": 3, "Nej": 0, "Måske": 0}
        leader = Respondent.objects.filter(
            round=self.round, group__key="leder", answers__choice="Ja"
        ).first()
        delete_respondent(leader)
        after = self.distributions()
        assert set(after) == {"Medarbejder"}, after
