"""The library's tokenisers: one alphabet, three variants for three uses.

- `tokenise`: the words of a normalised text, for counting (themes, labels,
  non-answers). Inner hyphens and apostrophes stay in the word ("sosu-hjælper",
  "pc'er"), so a word is counted as written.
- `tokenise_spans`: words and single punctuation marks with their offsets, for
  the rules that read phrases (names, approach). Offsets point into the NFC,
  lower-cased text, so whitespace is not collapsed; a comma or full stop is a
  token because it ends the phrase a rule looks at; and an apostrophe splits the
  word, so a genitive written "borger's" still reads as the name "borger".
- `layout_tokens`: every word with the whitespace after it, for a readable diff
  of two versions of a text (`kerne.coretasks.diff`): joined they give the text
  back exactly, line breaks included.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import Stemmer

from kerne.analysis.text.words import FILLER_PHRASES, NON_ANSWER_WORDS

# Digits, a–z and the Latin-1 letters (æ, ø, å, é, ü …), after lower-casing.
_LETTER = "[0-9a-zà-öø-ÿ]"
_WORD = re.compile(rf"{_LETTER}+(?:[-']{_LETTER}+)*")
_SPAN = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)*|[.,;:!?()]")
_LAYOUT = re.compile(r"^\s+|\S+\s*")

_stemmer = Stemmer.Stemmer("danish")


def normalise(text: str) -> str:
    """NFC, lower case, one space between words."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(text.split())


def tokenise(text: str) -> list[str]:
    """The words of `normalise(text)`, for counting."""
    return _WORD.findall(normalise(text))


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenise_spans(text: str) -> list[Token]:
    """Words and punctuation marks, with offsets into the NFC, lower-cased text."""
    folded = unicodedata.normalize("NFC", text).lower()
    return [Token(m.group(), m.start(), m.end()) for m in _SPAN.finditer(folded)]


def layout_tokens(text: str) -> list[str]:
    """Each word with the whitespace after it (and any leading whitespace alone)."""
    return _LAYOUT.findall(text)


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
