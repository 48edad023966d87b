"""Swedish municipal text for the search benchmark, from a seeded generator.

Nouns come with their four forms (a school class, the school class, school
classes, the school classes), so a search for one form must find the others
through the Swedish stemmer. They are drawn on a Zipf curve: the first are in
almost every text, the last in a few hundred. Place names, property
designations (Kvarnen 3:12), times (kl. 13:00) and genitives (EU:s) give rare
words, colons and phrases.
"""

import itertools
import random

# (indefinite singular, definite singular, indefinite plural, definite plural)
NOUNS = [
    ("förvaltning", "förvaltningen", "förvaltningar", "förvaltningarna"),
    ("kommun", "kommunen", "kommuner", "kommunerna"),
    ("beslut", "beslutet", "beslut", "besluten"),
    ("verksamhet", "verksamheten", "verksamheter", "verksamheterna"),
    ("budget", "budgeten", "budgetar", "budgetarna"),
    ("skola", "skolan", "skolor", "skolorna"),
    ("förskola", "förskolan", "förskolor", "förskolorna"),
    ("företag", "företaget", "företag", "företagen"),
    ("skolklass", "skolklassen", "skolklasser", "skolklasserna"),
    ("detaljplan", "detaljplanen", "detaljplaner", "detaljplanerna"),
    ("bygglov", "bygglovet", "bygglov", "byggloven"),
    ("avtal", "avtalet", "avtal", "avtalen"),
    ("motion", "motionen", "motioner", "motionerna"),
    ("upphandling", "upphandlingen", "upphandlingar", "upphandlingarna"),
    ("elev", "eleven", "elever", "eleverna"),
    ("lärare", "läraren", "lärare", "lärarna"),
    ("äldreboende", "äldreboendet", "äldreboenden", "äldreboendena"),
    ("cykelväg", "cykelvägen", "cykelvägar", "cykelvägarna"),
    ("bibliotek", "biblioteket", "bibliotek", "biblioteken"),
    ("idrottshall", "idrottshallen", "idrottshallar", "idrottshallarna"),
    ("medborgarförslag", "medborgarförslaget", "medborgarförslag", "medborgarförslagen"),
    ("avfallstaxa", "avfallstaxan", "avfallstaxor", "avfallstaxorna"),
    ("vattenledning", "vattenledningen", "vattenledningar", "vattenledningarna"),
    ("fritidsgård", "fritidsgården", "fritidsgårdar", "fritidsgårdarna"),
    ("markanvisning", "markanvisningen", "markanvisningar", "markanvisningarna"),
    ("simhall", "simhallen", "simhallar", "simhallarna"),
    ("gatubelysning", "gatubelysningen", "gatubelysningar", "gatubelysningarna"),
    ("hemtjänstgrupp", "hemtjänstgruppen", "hemtjänstgrupper", "hemtjänstgrupperna"),
    ("lekplats", "lekplatsen", "lekplatser", "lekplatserna"),
    ("parkeringsplats", "parkeringsplatsen", "parkeringsplatser", "parkeringsplatserna"),
    ("busshållplats", "busshållplatsen", "busshållplatser", "busshållplatserna"),
    ("reningsverk", "reningsverket", "reningsverk", "reningsverken"),
    ("tillstånd", "tillståndet", "tillstånd", "tillstånden"),
    (
        "serveringstillstånd",
        "serveringstillståndet",
        "serveringstillstånd",
        "serveringstillstånden",
    ),
    ("föreningsbidrag", "föreningsbidraget", "föreningsbidrag", "föreningsbidragen"),
    ("socialsekreterare", "socialsekreteraren", "socialsekreterare", "socialsekreterarna"),
    ("gruppbostad", "gruppbostaden", "gruppbostäder", "gruppbostäderna"),
    ("vårdnadshavare", "vårdnadshavaren", "vårdnadshavare", "vårdnadshavarna"),
    ("översiktsplan", "översiktsplanen", "översiktsplaner", "översiktsplanerna"),
    (
        "strandskyddsdispens",
        "strandskyddsdispensen",
        "strandskyddsdispenser",
        "strandskyddsdispenserna",
    ),
    ("vindkraftverk", "vindkraftverket", "vindkraftverk", "vindkraftverken"),
    ("laddstolpe", "laddstolpen", "laddstolpar", "laddstolparna"),
    ("solcellspark", "solcellsparken", "solcellsparker", "solcellsparkerna"),
    ("naturreservat", "naturreservatet", "naturreservat", "naturreservaten"),
    ("hundrastgård", "hundrastgården", "hundrastgårdar", "hundrastgårdarna"),
    ("skatepark", "skateparken", "skateparker", "skateparkerna"),
    ("kameraövervakning", "kameraövervakningen", "kameraövervakningar", "kameraövervakningarna"),
    ("fjärrvärmeledning", "fjärrvärmeledningen", "fjärrvärmeledningar", "fjärrvärmeledningarna"),
    ("konstgräsplan", "konstgräsplanen", "konstgräsplaner", "konstgräsplanerna"),
    ("badplats", "badplatsen", "badplatser", "badplatserna"),
    ("kulturskola", "kulturskolan", "kulturskolor", "kulturskolorna"),
    ("ishall", "ishallen", "ishallar", "ishallarna"),
    ("båthamn", "båthamnen", "båthamnar", "båthamnarna"),
    ("dagvattendamm", "dagvattendammen", "dagvattendammar", "dagvattendammarna"),
    ("trygghetsvandring", "trygghetsvandringen", "trygghetsvandringar", "trygghetsvandringarna"),
    ("ungdomsråd", "ungdomsrådet", "ungdomsråd", "ungdomsråden"),
    ("pendlarparkering", "pendlarparkeringen", "pendlarparkeringar", "pendlarparkeringarna"),
    (
        "återvinningscentral",
        "återvinningscentralen",
        "återvinningscentraler",
        "återvinningscentralerna",
    ),
    (
        "stadsbyggnadsprojekt",
        "stadsbyggnadsprojektet",
        "stadsbyggnadsprojekt",
        "stadsbyggnadsprojekten",
    ),
    ("friluftsbad", "friluftsbadet", "friluftsbad", "friluftsbaden"),
]
VERBS = [
    "Yttrande över",
    "Beslut om",
    "Revidering av",
    "Uppföljning av",
    "Ansökan om",
    "Information om",
    "Begäran om",
    "Svar på",
    "Utredning om",
    "Avgifter för",
]
ACTIONS = [
    "rustas upp under året",
    "byggs ut i två etapper",
    "läggs ned efter utredning",
    "får utökade öppettider",
    "flyttas till nya lokaler",
    "upphandlas på nytt",
    "överlämnas till en extern utförare",
    "prioriteras i nästa budget",
]
AUTHORITIES = [
    "EU:s",
    "Trafikverkets",
    "Länsstyrelsens",
    "Skolverkets",
    "Socialstyrelsens",
    "Boverkets",
    "Naturvårdsverkets",
    "Kommunfullmäktiges",
    "Revisorernas",
    "SKR:s",
]
DECISIONS = [
    "godkänna förvaltningens förslag",
    "lägga informationen till handlingarna",
    "anta yttrandet som sitt eget",
    "avslå ansökan",
    "återremittera ärendet till förvaltningen",
    "bifalla motionen",
    "anse medborgarförslaget besvarat",
    "uppdra åt förvaltningen att återkomma med en utredning",
]
PLACE_HEADS = ["Norr", "Sör", "Väster", "Öster", "Lill", "Stor", "Berg", "Sjö", "Ek", "Björk"]
PLACE_HEADS += ["Lund", "Hag", "Ås", "Dal", "Kvarn", "Mal", "Tall", "Gran", "Ängs", "Bäck"]
PLACE_TAILS = ["by", "vik", "åsen", "berga", "torp", "hult", "näs", "holm", "sund", "strand"]
PLACE_TAILS += ["dalen", "skogen", "ängen", "backen", "ryd", "bo", "hagen", "lid", "mora", "fors"]
PROPERTIES = ["Kvarnen", "Smedjan", "Linden", "Eken", "Ugglan", "Gjuteriet", "Sågen", "Tornet"]
STREETS = ["Storgatan", "Kyrkogatan", "Järnvägsgatan", "Skolvägen", "Strandvägen", "Åsvägen"]
FILLER = [
    "Ärendet har beretts i samråd med berörda verksamheter",
    "Förslaget bedöms rymmas inom befintlig budgetram för innevarande år",
    "En konsekvensanalys ur barnrättsperspektiv har genomförts",
    "Beslutet följs upp i samband med nästa delårsrapport till nämnden",
    "Frågan har tidigare behandlats av arbetsutskottet",
    "Synpunkter har lämnats av pensionärsrådet och rådet för funktionshinderfrågor",
]


