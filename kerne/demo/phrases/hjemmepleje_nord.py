"""Phrase bank of Hjemmeplejen Nord (Solbjerg Kommune): home care, its citizens and relatives."""

from __future__ import annotations

from kerne.demo.phrases.common import (
    CONNECTORS,
    NON_ANSWERS,
    GroupSpec,
    TextBank,
    Theme,
    UnitBank,
)

HOME_GROUPS: tuple[GroupSpec, ...] = (
    GroupSpec(
        key="medarbejder",
        label="Medarbejdere",
        count=60,
        voice="personale",
        staff=True,
        verbosity=(0.10, 0.60, 0.30),
        sloppy=0.12,
        non_answer=0.03,
        skip={
            "vaerdi": 0.02,
            "ambition": 0.05,
            "tilgang": 0.04,
            "maalgruppe": 0.07,
            "lykkes": 0.03,
            "anciennitet": 0.04,
        },
        scale=(3, 14, 36, 36, 11),
    ),
    GroupSpec(
        key="leder",
        label="Ledere",
        count=8,
        voice="personale",
        staff=True,
        verbosity=(0.04, 0.50, 0.46),
        sloppy=0.05,
        non_answer=0.0,
        skip={
            "vaerdi": 0.0,
            "ambition": 0.0,
            "tilgang": 0.03,
            "maalgruppe": 0.03,
            "lykkes": 0.0,
            "anciennitet": 0.1,
        },
        scale=(1, 10, 34, 45, 10),
    ),
    GroupSpec(
        key="borger",
        label="Borgere",
        count=45,
        voice="borger",
        staff=False,
        verbosity=(0.16, 0.60, 0.24),
        sloppy=0.22,
        non_answer=0.06,
        skip={
            "vaerdi": 0.04,
            "ambition": 0.15,
            "tilgang": 0.12,
            "maalgruppe": 0.2,
            "lykkes": 0.06,
            "anciennitet": 0.7,
        },
        scale=(3, 7, 22, 42, 26),
    ),
    GroupSpec(
        key="paaroerende",
        label="Pårørende",
        count=25,
        voice="paaroerende",
        staff=False,
        verbosity=(0.08, 0.52, 0.40),
        sloppy=0.12,
        non_answer=0.04,
        skip={
            "vaerdi": 0.03,
            "ambition": 0.08,
            "tilgang": 0.1,
            "maalgruppe": 0.12,
            "lykkes": 0.04,
            "anciennitet": 0.7,
        },
        scale=(11, 24, 33, 25, 7),
    ),
    GroupSpec(
        key="samarbejdspartner",
        label="Samarbejdspartnere",
        count=12,
        voice="partner",
        staff=False,
        verbosity=(0.08, 0.62, 0.30),
        sloppy=0.08,
        non_answer=0.02,
        skip={
            "vaerdi": 0.02,
            "ambition": 0.05,
            "tilgang": 0.08,
            "maalgruppe": 0.05,
            "lykkes": 0.05,
            "anciennitet": 0.7,
        },
        scale=(4, 16, 38, 34, 8),
    ),
)

