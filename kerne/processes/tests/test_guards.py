"""Each state change refuses the wrong state with a named exception and changes nothing."""

from __future__ import annotations

from django.urls import reverse

from kerne.participation.services import AnswerValue, save_answers, start_respondent
from kerne.processes.models import Phase, Question, Round
from kerne.processes.services import (
    ChoicesInUse,
    NoQuestions,
    PhaseOrder,
    RoundAlreadyOpen,
    RoundNotDraft,
    RoundNotOpen,
    add_question,
    close_imported_round,
    close_round,
    create_round,
    open_round,
    set_phase,
    update_question,
)
from kerne.testing import BaseTestCase, invitation, make_process
from kerne.themes.models import Analysis


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


class CloseRoundTests(BaseTestCase):
    def setUp(self):
        self.draft = create_round(self.process, title="Kladde")

    def test_a_draft_is_not_closed_nor_analysed(self):
        with self.assertRaises(RoundNotOpen):
            close_round(self.draft)
        self.draft.refresh_from_db()
        assert self.draft.status == Round.Status.DRAFT
        assert self.draft.closed_at is None
        assert not Analysis.objects.filter(round=self.draft).exists()
        self.process.refresh_from_db()
        assert self.process.phase == Phase.INDKREDSNING

    def test_a_closed_round_is_not_closed_again(self):
        close_round(self.round)
        self.round.refresh_from_db()
        closed_at = self.round.closed_at
        analyses = Analysis.objects.filter(round=self.round).count()
        with self.assertRaises(RoundNotOpen):
            close_round(self.round)
        self.round.refresh_from_db()
        assert self.round.closed_at == closed_at
        assert Analysis.objects.filter(round=self.round).count() == analyses

    def test_the_view_says_so_and_changes_nothing(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:round_close", args=[self.draft.pk]), follow=True
        )
        assert r.status_code == 200
        assert "Kun en åben runde kan lukkes." in messages_of(r)
        self.draft.refresh_from_db()
        assert self.draft.status == Round.Status.DRAFT


class OpenRoundTests(BaseTestCase):
    def test_a_round_without_questions_is_not_opened(self):
        empty = create_round(self.process, title="Tom runde")
        with self.assertRaises(NoQuestions):
            open_round(empty)
        empty.refresh_from_db()
        assert empty.status == Round.Status.DRAFT
        assert empty.opened_at is None

    def test_a_round_answered_elsewhere_opens_without_questions(self):
        empty = create_round(self.process, title="Parvis runde")
        open_round(empty, needs_questions=False)
        empty.refresh_from_db()
        assert empty.status == Round.Status.OPEN

    def test_an_open_round_is_not_opened_again(self):
        self.round.refresh_from_db()
        opened_at = self.round.opened_at
        with self.assertRaises(RoundAlreadyOpen):
            open_round(self.round)
        self.round.refresh_from_db()
        assert self.round.status == Round.Status.OPEN
        assert self.round.opened_at == opened_at
        assert self.round.closes_at is None

    def test_the_view_says_what_is_missing(self):
        empty = create_round(self.process, title="Tom runde")
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:round_open", args=[empty.pk]), follow=True
        )
        assert r.status_code == 200
        assert "Tilføj mindst ét spørgsmål, før du åbner runden." in messages_of(r)
        empty.refresh_from_db()
        assert empty.status == Round.Status.DRAFT

    def test_the_view_refuses_to_reopen_an_open_round(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:round_open", args=[self.round.pk]), follow=True
        )
        assert r.status_code == 200
        assert "Runden er allerede åben." in messages_of(r)


class ImportedRoundTests(BaseTestCase):
    def test_a_round_opened_here_cannot_come_in_as_imported(self):
        with self.assertRaises(RoundNotDraft):
            close_imported_round(self.round, opened_at=None)
        self.round.refresh_from_db()
        assert self.round.status == Round.Status.OPEN
        assert self.round.closed_at is None

    def test_a_draft_comes_in_closed_without_questions(self):
        process = make_process(self.unit, title="Polis", questions=())
        round_ = close_imported_round(process.rounds.get(), opened_at=None)
        round_.refresh_from_db()
        assert round_.status == Round.Status.CLOSED
        assert round_.closed_at is not None


