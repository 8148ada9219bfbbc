"""Synthetic Danish answers to "Hvad ville borgerne savne, hvis vi forsvandt i morgen?".

Eight planted themes from a home-care setting, each written as many paraphrases
that share few words ("{a|b}" picks one alternative), so a method that keys on
one word per theme does badly. Answers get openers, a second theme now and then,
typos and very short forms. Staff and citizens have different theme priors, so
the true staff − citizen gap per theme is known.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

QUESTION = "Hvad ville borgerne savne, hvis vi forsvandt i morgen?"

THEMES: dict[str, str] = {
    "pleje": "Personlig pleje og medicin",
    "tryghed": "Tryghed døgnet rundt",
    "naervaer": "Nærvær og en at tale med",
    "selvhjulpen": "At klare sig selv",
    "praktisk": "Praktisk hjælp i hjemmet",
    "faglighed": "Faglighed og opsporing",
    "paaroerende": "Aflastning af pårørende",
    "faellesskab": "Fællesskab og aktiviteter",
}

DESCRIPTIONS: dict[str, str] = {
    "pleje": "Hjælp til bad, påklædning, medicin og sår.",
    "tryghed": "At vide at der kommer nogen, også om natten, og at nødkaldet bliver besvaret.",
    "naervaer": "Tid til en snak, kendte ansigter og nogen der lytter.",
    "selvhjulpen": "Træning og hjælp til selvhjælp så man kan blive i eget hjem længst muligt.",
    "praktisk": "Rengøring, indkøb, tøjvask og mad.",
    "faglighed": "Dygtige fagfolk der opdager sygdom tidligt og samarbejder med lægen.",
    "paaroerende": "Aflastning, rådgivning og støtte til familien.",
    "faellesskab": "Aktivitetscenter, fællesspisning og at komme ud blandt andre.",
}

PHRASES: dict[str, list[str]] = {
    "pleje": [
        "hjælp til {bad|badet|et brusebad} og {påklædning|at komme i tøjet}",
        "at der er nogen der {giver|doserer|husker} {medicinen|pillerne|min medicin}",
        "{sårpleje|skift af forbinding|pleje af sår} og {insulin|øjendråber}",
        "den personlige pleje {om morgenen|hver dag|morgen og aften}",
        "at få {vasket|redt} hår og {klippet negle|smurt benene}",
        "hjælp på {toilettet|badeværelset} når {benene|kroppen} ikke vil",
        "{hjemmesygeplejen|sygeplejersken} der {tjekker|skifter} {kateteret|stomien}",
        "at blive {vasket|soignert} og {ordentligt klædt på|få rent tøj på}",
        "medicinen {kommer til tiden|bliver givet rigtigt}",
    ],
    "tryghed": [
        "{trygheden|tryghed} ved at {vide|mærke} at {der kommer nogen|nogen kigger forbi}",
        "at {nødkaldet|alarmen|kaldet} bliver {besvaret|taget} {om natten|med det samme}",
        "ikke at ligge {alene|hjælpeløs} på gulvet {hvis man falder|efter et fald}",
        "{nattevagten|aftenvagten} som {kommer|er der} når {jeg er bange|det er mørkt}",
        "{at føle sig sikker|sikkerhed} i {eget hjem|sin lejlighed}",
        "nogen at {ringe til|kalde på} {døgnet rundt|hele døgnet|når noget går galt}",
        "{roen|ro i maven} fordi {hjælpen|nogen} er {tæt på|lige ved hånden}",
        "at {familien|børnene} ikke skal {bekymre sig|være nervøse} om natten",
    ],
    "naervaer": [
        "{en snak|en sludder|en kop kaffe} med {hjælperen|medarbejderen|de faste}",
        "{kendte ansigter|de samme hjælpere} {hver dag|fra gang til gang}",
        "at {nogen|en} {lytter|hører efter} og har {tid|et øjeblik}",
        "{smilet|et smil} og {varmen|omsorgen} i {døren|hverdagen}",
        "{nærvær|nærværet} og {ægte interesse|oprigtig interesse} for {mennesket|den enkelte}",
        "{selskab|kontakt} når {dagene er lange|man sidder alene|ensomheden trykker}",
        "{relationen|forholdet} til {personalet|de ansatte} {der kender én|der ved hvem jeg er}",
        "{at blive set|at blive mødt} som {et menneske|en person} og ikke {en opgave|et nummer}",
    ],
    "selvhjulpen": [
        "at {klare sig selv|kunne selv} {længst muligt|så længe som muligt}",
        "{træning|genoptræning|rehabilitering} så {man|jeg} {kan gå igen|får kræfterne igen}",
        "{hjælp til selvhjælp|støtte til at gøre det selv}",
        "at {blive boende|bo} i {eget hjem|mit hus} {i stedet for plejehjem|frem for plejebolig}",
        "{terapeuten|fysioterapeuten} der {øver|træner} {trapper|balancen} med {mig|borgeren}",
        "{hjælpemidler|rollatoren|badebænken} så {hverdagen|livet} {hænger sammen|fungerer}",
        "at {få|bevare} {selvstændigheden|sin uafhængighed} og {styre sit eget liv|bestemme selv}",
        "{hverdagsrehabilitering|et forløb} hvor {borgeren|man} {lærer|øver} at {lave mad|tage bad} {på egen hånd|uden hjælp}",
    ],
    "praktisk": [
        "{rengøringen|gulvvask|støvsugning} {hver anden uge|en gang om ugen}",
        "hjælp til {indkøb|at handle|at købe ind}",
        "{tøjvask|vasketøjet} og at {skifte sengetøj|rede sengen}",
        "{madudbringningen|maden|de varme måltider} der {kommer|bliver bragt} {hver dag|til døren}",
        "at {skraldet|affaldet} bliver {båret ned|taget med}",
        "{det praktiske|de praktiske ting} i {hjemmet|huset} som {jeg ikke kan|man ikke magter} selv",
        "at {køkkenet|badeværelset} bliver {gjort rent|vasket}",
        "{opvasken|vinduerne} og {det huslige|husarbejdet}",
    ],
    "faglighed": [
        "{dygtige|kompetente|uddannede} {sygeplejersker|fagfolk|social- og sundhedsassistenter}",
        "at {nogen|personalet} {opdager|ser} {tidligt|i tide} når {noget er galt|helbredet svigter}",
        "{faglig viden|fagligheden|ekspertisen} om {demens|diabetes|kroniske sygdomme}",
        "{samarbejdet|koordineringen} med {lægen|sygehuset|egen læge}",
        "{opsporing|forebyggelse} af {tryksår|underernæring|infektioner}",
        "{kvalitet|ordentlighed} i {arbejdet|plejen} og {korrekt dokumentation|styr på journalen}",
        "{vurderinger|observationer} som {forhindrer|undgår} {indlæggelser|genindlæggelser}",
        "{professionelle|faglige} {skøn|vurderinger} og {kendskab til|viden om} {sygdom|symptomer}",
    ],
    "paaroerende": [
        "{aflastning|en pause} til {familien|de pårørende|ægtefællen}",
        "at {min mand|min kone|datteren} ikke {står alene|skal klare alt} med {plejen|ansvaret}",
        "{rådgivning|vejledning} til {pårørende|familien} om {demens|hvad vi kan gøre}",
        "{pårørendegruppen|samtaler med familien} og {forståelse|støtte}",
        "at {børnene|familien} kan {passe deres arbejde|have et liv} ved siden af",
        "{information|besked} til {de pårørende|familien} når {noget ændrer sig|far bliver dårligere}",
        "{aflastningspladsen|dagtilbuddet} så {min kone|min mand} kan {hvile|sove}",
    ],
    "faellesskab": [
        "{aktivitetscentret|dagcentret|værestedet} og {de andre|vennerne} der",
        "{fællesspisning|spisning sammen|frokosten} med {andre|naboerne}",
        "{at komme ud|udflugter|ture} blandt {andre mennesker|folk}",
        "{gymnastik|stolegymnastik|sang} og {banko|kortspil|håndarbejde} {i klubben|i centret}",
        "{fællesskabet|samværet} med {ligesindede|jævnaldrende}",
        "{kørsel|bussen} til {aktiviteter|klubben} så {man|jeg} ikke {sidder hjemme|isoleres}",
        "{besøgsvenner|frivillige} og {caféen|foreningslivet}",
    ],
}

OPENERS = [
    "",
    "",
    "",
    "Helt klart ",
    "Først og fremmest ",
    "Jeg tror de ville savne ",
    "Borgerne ville savne ",
    "Især ",
    "Det må være ",
    "Jeg synes ",
    "Nok mest ",
    "Primært ",
]

SHORT = {
    "pleje": ["bad", "medicin", "plejen", "personlig pleje", "sårpleje"],
    "tryghed": ["tryghed", "trygheden", "nødkald", "sikkerhed"],
    "naervaer": ["nærvær", "en snak", "kendte ansigter", "omsorg"],
    "selvhjulpen": ["træning", "selvhjulpenhed", "klare sig selv", "rehabilitering"],
    "praktisk": ["rengøring", "indkøb", "tøjvask", "mad"],
    "faglighed": ["faglighed", "dygtige sygeplejersker", "opsporing", "kvalitet"],
    "paaroerende": ["aflastning", "støtte til familien", "pårørende"],
    "faellesskab": ["fællesskab", "aktivitetscentret", "fællesspisning", "samvær"],
}

NON_ANSWERS = [
    "ved ikke",
    "-",
    "nej",
    "?",
    "",
    "ingen kommentarer",
    "Ved ikke.",
    "intet",
    "..",
    "Ingen",
]

# Theme priors per side; the differences are the planted gaps.
PRIOR_STAFF = {
    "pleje": 0.16, "tryghed": 0.12, "naervaer": 0.12, "selvhjulpen": 0.16,
    "praktisk": 0.06, "faglighed": 0.20, "paaroerende": 0.10, "faellesskab": 0.08,
}  # fmt: skip
PRIOR_CITIZEN = {
    "pleje": 0.18, "tryghed": 0.18, "naervaer": 0.12, "selvhjulpen": 0.08,
    "praktisk": 0.20, "faglighed": 0.08, "paaroerende": 0.08, "faellesskab": 0.08,
}  # fmt: skip

STAFF_GROUPS = ("medarbejder", "leder")
CITIZEN_GROUPS = ("borger", "pårørende")

_ALT = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Answer:
    text: str
    group: str
    theme: str | None  # planted primary theme; None for non-answers


def _expand(template: str, rng: random.Random) -> str:
    return _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), template)


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 6:
        return text
    i = rng.randrange(1, len(text) - 2)
    kind = rng.random()
    if kind < 0.4:  # swap two letters
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind < 0.7:  # drop a letter
        return text[:i] + text[i + 1 :]
    # Danish letters typed on a foreign keyboard
    return text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def generate(n: int, seed: int = 1, *, staff_share: float = 0.4) -> list[Answer]:
    rng = random.Random(seed)
    names = list(THEMES)
    answers = []
    for _ in range(n):
        staff = rng.random() < staff_share
        group = rng.choice(STAFF_GROUPS if staff else CITIZEN_GROUPS)
        if rng.random() < 0.05:
            answers.append(Answer(rng.choice(NON_ANSWERS), group, None))
            continue
        prior = PRIOR_STAFF if staff else PRIOR_CITIZEN
        theme = rng.choices(names, weights=[prior[t] for t in names])[0]
        if rng.random() < 0.12:
            text = rng.choice(SHORT[theme])
        else:
            text = rng.choice(OPENERS) + _expand(rng.choice(PHRASES[theme]), rng)
            if rng.random() < 0.25:  # a second, minor theme
                other = rng.choice([t for t in names if t != theme])
                text += rng.choice([" og ", ", ", " - og så ", ". Også "]) + _expand(
                    rng.choice(PHRASES[other]), rng
                )
            if rng.random() < 0.3:  # a second sentence on the same theme
                text += ". " + _expand(rng.choice(PHRASES[theme]), rng).capitalize()
        if rng.random() < 0.15:
            text = _typo(text, rng)
        answers.append(Answer(text, group, theme))
    return answers


def planted_gaps() -> dict[str, float]:
    """Staff − citizen difference in theme share, as planted (before non-answers)."""
    return {t: PRIOR_STAFF[t] - PRIOR_CITIZEN[t] for t in THEMES}