_HOME_VAERDI_THEMES: tuple[Theme, ...] = (
    Theme(
        key="tryghed",
        label="Tryghed i eget hjem",
        short=(
            "tryghed",
            "Tryghed.",
            "trygheden!",
            "Tryghed i hverdagen",
            "at der kommer nogen",
            "TRYGHED",
        ),
        cores={
            "personale": (
                "Borgerne ville miste trygheden ved at vide, at der kommer nogen, hvis noget går galt.",
                "Tryghed. At der er nogen, der kigger ind hver dag og opdager det, hvis noget er ved at ske.",
                "De ville mangle den tryghed, det giver at kunne blive i eget hjem, selvom kroppen svigter.",
                "Mange af vores borgere bor alene, og for dem er vi sikkerhedsnettet. Uden os ville de være utrygge om natten.",
                "Følelsen af, at der er styr på tingene. Det er tit det, de siger, når vi går: godt, at I kommer.",
                "At nødkaldet bliver besvaret. Den tryghed tror jeg, de ville savne mere end noget andet.",
                "Trygheden i at kunne bo hjemme med sine egne ting omkring sig og alligevel ikke være overladt til sig selv.",
            ),
            "borger": (
                "Jeg ville være bange for at falde og ligge der, uden at nogen opdagede det.",
                "Trygheden. Jeg ved, at der kommer nogen hver morgen, og så kan jeg sove om natten.",
                "At der er nogen, der ser til mig. Jeg bor alene, og mine børn bor langt væk.",
                "Jeg ville ikke tør blive boende her uden dem. Så enkelt er det.",
                "Når jeg trykker på nødkaldet, kommer der nogen. Det er en stor tryghed.",
                "At jeg ikke er helt alene med det. Jeg er {alder} og ikke så godt gående mere.",
            ),
            "paaroerende": (
                "{Rel} ville ikke kunne bo hjemme, og jeg ville ligge søvnløs af bekymring.",
                "Trygheden ved, at nogen kommer forbi {obj} hver dag. Vi bor selv over hundrede kilometer væk.",
                "At der er professionelle øjne på {obj}, når vi ikke selv kan være der.",
                "Vi ville være nødt til at flytte {obj} på plejehjem, og det vil {pron} for alt i verden ikke.",
                "Roen i maven. Jeg ved, at hvis {rel} falder, bliver {pron} fundet.",
            ),
            "partner": (
                "Borgerne ville miste et sikkerhedsnet, og vi ville se flere akutte indlæggelser.",
                "Trygheden i hjemmet. Uden hjemmeplejen ville mange ikke kunne udskrives fra sygehuset så hurtigt.",
                "Det daglige tilsyn giver en tryghed, som vi andre ikke kan give.",
            ),
        },
    ),
    Theme(
        key="selvhjulpenhed",
        label="At klare sig selv længst muligt",
        short=(
            "selvstændighed",
            "At klare sig selv",
            "Selvhjulpenhed.",
            "klare sig selv længst muligt",
            "hverdagsrehabilitering",
        ),
        cores={
            "personale": (
                "Muligheden for at klare sig selv så længe som muligt. Vi træner de små ting i hverdagen, så de ikke mister dem.",
                "De ville miste funktionsevne hurtigere. Vi holder dem i gang med at gøre det, de selv kan.",
                "Selvstændighed. Vores opgave er at gøre dem så selvhjulpne som muligt, ikke at gøre alt for dem.",
                "At de kan blive i eget hjem og bestemme over deres eget liv, fordi vi støtter dem i at klare mest muligt selv.",
                "Hverdagsrehabilitering. Mange kan mere, end de tror, hvis vi giver dem tid til selv at gøre det.",
                "Hjælp til selvhjælp. Det er nemmere at gøre tingene for dem, men det er ikke det, der hjælper dem på sigt.",
            ),
            "borger": (
                "Jeg vil gerne klare mig selv, så længe jeg kan, og de hjælper mig med at holde fast i det.",
                "Jeg ville nok sidde mere stille. De får mig op af stolen og ud i køkkenet.",
                "Jeg kan selv tage tøj på nu, fordi vi har øvet det. Det er jeg stolt af.",
                "At jeg stadig kan bo i mit eget hus og gøre tingene på min måde.",
            ),
            "paaroerende": (
                "{Rel} er blevet bedre til at klare sig selv efter træningen, og det betyder meget for {poss} humør.",
                "At {pron} får lov at gøre så meget som muligt selv. Det holder {obj} i gang.",
                "De ville miste hjælpen til at holde sig i gang. Uden den ville {rel} hurtigt blive dårligere.",
            ),
            "partner": (
                "Rehabiliteringen i hverdagen. Borgerne ville miste funktion hurtigere uden den daglige træning.",
                "At borgerne bevarer deres funktionsevne. Det arbejder vi sammen om, og hjemmeplejen er der hver dag.",
                "Hjemmeplejen holder liv i den træning, vi sætter i gang. Uden dem går det hurtigt tilbage.",
            ),
        },
    ),
    Theme(
        key="kontinuitet",
        label="Faste ansigter og kontinuitet",
        short=(
            "faste hjælpere!",
            "Samme hjælper",
            "kendte ansigter",
            "Faste ansigter.",
            "kontinuitet",
            "de samme hver gang",
        ),
        cores={
            "personale": (
                "Faste ansigter. Når det er de samme, der kommer, kender vi borgeren og ser hurtigere, hvis noget ændrer sig.",
                "Kontinuitet. Det er svært at få til at hænge sammen med vagtplanen, men det betyder meget for borgerne.",
                "De ville mangle relationen til os. Mange af dem har kendt de samme hjælpere i årevis.",
            ),
            "borger": (
                "Det vigtigste for mig er, at det er den samme hjælper. Jeg har haft {antal} forskellige på to uger.",
                "Faste hjælpere! Man gider ikke forklare, hvor kaffen står, hver eneste morgen.",
                "At det er nogen, jeg kender. Jeg vil ikke have fremmede til at vaske mig.",
                "Når det er min faste hjælper, går alting lettere. Hun ved, hvordan jeg vil have det.",
                "Jeg ville savne dem, jeg kender. Men ærlig talt kommer der mange nye, og det er det værste.",
                "Kendte ansigter. Jeg vil gerne vide, hvem der kommer ind ad døren.",
                "Min faste hjælper, {fornavn}. Hun er guld værd, men hun har ikke altid vagt.",
            ),
            "paaroerende": (
                "{Rel} bliver forvirret, når der kommer nye hele tiden. Faste hjælpere er det vigtigste for os.",
                "Kontinuitet. Vi har talt {antal} forskellige navne på en måned, og det gør {obj} utryg.",
                "At det er de samme, der kommer. Så opdager de også, hvis {pron} er ved at blive dårlig.",
                "De faste hjælpere, som kender {obj}. Vikarerne gør deres bedste, men de kender ikke vanerne.",
            ),
            "partner": (
                "Kontinuiteten. Når det er faste folk, får vi også bedre observationer videre.",
            ),
        },
    ),
    Theme(
        key="naervaer",
        label="Tid til samtale og nærvær",
        short=(
            "tid",
            "Tid til en snak",
            "Nærvær.",
            "selskab",
            "En at snakke med",
            "tid!!",
        ),
        cores={
            "personale": (
                "Nærværet. For nogle er vi de eneste, de taler med hele dagen.",
                "Den lille snak ved køkkenbordet. Den står ikke i ydelseskataloget, men den betyder meget.",
                "Tid til at lytte. Vi har travlt, men de fem minutter ekstra gør en forskel.",
                "Vi holder ensomheden lidt på afstand. Mange ville sidde helt alene uden os.",
            ),
            "borger": (
                "At der er nogen at snakke med. Jeg ser ikke så mange mennesker mere.",
                "Tid. De har altid så travlt, men når de sætter sig et øjeblik, er det dagens bedste stund.",
                "Jeg ville savne selskabet. Vi får en kop kaffe og en snak, når der er tid.",
                "At nogen spørger, hvordan jeg egentlig har det, og venter på svaret.",
                "Et smil og lidt tid. Det behøver ikke være så meget, bare de ikke kigger på uret hele tiden.",
                "Snakken. Min mand døde for {aar} år siden, og dagene er lange.",
            ),
            "paaroerende": (
                "Menneskelig kontakt. {Rel} er meget alene, og besøgene er tit dagens højdepunkt.",
                "At der er tid til en snak. {Rel} savner nogen at tale med, og det kan vi ikke dække alene.",
                "Nærværet. Når hjælperne har tid, blomstrer {pron} op.",
            ),
            "partner": (
                "Kontakten. For mange ensomme ældre er hjemmeplejen den vigtigste sociale kontakt.",
            ),
        },
    ),
    Theme(
        key="praktisk",
        label="Hjælp til praktiske opgaver",
        short=(
            "rengøring",
            "Hjælp til bad",
            "indkøb og vask",
            "Praktisk hjælp.",
            "badet",
        ),
        cores={
            "personale": (
                "Den praktiske hjælp: rengøring, tøjvask og indkøb. Det lyder småt, men det får hverdagen til at hænge sammen.",
                "Hjælp til bad, påklædning og måltider. Uden det kan de ikke blive boende.",
            ),
            "borger": (
                "Hjælpen til badet. Det kan jeg ikke selv længere.",
                "Rengøringen og tøjvasken. Jeg kan ikke stå på en stige eller bære tunge ting.",
                "Nogen til at hjælpe med strømperne om morgenen. Ellers kommer jeg ikke ud af døren.",
                "At få gjort rent og få handlet ind. Det er de praktiske ting, der er svære nu.",
                "Hjælp til at komme i seng om aftenen. Det er svært med min ryg.",
            ),
            "paaroerende": (
                "Den praktiske hjælp. Vi kan ikke selv nå rengøring og bad, når vi også skal passe job.",
                "At {rel} får mad, bad og rent tøj. Det er det basale, og det skal bare køre.",
            ),
            "partner": (
                "Den daglige praktiske hjælp, som gør, at folk kan blive boende i eget hjem.",
            ),
        },
    ),
    Theme(
        key="medicin",
        label="Sikkerhed ved medicin",
        short=(
            "medicinen",
            "Pillerne!",
            "Medicin til tiden",
            "medicinsikkerhed",
            "korrekt medicin",
        ),
        cores={
            "personale": (
                "Korrekt medicin til tiden. Fejl her kan have store konsekvenser.",
                "Sikker medicinhåndtering. Mange har mange forskellige præparater, og de ville ikke kunne holde styr på det selv.",
                "At medicinen bliver givet rigtigt og dokumenteret. Det er en af de vigtigste sikkerhedsopgaver, vi har.",
                "Medicindispensering og opfølgning på virkning og bivirkninger.",
                "Sikkerheden omkring medicinen. En forkert dosis kan ende med en indlæggelse.",
            ),
            "borger": (
                "At jeg får mine piller til rette tid. Jeg kan ikke selv holde styr på dem.",
                "Pillerne. Der er så mange af dem nu, og jeg er bange for at tage forkert.",
            ),
            "paaroerende": (
                "Medicinen. {Rel} glemmer at tage den, og det gik helt galt, før hjemmeplejen tog over.",
                "Sikkerheden omkring medicinen. Vi var meget nervøse for, at {pron} tog for meget eller for lidt.",
            ),
            "partner": (
                "Sikker medicinhåndtering. Det er et område, hvor vi er helt afhængige af hjemmeplejen.",
                "Medicin givet korrekt og observationer af virkningen. Det er afgørende for behandlingen.",
            ),
        },
    ),
    Theme(
        key="aflastning",
        label="Aflastning af pårørende",
        short=("aflastning", "Aflastning til familien", "pusterum", "aflastning af os"),
        cores={
            "personale": (
                "De pårørende ville brænde ud. Vi tager en stor del af læsset fra dem.",
                "Aflastningen af familien. Mange ægtefæller er selv gamle og kan ikke klare plejen alene.",
            ),
            "borger": (
                "Min datter ville få det hele på nakken, og det skal hun ikke.",
                "Jeg vil ikke være en byrde for mine børn. Så hellere hjemmeplejen.",
            ),
            "paaroerende": (
                "Jeg ville ikke kunne passe mit arbejde. Jeg er i forvejen hos {obj} tre gange om ugen.",
                "Aflastningen. Jeg er ikke selv ung længere og kan ikke klare plejen af {rel} alene.",
                "Vi pårørende ville knække. Det er hårdt nok i forvejen at se {rel} blive dårligere.",
                "Et pusterum. At jeg kan være pårørende og ikke kun plejer.",
                "Aflastning. Uden hjemmeplejen ville hele familien skulle tage fri på skift.",
            ),
            "partner": (
                "Mange pårørende er tæt på grænsen. Hjemmeplejen er en vigtig aflastning for dem.",
            ),
        },
    ),
    Theme(
        key="faglighed",
        label="Faglighed og dokumentation",
        short=(
            "faglighed",
            "Faglighed og dokumentation",
            "Kvalitet.",
            "fagligheden",
            "dokumentation",
        ),
        cores={
            "personale": (
                "Fagligheden. Vi er uddannede og ser ting, som familien ikke ser.",
                "Professionel pleje og korrekt dokumentation, så alle ved, hvad der er sket, og hvad der skal ske.",
                "Faglige vurderinger i hjemmet. Vi er tit dem, der opdager en begyndende blærebetændelse eller et tryksår.",
                "Sikkerhed og kvalitet i plejen. Det kræver faglighed, og at vi dokumenterer ordentligt.",
                "Hygiejne, sårpleje og forebyggelse af tryksår – det kræver faglighed, og det har de brug for.",
                "Den faglige sikkerhed. At plejen følger retningslinjerne og bliver dokumenteret, så den næste kan tage over.",
            ),
            "paaroerende": (
                "Fagligheden. De ved, hvad de skal holde øje med, og det gør vi ikke.",
            ),
            "partner": (
                "Faglige observationer og god dokumentation. Det er det, vi bygger vores beslutninger på.",
                "Kvalificeret pleje. Vi er afhængige af, at hjemmeplejen dokumenterer grundigt.",
            ),
        },
    ),
    Theme(
        key="hoert",
        label="At blive hørt og bestemme selv",
        short=("at blive hørt", "Respekt.", "at bestemme selv", "at de lytter"),
        cores={
            "personale": (
                "At blive mødt som et menneske med sin egen vilje. Det er deres hjem, ikke vores arbejdsplads.",
                "At de får lov at bestemme selv. Vi skal huske at spørge i stedet for bare at gøre.",
            ),
            "borger": (
                "At nogen lytter til, hvordan jeg gerne vil have det. Det er trods alt mit hjem.",
                "At blive hørt. Jeg har sagt det samme om min morgenrutine mange gange.",
                "Jeg vil gerne selv bestemme, hvornår jeg står op. Det er ikke altid, der bliver lyttet.",
                "At de spørger mig i stedet for at tale hen over hovedet på mig.",
                "Respekt. At man ikke bare er et nummer på en køreliste.",
            ),
            "paaroerende": (
                "At {rel} bliver hørt. {Pron} har sine vaner, og de skal respekteres.",
            ),
            "partner": ("At borgernes egne ønsker bliver taget alvorligt.",),
        },
    ),
    Theme(
        key="opsporing",
        label="Tidlig opsporing og sammenhæng",
        short=("tidlig opsporing", "Opsporing.", "sammenhæng", "observationer"),
        cores={
            "personale": (
                "Tidlig opsporing. Vi ser det først, når en borger begynder at spise mindre eller bliver mere forvirret.",
                "Sammenhængen til lægen, sygeplejen og terapeuterne. Vi er bindeleddet.",
                "Vi opdager fald, vægttab og infektioner i tide, så det ikke ender med en indlæggelse.",
            ),
            "paaroerende": (
                "At de opdager det, hvis {pron} bliver dårlig, og siger det videre til lægen.",
            ),
            "partner": (
                "Tidlig opsporing. Hjemmeplejen er vores øjne og ører i hjemmet.",
                "Observationer, der kommer videre i tide. Det forebygger mange indlæggelser.",
                "Sammenhæng i forløbet mellem sygehus, egen læge og hjemmet.",
                "Når hjemmeplejen reagerer på små ændringer, kan vi sætte ind, før det bliver alvorligt.",
            ),
        },
    ),
)

