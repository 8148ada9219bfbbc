from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kerne.analysis.approach import (
    NO_ORIENTATION,
    ApproachResult,
    analyse_approach,
    approach_by_group,
)
from kerne.analysis.names import OTHER_GROUP

# (answer, expected orientation, expected verb lemmas), written the way staff
# answer "Hvordan løser vi opgaven med dem?".
CASES: list[tuple[str, str | None, list[str]]] = [
    # The citizen acts: "til selv at", "så de selv kan", mestring.
    ("Vi hjælper borgeren til selv at klare sin hverdag.", "med", ["hjælpe"]),
    (
        "Vi støtter de unge, så de selv kan tage ansvar for deres uddannelse.",
        "med",
        ["støtte"],
    ),
    ("Vi understøtter eleverne, så de mestrer nye opgaver.", "med", ["understøtte"]),
    ("Vi faciliterer processer, hvor beboerne selv bestemmer.", "med", ["facilitere"]),
    ("Hjælp til selvhjælp.", "med", []),
    ("Vi arbejder rehabiliterende, så borgeren bliver selvhjulpen.", "med", []),
    # Together with a person served.
    ("Vi arbejder sammen med borgeren om hans mål.", "med", []),
    (
        "I samarbejde med de pårørende finder vi den bedste løsning.",
        "med",
        ["samarbejde"],
    ),
    ("Vi samarbejder med forældrene om barnets trivsel.", "med", ["samarbejde"]),
    ("Vi løser opgaven med borgeren og ikke for ham.", "med", ["løse"]),
    ("Vi går i dialog med familien om, hvad der skal ske.", "med", ["gå i dialog"]),
    ("Vi samarbejder med lægen og borgeren om behandlingen.", "med", ["samarbejde"]),
    # Cooperation among professionals, and the citizen receives.
    (
        "Vi samarbejder med lægen, så borgeren får den rette behandling.",
        "for",
        ["samarbejde"],
    ),
    ("Vi sørger for at borgeren får sin medicin til tiden.", "for", ["sørge for"]),
    ("Derfor sørger vi altid for, at beboerne har det godt.", "for", ["sørge for"]),
    (
        "Vi sikrer, at patienterne bliver behandlet ordentligt.",
        "for",
        ["sikre", "behandle"],
    ),
    (
        "Vi samarbejder med hjemmeplejen, så patienten modtager den hjælp, han har brug for.",
        "for",
        ["samarbejde"],
    ),
    ("Borgeren bliver hjulpet med indkøb og rengøring.", "for", ["hjælpe"]),
    ("Vi støtter forældrene i at finde deres egne løsninger.", "med", ["støtte"]),
    ("Vi skaber rammerne, så beboerne kan leve det liv, de ønsker.", "med", ["skabe"]),
    ("Vi vejleder de studerende, så de træffer deres egne valg.", "med", ["vejlede"]),
    ("Vi passer godt på de ældre.", "for", ["passe på"]),
    # Involvement and the citizen's terms.
    ("Borgeren inddrages i alle beslutninger om eget liv.", "med", ["inddrage"]),
    ("Vi inddrager eleverne i planlægningen af undervisningen.", "med", ["inddrage"]),
    ("Vi arbejder på borgerens præmisser.", "med", []),
    (
        "Vi tager udgangspunkt i borgerens ønsker og ressourcer.",
        "med",
        ["tage udgangspunkt i"],
    ),
    ("Vi møder familierne i øjenhøjde.", "med", []),
    ("Vi ser den ledige som en ressource.", "med", []),
    # Negation and contrast turn the construction around.
    ("Vi gør det ikke for dem, men med dem.", "med", []),
    ("Vi løser opgaven med borgeren frem for for ham.", "med", ["løse"]),
    (
        "Vi skal holde op med at gøre tingene for borgerne i stedet for med dem.",
        "for",
        [],
    ),
    ("Vi hjælper borgere, der ikke selv kan klare rengøringen.", "for", ["hjælpe"]),
    ("Vi gør ikke kun noget for borgerne.", "for", []),
    # Verbs that lean one way by themselves.
    (
        "Vi coacher og motiverer de ledige til at finde job.",
        "med",
        ["coache", "motivere"],
    ),
    ("Vi plejer og behandler patienterne.", "for", ["pleje", "behandle"]),
    (
        "Pædagogerne passer børnene og leverer en god service.",
        "for",
        ["passe", "levere"],
    ),
    (
        "Vi tager hånd om de ældre og tager os af deres behov.",
        "for",
        ["tage hånd om", "tage sig af"],
    ),
    ("Vi passer på beboerne.", "for", ["passe på"]),
    ("Vi aktiverer de sygemeldte.", "med", ["aktivere"]),
    ("Vi lytter til eleverne og styrker deres selvværd.", "med", ["lytte", "styrke"]),
    ("Vi yder hjemmepleje efter lovens rammer.", "for", ["yde"]),
    # Supporting and guiding lean "med" by themselves; other verbs do not lean.
    (
        "Understøtter og udvikler borgerens kompetencer.",
        "med",
        ["understøtte", "udvikle"],
    ),
    ("Vi vejleder og rådgiver familierne.", "med", ["vejlede", "rådgive"]),
    # Neutral or no verb of approach.
    ("Vi fremmer sundhed i hele kommunen.", None, ["fremme"]),
    ("Tryghed og nærvær.", None, []),
    ("Ved ikke.", None, []),
    # Inflections and nouns that look like verbs.
    ("Vi plejer at holde møde om mandagen.", None, []),
    ("Vi giver god pleje og støtte.", "for", ["give"]),
    ("Hun er hjælper i hjemmeplejen.", None, []),
    ("Eleverne blev vejledt og guidet gennem forløbet.", "med", ["vejlede", "guide"]),
    (
        "Borgerne er blevet inddraget, og de har følt sig hørt.",
        "med",
        ["inddrage", "høre"],
    ),
    ("En inddragende og motiverende tilgang.", "med", ["inddrage", "motivere"]),
    (
        "Sørg for at lytte.",
        "for",
        ["sørge for", "lytte"],
    ),  # one "for" verb, one "med" verb: the first, main verb decides
    (
        "Vi hjalp familien og støttede forældrene i hverdagen.",
        "for",
        ["hjælpe", "støtte"],
    ),
]


