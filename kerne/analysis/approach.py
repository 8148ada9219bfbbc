"""Dimension 3, "Vores tilgang til opgaven": the verbs of approach, and for or with.

The method's premise is that a workplace succeeds best when it solves the task
*with* the citizen rather than *for* them, and that employees of one unit
describe their contribution with very different verbs (sikrer, fremmer,
understøtter, udvikler, hjælper, faciliterer, coacher). This module makes both
visible for Danish answers, with hand-written rules only (no model), so every
decision can be explained to a facilitator by the rule that made it.

Orientation is a vote of cues. Each cue has a weight: STRONG for constructions
that state who acts ("til selv at", "sammen med borgeren", "så borgeren får"),
MEDIUM for phrases that put the citizen's terms first ("på borgerens
præmisser"), WEAK for the leaning of a verb on its own ("sikrer" leans for,
"coacher" leans with). A negation or contrast ("ikke …", "frem for …") turns a
construction around: "vi gør det ikke for dem" is evidence for *med*.

Every verb family leans: giving, informing, planning and caring for; listening,
asking, guiding, supporting and involving with. Constructions cover doing it
together ("sammen", "i fællesskab"), taking along ("med på råd", "med til at"),
enabling ("skaber rammer", "lader dem") and the citizen's own voice: in "de
hjælper mig" the speaker is the one served. A tie goes to the first verb that
leans, the answer's main verb; with no evidence at all the answer is "uklart"
and is shown as such. The lexicons were chosen on the Danish development set
as a whole (`python -m bench.quality` reports it per held-out workplace).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from kerne.analysis.names import Token, find_names_in_tokens, group_units, tokenise

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


# --- Orientation cues ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence for an orientation, with the rule that found it."""

    rule: str
    orientation: Orientation
    weight: int
    at: int
    """Token index the cue is anchored on (used for negation scope)."""


# Words that end a clause: the scope of a negation and of a "med …" phrase.
_CLAUSE_END = _words(". , ; : ! ? ( ) men")

# Negations and contrasts whose scope runs to the end of the clause.
_NEGATORS = _words("ikke aldrig uden fremfor")
_CONTRAST_PAIRS = {("frem", "for"), ("stedet", "for"), ("snarere", "end")}
# "ikke kun for dem" does not deny doing it for them.
_NOT_NEGATING_AFTER = _words("kun bare blot alene altid nødvendigvis")

# Pronouns standing for the people served, beside the names found by `names`.
_TARGET_PRONOUNS = _words("dem de hende ham han hun enkelte enkelt")
_POSSESSIVE_PRONOUNS = _words("deres hans hendes")
_FIRST_PERSON = _words("jeg mig vi os")

# Rule: after "med", a noun phrase with a person served means working with them.
# The phrase stops at words that start a new part of the sentence.
_WITH_PHRASE_STOP = _words("om så at for til i på når hvis der som fordi hvor")
_WITH_PHRASE_MAX = 5

# Rule: "for" + person served; verbs of doing make it a strong "for them".
_DOING_VERBS = _words(
    "gør gøre gjorde gjort løser løse løste klarer klare ordner ordne tager laver lave"
)
# "frem for", "i stedet for", "mulighed for" are not the preposition of benefit.
_NOT_BENEFIT_FOR = _words("frem stedet mulighed muligheder behov brug ansvar")

# Rule: the person served receives ("så borgeren får …") — unless what they get
# is the means to act themselves ("får mulighed for", "får redskaber til").
_RECEIVE = _words("får fik modtager modtog tilbydes")
_EMPOWERING_OBJECTS = _words(
    "mulighed muligheder mod lyst redskaber værktøjer kompetencer styrke tro indflydelse ansvar lov"
)
_CARE_PARTICIPLES = _words("hjulpet passet plejet behandlet vasket serviceret")

# Rule: the person served acts ("til selv at", "så de selv kan"), unless "selv"
# belongs to us ("vi gør det selv") or means "even" ("selv når").
_OUR_SUBJECTS = _words("vi os jeg mig")
_NOT_AGENT_SELV_NEXT = _words("om når hvis små de den det en et ved tak")

# Rule: words that by themselves say the citizen acts or decides.
_SELF_WORDS_STRONG = _words(
    "selvhjælp selvhjulpen selvhjulpne mestre mestrer mestrede mestret mestring medbestemmelse medinddragelse borgerinddragelse brugerinddragelse"
)
_SELF_WORDS_MEDIUM = _words(
    "selvstændig selvstændige selvstændigt selvbestemmelse indflydelse medindflydelse medansvar rehabilitering hverdagsrehabilitering rehabiliterende egenomsorg empowerment ressource ressourcer"
)