_HOME_VAERDI = TextBank(
    question="vaerdi",
    themes=_HOME_VAERDI_THEMES,
    weights={
        "medarbejder": {
            "tryghed": 14,
            "selvhjulpenhed": 14,
            "kontinuitet": 4,
            "naervaer": 6,
            "praktisk": 4,
            "medicin": 14,
            "aflastning": 3,
            "faglighed": 17,
            "hoert": 3,
            "opsporing": 9,
        },
        "leder": {
            "tryghed": 12,
            "selvhjulpenhed": 17,
            "kontinuitet": 4,
            "naervaer": 4,
            "praktisk": 2,
            "medicin": 8,
            "aflastning": 6,
            "faglighed": 16,
            "hoert": 4,
            "opsporing": 9,
        },
        "borger": {
            "tryghed": 16,
            "selvhjulpenhed": 6,
            "kontinuitet": 20,
            "naervaer": 16,
            "praktisk": 12,
            "medicin": 3,
            "aflastning": 2,
            "hoert": 14,
        },
        "paaroerende": {
            "tryghed": 16,
            "selvhjulpenhed": 6,
            "kontinuitet": 14,
            "naervaer": 8,
            "praktisk": 8,
            "medicin": 10,
            "aflastning": 18,
            "faglighed": 2,
            "hoert": 6,
            "opsporing": 3,
        },
        "samarbejdspartner": {
            "tryghed": 8,
            "selvhjulpenhed": 10,
            "kontinuitet": 3,
            "naervaer": 2,
            "praktisk": 2,
            "medicin": 14,
            "aflastning": 4,
            "faglighed": 12,
            "hoert": 2,
            "opsporing": 16,
        },
    },
    openers={
        "medarbejder": (
            "Godt spørgsmål.",
            "Hvis jeg skal være helt ærlig:",
            "For mig er svaret ret klart.",
            "Det har jeg tænkt meget over.",
            "Der er mange ting, men især én:",
            "Set fra min stol:",
            "Det vigtigste først:",
            "Helt kort:",
            "Jeg tænker tit på det, når jeg kører rundt på ruten.",
            "Efter mange år i faget er jeg ikke i tvivl.",
            "Jeg har kun været her et halvt år, men:",
        ),
        "leder": (
            "Som leder ser jeg det sådan:",
            "Når jeg taler med borgerne, hører jeg det samme igen og igen.",
            "Set fra ledelsen:",
            "Det er det, vi skal kunne svare skarpt på.",
            "Jeg vil pege på én ting:",
        ),
        "borger": (
            "Det kan jeg svare på med det samme.",
            "Jeg har fået hjælp i {aar} år nu.",
            "Jeg er {alder} og bor alene.",
            "Tja.",
            "Jamen altså:",
            "Det skal jeg sige dig:",
            "For mit eget vedkommende:",
            "Min nabo hjalp mig med at skrive det her.",
        ),
        "paaroerende": (
            "Som pårørende:",
            "{Rel} har haft hjemmehjælp i {aar} år.",
            "Jeg kan kun tale for vores familie.",
            "Set fra os pårørende:",
            "Ærligt talt?",
            "Det er et godt spørgsmål at stille.",
        ),
        "samarbejdspartner": (
            "Som {fag} i kommunen:",
            "Fra vores side af samarbejdet:",
            "Set udefra:",
            "I mit samarbejde med hjemmeplejen oplever jeg det sådan:",
        ),
    },
    endings={
        "personale": (
            "Det er derfor, vi er her.",
            "Det kan ingen andre give dem.",
            "Det glemmer vi nogle gange selv.",
            "Det er kernen for mig.",
            "Det skal vi huske i en travl hverdag.",
            "Uden det falder meget fra hinanden.",
            "Det er i hvert fald det, jeg går på arbejde for.",
        ),
        "borger": (
            "Det betyder alt for mig.",
            "Det er det vigtigste.",
            "Ellers ved jeg ikke, hvad jeg skulle gøre.",
            "Det kan man ikke sætte en pris på.",
            "Så kan jeg blive boende her.",
            "Og det er ikke så lidt.",
            "Tak for at spørge.",
        ),
        "paaroerende": (
            "Det giver ro i maven for hele familien.",
            "Uden det havde vi ikke klaret det.",
            "Det er det, vi bekymrer os mest om.",
            "Det skal bare fungere.",
            "Det håber jeg, I tager med jer.",
        ),
        "partner": (
            "Det mærker vi tydeligt, når det ikke fungerer.",
            "Det er en vigtig brik i det samlede forløb.",
            "Det er svært at erstatte.",
        ),
    },
)

