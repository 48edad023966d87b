# ruff: noqa: E501 -- a data table, one row a line
"""Invented items for the demo committee's generated meetings (history.py).

All organisations, projects and amounts here are fictional.
"""

from dataclasses import dataclass

RTN = "Regional tillväxtnämnd beslutar att"
INFORMATION = f"{RTN} lägga informationen till handlingarna."


@dataclass(frozen=True)
class DemoItem:
    title: str
    summary: str = ""
    proposed_decision: str = ""
    decision: str = ""  # in the minutes; empty: the proposed decision
    attachments: tuple[str, ...] = ()
    has_case: bool = False
    state: str = "behandlat"  # an AgendaItem.State value
    is_public: bool = True
    presenter: str = ""
    case_title: str = ""  # empty: the item title


def kronor(amount):
    """305000 -> '305 000' with a no-break space, as the region writes amounts."""
    return f"{amount:,}".replace(",", "\xa0")


# (name, what its operating grant pays for, grant, project, project aim, project amount)
ORGANISATIONS = [
    ("Föreningen Bergslagens hantverkscentrum", "kurser och rådgivning för hantverksföretag i norra länet", 180_000, "Hantverk som näring", "hjälpa hantverkare att utveckla sina företag och nå nya kunder", 640_000),
    ("Stiftelsen Närkes besöksnäring", "samordning av besöksnäringens aktörer i Närke", 420_000, "Året runt i Närke", "förlänga besökssäsongen med nya erbjudanden för höst och vinter", 1_150_000),
    ("Kilsbergens naturskola ekonomisk förening", "utomhuspedagogik för skolklasser i länet", 150_000, "Naturskola för alla", "göra naturskolans aktiviteter tillgängliga för elever med funktionsnedsättning", 380_000),
    ("Nätverket Kvinnliga företagare i Örebro län", "mentorprogram för kvinnor som startar företag", 210_000, "Växa som företagare", "stödja kvinnor som driver företag att anställa och växa", 720_000),
    ("Föreningen Lekebergs bygdeutveckling", "lokal utveckling och service på landsbygden", 95_000, "Levande byar", "utveckla servicepunkter och mötesplatser i mindre orter", 310_000),
    ("Örebro läns exportnätverk", "stöd till små företag som vill nå nya marknader", 350_000, "Första exporten", "ge små företag stöd inför deras första exportaffär", 900_000),
    ("Ungdomsentreprenörerna i Mellansverige", "entreprenörskap i gymnasieskolan", 260_000, "Unga idéer", "låta gymnasieelever driva egna företag under ett läsår", 450_000),
    ("Föreningen Hjälmarens fiskevård", "hållbart fiske och fisketurism kring Hjälmaren", 120_000, "Fisketurism vid Hjälmaren", "utveckla hållbar fisketurism tillsammans med lokala företag", 540_000),
    ("Stiftelsen Bergslagens industriminnen", "bevarande och visning av länets industriarv", 300_000, "Industriarv i nytt ljus", "utveckla industriminnen till besöksmål med digitala guider", 860_000),
    ("Matnätverket Närke", "samverkan mellan livsmedelsproducenter och restauranger", 140_000, "Lokal mat i offentliga kök", "öka andelen lokalt producerade livsmedel i offentliga kök", 680_000),
    ("Föreningen Digitala byar Örebro län", "digital delaktighet på landsbygden", 110_000, "Digital vardag på landsbygden", "ge äldre på landsbygden stöd att använda digitala tjänster", 420_000),
    ("Klustret Energismart Mellansverige", "energieffektivisering i små och medelstora företag", 480_000, "Energismarta företag", "hjälpa små och medelstora företag att minska sin energianvändning", 1_400_000),
    ("Föreningen Cykelleder i Bergslagen", "utveckling av cykelturism i Bergslagen", 90_000, "Bergslagen på cykel", "skylta och marknadsföra sammanhängande cykelleder genom länet", 760_000),
    ("Kompetenscentrum Logistik Örebro", "kompetensförsörjning inom logistik och e-handel", 390_000, "Logistik för framtiden", "utbilda yrkesverksamma inom automatiserad lagerhantering", 1_050_000),
    ("Föreningen Sociala företag i Örebro län", "stöd till arbetsintegrerande sociala företag", 230_000, "Vägar till arbete", "skapa fler arbetstillfällen i arbetsintegrerande sociala företag", 590_000),
    ("Teknikcollege Örebro län", "samverkan mellan skola och industri kring teknikutbildningar", 275_000, "Teknikpraktik i länet", "ge fler unga praktik i länets industriföretag", 480_000),
]  # fmt: skip

