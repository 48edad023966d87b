# ruff: noqa: E501 (the texts are kept one paragraph per line, as on the page)
"""The seed meeting: Regional tillväxtnämnd, Region Örebro län, 14 December 2022.

The agenda and minutes texts are those of the real public meeting page
(regional-tillvaxtnamnd-2022-12-14.txt), kept character for character:
no-break spaces (\\xa0) in amounts, the typos the minutes corrected and the
minutes' own edits; only the agenda's one line wrap is joined. Titles, proposed
decisions, attachment names and presenters were lost from the captured page:
those here are written from the texts, and the people are invented.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from paragraf.demo.topics import INFORMATION, RTN

STOCKHOLM = ZoneInfo("Europe/Stockholm")

START = datetime(2022, 12, 14, 9, 0, tzinfo=STOCKHOLM)
END = datetime(2022, 12, 14, 12, 0, tzinfo=STOCKHOLM)
NOTICE_PUBLISHED = datetime(2022, 12, 7, 8, 0, tzinfo=STOCKHOLM)
MINUTES_VERIFIED = datetime(2022, 12, 16, 10, 0, tzinfo=STOCKHOLM)
NOTICE_POSTED = datetime(2022, 12, 16, 14, 0, tzinfo=STOCKHOLM)

VERIFIERS = ("Tomas Wiklander", "Kenneth Öberg")
# (absent member, the substitute who serves for them)
ABSENT = ("Eva Granqvist", "Linnea Forsgren")


@dataclass(frozen=True)
class SeedItem:
    number: str  # as on the agenda; empty for the item added at the meeting
    title: str
    proposed_decision: str = ""
    decision: str = ""  # in the minutes; empty: the proposed decision
    minutes_title: str = ""  # empty: the agenda title
    attachments: tuple[str, ...] = ()
    presenter: str = ""
    added: bool = False
    has_case: bool = True
    case_title: str = ""  # empty: the item title
    is_public = True  # every item of the seed page is public

    @property
    def state(self):
        return "tillkommet" if self.added else "behandlat"

    @property
    def summary(self):
        return self.agenda_text

    @property
    def agenda_text(self):
        return AGENDA_TEXT.get(self.number, "").strip()

    @property
    def minutes_text(self):
        return MINUTES_TEXT.get(self.number, AGENDA_TEXT.get(self.number, "")).strip()


# Case officers (tjänstepersoner) who present items; invented.
STRATEGIST = "Karolina Wendt, utvecklingsstrateg"
BUSINESS = "Henrik Molander, näringslivsutvecklare"
HEAD = "Sara Blomdahl, områdeschef näringslivsutveckling"
CONTROLLER = "Erik Tallberg, controller"
SKILLS = "Malin Öhrvall, utvecklingsledare kompetensförsörjning"

ITEMS = [
    SeedItem(
        "1",
        "Protokollsjustering",
        proposed_decision=f"{RTN} utse två ledamöter att jämte ordföranden justera dagens protokoll.",
        decision=f"{RTN} utse {VERIFIERS[0]} och {VERIFIERS[1]} att jämte ordföranden justera dagens protokoll.",
        has_case=False,
    ),
    SeedItem(
        "2",
        "Verksamhetsbidrag 2023 till Industriföreningen-Industrihub",
        proposed_decision=f"{RTN} bevilja Industriföreningen-Industrihub ett verksamhetsbidrag på 250\xa0000 kronor för 2023 för uppbyggnaden av ett industriellt utvecklingscenter (IUC) i Örebro län.",
        attachments=(
            "Tjänsteskrivelse",
            "Ansökan från Industriföreningen-Industrihub",
            "Affärsplan IUC-Industrihubb",
        ),
        presenter=BUSINESS,
    ),
    SeedItem(
        "3",
        "Verksamhetsbidrag 2023 till Hopajola",
        proposed_decision=f"{RTN} bevilja Hopajola ett verksamhetsbidrag på 305\xa0000 kronor för 2023, 340\xa0000 kronor till Naturäventyret för 20 skolklasser samt 85\xa0000 kronor för 8 tillgänglighetsanpassade guidningar, sammanlagt 730\xa0000 kronor.",
        attachments=("Tjänsteskrivelse", "Ansökan från Hopajola", "Budget 2023"),
        presenter=STRATEGIST,
    ),
    SeedItem(
        "4",
        "Verksamhetsbidrag 2023–2025 till Coompanion Örebro län",
        proposed_decision=f"{RTN} bevilja Coompanion Örebro län ett verksamhetsbidrag på 900\xa0000 kronor per år för 2023–2025, sammanlagt 2\xa0700\xa0000 kronor.",
        attachments=(
            "Tjänsteskrivelse",
            "Ansökan från Coompanion Örebro län",
            "Verksamhetsplan 2023–2025",
        ),
        presenter=STRATEGIST,
    ),
    SeedItem(
        "5",
        "Verksamhetsplan 2023 för Business Region Örebro",
        proposed_decision=f"{RTN} godkänna verksamhetsplanen för Business Region Örebro 2023.",
        attachments=("Tjänsteskrivelse", "Verksamhetsplan 2023 Business Region Örebro"),
        presenter=HEAD,
    ),
    SeedItem(
        "6",
        "Verksamhetsstöd till studenters entreprenörskap vid Örebro universitet",
        proposed_decision=f"{RTN} bevilja Örebro universitet ett verksamhetsstöd på 200\xa0000 kronor per år för 2023–2025 för arbetet med studenters entreprenörskap och innovation.",
        attachments=(
            "Tjänsteskrivelse",
            "Ansökan från Örebro universitet",
            "Uppföljning studentkoordinatorer 2020–2022",
        ),
        presenter=BUSINESS,
    ),
    SeedItem(
        "7",
        "Förlängda omställningscheckar för företag till och med 2024",
        proposed_decision=f"{RTN} förlänga satsningen på omställningscheckar till och med den 31 december 2024, med stöd för konsultinsatser upp till 90 procent av kostnaden och högst 100\xa0000 kronor per företag.",
        attachments=("Tjänsteskrivelse",),
        presenter=HEAD,
    ),
    SeedItem(
        "8",
        "Samverkansprojekt om validering i Östra Mellansverige",
        proposed_decision=f"{RTN} avsluta projektet Validering i regional kompetensförsörjning i förtid den 31 december 2022 och delta som samverkanspart i Region Västmanlands projekt om regionala strukturer för validering i Östra Mellansverige.",
        attachments=("Tjänsteskrivelse", "Projektansökan Region Västmanland"),
        presenter=SKILLS,
    ),
    SeedItem(
        "9",
        "Projekt för regional samverkan kring yrkeshögskoleutbildning",
        proposed_decision=f"{RTN} bevilja 1\xa0200\xa0000 kronor i regionala utvecklingsmedel till projektet Regional samverkan kring YH-utbildning under perioden 2023-01-01 – 2025-12-31.",
        attachments=(
            "Tjänsteskrivelse",
            "Projektplan",
            "Förstudie om regional yrkeshögskolesamverkan",
        ),
        presenter=SKILLS,
    ),
    SeedItem(
        "10",
        "Medfinansiering av projektet AI.ALL*",
        proposed_decision=f"{RTN} bevilja Örebro universitet 1\xa0500\xa0000 kronor i medfinansiering till projektet AI.ALL* under perioden 2023-01-01 – 2026-08-31, under förutsättning att projektet beviljas medel från Europeiska regionala utvecklingsfonden.",
        attachments=("Tjänsteskrivelse", "Projektansökan AI.ALL*"),
        presenter=BUSINESS,
    ),
    SeedItem(
        "11",
        "Verksamhetsstöd 2023 till Stiftelsen Activa",
        proposed_decision=f"{RTN} bevilja Stiftelsen Activa ett verksamhetsstöd på 8\xa0089\xa0000 kronor för 2023.",
        attachments=(
            "Tjänsteskrivelse",
            "Ansökan från Stiftelsen Activa",
            "Verksamhetsberättelse 2021",
        ),
        presenter=SKILLS,
    ),
    SeedItem(
        "12",
        "Innovationsstöd för skoglig bioekonomi genom AgroÖrebro",
        proposed_decision=f"{RTN} bevilja AgroÖrebro 450\xa0000 kronor för 2023 för att bygga upp stöd till innovation inom skoglig bioekonomi i länet.",
        attachments=("Tjänsteskrivelse", "Förstudie Smart skoglig bioekonomi"),
        presenter=STRATEGIST,
    ),
    SeedItem(
        "13",
        "Anmälningsärenden",
        proposed_decision=f"{RTN} lägga anmälningsärendena till handlingarna.",
        attachments=("Delegationsbeslut företagsstöd 2022-07-16 – 2022-09-21",),
        case_title="Anmälan av delegationsbeslut om företagsstöd 2022-07-16 – 2022-09-21",
        presenter=HEAD,
    ),
    SeedItem(
        "14",
        "Periodrapport",
        minutes_title="Periodrapport november 2022",
        proposed_decision=f"{RTN} godkänna periodrapporten för november 2022.",
        presenter=CONTROLLER,
        has_case=False,
    ),
    SeedItem(
        "15",
        "Effekt och energiförsörjning",
        minutes_title="Effekt- och energiförsörjning",
        proposed_decision=INFORMATION,
        presenter=STRATEGIST,
        has_case=False,
    ),
    SeedItem(
        "",
        "Regeringens forum för regional utveckling",
        decision=INFORMATION,
        added=True,
        has_case=False,
    ),
]

AGENDA_TEXT = {
    "2": """\
