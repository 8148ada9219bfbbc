"""Phrase bank of Solbjerg Skole: teachers, leaders, pupils and parents."""

from __future__ import annotations

from kerne.demo.phrases.common import (
    CONNECTORS,
    NON_ANSWERS,
    GroupSpec,
    TextBank,
    Theme,
    UnitBank,
)

SCHOOL_GROUPS: tuple[GroupSpec, ...] = (
    GroupSpec(
        key="medarbejder",
        label="Medarbejdere",
        count=20,
        voice="personale",
        staff=True,
        verbosity=(0.08, 0.60, 0.32),
        sloppy=0.1,
        non_answer=0.03,
        skip={
            "vaerdi": 0.02,
            "ambition": 0.05,
            "tilgang": 0.05,
            "maalgruppe": 0.05,
            "lykkes": 0.02,
            "anciennitet": 0.05,
        },
        scale=(2, 12, 36, 40, 10),
    ),
    GroupSpec(
        key="leder",
        label="Ledere",
        count=3,
        voice="personale",
        staff=True,
        verbosity=(0.0, 0.5, 0.5),
        sloppy=0.0,
        non_answer=0.0,
        skip={
            "vaerdi": 0.0,
            "ambition": 0.0,
            "tilgang": 0.0,
            "maalgruppe": 0.0,
            "lykkes": 0.0,
            "anciennitet": 0.0,
        },
        scale=(0, 8, 30, 52, 10),
    ),
    GroupSpec(
        key="elev",
        label="Elever",
        count=40,
        voice="elev",
        staff=False,
        verbosity=(0.32, 0.58, 0.10),
        sloppy=0.38,
        non_answer=0.08,
        skip={
            "vaerdi": 0.05,
            "ambition": 0.12,
            "tilgang": 0.2,
            "maalgruppe": 0.22,
            "lykkes": 0.05,
            "anciennitet": 0.6,
        },
        scale=(5, 8, 20, 40, 27),
    ),
    GroupSpec(
        key="foraeldre",
        label="Forældre",
        count=30,
        voice="foraelder",
        staff=False,
        verbosity=(0.08, 0.55, 0.37),
        sloppy=0.12,
        non_answer=0.03,
        skip={
            "vaerdi": 0.02,
            "ambition": 0.06,
            "tilgang": 0.1,
            "maalgruppe": 0.1,
            "lykkes": 0.03,
            "anciennitet": 0.75,
        },
        scale=(8, 20, 35, 28, 9),
    ),
)

