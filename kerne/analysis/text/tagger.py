"""A small Danish part-of-speech tagger read off simplemma's full-form dictionary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kerne.analysis.text.words import PHRASE_MODIFIERS, STOP_WORDS, _word_list

# --- Noun phrases for theme labels -------------------------------------------------
#
# A facilitator reads "Faste hjælpere" or "Tid til en snak" more easily than
# "Hjælper · faste". Label terms are therefore built from noun-headed phrases:
# a noun, an adjective + noun, or noun + preposition + noun, keyed by lemmas so
# "hjælperen", "hjælpere" and "hjælper" count together. Lemmas come from the
# Danish full-form dictionary that ships inside the simplemma wheel (no network).
# simplemma has no part-of-speech tagger, so a word's class is read off the
# dictionary itself: a lemma whose definite forms ("-en", "-et", "-erne") lead
# back to it can be a noun, one with past forms ("-ede", "-te") a verb, one with
# "-e"/"-t"/"-ere" forms an adjective; the word before settles ambiguous cases.

_VOWELS = frozenset("aeiouyæøå")

# Words after which an ambiguous word ("hjælper") is a noun ...
_NOUN_CONTEXT: frozenset[str] = _word_list(
    """
    en et denne dette disse min mit mine din dit dine sin sit sine hans
    hendes deres vores jeres vor vort vore samme hver hvert ingen nogen noget
    nogle flere færre mange få alle enhver ens borgerens
    """
)
# ... and after which it is a verb ("vi hjælper", "der sørger", "at bestemme").
_VERB_CONTEXT: frozenset[str] = _word_list(
    """
    jeg du han hun vi i de man der som at kan skal vil må bør kunne skulle ville
    måtte burde tør lad ikke også altid aldrig selv gerne
    """
)
# After these a word in "-e" is an infinitive, whatever else it could be.
_INFINITIVE_CONTEXT: frozenset[str] = _word_list(
    "at kan skal vil må bør kunne skulle ville måtte burde tør lad"
)
# Comparatives used as nouns for target groups ("de ældre").
_COMPARATIVES: frozenset[str] = _word_list("ældre yngre")
# Prepositions that may join two nouns in a label ("tid til snak", "tryghed i hjemmet").
LABEL_PREPOSITIONS: frozenset[str] = _word_list(
    "til i med på af for om ved fra hos uden mellem efter mod over under"
)
# Words that may stand between the preposition and the second noun ("til en snak").
_PHRASE_DETERMINERS: frozenset[str] = _word_list("en et den det")
# Time words: "morgenmaden til klokken kvart" names no theme.
_TIME_NOUNS: frozenset[str] = _word_list(
    """
    morgen formiddag middag eftermiddag aften nat klokke klokken kvart halv time
    minut dag uge måned år weekend døgn
    """
)
# Evaluative words the dictionary also lists as nouns ("galt", "fedt", "træls").
_NON_HEADS: frozenset[str] = _word_list(
    "galt fedt træls sjovt sjov skidt synd vildt nice ok okay godt gode selv bo bor"
)
# Generic nouns that may still end a phrase ("medicin til tiden").
_TAIL_NOUNS: frozenset[str] = _word_list("tid tiden")
# Nouns that head no theme on their own, however often they occur.
_WEAK_NOUNS: frozenset[str] = _word_list(
    """
    ting del måde gang slags tid år dag uge måned time minut fald sted side
    mulighed eksempel led grund ord navn ende form andet alt folk kl nr selv
    """
)

NOUN, ADJ, VERB, OTHER = "N", "A", "V", "-"
_ADJ_ENDINGS = ("t", "e", "ere", "este")


def _danish_letters(word: str) -> str:
    """ "raekkefoelgen" typed without Danish letters, as "rækkefølgen"."""
    return word.replace("aa", "å").replace("ae", "æ").replace("oe", "ø")


def _danish_dictionary() -> Mapping[str, str]:
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    return DEFAULT_DICTIONARY_FACTORY.get_dictionary("da")


class Tagger:
    """Lemma and coarse word class of Danish words, from simplemma's dictionary."""

    def __init__(self) -> None:
        self._lemmas = _danish_dictionary()
        self._classes: dict[str, frozenset[str]] = {}
        self._analysed: dict[str, tuple[str, frozenset[str]]] = {}

    def _lemma(self, word: str) -> str | None:
        lemma = self._lemmas.get(word)
        return lemma.lower() if lemma else None

    def _forms(self, lemma: str, suffixes: Iterable[str]) -> list[str]:
        out = [lemma + s for s in suffixes]
        # "hjem" → "hjemmet", "ven" → "vennerne": a short final syllable doubles.
        if len(lemma) >= 3 and lemma[-1] not in _VOWELS and lemma[-2] in _VOWELS:
            out += [lemma + lemma[-1] + s for s in suffixes]
        return out

    def _leads_back(
        self, lemma: str, suffixes: Iterable[str], base: str | None = None
    ) -> bool:
        """True if a form `base + suffix` is listed with `lemma` as its lemma."""
        forms = self._forms(lemma if base is None else base, suffixes)
        return any(self._lemma(f) == lemma for f in forms if f != lemma)

    def classes(self, lemma: str) -> frozenset[str]:
        """The word classes a lemma can have, judged from its inflected forms."""
        found = self._classes.get(lemma)
        if found is not None:
            return found
        out = set()
        # Verbs list a "-en" form too ("glemmen"), so nouns in "-e" need a plural.
        if self._leads_back(
            lemma,
            ("rne", "ne", "ns", "ene", "erne")
            if lemma[-1:] in _VOWELS
            else ("en", "et", "ene", "erne", "ne", "n", "ens"),
        ):
            out.add(NOUN)
        # Only past forms tell a verb: "-er" is also the plural of nouns in "-e".
        # "glemme" → "glemte": a doubled consonant is single in the past.
        short = lemma[:-2] if lemma[-2:-1] == lemma[-3:-2] else lemma[:-1]
        if lemma[-1:] in _VOWELS and (
            self._leads_back(lemma, ("ede", "te"), base=lemma[:-1])
            or self._leads_back(lemma, ("te",), base=short)
            or self._leads_back(lemma, ("de",))
        ):
            out.add(VERB)
        # "sikker" → "sikre", "gammel" → "gamle".
        elided = (
            lemma[:-2] + lemma[-1] + "e" if lemma[-2:] in ("er", "el", "en") else ""
        )
        # "-t" after "-e" is a verb's participle ("borget"), not an adjective.
        adjective = ("ere", "este") if lemma[-1:] == "e" else ("t", "ere", "este")
        if (
            lemma in PHRASE_MODIFIERS
            or self._leads_back(lemma, adjective)
            or (elided and self._lemma(elided) == lemma)
        ):
            out.add(ADJ)
        found = self._classes[lemma] = frozenset(out)
        return found

    def analyse(self, word: str) -> tuple[str, frozenset[str]]:
        """(lemma, possible classes) of one lower-case word, without context."""
        cached = self._analysed.get(word)
        if cached is not None:
            return cached
        lemma = self._lemma(word)
        if word in STOP_WORDS and word not in PHRASE_MODIFIERS:
            result: tuple[str, frozenset[str]] = (lemma or word, frozenset())
        elif word in _COMPARATIVES:
            # "de ældre" are a target group, not "de gamle".
            result = (word, frozenset([ADJ]))
        elif lemma is None:
            result = self._guess(word)
        else:
            classes = set(self.classes(lemma))
            if lemma != word and self.classes(word):
                # "hjælper" and "borger" are listed as forms of the verbs "hjælpe"
                # and "borge", but they are lemmas of their own: trust those.
                classes = set(self.classes(word))
                if ADJ in self.classes(lemma) and word[len(lemma) :] in _ADJ_ENDINGS:
                    classes.add(ADJ)  # "højt" stays the adjective "høj"
            if (
                word == lemma + "r"
                and lemma[-1:] == "e"
                and NOUN not in self.classes(lemma)
            ):
                classes.add(VERB)  # present tense, also of strong verbs ("griber")
            result = (lemma, frozenset(classes))
        self._analysed[word] = result
        return result

    def _guess(self, word: str) -> tuple[str, frozenset[str]]:
        # An unknown compound takes its lemma and class from its last part, as
        # Danish compounds do: "hjemmeplejeborgerne" → "hjemmeplejeborger".
        for i in range(2, len(word) - 3):
            head = self._lemma(word[i:])
            if head is not None and len(word) - i >= 4:
                return word[:i] + head, self.classes(head)
        if word.endswith(("skab", "hed", "else", "ing", "tion", "isme", "ment")):
            return word, frozenset([NOUN])
        return word, frozenset()

    def tag(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """(lemma, class) per word of one clause; the words around settle ambiguity."""
        out: list[tuple[str, str]] = []
        for i, word in enumerate(words):
            lemma, classes = self.analyse(word)
            before = words[i - 1] if i else ""
            after = self.analyse(words[i + 1])[1] if i + 1 < len(words) else frozenset()
            if before in _INFINITIVE_CONTEXT and word[-1:] == "e" and classes:
                cls = VERB  # "at klare", "kan stole på"
            elif before in _VERB_CONTEXT and word == lemma + "r":
                cls = VERB  # "vi hjælper", also for strong verbs ("hjalp")
            elif len(classes) <= 1:
                cls = next(iter(classes), OTHER)
            elif ADJ in classes and (
                word.endswith(("ere", "este"))
                or (word == lemma + "e" and lemma[-1:] != "e")
                or (word.endswith("t") and not word.endswith("et"))
            ):
                cls = ADJ  # "lavt", "lettere": adjective forms, not nouns
            elif before in _VERB_CONTEXT and VERB in classes:
                cls = VERB
            elif ADJ in classes and NOUN in after and before not in _VERB_CONTEXT:
                cls = ADJ
            elif NOUN in classes and (
                before in _NOUN_CONTEXT
                or before in LABEL_PREPOSITIONS
                or (out and out[-1][1] == ADJ)
                or VERB not in classes
            ):
                cls = NOUN
            elif VERB in classes:
                cls = VERB
            else:
                cls = ADJ
            if cls == ADJ and before in _NOUN_CONTEXT and NOUN not in after:
                cls, lemma = NOUN, word  # "de ældre", "de unge"
            if cls == NOUN and lemma != word and NOUN in self.classes(word):
                lemma = word  # the noun "hjælper" (or "bad"), not the verb
            out.append((lemma, cls))
        return out


_tagger: Tagger | None = None


def tagger() -> Tagger:
    """The shared tagger; its dictionary loads once per process (about a second)."""
    global _tagger
    if _tagger is None:
        _tagger = Tagger()
    return _tagger