_HOME_AMBITION_THEMES: tuple[Theme, ...] = (
    Theme(
        key="faste_ansigter",
        label="Kendt for faste hjælpere",
        short=("faste hjælpere", "Kontinuitet!", "samme folk hver gang", "faste teams"),
        cores={
            "personale": (
                "At vi er kendt for faste teams, så borgerne højst møder en håndfuld hjælpere.",
                "At vi har fundet en måde at planlægge på, hvor kontinuitet kommer før alt andet.",
                "At borgerne kender navnet på den, der kommer i morgen.",
            ),
            "borger": (
                "At man får de samme hjælpere. Det burde være det, I er kendt for.",
                "At I bliver kendt for, at man ikke skal vænne sig til et nyt ansigt hver uge.",
                "Faste folk. Så ville jeg anbefale jer til alle.",
                "At der ikke kommer {antal} forskellige på en uge.",
            ),
            "paaroerende": (
                "At I er kendt som stedet, hvor der er faste hjælpere omkring hver borger.",
                "At {rel} kun har nogle få faste hjælpere og ved, hvem der kommer.",
            ),
            "partner": (
                "Faste teams omkring borgerne, så vi også ved, hvem vi skal ringe til.",
            ),
        },
    ),
    Theme(
        key="faglighed",
        label="Høj faglighed og kvalitet",
        short=("faglighed", "Høj kvalitet", "fagligt stærke", "kvalitet og faglighed"),
        cores={
            "personale": (
                "At vi er kendt for høj faglighed – at folk ved, at når Hjemmeplejen Nord har været der, er det gjort ordentligt.",
                "At vi er den hjemmepleje, sygeplejen og lægerne har mest tillid til.",
                "At vi har nul fejl i medicinen og en dokumentation, der altid er opdateret.",
                "At vi har uddannet personale på alle vagter, også i weekenden.",
                "Kvalitet i alt, hvad vi gør, og at vi kan dokumentere det.",
            ),
            "paaroerende": (
                "At personalet er dygtigt og ved, hvad de laver, også vikarerne.",
            ),
            "partner": (
                "At hjemmeplejen er kendt for skarpe faglige observationer.",
                "Høj faglighed og ensartet kvalitet på tværs af ruterne.",
            ),
        },
    ),
    Theme(
        key="eget_hjem",
        label="Længst muligt i eget hjem",
        short=(
            "rehabilitering",
            "Længst muligt i eget hjem",
            "hverdagsrehabilitering",
            "at folk kan blive hjemme",
        ),
        cores={
            "personale": (
                "At flere borgere kan blive i eget hjem længere, fordi vi har trænet med dem i stedet for at overtage.",
                "At vi er kendt for rehabilitering, og at borgerne får funktion tilbage.",
                "At færre har brug for hjælp efter et forløb hos os.",
                "At borgerne siger: jeg kan mere nu end før, I kom.",
            ),
            "borger": (
                "At vi gamle kan blive boende i vores egne huse til det sidste.",
                "At man kan blive hjemme så længe, man selv vil.",
            ),
            "paaroerende": (
                "At {rel} kan blive i sit eget hjem så længe som muligt, og at I hjælper med det.",
            ),
            "partner": (
                "Flere genoptrænede borgere og færre genindlæggelser.",
                "At hjemmeplejen er en aktiv del af rehabiliteringen og ikke kun leverer ydelser.",
            ),
        },
    ),
    Theme(
        key="arbejdsplads",
        label="Et godt sted at arbejde",
        short=(
            "god arbejdsplads",
            "Godt arbejdsmiljø",
            "at folk bliver",
            "fuld bemanding",
        ),
        cores={
            "personale": (
                "At vi er et sted, hvor folk gerne vil arbejde og bliver, fordi arbejdsmiljøet er godt.",
                "At vi ikke mangler hænder, fordi vi er kendt som en god arbejdsplads.",
                "At sygefraværet er lavt, og at eleverne gerne vil tilbage til os efter uddannelsen.",
                "At der er tid til et godt kollegaskab, også når det er travlt.",
            ),
            "borger": ("At de ansatte er glade for at være der. Det kan man mærke.",),
            "paaroerende": (
                "At personalet bliver. Så mange udskiftninger tyder på, at noget er galt.",
            ),
            "partner": ("Stabil bemanding, så vi kender kontaktpersonerne.",),
        },
    ),
    Theme(
        key="aftaler",
        label="At vi holder, hvad vi lover",
        short=(
            "at komme til tiden",
            "Punktlighed.",
            "holde aftaler",
            "at de kommer når de siger",
        ),
        cores={
            "personale": (
                "At vi kommer, når vi har sagt, vi kommer, og ringer, hvis vi bliver forsinket.",
                "At borgerne kan regne med os. Aftaler er aftaler.",
            ),
            "borger": (
                "At de kommer til den tid, de har sagt. Jeg har ventet med morgenmaden til klokken {klokken}.",
                "At man kan stole på, at det, der bliver aftalt, også bliver gjort.",
                "At man får besked, hvis de bliver forsinket.",
            ),
            "paaroerende": (
                "At aftaler holdes. Og at vi får besked, når noget ændrer sig.",
                "At man kan stole på jer. Det har vi desværre ikke altid kunnet.",
            ),
            "partner": (
                "Pålidelighed. At det, vi aftaler ved udskrivelsen, faktisk sker.",
            ),
        },
    ),
    Theme(
        key="samarbejde",
        label="Godt samarbejde med pårørende og partnere",
        short=("samarbejde", "Godt samarbejde med pårørende", "samarbejde på tværs"),
        cores={
            "personale": (
                "At vi er gode til at samarbejde med de pårørende og ser dem som en ressource.",
                "At vi har et tæt samarbejde med sygeplejen og terapeuterne, så borgeren oplever én samlet indsats.",
            ),
            "paaroerende": (
                "At I er kendt for at tage os pårørende med på råd.",
                "At jeg som pårørende bliver ringet op, når der sker noget, og ikke selv skal jagte informationer.",
            ),
            "partner": (
                "Et samarbejde, hvor vi taler sammen, før problemerne opstår.",
                "Sammenhængende forløb på tværs af sektorer, hvor hjemmeplejen er en ligeværdig partner.",
            ),
        },
    ),
    Theme(
        key="teknologi",
        label="Velfærdsteknologi brugt klogt",
        short=("velfærdsteknologi", "Digitale løsninger", "skærmbesøg"),
        cores={
            "personale": (
                "At vi bruger velfærdsteknologi der, hvor det giver mening, og frigiver tid til det, der kræver mennesker.",
                "At vi er kendt for at være gode til skærmbesøg og digitale løsninger uden at miste det menneskelige.",
            ),
            "borger": (
                "At man kan snakke med dem på skærmen, hvis man har lyst. Men ikke i stedet for besøg.",
            ),
            "paaroerende": (
                "At vi kan følge med digitalt i, hvad der sker. En app eller noget.",
            ),
            "partner": ("Fælles digitale systemer, så informationen ikke forsvinder.",),
        },
    ),
    Theme(
        key="naervaer",
        label="Tid til mennesket",
        short=("nærvær", "tid til mennesket", "Tid."),
        cores={
            "personale": (
                "At vi har tid til mennesket og ikke kun til opgaven.",
                "At vi er kendt for nærvær og et smil, selv på de travle dage.",
            ),
            "borger": (
                "At de har tid til at sætte sig ned. Det ville jeg være glad for.",
                "At der er tid til en snak og ikke kun til at løbe videre.",
            ),
            "paaroerende": ("At der er tid til nærvær og ikke kun ydelser på stopur.",),
            "partner": ("At der er tid til relationen, ikke kun tid til opgaverne.",),
        },
    ),
    Theme(
        key="vaerdighed",
        label="Respekt og værdighed",
        short=("værdighed", "respekt", "Respekt for den enkelte"),
        cores={
            "personale": (
                "At borgerne føler sig respekteret og bestemmer over deres eget liv.",
                "At vi er kendt for at behandle folk med værdighed, også i den sidste tid.",
            ),
            "borger": (
                "At man bliver behandlet som et voksent menneske.",
                "At man har noget at skulle have sagt i sit eget hjem.",
                "Værdighed. At man ikke føler sig som en byrde.",
            ),
            "paaroerende": (
                "At {rel} bliver behandlet med respekt og værdighed, hver gang.",
            ),
            "partner": ("Værdig pleje, hvor borgerens ønsker kommer først.",),
        },
    ),
)

