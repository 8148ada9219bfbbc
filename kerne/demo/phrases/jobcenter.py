"""Phrase bank of Jobcenter Solbjerg: caseworkers, job and business consultants, leaders,
citizens (unemployed, on sick leave, young people on education benefit, in a resource
programme), their relatives and the jobcentre's partners (employers, unemployment funds,
youth guidance, doctors and psychiatry).

Planted differences: staff speak of jobs, rules and education; citizens of being believed
in, met as a person and of the money coming on time; employers of labour and a quick
answer; doctors of one plan across the sectors. Also the qualification suggestions for the
jobcentre's draft, by dimension and by who would write them.
"""

from __future__ import annotations

from collections.abc import Mapping

from kerne.demo.phrases.common import (
    CONNECTORS,
    NON_ANSWERS,
    GroupSpec,
    TextBank,
    Theme,
    UnitBank,
)

JOB_GROUPS: tuple[GroupSpec, ...] = (
    GroupSpec(
        key="medarbejder",
        label="Medarbejdere",
        count=18,
        voice="personale",
        staff=True,
        verbosity=(0.12, 0.58, 0.30),
        sloppy=0.12,
        non_answer=0.03,
        skip={
            "vaerdi": 0.02,
            "ambition": 0.06,
            "tilgang": 0.04,
            "maalgruppe": 0.06,
            "lykkes": 0.03,
            "anciennitet": 0.05,
        },
        scale=(4, 18, 40, 30, 8),
    ),
    GroupSpec(
        key="leder",
        label="Ledere",
        count=5,
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
            "anciennitet": 0.1,
        },
        scale=(1, 12, 40, 40, 7),
    ),
    GroupSpec(
        key="borger",
        label="Borgere",
        count=16,
        voice="borger",
        staff=False,
        verbosity=(0.2, 0.55, 0.25),
        sloppy=0.28,
        non_answer=0.07,
        skip={
            "vaerdi": 0.04,
            "ambition": 0.18,
            "tilgang": 0.1,
            "maalgruppe": 0.2,
            "lykkes": 0.05,
            "anciennitet": 0.75,
        },
        scale=(14, 24, 30, 22, 10),
    ),
    GroupSpec(
        key="paaroerende",
        label="Pårørende",
        count=6,
        voice="paaroerende",
        staff=False,
        verbosity=(0.1, 0.5, 0.4),
        sloppy=0.1,
        non_answer=0.0,
        skip={
            "vaerdi": 0.0,
            "ambition": 0.05,
            "tilgang": 0.05,
            "maalgruppe": 0.1,
            "lykkes": 0.05,
            "anciennitet": 0.8,
        },
        scale=(16, 30, 30, 18, 6),
    ),
    GroupSpec(
        key="samarbejdspartner",
        label="Samarbejdspartnere",
        count=8,
        voice="partner",
        staff=False,
        verbosity=(0.1, 0.6, 0.3),
        sloppy=0.08,
        non_answer=0.0,
        skip={
            "vaerdi": 0.0,
            "ambition": 0.05,
            "tilgang": 0.05,
            "maalgruppe": 0.05,
            "lykkes": 0.05,
            "anciennitet": 0.8,
        },
        scale=(6, 22, 40, 26, 6),
    ),
)

# ---------------------------------------------------------------------------
# Værdien: what would be missed if the jobcentre closed tomorrow?
# ---------------------------------------------------------------------------