_SCHOOL_VAERDI_THEMES: tuple[Theme, ...] = (
    Theme(
        key="laering",
        label="Faglig læring",
        short=("læring", "At lære noget", "Faglighed.", "undervisningen"),
        cores={
            "personale": (
                "Eleverne ville mangle den faglige læring – at lære at læse, regne og forstå verden.",
                "Undervisning af høj kvalitet, som giver dem muligheder senere i livet.",
                "Læring. Vi giver dem redskaber, de ikke kan få andre steder.",
                "At blive udfordret fagligt af nogen, der kan deres fag.",
            ),
            "elev": (
                "Man ville ikke lære noget. Især ikke {fag}.",
                "At lære ting. Nogle gange er det faktisk spændende.",
                "Vi ville ikke blive kloge, og så kan man ikke få et job.",
            ),
            "foraelder": (
                "Den faglige undervisning. Vi kan ikke selv lære {obj} det hele.",
                "At {pron} bliver udfordret fagligt og lærer noget hver dag.",
                "Dygtige lærere, der kan få {obj} til at forstå {fag}.",
            ),
        },
    ),
    Theme(
        key="trivsel",
        label="Trivsel og tryghed",
        short=("trivsel", "Trivsel!", "at være glad", "tryghed"),
        cores={
            "personale": (
                "Trivsel. Uden trivsel ingen læring.",
                "Et sted, hvor de har det godt og bliver set.",
                "Tryghed og trivsel i hverdagen – for nogle er skolen det mest stabile sted, de har.",
            ),
            "elev": (
                "At have det godt. Nogle dage er skolen det bedste sted at være.",
                "Et sted, hvor man er glad.",
            ),
            "foraelder": (
                "At {rel} trives og er glad for at gå i skole. Det er det vigtigste for os.",
                "Trivsel. Hvis {pron} ikke trives, lærer {pron} heller ikke noget.",
                "Et trygt sted at være, mens vi er på arbejde.",
            ),
        },
    ),
    Theme(
        key="faellesskab",
        label="Fællesskab og venner",
        short=("vennerne", "venner", "Fællesskab.", "mine venner!!"),
        cores={
            "personale": (
                "Fællesskabet i klassen. For nogle elever er det det eneste fællesskab, de har.",
                "At være en del af noget større end sig selv.",
            ),
            "elev": (
                "Mine venner! Jeg ville ikke se dem hver dag.",
                "Klassen. Vi har det sjovt sammen.",
                "Venner. Og at man er sammen med nogen.",
                "At være sammen med de andre fra {klasse}.",
            ),
            "foraelder": (
                "Kammeraterne og fællesskabet i klassen.",
                "At {pron} er en del af et fællesskab med andre børn.",
            ),
        },
    ),
    Theme(
        key="voksen",
        label="En voksen, der ser mig",
        short=("lærerne", "søde voksne", "min lærer"),
        cores={
            "personale": (
                "En voksen, der ser dem. Det kan være afgørende for et barn.",
                "Relationen til en voksen uden for familien.",
            ),
            "elev": (
                "Min lærer. Hun er rigtig sød.",
                "At der er voksne, man kan snakke med, hvis der er noget.",
                "Pædagogerne i SFO'en.",
            ),
            "foraelder": (
                "En voksen, der kender {obj} og ser {obj}.",
                "Lærere, der kender vores barn og ringer, hvis der er noget.",
            ),
        },
    ),
    Theme(
        key="dannelse",
        label="Dannelse og demokrati",
        short=("dannelse", "Demokrati og dannelse"),
        cores={
            "personale": (
                "Dannelse. At de lærer at være borgere i et demokrati.",
                "At de lærer at tage ansvar for sig selv og hinanden.",
                "Dannelse og karakter – ikke kun karakterer.",
            ),
            "foraelder": ("At {pron} lærer at begå sig blandt andre mennesker.",),
        },
    ),
    Theme(
        key="pauser",
        label="Frikvarter og leg",
        short=("frikvarter", "fodbold", "FRIKVARTER", "idræt"),
        cores={
            "elev": (
                "Frikvarteret! Og fodbold.",
                "Idræt og frikvarter.",
                "At lege. Der er ikke nogen at lege med derhjemme.",
                "Den gode legeplads og boldbanen.",
            ),
        },
    ),
    Theme(
        key="hverdag",
        label="En hverdag, der hænger sammen",
        short=("struktur", "En hverdag der fungerer"),
        cores={
            "personale": (
                "Forudsigelighed og en hverdag, der hænger sammen for familierne.",
            ),
            "foraelder": (
                "En hverdag, der hænger sammen. Vi er begge på arbejde til kl. 16.",
                "Struktur og faste rammer. {Rel} har brug for det.",
            ),
        },
    ),
)

