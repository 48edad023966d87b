"""What goes into the two search indexes, read from the database in bulk.

The public index gets what the portal shows everyone, on the portal's own rules
(`AgendaItem.objects.public()`, verified minutes, `Document.objects.public()`).
The members' index gets what only a committee's members may read there: the
non-public items of published meetings, their paragraphs once the minutes are
verified, and the files of published meetings that the public may not download.

Every entry has a scope, `meeting:<pk>` or `document:<pk>`: an update deletes a
scope's entries and adds the current ones. Rows are read as tuples in chunks,
and addresses are made by formatting one reversed pattern, so a million rows
cost a million tuples and no more queries.
"""

import datetime
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from paragraf.cases.models import Document
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting, Paragraph
from paragraf.portal.rows import MEMBERS_DOCUMENT_URL

CHUNK = 5000
DOCUMENT_CHUNK = 200  # extracted texts can be long


class Kind:
    ITEM = "arende"
    DECISION = "beslut"
    ATTACHMENT = "bilaga"
    ALL = (ITEM, DECISION, ATTACHMENT)


@dataclass
class Entry:
    scope: str
    key: str
    kind: str
    committee: str
    committee_name: str
    label: str
    url: str
    title: str
    text: str
    day: datetime.date
    # The case number and title: searchable, and the number shown with the hit.
    reference: str = ""
    case: str = ""
    public: bool = True


def meeting_scope(pk):
    return f"meeting:{pk}"


def document_scope(pk):
    return f"document:{pk}"


def _joined(*parts):
    return "\n\n".join(part for part in parts if part)


# Items and paragraphs, read as tuples: the same meeting columns end both lists.
MEETING_COLUMNS = ("slug", "start", "committee__slug", "committee__name")
CASE_COLUMNS = ("reference", "title", "is_public", "deleted_at")


class Places:
    """Portal addresses and meeting days without a reverse() or localtime() per row."""

    SENTINELS = {"committee": "c-sentinel", "meeting": "m-sentinel", "number": 987654321}

    def __init__(self):
        self.item = self._pattern("portal:agenda_item", "position")
        self.paragraph = self._pattern("portal:paragraph", "number")
        self._days = {}

    def _pattern(self, name, number):
        committee, meeting, value = self.SENTINELS.values()
        with translation.override(settings.LANGUAGE_CODE):
            url = reverse(name, kwargs={"committee": committee, "meeting": meeting, number: value})
        for field, sentinel in self.SENTINELS.items():
            url = url.replace(str(sentinel), "{" + field + "}")
        return url

    def day(self, meeting_id, start):
        day = self._days.get(meeting_id)
        if day is None:
            day = self._days[meeting_id] = timezone.localtime(start).date()
        return day


def _case(columns, public):
    """(number, searchable text) of an item's case, when the reader may see it."""
    reference, title, is_public, deleted_at = columns
    if reference is None or (public and not (is_public and deleted_at is None)):
        return "", ""
    return reference, f"{reference} {title}"


def _columns(prefix, names):
    return [f"{prefix}{name}" for name in names]


def item_entries(items, public):
    places = Places()
    columns = ["pk", "meeting_id", "number", "position", "title", "summary", "proposed_decision"]
    columns += _columns("case__", CASE_COLUMNS) + _columns("meeting__", MEETING_COLUMNS)
    for row in items.values_list(*columns).order_by().iterator(chunk_size=CHUNK):
        pk, meeting_id, number, position, title, summary, proposed = row[:7]
        reference, case = _case(row[7:11], public)
        slug, start, committee, committee_name = row[11:]
        yield Entry(
            scope=meeting_scope(meeting_id),
            key=f"{Kind.ITEM}:{pk}",
            kind=Kind.ITEM,
            committee=committee,
            committee_name=committee_name,
            label=number,
            url=places.item.format(committee=committee, meeting=slug, number=position),
            title=title,
            text=_joined(summary, proposed),
            day=places.day(meeting_id, start),
            reference=reference,
            case=case,
            public=public,
        )


