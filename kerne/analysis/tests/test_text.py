from __future__ import annotations

import pytest

from kerne.analysis.text import (
    Vocabulary,
    is_non_answer,
    layout_tokens,
    normalise,
    question_words,
    stem,
    tokenise,
    tokenise_spans,
)


def test_it_normalises_case_space_and_unicode():
    # "å" written as a + combining ring must equal the precomposed letter.
    assert normalise("  Tryghed   OG  a\u030ander ") == "tryghed og ånder"


def test_it_tokenises_danish_letters_and_hyphens():
    assert tokenise("Hjælp til bad, påklædning og SOSU-hjælp!") == [
        "hjælp",
        "til",
        "bad",
        "påklædning",
        "og",
        "sosu-hjælp",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ved ikke",
        "-",
        "nej",
        "?",
        "",
        "ingen kommentarer",
        "Ved ikke.",
        "Jeg ved det ikke",
        "  ",
    ],
)
def test_it_recognises_non_answers(text):
    assert is_non_answer(text)


@pytest.mark.parametrize(
    "text", ["tryghed", "Nej, ikke uden hjemmeplejen", "ingen ventetid på hjælp"]
)
def test_it_keeps_real_answers(text):
    assert not is_non_answer(text)


def test_it_drops_stop_filler_and_question_words():
    vocab = Vocabulary.for_question("Hvad ville borgerne savne?")
    assert vocab.content_words("Helt klart ville borgerne savne hjemmeplejen") == [
        "hjemmeplejen"
    ]


def test_it_takes_extra_stop_words():
    vocab = Vocabulary.for_question("", extra_stop_words=["Svendborg"])
    assert vocab.content_words("Svendborg kommune") == ["kommune"]


def test_question_words_include_stems():
    words = question_words("Hvad ville borgerne savne?")
    assert "borgerne" in words
    assert stem("borgerne") in words


def test_it_stems_and_maps_stems_back_to_the_most_frequent_word():
    vocab = Vocabulary.for_question("")
    for text in ["hjemmeplejen hjælper", "hjemmeplejen igen", "hjemmepleje"]:
        vocab.stems(text)
    s = stem("hjemmeplejen")
    assert s == stem("hjemmepleje")
    assert vocab.surface(s) == "hjemmeplejen"
    assert vocab.label([s, stem("hjælper")]) == "hjemmeplejen, hjælper"


def test_surface_falls_back_to_the_stem_when_unseen():
    assert Vocabulary.for_question("").surface("xyz") == "xyz"


def test_the_tagger_tells_nouns_from_verbs_and_adjectives():
    from kerne.analysis.text import ADJ, NOUN, VERB, tagger

    words = tokenise("vi har faste hjælpere og tid til en snak")
    assert tagger().tag(words)[2:] == [
        ("fast", ADJ),
        ("hjælper", NOUN),
        ("og", "-"),
        ("tid", NOUN),
        ("til", "-"),
        ("en", "-"),
        ("snak", NOUN),
    ]
    # "hjælper" is a noun after an article and a verb after a pronoun.
    assert tagger().tag(["en", "hjælper"])[1] == ("hjælper", NOUN)
    assert tagger().tag(["hun", "hjælper"])[1] == ("hjælpe", VERB)
    assert tagger().tag(["kan", "stole"])[1][1] == VERB
    assert tagger().tag(["børnene"]) == [("barn", NOUN)]


def test_label_terms_are_noun_phrases_keyed_by_lemma():
    vocab = Vocabulary.for_question("Hvad ville borgerne savne?")
    terms = vocab.label_terms(
        "Faste hjælpere, tid til en snak og medicin til tiden. Tryghed i eget hjem."
    )
    assert {"fast hjælper", "tid til snak", "medicin til tid", "tryghed i hjem"} <= set(
        terms
    )
    # No verb, adverb or adjective heads a term.
    assert not set(vocab.label_terms("vi hjælper hurtigt og glad")) - {"hjælper"}
    # Variants count together; the label shows the most frequent surface.
    vocab.label_terms("de faste hjælpere")
    vocab.label_terms("den faste hjælper")
    assert vocab.surface("fast hjælper") == "faste hjælpere"
    assert vocab.phrase_label(["fast hjælper", "hjælper", "tid til snak"]) == (
        "Faste hjælpere · tid til en snak"
    )


def test_phrase_label_never_reuses_another_themes_first_term():
    vocab = Vocabulary.for_question("")
    vocab.label_terms("tryghed i eget hjem og faste hjælpere")
    taken: set[str] = set()
    assert vocab.phrase_label(["fast hjælper"], taken=taken) == "Faste hjælpere"
    assert vocab.phrase_label(["fast hjælper", "tryghed"], taken=taken) == "Tryghed"
    assert vocab.phrase_label(["fast hjælper"], taken=taken) == ""


def test_layout_tokens_give_the_text_back():
    text = "  Første linje,\nanden  linje. "
    tokens = layout_tokens(text)
    assert "".join(tokens) == text
    assert tokens[:2] == ["  ", "Første "]


def test_span_tokens_keep_offsets_and_punctuation():
    tokens = tokenise_spans("Borger's  sosu-hjælper, Ærø.")
    assert [t.text for t in tokens] == ["borger", "s", "sosu-hjælper", ",", "ærø", "."]
    assert [(t.start, t.end) for t in tokens[:3]] == [(0, 6), (7, 8), (10, 22)]
    assert [t.is_word for t in tokens[-2:]] == [True, False]
    # The counting tokeniser keeps the apostrophe inside the word.
    assert tokenise("Borger's  sosu-hjælper, Ærø.") == [
        "borger's",
        "sosu-hjælper",
        "ærø",
    ]
