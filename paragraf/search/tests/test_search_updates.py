"""The index follows changes by itself: publishing, verifying, hiding, deleting."""

import datetime

import pytest
import typst
from django.contrib.auth.models import User
from django.db import connection, transaction

from paragraf import factories
from paragraf.cases.tasks import extract_document_text
from paragraf.meetings.models import Meeting
from paragraf.meetings.models.lock import correcting
from paragraf.meetings.services.agenda.items import (
    remove_item,
    set_document_public,
    set_item_public,
    update_item,
)
from paragraf.meetings.services.agenda.publishing import publish_agenda
from paragraf.meetings.services.minutes import approve, close_meeting, send_for_approval
from paragraf.search import index
from paragraf.search.index import Kind
from paragraf.search.query import Filters, search
from paragraf.search.signals import Batch
from paragraf.search.tasks import update_search_index
from paragraf.search.tests.conftest import add_item, hit_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(committee):
    return factories.meeting(committee, state=Meeting.State.PLANNED)


def test_publishing_an_agenda_makes_its_items_findable(client, planned, indexed, committed):
    add_item(planned, "Cykelbanor", summary="Nya cykelbanor längs BLÅKLOCKEVÄGEN.")
    indexed()
    assert hit_urls(client, "blåklockevägen") == []
    with committed():
        publish_agenda(planned)
    assert hit_urls(client, "blåklockevägen") == [
        f"/namnder/regional-tillvaxtnamnd/{planned.slug}/punkt-1/"
    ]


def signatory(name):
    return factories.person(given_name=name, user=User.objects.create_user(name))


def test_verified_minutes_make_the_decisions_findable(client, committee, indexed, committed):
    held = factories.meeting(committee, state=Meeting.State.HELD)
    add_item(held, "Bredband", proposed_decision="Nämnden beviljar SMULTRONSTÄLLET stöd.")
    held.chair = signatory("ordf")
    held.save()
    held.verifiers.set([signatory("just1"), signatory("just2")])
    secretary = User.objects.create_user("sekreterare")
    close_meeting(held, secretary)
    held.refresh_from_db()
    approvals = send_for_approval(held, secretary)
    indexed()
    assert hit_urls(client, "smultronstället", kind=Kind.DECISION) == []
    with committed():
        for approval in approvals:
            approve(approval, approval.person.user)
    assert hit_urls(client, "smultronstället", kind=Kind.DECISION) == [
        f"/namnder/regional-tillvaxtnamnd/{held.slug}/paragraf-1/"
    ]


def test_an_item_made_non_public_disappears_and_back(client, published, indexed, committed):
    item = add_item(published, "Markanvisning", summary="Tomten vid KRÅKVINKELN.")
    indexed()
    assert len(hit_urls(client, "kråkvinkeln")) == 1
    with committed():
        set_item_public(item, False)
    assert hit_urls(client, "kråkvinkeln") == []
    with committed():
        set_item_public(item, True)
    assert len(hit_urls(client, "kråkvinkeln")) == 1


def test_a_changed_item_is_found_by_its_new_words_only(client, published, indexed, committed):
    item = add_item(published, "Ursprunglig RUBRIKGURKA")
    indexed()
    with committed():
        update_item(item, title="Ändrad RUBRIKMELON")
    assert hit_urls(client, "rubrikgurka") == []
    assert len(hit_urls(client, "rubrikmelon")) == 1


def test_removed_items_and_deleted_meetings_disappear(client, published, indexed, committed):
    removed = add_item(published, "Strykes TISTELBACKEN", state="pa_listan")
    add_item(published, "Stannar TISTELBACKEN")
    indexed()
    assert len(hit_urls(client, "tistelbacken")) == 2
    with committed():
        remove_item(removed)
    assert len(hit_urls(client, "tistelbacken")) == 1
    with committed():
        published.soft_delete()
    assert hit_urls(client, "tistelbacken") == []


def test_a_meeting_taken_back_to_planned_disappears(published, indexed, committed):
    add_item(published, "Återkallad SOLROSEN")
    indexed()
    assert search("solrosen").hits
    with committed():
        published.state = Meeting.State.PLANNED
        published.save()
    assert search("solrosen").hits == []


@pytest.fixture(scope="module")
def pdf():
    source = "#set page(width: 12cm, height: auto)\nAnsökan från föreningen LINGONRISET.\n"
    return typst.compile(source.encode(), format="pdf", ignore_system_fonts=True)