Projekt Industrihub drivs av Business Region Örebro. Projektet avslutas i mars 2023. Ett av projektets mål var att undersöka förutsättningarna för att starta och driva ett IUCbolag, industriellt utvecklingscenter i Örebro län.

I september 2022 bildades en förening som heter Industriföreningen-Industrihub och ett aktiebolag IUC-Industrihubb är på väg att startats. Planen är att föreningen ska vara 80 procent delägare till aktiebolaget och att ett 20 procent delägande även ska erbjudas det nybildade bolaget Region Örebro Innovation AB.

Föreningen har som mål att inom en femårsperiod nå upp till 100 medlemmar bestående av industribolag inom Örebro län.
""",
    "3": """\
Hopajola har utökade kostnader för verksamheten och för 2023 budgeteras en kostnad på 610\xa0000 kronor. Hopajola ansöker om ett utökat verksamhetsbidrag från Region Örebro län, för halva budgeten det vill säga 305\xa0000 kronor. Det är en ökning med 93\xa0000 kronor jämfört med 2022 års nivå.

Hopajola ansöker även om 340\xa0000 kronor till Naturäventyret för 20 skolklasser samt om 85\xa0000 kronor för 8 tillgängliganpassade guidningar.
""",
    "4": """\
Coompanion Örebro län ger kostnadsfri rådgivning inför start av kooperativa företag i Örebro län, arbetar med lokal och regional utveckling samt strategisk påverkan. Organisationen, som drivs i formen ekonomisk förening, ägs av medlemmar och är öppen för alla juridiska personer som kan antas vilja medverka till att uppfylla föreningens mål och syften. Coompanion Örebro län erhåller ca en miljon kronor årligen från Tillväxtverket och måste enligt regelverket medfinansieras med minst lika mycket från det egna länet.

