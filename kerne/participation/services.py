"""Invitations, respondents and answers: the one write path (fetches by token or receipt are in access.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from kerne.participation.access import respondent_by_receipt
from kerne.participation.limits import NEW_RESPONDENT, RECEIPT
from kerne.participation.models import (
    Answer,
    Invitation,
    Respondent,
)
from kerne.processes.models import Question, Round


class InvitationClosed(Exception):
    """The link no longer takes answers: deactivated, past its time, or the round is not open."""


@transaction.atomic
def ensure_invitations(round_: Round) -> list[Invitation]:
    """Give every stakeholder group of the process one invitation for the round."""
    existing = {inv.group_id: inv for inv in round_.invitations.all()}
    for group in round_.process.groups.all():
        if group.pk not in existing:
            existing[group.pk] = Invitation.objects.create(round=round_, group=group)
    return list(existing.values())


@transaction.atomic
def set_invitation_state(invitation: Invitation, *, is_active: bool) -> Invitation:
    invitation.is_active = is_active
    invitation.save(update_fields=["is_active"])
    return invitation


class TooManyRespondents(Exception):
    """This connection has started too many respondents through the link lately."""


@transaction.atomic
def start_respondent(
    invitation: Invitation, *, client: str | None = None
) -> Respondent:
    """A new respondent for the link; `client` (an address) is counted by NEW_RESPONDENT."""
    # The state is read from the database, not from the caller's copy of the round,
    # which may predate its opening or closing.
    invitation.refresh_from_db(fields=["is_active", "closes_at"])
    invitation.round.refresh_from_db(fields=["status", "closes_at"])
    if not invitation.is_accepting_answers():
        raise InvitationClosed
    if client is not None:
        key = f"{invitation.pk}:{client}"
        if NEW_RESPONDENT.reached(key):
            raise TooManyRespondents
        NEW_RESPONDENT.record(key)
    return Respondent.objects.create(
        invitation=invitation, round=invitation.round, group=invitation.group
    )


class AnswerError(ValueError):
    """An answer that cannot be stored; the message is shown to the participant."""


@dataclass(frozen=True)
class AnswerValue:
    text: str = ""
    number: int | None = None
    choice: str = ""

    def is_empty(self) -> bool:
        return not self.text and self.number is None and not self.choice


def clean_answer(question: Question, raw: str) -> AnswerValue:
    """Turn a submitted string into a stored value, or raise AnswerError with a Danish message."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext as _

    raw = raw.replace("\x00", "").strip()
    if question.kind == Question.Kind.TEXT:
        if len(raw) > settings.KERNE_MAX_ANSWER_LENGTH:
            raise AnswerError(
                _(
                    "Your answer is %(length)s characters long. Please shorten it to at most %(max)s characters."
                )
                % {
                    # Grouped as the page's hint writes it: 5.000 in Danish, 5,000 in English.
                    "length": number_format(len(raw), force_grouping=True),
                    "max": number_format(
                        settings.KERNE_MAX_ANSWER_LENGTH, force_grouping=True
                    ),
                }
            )
        return AnswerValue(text=raw)
    if question.kind == Question.Kind.SCALE:
        if not raw:
            return AnswerValue()
        if raw not in {"1", "2", "3", "4", "5"}:
            raise AnswerError(_("Choose a number from 1 to 5."))
        return AnswerValue(number=int(raw))
    if raw and raw not in question.choices:
        raise AnswerError(_("Choose one of the options."))
    return AnswerValue(choice=raw)


@transaction.atomic
def save_answers(
    respondent: Respondent, values: Mapping[Question, AnswerValue]
) -> None:
    """Store answers, one per question; saving again overwrites, never duplicates."""
    for question, value in values.items():
        if question.round_id != respondent.round_id:
            raise ValueError("The question belongs to another round.")
        defaults = {"text": value.text, "number": value.number, "choice": value.choice}
        if not value.text and value.number is None and not value.choice:
            Answer.objects.filter(respondent=respondent, question=question).delete()
            continue
        try:
            with transaction.atomic():
                Answer.objects.update_or_create(
                    respondent=respondent, question=question, defaults=defaults
                )
        except IntegrityError:
            # A double submit raced us to the insert; the row exists now, so update it.
            Answer.objects.filter(respondent=respondent, question=question).update(
                **defaults
            )


@transaction.atomic
def submit_respondent(respondent: Respondent) -> Respondent:
    if not respondent.submitted:
        respondent.submitted = True
        respondent.save(update_fields=["submitted"])
    return respondent


@transaction.atomic
def delete_respondent(respondent: Respondent) -> None:
    """The participant withdraws: their answers go with them.

    After the close the round's pool may have been read; with one person fewer
    it could take in a group that fell below k, so it is never formed again
    (`reporting` module docstring).
    """
    Round.objects.filter(
        pk=respondent.round_id, status=Round.Status.CLOSED, pool_revoked_at=None
    ).update(pool_revoked_at=timezone.now())
    respondent.delete()


def saved_answers(respondent: Respondent) -> dict[int, Answer]:
    """The respondent's answers keyed by question id."""
    return {a.question_id: a for a in respondent.answers.all()}


def round_questions(round_: Round) -> list[Question]:
    return list(round_.questions.all())


class ReceiptLookupLimited(Exception):
    """Too many wrong receipt codes from this session or client; try again later."""


def look_up_receipt(code: str, *, limit_keys: Sequence[str]) -> Respondent | None:
    """Find a respondent by receipt code, counting wrong guesses against limit_keys."""
    if any(RECEIPT.reached(key) for key in limit_keys):
        raise ReceiptLookupLimited
    respondent = respondent_by_receipt(code)
    if respondent is None:
        for key in limit_keys:
            RECEIPT.record(key)
    return respondent
