"""Location, Meeting and the AgendaItems it embeds (with their paragraphs,
attachments and notices).

A source only shows what is public, so an imported meeting is published as the
source shows it. Its minutes may be verified there: everything is written
inside `correcting(meeting)`, the one way past the minutes' lock.
"""

from django.db import IntegrityError
from django.db.models import F
from django.utils import timezone

from paragraf.api.importer import handling
from paragraf.api.importer.papers import file, files_of
from paragraf.api.importer.values import Malformed, Reader, choice
from paragraf.cases.models import Case
from paragraf.meetings.models import (
    AgendaItem,
    AgendaItemDocument,
    Location,
    Meeting,
    Paragraph,
    correcting,
)
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Committee
from paragraf.search.signals import note


def location(runner, reader):
    record = runner.index.find(reader.id, Location) or Location()
    record.street_address = reader.text("streetAddress", 200)
    record.postal_code = reader.text("postalCode", 20)
    record.locality = reader.text("locality", 100)
    record.room = reader.text("room", 100)
    record.description = (
        reader.text("description", 200)
        or ", ".join(p for p in (record.street_address, record.locality) if p)[:200]
        or record.room
    )
    if not record.description:
        raise Malformed("a location without description or address")
    reader.keep_created(record)
    record.deleted_at = None
    record.save()
    return record


def _committee(runner, reader):
    for url in reader.urls("organization"):
        committee = runner.ref(url, Committee, "Organization")
        if committee is not None:
            return committee
    raise Malformed("none of its organizations is known")


def _location(runner, reader):
    value = reader.get("location")
    if isinstance(value, dict):
        return runner.one("Location", value, want=True)
    if isinstance(value, str):
        return runner.ref(value, Location, "Location")
    return None


def _state(reader, verified):
    if reader.flag("cancelled", False):
        return Meeting.State.CANCELLED
    state = choice(Meeting.State, reader.get("meetingState"))
    if state is not None:
        return state
    if verified:
        return Meeting.State.MINUTES_VERIFIED
    start = reader.moment("start")
    if start and start < timezone.now():
        return Meeting.State.HELD
    return Meeting.State.NOTICE_PUBLISHED


def meeting(runner, reader):
    committee = _committee(runner, reader)
    place = _location(runner, reader)
    record = runner.index.find(reader.id, Meeting)
    fresh = record is None
    if fresh:
        # Written once, then its parts inside `correcting`, the lock's way past.
        record = Meeting()
        _describe(reader, record, committee, place)
        record.save()
    with correcting(record):
        if not fresh:
            _describe(reader, record, committee, place)
            record.save()
        _items(runner, reader, record, fresh)
        _notices(runner, reader, record, fresh)
    return record


def _describe(reader, record, committee, place):
    verified = reader.moment("paragraf:verified")
    record.committee = committee
    record.start = reader.moment("start", required=True)
    record.end = reader.moment("end")
    if record.end and record.end < record.start:
        reader.note("end", "is before start")
        record.end = None
    record.name = reader.text("name", 200)
    if record.name == committee.name:
        record.name = ""  # our meetings are named by their committee
    record.location = place
    record.state = _state(reader, verified)
    record.notice_published_at = reader.moment("paragraf:noticePublished")
    record.notice_posted_at = reader.moment("paragraf:noticePosted")
    record.minutes_verified_at = verified
    reader.keep_created(record)
    record.deleted_at = None


def _items(runner, reader, meeting, fresh):
    elements = reader.objects("agendaItem")
    existing = [] if fresh else list(AgendaItem.objects.filter(meeting=meeting))
    if existing:
        listed = {e.get("id") for e in elements if isinstance(e, dict)}
        sources = runner.index.sources_of(AgendaItem, [item.pk for item in existing])
        for item in existing:
            if sources.get(item.pk) not in listed:
                item.soft_delete()
    taken = Places(existing)
    minutes = NewMinutes(meeting, elements) if fresh else None
    for n, data in enumerate(elements, start=1):
        if isinstance(data, dict):
            runner.one(
                "AgendaItem", data, lambda r, i, n=n: agenda_item(r, i, meeting, n, taken, minutes)
            )
        else:
            runner.problem(reader.id, "an agenda item that is not an object")
    if minutes is not None:
        minutes.write()
        runner.open[-1]["cases"] = minutes.cases  # the cases it shows, for parents.touch


class NewMinutes:
    """A new meeting's paragraphs, written together once its items are; and
    the cases its items show."""

    def __init__(self, meeting, elements):
        self.meeting = meeting
        self.paragraphs = {}  # number: Paragraph
        self.cases = set()
        wanted = [e.get("paragraf:paragraphNumber") for e in elements if isinstance(e, dict)]
        wanted = [n for n in wanted if isinstance(n, int) and not isinstance(n, bool)]
        self.taken = set()
        if wanted:
            used = Paragraph.all_objects.filter(
                committee_id=meeting.committee_id, year=meeting.year, number__in=wanted
            )
            self.taken = set(used.values_list("number", flat=True))

    def check(self, reader):
        """The item's paragraph (number, title, sent to), read before anything is written."""
        number = reader.number("paragraf:paragraphNumber", low=1)
        if number is None:
            return None
        if number in self.taken or number in self.paragraphs:
            raise Malformed(f"§ {number} is taken by another item of the committee's year")
        return number, reader.text("paragraf:paragraphTitle", 300), reader.text("paragraf:sentTo")

    def add(self, item, paragraph):
        if paragraph is not None:
            number, title, sent_to = paragraph
            self.paragraphs[number] = Paragraph(
                agenda_item=item,
                committee_id=self.meeting.committee_id,
                year=self.meeting.year,
                number=number,
                title=title,
                decision=item.decision,
                sent_to=sent_to,
            )

    def write(self):
        Paragraph.all_objects.bulk_create(self.paragraphs.values())
        # bulk_create sends no signals: search is told as a save would tell it.
        note(items=[p.agenda_item_id for p in self.paragraphs.values()])