_HOME_AMBITION = TextBank(
    question="ambition",
    themes=_HOME_AMBITION_THEMES,
    weights={
        "medarbejder": {
            "faste_ansigter": 4,
            "faglighed": 15,
            "eget_hjem": 12,
            "arbejdsplads": 13,
            "aftaler": 4,
            "samarbejde": 6,
            "teknologi": 4,
            "naervaer": 8,
            "vaerdighed": 6,
        },
        "leder": {
            "faste_ansigter": 4,
            "faglighed": 12,
            "eget_hjem": 16,
            "arbejdsplads": 12,
            "aftaler": 4,
            "samarbejde": 8,
            "teknologi": 10,
            "naervaer": 4,
            "vaerdighed": 6,
        },
        "borger": {
            "faste_ansigter": 16,
            "eget_hjem": 6,
            "arbejdsplads": 2,
            "aftaler": 14,
            "teknologi": 2,
            "naervaer": 14,
            "vaerdighed": 12,
        },
        "paaroerende": {
            "faste_ansigter": 12,
            "faglighed": 2,
            "eget_hjem": 4,
            "arbejdsplads": 4,
            "aftaler": 14,
            "samarbejde": 10,
            "teknologi": 2,
            "naervaer": 8,
            "vaerdighed": 6,
        },
        "samarbejdspartner": {
            "faste_ansigter": 2,
            "faglighed": 8,
            "eget_hjem": 12,
            "arbejdsplads": 2,
            "aftaler": 6,
            "samarbejde": 16,
            "teknologi": 4,
            "naervaer": 2,
            "vaerdighed": 4,
        },
    },
    openers={
        "medarbejder": (
            "Om fem år:",
            "Det, jeg drømmer om:",
            "Helt ærligt?",
            "Jeg ville være stolt, hvis det her lykkes:",
            "Mit bud:",
            "Det er lidt af en drøm, men:",
        ),
        "leder": (
            "Min ambition for Hjemmeplejen Nord:",
            "Om fem år vil jeg gerne kunne sige det her:",
            "Jeg håber, vi kan samle os om det her:",
            "Som leder vil jeg pege på én ting:",
        ),
        "borger": (
            "Hvis jeg må ønske:",
            "Jeg håber, at I bliver kendt for det her:",
            "Det er let:",
            "Om fem år er jeg måske ikke her, men alligevel:",
        ),
        "paaroerende": (
            "Hvis jeg skal ønske noget:",
            "Set fra familiens side:",
            "Mit ønske:",
            "Jeg håber, at I om fem år kan sige det her om jer selv:",
        ),
        "samarbejdspartner": (
            "Set fra vores side:",
            "Det ville vi som samarbejdspartnere sætte pris på:",
            "Mit bud:",
        ),
    },
    endings={
        "personale": (
            "Det ville jeg være stolt af.",
            "Det er ikke urealistisk, hvis vi prioriterer det.",
            "Så tror jeg, vi har ramt noget rigtigt.",
            "Men det kræver, at vi er enige om det.",
            "Det skal ikke bare stå på en plakat.",
        ),
        "borger": (
            "Så ville jeg være glad.",
            "Det er ikke for meget forlangt.",
            "Så kan I godt være stolte.",
        ),
        "paaroerende": (
            "Det ville gøre en kæmpe forskel for familierne.",
            "Så vil jeg gerne anbefale jer til andre.",
            "Det ville give tillid.",
        ),
        "partner": (
            "Det ville styrke hele kæden omkring borgeren.",
            "Det ville gøre vores samarbejde meget stærkere.",
        ),
    },
)

