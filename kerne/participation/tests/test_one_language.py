"""With the English locale, every participant page is English, apart from the facilitator's own texts.

The pages are read as a participant sees them: visible text, titles and the
attributes a screen reader speaks. What the facilitator wrote (unit, process,
round, questions, statements, the draft core task) is taken out first; what is
left must have no Danish letter and no common Danish word.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.conf import settings
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from kerne.coretasks.services import DraftText, create_qualification_round, save_version
from kerne.organisations.services import add_unit, create_organisation
from kerne.participation.models import Respondent
from kerne.processes.models import Process, Question, Round
from kerne.processes.services import (
    add_question,
    close_round,
    create_process,
    create_round,
    open_round,
    update_question,
)
from kerne.statements.models import Statement
from kerne.statements.services import add_statement
from kerne.testing import invitation

DANISH_LETTERS = re.compile(r"[æøåÆØÅ]")
# Everyday Danish words that do not occur in English text.
DANISH_WORDS = frozenset(
    [
        "og",
        "ikke",
        "eller",
        "svar",
        "svarene",
        "svaret",
        "runden",
        "tak",
        "gem",
        "jeg",
        "vi",
        "du",
        "dine",
        "dit",
        "hvad",
        "hvordan",
        "hvis",
        "kan",
        "skal",
        "til",
        "med",
        "fra",
        "der",
        "som",
        "af",
        "også",
        "udsagn",
        "enig",
        "uenig",
        "fx",
        "kl",
        "stemmer",
        "deltagere",
        "personer",
        "spørgsmål",
        "kvittering",
        "gemt",
        "sendt",
        "lukket",
        "slet",
        "frivilligt",
        "valgfrit",
        "borger",
        "borgere",
        "medarbejder",
        "leder",
        "kerneopgave",
        "kerneopgaven",
    ]
)
SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "data-copied-text")


class VisibleText(HTMLParser):
    """The text a participant reads or hears; elements marked lang="da" are left out."""

    VOID = frozenset(
        [
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []

    def skipping(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skip = tag in ("script", "style") or values.get("lang") == "da"
        if not skip and not self.skipping():
            self.parts += [values[a] or "" for a in SPOKEN_ATTRIBUTES if a in values]
            if tag == "input" and values.get("type") in ("submit", "button"):
                self.parts.append(values.get("value") or "")
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping():
            self.parts.append(data)


def danish_left(html: str, own_texts: list[str]) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    text = "\n".join(parser.parts)
    # Longest first, so a question's prompt goes before a shorter text inside it.
    for own in sorted({t for t in own_texts if t}, key=len, reverse=True):
        text = text.replace(own, " ")
    found = DANISH_LETTERS.findall(text)
    words = {w.lower() for w in re.findall(r"\w+", text)}
    return sorted(set(found) | (words & DANISH_WORDS))


class EnglishParticipantPagesTests(TestCase):
    process: Process
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        organisation = create_organisation(name="Solbjerg Kommune")
        unit = add_unit(organisation, name="Hjemmeplejen Nord")
        with translation.override("en"):  # an English-speaking facilitator sets it up
            cls.process = create_process(
                unit,
                title="Hjemmeplejens kerneopgave",
                purpose="Vi vil finde vores kerneopgave sammen med jer.",
                by=None,
            )
            cls.round = cls.process.rounds.get()
            update_question(cls.round.questions.all()[0], required=True)
            add_question(
                cls.round,
                prompt="Hvor tryg er du ved hjælpen?",
                kind=Question.Kind.SCALE,
                scale_low_label="Slet ikke",
                scale_high_label="Meget",
            )
            add_question(
                cls.round,
                prompt="Hvornår får du hjælp?",
                kind=Question.Kind.CHOICE,
                choices=["Morgen", "Aften"],
            )
            for text in ("Faste hjælpere er vigtigst.", "Vi skal lytte mere."):
                add_statement(cls.process, text=text, by=None)
            version = save_version(
                cls.process,
                DraftText(
                    statement="Vi skaber tryghed sammen med borgeren.",
                    vaerdi="Tryghed i eget hjem.",
                    ambition="At være kendt for nærvær.",
                    tilgang="Vi støtter borgeren i at klare mest muligt selv.",
                    maalgruppe="Borgere og pårørende.",
                ),
                by=None,
            )
            cls.qualification = create_qualification_round(version).round
        open_round(cls.round)
        open_round(cls.qualification)

    def setUp(self) -> None:
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    def own_texts(self) -> list[str]:
        process = Process.objects.select_related("unit__organisation").get(
            pk=self.process.pk
        )
        texts = [
            process.title,
            process.purpose,
            process.unit.name,
            process.unit.organisation.name,
            *process.groups.values_list("name", flat=True),
            *Statement.objects.filter(process=process).values_list("text", flat=True),
        ]
        for round_ in process.rounds.all():
            texts += [round_.title, *round_.intro.splitlines()]
            for q in round_.questions.all():
                texts += [q.prompt, q.help_text, q.scale_low_label, q.scale_high_label]
                texts += q.choices
        return texts

    def assert_english(self, response, name: str, *, written: str = "") -> None:
        """`written` is what the participant typed, shown back to them."""
        assert "text/html" in response["Content-Type"], name
        left = danish_left(response.content.decode(), [*self.own_texts(), written])
        assert not left, f"{name} shows Danish in English: {left}"

    def test_the_checker_finds_danish(self):
        assert danish_left("<p>Tak for dine svar</p>", []) == ["dine", "svar", "tak"]
        assert danish_left("<p>Runden er lukket</p>", []) == ["lukket", "runden"]
        assert danish_left('<img alt="Gå videre">', []) == ["å"]
        assert danish_left('<button lang="da">Dansk</button><p>På</p>', ["På"]) == []

    def test_the_answer_pages_are_english(self):
        token = invitation(self.round, "borger").token
        start = reverse("participation:start", args=[token])
        answer = reverse("participation:answer", args=[token])
        self.assert_english(self.client.get(start), "start")
        self.client.post(start)
        self.assert_english(self.client.get(start), "start again")
        self.assert_english(self.client.get(answer), "answer")
        first = self.round.questions.first()
        autosave = reverse("participation:autosave", args=[token])
        r = self.client.post(autosave, {f"q_{first.pk}": "Tryghed"})
        self.assert_english(r, "autosave")
        r = self.client.post(autosave, {f"q_{first.pk}": "x" * 6000})
        self.assert_english(r, "autosave with an error")
        blank = {
            f"q_{q.pk}": ""
            for q in self.round.questions.filter(kind=Question.Kind.TEXT)
        }
        r = self.client.post(answer, blank)
        assert r.status_code == 400
        self.assert_english(r, "answer with errors")
        r = self.client.post(answer, {**blank, f"q_{first.pk}": "Tryghed"})
        self.assertRedirects(r, reverse("participation:thanks", args=[token]))
        self.assert_english(self.client.get(r["Location"]), "thanks")
        self.assert_english(self.client.get(answer), "answer after sending")

        receipt = reverse("participation:receipt")
        self.assert_english(self.client.get(receipt), "receipt")
        r = self.client.post(receipt, {"code": "2222-3333"})
        self.assert_english(r, "receipt with a wrong code")
        code = Respondent.objects.get(submitted=True).receipt_code
        r = self.client.post(receipt, {"code": code}, follow=True)
        self.assert_english(r, "receipt answers")
        delete = reverse("participation:receipt_delete")
        self.assert_english(self.client.get(delete), "receipt delete")
        self.assert_english(self.client.post(delete), "receipt deleted")

    def test_the_closed_and_not_yet_open_pages_are_english(self):
        draft = create_round(self.process, title="Anden runde")
        token = invitation(draft, "borger").token
        r = self.client.get(reverse("participation:start", args=[token]))
        self.assert_english(r, "not yet open")
        r = self.client.get(reverse("statements:vote", args=[token]))
        self.assert_english(r, "voting not yet open")
        token = invitation(self.round, "medarbejder").token
        close_round(self.round)
        first = self.round.questions.first()
        r = self.client.post(
            reverse("participation:answer", args=[token]), {f"q_{first.pk}": "Nærvær"}
        )
        self.assert_english(r, "closed, with the text given back", written="Nærvær")
        r = self.client.get(reverse("statements:vote", args=[token]))
        self.assert_english(r, "voting closed")

    def test_the_voting_pages_are_english(self):
        token = invitation(self.round, "borger").token
        vote = reverse("statements:vote", args=[token])
        self.assert_english(self.client.get(vote), "vote start")
        self.client.post(vote)
        r = self.client.get(vote)
        self.assert_english(r, "vote")
        statement = r.context["statement"]
        cast = reverse("statements:cast", args=[token])
        r = self.client.post(
            cast, {"statement": statement.pk, "vote": "1"}, headers={"HX-Request": "1"}
        )
        self.assert_english(r, "vote card after a vote")
        r = self.client.post(
            cast, {"statement": statement.pk, "vote": "1"}, follow=True
        )
        self.assert_english(r, "vote after a vote")
        mine = reverse("statements:mine", args=[token])
        self.assert_english(self.client.get(mine), "my votes")

    def test_the_qualification_pages_are_english(self):
        token = invitation(self.qualification, "samarbejdspartner").token
        start = reverse("participation:start", args=[token])
        self.assert_english(self.client.get(start), "qualification start")
        self.client.post(start)
        r = self.client.get(reverse("participation:answer", args=[token]))
        self.assert_english(r, "qualification answer")
        # The product's own questions came out in the facilitator's language.
        prompts = list(self.qualification.questions.values_list("prompt", flat=True))
        assert "The value we create: I recognise it" in prompts
        assert not any(DANISH_LETTERS.search(p) for p in prompts)
