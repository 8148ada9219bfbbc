"""Invitations, respondents and answers: the one write path, and fetches by token or receipt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.http import Http404

from kerne.participation.models import (
    Answer,
    Invitation,
    Respondent,
    normalise_receipt_code,
)
from kerne.processes.models import Question, Round
from kerne.processes.services import processes_for


def access_invitation(user: User, pk: int) -> Invitation:
    try:
        return Invitation.objects.select_related(
            "round__process__unit__organisation", "group"
        ).get(pk=pk, round__process__in=processes_for(user))
    except Invitation.DoesNotExist:
        raise Http404 from None


def invitation_by_token(token: str) -> Invitation:
    """The participant's way in: the token is the only credential."""
    try:
        return Invitation.objects.select_related("round__process__unit", "group").get(
            token=token
        )
    except Invitation.DoesNotExist:
        raise Http404 from None


def respondent_by_receipt(code: str) -> Respondent | None:
    code = normalise_receipt_code(code)
    if not code:
        return None
    return (
        Respondent.objects.select_related("round__process__unit", "group", "invitation")
        .filter(receipt_code=code)
        .first()
    )


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


@transaction.atomic
def start_respondent(invitation: Invitation) -> Respondent:
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


def clean_answer(question: Question, raw: str) -> AnswerValue:
    """Turn a submitted string into a stored value, or raise AnswerError with a Danish message."""
    from django.utils.translation import gettext as _

    raw = raw.replace("\x00", "").strip()
    if question.kind == Question.Kind.TEXT:
        if len(raw) > settings.KERNE_MAX_ANSWER_LENGTH:
            raise AnswerError(
                _(
                    "Your answer is %(length)s characters long. Please shorten it to at most %(max)s characters."
                )
                % {"length": len(raw), "max": settings.KERNE_MAX_ANSWER_LENGTH}
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
    """The participant withdraws: their answers go with them."""
    respondent.delete()
