"""Build the synthetic archive for the benchmark, fast, with bulk_create.

bulk_create bypasses save() and signals, so every derived field (meeting slug,
document size and digest, paragraph committee/year/number) is set here. Primary
keys are given explicitly so that rows can point at each other without reading
them back. Texts come from a seeded generator: every build is the same archive.
"""

import hashlib
import json
import random
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from paragraf.cases.models import Case, Document
from paragraf.meetings.models import (
    AgendaItem,
    AgendaItemDocument,
    Attendance,
    Location,
    Meeting,
    Paragraph,
    ParagraphCounter,
)
from paragraf.organisation.models import Body, Committee, Membership, Person, Term

FORMAT_VERSION = 3  # bump when the generated archive changes shape
MONTHS = [2, 3, 4, 5, 6, 8, 9, 10, 11, 12]  # no meetings in January or July
FORMAL_ITEMS = ["Mötets öppnande", "Val av justerare"]
ROLES = ["ordforande", "vice_ordforande_1", "vice_ordforande_2"] + ["ledamot"] * 8
SUBSTITUTES = 6
PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]
GIVEN = ["Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Nils"]
FAMILY = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Berg"]
SUBJECTS = [
    "kollektivtrafik",
    "vårdcentraler",
    "folktandvården",
    "kulturstöd",
    "regional utveckling",
    "bredbandsutbyggnad",
    "naturvård",
    "upphandling av sjukresor",
    "budget",
    "delårsrapport",
    "investeringar",
    "ungdomsmottagningar",
    "kompetensförsörjning",
    "besöksnäringen",
]
VERBS = ["Yttrande över", "Beslut om", "Revidering av", "Uppföljning av", "Ansökan om"]
DECISIONS = [
    "godkänna förvaltningens förslag",
    "lägga informationen till handlingarna",
    "anta yttrandet som sitt eget",
    "avslå ansökan",
    "återremittera ärendet till förvaltningen",
]
FILLER = [
    "Förvaltningen har berett ärendet i samråd med berörda verksamheter",
    "Förslaget bedöms rymmas inom befintlig budgetram för innevarande år",
    "Ärendet har stämts av med de fackliga organisationerna enligt gällande avtal",
    "En konsekvensanalys ur barnrättsperspektiv har genomförts och bifogas",
    "Beslutet följs upp i samband med nästa delårsrapport till nämnden",
    "Regionstyrelsen har tidigare gett förvaltningen i uppdrag att utreda frågan",
    "Kostnaden beräknas till cirka två miljoner kronor fördelat över tre år",
]


@dataclass(frozen=True)
class Scale:
    committees: int
    years: int
    meetings: int  # per committee and year
    items: int  # per meeting
    attachments: int  # per item

    @property
    def label(self):
        return "×".join(str(v) for v in asdict(self).values())


SCALES = {"full": Scale(10, 10, 10, 20, 3), "small": Scale(2, 2, 3, 20, 3)}


def marker_path(scale_name):
    return settings.BENCH_DIR / f"bench-{scale_name}.json"


def ensure_archive(scale_name, rebuild=False, log=print):
    """Reuse the archive when its marker matches the scale, else build it afresh.

    Returns the row counts. The marker is written last, so an interrupted
    build is never mistaken for a finished one.
    """
    scale = SCALES[scale_name]
    marker = marker_path(scale_name)
    wanted = {"format": FORMAT_VERSION, "scale": asdict(scale)}
    if not rebuild and marker.exists():
        stored = json.loads(marker.read_text())
        if {k: stored.get(k) for k in wanted} == wanted:
            call_command("migrate", verbosity=0, interactive=False)
            log(f"Reusing the {scale_name} archive ({scale.label}); --rebuild to build it anew.")
            return stored["counts"]
    assert scale.meetings <= len(MONTHS), "one meeting a month keeps the slugs distinct"
    marker.unlink(missing_ok=True)
    connection.close()
    db_file = settings.DATABASES["default"]["NAME"]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    settings.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    log(f"Building the {scale_name} archive ({scale.label}) in {db_file} …")
    call_command("migrate", verbosity=0, interactive=False)
    started = timezone.now()
    with transaction.atomic():
        counts = Builder(scale).build()
    seconds = (timezone.now() - started).total_seconds()
    log(f"Built in {seconds:.0f} s: {counts}")
    marker.write_text(json.dumps({**wanted, "counts": counts}, indent=2))
    return counts


def attachment_file():
    """One small stored PDF that every document of the archive points at."""
    content = b"%PDF-1.4\n% Paragraf bench attachment\n" + b"0" * 20_000 + b"\n%%EOF\n"
    path = settings.MEDIA_ROOT / "documents" / "bench-attachment.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return "documents/bench-attachment.pdf", len(content), hashlib.sha512(content).hexdigest()