Coompanion arbetar på bred front med regionala utvecklingsfrågor och denna ansökan kopplar både till vår regionala utvecklingsstrategi (RUS) samt Handlingsplan för Civilsamhälle och social ekonomi 2022-2025.

Föreningen ansöker om förhöjt verksamhetsbidrag på 300\xa0000 kronor per år till totalt 900\xa0000 kronor per år i tre år för att kunna fortsätta driva och utveckla verksamheten. En del insatser som tidigare varit finansierade uppdrag vid sidan av ordinarie verksamhet är de närmaste tre åren inkluderade i den ordinarie driften, till exempel driften av webbplattformen självklart.nu för länets sociala företag, genomförandet av minst två ”Samhällsamtal” samt tillsammans med Region Örebro län och Partnerskapet för sociala innovationer genomföra minst två ”Samordningsträffar för sociala företag och sociala entreprenörer ” per år.
""",
    "5": """\
Business Region Örebro (BRO) är Örebroregionens samarbetsorgan för tillväxt- och näringslivsfrågor. Region Örebro län och länets 12 kommuner har tecknat ett gemensamt samverkansavtal för BRO under perioden 2020-01-01 till och med 2023-12-31.Genom samverkan ska BRO lägga en grund för hållbar och klimatsmart tillväxt som gynnar alla medlemskommuner, samt skapa förutsättningar för ett starkt företagsklimat. Dessutom ska BRO samla och genomföra den investeringsfrämjande marknadsföringen av Örebroregionen och verka för att bibehålla och attrahera talanger till hela regionen.

Verksamhetsplanen har tagits fram av ledningsgrupp och styrgrupp för BRO. Planen tar avstamp i RUS och de ovan nämnda samverkansavtalen. Hänsyn har också tagits till förändringar i omvärlden.