_JOB_VAERDI_THEMES: tuple[Theme, ...] = (
    Theme(
        key="job",
        label="Job og egen forsørgelse",
        short=(
            "job",
            "Et arbejde.",
            "at komme i job",
            "Job job job",
            "selvforsørgelse",
        ),
        cores={
            "personale": (
                "Vejen tilbage til et arbejde. Mange af vores borgere ville blive hængende på offentlig forsørgelse meget længere uden os.",
                "At folk kommer i job og kan forsørge sig selv. Det er det, vi bliver målt på, og det er også det, de fleste selv vil.",
                "Et job er meget mere end en lønseddel. Det er kolleger, en grund til at stå op og en plads i fællesskabet.",
                "Hjælpen til at finde det job, der passer til dem, og ikke bare det første det bedste.",
                "De ville miste kontakten til arbejdsmarkedet. Jo længere tid man er væk, jo sværere bliver det at komme tilbage.",
                "Ordinære timer. Selv ti timer om ugen kan vende et helt liv, det ser jeg hver måned.",
            ),
            "borger": (
                "Hjælp til at finde et arbejde. Jeg har søgt over 60 stillinger selv uden at komme til samtale.",
                "Jeg vil bare gerne have et job igen. Det er derfor, jeg kommer derned.",
                "Min konsulent fandt den praktik, som endte med et job. Det havde jeg ikke selv fundet.",
                "Et arbejde, så jeg kan betale mine regninger selv og ikke skal forklare mig hele tiden.",
            ),
            "paaroerende": (
                "{Rel} ville ikke have fået foden inden for på en arbejdsplads uden hjælpen.",
                "At {pron} kommer i gang med noget. Det har været svært for hele familien, mens {pron} gik derhjemme.",
            ),
            "partner": (
                "Vejen fra ydelse til job. Vi ser dem, der ikke kommer videre, og de bliver kun flere, hvis ingen tager fat.",
                "Et jobcenter, der kan få vores medlemmer videre, når de er ved at falde ud af dagpengesystemet.",
                "De ledige ville stå alene med jobsøgningen, og mange af dem kan ikke løfte det selv.",
            ),
        },
    ),
    Theme(
        key="tro",
        label="Troen på egne muligheder",
        short=("troen på mig selv", "Selvtillid", "at nogen tror på en", "håb"),
        cores={
            "personale": (
                "Troen på, at de kan noget. Mange har fået nej så mange gange, at de har opgivet sig selv.",
                "Håb. Nogle af dem har ikke haft en god samtale om deres fremtid i flere år.",
                "Nogen, der ser deres ressourcer og ikke kun deres begrænsninger.",
            ),
            "borger": (
                "Nogen der tror på at jeg kan noget. Det har jeg ikke selv gjort i lang tid.",
                "Da jeg blev sygemeldt med stress, troede jeg, at jeg aldrig kunne arbejde igen. Min sagsbehandler fik mig til at tro på det.",
                "At blive set som en, der har noget at byde på. Ikke bare en, der koster penge.",
                "Modet. Jeg havde ikke turdet søge noget som helst, hvis {fornavn} ikke havde presset lidt på.",
                "Selvtillid. Jeg er {alder} og har været ledig i {aar} år, man begynder at tvivle på sig selv.",
                "en der siger du kan godt. det betyder mere end alle kurserne",
            ),
            "paaroerende": (
                "{Rel} har fået troen på sig selv igen. Det har vi ikke kunnet give {obj}, selvom vi har prøvet.",
                "At der er nogen uden for familien, der tror på {obj}. Det tager {pron} mere alvorligt, end når det er mig, der siger det.",
            ),
            "partner": (
                "Motivationen. Når jobcentret tror på kandidaten, smitter det af på os som arbejdsgiver.",
            ),
        },
    ),
    Theme(
        key="menneske",
        label="Mødt som et menneske, ikke en sag",
        short=(
            "respekt",
            "at blive mødt ordentligt",
            "menneske, ikke sag",
            "Ordentlighed.",
        ),
        cores={
            "personale": (
                "Et sted, hvor de bliver mødt af et menneske og ikke af et system. Det prøver vi at være, også når reglerne er stramme.",
                "Respekt. Mange har oplevet at blive talt ned til af systemet, og det skal de ikke opleve hos os.",
            ),
            "borger": (
                "At man bliver mødt som et menneske og ikke en sag. Det er ikke altid sådan, men når det er, betyder det alt.",
                "Respekt. Jeg er ikke doven, jeg er syg, og det har jeg brug for at blive troet på.",
                "At nogen gider lytte til hele historien. Jeg har fortalt den til {antal} forskellige sagsbehandlere.",
                "Ærligt talt ville jeg ikke savne ret meget. Jeg føler mig mere som et nummer end et menneske derinde.",
                "At blive behandlet ordentligt. Man er i forvejen flov over at skulle derned.",
                "Et sted hvor man ikke skal føle sig som en mistænkt",
            ),
            "paaroerende": (
                "At {rel} bliver mødt med respekt. {Pron} kom grædende hjem fra det første møde, men det er blevet bedre.",
                "At de ser hele mennesket og ikke kun en ydelse og en paragraf.",
                "Et system, der husker, at der står en familie bag den enkelte sag.",
            ),
            "partner": (
                "At borgeren bliver mødt som et helt menneske. Det gør hele forskellen for, om behandlingen og jobindsatsen hænger sammen.",
            ),
        },
    ),
    Theme(
        key="arbejdskraft",
        label="Arbejdskraft til virksomhederne",
        short=("arbejdskraft", "Medarbejdere!", "hænder", "rekruttering"),
        cores={
            "personale": (
                "Virksomhederne ville mangle arbejdskraft. Vi har kandidater, som de aldrig selv ville have fundet.",
                "Et bindeled mellem dem, der søger folk, og dem, der søger arbejde. Det er virksomhedskonsulenternes kerne.",
                "Rekrutteringen til de lokale virksomheder. Der er brancher her i byen, der ikke kan få folk nok.",
            ),
            "partner": (
                "Vi ville mangle hænder. Vi har ansat {antal} gennem jobcentret de sidste par år.",
                "Hjælpen til rekruttering. Jeg ringer til vores virksomhedskonsulent, før jeg slår en stilling op.",
                "Kandidater, der er klar til at tage fat. Vi har ikke selv tid til at lede efter dem.",
                "En håndholdt indgang til arbejdskraft, især når vi skal bruge folk hurtigt.",
                "Vi ville miste en samarbejdspartner, der kender både os og de ledige. Det er sjældent.",
            ),
            "borger": (
                "Kontakten til virksomhederne. Jeg ved ikke selv, hvem man skal ringe til.",
            ),
        },
    ),
    Theme(
        key="forsoergelse",
        label="Ydelsen og et økonomisk sikkerhedsnet",
        short=("pengene", "Min ydelse", "at pengene kommer", "økonomien"),
        cores={
            "personale": (
                "Forsørgelsen. Uden os ville folk stå uden penge, og så er der ikke overskud til at tænke på job.",
                "Sikkerhedsnettet. Vi sørger for, at borgerne får den ydelse, de har ret til, mens de er ledige eller syge.",
            ),
            "borger": (
                "At pengene kommer til tiden. Jeg har to børn, og jeg kan ikke vente på en afgørelse i tre uger.",
                "Min sygedagpenge. Uden dem havde jeg mistet lejligheden.",
                "Ydelsen, helt ærligt. Det er det, der holder mig oven vande lige nu.",
                "økonomien. man kan ikke søge job når man ikke ved om man kan betale husleje",
                "At der er nogen, der kan forklare, hvorfor jeg har fået mindre udbetalt end sidste måned.",
            ),
            "paaroerende": (
                "At der kommer penge ind, mens {rel} er sygemeldt. Ellers havde vi måttet sælge huset.",
                "Økonomisk tryghed for familien i en svær periode.",
            ),
            "partner": (
                "Et sikkerhedsnet for dem, der falder ud af dagpengene. Vi sender dem videre, og så skal der være nogen til at tage imod.",
            ),
        },
    ),
    Theme(
        key="uddannelse",
        label="Vej til uddannelse for de unge",
        short=("uddannelse", "De unge!", "en uddannelse", "uddannelse først"),
        cores={
            "personale": (
                "De unge ville mangle en vej til uddannelse. Uddannelseshjælpen er ikke målet, en uddannelse er.",
                "Brobygningen fra folkeskole og ledighed til en erhvervsuddannelse. Mange af dem har ingen voksne omkring sig, der kan hjælpe.",
                "En voksen, der holder fast i den unge, også når de udebliver fra samtalerne.",
                "Vejen videre for de unge uden uddannelse. Hvis vi ikke fanger dem som 20-årige, ser vi dem igen som 40-årige.",
            ),
            "borger": (
                "Hjælpen til at komme i gang med en uddannelse. Jeg droppede ud af gymnasiet og vidste ikke, hvad jeg skulle.",
                "min mentor. hun hjalp mig med at søge ind på tømreruddannelsen",
            ),
            "paaroerende": (
                "Vores yngste er 19 og har ikke lavet noget i et år. Jobcentret er det eneste sted, der stadig tager fat i ham.",
                "At de unge ikke bare bliver parkeret. Vores søn fik hjælp til at komme ind på en erhvervsuddannelse.",
                "En plan for de unge. Som forælder kan man ikke trænge igennem til sidst.",
            ),
            "partner": (
                "Samarbejdet om de unge, der falder fra. Vi vejleder, men jobcentret har kontakten, når de er ude af skolen.",
                "Uddannelse som første valg for de unge. Det er vigtigt, at jobcentret holder fast i det.",
            ),
        },
    ),
    Theme(
        key="sammenhaeng",
        label="Én plan på tværs af sundhed og beskæftigelse",
        short=("sammenhæng", "én plan", "koordinering", "helhed"),
        cores={
            "personale": (
                "Koordineringen. Borgere i ressourceforløb har tit fem-seks aktører omkring sig, og vi er dem, der samler trådene.",
                "En helhedsorienteret plan, hvor behandling og job ikke trækker i hver sin retning.",
                "Rehabiliteringsteamet. Det er der, vi får sundhed, social og beskæftigelse til at sidde ved samme bord.",
            ),
            "borger": (
                "At der er én, der har overblikket. Jeg er i ressourceforløb og har både psykiater, mentor og sagsbehandler.",
                "At jeg ikke skal fortælle min historie forfra til hver ny person i systemet.",
            ),
            "paaroerende": (
                "At nogen samler det hele. Vi har brugt mange timer på at få psykiatrien og kommunen til at tale sammen.",
            ),
            "partner": (
                "Én plan for borgeren. Vores lægelige vurderinger giver først mening, når jobcentret bygger videre på dem.",
                "Sammenhængen mellem behandling og beskæftigelse. Uden den risikerer vi, at patienterne bliver sygere af forløbet.",
                "Et sted, der kan koordinere på tværs. Vi i psykiatrien kan ikke selv lave arbejdsprøvninger.",
                "Helheden. Vores patienter har brug for, at nogen tænker job ind tidligt, men i et tempo de kan holde til.",
            ),
        },
    ),
    Theme(
        key="regler",
        label="Ret og pligt: at reglerne følges",
        short=("lovgivningen", "ret og pligt", "Retssikkerhed", "korrekte afgørelser"),
        cores={
            "personale": (
                "Retssikkerheden. Vi sikrer, at afgørelserne er korrekte og følger lovgivningen, så borgerne får det, de har ret til.",
                "Nogen, der forvalter reglerne ordentligt. Det lyder kedeligt, men det er en del af kerneopgaven.",
                "Ret og pligt. Samfundet stiller krav, og vi skal både stille dem og hjælpe borgerne med at leve op til dem.",
                "Korrekt sagsbehandling. Mange klagesager handler om, at borgeren ikke har forstået en afgørelse.",
            ),
            "borger": ("Ærligt? Mest kontrol. Det er det, jeg forbinder jer med.",),
            "partner": (
                "Korrekt og hurtig sagsbehandling, så vores medlemmer ikke står uden ydelse.",
            ),
        },
    ),
    Theme(
        key="struktur",
        label="Struktur og et sted at høre til",
        short=("struktur", "En hverdag.", "fællesskab", "noget at stå op til"),
        cores={
            "personale": (
                "Struktur i hverdagen. For nogle er et forløb hos os det eneste faste punkt i ugen.",
                "Fællesskabet på holdene. Det er der, mange opdager, at de ikke er alene med det.",
            ),
            "borger": (
                "En grund til at stå op om morgenen. Praktikken gav mig en hverdag igen.",
                "Holdet. Vi var seks, der mødtes hver tirsdag, og det var det bedste ved hele forløbet.",
                "Noget at lave. Man går helt i stå derhjemme.",
                "At høre til et sted. Jeg har været alene meget, efter jeg blev syg.",
            ),
            "paaroerende": (
                "{Rel} har fået en rytme i hverdagen. {Pron} står op og kommer ud af døren, det er stort for os.",
                "At {pron} har et sted at gå hen. Det giver ro derhjemme.",
            ),
        },
    ),
)

