from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kerne.analysis.names import (
    OTHER_GROUP,
    AnswerNames,
    analyse_names,
    find_names,
    names_by_group,
)

# (answer, names for "them", names for "us"), written as staff and citizens answer.
CASES: list[tuple[str, list[str], list[str]]] = [
    ("Vi hjælper borgerne i deres eget hjem.", ["borger"], ["vi"]),
    ("Borgerens oplevelse af tryghed er det vigtigste.", ["borger"], []),
    ("Borgernes ønsker skal styre indsatsen.", ["borger"], []),
    ("Brugerne skal have indflydelse på dagligdagen.", ["bruger"], []),
    ("Vi bruger meget tid på dokumentation.", [], ["vi"]),
    (
        "Patienterne og deres pårørende skal føle sig trygge.",
        ["patient", "pårørende"],
        [],
    ),
    ("Eleverne skal lære at samarbejde.", ["elev"], []),
    ("Forældrene er vigtige samarbejdspartnere for lærerne.", ["forældre"], ["lærer"]),
    ("Ældre borgere skal kunne blive i eget hjem længst muligt.", ["ældre borger"], []),
    ("Plejehjemsbeboere skal have en værdig hverdag.", ["plejehjemsbeboer"], []),
    ("Hjemmeplejeborgere får besøg hver dag.", ["hjemmeplejeborger"], []),
    ("Skoleelever i udskolingen har brug for vejledning.", ["skoleelev"], []),
    ("De unge skal i uddannelse eller job.", ["unge"], []),
    ("Vores ældre fortjener det bedste.", ["ældre"], ["vi"]),
    ("De ledige skal hurtigt tilbage på arbejdsmarkedet.", ["ledig"], []),
    ("Der er mange ledige stillinger i området.", [], []),
    ("Kunderne i borgerservice skal have svar samme dag.", ["kunde"], []),
    ("Beboerne skal føle sig hjemme.", ["beboer"], []),
    (
        "Klienten og sagsbehandleren lægger planen sammen.",
        ["klient"],
        ["sagsbehandler"],
    ),
    ("Børnene leger, mens pædagogerne observerer.", ["barn"], ["pædagog"]),
    ("Barnets trivsel kommer før alt andet.", ["barn"], []),
    ("Familierne skal opleve en sammenhængende indsats.", ["familie"], []),
    (
        "Udsatte børn og unge mennesker skal have en chance.",
        ["udsat barn", "ungt menneske"],
        [],
    ),
    (
        "Kursisterne og de studerende evaluerer undervisningen.",
        ["kursist", "studerende"],
        [],
    ),
    (
        "Virksomhederne mangler arbejdskraft, og arbejdsgiverne vil gerne hjælpe.",
        ["virksomhed", "arbejdsgiver"],
        [],
    ),
    ("Sygemeldte skal have en plan for at komme tilbage.", ["sygemeldt"], []),
    ("Langtidsledige har brug for ekstra støtte.", ["langtidsledig"], []),
    ("Medarbejderne og ledelsen skal trække i samme retning.", [], ["medarbejder"]),
    ("Personalet kender beboerne godt.", ["beboer"], ["personale"]),
    (
        "Som sosu-hjælper sørger jeg for, at borgeren er tryg.",
        ["borger"],
        ["sosu-hjælper", "jeg"],
    ),
    (
        "Sygeplejerskerne og kollegerne i teamet deler viden.",
        [],
        ["sygeplejerske", "kollega", "team"],
    ),
    ("Medborgere skal mødes med respekt.", ["medborger"], []),
    ("Deltagerne på kurset får et bevis.", ["deltager"], []),
    ("Han deltager i mødet om sin plan.", [], []),
    ("Der går kun nogle sekunder, før nogen svarer.", [], []),
    ("Hun er ældre end sin bror.", [], []),
    ("Plejeforældrene får supervision.", ["plejeforældre"], []),
    ("En bruger af tilbuddet skal føle sig set.", ["bruger"], []),
    ("Den unge skal selv vælge sin vej.", ["unge"], []),
    # Colloquial and everyday forms.
    ("Os gamle vil gerne blive hjemme.", ["gamle"], ["vi"]),
    ("De gamle bøger står i kælderen.", [], []),
    ("Ungerne leger i sandkassen.", ["barn"], []),
    ("Vi passer de små og de store.", ["barn"], ["vi"]),
    ("Mor og far henter kl. 16.", ["forældre"], []),
    ("De arbejdsløse og de jobsøgende.", ["arbejdsløs", "jobsøgende"], []),
    ("Boligsøgende står i kø.", ["boligsøgende"], []),
    ("Lånerne og de besøgende.", ["låner", "besøgende"], []),
    ("Personer, ikke diagnoser.", ["person"], []),
    ("Hele lokalsamfundet.", ["lokalsamfund"], []),
    # Collective compounds and circumlocutions with an agent noun.
    ("Forældregruppen er aktiv.", ["forældre"], []),
    ("Børnegruppen er stor i år.", ["barn"], []),
    ("Os der bor her.", ["beboer"], ["vi"]),
    ("Dem der bruger huset hver dag.", ["bruger"], []),
    ("Vi der låner bøger.", ["låner"], ["vi"]),
    ("Min kontaktperson ringer.", [], ["jeg"]),
    ("Hun låner mange bøger.", [], []),
    # Typing slips in long forms; short words stay as they are.
    ("Burgerne.", ["bruger"], []),
    ("Beboerene og de paarørende.", ["beboer", "pårørende"], []),
    ("Det kan hjælpe.", [], []),
]