class Words:
    """A seeded source of nouns, places and sentences."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        # Zipf weights: noun n is drawn about 1/n^1.2 as often as the first.
        weights = [1 / (n + 1) ** 1.2 for n in range(len(NOUNS))]
        self._weights = list(itertools.accumulate(weights))
        self.places = [head + tail for head in PLACE_HEADS for tail in PLACE_TAILS]

    def noun(self):
        return self.rng.choices(NOUNS, cum_weights=self._weights)[0]

    def form(self, which=None):
        forms = self.noun()
        return forms[self.rng.randrange(4) if which is None else which]

    def place(self):
        return self.rng.choice(self.places)

    def time(self):
        return f"kl. {self.rng.choice([8, 9, 10, 13, 14, 15, 18])}:{self.rng.choice(['00', '30'])}"

    def property(self):
        rng = self.rng
        return f"{rng.choice(PROPERTIES)} {rng.randint(1, 30)}:{rng.randint(1, 40)}"

    def title(self):
        noun = self.noun()
        return f"{self.rng.choice(VERBS)} {noun[self.rng.choice((0, 2))]} i {self.place()}"

    def sentence(self):
        rng, kind = self.rng, self.rng.randrange(9)
        if kind == 0:
            return (
                f"Förvaltningen föreslår att {self.form(1)} i {self.place()} {rng.choice(ACTIONS)}"
            )
        if kind == 1:
            return f"Enligt {rng.choice(AUTHORITIES)} riktlinjer ska {self.form(3)} ses över"
        if kind == 2:
            day = rng.randint(1, 28)
            return f"Samråd hålls den {day} maj {self.time()} i {self.place()}s bygdegård"
        if kind == 3:
            return (
                f"Kostnaden för {self.form(1)} beräknas till {rng.randint(2, 95)} miljoner kronor "
                f"och gäller fastigheten {self.property()}"
            )
        if kind == 4:
            first, second = self.form(2), self.form(2)
            street = f"{rng.choice(STREETS)} {rng.randint(1, 80)}"
            return f"Antalet {first} har ökat, liksom behovet av {second} vid {street}"
        if kind == 5:
            first, second = self.form(3).capitalize(), self.form(1)
            return f"{first} och {second} påverkas av {rng.choice(AUTHORITIES)} nya krav"
        if kind == 6:
            many = rng.randint(2, 40)
            about = self.form(0)
            return (
                f"Nämnden har tagit emot {many} synpunkter om {about} från boende i {self.place()}"
            )
        if kind == 7:
            return f"Dnr {rng.randint(2015, 2026)}/{rng.randint(1, 2000)} gäller {self.form(1)}"
        return rng.choice(FILLER)

    def text(self, low, high):
        return ". ".join(self.sentence() for _ in range(self.rng.randint(low, high))) + "."

    def decision(self):
        return f"Nämnden beslutar att {self.rng.choice(DECISIONS)}. {self.sentence()}."