Verksamheten 2023 fokuseras på områdena Investering & Etablering, Marknadsföring samt Näringslivsservice.
""",
    "6": """\
Region Örebro län har länge stöttat studenters entreprenörskap, och de senaste tre åren har Örebro universitetet byggt upp en studentnära och resurseffektiv organisation för ändamålet. Satsningen har skett i nära samverkan mellan Örebro universitet och dess holdingbolag, Region Örebro län och Örebro kommun, där alla parter skjutit till 150\xa0000 kronor per år.

Ett team studentkoordinatorer (3-4 stycken) jobbar nu i en co-workingmiljö på universitetets Innovationsarena tillsammans med innovationsrådgivare, studenter, forskare och tjänstepersoner för att skapa goda förutsättningar för entreprenörskap och innovation. Studentkoordinatorerna utvecklar kontakten mellan Örebro universitets studenter och det regionala innovationsstödsystemet. Den senaste treårsperioden (till stora delar präglade av pandemi) har antalet utvärderade idéer från studenter ökat (från 11 till 19), antalet case som gått vidare till verifiering ökat (från 4 till 8) och även de idéer som fått verifieringsmedel har ökat (från 1 till 7).

Genom arbetet med flera studentkoordinatorer med olika utbildningskopplingar finns nu ett särskilt stöd riktat till restauranghögskolan i Grythyttan och inom datateknik och specifikt AI Impact Lab. Under åren har samarbeten också skett med företag, offentlig sektor och andra entreprenörskapsstärkande aktörer som föreningen Venture Cup och nätverket FemTek (tjejer som läser data/IT och teknik). Samarbete med Coompanion har också skett i ett projekt där studenter och unga entreprenörer har kunnat erhålla ett mindre ekonomiskt stöd för att jobba med nya idéer för att bidra till att lösa samhällsutmaningar.

Nu ansöker Örebro universitet om en uppräkning av verksamhetsstöd på 50\xa0000 kronor per år till sammanlagt 200\xa0000 kronor per år för att kunna fortsätta utveckla arbetet att bygga upp en community för studenter som är intresserade av entreprenörskap och innovation. För att nå de uppsatta målen på både kort och lång sikt är det nödvändigt att på ett tydligare sätt finna synergier i både den reguljära verksamheten och den verksamhet som testas genom separata projekt. De erfarenheter som dras från det pågående projektet Entreprenörskapsfabriken, där studenter samverkar med forskare och involveras i arbetet med att utveckla företags- och forskaridéer, bedöms som särskilt intressant att följa. Ambitionen är också fler samarbeten med både företag och organisationer.
""",
    "7": """\
Då många företag i länet påverkats negativt av pandemin har Region Örebro (Regionen) under 2020, 2021 och 2022 satsat på förhöjda konsultinsatser i form av omställningscheckar för att hjälpa företag som vill satsa på att utveckla verksamheten. Beslut fattades av regional tillväxtnämnds ordförande den 24 april 2020. Stödet skulle gälla till och med den 31 december 2020. En förlängning av åtgärden gjordes den 10 december 2020 och även den 10 november 2021.

Coronakrisen har en fortsatt att påverkan på många företag och nu drabbas även företagen av ökade kostnader på grund av en orolig omvärld och en annalkande lågkonjunktur. Regionen har under 2020-2022 sett ett behov av omställningscheckar som komplement till övriga företagsstöd. Främst gäller det de mindre företagen med små marginaler som vill hitta nya affärsmöjligheter. Satsningarna som gjorts har främst varit digitalisering av verksamheter, men vi ser även ett behov av att rikta omställningscheckar till energieffektiviseringsåtgärder i form av energikartläggningar mm för att hjälpa företagen att stärka sin konkurrenskraft.

Omställningscheckarna ges i form av konsultinsatser med stöd upp till max 90 procent av kostnaden. Det innebär att Regionen frångår den satta procentsatsen, (max 50 procent av kostnaderna) i Regionens Inriktningsbeslut. Maxbeloppet för omställningscheckarna sänks till 100 000 kronor även här frångår Regionen Inriktningsbeslutet där maxbeloppet är 150 000 kronor. Detta är förenligt med Regionens förordning SFS 2015:210 §13 om statligt stöd för att främja små och medelstora företag.

