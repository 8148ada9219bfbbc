"""Dimension 4, "Målgruppen": what an answer calls the people served, and itself.

The method asks "Hvad kalder vi dem – og dermed også os selv?". A workplace
that says "borgerne" in one answer, "brugerne" in the next and "vores ældre"
in a third has no shared picture of whom it succeeds with. This module finds
those names in Danish answers with a hand-written lexicon (no model), folds
inflections and compounds to one canonical name, and counts them by group.

Canonical names are lemmas: "borgernes" → "borger", "plejehjemsbeboere" →
"plejehjemsbeboer", "ældre borgere" → "ældre borger", "de unge" → "unge".

Beyond inflection and compounds the lexicon folds colloquial forms ("ungerne",
"mor og far", "os gamle", "de små"), collective compounds ("forældregruppen"
→ "forældre"), circumlocutions with an agent noun ("os der bor her" →
"beboer", "vi der bruger biblioteket" → "bruger") and single typing slips in
long forms ("burgerne" → "bruger"). The lexicon was chosen on the Danish
development set as a whole; `python -m bench.quality` reports it per
held-out workplace.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from kerne.lib.anonymity import plan_reporting

Side = Literal["them", "us"]

OTHER_GROUP = "Øvrige"
"""Reporting unit for groups pooled because they are below `min_group_size`."""

NO_GROUP = "Uden gruppe"
"""Group of answers that carry no group at all."""


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


# Words, with inner hyphens ("sosu-hjælper") kept, or one punctuation mark. The
# punctuation matters: a comma ends the phrase a rule looks at.
_TOKEN = re.compile(r"[0-9a-zà-öø-ÿ]+(?:-[0-9a-zà-öø-ÿ]+)*|[.,;:!?()]")


def normalise(text: str) -> str:
    """NFC and lower case; offsets into the result match the NFC text."""
    return unicodedata.normalize("NFC", text).lower()


def tokenise(text: str) -> list[Token]:
    return [
        Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(normalise(text))
    ]


@dataclass(frozen=True, slots=True)
class Name:
    """One mention of a name for "them" or "us" in an answer."""

    name: str
    """Canonical form, e.g. "borger" or "ældre borger"."""
    head: str
    """The base noun, e.g. "borger" for "hjemmeplejeborgere"."""
    side: Side
    person: bool
    """False for organisations ("virksomhed"): they are a target group but not people."""
    surface: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Noun:
    lemma: str
    side: Side
    forms: frozenset[str]
    person: bool = True
    neuter: bool = False
    # Adjectives used as nouns ("de unge", "ældre") need a context check so
    # that "ældre end" or "ledige stillinger" are not read as names.
    adjectival: bool = False
    # Heads that may end a compound ("skole" + "elever"); adjectives may not,
    # or "forældre" would read as a compound of "ældre".
    compounds: bool = True
    # Bare forms that are also common verbs ("vi bruger tid", "hun leder efter").
    verb_homographs: frozenset[str] = frozenset()
    # Everyday adjectives ("gamle", "små") name people only with nothing after
    # them: "os gamle", "de små", but not "de gamle bøger".
    strict: bool = False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _with_genitive(forms: Iterable[str]) -> frozenset[str]:
    return frozenset(
        f for form in forms for f in (form, form if form.endswith("s") else form + "s")
    )


def _noun(
    lemma: str,
    plural: str,
    side: Side = "them",
    *,
    neuter: bool = False,
    person: bool = True,
    extra: Sequence[str] = (),
    verb_homographs: Sequence[str] = (),
) -> _Noun:
    """Inflect a regular noun: singular and plural, indefinite and definite, with genitives."""
    definite = (
        lemma + ("t" if neuter else "n")
        if lemma.endswith("e")
        else lemma + ("et" if neuter else "en")
    )
    definite_plural = plural[:-1] + "ne" if plural.endswith("e") else plural + "ne"
    forms = _with_genitive((lemma, definite, plural, definite_plural, *extra))
    return _Noun(
        lemma,
        side,
        forms,
        person=person,
        neuter=neuter,
        verb_homographs=frozenset(verb_homographs),
    )


def _adjectival(
    lemma: str,
    *forms: str,
    side: Side = "them",
    compounds: bool = False,
    strict: bool = False,
) -> _Noun:
    return _Noun(
        lemma,
        side,
        _with_genitive((lemma, *forms)),
        adjectival=True,
        compounds=compounds,
        strict=strict,
    )


# Names for "them". Plural-only or adjectival names use the form people use
# for the group ("forældre", "unge", "ældre") as their canonical name.
THEM: tuple[_Noun, ...] = (
    _noun("borger", "borgere"),
    _noun("bruger", "brugere", verb_homographs=["bruger"]),
    _noun("patient", "patienter"),
    _noun("elev", "elever"),
    _Noun(
        "forældre",
        "them",
        # "mor og far" are the parents in everyday speech.
        _with_genitive(
            (
                "forælder",
                "forælderen",
                "forældre",
                "forældrene",
                *_words("mor moren mødre mødrene far faren fædre fædrene"),
            )
        ),
    ),
    _adjectival("pårørende"),
    _noun("kunde", "kunder"),
    _noun("beboer", "beboere"),
    _adjectival("ledig", "ledige", compounds=True),
    _noun("klient", "klienter"),
    _Noun(
        "barn",
        "them",
        # Colloquial: "ungerne", "vores unger", "poderne".
        _with_genitive(
            (
                *_words("barn barnet børn børnene ungen unger ungerne"),
                *_words("pode poden poder poderne"),
            )
        ),
        neuter=True,
    ),
    # "de små", "de mindste" in a nursery are the children.
    _Noun(
        "barn",
        "them",
        frozenset({"små", "mindste"}),
        adjectival=True,
        compounds=False,
        strict=True,
    ),
    _adjectival("unge", "ung"),
    _adjectival("ældre"),
    _noun("familie", "familier"),
    _noun("deltager", "deltagere", verb_homographs=["deltager"]),
    _noun("kursist", "kursister"),
    _adjectival("studerende"),
    _noun("virksomhed", "virksomheder", person=False),
    _noun("arbejdsgiver", "arbejdsgivere", person=False),
    _adjectival("sygemeldt", "sygemeldte", compounds=True),
    _noun("menneske", "mennesker", neuter=True, extra=["menneskene"]),
    _adjectival("voksne", "voksen"),
    _noun("gæst", "gæster"),
    _noun("ansøger", "ansøgere"),
    _noun("pensionist", "pensionister"),
    _noun("låner", "lånere", verb_homographs=["låner"]),
    _adjectival("besøgende"),
    # Not in compounds: a "kontaktperson" or "fagperson" is one of us.
    replace(_noun("person", "personer"), compounds=False),
    _noun(
        "lokalsamfund",
        "lokalsamfund",
        neuter=True,
        person=False,
        extra=["lokalsamfundene"],
    ),
    _adjectival("arbejdsløs", "arbejdsløse", compounds=True),
    # "jobsøgende", "boligsøgende", "asylansøgere" end in these heads.
    _adjectival("søgende", compounds=True),
    _adjectival("gamle", "gammel", strict=True),
)

# Names for "us". "vi" gathers the pronouns: they name the speaker's side
# without a profession, which is itself worth counting.
US: tuple[_Noun, ...] = (
    _Noun(
        "vi",
        "us",
        frozenset({"vi", "os", "vores", "vor", "vort", "vore"}),
        compounds=False,
    ),
    _Noun(
        "jeg", "us", frozenset({"jeg", "mig", "min", "mit", "mine"}), compounds=False
    ),
    _noun("medarbejder", "medarbejdere", "us"),
    _Noun("personale", "us", _with_genitive(("personale", "personalet")), neuter=True),
    _noun("hjælper", "hjælpere", "us", verb_homographs=["hjælper"]),
    _noun("sygeplejerske", "sygeplejersker", "us"),
    _noun("lærer", "lærere", "us", verb_homographs=["lærer"]),
    _noun("pædagog", "pædagoger", "us"),
    _noun("sagsbehandler", "sagsbehandlere", "us"),
    _noun("behandler", "behandlere", "us", verb_homographs=["behandler"]),
    _noun("rådgiver", "rådgivere", "us", verb_homographs=["rådgiver"]),
    _noun("vejleder", "vejledere", "us", verb_homographs=["vejleder"]),
    _noun("kollega", "kollegaer", "us", extra=["kolleger", "kollegerne"]),
    _noun("team", "teams", "us", neuter=True, extra=["teamene"]),
    _noun("leder", "ledere", "us", verb_homographs=["leder"]),
    _noun("assistent", "assistenter", "us"),
    _noun("terapeut", "terapeuter", "us"),
    _noun("konsulent", "konsulenter", "us"),
    _noun("fagperson", "fagpersoner", "us"),
    _adjectival("ansat", "ansatte", side="us"),
)

_LEXICON: dict[str, _Noun] = {
    form: noun for noun in (*THEM, *US) for form in noun.forms
}
# Longest first, so "sagsbehandlere" is found as itself before as "…behandlere".
_COMPOUND_HEADS: tuple[tuple[str, _Noun], ...] = tuple(
    sorted(
        ((f, n) for f, n in _LEXICON.items() if n.compounds),
        key=lambda item: -len(item[0]),
    )
)
# Words that merely end like a name: "sekunder" is not a kind of "kunder".
_FALSE_COMPOUNDS = frozenset(
    {
        "sekund",
        "sekunder",
        "sekunden",
        "sekunderne",
        "sekunds",
        "misbruger",
        "forbruger",
        "genbruger",
        "udleder",
        "afleder",
    }
)
_MIN_COMPOUND_PREFIX = 3

# Words after which an ambiguous form is a noun: "en bruger", "den unge", "vores ældre".
_DETERMINERS = _words(
    "en et den det de denne dette disse hver enhver vores vor vore deres hans hendes sin sit sine min mit mine alle mange flere nogle få ny nye andre enkelte"
)
_FIRST_PERSON_PLURAL = _words("os vi jer")
# Function words after which a substantivised adjective stands alone: "de ældre har brug for".
_AFTER_NOUN = _words(
    """
    og eller men samt i på til med for fra af hos om ved under over efter mod uden som der at
    er var har havde kan skal vil må får fik bliver blev selv og så både også ikke
    """
)

# Adjectives that make a group name of a noun: "ældre borgere", "udsatte børn".
_MODIFIERS: dict[str, str] = {
    "ældre": "ældre",
    "unge": "ung",
    "ung": "ung",
    "udsatte": "udsat",
    "udsat": "udsat",
    "sårbare": "sårbar",
    "sårbar": "sårbar",
    "syge": "syg",
    "syg": "syg",
    "demente": "dement",
    "dement": "dement",
    "ensomme": "ensom",
    "handicappede": "handicappet",
    "ledige": "ledig",
    "sygemeldte": "sygemeldt",
    "voksne": "voksen",
    "små": "lille",
}


def _neuter(adjective: str) -> str:
    if adjective.endswith(("e", "t")) or adjective == "lille":
        return adjective
    return adjective + "t"


# Collective nouns that name a group of people by its first part:
# "forældregruppen", "børneflokken", "brugerkredsen".
_COLLECTIVES = tuple(
    f
    for stem in ("gruppe", "flok", "kreds", "skare")
    for f in _with_genitive(
        (stem, stem + "n", stem + "r", stem + "rne")
        if stem.endswith("e")
        else (stem, stem + "ken" if stem == "flok" else stem + "en", stem + "e")
    )
)
# Linking forms in compounds: "børne-" in "børnegruppe", "borger-" in "borgergruppe".
_LINKING_FORMS: dict[str, str] = {"børne": "børn", "forældre": "forældre"}


def _match_collective(word: str) -> tuple[_Noun, str] | None:
    for tail in _COLLECTIVES:
        if not word.endswith(tail) or len(word) <= len(tail):
            continue
        first = word[: -len(tail)].rstrip("-")
        first = _LINKING_FORMS.get(first, first)
        noun = _LEXICON.get(first) or _LEXICON.get(first.removesuffix("s"))
        if noun is not None and noun.side == "them" and noun.person:
            return noun, noun.lemma
    return None


@lru_cache(maxsize=65536)
def _match_word(word: str) -> tuple[_Noun, str] | None:
    """The noun a single word names and its canonical form, compounds included."""
    noun = _LEXICON.get(word)
    if noun is not None:
        return noun, noun.lemma
    if word in _FALSE_COMPOUNDS:
        return None
    collective = _match_collective(word)
    if collective is not None:
        return collective
    for form, head in _COMPOUND_HEADS:
        prefix = word[: -len(form)]
        if word.endswith(form) and len(prefix.rstrip("-")) >= _MIN_COMPOUND_PREFIX:
            return head, prefix + head.lemma
    return _match_typo(word)


# Typing slips in long name forms: "burgerne", "beboerene", "paarørende".
# Short words are left alone: "hjælpe" is not a slip for "hjælper".
_MIN_TYPO_LENGTH = 8
_ASCII_LETTERS = (("ae", "æ"), ("oe", "ø"), ("aa", "å"))
_TYPO_TARGETS: dict[str, _Noun] = {
    form: noun
    for form, noun in _LEXICON.items()
    if len(form) >= _MIN_TYPO_LENGTH
    and not noun.adjectival
    and form not in noun.verb_homographs
} | {form: noun for form, noun in _LEXICON.items() if form == "pårørende"}


def _one_slip_away(word: str, form: str) -> bool:
    """One swap of neighbours, one letter dropped, added or changed."""
    if abs(len(word) - len(form)) > 1 or word == form:
        return False
    if len(word) == len(form):
        diff = [k for k in range(len(word)) if word[k] != form[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == form[diff[1]]
            and word[diff[1]] == form[diff[0]]
        )
    short, long = (word, form) if len(word) < len(form) else (form, word)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _match_typo(word: str) -> tuple[_Noun, str] | None:
    if len(word) < _MIN_TYPO_LENGTH - 1:
        return None
    spelled = word
    for ascii_form, letter in _ASCII_LETTERS:
        spelled = spelled.replace(ascii_form, letter)
    if spelled != word and spelled in _LEXICON:
        noun = _LEXICON[spelled]
        return noun, noun.lemma
    candidates = sorted(
        {form for key in (word, *_deletions(word)) for form in _TYPO_INDEX.get(key, ())}
    )
    # A swap or a dropped letter is a likelier slip than a changed letter:
    # "burgerne" is "brugerne" before it is "borgerne".
    for kinds in (_swapped_or_dropped, _one_slip_away):
        for form in candidates:
            if kinds(word, form):
                noun = _TYPO_TARGETS[form]
                return noun, noun.lemma
    return None


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


# Every form and every form with one letter deleted, to the forms: a word one
# slip away shares a key with its form (the "symmetric delete" lookup).
_TYPO_INDEX: dict[str, list[str]] = {}
for _form in _TYPO_TARGETS:
    for _key in {_form, *_deletions(_form)}:
        _TYPO_INDEX.setdefault(_key, []).append(_form)


def _swapped_or_dropped(word: str, form: str) -> bool:
    if len(word) == len(form):
        diff = [k for k in range(len(word)) if word[k] != form[k]]
        return len(diff) == 2 and _one_slip_away(word, form)
    return _one_slip_away(word, form)


def _stands_alone(tokens: Sequence[Token], i: int) -> bool:
    """Whether an adjectival or verb-homograph form is used as a noun here."""
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before in _DETERMINERS:
        return True
    if before == "som":
        # "som vejleder for …" names a role; "som hjælper borgeren" is a verb.
        return (
            after is None
            or not after.is_word
            or after.text in {"for", "på", "i", "hos", "og"}
        )
    return False


# Things, not people, that the adjectival names also describe: "ledige stillinger".
_THINGS_AFTER_ADJECTIVE = _words(
    "end stillinger stilling job jobs pladser plads tid lokaler boliger bolig midler hænder dage år"
)


def _adjectival_stands_alone(
    tokens: Sequence[Token], i: int, *, strict: bool = False
) -> bool:
    if i + 1 < len(tokens) and tokens[i + 1].text in _THINGS_AFTER_ADJECTIVE:
        return False
    if strict:
        # "os gamle", "de små og de store": a person word with nothing after it.
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        before = tokens[i - 1].text if i > 0 else ""
        return (before in _DETERMINERS or before in _FIRST_PERSON_PLURAL) and (
            after is None or not after.is_word or after.text in _AFTER_NOUN
        )
    if i > 0 and tokens[i - 1].text in {"lidt", "noget", "meget", "endnu", "år"}:
        return False
    if _stands_alone(tokens, i):
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    # At the start of a sentence a bare plural is its subject: "Jobsøgende står i kø".
    starts_sentence = i == 0 or tokens[i - 1].text in {".", "!", "?", ":"}
    return (
        starts_sentence
        or after is None
        or not after.is_word
        or after.text in _AFTER_NOUN
    )


def find_names(text: str) -> list[Name]:
    """Every mention of a name for "them" or "us", in text order."""
    return find_names_in_tokens(tokenise(text))


# "dem der bor her", "vi der bruger biblioteket", "os som låner": a pronoun
# and a relative clause whose verb has an agent noun name the group by it.
_CIRCUMLOCUTION_PRONOUNS = _words("dem de os vi alle folk")
_RELATIVES = _words("der som")
_AGENT_OF_VERB: dict[str, str] = {
    "bor": "beboer",
    "boede": "beboer",
    "bruger": "bruger",
    "brugte": "bruger",
    "låner": "låner",
    "lånte": "låner",
    "besøger": "besøgende",
    "deltager": "deltager",
}
_NOUN_BY_LEMMA: dict[str, _Noun] = {n.lemma: n for n in THEM}


def _circumlocution(tokens: Sequence[Token], i: int) -> Name | None:
    if i + 2 >= len(tokens) or tokens[i].text not in _CIRCUMLOCUTION_PRONOUNS:
        return None
    if tokens[i + 1].text not in _RELATIVES:
        return None
    agent = _AGENT_OF_VERB.get(tokens[i + 2].text)
    if agent is None:
        return None
    noun = _NOUN_BY_LEMMA[agent]
    return Name(
        noun.lemma,
        noun.lemma,
        noun.side,
        noun.person,
        " ".join(t.text for t in tokens[i : i + 3]),
        tokens[i].start,
        tokens[i + 2].end,
    )


def find_names_in_tokens(tokens: Sequence[Token]) -> list[Name]:
    """As `find_names`, for callers that already tokenised (the approach rules)."""
    found: list[Name] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        described = _circumlocution(tokens, i)
        if described is not None:
            # The pronoun stays a name of its own ("os" is also "vi").
            if token.text in _LEXICON:
                noun = _LEXICON[token.text]
                found.append(
                    Name(
                        noun.lemma,
                        noun.lemma,
                        noun.side,
                        noun.person,
                        token.text,
                        token.start,
                        token.end,
                    )
                )
            found.append(described)
            i += 3
            continue
        modifier = _MODIFIERS.get(token.text)
        following = (
            _match_word(tokens[i + 1].text)
            if modifier and i + 1 < len(tokens)
            else None
        )
        if (
            modifier
            and following is not None
            and not following[0].adjectival
            and following[0].side == "them"
        ):
            # "ældre borgere", "udsatte børn": the adjective is part of the name.
            head, head_name = following
            adjective = _neuter(modifier) if head.neuter else modifier
            end = tokens[i + 1]
            found.append(
                Name(
                    f"{adjective} {head_name}",
                    head.lemma,
                    head.side,
                    head.person,
                    f"{token.text} {end.text}",
                    token.start,
                    end.end,
                )
            )
            i += 2
            continue
        match = _match_word(token.text) if token.is_word else None
        if match is None:
            i += 1
            continue
        noun, canonical = match
        if noun.adjectival and not _adjectival_stands_alone(
            tokens, i, strict=noun.strict
        ):
            i += 1
            continue
        if token.text in noun.verb_homographs and not _stands_alone(tokens, i):
            i += 1
            continue
        found.append(
            Name(
                canonical,
                noun.lemma,
                noun.side,
                noun.person,
                token.text,
                token.start,
                token.end,
            )
        )
        i += 1
    return found


@dataclass(frozen=True, slots=True)
class AnswerNames:
    them: tuple[str, ...]
    """Canonical names for the people served, unique, in order of first mention."""
    us: tuple[str, ...]


def analyse_names(text: str) -> AnswerNames:
    names = find_names(text)
    them = dict.fromkeys(n.name for n in names if n.side == "them")
    us = dict.fromkeys(n.name for n in names if n.side == "us")
    return AnswerNames(tuple(them), tuple(us))


@dataclass(frozen=True, slots=True)
class Distribution:
    """How many answers use each name, and each name's share of all name uses."""

    counts: dict[str, int] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, per_answer: Iterable[Iterable[str]]) -> Distribution:
        counts = Counter(name for names in per_answer for name in set(names))
        total = sum(counts.values())
        ordered = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        return cls(ordered, {name: n / total for name, n in ordered.items()})


