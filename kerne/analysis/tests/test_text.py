from __future__ import annotations

import pytest

from kerne.analysis.text import (
    Vocabulary,
    is_non_answer,
    normalise,
    question_words,
    stem,
    tokenise,
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
