"""Finding names in one answer: words, compounds, typing slips and circumlocutions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from kerne.analysis.names.lexicon import (
    _AFTER_NOUN,
    _COMPOUND_HEADS,
    _DETERMINERS,
    _FALSE_COMPOUNDS,
    _FIRST_PERSON_PLURAL,
    _LEXICON,
    _MIN_COMPOUND_PREFIX,
    _MODIFIERS,
    THEM,
    Name,
    _match_collective,
    _neuter,
    _Noun,
    _words,
)
from kerne.analysis.text.tokens import Token, tokenise_spans


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
    return find_names_in_tokens(tokenise_spans(text))


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
