"""Orientation cues: the constructions that say who acts, and negation that turns them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kerne.analysis.approach.verbs import MEDIUM, STRONG, WEAK, Orientation, _words
from kerne.analysis.names import find_names_in_tokens
from kerne.analysis.text.tokens import Token

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
