"""`Vocabulary`: an answer's content stems and noun-phrase label terms, and the words behind them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kerne.analysis.text.tagger import (
    _NON_HEADS,
    _PHRASE_DETERMINERS,
    _TAIL_NOUNS,
    _TIME_NOUNS,
    _WEAK_NOUNS,
    ADJ,
    LABEL_PREPOSITIONS,
    NOUN,
    _danish_letters,
    tagger,
)
from kerne.analysis.text.tokens import (
    _CLAUSE_BREAK,
    question_words,
    stem,
    strip_phrases,
    tokenise,
)
from kerne.analysis.text.words import (
    FILLER_WORDS,
    GENERIC_WORDS,
    PHRASE_MODIFIERS,
    STOP_WORDS,
)


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