# Rule: "på borgerens præmisser", "ud fra deres ønsker", "egne mål".
_THEIR_TERMS = _words(
    "præmisser ønsker ønske mål ressourcer styrker drømme perspektiv værdier håb"
)
_OWN = _words("egne egen eget")
_OWN_THINGS = _words("løsninger valg beslutninger liv hverdag træning")

# Rule: the person served is enabled to act: "støtter forældrene i at finde",
# "motiverer borgerne til at tage", "så beboerne kan leve".
_ENABLING = {("i", "at"), ("til", "at")}
_CAN = _words("kan kunne")

# Rule: "lader beboerne bestemme", "skaber rammerne", "hjælpe hinanden": enabling.
_LET = _words("lade lader lod ladet lad")
_CREATE = _words("skabe skaber skabte skabt skab giver give")
_FRAME_WORDS = _words("rammer rammerne rammen rum rummet plads mulighed muligheder")
# Words ending in -t after "bliver" that are not participles: "bliver godt".
_NOT_PARTICIPLES = _words("godt det mest meget mindst lidt bedst sat")

# Rule: nouns of service delivery lean "for".
_DELIVERY_WORDS = _words(
    "ydelse ydelser ydelsen ydelserne levering leverancer omsorg omsorgen service servicen"
)
# Rule: nouns of working together lean "med" ("dialog og samskabelse").
_TOGETHER_WORDS = _words(
    "dialog dialogen samskabelse samproduktion partnerskab partnerskaber sparring ligeværd ligeværdig ligeværdigt"
)


def _negated_tokens(tokens: Sequence[Token]) -> list[bool]:
    """Whether each token lies in the scope of a negation or contrast in its clause."""
    negated = [False] * len(tokens)
    active = False
    for i, token in enumerate(tokens):
        if token.text in _CLAUSE_END:
            active = False
            continue
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        prev = tokens[i - 1].text if i > 0 else ""
        if (token.text in _NEGATORS and nxt not in _NOT_NEGATING_AFTER) or (
            prev,
            token.text,
        ) in _CONTRAST_PAIRS:
            active = True
            continue
        negated[i] = active
    return negated


@dataclass(frozen=True, slots=True)
class _Targets:
    """Token positions that refer to the people served."""

    plain: frozenset[int]
    possessive: frozenset[int]


def _find_targets(tokens: Sequence[Token]) -> _Targets:
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    plain: set[int] = set()
    possessive: set[int] = set()
    for name in find_names_in_tokens(tokens):
        if name.side != "them" or not name.person:
            continue
        indices = range(by_start[name.start], by_end[name.end] + 1)
        # A genitive ("borgerens ønsker") is about their terms, not about them acting.
        (
            possessive
            if name.surface.endswith("s") and name.head not in {"pårørende", "forældre"}
            else plain
        ).update(indices)
    for i, token in enumerate(tokens):
        if token.text in _TARGET_PRONOUNS:
            plain.add(i)
        elif token.text in _POSSESSIVE_PRONOUNS:
            possessive.add(i)
    plain.update(_served_speaker(tokens))
    return _Targets(frozenset(plain), frozenset(possessive))


def _served_speaker(tokens: Sequence[Token]) -> set[int]:
    """The first person, when the one answering is the person served.

    "de hjælper mig", "personalet spørger os": a first-person object that no
    "vi"/"jeg" earlier in its clause can be reflexive to ("vi tager os af")
    means the speaker is on the receiving side; then "jeg", "vi", "mig" and
    "os" all stand for the people served ("vi selv kan lave").
    """
    words = [t.text for t in tokens]
    served = False
    subject_here = False
    for word in words:
        if word in _CLAUSE_END:
            subject_here = False
        elif word in {"vi", "jeg"}:
            subject_here = True
        elif word in {"mig", "os"} and not subject_here:
            served = True
    if not served:
        return set()
    return {i for i, word in enumerate(words) if word in _FIRST_PERSON}


def _clause_window(
    tokens: Sequence[Token], start: int, size: int, stop: frozenset[str] = frozenset()
) -> range:
    """Indices from `start` up to `size` tokens on, ending early at a clause end or stop word."""
    end = start
    while (
        end < len(tokens)
        and end - start < size
        and tokens[end].text not in _CLAUSE_END
        and tokens[end].text not in stop
    ):
        end += 1
    return range(start, end)


