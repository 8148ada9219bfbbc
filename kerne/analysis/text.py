"""Danish text handling for the theme engine: normalise, tokenise, stem, label.

Pure Python plus PyStemmer; no Django. The stop and filler lists are our own,
written for answers to open questions such as "Hvad ville borgerne savne?".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import Stemmer

# Function words: pronouns, articles, prepositions, auxiliaries, conjunctions.
STOP_WORDS: frozenset[str] = frozenset(
    [
        "af",
        "alle",
        "allerede",
        "alt",
        "altid",
        "anden",
        "andet",
        "andre",
        "at",
        "bag",
        "bare",
        "begge",
        "blev",
        "blevet",
        "blive",
        "bliver",
        "da",
        "de",
        "dem",
        "den",
        "denne",
        "dens",
        "der",
        "deres",
        "derfor",
        "dermed",
        "derpå",
        "det",
        "dette",
        "dig",
        "din",
        "dine",
        "disse",
        "dit",
        "dog",
        "du",
        "efter",
        "eftersom",
        "eller",
        "en",
        "end",
        "endnu",
        "ens",
        "er",
        "et",
        "fordi",
        "for",
        "fra",
        "før",
        "først",
        "gennem",
        "gjorde",
        "gjort",
        "god",
        "godt",
        "gør",
        "gøre",
        "gører",
        "ham",
        "han",
        "hans",
        "har",
        "havde",
        "have",
        "hele",
        "hen",
        "hende",
        "hendes",
        "her",
        "hos",
        "hun",
        "hvad",
        "hvem",
        "hver",
        "hvilke",
        "hvilken",
        "hvis",
        "hvor",
        "hvordan",
        "hvorfor",
        "hvornår",
        "i",
        "ifølge",
        "igen",
        "ikke",
        "ind",
        "indtil",
        "ingen",
        "intet",
        "ja",
        "jeg",
        "jer",
        "jeres",
        "jo",
        "kan",
        "kom",
        "komme",
        "kommer",
        "kun",
        "kunne",
        "lad",
        "lige",
        "man",
        "mange",
        "med",
        "meget",
        "mellem",
        "men",
        "mens",
        "mere",
        "mest",
        "mig",
        "min",
        "mine",
        "mit",
        "mod",
        "måske",
        "ned",
        "nej",
        "noget",
        "nogen",
        "nogle",
        "nok",
        "nu",
        "når",
        "og",
        "også",
        "om",
        "op",
        "os",
        "over",
        "på",
        "sammen",
        "selvom",
        "sig",
        "sin",
        "sine",
        "sit",
        "skal",
        "skulle",
        "som",
        "stadig",
        "så",
        "sådan",
        "til",
        "uden",
        "under",
        "ud",
        "var",
        "ved",
        "vi",
        "vil",
        "ville",
        "vor",
        "vore",
        "vores",
        "være",
        "været",
        "blandt",
        "både",
        "hinanden",
        "heller",
        "hverken",
        "ofte",
        "helst",
        "mht",
        "fx",
        "osv",
        "ift",
        "ca",
        "evt",
        "få",
        "får",
        "fik",
        "fået",
        "eget",
        "egen",
        "egne",
        "én",
        "ene",
        "gang",
        "gange",
    ]
)

# Discourse filler and hedges typical of survey answers. Without these the engine
# forms themes such as "helt klart / først og fremmest" (see research §3.2).
FILLER_WORDS: frozenset[str] = frozenset(
    [
        "altså",
        "bestemt",
        "egentlig",
        "faktisk",
        "fremmest",
        "generelt",
        "helt",
        "især",
        "klart",
        "lidt",
        "mener",
        "meget",
        "nemlig",
        "rigtig",
        "rigtigt",
        "simpelthen",
        "slags",
        "synes",
        "synts",
        "tror",
        "tænker",
        "umiddelbart",
        "vel",
        "virkelig",
        "vist",
        "primært",
        "sikkert",
        "ret",
        "gerne",
        "ganske",
        "især",
        "også",
        "hmm",
        "øh",
        "øhm",
        "ok",
        "okay",
        "jamen",
        "nå",
        "nogenlunde",
        "sige",
        "siger",
        "sagt",
        "ting",
        "tingene",
        "måde",
        "måden",
        "nogle",
        "gange",
        "del",
        "hel",
        "især",
        "mest",
        "vigtigt",
        "vigtig",
        "vigtigste",
        "jo",
        "især",
        "lige",
        "som",
        "fx",
        "f.eks",
        "eksempel",
        "eksempelvis",
        "tja",
        "desuden",
        "herunder",
        "selvfølgelig",
    ]
)

# Words that, alone, make up a non-answer ("ved ikke", "nej tak", "ingen kommentarer").
NON_ANSWER_WORDS: frozenset[str] = frozenset(
    [
        "ved",
        "vide",
        "ikke",
        "nej",
        "ja",
        "ingen",
        "intet",
        "noget",
        "kommentar",
        "kommentarer",
        "aner",
        "det",
        "jeg",
        "kan",
        "svare",
        "har",
        "tak",
        "nix",
        "nope",
        "idk",
        "pas",
        "hmm",
        "øh",
        "ok",
        "okay",
        "nada",
        "na",
        "x",
        "xx",
        "xxx",
        "vil",
        "ønsker",
        "at",
        "sige",
        "andet",
        "mening",
        "mener",
        "idé",
        "ide",
        "anelse",
    ]
)

_WORD = re.compile(r"[0-9a-zà-öø-ÿ]+(?:[-'][0-9a-zà-öø-ÿ]+)*")

_stemmer = Stemmer.Stemmer("danish")


def normalise(text: str) -> str:
    """NFC, lower case, one space between words."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(text.split())