_SCHOOL_VAERDI = TextBank(
    question="vaerdi",
    themes=_SCHOOL_VAERDI_THEMES,
    weights={
        "medarbejder": {
            "laering": 16,
            "trivsel": 10,
            "faellesskab": 10,
            "voksen": 6,
            "dannelse": 12,
            "hverdag": 2,
        },
        "leder": {
            "laering": 14,
            "trivsel": 12,
            "faellesskab": 10,
            "voksen": 4,
            "dannelse": 12,
            "hverdag": 4,
        },
        "elev": {
            "laering": 8,
            "trivsel": 8,
            "faellesskab": 18,
            "voksen": 12,
            "pauser": 14,
        },
        "foraeldre": {
            "laering": 12,
            "trivsel": 16,
            "faellesskab": 10,
            "voksen": 10,
            "dannelse": 2,
            "hverdag": 12,
        },
    },
    openers={
        "medarbejder": (
            "For mig er det klart:",
            "Godt spørgsmål.",
            "Hvis skolen lukkede i morgen:",
            "Set fra klasseværelset:",
        ),
        "leder": (
            "Som skoleleder ser jeg det sådan:",
            "Det vigtigste, vi giver, er det her:",
        ),
        "elev": ("Hmm.", "Det er nemt:", "Ærligt?", "Øhm"),
        "foraeldre": (
            "Som forælder til en elev i {klasse}:",
            "Set hjemmefra:",
            "Vores erfaring:",
        ),
    },
    endings={
        "personale": ("Det er det, der bærer det hele.", "Det må vi aldrig glemme."),
        "elev": (
            "Det er det bedste ved skolen.",
            "Ellers ville det være kedeligt.",
            "Det ville være træls.",
        ),
        "foraelder": (
            "Det betyder alt for os som familie.",
            "Det er det, vi sender {obj} i skole for.",
        ),
    },
)

_SCHOOL_AMBITION_THEMES: tuple[Theme, ...] = (
    Theme(
        key="fagligt_niveau",
        label="Højt fagligt niveau",
        short=("højt fagligt niveau", "gode karakterer"),
        cores={
            "personale": (
                "At vores elever klarer sig fagligt bedre, end man ville forvente.",
                "At alle elever forlader skolen med en plan for uddannelse.",
                "At vi er kendt for stærk læsning og matematik.",
                "At forældre vælger os, fordi børnene lærer noget her.",
            ),
            "elev": (
                "At man får gode karakterer.",
                "At man lærer nok til at komme på gymnasiet.",
                "At vi bliver rigtig gode til {fag}.",
            ),
            "foraelder": (
                "Et højt fagligt niveau, så {pron} er godt rustet.",
                "Gode resultater ved afgangsprøven.",
                "At {pron} kan læse og regne ordentligt, når {pron} går ud af 9. klasse.",
            ),
        },
    ),
    Theme(
        key="trivsel",
        label="Elever, der trives",
        short=("trivsel", "glade elever"),
        cores={
            "personale": (
                "At vi er kendt som en skole, hvor eleverne trives.",
                "Høj trivsel i de årlige målinger.",
                "At ingen elev går hjem fra skole uden at være blevet set af en voksen.",
            ),
            "elev": (
                "At alle er glade for at gå her.",
                "At ingen har ondt i maven før skole.",
                "At man har nogen at være sammen med i frikvarteret.",
                "At skolen er et sted, hvor man gerne vil være.",
            ),
            "foraelder": (
                "At børnene glæder sig til at komme i skole.",
                "Trivsel for alle, også de stille børn.",
                "At {rel} har lyst til at stå op om morgenen.",
            ),
        },
    ),
    Theme(
        key="plads_til_alle",
        label="Plads til alle",
        short=("plads til alle", "inklusion"),
        cores={
            "personale": (
                "At der er plads til alle, også dem, der er lidt anderledes.",
                "Inklusion, der faktisk virker.",
                "At vi ikke sender børn videre, men finder løsninger her.",
            ),
            "elev": ("At alle må være med.", "At det er okay at være anderledes."),
            "foraelder": (
                "At skolen kan rumme alle børn, også dem med særlige behov.",
                "At der er plads til forskellighed, og at de voksne griber ind.",
            ),
        },
    ),
    Theme(
        key="varieret",
        label="Varieret undervisning",
        short=("udeskole", "mere sjov undervisning", "flere ture"),
        cores={
            "personale": (
                "At vi er kendt for varieret undervisning med udeskole og projekter.",
                "Praksisfaglighed og undervisning, der giver mening for eleverne.",
            ),
            "elev": (
                "Mere udeskole og ture.",
                "At undervisningen er sjov, og at vi laver flere projekter.",
                "Mindre at sidde stille og mere at lave ting.",
                "Flere ture ud af huset og færre lektier.",
            ),
            "foraelder": (
                "Undervisning, der er varieret og ikke kun foregår på skærm.",
                "At der er mere bevægelse og praktisk arbejde i hverdagen.",
            ),
        },
    ),
    Theme(
        key="ingen_mobning",
        label="Ingen mobning",
        short=("ingen mobning", "stop mobning"),
        cores={
            "personale": (
                "At vi tager mobning alvorligt, og at eleverne ved det.",
                "At vi er kendt for at tage hånd om konflikter tidligt, også de digitale.",
            ),
            "elev": (
                "At der ikke er nogen, der bliver mobbet.",
                "At man ikke bliver holdt udenfor.",
                "Ingen mobning, heller ikke på Snap.",
            ),
            "foraelder": (
                "At mobning bliver stoppet med det samme.",
                "At skolen griber ind, også når det foregår på de sociale medier.",
            ),
        },
    ),
    Theme(
        key="samarbejde_hjem",
        label="Samarbejde mellem skole og hjem",
        short=("forældresamarbejde", "skole-hjem-samarbejde"),
        cores={
            "personale": (
                "Et tæt og tillidsfuldt samarbejde med forældrene.",
                "At forældrene oplever, at vi løser en fælles opgave.",
            ),
            "foraelder": (
                "At vi bliver inddraget som forældre og ikke kun informeret via Aula.",
                "God kommunikation mellem skole og hjem.",
                "At vi som forældre ved, hvad der foregår i klassen, og kan bakke op derhjemme.",
            ),
        },
    ),
)

