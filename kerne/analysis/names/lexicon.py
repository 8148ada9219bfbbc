"""The hand-written lexicon of names for "them" and "us", with their inflections and compounds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

Side = Literal["them", "us"]


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