def tokenise(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def question_words(question: str) -> frozenset[str]:
    """The question's own content words; they appear in most answers and label nothing."""
    words = set(tokenise(question))
    return frozenset(words | {stem(w) for w in words})


def stem(word: str) -> str:
    result: str = _stemmer.stemWord(word)
    return result


def is_non_answer(text: str) -> bool:
    """True for empty answers, pure punctuation and phrases such as "ved ikke" or "nej"."""
    tokens = tokenise(text)
    if not tokens:
        return True
    return all(t in NON_ANSWER_WORDS for t in tokens)


@dataclass
class Vocabulary:
    """Stop words and the stem → surface-word counts needed to print labels."""

    stop_words: frozenset[str]
    surfaces: defaultdict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    _stem_cache: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_question(
        cls, question: str = "", extra_stop_words: Iterable[str] = ()
    ) -> Vocabulary:
        extra = {normalise(w) for w in extra_stop_words}
        return cls(
            stop_words=STOP_WORDS | FILLER_WORDS | question_words(question) | extra
        )

    def content_words(self, text: str) -> list[str]:
        return [
            t
            for t in tokenise(text)
            if t not in self.stop_words and len(t) > 1 and not t.isdigit()
        ]

    def stems(self, text: str, *, record: bool = True) -> list[str]:
        """Content stems of one answer; `record` remembers surfaces for labels."""
        out = []
        for word in self.content_words(text):
            s = self._stem_cache.get(word)
            if s is None:
                s = self._stem_cache[word] = stem(word)
            # A stem that is itself a stop word ("tiden" → "tid") is noise too.
            if s in self.stop_words:
                continue
            out.append(s)
            if record:
                self.surfaces[s][word] += 1
        return out

    def surface(self, stem_: str) -> str:
        """The most frequent real word behind a stem; ties go to the shortest, then alphabetical."""
        counts = self.surfaces.get(stem_)
        if not counts:
            return stem_
        return min(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]

    def label(self, stems: Sequence[str], n: int = 3) -> str:
        words: list[str] = []
        for s in stems:
            w = self.surface(s)
            if w not in words:
                words.append(w)
            if len(words) == n:
                break
        return ", ".join(words)