class Places(set):
    """The places given so far; `had_items`: the meeting had items before."""

    def __init__(self, existing):
        super().__init__()
        self.had_items = bool(existing)


def _case(runner, reader):
    url = reader.url("consultation")
    if url is None:
        return None
    entry = runner.index.get(url)
    if entry is None:
        consultation = runner.fetch(url)
        if not isinstance(consultation, dict):
            return None
        return runner.ref(Reader(consultation).url("paper"), Case, "Paper")
    return runner.index.instance(url, Case)


def agenda_item(runner, reader, meeting, n, taken, minutes=None):
    record = runner.index.find(reader.id, AgendaItem) or AgendaItem(meeting=meeting)
    if record.meeting_id != meeting.pk:
        raise Malformed("it belongs to another meeting")
    fresh = record.pk is None
    position = reader.number("order") or n
    while position in taken:
        position += 1
    taken.add(position)
    record.position = position
    if taken.had_items:
        # Places may be swapped: an item still in this place moves out of the way.
        AgendaItem.all_objects.filter(meeting=meeting, position=position).exclude(
            pk=record.pk
        ).update(position=F("id") + 10**6)
    record.number = reader.text("number", 20)
    record.title = reader.text("name", 300)
    record.is_public = reader.flag("public", True)
    record.summary = reader.text("paragraf:summary")
    record.proposed_decision = reader.text("paragraf:proposedDecision")
    record.decision = reader.text("resolutionText")
    record.outcome = choice(AgendaItem.Outcome, reader.get("result")) or ""
    state = choice(AgendaItem.State, reader.get("paragraf:state"))
    if state is None:
        number = reader.get("paragraf:paragraphNumber")
        state = AgendaItem.State.HANDLED if record.decision or number else record.state
    record.state = state or AgendaItem.State.ON_AGENDA
    case = _case(runner, reader)
    if case is not None:
        record.case = case
    reader.keep_created(record)
    record.deleted_at = None
    paragraph = minutes.check(reader) if minutes is not None else None
    record.save()
    documents = _attachments(runner, reader, record, fresh)
    if minutes is None:
        _paragraph(reader, record, fresh)
    handling.record(runner, reader, record, fresh)
    if minutes is not None:  # last: nothing after this can fail
        minutes.add(record, paragraph)
        minutes.cases.update(d.case_id for d in [record, *documents] if d.case_id)
    return record


def _paragraph(reader, item, fresh):
    number = reader.number("paragraf:paragraphNumber", low=1)
    paragraph = None if fresh else Paragraph.all_objects.filter(agenda_item=item).first()
    if paragraph is not None and paragraph.number != number:
        paragraph.delete()  # numbers never change here; the source renumbered
        paragraph = None
    if number is None:
        return
    title = reader.text("paragraf:paragraphTitle", 300)
    sent_to = reader.text("paragraf:sentTo")
    wanted = (title, item.decision, sent_to)
    kept = paragraph is not None and paragraph.deleted_at is None
    if kept and (paragraph.title, paragraph.decision, paragraph.sent_to) == wanted:
        return  # as it was: no new version of the minutes
    paragraph = paragraph or Paragraph(agenda_item=item, number=number)
    paragraph.title, paragraph.decision, paragraph.sent_to = title, item.decision, sent_to
    paragraph.deleted_at = None
    try:
        paragraph.save()
    except IntegrityError:
        # The item's savepoint is rolled back with it (the database's own check).
        raise Malformed(f"§ {number} is taken by another item of the committee's year") from None


def _attachments(runner, reader, item, fresh):
    documents = []
    for data in files_of(reader, "resolutionFile", "auxiliaryFile"):
        document = runner.one("File", data, file, want=True)
        if document is not None and document not in documents:
            documents.append(document)
    links = {} if fresh else {link.document_id: link for link in item.document_links.all()}
    for position, document in enumerate(documents):
        link = links.pop(document.pk, None)
        if link is None:
            AgendaItemDocument.objects.create(
                agenda_item=item, document=document, position=position
            )
        elif link.position != position:
            link.position = position
            link.save()
    for link in links.values():
        link.delete()
    return documents


def _notices(runner, reader, meeting, fresh):
    verified = meeting.minutes_verified_at
    new = {}
    for data in reader.objects("paragraf:notices"):
        if not isinstance(data, dict):
            continue
        notice = Reader({**data, "id": f"{reader.id}#notice"}, runner.notes)
        kind = choice(Notice.Kind, data.get("kind")) or Notice.Kind.MINUTES
        posted = notice.day("postedOn")
        appeal = notice.day("appealUntil")
        removed = notice.day("removedOn")
        if not (posted and appeal and removed):
            continue
        found = {"meeting": meeting, "kind": kind, "posted_on": posted}
        fields = {
            "committee": meeting.committee,
            "verified_on": timezone.localtime(verified).date() if verified else posted,
            "appeal_until": appeal,
            "removed_on": removed,
            "minutes_kept_at": meeting.committee.body.minutes_kept_at,
        }
        if fresh:  # nothing to find: written once below, the last of a kind and day
            new[(kind, posted)] = Notice(**found, **fields)
        else:
            Notice.all_objects.update_or_create(**found, defaults=fields)
    for notice in new.values():
        notice.save()