_HOME_TILGANG_THEMES: tuple[Theme, ...] = (
    Theme(
        key="sikrer",
        label="Sikrer",
        short=("sikrer tryghed", "Sikrer at alt er i orden", "vi sikrer kvaliteten"),
        cores={
            "personale": (
                "Jeg sikrer, at borgeren får sin medicin og sin mad til tiden, og at alt er dokumenteret.",
                "Vi sikrer, at borgeren er vasket, har fået tøj på og har det godt, når vi går.",
                "Jeg sikrer mig, at alt er i orden i hjemmet, og at der ikke er noget, der kan få dem til at falde.",
            ),
            "borger": (
                "De sikrer, at jeg har fået mine piller og har noget at drikke, inden de går.",
                "De sikrer sig, at jeg er kommet godt i seng.",
            ),
            "paaroerende": (
                "De sikrer, at {rel} har fået mad og medicin, og skriver det ned.",
            ),
            "partner": (
                "Hjemmeplejen sikrer, at vores ordinationer bliver fulgt i hjemmet.",
            ),
        },
        with_cores={
            "personale": (
                "Vi sikrer, at borgeren selv er med til at bestemme, hvad der skal ske i plejen.",
                "Jeg sikrer, at borgeren forstår sin egen plan og selv kan sige til, hvis noget skal ændres.",
            ),
            "borger": (
                "De sikrer sig, at jeg er med på, hvad der skal ske, inden de går i gang.",
            ),
            "paaroerende": (
                "De sikrer, at {rel} selv bliver spurgt, før de gør noget.",
            ),
            "partner": (
                "De sikrer, at borgeren forstår sin behandling og selv kan tage en del af ansvaret.",
            ),
        },
    ),
    Theme(
        key="fremmer",
        label="Fremmer",
        short=("fremmer sundhed", "fremmer livskvalitet"),
        cores={
            "personale": (
                "Vi fremmer borgerens sundhed ved at holde øje med kost, væske og bevægelse.",
            ),
            "partner": (
                "Hjemmeplejen fremmer sundheden i hjemmet gennem den daglige pleje.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg fremmer borgerens egne ressourcer ved at lade dem gøre det, de kan, selvom det tager længere tid.",
                "Vi fremmer livskvaliteten ved at tale med borgeren om, hvad der giver mening for dem.",
            ),
            "partner": (
                "De fremmer borgerens egen mestring, når de giver plads til, at borgeren selv prøver.",
            ),
        },
    ),
    Theme(
        key="understoetter",
        label="Understøtter",
        short=("støtter", "understøtter", "Vi understøtter"),
        cores={
            "personale": (
                "Jeg understøtter borgeren i hverdagen ved at overtage de opgaver, de ikke længere kan klare.",
                "Vi understøtter borgeren med det praktiske, så de kan bruge kræfterne på andet.",
            ),
            "borger": (
                "De støtter mig, når jeg skal i bad, og tager over, når jeg ikke kan mere.",
            ),
            "paaroerende": ("De understøtter {obj} i hverdagen med det praktiske.",),
            "partner": (
                "De understøtter behandlingen ved at følge op på det, vi har sat i gang.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg understøtter borgeren i selv at klare morgenrutinen, fx ved at lægge tøjet frem og stå ved siden af.",
                "Vi understøtter det, borgeren selv kan, og træder kun til, hvor det er nødvendigt.",
                "Jeg understøtter borgerens egne mål – vil fru Jensen kunne gå til købmanden igen, så øver vi det.",
            ),
            "borger": (
                "De støtter mig i at gøre det selv, også når jeg hellere ville have dem til at gøre det.",
            ),
            "paaroerende": ("De støtter {obj} i selv at gøre så meget som muligt.",),
            "partner": ("De understøtter borgerens egen træning mellem vores besøg.",),
        },
    ),
    Theme(
        key="udvikler",
        label="Udvikler",
        short=("udvikler", "vi udvikler os"),
        cores={
            "personale": (
                "Vi udvikler hele tiden vores arbejdsgange, så plejen bliver bedre og mere effektiv.",
            ),
        },
        with_cores={
            "personale": (
                "Vi udvikler sammen med borgeren nye måder at klare hverdagen på, fx med hjælpemidler.",
                "Jeg udvikler min egen praksis ved at spørge borgeren, hvad der virker for dem.",
            ),
            "partner": (
                "Vi udvikler forløbene i fællesskab med hjemmeplejen og borgeren.",
            ),
        },
    ),
    Theme(
        key="hjaelper",
        label="Hjælper",
        short=(
            "hjælper",
            "Jeg hjælper.",
            "hjælper med det de ikke kan",
            "de hjælper mig",
        ),
        cores={
            "personale": (
                "Jeg hjælper borgeren med bad, påklædning og morgenmad og sørger for, at de er klar til dagen.",
                "Vi hjælper med alt det, de ikke selv kan, så de kan blive i eget hjem.",
                "Jeg hjælper, hvor der er brug for det – det er jo det, vi er her for.",
                "Vi hjælper borgeren med de ting, der står i visitationen, og lidt til, hvis der er tid.",
            ),
            "borger": (
                "De hjælper mig med bad og tøj om morgenen og med at komme i seng om aftenen.",
                "De hjælper mig med alt det praktiske. Jeg skal bare sige til.",
                "De hjælper mig op, giver mig morgenmad og mine piller.",
            ),
            "paaroerende": (
                "De hjælper {obj} med alt det, {pron} ikke længere selv kan.",
                "De hjælper med bad og mad og holder øje med {obj}.",
            ),
            "partner": (
                "De hjælper borgerne med de daglige gøremål, så de kan blive i eget hjem.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg hjælper borgeren til selv at tage tøj på ved at give tid og guide i stedet for at gøre det for dem.",
                "Vi hjælper borgeren til selv at smøre sin mad, selvom det går langsommere.",
                "Jeg hjælper borgeren med at finde ud af, hvad de selv kan, og bygger videre på det.",
            ),
            "borger": (
                "De hjælper mig til selv at gøre det, jeg kan. Det er godt for mig, selvom det er hårdt.",
                "Hjælperen hjælper mig til at gå lidt hver dag, så jeg ikke bliver stiv.",
                "De hjælper mig med at klare det selv – de står ved siden af, mens jeg vasker mig.",
            ),
            "paaroerende": (
                "De hjælper {obj} til selv at klare så meget som muligt, og det har været godt for {obj}.",
            ),
            "partner": (
                "De hjælper borgeren til selv at tage ansvar for sin træning.",
            ),
        },
    ),
    Theme(
        key="faciliterer",
        label="Faciliterer",
        short=("faciliterer",),
        cores={
            "personale": (
                "Jeg faciliterer kontakten mellem borgeren og lægen, så det hele hænger sammen.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg faciliterer, at borgeren selv kan komme i kontakt med sit netværk og foreningerne i lokalområdet.",
                "Vi faciliterer samtaler, hvor borgeren og de pårørende selv sætter målene.",
            ),
            "partner": (
                "De faciliterer mødet mellem borgeren, de pårørende og os, så alle bliver hørt.",
            ),
        },
    ),
    Theme(
        key="coacher",
        label="Coacher",
        short=("coacher", "coaching"),
        cores={
            "personale": (
                "Jeg coacher borgeren i at gøre tingene på den rigtige måde, så de ikke kommer til skade.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg coacher borgeren til selv at finde løsninger, fx hvordan de kan komme i bad på en sikker måde.",
                "Vi coacher mere, end vi gør. Vi spørger: hvad kunne du tænke dig at kunne igen?",
            ),
            "partner": (
                "Hjemmeplejen coacher borgeren i at bruge de hjælpemidler, vi har bevilget.",
            ),
        },
    ),
    Theme(
        key="inddrager",
        label="Inddrager",
        short=("inddrager borgeren", "Inddragelse!", "inddragelse"),
        cores={
            "personale": (
                "Vi inddrager de pårørende, når borgeren ikke selv kan overskue det.",
            ),
            "borger": (
                "De inddrager min datter mere end mig. Det er hende, de ringer til.",
            ),
            "paaroerende": (
                "Vi bliver ikke altid inddraget, men de ordner tingene for {obj}.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg inddrager borgeren i alle beslutninger om plejen. Det er deres liv.",
                "Vi inddrager både borgeren og de pårørende, når plejeplanen skal laves.",
                "Jeg spørger altid borgeren først og inddrager dem i, hvordan dagen skal se ud.",
            ),
            "borger": (
                "De spørger mig, hvordan jeg vil have det. Jeg føler mig inddraget.",
                "Jeg bliver inddraget i, hvad der skal ske. Det sætter jeg pris på.",
            ),
            "paaroerende": (
                "De inddrager både {obj} og os i beslutningerne.",
                "Vi bliver inddraget, når plejeplanen skal ændres.",
            ),
            "partner": (
                "De inddrager borgeren aktivt, og det gør vores arbejde lettere.",
            ),
        },
    ),
    Theme(
        key="samarbejder",
        label="Samarbejder",
        short=("samarbejde", "Vi samarbejder", "samarbejder"),
        cores={
            "personale": (
                "Vi samarbejder med sygeplejen, terapeuterne og lægen om borgerens forløb.",
            ),
            "paaroerende": (
                "De samarbejder med lægen og sygeplejen om {obj}, men vi hører ikke altid om det.",
            ),
            "partner": (
                "Vi samarbejder med hjemmeplejen om at få borgeren sikkert hjem efter indlæggelse.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg samarbejder med borgeren om at nå de mål, vi har sat sammen.",
                "Vi samarbejder med de pårørende, så vi trækker i samme retning.",
            ),
            "borger": (
                "Vi arbejder sammen om det. Jeg gør det, jeg kan, og så tager de resten.",
            ),
            "paaroerende": (
                "Vi samarbejder godt med de faste hjælpere om {poss} hverdag.",
            ),
            "partner": (
                "Vi samarbejder tæt med hjemmeplejen og borgeren om fælles mål.",
                "Samarbejdet fungerer bedst, når borgeren sidder med ved bordet.",
            ),
        },
    ),
    Theme(
        key="soerger_for",
        label="Sørger for",
        short=("sørger for dem", "Sørger for alt", "vi sørger for borgeren"),
        cores={
            "personale": (
                "Vi sørger for, at borgeren får den hjælp, der er visiteret, og at alt er i orden.",
                "Jeg sørger for, at borgeren får mad, medicin og personlig pleje, og at det bliver gjort ordentligt.",
                "Vi sørger for, at borgeren har det godt og ikke mangler noget.",
            ),
            "borger": (
                "De sørger for, at jeg får mad og bliver vasket.",
                "De sørger for det hele. Jeg skal ikke tænke på noget.",
                "De sørger for, at der er rent, og at jeg har mine piller.",
            ),
            "paaroerende": (
                "De sørger for, at {rel} får mad, bad og medicin.",
                "De sørger for, at {pron} har det godt, og at der er styr på tingene.",
            ),
            "partner": (
                "Hjemmeplejen sørger for, at borgeren får den pleje, der er aftalt.",
            ),
        },
        with_cores={
            "personale": (
                "Jeg sørger for, at borgeren selv får mulighed for at bestemme rækkefølgen af tingene.",
            ),
        },
    ),
)