@dataclass(frozen=True, slots=True)
class GroupNames:
    size: int
    """Answers in the group."""
    them: Distribution
    us: Distribution
    without_names: int
    """Answers that name no one on the "them" side."""


def group_units(
    groups: Sequence[str | None], min_group_size: int
) -> dict[str, list[int]]:
    """Answer indices per reporting unit; small groups pooled as "Øvrige" or dropped.

    The pooling rule is the project's one rule (kerne.lib.anonymity), so these
    figures cannot be subtracted from another page's to expose a small group.
    """
    keys = [NO_GROUP if g is None or not g.strip() else g.strip() for g in groups]
    plan = plan_reporting(Counter(keys), min_group_size)
    units: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        unit = plan.unit_of(key)
        if unit is None:
            continue
        units.setdefault(key if unit == key else OTHER_GROUP, []).append(index)
    return units


def names_by_group(
    answers: Sequence[AnswerNames],
    groups: Sequence[str | None],
    *,
    min_group_size: int = 5,
) -> dict[str, GroupNames]:
    """Name distributions per group; groups below `min_group_size` never appear alone."""
    if len(answers) != len(groups):
        raise ValueError("answers and groups must have the same length")
    result: dict[str, GroupNames] = {}
    for unit, indices in group_units(groups, min_group_size).items():
        chosen = [answers[i] for i in indices]
        result[unit] = GroupNames(
            size=len(chosen),
            them=Distribution.of(a.them for a in chosen),
            us=Distribution.of(a.us for a in chosen),
            without_names=sum(1 for a in chosen if not a.them),
        )
    return result