def paragraph_entries(items, public):
    places = Places()
    paragraphs = Paragraph.objects.filter(
        agenda_item__in=items,
        agenda_item__meeting__in=Meeting.objects.with_verified_minutes(),
    )
    columns = ["pk", "number", "title", "summary", "decision"]
    columns += ["agenda_item__title", "agenda_item__meeting_id"]
    columns += _columns("agenda_item__case__", CASE_COLUMNS)
    columns += _columns("agenda_item__meeting__", MEETING_COLUMNS)
    for row in paragraphs.values_list(*columns).order_by().iterator(chunk_size=CHUNK):
        pk, number, title, summary, decision, item_title, meeting_id = row[:7]
        reference, case = _case(row[7:11], public)
        slug, start, committee, committee_name = row[11:]
        yield Entry(
            scope=meeting_scope(meeting_id),
            key=f"{Kind.DECISION}:{pk}",
            kind=Kind.DECISION,
            committee=committee,
            committee_name=committee_name,
            label=f"§ {number}",
            url=places.paragraph.format(committee=committee, meeting=slug, number=number),
            title=title or item_title,
            text=_joined(summary, decision),
            day=places.day(meeting_id, start),
            reference=reference,
            case=case,
            public=public,
        )


def attachment_entries(links, public):
    """Each document once per committee (once in all for the public index), under
    the first meeting that has it."""
    places = Places()
    meeting = "agenda_item__meeting__"
    columns = ["document_id", "document__title", "document__filename", "document__text"]
    columns += [f"{meeting}id", *_columns(meeting, MEETING_COLUMNS)]
    links = links.order_by(f"{meeting}start", "agenda_item__position", "position")
    seen = set()
    with translation.override(settings.LANGUAGE_CODE):
        for row in links.values_list(*columns).iterator(chunk_size=DOCUMENT_CHUNK):
            pk, title, filename, text, meeting_id, _slug, start, committee, name = row
            once = pk if public else (pk, committee)
            if once in seen:
                continue
            seen.add(once)
            if public:
                url = reverse("portal:document", kwargs={"pk": pk, "filename": filename})
            else:
                url = reverse(MEMBERS_DOCUMENT_URL, kwargs={"document": pk})
            yield Entry(
                scope=document_scope(pk),
                key=f"{Kind.ATTACHMENT}:{pk}",
                kind=Kind.ATTACHMENT,
                committee=committee,
                committee_name=name,
                label=PurePath(filename).suffix.lstrip(".").upper(),
                url=url,
                title=title,
                text=text,
                day=places.day(meeting_id, start),
                public=public,
            )


def _shown(items):
    """Items on the portal's pages: an item added at the meeting only appears with
    the verified minutes; nothing of a deleted committee appears."""
    added_early = Q(state=AgendaItem.State.ADDED) & ~Q(meeting__state__in=Meeting.MINUTES_STATES)
    return items.filter(meeting__committee__deleted_at__isnull=True).exclude(added_early)


def public_items():
    return _shown(AgendaItem.objects.public())


def members_items():
    """The items of published meetings that only the committee's members may read:
    within a published meeting, exactly the ones `public()` leaves out."""
    published = Meeting.objects.published()
    return _shown(AgendaItem.objects.filter(meeting__in=published, is_public=False))


def _scoped(items, meetings):
    return items if meetings is None else items.filter(meeting_id__in=meetings)


def _scoped_links(links, documents):
    return links if documents is None else links.filter(document_id__in=documents)


def public_entries(meetings=None, documents=None):
    """All public entries, or those of the given meetings and documents (pks)."""
    items = public_items()
    yield from item_entries(_scoped(items, meetings), public=True)
    yield from paragraph_entries(_scoped(items, meetings), public=True)
    links = AgendaItemDocument.objects.filter(
        agenda_item__in=items, document__in=Document.objects.public()
    )
    yield from attachment_entries(_scoped_links(links, documents), public=True)


def members_entries(meetings=None, documents=None):
    """All members' entries, or those of the given meetings and documents (pks)."""
    items = members_items()
    yield from item_entries(_scoped(items, meetings), public=False)
    yield from paragraph_entries(_scoped(items, meetings), public=False)
    # Any file of a shown item, public or not, that the public may not download.
    shown = _shown(AgendaItem.objects.filter(meeting__in=Meeting.objects.published()))
    links = AgendaItemDocument.objects.filter(
        agenda_item__in=shown, document__deleted_at__isnull=True
    ).exclude(document__in=Document.objects.public())
    yield from attachment_entries(_scoped_links(links, documents), public=False)
