"""Danish text handling for the theme engine: normalise, tokenise, stem, label.

Pure Python plus PyStemmer; no Django. The stop and filler lists are our own,
written for answers to open questions such as "Hvad ville borgerne savne?".
"""

from __future__ import annotations

import itertools
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


def _word_list(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Generic verbs, modal adverbs and evaluative words that every theme uses. On the
# demo rounds (~150 answers, bench/themes_small.py) they made labels such as
# "hjemmeplejen, tog, tage", "stole, desværre, faste" or "glad, løbe, snak".
# A word here must not be the Snowball stem of a content word: "brug" would also
# remove "bruger" (a name for the target group), so it is left out.
GENERIC_WORDS: frozenset[str] = _word_list(
    """
    tage tager tog taget stå står stod stået gå går gik gået løbe løber løb løbet
    komme kommet sidde sidder sad ligge ligger lå sætte sætter satte finde finder
    fandt fundet lave laver lavede lavet give giver gav givet holde holder holdt se
    ser set sige siger sagde prøve prøver prøvede gider hedder hedde troede kræver
    kræve blive fungerer fungere fungerede betyder betyde betød handler handle ske
    sker skete virker virke gælder gælde hjalp tør turde måtte må kan burde bør
    lade lader lod fortælle fortæller synes syntes ønsker ønske vil ville kunne
    desværre bare muligt mulig godt gode mere mindre altid aldrig tit hurtigt
    hurtig længe stadig snart ellers alligevel siden hvert eneste bedst bedste
    bedre værre glad glade store stor stort lille små nye ny nyt nemt svært
    sikkert tja jamen ærlig ærligt talt mon enkelt enkle nemlig folk fint fin
    dejligt dejlig super kæmpe stor stærkt ekstra hver hvert hverandre noget
    nogen sådan sådant således både enten mens vist dag dage år måned uge
    alt alting ingenting helt heller hel hele tiden imellem derudover desuden
    plus samtidig hertil
    mangle mangler manglede manglet savne savner savnede savnet miste mister
    mistede mistet forsvinde forsvinder forsvandt forsvundet
    """
)

# Set phrases that carry no theme; removed before words are counted.
FILLER_PHRASES: tuple[str, ...] = (
    "i hvert fald",
    "ærlig talt",
    "helt ærligt",
    "først og fremmest",
    "i det hele taget",
    "hele tiden",
    "for mit eget vedkommende",
    "for mig",
    "ind imellem",
    "for eksempel",
    "i morgen",
    "om fem år",
    "ikke så lidt",
    "det vigtigste",
    "set fra",
    "en ting til",
    "en sidste ting",
    "lige så vigtigt",
    "ikke mindst",
)

# Words that may open a two-word label although they are stop words ("eget hjem").
PHRASE_MODIFIERS: frozenset[str] = frozenset(
    ["eget", "egen", "egne", "god", "gode", "godt", "fast", "faste", "faglig"]
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


# A phrase never spans a sentence or clause break ("kontinuitet. vagtplanen").
_CLAUSE_BREAK = re.compile(r"[.!?:;,()\[\]\n–—\"]+")

_FILLER_PHRASE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in FILLER_PHRASES) + r")\b"
)


def strip_phrases(text: str) -> str:
    """The normalised text without set phrases such as "i hvert fald"."""
    return _FILLER_PHRASE.sub(" ", normalise(text))


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
        cls,
        question: str = "",
        extra_stop_words: Iterable[str] = (),
        *,
        generic: bool = True,
    ) -> Vocabulary:
        """`generic=False` keeps GENERIC_WORDS as features (labels still skip them)."""
        # Extra stop words may be names of several words ("Hjemmeplejen Nord").
        extra = {w for e in extra_stop_words for w in tokenise(e)}
        return cls(
            stop_words=STOP_WORDS
            | FILLER_WORDS
            | (GENERIC_WORDS if generic else frozenset())
            | question_words(question)
            | extra
        )

    def is_content(self, token: str) -> bool:
        return token not in self.stop_words and len(token) > 1 and not token.isdigit()

    def content_words(self, text: str) -> list[str]:
        return [t for t in tokenise(strip_phrases(text)) if self.is_content(t)]

    def phrases(self, text: str, *, record: bool = True) -> list[str]:
        """Two-word phrases of one answer as "stem stem" keys ("faste hjælpere").

        Both words must be content words, except that a few modifiers such as
        "eget" may open the phrase ("eget hjem"). `record` remembers surfaces.
        """
        out: list[str] = []
        pairs = (
            pair
            for part in _CLAUSE_BREAK.split(strip_phrases(text))
            for pair in itertools.pairwise(tokenise(part))
        )
        for first, second in pairs:
            if not self.is_content(second) or not (
                first in PHRASE_MODIFIERS or self.is_content(first)
            ):
                continue
            a, b = self._stem(first), self._stem(second)
            if b in self.stop_words or a == b:
                continue
            key = f"{a} {b}"
            out.append(key)
            if record:
                self.surfaces[key][f"{first} {second}"] += 1
        return out

    def _stem(self, word: str) -> str:
        s = self._stem_cache.get(word)
        if s is None:
            s = self._stem_cache[word] = stem(word)
        return s

    def stems(self, text: str, *, record: bool = True) -> list[str]:
        """Content stems of one answer; `record` remembers surfaces for labels."""
        out = []
        for word in self.content_words(text):
            s = self._stem(word)
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

    def phrase_label(self, terms: Sequence[str], n: int = 2) -> str:
        """A short readable label: the first term capitalised, then "·" and the next.

        Terms are stems or "stem stem" phrases; a term whose stems overlap an
        earlier one is skipped ("Faste hjælpere · kontinuitet", not "· hjælpere").
        """
        parts: list[str] = []
        seen: set[str] = set()
        for term in terms:
            stems_ = set(term.split())
            if stems_ & seen:
                continue
            seen |= stems_
            parts.append(self.surface(term))
            if len(parts) == n:
                break
        if not parts:
            return ""
        parts[0] = parts[0][:1].upper() + parts[0][1:]
        return " · ".join(parts)
