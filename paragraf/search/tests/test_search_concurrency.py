"""Updates after real commits, and an update that arrives during a rebuild."""

import threading
import time

import pytest
from django.db import connection, transaction

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.search import index
from paragraf.search.query import search
from paragraf.search.tasks import update_search_index

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_committed_change_updates_the_index(immediate_tasks):
    committee = factories.seed_committee()
    meeting = factories.meeting(committee, state=Meeting.State.PLANNED)
    factories.item(meeting, title="Ny simhall vid RÖNNGÅRDEN")
    index.rebuild()
    with transaction.atomic():
        meeting.state = Meeting.State.NOTICE_PUBLISHED
        meeting.save()
        assert search("rönngården").hits == []  # not before the commit
    assert [hit.title for hit in search("rönngården").hits] == ["Ny simhall vid RÖNNGÅRDEN"]


def test_an_update_during_a_rebuild_lands_in_the_new_index(monkeypatch):
    committee = factories.seed_committee()
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    factories.item(meeting, title="Gammal punkt")
    index.rebuild()
    read_everything = index.SOURCES[index.PUBLIC]
    started = []

    def slow_rebuild_source(*scope):
        if scope:  # the update's own reading
            yield from read_everything(*scope)
            return
        found = list(read_everything())  # the rebuild has read the database
        # A change commits now (without signals) and its task starts at once.
        item = AgendaItem(meeting=meeting, position=2, number="2", title="Sen VITSIPPA")
        AgendaItem.objects.bulk_create([item])
        worker = threading.Thread(target=run_task, args=(meeting.pk,))
        worker.start()
        started.append(worker)
        time.sleep(0.5)
        assert worker.is_alive(), "the update must wait for the rebuild's lock"
        yield from found

    monkeypatch.setitem(index.SOURCES, index.PUBLIC, slow_rebuild_source)
    index.rebuild()
    monkeypatch.setitem(index.SOURCES, index.PUBLIC, read_everything)
    started[0].join(timeout=60)
    assert [hit.title for hit in search("vitsippa").hits] == ["Sen VITSIPPA"]


def run_task(meeting_pk):
    try:
        update_search_index.call(meetings=[meeting_pk])
    finally:
        connection.close()