_JOB_VAERDI = TextBank(
    question="vaerdi",
    themes=_JOB_VAERDI_THEMES,
    weights={
        "medarbejder": {
            "job": 20,
            "tro": 8,
            "menneske": 4,
            "arbejdskraft": 8,
            "forsoergelse": 6,
            "uddannelse": 12,
            "sammenhaeng": 8,
            "regler": 14,
            "struktur": 4,
        },
        "leder": {
            "job": 22,
            "tro": 8,
            "menneske": 6,
            "arbejdskraft": 14,
            "forsoergelse": 2,
            "uddannelse": 10,
            "sammenhaeng": 8,
            "regler": 10,
            "struktur": 2,
        },
        "borger": {
            "job": 10,
            "tro": 18,
            "menneske": 20,
            "arbejdskraft": 2,
            "forsoergelse": 16,
            "uddannelse": 5,
            "sammenhaeng": 6,
            "regler": 2,
            "struktur": 10,
        },
        "paaroerende": {
            "job": 8,
            "tro": 14,
            "menneske": 14,
            "forsoergelse": 12,
            "uddannelse": 14,
            "sammenhaeng": 8,
            "struktur": 10,
        },
        "samarbejdspartner": {
            "job": 10,
            "tro": 3,
            "menneske": 4,
            "arbejdskraft": 20,
            "forsoergelse": 4,
            "uddannelse": 8,
            "sammenhaeng": 16,
            "regler": 4,
        },
    },
    openers={
        "medarbejder": (
            "Som sagsbehandler ser jeg det sådan:",
            "Som jobkonsulent:",
            "Jeg sidder med sygedagpengesager, så for mig:",
            "Fra virksomhedsteamet:",
            "Det er et svært spørgsmål, for vi har mange opgaver.",
            "Helt kort:",
            "Hvis jeg skal sige det, jeg tænker, når jeg cykler hjem:",
            "Jeg har arbejdet med ledige i mange år, og jeg er ikke i tvivl:",
            "Jeg er ret ny her, men for mig:",
        ),
        "leder": (
            "Set fra ledelsen:",
            "Hvis jeg skal pege på én ting:",
            "Vi bliver målt på mange ting, men det vigtigste er:",
            "Det er præcis det spørgsmål, vi skal kunne svare på over for byrådet.",
        ),
        "borger": (
            "Jeg har prøvet lidt af hvert hos jer.",
            "Kort sagt:",
            "Altså.",
            "Hmm.",
            "Godt spørgsmål.",
            "Det er svært at svare på.",
            "Min kæreste hjalp mig med at skrive det her.",
        ),
        "paaroerende": (
            "Set fra sidelinjen:",
            "Som pårørende:",
            "{Rel} har været sygemeldt længe.",
            "Jeg kan kun tale ud fra vores familie.",
            "Ærligt talt?",
        ),
        "samarbejdspartner": (
            "Fra vores side af samarbejdet:",
            "Set udefra:",
            "Fra a-kassens side:",
            "Fra vores samarbejde med jobcentret:",
        ),
    },
    endings={
        "personale": (
            "Det er derfor, jeg arbejder her.",
            "Det glemmer vi nogle gange i alle reglerne.",
            "Det er kernen for mig.",
            "Det er ikke altid, systemet gør det let.",
            "Det skal vi blive ved med at kunne.",
        ),
        "borger": (
            "Det er det vigtigste for mig.",
            "Mere er der ikke at sige.",
            "Det håber jeg, I lytter til.",
            "Tak fordi I spørger.",
            "Det har været en hård tid.",
        ),
        "paaroerende": (
            "Det betyder meget for hele familien.",
            "Det vil jeg gerne have, at I skriver ned.",
            "Vi har været bekymrede længe.",
        ),
        "partner": (
            "Det kan vi mærke med det samme, når det halter.",
            "Det er svært at erstatte.",
            "Det er en vigtig brik for os.",
        ),
    },
)

# ---------------------------------------------------------------------------
# Ambitionen: what should we be proud of and known for in five years?
# ---------------------------------------------------------------------------

