"""The hand-written items of the demo committee's generated meetings.

Keys are indexes into history.MEETINGS_2022. All content is invented.
"""

from paragraf.demo.topics import INFORMATION, RTN, DemoItem


def _report(title, period, decision):
    return DemoItem(
        title,
        f"Rapporten redovisar nämndens verksamhet och ekonomi {period} med en prognos för "
        "helåret. Nämnden bedöms hålla budget.",
        f"{RTN} {decision}",
        attachments=(title,),
        has_case=True,
    )


def _control_plan(year):
    return DemoItem(
        f"Internkontrollplan {year}",
        "Nämnden ska varje år anta en plan för intern kontroll. Planen bygger på en risk- "
        "och väsentlighetsanalys och anger vilka rutiner som ska granskas under året.",
        f"{RTN} anta internkontrollplan {year}.",
        attachments=(f"Internkontrollplan {year}",),
        has_case=True,
    )


SPECIAL_2022 = {
    0: [_control_plan(2022)],
    1: [
        _report(
            "Årsredovisning 2021 för regional tillväxtnämnd",
            "under 2021",
            "godkänna årsredovisningen för 2021 och överlämna den till regionstyrelsen.",
        )
    ],
    2: [
        DemoItem(
            "Uppföljning av den regionala utvecklingsstrategin 2021",
            "Förvaltningen har följt upp arbetet med den regionala utvecklingsstrategin under "
            "2021. Uppföljningen visar framsteg inom kompetensförsörjning och innovation, "
            "medan arbetet med hållbara transporter behöver förstärkas.",
            f"{RTN} godkänna uppföljningen och överlämna den till regionstyrelsen.",
            attachments=("Tjänsteskrivelse", "Uppföljningsrapport 2021"),
            has_case=True,
        )
    ],
    3: [
        _report(
            "Delårsrapport per april 2022",
            "till och med april 2022",
            "godkänna delårsrapporten per april 2022.",
        ),
        DemoItem(
            "Regionalt serviceprogram 2022–2025",
            "Det regionala serviceprogrammet anger hur tillgången till kommersiell service på "
            "landsbygden i Örebro län ska stärkas, bland annat genom stöd till dagligvarubutiker "
            "och servicepunkter.",
            f"{RTN} anta regionalt serviceprogram för Örebro län 2022–2025.",
            attachments=("Tjänsteskrivelse", "Regionalt serviceprogram 2022–2025"),
            has_case=True,
        ),
    ],
    # Authority over an individual (KL 6:25): the item is not public.
    4: [
        DemoItem(
            "Återkrav av företagsstöd",
            "Ärendet gäller återkrav av ett beviljat företagsstöd från en enskild "
            "näringsidkare som inte har uppfyllt villkoren i beslutet.",
            f"{RTN} återkräva det utbetalda stödet.",
            attachments=("Tjänsteskrivelse",),
            has_case=True,
            is_public=False,
        )
    ],
    5: [
        _report(
            "Delårsrapport per augusti 2022",
            "till och med augusti 2022",
            "godkänna delårsrapporten per augusti 2022.",
        )
    ],
    6: [
        DemoItem(
            "Verksamhetsplan och budget 2023 för regional tillväxtnämnd",
            "Förslaget utgår från regionplanen och nämndens uppdrag. Prioriterade områden 2023 "
            "är kompetensförsörjning, innovation och omställning till ett hållbart näringsliv.",
            f"{RTN} anta verksamhetsplan och budget för 2023.",
            attachments=("Tjänsteskrivelse", "Verksamhetsplan och budget 2023"),
            has_case=True,
        ),
        DemoItem(
            "Sammanträdesplan 2023",
            "Förslaget innehåller nämndens sammanträdesdagar under 2023.",
            f"{RTN} fastställa sammanträdesplanen för 2023.",
            attachments=("Sammanträdesplan 2023",),
            has_case=True,
        ),
    ],
    7: [
        _control_plan(2023),
        DemoItem(
            "Uppföljning av internkontrollplan 2022",
            "Granskningen av årets kontrollmoment visar att rutinerna för beslut om "
            "företagsstöd fungerar. Dokumentationen av uppföljningen av projekt behöver "
            "förbättras.",
            f"{RTN} godkänna uppföljningen av internkontrollplanen för 2022.",
            attachments=("Tjänsteskrivelse",),
            has_case=True,
        ),
    ],
}

# Withdrawn before it was handled (utgår): it keeps its agenda number, gets no §.
WITHDRAWN_2022 = {
    2: DemoItem(
        "Projektmedel till Smarta godsflöden i Hallsberg",
        "Logistikföreningen Mellersta Sverige ansöker om regionala utvecklingsmedel för en "
        "förstudie om samordnade godsflöden kring kombiterminalen i Hallsberg.",
        f"{RTN} bevilja Logistikföreningen Mellersta Sverige 350\xa0000 kronor för förstudien.",
        attachments=("Tjänsteskrivelse", "Projektansökan"),
        has_case=True,
        state="utgar",
    )
}