Insatsen ska leda till att företag når en högre och mer konkurrenskraftig nivå. Stöden kommer att behovsprövas och följa Regionens förordning, inriktningsbeslut samt policys vad det gäller övriga villkor och prioriteringar. Stödet ska gälla fram till 31 december 2024.
""",
    "8": """\
Regional tillväxtnämnd beslutade 2021-02-17 att bevilja Region Örebro län 2 878 588 kr under projektperioden 2021-01-01 – 2023-12-31 för projektet Validering i regional kompetensförsörjning.

Tillväxtverket och Myndigheten för yrkeshögskolan har därefter, fått ett gemensamt uppdrag av regeringen. Myndigheterna ska tillsammans stödja regionernas arbete med att utveckla effektiva och hållbara strukturer för validering på regional nivå. Detta uppdrag realiserades som en utlysning från Tillväxtverket. Det är till denna utlysning som aktuell ansökan skickats in. Region Västmanland söker medel och övriga län i Östra Mellansverige är samverkansparter. I och med denna ansökan kommer tidigare arbete från Validering i regional kompetensförsörjning att avslutas i förtid per den sista december 2022, för att tas vidare i nya projektet.

Projektet är ett samverkansprojekt mellan Region Västmanland (projektägare) Region Sörmland, Region Uppsala, Region Örebro län och Region Östergötland och syftar till att gemensamt utveckla effektiva och hållbara regionala strukturer för validering som en del i det regionala kompetensförsörjningsarbetet inom de fem länen i Östra Mellansverige (ÖMS). Projektet kommer fokusera på att utveckla regional kapacitet kring validering. Detta genom kunskapsunderlag, metoder, stöd och samverkan med de aktörer som bedöms vara väsentliga för att utveckla och förstärka validering.
""",
    "9": """\
En förstudie gällande regional samverkan kring YH-utbildning har genomförts efter beslut av Regional tillväxtnämnd i juni 2021. Resultatet av denna utgör grund för projektets utformning. Förstudien syftade till att ta fram ett förslag på hur en regional yrkeshögskolesamverkan för Örebro län kan finansieras och organiseras. Detta för att genom regional samverkan i Örebro län utveckla och effektivisera arbetet med yrkeshögskoleutbildning. Projektet syftar till att etablera ett partnerskap för samverkan kring YH-utbildningar och skapa goda förutsättningar för en långsiktigt hållbar organisering och finansiering bortom projektperioden. Aktiviteter avser bland annat löpande omvärldsbevakning, dialog/förankring i länets övriga kommuner, nätverk för utbildningsanordnare, dialog med näringslivsrepresentanter, medverkan vid event och mässor, marknadsföring och utarbeta finansieringsmodell och partneravtal.
""",
    "10": """\
AI.ALL* (* - står för skärningspunkt, då projektet kommer verka i skärningen mellan Östra Mellansveriges – smart specialiseringsområden. Namnet ska bygga vidare på förra projektet men också kunna särskiljas från det förra) är ett samverkansprojekt mellan Örebro universitet och Örebro Holding AB. AI.ALL* ska vidareutveckla tidigare metodik genom att bygga nätverk och ekosystem med koppling till utmaningsområdena smart industri, morgondagens energilösningar, hållbar livsmedelsförsörjning, välfärd och e-hälsa samt hållbar utveckling. För att fortsatt utveckla casemetodiken kommer casen genomföras i skärningspunkten mellan de olika ÖMS-smart specialiseringsområden.

AI.ALL* ska visa på nyttan med AI, accelerera användandet och bidra till innovationskraften hos företagen för hållbar tillväxt och konkurrenskraft i vår region och ÖMS. AI.ALL* är ett verktyg för interaktion mellan samhället, forskningen, den tekniska utvecklingen och innovation.

AI.ALL* bygger vidare på lärdomar från två tidigare ERUF-projekt AI.MEE (2017-2020, beviljat 6 000 000 1:1 kr) samt AI.ALL (2021-2023, beviljat 3 747 690 kr 1:1). Projektledningen har varit involverad i samtliga projekt och är även kopplade till samverkansplattformen AI Impact lab. AI.MEE fokuserade på industrins behov för upptag av AI. I AI.ALL började projektet gå från enbart industrin till en större sektor. AI.ALL har gjort det möjligt att nå en bredare grupp. Framstegen i arbetet med målgrupperna har varit följande. Först arbetade AI:MEE med bilateralt samarbete mellan projektet och industrin, sedan utökades till att omfatta andra sektorer och slutligen har det utökats till att omfatta andra ERUF-initiativ och ÖMS-smartspecialiseringsområden.

