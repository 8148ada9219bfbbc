"""The verbs of approach: their forms, their leaning, and finding them in an answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kerne.analysis.text.tokens import Token

Orientation = Literal["for", "med"]
ORIENTATIONS: tuple[Orientation, ...] = ("for", "med")
NO_ORIENTATION = "none"
"""Key for answers without an orientation in aggregated counts (JSON keys cannot be null)."""

STRONG = 3
MEDIUM = 2
WEAK = 1


def _flip(orientation: Orientation) -> Orientation:
    return "med" if orientation == "for" else "for"


# --- Verbs ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Verb:
    lemma: str
    forms: frozenset[str]
    # Words that must follow the verb for a multiword verb ("sørger for",
    # "tager hånd om"); each slot is a set of accepted words.
    tail: tuple[frozenset[str], ...] = ()
    lean: Orientation | None = None
    lean_weight: int = WEAK
    # Forms that are also nouns ("en hjælper", "god pleje"); counted as the
    # verb only where no noun marker precedes them.
    noun_homographs: frozenset[str] = frozenset()


def _conjugate(
    lemma: str,
    past: str,
    participle: str,
    *,
    imperative: bool = True,
    extra: Sequence[str] = (),
) -> frozenset[str]:
    """Infinitive, present, passive, past, participles, -ende and imperative forms."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {
        lemma,
        lemma + "r" if lemma.endswith("e") else lemma + "er",
        lemma + "s" if lemma.endswith("e") else lemma + "es",
        past,
        participle,
        stem + "ende",
        *extra,
    }
    if past.endswith("e"):
        forms.add(past + "s")
    # Participle used as an adjective: "inddraget" → "inddragede", "vejledt" → "vejledte".
    forms.add(
        participle[:-2] + "ede" if participle.endswith("et") else participle + "e"
    )
    if imperative:
        forms.add(stem)
    return frozenset(forms)


