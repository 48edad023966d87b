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
from urllib.parse import quote

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS

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


class Places:
    """Portal addresses and meetings without a reverse() or a query per row."""

    SENTINELS = {"committee": "c-sentinel", "meeting": "m-sentinel", "number": 987654321}
    PK, FILENAME = 987654321, "f-sentinel"

    def __init__(self, meetings=None):
        """`meetings`: a queryset of the meetings to read at once (else one by one)."""
        self.item = self._pattern("portal:agenda_item", "position")
        self.paragraph = self._pattern("portal:paragraph", "number")
        with translation.override(settings.LANGUAGE_CODE):
            self._public_document = reverse(
                "portal:document", kwargs={"pk": self.PK, "filename": self.FILENAME}
            )
            self._members_document = reverse(MEMBERS_DOCUMENT_URL, kwargs={"document": self.PK})
        self._meetings = {}
        if meetings is not None:
            self._read(meetings)

    def _pattern(self, name, number):
        committee, meeting, value = self.SENTINELS.values()
        with translation.override(settings.LANGUAGE_CODE):
            url = reverse(name, kwargs={"committee": committee, "meeting": meeting, number: value})
        for field, sentinel in self.SENTINELS.items():
            url = url.replace(str(sentinel), "{" + field + "}")
        return url

    def document(self, pk, filename, public):
        """The public download (reverse() quotes the name so too), or where members read it."""
        if not public:
            return self._members_document.replace(str(self.PK), str(pk))
        name = quote(filename, safe=RFC3986_SUBDELIMS + "/~:@")
        return self._public_document.replace(str(self.PK), str(pk)).replace(self.FILENAME, name)

    def _read(self, meetings):
        columns = ("pk", "slug", "start", "committee__slug", "committee__name")
        for pk, slug, start, committee, name in meetings.values_list(*columns).order_by():
            self._meetings[pk] = (slug, timezone.localtime(start).date(), committee, name)

    def meeting(self, pk):
        """(slug, day, committee slug, committee name)"""
        if pk not in self._meetings:
            self._read(Meeting.all_objects.filter(pk=pk))
        return self._meetings[pk]


def _case_columns(prefix, public):
    """The case's number and title, and whether the public may see them."""
    shown = Q(**{f"{prefix}is_public": True, f"{prefix}deleted_at__isnull": True})
    flag = ExpressionWrapper(shown, output_field=BooleanField())
    return [f"{prefix}reference", f"{prefix}title"], {"case_shown": flag if public else Value(True)}


def _case(reference, title, shown):
    """(number, searchable text) of an item's case, when the reader may see it."""
    if reference is None or not shown:
        return "", ""
    return reference, f"{reference} {title}"


def item_entries(items, public, places):
    columns = ["pk", "meeting_id", "number", "position", "title", "summary", "proposed_decision"]
    case_columns, flag = _case_columns("case__", public)
    rows = items.annotate(**flag).values_list(*columns, *case_columns, "case_shown")
    for row in rows.order_by().iterator(chunk_size=CHUNK):
        pk, meeting_id, number, position, title, summary, proposed = row[:7]
        reference, case = _case(*row[7:])
        slug, day, committee, committee_name = places.meeting(meeting_id)
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
            day=day,
            reference=reference,
            case=case,
            public=public,
        )


def paragraph_entries(items, public, places):
    paragraphs = Paragraph.objects.filter(
        agenda_item__in=items,
        agenda_item__meeting__in=Meeting.objects.with_verified_minutes(),
    )
    columns = ["pk", "number", "title", "summary", "decision"]
    columns += ["agenda_item__title", "agenda_item__meeting_id"]
    case_columns, flag = _case_columns("agenda_item__case__", public)
    rows = paragraphs.annotate(**flag).values_list(*columns, *case_columns, "case_shown")
    for row in rows.order_by().iterator(chunk_size=CHUNK):
        pk, number, title, summary, decision, item_title, meeting_id = row[:7]
        reference, case = _case(*row[7:])
        slug, day, committee, committee_name = places.meeting(meeting_id)
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
            day=day,
            reference=reference,
            case=case,
            public=public,
        )


def attachment_entries(links, public, places):
    """Each document once per committee (once in all for the public index), under
    the first meeting that has it."""
    columns = ["document_id", "document__title", "document__filename", "document__text"]
    columns += ["agenda_item__meeting_id"]
    links = links.order_by("agenda_item__meeting__start", "agenda_item__position", "position")
    seen = set()
    for row in links.values_list(*columns).iterator(chunk_size=DOCUMENT_CHUNK):
        pk, title, filename, text, meeting_id = row
        _slug, day, committee, committee_name = places.meeting(meeting_id)
        once = pk if public else (pk, committee)
        if once in seen:
            continue
        seen.add(once)
        yield Entry(
            scope=document_scope(pk),
            key=f"{Kind.ATTACHMENT}:{pk}",
            kind=Kind.ATTACHMENT,
            committee=committee,
            committee_name=committee_name,
            label=PurePath(filename).suffix.lstrip(".").upper(),
            url=places.document(pk, filename, public),
            title=title,
            text=text,
            day=day,
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


def _places(meetings):
    """Read every published meeting at once for a rebuild, the few needed for an update."""
    return Places(Meeting.objects.published() if meetings is None else None)


def public_entries(meetings=None, documents=None):
    """All public entries, or those of the given meetings and documents (pks)."""
    items, places = public_items(), _places(meetings)
    yield from item_entries(_scoped(items, meetings), True, places)
    yield from paragraph_entries(_scoped(items, meetings), True, places)
    yield from attachment_entries(_scoped_links(public_links(items), documents), True, places)


def members_entries(meetings=None, documents=None):
    """All members' entries, or those of the given meetings and documents (pks)."""
    items, places = members_items(), _places(meetings)
    yield from item_entries(_scoped(items, meetings), False, places)
    yield from paragraph_entries(_scoped(items, meetings), False, places)
    # Any file of a shown item, public or not, that the public may not download.
    shown = _shown(AgendaItem.objects.filter(meeting__in=Meeting.objects.published()))
    downloadable = public_links(public_items()).values("document_id")
    links = AgendaItemDocument.objects.filter(
        agenda_item__in=shown, document__deleted_at__isnull=True
    ).exclude(document_id__in=downloadable)
    yield from attachment_entries(_scoped_links(links, documents), False, places)


def public_links(items):
    """The links of these public items to documents the public may download.

    `Document.objects.public()` as a join (its DISTINCT subquery is slow on
    SQLite): public, not deleted, on a public item of a published meeting; a test
    holds the two to the same documents."""
    return AgendaItemDocument.objects.filter(
        agenda_item__in=items, document__is_public=True, document__deleted_at__isnull=True
    )