def _structural_cues(
    tokens: Sequence[Token], targets: _Targets, consumed: frozenset[int]
) -> list[Cue]:
    """Cues from constructions; these are the ones a negation turns around."""
    cues: list[Cue] = []
    words = [t.text for t in tokens]
    for i, word in enumerate(words):
        prev = words[i - 1] if i > 0 else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word == "med" and any(
            j in targets.plain
            for j in _clause_window(tokens, i + 1, _WITH_PHRASE_MAX, _WITH_PHRASE_STOP)
        ):
            cues.append(Cue("med_dem", "med", STRONG, i))
        elif word == "for" and i not in consumed and prev not in _NOT_BENEFIT_FOR:
            window = _clause_window(tokens, i + 1, 3, _WITH_PHRASE_STOP)
            if any(j in targets.plain or j in targets.possessive for j in window):
                doing = any(w in _DOING_VERBS for w in words[max(0, i - 4) : i])
                cues.append(Cue("for_dem", "for", MEDIUM if doing else WEAK, i))
        elif word == "selv" and nxt not in _NOT_AGENT_SELV_NEXT:
            recent = range(max(0, i - 3), i)
            ours = any(words[j] in _OUR_SUBJECTS for j in recent) and not any(
                j in targets.plain for j in recent
            )
            if not ours:
                cues.append(Cue("selv", "med", STRONG, i))
        elif word in _SELF_WORDS_STRONG:
            cues.append(Cue("selvhjælp", "med", STRONG, i))
        elif word in _SELF_WORDS_MEDIUM:
            cues.append(Cue("egne_kræfter", "med", MEDIUM, i))
        elif word in _RECEIVE and (i - 1 in targets.plain or i - 2 in targets.plain):
            if not any(w in _EMPOWERING_OBJECTS for w in words[i + 1 : i + 4]):
                cues.append(Cue("de_får", "for", STRONG, i))
        elif (
            word in {"bliver", "blev"}
            and nxt in _CARE_PARTICIPLES
            and i - 1 in targets.plain
        ):
            cues.append(Cue("de_bliver_hjulpet", "for", MEDIUM, i))
        elif (word, nxt) in _ENABLING and (
            i - 1 in targets.plain or i - 2 in targets.plain
        ):
            cues.append(Cue("de_gør_selv", "med", MEDIUM, i))
        elif word in _CAN and i - 1 in targets.plain:
            cues.append(Cue("de_kan", "med", WEAK, i))
        elif (
            prev in _OWN
            and word in _OWN_THINGS
            or word in _THEIR_TERMS
            and (
                prev in _OWN
                or i - 1 in targets.possessive
                or i - 2 in targets.possessive
            )
        ):
            cues.append(Cue("deres_præmisser", "med", MEDIUM, i))
        elif word == "sammen" or (prev, word) == ("i", "fællesskab"):
            cues.append(Cue("sammen", "med", MEDIUM, i))
        elif word == "med" and (nxt, words[i + 2] if i + 2 < len(words) else "") in {
            ("til", "at"),
            ("på", "råd"),
        }:
            # "er med til at bestemme", "tager borgeren med på råd".
            cues.append(Cue("med_til_at", "med", STRONG, i))
        elif word in _LET and i + 1 in targets.plain:
            cues.append(Cue("lader_dem", "med", STRONG, i))
        elif word in _FRAME_WORDS and any(
            w in _CREATE for w in words[max(0, i - 3) : i]
        ):
            # "skaber rammer/rum for …": enabling, not doing.
            cues.append(Cue("skaber_rammer", "med", MEDIUM, i))
        elif word == "hinanden":
            cues.append(Cue("hinanden", "med", WEAK, i))
        elif (
            word in {"bliver", "blev"}
            and i - 1 in targets.plain
            and nxt.endswith("t")
            and nxt not in _NOT_PARTICIPLES
        ):
            # "så barnet bliver undersøgt": the person served undergoes it.
            cues.append(Cue("de_bliver_gjort", "for", MEDIUM, i))
        elif word == "til" and nxt != "at" and i + 1 in targets.plain:
            cues.append(Cue("til_dem", "for", WEAK, i))
        elif (prev, word) == ("til", "rådighed"):
            cues.append(Cue("til_rådighed", "for", WEAK, i))
        elif word == "øjenhøjde":
            cues.append(Cue("øjenhøjde", "med", MEDIUM, i))
        elif word in _TOGETHER_WORDS:
            cues.append(Cue("samskabelse", "med", WEAK, i))
        elif (
            word == "hvor"
            and i + 2 < len(words)
            and i + 1 in targets.plain
            and words[i + 2] in {"er", "står"}
            and (i + 3 >= len(words) or words[i + 3] in _CLAUSE_END)
        ):
            # "vi møder borgeren, hvor han er": on their terms.
            cues.append(Cue("hvor_de_er", "med", MEDIUM, i))
        elif word in _DELIVERY_WORDS:
            cues.append(Cue("ydelser", "for", WEAK, i))
    return cues