# Real language beyond the staff template: giving, caring, listening, asking,
# taking along, doing it together, enabling and the citizen's own voice.
REAL_LANGUAGE: list[tuple[str, str | None, list[str]]] = [
    ("Vi giver omsorg og pleje.", "for", ["give"]),
    ("Vi tilbyder kurser i IT og stiller pc'er til rådighed.", "for", ["tilbyde"]),
    ("Vi tager os af det praktiske.", "for", ["tage sig af"]),
    ("Vi drager omsorg for de ældre.", "for", ["drage omsorg for"]),
    ("De passer rigtig godt på min mor.", "for", ["passe på"]),
    ("Vi informerer de pårørende om ændringer.", "for", ["informere"]),
    ("Vi planlægger dagen, så der er faste rutiner.", "for", ["planlægge"]),
    ("Vi lytter og spørger ind.", "med", ["lytte", "spørge"]),
    ("Vi tager borgeren med på råd.", "med", []),
    ("Vi finder løsningerne sammen.", "med", []),
    ("I fællesskab lægger vi en plan.", "med", []),
    ("Vi lader beboerne bestemme.", "med", []),
    ("Vi skaber rum, hvor de unge kan mødes.", "med", ["skabe"]),
    (
        "Vi opmuntrer eleverne og beder dem fortælle.",
        "med",
        ["opmuntre", "bede", "fortælle"],
    ),
    ("De hjælper mig med alt det jeg ikke kan selv.", "for", ["hjælpe"]),
    ("Personalet spørger mig, hvad jeg vil.", "med", ["spørge"]),
    ("Jeg er med til at bestemme.", "med", []),
    ("Biblioteket giver os plads, så vi selv kan lave arrangementer.", "med", ["give"]),
    ("Vi samarbejder med lægen, så borgeren bliver undersøgt.", "for", ["samarbejde"]),
    ("Vi informererom tilbuddene.", "for", ["informere"]),
    ("Vi møder borgeren, hvor han er.", "med", []),
    ("Et sted, hvor de er trygge.", None, []),
    ("Vi visiterer til hjemmehjælp.", "for", ["visitere"]),
    ("Vi anerkender familiernes egne ressourcer.", "med", ["anerkende"]),
    ("Omsorg og tryghed.", "for", []),
    ("Dialog og samskabelse.", "med", []),
    # "hører til" belongs; with nothing to go on the answer is unclear.
    ("Kaffen hører til hverdagen.", None, []),
    ("Det er svært at sige.", None, []),
]


