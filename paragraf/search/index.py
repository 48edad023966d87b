"""The search index: an embedded Tantivy index, a derived copy of the database.

Only what the public may see goes into the public index (the rules of
paragraf/portal/rows.py: public items of published meetings, paragraphs once
the minutes are verified, documents from `Document.objects.public()`), so a
query can never find a non-public text. A members' index would be a second
folder next to it (`search/members-<committee>`), built by the same
`documents()` with the committee's non-public rows; nothing here assumes there
is only one.

The index is rebuilt into a new folder and a symlink is swapped to it in one
rename, so a reader sees either the old index or the new one, never half.
"""

import datetime
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import tantivy
from django.conf import settings
from django.urls import reverse

from paragraf.cases.models import Document
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting, Paragraph

PUBLIC = "public"
ANALYZER = "sv_stem"
WRITER_HEAP = 50_000_000


class Kind:
    ITEM = "arende"
    DECISION = "beslut"
    ATTACHMENT = "bilaga"
    ALL = (ITEM, DECISION, ATTACHMENT)


class SearchUnavailable(Exception):
    """The index folder is missing or unreadable: rebuild it."""


def analyzer():
    """Words as the index stores them: lowercased, Swedish stems, no giant tokens."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(100))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("swedish"))
        .build()
    )


ANALYZE = analyzer()


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("kind", stored=True, tokenizer_name="raw")
    builder.add_text_field("committee", stored=True, tokenizer_name="raw")
    for shown_only in ("committee_name", "label", "url"):
        builder.add_text_field(shown_only, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title", stored=True, tokenizer_name=ANALYZER)
    builder.add_text_field("text", stored=True, tokenizer_name=ANALYZER)
    # The meeting's day as YYYYMMDD: ranges and sorting on one fast integer.
    builder.add_integer_field("day", stored=True, indexed=True, fast=True)
    return builder.build()


SCHEMA = schema()


@dataclass
class Entry:
    key: str
    kind: str
    committee: str
    committee_name: str
    label: str
    url: str
    title: str
    text: str
    day: datetime.date

    def document(self):
        return tantivy.Document(
            key=self.key,
            kind=self.kind,
            committee=self.committee,
            committee_name=self.committee_name,
            label=self.label,
            url=self.url,
            title=self.title,
            text=self.text,
            day=day_number(self.day),
        )


def day_number(day):
    return day.year * 10000 + day.month * 100 + day.day


def number_day(number):
    return datetime.date(number // 10000, number // 100 % 100, number % 100)


def _paragraphs(*parts):
    return "\n\n".join(part for part in parts if part)


def _meeting_kwargs(meeting):
    return {"committee": meeting.committee.slug, "meeting": meeting.slug}


def visible_items():
    """Items the public may read, on the portal's rule, in a committee not deleted."""
    return AgendaItem.objects.public().filter(meeting__committee__deleted_at__isnull=True)


def item_entries(items):
    for item in items.select_related("meeting__committee"):
        meeting = item.meeting
        yield Entry(
            key=f"{Kind.ITEM}:{item.pk}",
            kind=Kind.ITEM,
            committee=meeting.committee.slug,
            committee_name=meeting.committee.name,
            label=item.number,
            url=reverse(
                "portal:agenda_item",
                kwargs={**_meeting_kwargs(meeting), "position": item.position},
            ),
            title=item.title,
            text=_paragraphs(item.summary, item.proposed_decision),
            day=meeting.local_date,
        )


def paragraph_entries(items):
    verified = Meeting.objects.with_verified_minutes()
    paragraphs = Paragraph.objects.filter(
        agenda_item__in=items, agenda_item__meeting__in=verified
    ).select_related("agenda_item__meeting__committee")
    for paragraph in paragraphs:
        meeting = paragraph.agenda_item.meeting
        yield Entry(
            key=f"{Kind.DECISION}:{paragraph.pk}",
            kind=Kind.DECISION,
            committee=meeting.committee.slug,
            committee_name=meeting.committee.name,
            label=f"§ {paragraph.number}",
            url=reverse(
                "portal:paragraph",
                kwargs={**_meeting_kwargs(meeting), "number": paragraph.number},
            ),
            title=paragraph.display_title,
            text=_paragraphs(paragraph.summary, paragraph.decision),
            day=meeting.local_date,
        )


def attachment_entries(items):
    """Each public document once, under the first meeting whose public item has it."""
    links = (
        AgendaItemDocument.objects.filter(
            document__in=Document.objects.public(), agenda_item__in=items
        )
        .select_related("document", "agenda_item__meeting__committee")
        .order_by("agenda_item__meeting__start", "agenda_item__position", "position")
    )
    seen = set()
    for link in links:
        document = link.document
        if document.pk in seen:
            continue
        seen.add(document.pk)
        meeting = link.agenda_item.meeting
        yield Entry(
            key=f"{Kind.ATTACHMENT}:{document.pk}",
            kind=Kind.ATTACHMENT,
            committee=meeting.committee.slug,
            committee_name=meeting.committee.name,
            label=document.extension,
            url=reverse(
                "portal:document", kwargs={"pk": document.pk, "filename": document.filename}
            ),
            title=document.title,
            text=document.text,
            day=meeting.local_date,
        )


def public_entries():
    items = visible_items()
    yield from item_entries(items)
    yield from paragraph_entries(items)
    yield from attachment_entries(items)


def folder():
    return Path(settings.VAR_DIR) / "search"


def index_path(name=PUBLIC):
    return folder() / name


def rebuild(name=PUBLIC, entries=None):
    """Write a fresh index and swap it in; returns the number of documents indexed."""
    base = folder()
    base.mkdir(parents=True, exist_ok=True)
    fresh = base / f"{name}-{uuid.uuid4().hex}"
    fresh.mkdir()
    index = tantivy.Index(SCHEMA, path=str(fresh))
    index.register_tokenizer(ANALYZER, ANALYZE)
    writer = index.writer(WRITER_HEAP, 1)
    count = 0
    try:
        for entry in public_entries() if entries is None else entries:
            writer.add_document(entry.document())
            count += 1
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    _swap(base, name, fresh)
    return count


def _swap(base, name, fresh):
    link = base / name
    previous = link.resolve() if link.is_symlink() else None
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a folder from an older layout
    temporary = base / f".{name}-{uuid.uuid4().hex}"
    temporary.symlink_to(fresh.name)
    os.replace(temporary, link)  # atomic: readers open the old or the new index
    if previous is not None and previous != fresh:
        # Open readers keep their files: the data lives on until they close.
        shutil.rmtree(previous, ignore_errors=True)


_opened = {}


def open_index(name=PUBLIC):
    """The current index, opened once per rebuild (its folder's real path)."""
    link = index_path(name)
    try:
        real = link.resolve(strict=True)
        index = _opened.get(real)
        if index is None:
            index = tantivy.Index.open(str(real))
            index.register_tokenizer(ANALYZER, ANALYZE)
            _opened.clear()
            _opened[real] = index
        return index
    except (OSError, ValueError) as error:
        raise SearchUnavailable(str(error)) from error