# Added at the meeting (tillkommet): no agenda number, but a §.
ADDED_2022 = {
    5: DemoItem(
        "Information om elförsörjning och effektbrist",
        "Ordföranden tog upp frågan om länets elförsörjning inför vintern. Förvaltningen "
        "informerade om läget och om företagens möjligheter till stöd för energikartläggning.",
        decision=INFORMATION,
        state="tillkommet",
    )
}


def _business_support(start, end):
    return (
        "Beslut av områdeschef näringslivsutveckling enligt punkt 3.3 i nämndens "
        f"delegationsordning – Företagsstöd för perioden {start} – {end}"
    )


def _minor_consultations(start, end):
    return (
        "Beslut av regional utvecklingsdirektör enligt punkt 2.4 i nämndens "
        "delegationsordning – Yttranden i remissärenden av mindre vikt för perioden "
        f"{start} – {end}"
    )


DELEGATED_2022 = [
    [_business_support("2021-12-01", "2022-01-20")],
    [_business_support("2022-01-21", "2022-03-02")],
    [
        _business_support("2022-03-03", "2022-04-06"),
        _minor_consultations("2022-01-01", "2022-03-31"),
    ],
    [_business_support("2022-04-07", "2022-05-18")],
    [
        _business_support("2022-05-19", "2022-06-30"),
        _minor_consultations("2022-04-01", "2022-06-30"),
    ],
    [_business_support("2022-07-01", "2022-07-15")],
    [_minor_consultations("2022-07-01", "2022-09-30")],
    [_minor_consultations("2022-10-01", "2022-10-31")],
]

ITEMS_2023 = [
    DemoItem(
        "Delegationsordning för regional tillväxtnämnd 2023–2026",
        "Inför den nya mandatperioden ska nämnden besluta vilka ärenden som delegeras till "
        "ordföranden och till tjänstepersoner. Förslaget motsvarar i huvudsak den tidigare "
        "delegationsordningen.",
        f"{RTN} anta delegationsordningen för 2023–2026.",
        attachments=("Tjänsteskrivelse", "Delegationsordning 2023–2026"),
        has_case=True,
    ),
    DemoItem(
        "Attestordning 2023",
        "Attestordningen anger vem som får godkänna nämndens utgifter.",
        f"{RTN} fastställa attestordningen för 2023.",
        attachments=("Attestordning 2023",),
        has_case=True,
    ),
    DemoItem(
        "Projektmedel till Klimatsmarta transporter i Bergslagen",
        "Föreningen Bergslagens kollektivtrafikråd ansöker om 820\xa0000 kronor i regionala "
        "utvecklingsmedel för att pröva anropsstyrd trafik med elfordon i glesbygd.",
        f"{RTN} bevilja Föreningen Bergslagens kollektivtrafikråd 820\xa0000 kronor för "
        "projektet Klimatsmarta transporter i Bergslagen.",
        attachments=("Tjänsteskrivelse", "Projektansökan"),
        has_case=True,
    ),
    DemoItem(
        "Information om nämndens uppdrag och ansvar",
        "Regional utvecklingsdirektör presenterar nämndens uppdrag, ekonomi och pågående "
        "satsningar för de ledamöter och ersättare som är nya under mandatperioden.",
        INFORMATION,
    ),
]


MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
MONTHS = MONTHS.split()


def upcoming_items(day):
    """The agenda of the meeting to come; nothing on it is handled yet."""
    # The period report covers the month before the meeting.
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    month = MONTHS[month - 1]
    return [
        DemoItem(
            "Projektmedel till Besöksnäringens kompetenslyft i Bergslagen",
            "Stiftelsen Närkes besöksnäring ansöker om 960\xa0000 kronor i regionala "
            "utvecklingsmedel för att utbilda anställda i besöksnäringen i Bergslagen inom "
            "värdskap, digital marknadsföring och hållbar turism.",
            f"{RTN} bevilja Stiftelsen Närkes besöksnäring 960\xa0000 kronor för projektet.",
            attachments=("Tjänsteskrivelse", "Projektansökan", "Budget"),
            has_case=True,
            state="pa_listan",
        ),
        DemoItem(
            "Yttrande över förslag till regional transportplan för Örebro län",
            "Förvaltningen har tagit fram ett förslag till yttrande som lyfter behovet av "
            "godsstråk, pendling och laddinfrastruktur för näringslivets utveckling.",
            f"{RTN} anta förvaltningens förslag till yttrande som sitt eget.",
            attachments=("Förslag till yttrande",),
            has_case=True,
            state="pa_listan",
        ),
        DemoItem(
            f"Periodrapport {month} {year}",
            "Periodrapporten redovisar nämndens ekonomiska utfall och prognosen för helåret.",
            f"{RTN} godkänna periodrapporten för {month} {year}.",
            state="pa_listan",
        ),
        DemoItem(
            "Information om läget i länets näringsliv",
            "Förvaltningen informerar om konjunkturen och om varsel i länet.",
            INFORMATION,
            state="pa_listan",
        ),
    ]