@pytest.mark.parametrize(("text", "orientation", "verbs"), CASES + REAL_LANGUAGE)
def test_it_finds_verbs_and_orientation(
    text: str, orientation: str | None, verbs: list[str]
) -> None:
    result = analyse_approach(text)
    assert list(result.verbs) == verbs
    assert result.orientation == orientation


def test_it_explains_the_orientation_with_named_rules() -> None:
    result = analyse_approach("Vi gør det ikke for dem, men med dem.")
    assert {cue.rule for cue in result.cues} == {"ikke_for_dem", "med_dem"}


def test_it_reports_orientation_shares_per_group() -> None:
    texts = ["Vi coacher de ledige."] * 3 + ["Vi plejer borgerne."] * 2 + ["Kaffe."] * 5
    results = [analyse_approach(t) for t in texts]
    summary = approach_by_group(results, ["medarbejder"] * 10, min_group_size=5)[
        "medarbejder"
    ]
    assert summary.orientation_counts == {"for": 2, "med": 3, NO_ORIENTATION: 5}
    assert summary.orientation_shares["med"] == pytest.approx(0.3)
    assert summary.verb_counts == {"coache": 3, "pleje": 2}


def test_it_never_shows_a_group_below_the_threshold() -> None:
    results = [analyse_approach("Vi hjælper borgerne.")] * 14
    groups = ["medarbejder"] * 8 + ["borger"] * 3 + ["pårørende"] * 3
    result = approach_by_group(results, groups, min_group_size=5)
    assert set(result) == {"medarbejder", OTHER_GROUP}


def test_it_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError):
        approach_by_group([analyse_approach("x")], [], min_group_size=1)


TEXTS = st.sampled_from([text for text, _, _ in CASES])


@given(
    TEXTS,
    st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
    st.text(" \t\n", max_size=3),
)
def test_it_ignores_case_and_surrounding_whitespace(
    text: str, change_case: Callable[[str], str], padding: str
) -> None:
    changed = analyse_approach(padding + change_case(text) + padding)
    original = analyse_approach(text)
    assert (changed.verbs, changed.orientation) == (
        original.verbs,
        original.orientation,
    )


@given(
    st.lists(st.tuples(TEXTS, st.sampled_from(["a", "b", "c", None])), max_size=40),
    st.integers(1, 6),
)
def test_it_reports_shares_that_sum_to_one(
    rows: list[tuple[str, str | None]], min_group_size: int
) -> None:
    results: list[ApproachResult] = [analyse_approach(text) for text, _ in rows]
    by_group = approach_by_group(
        results, [group for _, group in rows], min_group_size=min_group_size
    )
    for summary in by_group.values():
        assert summary.size >= min_group_size
        assert sum(summary.orientation_shares.values()) == pytest.approx(1)
        if summary.verb_counts:
            assert sum(summary.verb_shares.values()) == pytest.approx(1)