@dataclass(frozen=True, slots=True)
class ApproachResult:
    verbs: tuple[str, ...]
    """Lemmas of the verbs of approach, unique, in order of first use."""
    orientation: Orientation | None
    cues: tuple[Cue, ...] = ()
    """The evidence behind the orientation, after negation; for explaining it."""


def decide(cues: Iterable[Cue]) -> Orientation | None:
    """The orientation a set of cues votes for; None ("uklart") when nothing tips it.

    A tie is settled by the main verb, the first one that leans: in "vi
    sørger for at lytte" the answer is about making sure.
    """
    ordered = sorted(cues, key=lambda c: c.at)
    score = Counter[str]()
    for cue in ordered:
        score[cue.orientation] += cue.weight
    if score["med"] > score["for"]:
        return "med"
    if score["for"] > score["med"]:
        return "for"
    return next(
        (cue.orientation for cue in ordered if cue.rule.startswith("verbum_")),
        None,
    )


def analyse_approach(text: str) -> ApproachResult:
    """The verbs of approach in one answer and whether it speaks for or with them."""
    tokens = tokenise(text)
    targets = _find_targets(tokens)
    verbs = find_verbs(tokens, targets.plain)
    consumed = frozenset(j for v in verbs for j in range(v.first, v.last + 1))
    negated = _negated_tokens(tokens)

    cues: list[Cue] = []
    for cue in _structural_cues(tokens, targets, consumed):
        # "ikke for dem" is with them; "ikke selv kan" is for them.
        cues.append(
            Cue(f"ikke_{cue.rule}", _flip(cue.orientation), cue.weight, cue.at)
            if negated[cue.at]
            else cue
        )
    by_lemma = {v.lemma: v for v in VERBS}
    for use in verbs:
        verb = by_lemma[use.lemma]
        # A negated verb ("vi sikrer ikke …") says little about the approach, so it is dropped, not flipped.
        if verb.lean is not None and not negated[use.first]:
            cues.append(
                Cue(f"verbum_{verb.lemma}", verb.lean, verb.lean_weight, use.first)
            )

    orientation = decide(cues)
    return ApproachResult(
        tuple(dict.fromkeys(v.lemma for v in verbs)), orientation, tuple(cues)
    )


# --- Aggregation -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupApproach:
    size: int
    """Answers in the group."""
    verb_counts: dict[str, int] = field(default_factory=dict)
    """Answers using each verb."""
    verb_shares: dict[str, float] = field(default_factory=dict)
    """Each verb's share of all verb uses in the group (sums to 1 when any verb is used)."""
    orientation_counts: dict[str, int] = field(default_factory=dict)
    """Answers per orientation: "for", "med" and "none"."""
    orientation_shares: dict[str, float] = field(default_factory=dict)
    """Share of the group's answers per orientation (sums to 1)."""


def _summarise(results: Iterable[ApproachResult]) -> GroupApproach:
    chosen = list(results)
    verbs = Counter(lemma for r in chosen for lemma in set(r.verbs))
    total_verbs = sum(verbs.values())
    verb_counts = dict(sorted(verbs.items(), key=lambda item: (-item[1], item[0])))
    orientations = Counter(r.orientation or NO_ORIENTATION for r in chosen)
    orientation_counts = {
        key: orientations[key] for key in (*ORIENTATIONS, NO_ORIENTATION)
    }
    return GroupApproach(
        size=len(chosen),
        verb_counts=verb_counts,
        verb_shares={lemma: n / total_verbs for lemma, n in verb_counts.items()},
        orientation_counts=orientation_counts,
        orientation_shares={
            key: n / len(chosen) for key, n in orientation_counts.items()
        }
        if chosen
        else {},
    )


def approach_by_group(
    results: Sequence[ApproachResult],
    groups: Sequence[str | None],
    *,
    min_group_size: int = 5,
) -> dict[str, GroupApproach]:
    """Verb and orientation distributions per group; groups below `min_group_size` never appear alone."""
    if len(results) != len(groups):
        raise ValueError("results and groups must have the same length")
    return {
        unit: _summarise(results[i] for i in indices)
        for unit, indices in group_units(groups, min_group_size).items()
    }