_HOME_TILGANG = TextBank(
    question="tilgang",
    themes=_HOME_TILGANG_THEMES,
    weights={
        "medarbejder": {
            "sikrer": 12,
            "fremmer": 6,
            "understoetter": 10,
            "udvikler": 4,
            "hjaelper": 16,
            "faciliterer": 2,
            "coacher": 3,
            "inddrager": 6,
            "samarbejder": 6,
            "soerger_for": 14,
        },
        "leder": {
            "sikrer": 8,
            "fremmer": 10,
            "understoetter": 12,
            "udvikler": 8,
            "hjaelper": 6,
            "faciliterer": 8,
            "coacher": 6,
            "inddrager": 12,
            "samarbejder": 8,
            "soerger_for": 4,
        },
        "borger": {
            "sikrer": 4,
            "understoetter": 3,
            "hjaelper": 18,
            "inddrager": 8,
            "samarbejder": 4,
            "soerger_for": 16,
        },
        "paaroerende": {
            "sikrer": 6,
            "understoetter": 3,
            "hjaelper": 14,
            "inddrager": 10,
            "samarbejder": 8,
            "soerger_for": 14,
        },
        "samarbejdspartner": {
            "sikrer": 10,
            "fremmer": 6,
            "understoetter": 8,
            "udvikler": 4,
            "hjaelper": 8,
            "faciliterer": 6,
            "coacher": 3,
            "inddrager": 6,
            "samarbejder": 14,
            "soerger_for": 6,
        },
    },
    with_share={
        "medarbejder": 0.4,
        "leder": 0.68,
        "borger": 0.35,
        "paaroerende": 0.3,
        "samarbejdspartner": 0.5,
    },
    openers={
        "medarbejder": (
            "Hvad jeg gør?",
            "I praksis:",
            "En typisk morgen:",
            "Kort fortalt:",
            "Jeg prøver altid at tænke sådan her:",
            "Det er forskelligt fra borger til borger, men som regel:",
            "Det lyder måske banalt, men:",
        ),
        "leder": (
            "Jeg ser det sådan:",
            "Vores tilgang er, eller bør være, denne:",
            "Når det lykkes bedst:",
            "Jeg vil gerne se mere af det her:",
        ),
        "borger": (
            "Hvad de gør?",
            "Når de kommer:",
            "Hos mig:",
            "Jeg kan kun sige, hvordan det er hos mig:",
        ),
        "paaroerende": (
            "Hos {rel}:",
            "Det, jeg ser:",
            "Når jeg er der samtidig med dem:",
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
            "Det er sådan, jeg forstår min rolle.",
            "Det er ikke altid, tiden er til det, men det er målet.",
            "Så bliver det deres hverdag og ikke vores.",
            "Det kræver tålmodighed.",
            "Sådan gør de fleste af os, tror jeg.",
        ),
        "borger": (
            "Sådan er det de fleste dage.",
            "Det er jeg godt tilfreds med.",
            "Men det kommer an på, hvem der kommer.",
        ),
        "paaroerende": (
            "Det fungerer bedst, når det er de faste.",
            "Vi kunne ønske os, at det altid var sådan.",
        ),
        "partner": (
            "Det er en god model, når den bliver fulgt.",
            "Det gør det lettere for os at bygge videre.",
        ),
    },
)

_HOME_MAALGRUPPE_THEMES: tuple[Theme, ...] = (
    Theme(
        key="borger",
        label="Borger",
        short=("borgeren", "Borgere", "borgerne!", "Borgerne."),
        cores={
            "personale": (
                "Borgeren. Det er borgeren, vi skal lykkes sammen med, og det er også det ord, vi bruger.",
                "Vi kalder dem borgere, og det er dem, hele opgaven handler om.",
                "Borgerne i eget hjem, der har brug for hjælp i kortere eller længere tid.",
                "Borgeren – og det betyder, at de har rettigheder og ikke bare får noget.",
            ),
            "borger": (
                "Borgere, står der i brevene fra kommunen.",
                "Jeg er vist en borger. Det står der i hvert fald på papirerne.",
            ),
            "paaroerende": (
                "Borgeren, som I kalder {obj}. Men {pron} er jo først og fremmest {rel}.",
            ),
            "partner": (
                "Borgeren er omdrejningspunktet for os alle.",
                "Borgerne og deres netværk.",
            ),
        },
    ),
    Theme(
        key="bruger",
        label="Bruger",
        short=("brugere", "Brugeren", "brugerne"),
        cores={
            "personale": (
                "Brugerne – eller borgerne, vi siger begge dele.",
                "Vi siger tit brugere, fordi de bruger vores ydelser.",
                "Brugeren. Men det lyder lidt, som om de bare skal aftage noget.",
            ),
            "borger": ("Brugere, kalder de os vist. Det er et underligt ord.",),
            "paaroerende": ("De siger bruger om {obj}. Det lyder lidt koldt.",),
            "partner": (
                "Brugerne af hjemmeplejen, altså dem, der er visiteret til hjælp.",
            ),
        },
    ),
    Theme(
        key="aeldre",
        label="Ældre",
        short=("de ældre", "Ældre", "ældre mennesker"),
        cores={
            "personale": (
                "De ældre. Langt de fleste af vores borgere er over 80.",
                "Ældre mennesker, der gerne vil blive i eget hjem.",
            ),
            "borger": (
                "Os ældre. Vi er mange nu.",
                "De gamle, som min nabo siger. Det er os.",
                "Ældre, der ikke kan det hele selv længere.",
            ),
            "paaroerende": ("Ældre som {rel}, der gerne vil blive hjemme.",),
            "partner": (
                "De ældre medicinske patienter og andre ældre med plejebehov.",
            ),
        },
    ),
    Theme(
        key="kunde",
        label="Kunde",
        short=("kunder", "kunden"),
        cores={
            "personale": (
                "Vi har kunder. Det er dem, der bestemmer, hvad de skal have.",
                "Nogle af os siger kunder, og det er måske ikke helt dumt – det minder os om, at vi leverer service.",
            ),
            "borger": ("Kunde, som i en butik? Nej tak.",),
            "paaroerende": (
                "Jeg har hørt, at man skal sige kunde. Jeg synes, det lyder forkert.",
            ),
            "partner": ("Kunderne, hedder det i udbudsmaterialet.",),
        },
    ),
    Theme(
        key="beboer",
        label="Beboer",
        short=("beboerne", "beboere"),
        cores={
            "personale": (
                "Beboere – vi kommer jo i deres hjem, og de bor der.",
                "Beboerne i ældreboligerne og borgerne ude i eget hjem.",
            ),
            "borger": ("Beboer i ældreboligen her.",),
            "paaroerende": ("Beboerne. Sådan siger de i ældreboligerne.",),
            "partner": ("Beboere i ældreboliger og borgere i eget hjem.",),
        },
    ),
    Theme(
        key="paaroerende",
        label="Pårørende",
        short=("borger + pårørende", "pårørende", "de pårørende"),
        cores={
            "personale": (
                "Ikke kun borgeren, men også de pårørende. Vi lykkes ikke uden dem.",
                "Borgeren og de pårørende. De pårørende er en kæmpe ressource.",
                "Familien omkring borgeren, især ægtefællen, som tit selv er gammel.",
            ),
            "borger": ("Mig og min familie. Mine børn er med i det.",),
            "paaroerende": (
                "Os pårørende! Vi er en del af målgruppen, også selvom vi ikke får hjælp.",
                "Både {rel} og os i familien. Vi skal lykkes sammen.",
            ),
            "partner": ("Pårørende er en målgruppe i sig selv, som vi tit glemmer.",),
        },
    ),
    Theme(
        key="vores_aeldre",
        label="Vores ældre",
        short=("vores ældre", "Vores ældre!"),
        cores={
            "personale": (
                "Vores ældre. Jeg siger 'vores', fordi jeg føler, jeg kender dem.",
                "Vores ældre i Solbjerg, dem vi kommer hos hver dag.",
            ),
            "borger": (
                "'Vores ældre', siger de i radioen. Det lyder, som om vi er deres ejendom.",
            ),
            "paaroerende": (
                "Jeg hører personalet sige 'vores ældre'. Det er kærligt ment, tror jeg.",
            ),
        },
    ),
    Theme(
        key="hjemmeplejeborgere",
        label="Hjemmeplejeborgere",
        short=("hjemmeplejeborgere", "Hjemmeplejeborgerne"),
        cores={
            "personale": (
                "Hjemmeplejeborgerne – altså alle, der er visiteret til hjemmepleje.",
                "Hjemmeplejeborgere og deres netværk.",
            ),
            "paaroerende": ("Hjemmeplejeborgere, står der i brevene. Sikke et ord.",),
            "partner": ("Hjemmeplejeborgerne, som vi deler med sygeplejen.",),
        },
    ),
    Theme(
        key="mennesket",
        label="Mennesket",
        short=("mennesker", "Mennesket.", "folk"),
        cores={
            "personale": (
                "Mennesker. De er ikke deres diagnose eller deres ydelse.",
                "Hele mennesket – ikke bare 'et bad kl. 8'.",
            ),
            "borger": (
                "Mennesker! Jeg hedder {fornavn}, ikke 'borgeren'.",
                "Kald os ved navn. Vi er mennesker med et langt liv bag os.",
                "Folk som mig, der bare gerne vil have en almindelig hverdag.",
            ),
            "paaroerende": (
                "{Rel} er et menneske med et helt liv bag sig, ikke en sag.",
            ),
            "partner": ("Mennesket bag sagen.",),
        },
    ),
)