def _weak(lemma: str, *, imperative: bool = True) -> frozenset[str]:
    """A verb of the -ede class (sikre, sikrede, sikret)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return _conjugate(lemma, stem + "ede", stem + "et", imperative=imperative)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_REFLEXIVE = _words("sig os mig dig jer")
_TAGE = _conjugate("tage", "tog", "taget", imperative=True, extra=["tag"])

# The verbs of approach. The leaning is only a weak default; constructions
# around the verb outweigh it. Imperatives that collide with common words are
# left out: "hjælp" (noun), "frem" (adverb), "løs" (adjective), "coach" (noun).
VERBS: tuple[_Verb, ...] = (
    _Verb("sikre", _weak("sikre"), lean="for"),
    _Verb("fremme", _weak("fremme", imperative=False)),
    _Verb("understøtte", _weak("understøtte"), lean="med"),
    _Verb("udvikle", _weak("udvikle")),
    _Verb(
        "hjælpe",
        _conjugate("hjælpe", "hjalp", "hjulpet", imperative=False, extra=["hjulpne"]),
        lean="for",
        noun_homographs=_words("hjælper"),
    ),
    _Verb("facilitere", _weak("facilitere"), lean="med"),
    _Verb("coache", _weak("coache", imperative=False), lean="med"),
    _Verb(
        "inddrage",
        _conjugate("inddrage", "inddrog", "inddraget"),
        lean="med",
        lean_weight=MEDIUM,
    ),
    _Verb("involvere", _weak("involvere"), lean="med", lean_weight=MEDIUM),
    _Verb("samarbejde", _weak("samarbejde"), lean="med"),
    _Verb("sørge for", _weak("sørge"), tail=(_words("for"),), lean="for"),
    _Verb("støtte", _weak("støtte"), lean="med", noun_homographs=_words("støtte")),
    _Verb("motivere", _weak("motivere"), lean="med"),
    _Verb(
        "vejlede",
        _conjugate("vejlede", "vejledte", "vejledt"),
        lean="med",
        noun_homographs=_words("vejleder"),
    ),
    _Verb(
        "rådgive",
        _conjugate("rådgive", "rådgav", "rådgivet"),
        noun_homographs=_words("rådgiver"),
    ),
    _Verb(
        "guide",
        _weak("guide", imperative=False),
        lean="med",
        noun_homographs=_words("guide guider"),
    ),
    _Verb("styrke", _weak("styrke"), noun_homographs=_words("styrke")),
    _Verb("aktivere", _weak("aktivere"), lean="med"),
    _Verb("lytte", _weak("lytte"), lean="med"),
    _Verb("pleje", _weak("pleje"), lean="for", noun_homographs=_words("pleje")),
    _Verb(
        "behandle", _weak("behandle"), lean="for", noun_homographs=_words("behandler")
    ),
    _Verb(
        "passe på", _weak("passe", imperative=False), tail=(_words("på"),), lean="for"
    ),
    _Verb("passe", _weak("passe", imperative=False), lean="for"),
    _Verb("tage hånd om", _TAGE, tail=(_words("hånd"), _words("om")), lean="for"),
    _Verb("tage sig af", _TAGE, tail=(_REFLEXIVE, _words("af")), lean="for"),
    _Verb(
        "tage udgangspunkt i",
        _TAGE,
        tail=(_words("udgangspunkt"), _words("i")),
        lean="med",
    ),
    _Verb("løse", _conjugate("løse", "løste", "løst", imperative=False)),
    _Verb("levere", _weak("levere", imperative=False), lean="for"),
    _Verb("yde", _conjugate("yde", "ydede", "ydet"), lean="for"),
    _Verb("træne", _weak("træne")),
    _Verb(
        "bakke op", _weak("bakke", imperative=False), tail=(_words("op"),), lean="med"
    ),
    _Verb(
        "gå i dialog",
        _conjugate("gå", "gik", "gået", extra=["går"]),
        tail=(_words("i"), _words("dialog")),
        lean="med",
    ),
    # Giving and offering: the person served receives.
    _Verb("give", _conjugate("give", "gav", "givet", extra=["giv"]), lean="for"),
    _Verb("tilbyde", _conjugate("tilbyde", "tilbød", "tilbudt"), lean="for"),
    _Verb("bringe", _conjugate("bringe", "bragte", "bragt"), lean="for"),
    _Verb("servicere", _weak("servicere"), lean="for"),
    # Telling and informing: the person served is told.
    _Verb("informere", _weak("informere"), lean="for"),
    _Verb("orientere", _weak("orientere"), lean="for"),
    _Verb("fortælle", _conjugate("fortælle", "fortalte", "fortalt"), lean="for"),
    _Verb("formidle", _weak("formidle"), lean="for"),
    # Planning and organising on their behalf.
    _Verb("planlægge", _conjugate("planlægge", "planlagde", "planlagt"), lean="for"),
    _Verb(
        "tilrettelægge",
        _conjugate("tilrettelægge", "tilrettelagde", "tilrettelagt"),
        lean="for",
    ),
    _Verb("strukturere", _weak("strukturere"), lean="for"),
    _Verb("organisere", _weak("organisere"), lean="for"),
    _Verb("ordne", _weak("ordne", imperative=False), lean="for"),
    _Verb("garantere", _weak("garantere"), lean="for"),
    _Verb(
        "holde styr på",
        _conjugate("holde", "holdt", "holdt", extra=["hold"]),
        tail=(_words("styr"), _words("på")),
        lean="for",
    ),
    # Caring: "drager omsorg for", "tager sig af", "passer på" (above).
    _Verb(
        "drage omsorg for",
        _conjugate("drage", "drog", "draget"),
        tail=(_words("omsorg"), _words("for")),
        lean="for",
    ),
    _Verb("overtage", _conjugate("overtage", "overtog", "overtaget"), lean="for"),
    # Listening and asking: the person served is heard.
    _Verb(
        "spørge", _conjugate("spørge", "spurgte", "spurgt", extra=["spørg"]), lean="med"
    ),
    _Verb(
        "høre",
        _conjugate("høre", "hørte", "hørt", imperative=False),
        lean="med",
    ),
    _Verb("opmuntre", _weak("opmuntre"), lean="med"),
    _Verb("bede", _conjugate("bede", "bad", "bedt"), lean="med"),
    _Verb("stilladsere", _weak("stilladsere"), lean="med"),
    _Verb("samskabe", _weak("samskabe"), lean="med"),
    _Verb("ruste", _weak("ruste", imperative=False), lean="med"),
    _Verb(
        "lære",
        _conjugate("lære", "lærte", "lært", imperative=False),
        noun_homographs=_words("lærer"),
    ),
    _Verb("skabe", _conjugate("skabe", "skabte", "skabt")),
    # Casework and service: done on the person's behalf.
    _Verb("udføre", _conjugate("udføre", "udførte", "udført"), lean="for"),
    _Verb("varetage", _conjugate("varetage", "varetog", "varetaget"), lean="for"),
    _Verb("visitere", _weak("visitere"), lean="for"),
    _Verb("bevilge", _weak("bevilge", imperative=False), lean="for"),
    _Verb("udrede", _conjugate("udrede", "udredte", "udredt"), lean="for"),
    # Recognising and mobilising the person's own resources.
    _Verb("anerkende", _conjugate("anerkende", "anerkendte", "anerkendt"), lean="med"),
    _Verb("respektere", _weak("respektere"), lean="med"),
    _Verb("mobilisere", _weak("mobilisere"), lean="med"),
    _Verb(
        "myndiggøre",
        _conjugate("myndiggøre", "myndiggjorde", "myndiggjort"),
        lean="med",
    ),
)

# Multiword verbs first, so "passer på" is not also read as bare "passe".
_VERBS_BY_FORM: dict[str, list[_Verb]] = {}
for _verb in sorted(VERBS, key=lambda v: -len(v.tail)):
    for _form in _verb.forms:
        _VERBS_BY_FORM.setdefault(_form, []).append(_verb)

# Words allowed between a verb and its particle under Danish word order:
# "derfor sørger vi altid for", "tager vi os af".
_TAIL_GAP = _words(
    "vi jeg du de man altid også gerne ofte hver dag derfor ikke bare kun blot især primært godt"
    " rigtig rigtigt virkelig meget"
)
_MAX_TAIL_GAP = 2

# Words after which a noun-homograph form is a noun: "en hjælper", "god pleje", "giver støtte".
_NOUN_MARKERS = _words(
    """
    en et den det de vores deres hans hendes sin sit min mit god gode godt personlig personlige praktisk
    praktiske faglig faglige nødvendig nødvendige rette mere megen meget stor stort ekstra den
    giver give gives gav får fik yder tilbyder modtager af med for til kræver brug er var være
    """
)


# In "omsorg og støtte" the second word is a noun because the first one is.
_COORDINATORS = _words("og eller samt")
_NOUN_SUFFIXES = ("ing", "hed", "else", "skab", "sorg")
_NOUN_WORDS = _words("pleje støtte")


def _is_noun_here(tokens: Sequence[Token], i: int) -> bool:
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before in _NOUN_MARKERS:
        return True
    if before in _COORDINATORS and i >= 2:
        first = tokens[i - 2].text
        # "at pleje og støtte" stays a verb: follow the first word's own reading.
        return (
            first == "hjælp"
            or first.endswith(_NOUN_SUFFIXES)
            or (first in _NOUN_WORDS and _is_noun_here(tokens, i - 2))
        )
    if before == "som":
        # "som vejleder for borgeren" names a role; "som hjælper borgeren" is a verb.
        return (
            after is None
            or not after.is_word
            or after.text in {"for", "på", "i", "hos", "og"}
        )
    return after is None and i == 0


@dataclass(frozen=True, slots=True)
class VerbUse:
    lemma: str
    surface: str
    first: int
    """Token index of the verb's first word."""
    last: int
    """Token index of the verb's last word (its particle, for multiword verbs)."""