_JOB_AMBITION_THEMES: tuple[Theme, ...] = (
    Theme(
        key="resultater",
        label="Flere i job og uddannelse",
        short=("flere i job", "Resultater.", "lav ledighed", "effekt"),
        cores={
            "personale": (
                "At vi får flere i job end sammenlignelige kommuner. Vi skal kunne vise, at det, vi gør, virker.",
                "Kendt for resultater. Når en borger er hos os, skal det føre til noget, ikke bare til endnu et forløb.",
                "At langtidsledigheden er halveret, fordi vi tog fat tidligt.",
                "At vi er et af de jobcentre, hvor de unge kommer hurtigst i uddannelse.",
            ),
            "borger": (
                "At folk faktisk kommer i arbejde og ikke bare på kursus efter kursus.",
            ),
            "partner": (
                "At jeres kandidater bliver i jobbet, også efter et halvt år. Det er den rigtige målestok.",
            ),
        },
    ),
    Theme(
        key="lytter",
        label="Kendt for at lytte og holde, hvad vi lover",
        short=("at I lytter", "Lyt!", "hold hvad I lover", "tillid"),
        cores={
            "personale": (
                "At borgerne siger, at de blev hørt. Og at vi ringede tilbage, når vi havde lovet det.",
                "Tillid. At borgerne ikke er bange for at komme til samtale hos os.",
            ),
            "borger": (
                "At I lytter, før I bestemmer noget. Det er ikke tilfældet i dag.",
                "At I holder, hvad I lover. Jeg har ventet på et opkald i tre uger.",
                "at man kan stole på det sagsbehandleren siger",
                "At man ikke går derfra med ondt i maven hver gang.",
                "At man bliver hørt, når man siger, at man ikke kan mere. Jeg blev sendt i praktik, selvom min læge sagde nej.",
            ),
            "paaroerende": (
                "At de pårørende også bliver lyttet til. Vi kender {obj} bedre end nogen.",
                "At de holder fast i en aftale. {Rel} har fået tre forskellige planer på et år.",
            ),
            "partner": ("At I svarer, når vi ringer, og gør det, I har sagt.",),
        },
    ),
    Theme(
        key="virksomheder",
        label="Virksomhedernes foretrukne samarbejdspartner",
        short=(
            "erhvervsvenlig",
            "samarbejde med virksomhederne",
            "én indgang",
            "service",
        ),
        cores={
            "personale": (
                "At virksomhederne ringer til os først, når de mangler folk.",
                "At vi er kendt som det jobcenter, der kommer ud på virksomhederne og kender dem.",
            ),
            "partner": (
                "At man kan ringe og få svar samme dag. Det er det, vi som virksomhed har brug for.",
                "At jobcentret er vores første indgang, når vi skal rekruttere. Det er det ikke i dag.",
                "En fast kontaktperson, der kender vores forretning og ikke sender os nogen, der slet ikke passer.",
                "Mindre papir. Som lille virksomhed har vi ikke tid til lange skemaer for en praktik.",
            ),
        },
    ),
    Theme(
        key="fast_kontakt",
        label="Én fast sagsbehandler",
        short=("samme sagsbehandler", "én kontaktperson", "faste folk", "færre skift"),
        cores={
            "personale": (
                "At borgerne har én fast kontaktperson hele vejen. Det kræver, at vi holder på medarbejderne.",
                "Lav personaleomsætning. Hver gang en kollega stopper, starter 40-50 borgere forfra.",
            ),
            "borger": (
                "Samme sagsbehandler hele vejen. Jeg har haft {antal} forskellige på to år.",
                "At man ikke skal starte forfra, hver gang der kommer en ny.",
                "En fast kontakt, som kender min sag og som man kan få fat i.",
            ),
            "paaroerende": (
                "At {rel} har én fast person at holde sig til. Skiftene har slået {obj} tilbage hver gang.",
            ),
        },
    ),
    Theme(
        key="de_unge",
        label="Ingen unge bliver tabt",
        short=("de unge", "ingen unge tabt", "uddannelse til alle unge"),
        cores={
            "personale": (
                "At ingen unge i Solbjerg går rundt uden noget at lave i mere end et halvt år.",
                "At vi er kendt for at holde fast i de unge, også dem der ikke selv møder op.",
                "At uddannelsesniveauet er løftet, fordi vi arbejdede tæt sammen med UU og erhvervsskolerne.",
            ),
            "borger": (
                "At de unge får hjælp til at finde ud af, hvad de vil, i stedet for bare at søge job.",
            ),
            "paaroerende": (
                "At de unge ikke bliver opgivet. {Rel} var tæt på at give op.",
                "At de unge får en voksen, der bliver ved med at ringe.",
            ),
            "partner": (
                "At overgangen fra skole til uddannelse er så tæt koordineret, at ingen unge falder mellem to stole.",
            ),
        },
    ),
    Theme(
        key="bureaukrati",
        label="Mindre bureaukrati, mere tid til mennesket",
        short=("mindre papir", "Færre møder!", "mindre bureaukrati", "enkelhed"),
        cores={
            "personale": (
                "At vi har fået tid til samtalerne i stedet for dokumentationen. I dag går halvdelen af tiden med at skrive.",
                "Mindre kontrol og mere tillid. Vi bruger alt for meget tid på at tjekke, om folk har søgt nok job.",
                "At vi er kendt for enkle breve, som borgerne faktisk kan forstå.",
            ),
            "borger": (
                "Færre møder for mødernes skyld. Jeg har været til samtale, hvor vi bare skulle skrive under på noget.",
                "At breve fra jer er til at forstå. Jeg måtte have min søster til at læse det sidste.",
                "mindre papirnusseri og mere hjælp",
                "At man ikke skal sende den samme lægeerklæring tre gange.",
            ),
            "paaroerende": ("At det ikke kræver en jurist at forstå brevene.",),
            "partner": (
                "Mindre bureaukrati omkring løntilskud og praktik. Vi opgiver nogle gange, før vi kommer i gang.",
            ),
        },
    ),
    Theme(
        key="tvaerfagligt",
        label="Stærkt samarbejde med sundhed og psykiatri",
        short=("tværfagligt samarbejde", "samarbejde med lægerne", "sammenhæng"),
        cores={
            "personale": (
                "At vi har et tæt samarbejde med psykiatrien og de praktiserende læger, så ingen sendes frem og tilbage.",
                "At rehabiliteringsteamet er kendt for at lave planer, der holder.",
            ),
            "borger": (
                "At jobcentret og min psykiater taler sammen, så jeg ikke er budbringer.",
            ),
            "paaroerende": (
                "At kommunen og psykiatrien endelig arbejder sammen om {obj}.",
            ),
            "partner": (
                "At vi har en fast kontakt i jobcentret, så vi kan tale om en patient uden at skrive tre erklæringer.",
                "At beskæftigelse og behandling er tænkt sammen fra første dag i et sygeforløb.",
                "Et sygedagpengeforløb, hvor lægens vurdering bliver brugt, og ikke bare arkiveret.",
            ),
        },
    ),
)