def test_extracted_text_arriving_makes_the_attachment_findable(published, indexed, committed, pdf):
    document = factories.attach(
        add_item(published, "Bidrag"), factories.document(title="Ansökan", content=pdf)
    )
    indexed()
    assert search("lingonriset").hits == []
    with committed():
        extract_document_text.enqueue(document.pk)
    (hit,) = search("lingonriset").hits
    assert hit.kind == Kind.ATTACHMENT
    assert hit.url == f"/handlingar/{document.pk}/tjansteskrivelse.pdf"


def test_a_document_made_non_public_disappears(published, indexed, committed):
    document = factories.attach(
        add_item(published, "Bidrag"), factories.document(title="Yttrande", text="HJORTRON")
    )
    indexed()
    assert search("hjortron", Filters(kind=Kind.ATTACHMENT)).hits
    with committed():
        set_document_public(published, document, False)
    assert search("hjortron").hits == []


def test_a_renamed_case_is_found_by_its_new_title(published, committee, indexed, committed):
    case = factories.case(committee.body, reference="RUN 2022/77", title="Gammal titel")
    add_item(published, "Ärendet", case=case)
    indexed()
    with committed():
        case.title = "Upprustning av BADHUSPARKEN"
        case.save()
    assert [hit.reference for hit in search("badhusparken").hits] == ["RUN 2022/77"]


def test_a_renamed_committee_is_shown_with_its_new_name(published, committee, indexed, committed):
    add_item(published, "Näringsliv")
    indexed()
    with committed():
        committee.name = "Nämnden för regional utveckling"
        committee.save()
    assert [hit.committee_name for hit in search("näringsliv").hits] == [committee.name]


def waiting_batches():
    return [
        callback for _s, callback, _r in connection.run_on_commit if isinstance(callback, Batch)
    ]


def test_a_transaction_asks_for_one_update(published):
    for number in range(5):
        add_item(published, f"Punkt {number}")
    published.save()
    (batch,) = waiting_batches()
    assert batch.changed["meetings"] == {published.pk}


class Regret(Exception):
    pass


def test_a_rolled_back_transaction_asks_for_nothing():
    with pytest.raises(Regret), transaction.atomic():
        add_item(factories.meeting(), "Ångras")
        assert waiting_batches()
        raise Regret
    assert waiting_batches() == []


def test_without_an_index_the_task_does_nothing(published, caplog):
    add_item(published, "Bidrag")
    assert update_search_index.call(meetings=[published.pk]) == 0
    assert not index.folder().exists()
    assert "rebuild_search_index" in caplog.text


def test_only_the_changed_meeting_is_rewritten(committee, indexed):
    first = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    second = factories.meeting(committee, day=datetime.date(2023, 1, 2))
    add_item(first, "Bidrag ett")
    add_item(second, "Bidrag två")
    indexed()
    assert update_search_index.call(meetings=[first.pk]) == 1
    assert sorted(hit.title for hit in search("bidrag").hits) == ["Bidrag ett", "Bidrag två"]


def test_a_commit_enqueues_one_task_once_there_is_an_index(published, settings, indexed):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    (batch,) = waiting_batches()
    batch()
    assert not DBTaskResult.objects.exists()  # no index: the rebuild will read everything
    indexed()
    batch()
    (task,) = DBTaskResult.objects.all()
    assert task.task_path == "paragraf.search.tasks.update_search_index"
    assert task.args_kwargs["kwargs"]["meetings"] == [published.pk]


def test_an_item_saved_on_its_own_is_re_indexed(published, indexed, committed):
    item = add_item(published, "Punkt")
    indexed()
    with committed():
        item.summary = "Tillagt i efterhand om NYPONBUSKEN."
        item.save()
    assert [hit.title for hit in search("nyponbusken").hits] == ["Punkt"]


def test_a_corrected_paragraph_is_re_indexed(committee, indexed, committed):
    meeting = factories.verified_meeting(committee)
    paragraph = meeting.items.get(title__startswith="Verksamhetsbidrag").paragraph
    indexed()
    with committed(), correcting(meeting):
        paragraph.decision = "Nämnden beviljar PORSLINSBLOMMAN bidrag."
        paragraph.save()
    (hit,) = search("porslinsblomman").hits
    assert hit.kind == Kind.DECISION