Arbetet kommer att ske genom nätverk och case identifiering, case utveckling, innovation och affärsutveckling.
""",
    "11": """\
Stiftelsen Activa arbetar med frågor som är betydelsefulla för den regionala utvecklingen när det gäller personer med funktionsnedsättningar och deras tillgång till arbetsmarknaden. Inom Activa finns lång erfarenhet, engagemang och metoder för inkludering av personer med funktionsnedsättning och psykisk ohälsa på arbetsmarknaden. Activa nämns bland annat i handlingsplanen för kompetensförsörjning och spelar en viktig roll i att bryta hinder på arbetsmarknaden och underlättar för arbetsgivare.

Stiftelsen finns och verkar i Örebro län sedan 1989 och startades av Örebro läns landsting och Örebro kommun. Sedan dess har stiftelsen haft ett årligt regionalt stöd. Stiftelsen har en stabil verksamhet och avtal med kommuner.

Stiftelsen Activa ansöker om 8 089 000 kronor för år 2023. Detta är en uppräkning med tre procent av stödet för år 2022.
""",
    "12": """\
Utifrån att Strategin för Sveriges Nationella Skogsprogram antogs i maj 2018 har ett liknande arbete bedrivits med att ta fram ett regionalt skogsprogram. I det regionala Skogsprogrammet ansvarar Region Örebro län för fokusområde ”Innovationer och förädlad skogsråvara” i världsklass. Idag ligger ansvaret för detta arbete på området ”Energi och klimat”. En förstudie som området initierat, Smart skoglig bioekonomi, visar att innovationsutvecklingen kopplad till skoglig bioekonomi i länet är svag. Det finns ingen existerande struktur där aktörerna kan få stöd i innovationsarbetet. Studien konkluderar dock att AgroÖrebro (en nod till AgroÖst) kan vara en lämplig arena. Dels för att de redan är en etablerad arena för jordbruk och livsmedel, dels för att det finns tydliga kopplingar mellan jord- och skogsbruk varpå det anses lämpligt att ha samma utgångspunkt som kan underlätta samverkan.
""",
    "13": """\
Anmälningsärenden:

1. Beslut av områdeschef näringslivsutveckling enligt punkt 3.3 i nämndens delegationsordning – Företagsstöd för perioden 2022-07-16 – 2022-09-21 diarienummer NypsID: Regt-74-22 med flera
""",
}

# Only where the minutes' text differs from the agenda's.
MINUTES_TEXT = {
    "2": """\
Projekt Industrihub drivs av Business Region Örebro. Projektet avslutas i mars 2023. Ett av projektets mål var att undersöka förutsättningarna för att starta och driva ett IUCbolag, industriellt utvecklingscenter i Örebro län.

I september 2022 bildades en förening som heter Industriföreningen-Industrihub och ett aktiebolag IUC-Industrihubb är på väg att startas. Planen är att föreningen ska vara 80 procent delägare till aktiebolaget och att ett 20 procent delägande även ska erbjudas det nybildade bolaget Region Örebro Innovation AB.

Föreningen har som mål att inom en femårsperiod nå upp till 100 medlemmar bestående av industribolag inom Örebro län.
""",
    "4": """\
Coompanion Örebro län ger kostnadsfri rådgivning inför start av kooperativa företag i Örebro län, arbetar med lokal och regional utveckling\xa0samt strategisk påverkan. Organisationen, som drivs i formen ekonomisk förening, ägs av medlemmar och är öppen för alla juridiska personer som kan antas vilja medverka till att uppfylla föreningens mål och syften. Coompanion Örebro län erhåller cirka en miljon kronor årligen från Tillväxtverket och måste enligt regelverket medfinansieras med minst lika mycket från det egna länet.

Coompanion arbetar på bred front med regionala utvecklingsfrågor och denna ansökan kopplar både till vår regionala utvecklingsstrategi (RUS) samt Handlingsplan för Civilsamhälle och social ekonomi 2022-2025.