_JOB_AMBITION = TextBank(
    question="ambition",
    themes=_JOB_AMBITION_THEMES,
    weights={
        "medarbejder": {
            "resultater": 14,
            "lytter": 8,
            "virksomheder": 8,
            "fast_kontakt": 8,
            "de_unge": 12,
            "bureaukrati": 14,
            "tvaerfagligt": 6,
        },
        "leder": {
            "resultater": 20,
            "lytter": 8,
            "virksomheder": 16,
            "fast_kontakt": 4,
            "de_unge": 10,
            "bureaukrati": 4,
            "tvaerfagligt": 8,
        },
        "borger": {
            "resultater": 4,
            "lytter": 22,
            "fast_kontakt": 18,
            "de_unge": 4,
            "bureaukrati": 14,
            "tvaerfagligt": 4,
        },
        "paaroerende": {
            "lytter": 16,
            "fast_kontakt": 12,
            "de_unge": 12,
            "bureaukrati": 6,
            "tvaerfagligt": 8,
        },
        "samarbejdspartner": {
            "resultater": 8,
            "lytter": 4,
            "virksomheder": 20,
            "de_unge": 6,
            "bureaukrati": 6,
            "tvaerfagligt": 14,
        },
    },
    openers={
        "medarbejder": (
            "Om fem år:",
            "Drømmen er:",
            "Hvis vi er lykkedes om fem år:",
            "Mit håb:",
            "Realistisk set:",
        ),
        "leder": (
            "Min ambition er klar:",
            "Om fem år skal vi kunne sige:",
            "Vi skal være kendt for én ting:",
        ),
        "borger": (
            "Mit ønske:",
            "Hvis I spørger mig:",
            "Det, jeg savner:",
            "Ikke for at være negativ, men:",
        ),
        "paaroerende": (
            "Hvad vi ønsker os:",
            "Set fra familien:",
        ),
        "samarbejdspartner": (
            "Set fra vores stol:",
            "Hvis vi må ønske:",
            "Vores ønske:",
        ),
    },
    endings={
        "personale": (
            "Det er en stor opgave, men det kan lade sig gøre.",
            "Så ville jeg være stolt.",
            "Det kræver, at vi tør prioritere.",
        ),
        "borger": (
            "Det ville gøre en stor forskel.",
            "Så ville jeg anbefale jer til andre.",
        ),
        "paaroerende": ("Det ville give ro for mange familier.",),
        "partner": (
            "Det ville gøre os til bedre samarbejdspartnere.",
            "Så ville vi bruge jer meget mere.",
        ),
    },
)

# ---------------------------------------------------------------------------
# Tilgangen: how do we solve the task with the citizen (for them or with them)?
# ---------------------------------------------------------------------------