class Builder:
    def __init__(self, scale):
        self.scale = scale
        self.rng = random.Random(20221214)
        self.now = timezone.now()
        self.rows = {}  # model -> list of unsaved instances

    def add(self, obj):
        self.rows.setdefault(type(obj), []).append(obj)
        return obj

    def text(self, sentences):
        return ". ".join(self.rng.choice(FILLER) for _ in range(sentences)) + "."

    def proposal(self):
        return f"Nämnden föreslås besluta att {self.rng.choice(DECISIONS)}."

    def build(self):
        body = Body.objects.create(
            name="Region Exempelland",
            short_name="RE",
            kind=Body.Kind.REGION,
            case_number_prefix="RS",
            case_number_format="{prefix} {year}/{seq}",
            minutes_kept_at="Regionens kansli",
        )
        Term.objects.create(
            body=body, name="2023–2026", start_date="2023-01-01", end_date="2026-12-31"
        )
        locations = Location.objects.bulk_create(
            [Location(description=f"Regionens hus, sal {n}", locality="Exempelstad") for n in "ABC"]
        )
        self.file = attachment_file()
        self.case_seq = {}
        self.ids = {model: 0 for model in (Case, Document, AgendaItem, AgendaItemDocument)}
        first_year = timezone.localdate().year - self.scale.years + 1
        for c in range(self.scale.committees):
            committee = Committee.objects.create(
                body=body,
                name=f"Nämnd {c + 1} för {SUBJECTS[c % len(SUBJECTS)]}",
                short_name=f"N{c + 1}",
                slug=f"namnd-{c + 1}",
                description=self.text(3),
            )
            people = self.add_members(committee)
            for year in range(first_year, first_year + self.scale.years):
                self.add_year(body, committee, year, locations, people)
        for model, objs in self.rows.items():
            model.objects.bulk_create(objs, batch_size=500)
        return {
            model._meta.model_name: model.objects.count()
            for model in (Committee, Meeting, AgendaItem, Document, AgendaItemDocument, Paragraph)
        }

    def add_members(self, committee):
        people = []
        for n, role in enumerate(ROLES + ["ersattare"] * SUBSTITUTES):
            person = Person.objects.create(
                given_name=self.rng.choice(GIVEN),
                family_name=self.rng.choice(FAMILY),
            )
            self.add(
                Membership(
                    person=person,
                    committee=committee,
                    role=role,
                    party=PARTIES[n % len(PARTIES)],
                    start_date="2023-01-01",
                )
            )
            people.append(person)
        return people

    def add_year(self, body, committee, year, locations, people):
        """The committee's meetings of one year, with § numbers running on through the year."""
        number = 0
        for m in range(self.scale.meetings):
            day = 3 + (committee.pk * 3 + m) % 24
            start = timezone.make_aware(datetime(year, MONTHS[m], day, 9))
            held = start < self.now
            meeting = Meeting.objects.create(
                committee=committee,
                slug=f"mote-{start.date().isoformat()}",
                start=start,
                end=start + timedelta(hours=3),
                location=locations[m % len(locations)],
                state=Meeting.State.NOTICE_POSTED if held else Meeting.State.NOTICE_PUBLISHED,
                notice_published_at=start - timedelta(days=7),
                minutes_verified_at=start + timedelta(days=7) if held else None,
                notice_posted_at=start + timedelta(days=8) if held else None,
            )
            if held:
                for person in people[: len(ROLES)]:
                    self.add(Attendance(meeting=meeting, person=person, present=True))
            for position in range(1, self.scale.items + 1):
                item = self.add_item(body, meeting, position, year, held)
                if held and item.state != AgendaItem.State.WITHDRAWN:
                    number += 1
                    self.add_paragraph(item, committee, year, number)
        if number:
            self.add(ParagraphCounter(committee=committee, year=year, last_number=number))

    def add_paragraph(self, item, committee, year, number):
        decision = f"Nämnden beslutar att {self.rng.choice(DECISIONS)}. {self.text(1)}"
        self.add(
            Paragraph(
                agenda_item=item, committee=committee, year=year, number=number, decision=decision
            )
        )

    def add_item(self, body, meeting, position, year, held):
        public = position % 10 != 7  # some items concern individuals
        case = None
        if position <= len(FORMAL_ITEMS):
            title = FORMAL_ITEMS[position - 1]
        else:
            subject = self.rng.choice(SUBJECTS)
            title = f"{self.rng.choice(VERBS)} {subject} {year}"
            seq = self.case_seq[year] = self.case_seq.get(year, 0) + 1
            self.ids[Case] += 1
            case = self.add(
                Case(
                    id=self.ids[Case],
                    body=body,
                    reference=body.format_case_number(year, seq),
                    title=title,
                    status=Case.Status.DECIDED if held else Case.Status.OPEN,
                    is_public=public,
                )
            )
        state = AgendaItem.State.HANDLED if held else AgendaItem.State.ON_AGENDA
        if held and position == self.scale.items and meeting.pk % 4 == 0:
            state = AgendaItem.State.WITHDRAWN
        self.ids[AgendaItem] += 1
        item = self.add(
            AgendaItem(
                id=self.ids[AgendaItem],
                meeting=meeting,
                position=position,
                number=str(position),
                title=title,
                case=case,
                presenter="Förvaltningschef",
                summary=self.text(4) if case else "",
                proposed_decision=self.proposal() if case else "",
                is_public=public,
                state=state,
            )
        )
        self.add_attachments(item, title, case, public)
        return item

    def add_attachments(self, item, title, case, public):
        name, size, digest = self.file
        stem = case.reference if case else f"{item.meeting.slug} {item.position}"
        stem = stem.replace(" ", "-").replace("/", "-")
        for n in range(self.scale.attachments):
            self.ids[Document] += 1
            document = self.add(
                Document(
                    id=self.ids[Document],
                    title="Tjänsteskrivelse" if n == 0 else f"Bilaga {n}: {title}",
                    file=name,
                    filename=f"{stem}-{n + 1}.pdf",
                    media_type="application/pdf",
                    size=size,
                    sha512=digest,
                    case=case,
                    is_public=public,
                )
            )
            self.ids[AgendaItemDocument] += 1
            self.add(
                AgendaItemDocument(
                    id=self.ids[AgendaItemDocument], agenda_item=item, document=document, position=n
                )
            )
