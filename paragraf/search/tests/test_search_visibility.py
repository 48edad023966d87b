"""The public index holds only what the portal shows the public."""

import pytest
from django.urls import reverse

from paragraf import factories
from paragraf.cases.models import Document
from paragraf.meetings.models import Meeting
from paragraf.search import entries
from paragraf.search.index import Kind
from paragraf.search.query import Filters, search
from paragraf.search.tests.conftest import add_item

pytestmark = pytest.mark.django_db

MARKERS = ["HEMLIG-TITEL", "HEMLIG-TEXT", "HEMLIG-BILAGA", "HEMLIGT-BESLUT", "HEMLIG-INNEHALL"]


@pytest.fixture
def verified(committee):
    meeting = factories.verified_meeting(committee)
    public_item = meeting.items.get(title__startswith="Verksamhetsbidrag")
    # A document the public may not have, on the public item, and text inside the
    # public document on the non-public item.
    factories.attach(
        public_item,
        factories.document(title="Utredning", text="HEMLIG-INNEHALL", is_public=False),
        position=1,
    )
    secret = meeting.items.get(title="HEMLIG-TITEL")
    Document.objects.filter(agenda_links__agenda_item=secret).update(text="HEMLIG-INNEHALL")
    return meeting


def test_non_public_texts_are_never_found(verified, indexed):
    indexed()
    for marker in MARKERS:
        assert search(marker).hits == [], marker
        assert search(marker.lower().replace("-", " ")).hits == [], marker


def test_public_items_decisions_and_attachments_are_found(verified, indexed):
    document = verified.items.get(title__startswith="Verksamhetsbidrag").documents.first()
    document.text = "Ansökan om verksamhetsbidrag från föreningen Hopajola."
    document.save()
    indexed()
    hits = {(hit.kind, hit.url) for hit in search("hopajola").hits}
    base = f"/namnder/{verified.committee.slug}/{verified.slug}"
    assert (Kind.ITEM, f"{base}/punkt-1/") in hits
    assert (Kind.DECISION, f"{base}/paragraf-1/") in hits
    assert (Kind.ATTACHMENT, f"/handlingar/{document.pk}/ansokan.pdf") in hits
    (decision,) = search("tillväxtnämnd", Filters(kind=Kind.DECISION)).hits
    assert decision.label == "§ 1"


def test_minutes_are_not_searchable_before_they_are_verified(committee, indexed):
    held = factories.meeting(committee, state=Meeting.State.HELD)
    add_item(held, "Bidrag")
    factories.number_paragraphs(held)
    indexed()
    assert {hit.kind for hit in search("bidrag").hits} == {Kind.ITEM}


def test_planned_and_deleted_meetings_are_not_searchable(committee, indexed):
    planned = factories.meeting(committee, state=Meeting.State.PLANNED)
    add_item(planned, "Planerat bidrag")
    deleted = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED, hour=13)
    add_item(deleted, "Raderat bidrag")
    deleted.soft_delete()
    indexed()
    assert search("bidrag").hits == []


def test_the_indexed_attachments_are_the_downloadable_documents(verified):
    other = factories.meeting(verified.committee, state=Meeting.State.PLANNED, hour=13)
    factories.attach(add_item(other, "Planerad"), factories.document(title="Ej publicerad"))
    deleted = factories.attach(verified.items.first(), factories.document(title="Raderad"), 2)
    deleted.soft_delete()
    indexed = {
        int(entry.key.split(":")[1])
        for entry in entries.public_entries()
        if entry.kind == Kind.ATTACHMENT
    }
    assert indexed == set(Document.objects.public().values_list("pk", flat=True))
    assert len(indexed) == 1


@pytest.mark.parametrize("filename", ["ansökan 2022.pdf", "a%20b#c?.pdf", "r&d;x=1.pdf"])
def test_attachment_addresses_are_those_reverse_makes(filename):
    expected = reverse("portal:document", kwargs={"pk": 42, "filename": filename})
    assert entries.Places().document(42, filename, public=True) == expected
    assert entries.Places().document(42, filename, public=False) == reverse(
        "backoffice:cases_document", kwargs={"document": 42}
    )