_SCHOOL_AMBITION = TextBank(
    question="ambition",
    themes=_SCHOOL_AMBITION_THEMES,
    weights={
        "medarbejder": {
            "fagligt_niveau": 14,
            "trivsel": 10,
            "plads_til_alle": 10,
            "varieret": 8,
            "ingen_mobning": 4,
            "samarbejde_hjem": 6,
        },
        "leder": {
            "fagligt_niveau": 14,
            "trivsel": 10,
            "plads_til_alle": 12,
            "varieret": 8,
            "ingen_mobning": 4,
            "samarbejde_hjem": 8,
        },
        "elev": {
            "fagligt_niveau": 6,
            "trivsel": 10,
            "plads_til_alle": 6,
            "varieret": 16,
            "ingen_mobning": 14,
        },
        "foraeldre": {
            "fagligt_niveau": 12,
            "trivsel": 14,
            "plads_til_alle": 8,
            "varieret": 4,
            "ingen_mobning": 10,
            "samarbejde_hjem": 12,
        },
    },
    openers={
        "medarbejder": ("Om fem år:", "Mit bud:", "Det ville jeg være stolt af:"),
        "leder": (
            "Min ambition for Solbjerg Skole:",
            "Om fem år vil jeg gerne kunne sige det her:",
        ),
        "elev": ("Hmm.", "Jeg synes:", "Jeg håber:", "Øhm"),
        "foraeldre": (
            "Mit ønske:",
            "Set fra os forældre:",
            "Hvis jeg skal vælge én ting:",
        ),
    },
    endings={
        "personale": ("Det kræver, at vi står sammen om det.", "Så er vi lykkedes."),
        "elev": ("Det ville være fedt.", "Så ville flere gide skolen."),
        "foraelder": (
            "Så ville jeg anbefale skolen til alle.",
            "Det er vigtigere end karaktererne.",
        ),
    },
)