_JOB_TILGANG_THEMES: tuple[Theme, ...] = (
    Theme(
        key="vejleder",
        label="Vejleder",
        short=("vejledning", "Vi vejleder", "rådgivning"),
        cores={
            "personale": (
                "Jeg vejleder borgeren om reglerne og om, hvilke tilbud der findes, og så finder jeg det, der passer.",
                "Vi vejleder om job og uddannelse og henviser til det forløb, vi vurderer er det rigtige.",
                "Jeg fortæller borgeren, hvad de skal, og sørger for, at de forstår deres pligter.",
            ),
            "borger": (
                "De vejleder mig om, hvad jeg skal søge, og hvad jeg skal huske i Jobnet.",
                "De fortæller mig, hvad reglerne er. Det er mest det.",
            ),
            "paaroerende": (
                "De vejleder {obj} om, hvad {pron} skal, men det er ikke altid, {pron} forstår det.",
            ),
            "partner": (
                "Jobcentret vejleder vores medlemmer om mulighederne, når dagpengeperioden er ved at slutte.",
                "De vejleder de unge om uddannelse, og vi tager over med det konkrete valg.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg vejleder, men jeg spørger først, hvad borgeren selv har tænkt. Ofte har de en bedre idé end min.",
            ),
            "borger": (
                "Min sagsbehandler spørger, hvad jeg selv tror på, og så vejleder hun ud fra det.",
            ),
            "partner": (
                "Vi vejleder sammen med jobcentret, og den unge sidder med ved bordet hele tiden.",
            ),
        },
    ),
    Theme(
        key="coacher",
        label="Coacher",
        short=("coaching", "vi coacher", "anerkendende samtaler"),
        cores={
            "personale": ("Jeg coacher borgeren mod et mål, vi har sat i jobplanen.",),
        },
        with_cores={
            "personale": (
                "Jeg coacher. Jeg stiller spørgsmål, så borgeren selv finder frem til, hvad næste skridt skal være.",
                "Vi bruger coachende samtaler, hvor borgeren sætter sine egne mål, og vi følger op på dem sammen.",
                "Jeg prøver at coache i stedet for at fortælle. Det tager længere tid, men det holder bedre.",
            ),
            "borger": (
                "Hun coacher mig. Jeg skal selv finde ud af det, men hun hjælper mig med at tænke højt.",
            ),
            "partner": (
                "De coacher kandidaten, så det er kandidaten selv, der vælger os. Det giver en helt anden motivation.",
            ),
        },
    ),
    Theme(
        key="motiverer",
        label="Motiverer",
        short=("motivation", "motiverer", "peptalk"),
        cores={
            "personale": (
                "Jeg motiverer borgeren til at komme videre, også når de selv har givet op.",
                "Vi motiverer gennem små succeser. Første skridt kan være at møde op til tiden.",
            ),
            "borger": (
                "De prøver at motivere mig, men det virker ikke, når jeg er syg.",
                "Han giver mig et spark bagi, og det har jeg faktisk brug for nogle gange.",
            ),
            "paaroerende": (
                "De motiverer {obj}, så {pron} kommer ud af sengen. Det kan jeg ikke længere.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg finder ud af, hvad der motiverer den enkelte, og så bygger vi planen op omkring det sammen.",
            ),
            "borger": (
                "Vi fandt sammen ud af, hvad jeg brænder for. Det gav mig lyst til at komme videre.",
            ),
        },
    ),
    Theme(
        key="stiller_krav",
        label="Stiller krav",
        short=("krav", "ret og pligt", "vi kontrollerer"),
        cores={
            "personale": (
                "Jeg stiller krav og følger op på, at borgeren lever op til dem. Det er en del af opgaven.",
                "Vi sikrer, at reglerne bliver overholdt, og at borgeren står til rådighed.",
                "Jeg holder øje med, at jobsøgningen bliver gjort, og sanktionerer, når jeg skal.",
            ),
            "borger": (
                "De stiller krav og kontrollerer. Man skal søge {antal} job om ugen, ellers bliver man trukket.",
                "De bestemmer, hvilket kursus jeg skal på. Jeg bliver ikke spurgt.",
                "de tjekker om jeg har søgt nok job. mere er det ikke",
                "Jeg får et brev med en mødetid, og så skal jeg bare møde op.",
            ),
            "paaroerende": (
                "De stiller krav til {obj}, som {pron} ikke kan leve op til, når {pron} har det så dårligt.",
                "Det føles mest som kontrol, hvis jeg skal være ærlig.",
            ),
            "partner": (
                "Jobcentret stiller krav om aktivering, som nogle gange kommer for tidligt i et behandlingsforløb.",
            ),
        },
        with_cores={
            "personale": (
                "Vi aftaler kravene sammen med borgeren, så de er til at leve op til, og vi følger op sammen.",
            ),
        },
    ),
    Theme(
        key="understoetter",
        label="Understøtter",
        short=("støtte", "vi støtter", "understøtter"),
        cores={
            "personale": (
                "Jeg understøtter borgeren med det, der står i vejen for job: gæld, bolig, helbred.",
                "Vi understøtter med mentor, når borgeren har brug for det.",
            ),
            "borger": (
                "De støtter mig med en mentor, der ringer og minder mig om aftalerne.",
                "De hjælper med papirerne, når det hele bliver for meget.",
            ),
            "paaroerende": (
                "De har støttet {obj} med en mentor, og det har været guld værd.",
            ),
            "partner": (
                "Jobcentret støtter med mentor og opfølgning, når kandidaten er startet hos os.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg understøtter borgerens egne skridt. Det er deres plan, jeg er med på sidelinjen.",
            ),
            "borger": (
                "De støtter mig i det, jeg selv har valgt. Det er første gang, jeg har oplevet det.",
            ),
            "partner": (
                "De understøtter borgeren i selv at tage kontakten til os. Det giver de bedste ansættelser.",
            ),
        },
    ),
    Theme(
        key="matcher",
        label="Matcher med virksomheder",
        short=("matching", "virksomhedspraktik", "jobmatch"),
        cores={
            "personale": (
                "Jeg matcher kandidaten med en virksomhed, der har brug for de kompetencer, de har.",
                "Vi finder praktikpladser og løntilskud og sørger for, at papirerne er i orden.",
            ),
            "borger": (
                "De fandt en praktik til mig i et supermarked. Jeg blev ikke spurgt, om jeg ville det.",
            ),
            "partner": (
                "Virksomhedskonsulenten matcher kandidater med vores behov og tager sig af papirarbejdet.",
                "De sender os kandidater, og vi siger ja eller nej. Det fungerer nogenlunde.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg tager borgeren med ud på virksomheden, så de selv kan se, om det er noget for dem.",
                "Vi finder virksomhederne sammen med kandidaten ud fra det, kandidaten selv er interesseret i.",
            ),
            "borger": (
                "Jeg fik lov at vælge mellem tre praktiksteder, og vi tog ud og så dem sammen.",
            ),
            "partner": (
                "Vi holder et trepartsmøde med kandidaten og konsulenten, før praktikken starter. Så er alle enige.",
            ),
        },
    ),
    Theme(
        key="inddrager",
        label="Inddrager",
        short=("inddragelse", "vi inddrager", "borgeren bestemmer"),
        cores={
            "personale": ("Vi inddrager borgeren i planen, så de kender den.",),
            "borger": (
                "De siger, at de inddrager mig, men planen er skrevet, før jeg kommer.",
            ),
        },
        with_cores={
            "personale": (
                "Vi lægger jobplanen sammen med borgeren. Det er borgerens mål, der står i den, ikke mine.",
                "Jeg inddrager borgeren fra første samtale. Vi laver planen sammen ved skærmen, så de kan se, hvad der står.",
                "Borgeren skal være med til at bestemme. Vi inddrager dem og deres netværk, hvis de ønsker det.",
            ),
            "borger": (
                "Vi lavede planen sammen, og jeg fik lov at sige, hvad jeg kunne holde til.",
                "Hun spurgte, hvad jeg selv ville, og det var det, vi skrev ind.",
            ),
            "paaroerende": (
                "De inddrog mig i mødet, da {rel} bad om det. Det gjorde en stor forskel.",
            ),
            "partner": (
                "I rundbordssamtalen var borgeren med til at bestemme, og det var tydeligt, at det hjalp.",
            ),
        },
    ),
    Theme(
        key="samarbejder",
        label="Samarbejder på tværs",
        short=("samarbejde", "tværfagligt", "vi samarbejder"),
        cores={
            "personale": (
                "Jeg samarbejder med læger, psykiatri og a-kasse om borgerens forløb.",
                "Vi samarbejder på tværs i huset, så borgeren ikke skal fortælle sin historie forfra.",
            ),
            "paaroerende": (
                "De samarbejder med psykiatrien om {obj}, men vi hører ikke altid, hvad der bliver aftalt.",
            ),
            "partner": (
                "Vi samarbejder med jobcentret om de fælles borgere, men vi hører sjældent, hvordan det gik.",
                "Samarbejdet er bedst, når vi mødes fysisk om den enkelte patient.",
                "Vi samarbejder om overgangen fra dagpenge. Det fungerer, når vi har den samme kontaktperson.",
            ),
        },
        with_cores={
            "personale": (
                "Vi samarbejder med borgeren og deres behandlere om én fælles plan, som borgeren selv har været med til at lave.",
            ),
            "partner": (
                "Vi samarbejder med både jobcentret og patienten om en plan, som patienten selv kan stå inde for.",
            ),
        },
    ),
)

_JOB_TILGANG = TextBank(
    question="tilgang",
    themes=_JOB_TILGANG_THEMES,
    weights={
        "medarbejder": {
            "vejleder": 16,
            "coacher": 8,
            "motiverer": 10,
            "stiller_krav": 12,
            "understoetter": 8,
            "matcher": 10,
            "inddrager": 8,
            "samarbejder": 8,
        },
        "leder": {
            "vejleder": 8,
            "coacher": 12,
            "motiverer": 6,
            "stiller_krav": 6,
            "understoetter": 8,
            "matcher": 10,
            "inddrager": 14,
            "samarbejder": 10,
        },
        "borger": {
            "vejleder": 12,
            "coacher": 3,
            "motiverer": 8,
            "stiller_krav": 20,
            "understoetter": 10,
            "matcher": 6,
            "inddrager": 8,
        },
        "paaroerende": {
            "vejleder": 6,
            "motiverer": 8,
            "stiller_krav": 14,
            "understoetter": 10,
            "inddrager": 8,
            "samarbejder": 8,
        },
        "samarbejdspartner": {
            "vejleder": 8,
            "coacher": 4,
            "stiller_krav": 6,
            "understoetter": 8,
            "matcher": 16,
            "inddrager": 6,
            "samarbejder": 16,
        },
    },
    with_share={
        "medarbejder": 0.4,
        "leder": 0.7,
        "borger": 0.25,
        "paaroerende": 0.2,
        "samarbejdspartner": 0.45,
    },
    openers={
        "medarbejder": (
            "I praksis:",
            "En typisk samtale:",
            "Kort fortalt:",
            "Det afhænger meget af borgeren, men som regel:",
            "Det lyder måske banalt, men:",
            "Hvad jeg gør?",
        ),
        "leder": (
            "Når det lykkes bedst:",
            "Sådan burde vi arbejde hver gang:",
            "Det bedste, jeg ser i huset:",
        ),
        "borger": (
            "Hvad de gør?",
            "Hos mig:",
            "Til samtalerne:",
            "Jeg kan kun sige, hvordan det er for mig:",
        ),
        "paaroerende": (
            "Det, jeg ser:",
            "Når jeg er med til møderne:",
            "Så vidt jeg kan se:",
        ),
        "samarbejdspartner": (
            "Fra vores samarbejde:",
            "Som jeg oplever det:",
            "Når det fungerer bedst:",
        ),
    },
    endings={
        "personale": (
            "Sådan ser jeg min opgave her i huset.",
            "Det er ikke altid, lovgivningen giver plads til det.",
            "Det kræver tid, som vi ikke altid har.",
            "Det tror jeg, de fleste i teamet vil genkende.",
        ),
        "borger": (
            "Sådan er det de fleste gange.",
            "Det kommer an på, hvem man får.",
            "Det er jeg egentlig godt tilfreds med.",
        ),
        "paaroerende": ("Sådan ser det i hvert fald ud fra vores side.",),
        "partner": (
            "Sådan oplever jeg det i hvert fald.",
            "Det er vores erfaring indtil nu.",
        ),
    },
)