class SetPhaseTests(BaseTestCase):
    def phase(self) -> str:
        self.process.refresh_from_db()
        return self.process.phase

    def test_it_moves_on_one_phase_and_back_to_any(self):
        set_phase(self.process, Phase.FAELLES_FORSTAAELSE)
        set_phase(self.process, Phase.FORMULERING)
        assert self.phase() == Phase.FORMULERING
        set_phase(self.process, Phase.INDKREDSNING)
        assert self.phase() == Phase.INDKREDSNING

    def test_it_refuses_to_skip_a_phase(self):
        with self.assertRaises(PhaseOrder) as refused:
            set_phase(self.process, Phase.FORMULERING)
        assert refused.exception.next_phase == Phase.FAELLES_FORSTAAELSE
        assert self.phase() == Phase.INDKREDSNING

    def test_it_reads_the_phase_from_the_database(self):
        stale = type(self.process).objects.get(pk=self.process.pk)
        set_phase(self.process, Phase.FAELLES_FORSTAAELSE)
        set_phase(stale, Phase.FORMULERING)  # one on from the stored phase
        assert self.phase() == Phase.FORMULERING

    def test_the_view_names_the_next_phase(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:phase", args=[self.process.pk]),
            {"phase": Phase.MAALING},
            follow=True,
        )
        assert r.status_code == 200
        assert (
            "Et forløb går én fase frem ad gangen. Den næste fase er „Fælles forståelse“."
            in messages_of(r)
        )
        assert self.phase() == Phase.INDKREDSNING


class UpdateQuestionTests(BaseTestCase):
    def setUp(self):
        self.question = add_question(
            self.round,
            prompt="Hvor ofte?",
            kind=Question.Kind.CHOICE,
            choices=["Dagligt", "Ugentligt", "Sjældent"],
        )
        respondent = start_respondent(invitation(self.round, "borger"))
        save_answers(respondent, {self.question: AnswerValue(choice="Ugentligt")})

    def test_it_changes_only_the_fields_it_is_given(self):
        update_question(self.question, required=True)
        self.question.refresh_from_db()
        assert self.question.required
        assert self.question.prompt == "Hvor ofte?"

    def test_an_option_can_go_while_the_round_has_not_opened(self):
        self.question.answers.all().delete()
        Round.objects.filter(pk=self.round.pk).update(opened_at=None, status="draft")
        self.question.refresh_from_db()
        update_question(self.question, choices=["Dagligt", "Ugentligt"])
        self.question.refresh_from_db()
        assert self.question.choices == ["Dagligt", "Ugentligt"]

    def test_options_can_be_added_to_a_question_with_answers(self):
        choices = ["Dagligt", "Ugentligt", "Sjældent", "Aldrig"]
        update_question(self.question, choices=choices)
        self.question.refresh_from_db()
        assert self.question.choices == choices

    def test_no_option_goes_once_there_are_answers_chosen_or_not(self):
        # "Sjældent" has no answer: refusing only chosen options would say which were.
        for choices in (["Dagligt", "Sjældent"], ["Dagligt", "Ugentligt"]):
            with self.assertRaises(ChoicesInUse):
                update_question(self.question, prompt="Hvor tit?", choices=choices)
        self.question.refresh_from_db()
        assert self.question.prompt == "Hvor ofte?"
        assert self.question.choices == ["Dagligt", "Ugentligt", "Sjældent"]

    def test_the_form_says_so_and_keeps_what_was_typed(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:question_edit", args=[self.question.pk]),
            {
                "prompt": "Hvor tit mødes I?",
                "help_text": "",
                "dimension": "",
                "choices": "Dagligt\nHver uge",
                "scale_low_label": "",
                "scale_high_label": "",
            },
        )
        assert r.status_code == 200
        page = r.content.decode()
        assert (
            "Runden er åbnet, så nogen kan have svaret på spørgsmålet: dets "
            "valgmuligheder kan ikke fjernes eller omdøbes. Du kan tilføje nye." in page
        )
        assert "Ugentligt" not in page.split("<textarea", 1)[0]
        assert "Hvor tit mødes I?" in page
        assert "Hver uge" in page
        self.question.refresh_from_db()
        assert self.question.prompt == "Hvor ofte?"