_SCHOOL_TILGANG_THEMES: tuple[Theme, ...] = (
    Theme(
        key="sikrer",
        label="Sikrer",
        short=("sikrer ro og orden",),
        cores={
            "personale": (
                "Jeg sikrer, at eleverne når de faglige mål, og at alle får den samme undervisning.",
            ),
            "foraelder": ("De sikrer, at der er styr på tingene i klassen.",),
        },
        with_cores={
            "personale": (
                "Jeg sikrer, at eleverne selv er med til at sætte mål for deres læring.",
            )
        },
    ),
    Theme(
        key="fremmer",
        label="Fremmer",
        short=("fremmer trivsel",),
        cores={"personale": ("Vi fremmer trivslen med faste rammer og klare regler.",)},
        with_cores={
            "personale": (
                "Jeg fremmer elevernes nysgerrighed ved at lade dem selv undersøge tingene.",
            )
        },
    ),
    Theme(
        key="understoetter",
        label="Understøtter",
        short=("støtter", "understøtter"),
        cores={
            "personale": ("Jeg understøtter de svage elever med ekstra materialer.",)
        },
        with_cores={
            "personale": (
                "Jeg understøtter eleverne i selv at finde en måde at lære på, der passer til dem.",
            ),
            "elev": ("De støtter mig, når jeg vil prøve noget svært.",),
            "foraelder": ("De støtter {obj} i at tro på sig selv.",),
        },
    ),
    Theme(
        key="udvikler",
        label="Udvikler",
        short=("udvikler",),
        cores={
            "personale": ("Jeg udvikler undervisningsforløb, der passer til klassen.",)
        },
        with_cores={
            "personale": (
                "Vi udvikler undervisningen sammen med eleverne, og de evaluerer den.",
            )
        },
    ),
    Theme(
        key="hjaelper",
        label="Hjælper",
        short=("hjælper eleverne", "hjælper", "de hjælper"),
        cores={
            "personale": (
                "Jeg hjælper eleverne, når de går i stå, og forklarer det igen.",
            ),
            "elev": (
                "Lærerne hjælper, når man ikke kan finde ud af det.",
                "De hjælper en, hvis man spørger.",
            ),
            "foraelder": ("Lærerne hjælper {obj}, når {pron} har det svært.",),
        },
        with_cores={
            "personale": (
                "Jeg hjælper eleverne til selv at finde svaret i stedet for at give dem det.",
            ),
            "elev": (
                "Min lærer hjælper mig til selv at finde ud af det. Det er irriterende, men det virker.",
            ),
            "foraelder": ("De hjælper {obj} til at blive mere selvstændig.",),
        },
    ),
    Theme(
        key="faciliterer",
        label="Faciliterer",
        short=("faciliterer",),
        cores={},
        with_cores={
            "personale": (
                "Jeg faciliterer læringsrum, hvor eleverne lærer af hinanden.",
                "Jeg faciliterer klassemøder, hvor eleverne selv løser konflikter.",
            )
        },
    ),
    Theme(
        key="coacher",
        label="Coacher",
        short=("coacher",),
        cores={
            "personale": (
                "Jeg coacher eleverne i den rigtige måde at gribe opgaverne an på.",
            )
        },
        with_cores={"personale": ("Jeg coacher eleverne i at sætte deres egne mål.",)},
    ),
    Theme(
        key="inddrager",
        label="Inddrager",
        short=("inddrager", "elevinddragelse"),
        cores={
            "elev": ("Vi bliver ikke rigtig spurgt om noget.",),
            "foraelder": ("Vi bliver informeret på Aula, men ikke rigtig inddraget.",),
        },
        with_cores={
            "personale": (
                "Jeg inddrager eleverne i planlægningen og spørger, hvad de gerne vil lære mere om.",
                "Vi inddrager forældrene som en aktiv del af barnets skolegang.",
            ),
            "elev": (
                "Vi får lov til at bestemme nogle ting, fx hvad vi skal lave i {fag}.",
                "I elevrådet bliver vi spurgt.",
            ),
            "foraelder": (
                "Vi bliver inddraget i {poss} skolegang, og {pron} bliver spurgt om sin mening.",
            ),
        },
    ),
    Theme(
        key="samarbejder",
        label="Samarbejder",
        short=("samarbejde",),
        cores={
            "personale": ("Vi samarbejder i teamet om at planlægge undervisningen.",)
        },
        with_cores={
            "personale": (
                "Jeg samarbejder med eleverne og forældrene om fælles mål for barnet.",
            ),
            "foraelder": ("Vi samarbejder med klasselæreren om {poss} trivsel.",),
        },
    ),
    Theme(
        key="soerger_for",
        label="Sørger for",
        short=("sørger for ro", "sørger for dem"),
        cores={
            "personale": (
                "Jeg sørger for, at der er ro i klassen, så alle kan lære.",
                "Vi sørger for, at eleverne får det, de har brug for.",
            ),
            "elev": (
                "De sørger for, at der er ro. Nogle gange.",
                "De voksne sørger for, at ingen bliver holdt udenfor.",
            ),
            "foraelder": ("Skolen sørger for, at {pron} lærer det, {pron} skal.",),
        },
    ),
)