# ---------------------------------------------------------------------------
# Målgruppen: with whom must we succeed, and what do we call them?
# ---------------------------------------------------------------------------

_JOB_MAALGRUPPE_THEMES: tuple[Theme, ...] = (
    Theme(
        key="borgere",
        label="Borgere",
        short=("borgerne", "Borgere.", "alle borgere"),
        cores={
            "personale": (
                "Borgerne. Det er det ord, vi bruger, og det dækker både ledige, sygemeldte og unge.",
                "Vi siger borgere. Alle, der har brug for hjælp til at komme i job eller uddannelse.",
            ),
            "borger": ("Borgere, tror jeg. Det er det, der står i brevene.",),
            "paaroerende": ("Borgerne og deres familier.",),
            "partner": (
                "Borgere på offentlig forsørgelse, og dem, der er på vej derud.",
            ),
        },
    ),
    Theme(
        key="ledige",
        label="Ledige og jobsøgende",
        short=("ledige", "de ledige", "jobsøgende", "arbejdsløse"),
        cores={
            "personale": (
                "De ledige. Jeg siger jobsøgende, når jeg taler med dem, for det lyder mindre som en diagnose.",
                "Jobsøgende. Det er mere præcist end ledige, for de fleste søger jo aktivt.",
                "Ledige dagpengemodtagere og kontanthjælpsmodtagere. Det er de to store grupper.",
            ),
            "borger": (
                "Arbejdsløse. Det er det, vi er, uanset hvad I kalder det.",
                "Os ledige. Jeg kan godt lide jobsøgende bedre, det lyder som om man laver noget.",
                "jobsøgende, det er vi jo",
            ),
            "paaroerende": ("De ledige, og især dem der har været ledige længe.",),
            "partner": (
                "De ledige medlemmer, som vi deler med jobcentret.",
                "Jobsøgende. Det er dem, vi som virksomhed møder.",
            ),
        },
    ),
    Theme(
        key="kandidater",
        label="Kandidater",
        short=("kandidater", "Kandidaterne", "kandidaten"),
        cores={
            "personale": (
                "Over for virksomhederne siger vi kandidater. Det flytter fokus fra ydelsen til det, de kan.",
                "Kandidater. Det er virksomhedsteamets ord, og jeg synes, det er det bedste.",
            ),
            "partner": (
                "Kandidater. Det er dem, vi skal ansætte, og sådan vil vi gerne have dem præsenteret.",
                "Vi kalder dem kandidater eller bare nye kolleger.",
            ),
            "borger": (
                "Jeg blev kaldt kandidat, da de præsenterede mig for virksomheden. Det var faktisk rart.",
            ),
        },
    ),
    Theme(
        key="de_unge",
        label="De unge",
        short=("de unge", "Unge.", "de unge uden uddannelse"),
        cores={
            "personale": (
                "De unge. Særligt dem under 30 uden uddannelse, som vi skal have videre.",
                "Unge på uddannelseshjælp. Vi siger bare de unge i teamet.",
            ),
            "borger": ("Os unge. Vi har brug for noget andet end dem på 50.",),
            "paaroerende": (
                "De unge, og så os forældre, som står ved siden af.",
                "De unge, der er gået i stå. Som vores datter.",
            ),
            "partner": (
                "De unge, der ikke er i gang med noget. Vi kalder dem ofte uddannelsesparate eller ikke-uddannelsesparate.",
            ),
        },
    ),
    Theme(
        key="sygemeldte",
        label="Sygemeldte og borgere i ressourceforløb",
        short=("sygemeldte", "borgere i ressourceforløb", "de syge"),
        cores={
            "personale": (
                "Sygemeldte og borgere i ressourceforløb. De har brug for noget andet end de ledige.",
                "De sygemeldte. Vi skal lykkes med at holde fast i deres tilknytning til arbejdspladsen.",
            ),
            "borger": (
                "Os, der er syge, men gerne vil tilbage. Vi bliver behandlet som om vi var ledige.",
                "Sygemeldte. Og vi er ikke dovne, vi er syge.",
            ),
            "paaroerende": (
                "De sygemeldte, og de pårørende, der står med det derhjemme.",
            ),
            "partner": (
                "Patienterne, som vi siger. Jobcentret siger sygemeldte. Det er de samme mennesker.",
                "Borgere med psykisk sårbarhed, som har brug for et langsommere tempo.",
            ),
        },
    ),
    Theme(
        key="virksomheder",
        label="Virksomhederne",
        short=("virksomhederne", "arbejdsgiverne", "virksomheder også"),
        cores={
            "personale": (
                "Virksomhederne. Vi lykkes kun, hvis de åbner dørene, så de er lige så meget vores målgruppe.",
                "Både borgerne og virksomhederne. Vi har to slags kunder, hvis man kan sige det sådan.",
            ),
            "partner": (
                "Os virksomheder. Vi bliver tit glemt, når I taler om målgruppen.",
                "Arbejdsgiverne. Uden os er der ingen job at formidle.",
            ),
        },
    ),
    Theme(
        key="mennesket",
        label="Mennesket, ikke en kategori",
        short=("mennesker", "Mig.", "ikke en sag", "mit navn"),
        cores={
            "personale": (
                "Mennesker. Vi putter dem i kategorier efter ydelse, men det er jo ikke dem.",
                "Internt siger vi desværre sager. Det burde vi holde op med.",
            ),
            "borger": (
                "Mig. Ikke målgruppe 2.4 eller aktivitetsparat. Jeg har et navn.",
                "Mennesker. Kald os bare det.",
                "Jeg har hørt mig selv blive kaldt en sag. Det er ikke rart.",
                "hvad med bare at bruge folks navne",
            ),
            "paaroerende": (
                "Mennesker med hver deres historie. {Rel} er ikke en kategori.",
            ),
            "partner": ("Mennesket bag ydelsen.",),
        },
    ),
)

