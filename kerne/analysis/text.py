"""Danish text handling for the theme engine: normalise, tokenise, stem, label.

Pure Python plus PyStemmer and simplemma (whose Danish dictionary ships in its
wheel: nothing is downloaded); no Django. The stop and filler lists are our own,
written for answers to open questions such as "Hvad ville borgerne savne?".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
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
    _clauses: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Lemma-keyed label terms ("fast hjælper", "tid til snak") → surface counts.
    labels: defaultdict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )

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

    def label_terms(self, text: str, *, record: bool = True) -> list[str]:
        """Noun-headed label terms of one answer, keyed by lemmas.

        A content noun ("hjælper"), an adjective + noun ("fast hjælper" for "faste
        hjælpere") or noun + preposition + noun ("tid til snak" for "tid til en
        snak"); verbs, adverbs and adjectives never head a term. `record`
        remembers the surface words, so a label shows the most frequent one.
        """
        out: list[str] = []
        for part in _CLAUSE_BREAK.split(strip_phrases(text)):
            found = self._clauses.get(part)
            if found is None:
                found = self._clauses[part] = self._clause_terms(part)
            for key, surface in found:
                out.append(key)
                if record:
                    self.labels[key][surface] += 1
        return out

    def _clause_terms(self, part: str) -> list[tuple[str, str]]:
        """(key, surface) of the label terms of one clause; clauses recur, so cached."""
        found: list[tuple[str, str]] = []
        words = tokenise(part)
        if not words:
            return found
        tags = tagger().tag(words)
        heads = [
            self._is_head(w, lem, c) for w, (lem, c) in zip(words, tags, strict=True)
        ]
        mods = [
            self._is_modifier(w, c) for w, (_lem, c) in zip(words, tags, strict=True)
        ]
        for i, word in enumerate(words):
            if not heads[i]:
                continue
            lemma = tags[i][0]
            if lemma not in _WEAK_NOUNS:
                found.append((lemma, word))
            if i and mods[i - 1]:
                found.append((f"{tags[i - 1][0]} {lemma}", f"{words[i - 1]} {word}"))
            j = i + 2
            if j < len(words) and words[i + 1] in LABEL_PREPOSITIONS:
                if j < len(words) - 1 and words[j] in _PHRASE_DETERMINERS:
                    j += 1
                if j < len(words) - 1 and mods[j]:
                    j += 1
                tail = heads[j] or (tags[j][1] == NOUN and words[j] in _TAIL_NOUNS)
                other = tags[j][0] if tail else ""
                if (
                    other
                    and other != lemma
                    and not (lemma in _WEAK_NOUNS and other in _WEAK_NOUNS)
                ):
                    found.append(
                        (f"{lemma} {words[i + 1]} {other}", " ".join(words[i : j + 1]))
                    )
        return found

    def _is_head(self, word: str, lemma: str, cls: str) -> bool:
        return (
            cls == NOUN
            and word not in _NON_HEADS
            and lemma not in _TIME_NOUNS
            and self.is_content(word)
            and lemma not in self.stop_words
            and word not in GENERIC_WORDS
            and lemma not in GENERIC_WORDS
            and self._stem(word) not in self.stop_words
        )

    def _is_modifier(self, word: str, cls: str) -> bool:
        return cls == ADJ and (
            word in PHRASE_MODIFIERS
            or (self.is_content(word) and word not in GENERIC_WORDS)
        )

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
        counts = self.labels.get(stem_) or self.surfaces.get(stem_)
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

    def phrase_label(
        self, terms: Sequence[str], n: int = 2, taken: set[str] | None = None
    ) -> str:
        """A short readable label: the first term capitalised, then "·" and the next.

        Terms are stems or lemma-keyed phrases; a term whose stems overlap an
        earlier one is skipped ("Faste hjælpere · kontinuitet", not "· hjælpere").
        A term in `taken` (another theme's first term) does not open the label,
        and the chosen first term is added to it, so two themes never share one.
        """
        parts: list[str] = []
        seen: set[str] = set()
        for term in terms:
            # Overlap by stem, so "hjælp" does not follow "hjælper" (another lemma).
            stems_ = (
                {self._stem(_danish_letters(w)) for w in tokenise(self.surface(term))}
                - LABEL_PREPOSITIONS
                - _PHRASE_DETERMINERS
            )
            stems_ |= set(term.split()) - LABEL_PREPOSITIONS
            if stems_ & seen or (not parts and taken is not None and term in taken):
                continue
            # A long first phrase gets a short second one, at most.
            if (
                parts
                and len(parts[0].split()) > 2
                and len(self.surface(term).split()) > 2
            ):
                continue
            seen |= stems_
            parts.append(self.surface(term))
            if len(parts) == n:
                break
        if not parts:
            return ""
        if taken is not None:
            taken.add(terms[[self.surface(t) for t in terms].index(parts[0])])
        parts[0] = parts[0][:1].upper() + parts[0][1:]
        return " · ".join(parts)


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