Föreningen ansöker om förhöjt verksamhetsbidrag på 300\xa0000 kronor per år till totalt 900\xa0000 kronor per år i tre år för att kunna fortsätta driva och utveckla verksamheten. En del insatser som tidigare varit finansierade uppdrag vid sidan av ordinarie verksamhet är de närmaste tre åren inkluderade i den ordinarie driften, till exempel driften av webbplattformen självklart.nu för länets sociala företag, genomförandet av minst två ”Samhällsamtal” samt tillsammans med Region Örebro län och Partnerskapet för sociala innovationer genomföra minst två ”Samordningsträffar för sociala företag och sociala entreprenörer ” per år.
""",
    "5": """\
Business Region Örebro (BRO) är Örebroregionens samarbetsorgan för tillväxt- och näringslivsfrågor. Region Örebro län och länets 12 kommuner har tecknat ett gemensamt samverkansavtal för BRO under perioden 2020-01-01 till och med 2023-12-31. Genom samverkan ska BRO lägga en grund för hållbar och klimatsmart tillväxt som gynnar alla medlemskommuner, samt skapa förutsättningar för ett starkt företagsklimat. Dessutom ska BRO samla och genomföra den investeringsfrämjande marknadsföringen av Örebroregionen och verka för att bibehålla och attrahera talanger till hela regionen.

Verksamhetsplanen har tagits fram av ledningsgrupp och styrgrupp för BRO. Planen tar avstamp i regional utvecklingsstrategi\xa0och de ovan nämnda samverkansavtalen. Hänsyn har också tagits till förändringar i omvärlden.

Verksamheten 2023 fokuseras på områdena Investering & Etablering, Marknadsföring samt Näringslivsservice.
""",
    "7": """\
Då många företag i länet påverkats negativt av pandemin har Region Örebro (Regionen) under 2020, 2021 och 2022 satsat på förhöjda konsultinsatser i form av omställningscheckar för att hjälpa företag som vill satsa på att utveckla verksamheten. Beslut fattades av regional tillväxtnämnds ordförande den 24 april 2020. Stödet skulle gälla till och med den 31 december 2020. En förlängning av åtgärden gjordes den 10 december 2020 och även den 10 november 2021.

Coronakrisen har en fortsatt påverkan på många företag och nu drabbas även företagen av ökade kostnader på grund av en orolig omvärld och en annalkande lågkonjunktur. Regionen har under 2020-2022 sett ett behov av omställningscheckar som komplement till övriga företagsstöd. Främst gäller det de mindre företagen med små marginaler som vill hitta nya affärsmöjligheter. Satsningarna som gjorts har främst varit digitalisering av verksamheter, men vi ser även ett behov av att rikta omställningscheckar till energieffektiviseringsåtgärder i form av energikartläggningar med mera för att hjälpa företagen att stärka sin konkurrenskraft.

Omställningscheckarna ges i form av konsultinsatser med stöd upp till max 90 procent av kostnaden. Det innebär att Regionen frångår den satta procentsatsen, (max 50 procent av kostnaderna) i Regionens inriktningsbeslut. Maxbeloppet för omställningscheckarna sänks till 100 000 kronor även här frångår Regionen inriktningsbeslutet där maxbeloppet är 150 000 kronor. Detta är förenligt med Regionens förordning SFS 2015:210 §13 om statligt stöd för att främja små och medelstora företag.

Insatsen ska leda till att företag når en högre och mer konkurrenskraftig nivå. Stöden kommer att behovsprövas och följa Regionens förordning, inriktningsbeslut samt policys vad det gäller övriga villkor och prioriteringar. Stödet ska gälla fram till 31 december 2024.
""",
    "9": """\
En förstudie gällande regional samverkan kring YH-utbildning har genomförts efter beslut av regional tillväxtnämnd i juni 2021. Resultatet av denna utgör grund för projektets utformning. Förstudien syftade till att ta fram ett förslag på hur en regional yrkeshögskolesamverkan för Örebro län kan finansieras och organiseras. Detta för att genom regional samverkan i Örebro län utveckla och effektivisera arbetet med yrkeshögskoleutbildning. Projektet syftar till att etablera ett partnerskap för samverkan kring YH-utbildningar och skapa goda förutsättningar för en långsiktigt hållbar organisering och finansiering bortom projektperioden. Aktiviteter avser bland annat löpande omvärldsbevakning, dialog/förankring i länets övriga kommuner, nätverk för utbildningsanordnare, dialog med näringslivsrepresentanter, medverkan vid event och mässor, marknadsföring och utarbeta finansieringsmodell och partneravtal.
""",
}