_JOB_MAALGRUPPE = TextBank(
    question="maalgruppe",
    themes=_JOB_MAALGRUPPE_THEMES,
    weights={
        "medarbejder": {
            "borgere": 16,
            "ledige": 14,
            "kandidater": 8,
            "de_unge": 10,
            "sygemeldte": 10,
            "virksomheder": 8,
            "mennesket": 4,
        },
        "leder": {
            "borgere": 16,
            "ledige": 6,
            "kandidater": 10,
            "de_unge": 8,
            "sygemeldte": 6,
            "virksomheder": 14,
            "mennesket": 4,
        },
        "borger": {
            "borgere": 6,
            "ledige": 16,
            "kandidater": 3,
            "de_unge": 8,
            "sygemeldte": 10,
            "mennesket": 18,
        },
        "paaroerende": {
            "borgere": 6,
            "ledige": 8,
            "de_unge": 14,
            "sygemeldte": 10,
            "mennesket": 10,
        },
        "samarbejdspartner": {
            "borgere": 8,
            "ledige": 10,
            "kandidater": 12,
            "de_unge": 8,
            "sygemeldte": 10,
            "virksomheder": 16,
            "mennesket": 2,
        },
    },
    openers={
        "medarbejder": (
            "Det er sjovt, for vi bruger vidt forskellige ord i huset.",
            "Det kommer an på, hvem man taler med.",
            "I vores team:",
            "Helt ærligt bruger vi mange ord.",
        ),
        "leder": (
            "Ordene former os, så det er vigtigt.",
            "I vores strategi står der én ting, i hverdagen en anden.",
        ),
        "borger": (
            "Hvad I kalder os?",
            "Det ved jeg ikke helt.",
            "Man bliver kaldt alt muligt.",
        ),
        "paaroerende": ("Set udefra:", "Vi oplever det sådan:"),
        "samarbejdspartner": ("I vores verden:", "Vi bruger selv andre ord."),
    },
    endings={
        "personale": (
            "Ordvalget afslører nok, hvordan vi tænker om dem.",
            "Vi har aldrig rigtig aftalt det i huset.",
        ),
        "borger": ("Bare I husker, at vi er mennesker.",),
        "paaroerende": ("Og glem ikke familierne.",),
        "partner": ("Vi skal have et fælles sprog med jobcentret.",),
    },
)

JOBCENTER: UnitBank = UnitBank(
    key="jobcenter",
    name="Jobcenter Solbjerg",
    groups=JOB_GROUPS,
    texts={
        "vaerdi": _JOB_VAERDI,
        "ambition": _JOB_AMBITION,
        "tilgang": _JOB_TILGANG,
        "maalgruppe": _JOB_MAALGRUPPE,
    },
    connectors=CONNECTORS,
    non_answers=NON_ANSWERS + ("aner det ikke", "Det må I selv finde ud af"),
    relations=(
        ("min søn", "han", "ham", "hans"),
        ("min datter", "hun", "hende", "hendes"),
        ("min mand", "han", "ham", "hans"),
        ("min kone", "hun", "hende", "hendes"),
        ("min kæreste", "hun", "hende", "hendes"),
        ("min bror", "han", "ham", "hans"),
    ),
    slots={
        "antal": ("fire", "fem", "seks", "otte", "ti"),
        "fornavn": ("Mette", "Jonas", "Hanne", "Ali", "Louise", "Kasper"),
        "aar": ("to", "tre", "fire"),
        "alder": ("52", "58", "61", "47"),
    },
    seniority={"medarbejder": (30, 45, 20, 5), "leder": (0, 60, 40, 0)},
)

# ---------------------------------------------------------------------------
# Qualification: suggestions on the draft, by dimension and by who would write them
# ---------------------------------------------------------------------------

JOB_SUGGESTIONS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "vaerdi": (
        ("medarbejder", "Skriv også noget om uddannelse – de unge fylder meget hos os"),
        ("medarbejder", "'Et sted at høre til' er lidt blødt. Det handler vel om job?"),
        ("medarbejder", "Godt at det ikke kun handler om at komme hurtigt i job"),
        ("medarbejder", "mangler forsørgelsen – det er også en del af det vi gør"),
        ("leder", "Værdien for virksomhederne står ikke nogen steder"),
        (
            "leder",
            "Kan vi måle 'troen på egne muligheder'? Ellers bliver det svært at følge op",
        ),
        ("borger", "Troen på egne muligheder – ja, det er præcis det"),
        ("borger", "Det lyder flot, men det er ikke det, jeg oplever til samtalerne"),
        (
            "borger",
            "Skriv at pengene skal komme til tiden. Det er det første man tænker på",
        ),
        ("borger", "fint nok"),
        (
            "samarbejdspartner",
            "Husk arbejdsgiverne – vi er også med til at skabe værdien",
        ),
    ),
    "ambition": (
        ("medarbejder", "At lytte først kræver tid. Hvor skal den komme fra?"),
        (
            "medarbejder",
            "Vi lover tit mere, end lovgivningen giver os lov til at holde",
        ),
        (
            "medarbejder",
            "Jeg savner et mål om, at borgerne har den samme sagsbehandler",
        ),
        ("leder", "Ambitionen skal kunne ses i tallene, ikke kun i ordene"),
        ("leder", "Flere i job skal stå der – det er det, vi bliver holdt op på"),
        ("borger", "Hold hvad I lover. Det er alt, jeg beder om"),
        ("borger", "Det med at lytte tror jeg først på, når jeg ser det"),
        ("borger", "Ingen flere skift af sagsbehandler, tak"),
        ("samarbejdspartner", "Skriv at I svarer hurtigt, når vi ringer"),
    ),
    "tilgang": (
        (
            "medarbejder",
            "'Lægger planen sammen med borgeren' – vi har ikke altid tid til det",
        ),
        (
            "medarbejder",
            "Der står ikke noget om krav. Det er jo også en del af opgaven",
        ),
        (
            "medarbejder",
            "Coacher er et godt ord, men det er ikke det, vi gør i sygedagpengesager",
        ),
        ("medarbejder", "Godt at 'med' står der og ikke 'for'"),
        ("leder", "Hvad med borgere, der ikke selv kan lægge en plan?"),
        ("borger", "Min plan var skrevet, før jeg kom ind ad døren"),
        ("borger", "Spørg hvad vi selv kan holde til, før I sender os i praktik"),
        ("borger", "Vejleder og coacher? Jeg oplever mest kontrol"),
        ("borger", "Ja, sådan var det med min sidste sagsbehandler"),
        ("samarbejdspartner", "Tag lægens vurdering med, når I lægger planen"),
    ),
    "maalgruppe": (
        ("medarbejder", "De sygemeldte mangler – de er ikke 'uden job'"),
        ("medarbejder", "Skal det være borgere eller kandidater? Vi skal blive enige"),
        ("medarbejder", "Godt at virksomhederne er med"),
        ("leder", "Virksomhederne skal stå som målgruppe på lige fod med borgerne"),
        ("borger", "Hvad med os, der er syge og ikke kan arbejde lige nu?"),
        ("borger", "Kald os ikke målgruppe. Vi er mennesker"),
        ("borger", "jobsøgende er bedre end ledige"),
        (
            "samarbejdspartner",
            "A-kasserne er også en del af det. Vi deler jo de ledige",
        ),
    ),
}