def _match_tail(
    tokens: Sequence[Token], i: int, tail: tuple[frozenset[str], ...]
) -> int | None:
    """Index of the last tail word when `tail` follows token i, else None."""
    j = i + 1
    for slot_number, slot in enumerate(tail):
        # Only the first particle may be separated from the verb.
        gap = _MAX_TAIL_GAP if slot_number == 0 else 0
        while (
            j < len(tokens)
            and tokens[j].text not in slot
            and tokens[j].text in _TAIL_GAP
            and gap > 0
        ):
            j += 1
            gap -= 1
        if j >= len(tokens) or tokens[j].text not in slot:
            return None
        j += 1
    return j - 1


# Words after which a form is another verb: "hører til" (belongs), "lærer af" (learns from).
_NOT_THE_VERB_BEFORE: dict[str, frozenset[str]] = {
    "høre": _words("til under sammen op hjemme"),
    "lære": _words("af om noget"),
    "skabe": _words("sig"),
}


# Short words that a missing space glues onto a verb: "informererom", "hjælpermed".
_GLUED = ("om", "at", "på", "med", "til", "for", "de", "vi", "dem", "os")


def _glued_verbs(word: str) -> list[_Verb]:
    """The verbs a word is made of when a missing space glued a short word on."""
    for tail in _GLUED:
        head = word[: -len(tail)]
        if word.endswith(tail) and len(head) >= 6 and head in _VERBS_BY_FORM:
            return [v for v in _VERBS_BY_FORM[head] if not v.tail]
    return []


def find_verbs(
    tokens: Sequence[Token], targets: frozenset[int] = frozenset()
) -> list[VerbUse]:
    """Verbs of approach in the tokens, in order; multiword verbs as one use."""
    uses: list[VerbUse] = []
    consumed: set[int] = set()
    for i, token in enumerate(tokens):
        if i in consumed:
            continue
        for verb in _VERBS_BY_FORM.get(token.text, ()) or _glued_verbs(token.text):
            if verb.tail:
                last = _match_tail(tokens, i, verb.tail)
                if last is None:
                    continue
            else:
                last = i
                # "de hjælper mig", "en hjælper": a person right after makes it the verb.
                if (
                    token.text in verb.noun_homographs
                    and i + 1 not in targets
                    and _is_noun_here(tokens, i)
                ):
                    continue
                # "vi plejer at …" means "we usually …".
                if (
                    verb.lemma == "pleje"
                    and i + 1 < len(tokens)
                    and tokens[i + 1].text == "at"
                ):
                    continue
                # "hører til" is "belongs", "lærer af" is "learns from".
                if i + 1 < len(tokens) and tokens[
                    i + 1
                ].text in _NOT_THE_VERB_BEFORE.get(verb.lemma, ()):
                    continue
                # Bare "passe" is "to fit" unless it takes a person: "passer børnene".
                if verb.lemma == "passe" and i + 1 not in targets:
                    continue
            uses.append(
                VerbUse(
                    verb.lemma, " ".join(t.text for t in tokens[i : last + 1]), i, last
                )
            )
            consumed.update(range(i, last + 1))
            break
    return uses
