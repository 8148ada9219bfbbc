"""Danish text handling for the analysis: normalise, tokenise, stem, label.

Pure Python plus PyStemmer and simplemma (whose Danish dictionary ships in its
wheel: nothing is downloaded); no Django. The stop and filler lists are our own,
written for answers to open questions such as "Hvad ville borgerne savne?".

- `tokens`: the one tokeniser module (words for counting, spans for the
  phrase rules, layout tokens for diffs), normalising and stemming;
- `words`: the word lists; `tagger`: a small part-of-speech tagger;
- `vocabulary`: `Vocabulary`, the stems and label terms of a set of answers.
"""

from __future__ import annotations

from kerne.analysis.text.tagger import (
    ADJ,
    LABEL_PREPOSITIONS,
    NOUN,
    OTHER,
    VERB,
    Tagger,
    tagger,
)
from kerne.analysis.text.tokens import (
    Token,
    is_non_answer,
    layout_tokens,
    normalise,
    question_words,
    stem,
    strip_phrases,
    tokenise,
    tokenise_spans,
)
from kerne.analysis.text.vocabulary import Vocabulary
from kerne.analysis.text.words import (
    FILLER_PHRASES,
    FILLER_WORDS,
    GENERIC_WORDS,
    NON_ANSWER_WORDS,
    PHRASE_MODIFIERS,
    STOP_WORDS,
)

__all__ = [
    "ADJ",
    "FILLER_PHRASES",
    "FILLER_WORDS",
    "GENERIC_WORDS",
    "LABEL_PREPOSITIONS",
    "NON_ANSWER_WORDS",
    "NOUN",
    "OTHER",
    "PHRASE_MODIFIERS",
    "STOP_WORDS",
    "VERB",
    "Tagger",
    "Token",
    "Vocabulary",
    "is_non_answer",
    "layout_tokens",
    "normalise",
    "question_words",
    "stem",
    "strip_phrases",
    "tagger",
    "tokenise",
    "tokenise_spans",
]
