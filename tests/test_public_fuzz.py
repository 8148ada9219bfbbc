"""Every public form, fed what a hostile or broken client sends: never a 500.

The participant's pages (start, answers, autosave, thanks), the receipt pages, the statement
voting and writing, and the public core-task page take generated fields: the real field names
and made-up ones, with text, control characters, huge numbers and empty values.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from kerne.participation.models import Respondent
from kerne.participation.services import ensure_invitations
from kerne.processes.models import Question
from kerne.processes.services import add_question, open_round, update_question
from kerne.statements.services import add_statement, update_statement_settings
from kerne.testing import make_organisation, make_process, make_unit

VALUES = st.one_of(
    st.text(max_size=50),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1",
            "6",
            "99999999999999999999",
            "1e30",
            "nan",
            "Dag",
            "\x00",
            "x" * 6000,
            "<script>alert(1)</script>",
            "=1+1",
            "‮",
        ]
    ),
)


def fields(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
    keys = st.one_of(st.sampled_from(names), st.text(max_size=10))
    return st.dictionaries(keys, VALUES, max_size=6)


FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class PublicFormsFuzzTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.process = make_process(make_unit(make_organisation()))
        cls.round = cls.process.rounds.get()
        questions = list(cls.round.questions.all())
        update_question(questions[0], required=True)
        add_question(cls.round, prompt="Hvor enig?", kind=Question.Kind.SCALE)
        add_question(
            cls.round,
            prompt="Hvor?",
            kind=Question.Kind.CHOICE,
            choices=["Dag", "Aften"],
        )
        open_round(cls.round)
        update_statement_settings(
            cls.process, moderation=True, participants_may_write=True
        )
        cls.statement = add_statement(
            cls.process, text="Faste hjælpere betyder mest.", by=None
        )
        cls.token = ensure_invitations(cls.round)[0].token
        cls.names = [f"q_{q.pk}" for q in cls.round.questions.all()]

    def url(self, name: str, token: str | None = None) -> str:
        return reverse(name, args=[token or self.token])

    def started(self) -> Client:
        client = Client()
        client.post(self.url("participation:start"))
        assert Respondent.objects.exists()
        return client

    def assert_no_500(self, response) -> None:
        assert response.status_code < 500, response.status_code

    @FUZZ
    @given(data=st.data())
    def test_answers_and_autosave(self, data) -> None:
        client = self.started()
        for name in ("participation:autosave", "participation:answer"):
            posted = data.draw(fields(self.names + ["action"]))
            self.assert_no_500(client.post(self.url(name), posted))
            self.assert_no_500(
                client.post(self.url(name), posted, HTTP_HX_REQUEST="true")
            )
        self.assert_no_500(client.get(self.url("participation:thanks")))

    @FUZZ
    @given(token=st.text(max_size=40), posted=fields(["code", "next"]))
    def test_links_and_receipts(self, token, posted) -> None:
        client = Client()
        token = token.replace("/", "") or "x"
        for name in ("participation:start", "coretasks:public", "statements:vote"):
            self.assert_no_500(client.get(self.url(name, token)))
            self.assert_no_500(client.post(self.url(name, token), posted))
        for name in ("participation:receipt", "participation:receipt_delete"):
            self.assert_no_500(client.post(reverse(name), posted))

    @FUZZ
    @given(
        vote=fields(["statement", "vote", "next"]),
        written=fields(["text", "next"]),
    )
    def test_voting_and_writing(self, vote, written) -> None:
        client = self.started()
        vote.setdefault("statement", str(self.statement.pk))
        self.assert_no_500(client.post(self.url("statements:cast"), vote))
        self.assert_no_500(
            client.post(self.url("statements:cast"), vote, HTTP_HX_REQUEST="true")
        )
        self.assert_no_500(client.post(self.url("statements:write"), written))
        self.assert_no_500(client.get(self.url("statements:mine")))