_HOME_MAALGRUPPE = TextBank(
    question="maalgruppe",
    themes=_HOME_MAALGRUPPE_THEMES,
    weights={
        "medarbejder": {
            "borger": 16,
            "bruger": 8,
            "aeldre": 8,
            "kunde": 2,
            "beboer": 3,
            "paaroerende": 6,
            "vores_aeldre": 6,
            "hjemmeplejeborgere": 5,
            "mennesket": 4,
        },
        "leder": {
            "borger": 16,
            "bruger": 2,
            "aeldre": 4,
            "kunde": 4,
            "beboer": 2,
            "paaroerende": 8,
            "vores_aeldre": 2,
            "hjemmeplejeborgere": 4,
            "mennesket": 4,
        },
        "borger": {
            "borger": 8,
            "bruger": 2,
            "aeldre": 10,
            "kunde": 2,
            "beboer": 2,
            "paaroerende": 2,
            "vores_aeldre": 2,
            "mennesket": 14,
        },
        "paaroerende": {
            "borger": 6,
            "bruger": 4,
            "aeldre": 8,
            "kunde": 2,
            "beboer": 2,
            "paaroerende": 12,
            "vores_aeldre": 4,
            "hjemmeplejeborgere": 2,
            "mennesket": 8,
        },
        "samarbejdspartner": {
            "borger": 14,
            "bruger": 6,
            "aeldre": 6,
            "kunde": 2,
            "beboer": 2,
            "paaroerende": 6,
            "hjemmeplejeborgere": 8,
            "mennesket": 2,
        },
    },
    openers={
        "medarbejder": (
            "Godt spørgsmål, for vi siger forskellige ting.",
            "Hos os:",
            "Jeg siger som regel:",
            "Det er faktisk ikke så enkelt.",
            "Helt ærligt bruger vi flere ord.",
        ),
        "leder": (
            "Det er et vigtigt spørgsmål, for ordene former os.",
            "I vores papirer står der én ting, i hverdagen en anden.",
            "Vi burde blive enige om det her.",
        ),
        "borger": (
            "Mig og dem som mig.",
            "Det ved jeg ikke helt.",
            "Hvad de kalder os?",
            "Jeg har hørt mange ord for det.",
        ),
        "paaroerende": (
            "Set udefra:",
            "Det er et sjovt spørgsmål.",
            "Vi oplever det sådan:",
        ),
        "samarbejdspartner": (
            "I vores verden:",
            "Vi bruger selv forskellige ord.",
            "Set fra sektoren:",
        ),
    },
    endings={
        "personale": (
            "Det siger nok noget om, hvordan vi ser dem.",
            "Vi er vist ikke helt enige internt.",
            "Ordene betyder mere, end man tror.",
        ),
        "borger": (
            "Men mit navn er nu bedre.",
            "Det er lige meget, hvad I kalder mig, bare I kommer.",
        ),
        "paaroerende": ("Og glem ikke os pårørende.", "Vi er jo også en del af det."),
        "partner": ("Det er vigtigt, at vi taler samme sprog på tværs.",),
    },
)

HOME_CARE: UnitBank = UnitBank(
    key="hjemmepleje",
    name="Hjemmeplejen Nord",
    groups=HOME_GROUPS,
    texts={
        "vaerdi": _HOME_VAERDI,
        "ambition": _HOME_AMBITION,
        "tilgang": _HOME_TILGANG,
        "maalgruppe": _HOME_MAALGRUPPE,
    },
    connectors=CONNECTORS,
    non_answers=NON_ANSWERS,
    relations=(
        ("min mor", "hun", "hende", "hendes"),
        ("min far", "han", "ham", "hans"),
        ("min mand", "han", "ham", "hans"),
        ("min kone", "hun", "hende", "hendes"),
        ("min svigermor", "hun", "hende", "hendes"),
        ("min svigerfar", "han", "ham", "hans"),
        ("min moster", "hun", "hende", "hendes"),
        ("min farbror", "han", "ham", "hans"),
    ),
    slots={
        "antal": ("7", "9", "11", "12", "14", "17"),
        "klokken": ("10", "halv elleve", "elleve", "kvart over ti"),
        "fornavn": (
            "Else",
            "Karl",
            "Inger",
            "Poul",
            "Ruth",
            "Aage",
            "Birthe",
            "Jørgen",
            "Lis",
            "Henning",
        ),
        "fag": (
            "sygeplejerske",
            "ergoterapeut",
            "fysioterapeut",
            "visitator",
            "demenskoordinator",
        ),
        "aar": ("to", "tre", "fire", "seks", "otte"),
        "alder": ("84", "87", "91", "79", "93"),
    },
    seniority={"medarbejder": (24, 40, 31, 5), "leder": (10, 45, 45, 0)},
)
