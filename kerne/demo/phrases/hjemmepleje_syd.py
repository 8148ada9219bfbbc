"""Phrase bank of Hjemmeplejen Syd: the suggestions on its draft core task in qualification."""

from __future__ import annotations

from collections.abc import Mapping

# (group key, suggestion): who would say it, so each lands in a fitting group.
CARE_SUGGESTIONS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "vaerdi": (
        ("medarbejder", "Skriv noget om, at det er de samme hjælpere, der kommer"),
        ("paaroerende", "Tryghed er det vigtigste for min mor – godt at det står der"),
        ("borger", "Nævn at man også kan ringe, når noget er galt"),
        ("borger", "Det med at føle sig tryg er rigtigt, men hvad med ensomhed?"),
        ("samarbejdspartner", "Værdien for os er, at I opdager det, før det går galt"),
    ),
    "ambition": (
        ("leder", "Fem år er lang tid – hvad gør vi allerede nu?"),
        ("borger", "Faste hjælpere er det, jeg savner mest"),
        ("medarbejder", "Stolthed over vores faglighed mangler"),
    ),
    "tilgang": (
        ("borger", "I spørger ikke altid, før I gør – det skal I blive bedre til"),
        ("medarbejder", "Med borgeren, ikke for borgeren: det kan jeg godt lide"),
        ("medarbejder", "Der er ikke tid til at spørge, når vi har 12 minutter"),
        ("paaroerende", "Skriv at I lytter til de pårørende"),
        ("paaroerende", "Pårørende bliver ikke spurgt om noget"),
        ("borger", "Jeg vil gerne selv bestemme, hvornår jeg skal i bad"),
    ),
    "maalgruppe": (
        ("paaroerende", "Pårørende skal stå med – vi er jo også en del af det"),
        ("samarbejdspartner", "Hvad med borgere, der ikke har pårørende?"),
        ("medarbejder", "Godt at pårørende er med"),
    ),
}