_SCHOOL_TILGANG = TextBank(
    question="tilgang",
    themes=_SCHOOL_TILGANG_THEMES,
    weights={
        "medarbejder": {
            "sikrer": 10,
            "fremmer": 6,
            "understoetter": 10,
            "udvikler": 6,
            "hjaelper": 14,
            "faciliterer": 4,
            "coacher": 4,
            "inddrager": 8,
            "samarbejder": 6,
            "soerger_for": 12,
        },
        "leder": {
            "sikrer": 6,
            "fremmer": 8,
            "understoetter": 8,
            "udvikler": 8,
            "hjaelper": 4,
            "faciliterer": 10,
            "coacher": 6,
            "inddrager": 10,
            "samarbejder": 8,
            "soerger_for": 4,
        },
        "elev": {
            "understoetter": 4,
            "hjaelper": 18,
            "inddrager": 10,
            "soerger_for": 12,
        },
        "foraeldre": {
            "sikrer": 4,
            "understoetter": 6,
            "hjaelper": 14,
            "inddrager": 12,
            "samarbejder": 8,
            "soerger_for": 12,
        },
    },
    with_share={"medarbejder": 0.45, "leder": 0.7, "elev": 0.35, "foraeldre": 0.4},
    openers={
        "medarbejder": ("I praksis:", "Kort sagt:", "I min klasse:"),
        "leder": ("Jeg ser det sådan:", "Når det lykkes bedst:"),
        "elev": ("Tja.", "I vores klasse:"),
        "foraeldre": ("Det, vi oplever:", "Hos os:"),
    },
    endings={
        "personale": (
            "Det er sådan, jeg forstår min rolle.",
            "Det lykkes ikke altid, men det er målet.",
        ),
        "elev": ("Det er fint nok.",),
        "foraelder": ("Det fungerer godt, når det fungerer.",),
    },
)

_SCHOOL_MAALGRUPPE_THEMES: tuple[Theme, ...] = (
    Theme(
        key="elev",
        label="Elev",
        short=("elever", "eleverne", "Eleverne!"),
        cores={
            "personale": (
                "Eleverne. Det er dem, vi er her for.",
                "Eleven – hver enkelt elev og klassen som helhed.",
                "Eleverne – og jeg prøver at sige deres navne, ikke bare 'eleverne'.",
            ),
            "elev": ("Os elever.", "Eleverne! Altså os.", "Os der går her."),
            "foraelder": (
                "Eleverne, selvfølgelig.",
                "Eleverne, men også os, der står bag dem.",
            ),
        },
    ),
    Theme(
        key="barn",
        label="Barn",
        short=("børnene", "børn"),
        cores={
            "personale": (
                "Børnene. Jeg siger børn, fordi de er børn, før de er elever.",
            ),
            "elev": ("Børnene, siger de voksne.", "Os børn."),
            "foraelder": (
                "Børnene. Det er børn, ikke bare elever.",
                "Børnene og deres hverdag.",
                "Børn, der skal lære og trives.",
            ),
        },
    ),
    Theme(
        key="unge",
        label="De unge",
        short=("de unge",),
        cores={
            "personale": (
                "De unge i udskolingen er en målgruppe for sig.",
                "De unge mennesker – de store elever vil ikke kaldes børn.",
            ),
            "elev": (
                "De unge, altså os i udskolingen.",
                "Os unge. Vi er ikke små børn.",
            ),
            "foraelder": ("De unge. De er ikke små børn længere.",),
        },
    ),
    Theme(
        key="klassen",
        label="Klassen",
        short=("klassen", "hele klassen"),
        cores={
            "personale": (
                "Klassen som fællesskab, ikke kun den enkelte.",
                "Klasserne og holdene. Fællesskabet er målgruppen.",
            ),
            "elev": ("Hele klassen.", "Alle i {klasse}.", "Klassen og vennerne."),
            "foraelder": ("Klassen og klassens forældre.",),
        },
    ),
    Theme(
        key="foraeldre",
        label="Forældre",
        short=("forældre", "forældrene"),
        cores={
            "personale": (
                "Forældrene. Vi lykkes ikke uden dem.",
                "Eleverne og deres forældre.",
                "Forældrene som samarbejdspartnere, ikke som kunder.",
            ),
            "elev": ("Forældrene, tror jeg.", "Vores forældre er vel også med."),
            "foraelder": ("Os forældre også!", "Forældrene – vi vil gerne være med."),
        },
    ),
    Theme(
        key="vores_boern",
        label="Vores børn",
        short=("vores børn",),
        cores={
            "personale": (
                "Vores børn – jeg tænker på dem som vores.",
                "Vores børn, siger vi i personalerummet.",
            ),
            "foraelder": ("Vores børn. Alle børnene på skolen.",),
        },
    ),
    Theme(
        key="familier",
        label="Familier",
        short=("familierne",),
        cores={
            "personale": (
                "Familierne. Hele familien skal med.",
                "Familierne omkring eleven.",
            ),
            "foraelder": ("Familierne bag eleverne.", "Hele familien, også søskende."),
        },
    ),
)

