"""The search benchmark's archive: many public items and paragraphs, quickly.

Every meeting is held, its minutes verified and posted, every item public and
handled, so each item and its paragraph land in the public index. Rows are
written with bulk_create (no save(), no signals), so derived fields (meeting
slug, paragraph committee/year/number) are set here, and primary keys are
given so paragraphs can point at their items without reading them back.
One transaction per committee keeps memory flat; the marker is written last,
so an interrupted build is never mistaken for a finished one.
"""

import json
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from bench.search_words import Words
from paragraf.meetings.models import AgendaItem, Location, Meeting, Paragraph, ParagraphCounter
from paragraf.organisation.models import Body, Committee, Term

FORMAT_VERSION = 1  # bump when the generated archive changes shape
MONTHS = [2, 3, 4, 5, 6, 8, 9, 10, 11, 12]  # no meetings in January or July
COMMITTEES = [
    "Barn- och utbildningsnämnden",
    "Socialnämnden",
    "Miljö- och byggnadsnämnden",
    "Tekniska nämnden",
    "Kultur- och fritidsnämnden",
    "Kommunstyrelsen",
    "Vård- och omsorgsnämnden",
    "Samhällsbyggnadsnämnden",
]


@dataclass(frozen=True)
class Scale:
    committees: int
    years: int
    meetings: int  # per committee and year
    items: int  # per meeting, each with its paragraph

    @property
    def documents(self):
        return 2 * self.committees * self.years * self.meetings * self.items


SCALES = {
    "full": Scale(25, 10, 10, 200),  # 500,000 items + 500,000 paragraphs
    "medium": Scale(5, 10, 10, 100),  # 50,000 + 50,000
    "small": Scale(2, 2, 3, 50),  # 600 + 600
}


def marker_path():
    return settings.BENCH_SEARCH_DIR / "archive.json"


def ensure_archive(scale_name, rebuild=False, log=print):
    """Reuse the archive when its marker matches and the rows are there; else build it."""
    scale = SCALES[scale_name]
    marker = marker_path()
    wanted = {"format": FORMAT_VERSION, "scale": asdict(scale)}
    call_command("migrate", verbosity=0, interactive=False)
    if not rebuild and marker.exists():
        stored = json.loads(marker.read_text())
        if {k: stored.get(k) for k in wanted} == wanted and _counts() == stored["counts"]:
            log(f"Reusing the {scale_name} archive; --rebuild-archive to build it anew.")
            _analyze()
            return stored
    marker.unlink(missing_ok=True)
    marker.parent.mkdir(parents=True, exist_ok=True)
    _empty_database()
    log(f"Building the {scale_name} archive ({scale.documents:,} items and paragraphs) …")
    started = time.perf_counter()
    Builder(scale, log).build()
    _analyze()
    seconds = round(time.perf_counter() - started, 1)
    stored = {**wanted, "counts": _counts(), "build_seconds": seconds}
    log(f"Built in {seconds:.0f} s: {stored['counts']}")
    marker.write_text(json.dumps(stored, indent=2))
    return stored


def _counts():
    return {
        "committees": Committee.objects.count(),
        "meetings": Meeting.objects.count(),
        "agenda_items": AgendaItem.objects.count(),
        "paragraphs": Paragraph.objects.count(),
    }


def _analyze():
    """Planner statistics, as autovacuum would gather them in production.

    Without them (bulk-loaded tables on a server with autovacuum off) PostgreSQL
    plans the index's joins for one row and reads the million rows for many minutes.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _empty_database():
    if connection.vendor == "sqlite":
        connection.close()
        db_file = settings.DATABASES["default"]["NAME"]
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        call_command("migrate", verbosity=0, interactive=False)
    else:
        call_command("flush", verbosity=0, interactive=False)


class Builder:
    def __init__(self, scale, log):
        self.scale = scale
        self.log = log
        self.words = Words(20240513)
        self.batch = 2000 if connection.vendor == "postgresql" else None

    def build(self):
        with transaction.atomic():
            body = Body.objects.create(
                name="Exempelby kommun",
                short_name="EK",
                kind=Body.Kind.MUNICIPALITY,
                case_number_prefix="KS",
                case_number_format="{prefix} {year}/{seq}",
                minutes_kept_at="Kommunhuset",
            )
            Term.objects.create(
                body=body, name="2023–2026", start_date="2023-01-01", end_date="2026-12-31"
            )
            location = Location.objects.create(
                description="Kommunhuset, sal A", locality="Exempelby"
            )
        started = time.perf_counter()
        ids = {"meeting": 0, "item": 0}
        last_year = timezone.localdate().year - 1
        years = range(last_year - self.scale.years + 1, last_year + 1)
        for c in range(self.scale.committees):
            with transaction.atomic():
                name = COMMITTEES[c % len(COMMITTEES)]
                if c >= len(COMMITTEES):
                    name = f"{name} {c // len(COMMITTEES) + 1}"
                committee = Committee.objects.create(
                    body=body, name=name, short_name=f"N{c + 1}", slug=f"namnd-{c + 1}"
                )
                for year in years:
                    self.add_year(committee, year, location, ids)
            done = (c + 1) / self.scale.committees
            self.log(
                f"  {c + 1}/{self.scale.committees} committees, "
                f"{time.perf_counter() - started:.0f} s, {done:.0%}"
            )

    def add_year(self, committee, year, location, ids):
        """One committee's meetings of a year, § numbers running on through the year."""
        meetings, items, paragraphs = [], [], []
        number = 0
        for m in range(self.scale.meetings):
            day = 3 + (committee.pk * 3 + m) % 24
            start = timezone.make_aware(datetime(year, MONTHS[m], day, 13))
            ids["meeting"] += 1
            meeting = Meeting(
                id=ids["meeting"],
                committee=committee,
                slug=f"mote-{start.date().isoformat()}",
                start=start,
                end=start + timedelta(hours=3),
                location=location,
                state=Meeting.State.NOTICE_POSTED,
                notice_published_at=start - timedelta(days=7),
                minutes_verified_at=start + timedelta(days=7),
                notice_posted_at=start + timedelta(days=8),
            )
            meetings.append(meeting)
            for position in range(1, self.scale.items + 1):
                ids["item"] += 1
                number += 1
                items.append(self.item(ids["item"], meeting, position))
                paragraphs.append(self.paragraph(items[-1], committee, year, number))
        Meeting.objects.bulk_create(meetings, batch_size=self.batch)
        AgendaItem.objects.bulk_create(items, batch_size=self.batch)
        Paragraph.objects.bulk_create(paragraphs, batch_size=self.batch)
        ParagraphCounter.objects.create(committee=committee, year=year, last_number=number)

    def item(self, pk, meeting, position):
        words = self.words
        return AgendaItem(
            id=pk,
            meeting=meeting,
            position=position,
            number=str(position),
            title=words.title(),
            presenter="Förvaltningschef",
            summary=words.text(2, 5),
            proposed_decision=f"Nämnden föreslås besluta att {words.rng.choice(DECISION_VERBS)}.",
            is_public=True,
            state=AgendaItem.State.HANDLED,
        )

    def paragraph(self, item, committee, year, number):
        words = self.words
        return Paragraph(
            agenda_item=item,
            committee=committee,
            year=year,
            number=number,
            summary=words.text(1, 3),
            decision=words.decision(),
        )


DECISION_VERBS = [
    "godkänna förvaltningens förslag",
    "lägga informationen till handlingarna",
    "anta yttrandet som sitt eget",
    "avslå ansökan",
]