CONSULTATIONS = [
    "Trafikverkets förslag till nationell plan för transportinfrastrukturen 2022–2033",
    "förslag till regional livsmedelsstrategi för Örebro län",
    "förslag till strategi för besöksnäringen i Östra Mellansverige",
    "förslag till landsbygdsprogram för Örebro län 2023–2027",
    "förslag till nationell strategi för kompetensförsörjning",
    "förslag till regional plan för transportinfrastruktur i Västmanlands län",
    "förslag till ändrade regler för regionalt företagsstöd",
    "förslag till klimat- och energistrategi för Örebro län",
    "förslag till handlingsplan för smart specialisering i Östra Mellansverige",
    "förslag till nationell strategi för hållbar regional utveckling",
]

INFORMATION_TOPICS = [
    "läget på arbetsmarknaden i Örebro län",
    "Tillväxtverkets regionala företagsstöd",
    "EU:s program för regional utveckling 2021–2027",
    "besöksnäringens återhämtning efter pandemin",
    "bredbandsutbyggnaden i länet",
]


def operating_grant(day, data):
    name, purpose, amount, *_ = data
    year = day.year if day.month < 7 else day.year + 1
    return DemoItem(
        f"Verksamhetsbidrag {year} till {name}",
        f"{name} ansöker om verksamhetsbidrag på {kronor(amount)} kronor för {year} för "
        f"{purpose}. Förvaltningen bedömer att verksamheten bidrar till målen i den regionala "
        "utvecklingsstrategin.",
        f"{RTN} bevilja {name} ett verksamhetsbidrag på {kronor(amount)} kronor för {year}.",
        attachments=("Tjänsteskrivelse",),
        has_case=True,
    )


def project(day, data):
    name, _purpose, _grant, title, aim, amount = data
    return DemoItem(
        f"Projektmedel till {title}",
        f"{name} ansöker om {kronor(amount)} kronor i regionala utvecklingsmedel för projektet "
        f"{title} under tre år. Projektet ska {aim}. Ansökan har beretts tillsammans med "
        "berörda kommuner.",
        f"{RTN} bevilja {name} {kronor(amount)} kronor för projektet {title}.",
        attachments=("Projektansökan",),
        has_case=True,
    )


def consultation(day, subject):
    return DemoItem(
        f"Yttrande över {subject}",
        f"Regional tillväxtnämnd har fått {subject} på remiss. Förvaltningen har tagit fram "
        "ett förslag till yttrande som utgår från den regionala utvecklingsstrategin och "
        "länets prioriteringar.",
        f"{RTN} anta förvaltningens förslag till yttrande som sitt eget.",
        attachments=("Förslag till yttrande",),
        has_case=True,
    )


def information(day, subject):
    return DemoItem(
        f"Information om {subject}",
        f"Förvaltningen informerar om {subject}.",
        INFORMATION,
    )


def period_report(month, year):
    return DemoItem(
        f"Periodrapport {month} {year}",
        "Periodrapporten redovisar nämndens ekonomiska utfall och prognosen för helåret.",
        f"{RTN} godkänna periodrapporten för {month} {year}.",
    )


NEWS = DemoItem(
    "Aktuellt från förvaltningen",
    "Regional utvecklingsdirektör informerar om aktuella frågor inom förvaltningen.",
    INFORMATION,
)


def reports(lines):
    """The Anmälningsärenden item: delegated decisions reported to the committee."""
    listed = "\n\n".join(f"{n}. {line}" for n, line in enumerate(lines, start=1))
    return DemoItem(
        "Anmälningsärenden",
        f"Anmälningsärenden:\n\n{listed}",
        f"{RTN} lägga anmälningsärendena till handlingarna.",
        attachments=("Förteckning över delegationsbeslut",),
        has_case=True,
        case_title="Anmälan av delegationsbeslut",
    )
