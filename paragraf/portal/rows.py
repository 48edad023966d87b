"""What the public sees of agenda items, paragraphs and attachments.

Rows are built here and only here. A non-public item becomes a row that holds
its number and nothing else, so its title, text and files cannot reach a
template by accident.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse

from paragraf.meetings.models import (
    AgendaItem,
    AgendaItemDocument,
    Ballot,
    Conflict,
    Motion,
    RecordedNote,
    Reservation,
)

# Where members read non-public documents: the back office, behind its role check.
MEMBERS_DOCUMENT_URL = "backoffice:cases_document"


@dataclass
class DocumentRow:
    title: str
    url: str
    kind: str
    size: int
    is_public: bool = True


@dataclass
class ParagraphRow:
    number: int
    url: str
    title: str = ""
    summary: str = ""
    decision: str = ""
    sent_to: str = ""
    # What the minutes record of the handling (KL 5:65–67): lists of model objects.
    motions: list = field(default_factory=list)
    votes: list = field(default_factory=list)
    reservations: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)


@dataclass
class ItemRow:
    position: int
    number: str
    url: str
    is_public: bool
    withdrawn: bool
    added: bool
    # Shown in full: public, or read by a member of the committee.
    visible: bool = False
    title: str = ""
    summary: str = ""
    proposed_decision: str = ""
    case_reference: str = ""
    documents: list = field(default_factory=list)
    paragraph: ParagraphRow | None = None


MINUTES_PREFETCH = [
    Prefetch("motions", queryset=Motion.objects.prefetch_related("movers")),
    Prefetch(
        "votes__ballots",
        queryset=Ballot.objects.select_related("person").order_by(
            "person__family_name", "person__given_name"
        ),
    ),
    Prefetch("reservations", queryset=Reservation.objects.select_related("person")),
    Prefetch("notes", queryset=RecordedNote.objects.select_related("person")),
    Prefetch("conflicts", queryset=Conflict.objects.select_related("person", "substitute")),
]


def items_for(meeting, member=False, minutes=None):
    """The meeting's items with what the page needs, in a fixed number of queries.

    `member`: the reader may see the committee's non-public documents too.
    `minutes`: also fetch what the minutes record (motions, votes …); by default
    when the meeting's minutes are verified.
    """
    if minutes is None:
        minutes = meeting.has_verified_minutes
    links = AgendaItemDocument.objects.filter(document__deleted_at__isnull=True)
    if not member:
        links = links.filter(document__is_public=True)
    public_links = links.select_related("document")
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("case", "paragraph")
        .prefetch_related(Prefetch("document_links", queryset=public_links))
        .order_by("position")
    )
    return items.prefetch_related(*MINUTES_PREFETCH) if minutes else items


def document_row(document, member=False, item_public=True):
    """`member`: the link goes through the back office's role check when the
    public may not have the file (a non-public document, or one on a non-public item)."""
    if member and not (document.is_public and item_public):
        url = reverse(MEMBERS_DOCUMENT_URL, kwargs={"document": document.pk})
    else:
        url = reverse("portal:document", kwargs={"pk": document.pk, "filename": document.filename})
    return DocumentRow(
        title=document.title,
        url=url,
        kind=document.extension or document.media_type,
        size=document.size,
        is_public=document.is_public,
    )


def item_row(meeting, item, show_minutes, member=False):
    kwargs = {"committee": meeting.committee.slug, "meeting": meeting.slug}
    row = ItemRow(
        position=item.position,
        number=item.number,
        url=reverse("portal:agenda_item", kwargs={**kwargs, "position": item.position}),
        is_public=item.is_public,
        withdrawn=item.is_withdrawn,
        added=item.was_added,
    )
    paragraph = getattr(item, "paragraph", None) if show_minutes else None
    if paragraph is not None and paragraph.deleted_at is None:
        row.paragraph = ParagraphRow(
            number=paragraph.number,
            url=reverse("portal:paragraph", kwargs={**kwargs, "number": paragraph.number}),
        )
    if not item.is_public and not member:
        return row
    row.visible = True
    row.title = item.title
    row.summary = item.summary
    row.proposed_decision = item.proposed_decision
    case_shown = item.case and (item.case.is_public or member)
    row.case_reference = item.case.reference if case_shown else ""
    row.documents = [
        document_row(link.document, member, item.is_public) for link in item.document_links.all()
    ]
    if row.paragraph is not None:
        row.paragraph = handling(item, paragraph, row.paragraph.url)
    return row


def handling(item, paragraph, url=""):
    """The paragraph as the minutes record it, with how the item was handled.

    The item's motions, votes, reservations, notes and conflicts should be
    prefetched (MINUTES_PREFETCH). Callers decide whether the reader may see it.
    """
    return ParagraphRow(
        number=paragraph.number,
        url=url,
        title=paragraph.display_title,
        summary=paragraph.summary,
        decision=paragraph.decision,
        sent_to=paragraph.sent_to,
        motions=list(item.motions.all()),
        votes=list(item.votes.all()),
        reservations=list(item.reservations.all()),
        notes=list(item.notes.all()),
        conflicts=list(item.conflicts.all()),
    )


def rows_for(meeting, items=None, member=False):
    show_minutes = meeting.has_verified_minutes
    items = items if items is not None else items_for(meeting, member)
    return [
        item_row(meeting, item, show_minutes, member) for item in items if item.deleted_at is None
    ]