@pytest.mark.parametrize(("text", "them", "us"), CASES)
def test_it_finds_the_names(text: str, them: list[str], us: list[str]) -> None:
    result = analyse_names(text)
    assert list(result.them) == them
    assert list(result.us) == us


def test_it_reports_the_head_and_offsets_of_a_compound() -> None:
    [name] = find_names("Alle plejehjemsbeboere")
    assert (name.name, name.head, name.side) == ("plejehjemsbeboer", "beboer", "them")
    assert "Alle plejehjemsbeboere"[name.start : name.end] == "plejehjemsbeboere"


def test_it_marks_organisations_as_not_persons() -> None:
    [name] = find_names("virksomhederne")
    assert not name.person


def test_it_pools_small_groups_into_the_other_bucket() -> None:
    answers = [analyse_names("borgerne")] * 12
    groups = ["medarbejder"] * 6 + ["borger"] * 3 + ["pårørende"] * 3
    result = names_by_group(answers, groups, min_group_size=5)
    assert set(result) == {"medarbejder", OTHER_GROUP}
    assert result[OTHER_GROUP].size == 6
    assert result["medarbejder"].them.counts == {"borger": 6}


def test_it_drops_a_small_group_when_the_pool_would_be_too_small() -> None:
    answers = [analyse_names("brugerne")] * 8
    groups = ["medarbejder"] * 6 + ["leder"] * 2
    result = names_by_group(answers, groups, min_group_size=5)
    assert "leder" not in result
    assert all(summary.size >= 5 for summary in result.values())


def test_it_counts_answers_without_names() -> None:
    answers = [analyse_names("God kaffe"), analyse_names("borgerne")]
    result = names_by_group(answers, [None, None], min_group_size=1)
    [summary] = result.values()
    assert summary.without_names == 1


WORDS = st.sampled_from([text for text, _, _ in CASES])


@given(
    WORDS,
    st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
    st.text(" \t\n", max_size=3),
)
def test_it_ignores_case_and_surrounding_whitespace(
    text: str, change_case: Callable[[str], str], padding: str
) -> None:
    assert analyse_names(padding + change_case(text) + padding) == analyse_names(text)


@given(
    st.lists(st.tuples(WORDS, st.sampled_from(["a", "b", "c", None])), max_size=40),
    st.integers(1, 6),
)
def test_it_reports_shares_that_sum_to_one(
    rows: list[tuple[str, str | None]], min_group_size: int
) -> None:
    answers: list[AnswerNames] = [analyse_names(text) for text, _ in rows]
    result = names_by_group(
        answers, [group for _, group in rows], min_group_size=min_group_size
    )
    for summary in result.values():
        assert summary.size >= min_group_size
        for distribution in (summary.them, summary.us):
            if distribution.counts:
                assert sum(distribution.shares.values()) == pytest.approx(1)