_SCHOOL_MAALGRUPPE = TextBank(
    question="maalgruppe",
    themes=_SCHOOL_MAALGRUPPE_THEMES,
    weights={
        "medarbejder": {
            "elev": 16,
            "barn": 6,
            "unge": 2,
            "klassen": 6,
            "foraeldre": 8,
            "vores_boern": 6,
            "familier": 4,
        },
        "leder": {
            "elev": 14,
            "barn": 4,
            "unge": 2,
            "klassen": 6,
            "foraeldre": 10,
            "vores_boern": 4,
            "familier": 6,
        },
        "elev": {"elev": 10, "barn": 2, "unge": 8, "klassen": 8, "foraeldre": 2},
        "foraeldre": {
            "elev": 8,
            "barn": 14,
            "unge": 2,
            "klassen": 4,
            "foraeldre": 10,
            "vores_boern": 10,
            "familier": 6,
        },
    },
    openers={
        "medarbejder": ("Vi siger forskellige ting.", "Hos os:"),
        "leder": ("Ordene betyder noget her.",),
        "elev": ("Øh.", "Ved ikke helt, men:", "Det må være:"),
        "foraeldre": ("Set hjemmefra:", "Det er et godt spørgsmål."),
    },
    endings={
        "personale": ("Det er vi nok ikke helt enige om.",),
        "elev": (),
        "foraelder": ("Og glem ikke os forældre.",),
    },
)

SCHOOL: UnitBank = UnitBank(
    key="skole",
    name="Solbjerg Skole",
    groups=SCHOOL_GROUPS,
    texts={
        "vaerdi": _SCHOOL_VAERDI,
        "ambition": _SCHOOL_AMBITION,
        "tilgang": _SCHOOL_TILGANG,
        "maalgruppe": _SCHOOL_MAALGRUPPE,
    },
    connectors=CONNECTORS,
    non_answers=NON_ANSWERS + ("ved ikk", "idk", "ved ikke lol"),
    relations=(
        ("min datter", "hun", "hende", "hendes"),
        ("min søn", "han", "ham", "hans"),
        ("vores datter", "hun", "hende", "hendes"),
        ("vores søn", "han", "ham", "hans"),
    ),
    slots={
        "fag": ("dansk", "matematik", "historie", "natur/teknologi", "engelsk"),
        "klasse": ("3.b", "5.a", "7.c", "9.a", "2.a"),
        "antal": ("3", "4", "5"),
        "klokken": ("8", "halv ni"),
        "fornavn": ("Freja", "Noah", "Ida", "Oscar"),
        "aar": ("to", "tre", "fem"),
        "alder": ("9", "12", "14"),
    },
    seniority={"medarbejder": (20, 45, 30, 5), "leder": (0, 67, 33, 0)},
)
