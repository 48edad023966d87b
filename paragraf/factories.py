"""Small factories for tests: each builds one valid object with sensible defaults."""

import datetime
import itertools
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from paragraf.cases.models import Case, DelegatedDecision, Document
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting
from paragraf.meetings.services import number_paragraphs
from paragraf.organisation.models import Body, Committee, Membership, Person

STOCKHOLM = ZoneInfo("Europe/Stockholm")
_seq = itertools.count(1)
# A well-formed one-page PDF: checked uploads refuse files qpdf cannot read.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<>>>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n178\n%%EOF\n"
)


def body(**fields):
    fields.setdefault("name", "Region Testlän")
    fields.setdefault("case_number_format", "RS {year}/{seq}")
    return Body.objects.create(**fields)


def committee(body_=None, **fields):
    n = next(_seq)
    fields.setdefault("name", f"Testnämnd {n}")
    fields.setdefault("slug", f"testnamnd-{n}")
    return Committee.objects.create(body=body_ or body(), **fields)


def person(**fields):
    n = next(_seq)
    fields.setdefault("given_name", "Anna")
    fields.setdefault("family_name", f"Andersson {n}")
    return Person.objects.create(**fields)


def membership(committee_, role=Membership.Role.MEMBER, **fields):
    fields.setdefault("person", person())
    return Membership.objects.create(committee=committee_, role=role, **fields)


def meeting(committee_=None, day=datetime.date(2022, 12, 14), hour=9, **fields):
    fields.setdefault("state", Meeting.State.NOTICE_POSTED)
    start = datetime.datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)
    return Meeting.objects.create(committee=committee_ or committee(), start=start, **fields)


def case(body_, **fields):
    fields.setdefault("reference", f"RS 2022/{next(_seq)}")
    fields.setdefault("title", "Ett ärende")
    return Case.objects.create(body=body_, **fields)


def item(meeting_, position=None, **fields):
    if position is None:
        position = meeting_.items.count() + 1
    fields.setdefault("number", str(position))
    fields.setdefault("title", f"Punkt {position}")
    fields.setdefault("state", AgendaItem.State.HANDLED)
    return AgendaItem.objects.create(meeting=meeting_, position=position, **fields)


def document(
    title="Tjänsteskrivelse", content=MINIMAL_PDF, filename="tjansteskrivelse.pdf", **fields
):
    fields.setdefault("is_public", True)
    doc = Document(title=title, filename=filename, **fields)
    doc.file.save(filename, ContentFile(content), save=False)
    doc.save()
    return doc


def attach(item_, document_=None, position=0):
    document_ = document_ or document()
    AgendaItemDocument.objects.create(agenda_item=item_, document=document_, position=position)
    return document_


def seed_committee():
    return committee(
        body(name="Region Örebro län"),
        name="Regional tillväxtnämnd",
        slug="regional-tillvaxtnamnd",
    )


def verified_meeting(committee_):
    """A meeting like the seed, minutes verified: a public item with an attachment,
    a non-public item whose texts carry HEMLIG- markers, a withdrawn item and an
    item added at the meeting (§ 1–§ 3)."""
    meeting_ = meeting(committee_, state=Meeting.State.NOTICE_POSTED)
    hopajola = item(
        meeting_,
        title="Verksamhetsbidrag 2023 till Hopajola",
        summary="Hopajola ansöker om ca 305 000 kronor.\n\nAndra stycket.",
        proposed_decision="Nämnden beviljar 305 000 kronor.",
        case=case(committee_.body, reference="RUN 2022/1234"),
    )
    attach(hopajola, document(title="Ansökan Hopajola", filename="ansokan.pdf"))
    secret = item(meeting_, title="HEMLIG-TITEL", summary="HEMLIG-TEXT", is_public=False)
    attach(secret, document(title="HEMLIG-BILAGA", filename="hemlig.pdf"))
    item(meeting_, title="Utgånget ärende", state=AgendaItem.State.WITHDRAWN)
    item(meeting_, title="Tillkommet ärende", number="", state=AgendaItem.State.ADDED)
    paragraphs = number_paragraphs(meeting_)
    paragraphs[0].summary = "Hopajola ansöker om cirka 305 000 kronor."
    paragraphs[0].decision = "Regional tillväxtnämnd beviljar 305 000 kronor."
    paragraphs[0].save()
    paragraphs[1].decision = "HEMLIGT-BESLUT"
    paragraphs[1].save()
    meeting_.refresh_from_db()
    return meeting_


def delegated_decision(committee_, **fields):
    fields.setdefault("title", "Företagsstöd till Exempel AB")
    fields.setdefault("decided_by", "Områdeschef näringslivsutveckling")
    fields.setdefault("decided_on", datetime.date(2022, 9, 1))
    fields.setdefault("rule", "3.3")
    return DelegatedDecision.objects.create(committee=committee_, **fields)
