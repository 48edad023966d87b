"""Importing from an OParl server: what arrives, running again, --since,
deletions, and the command itself."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from paragraf.api.importer.fetching import save_answer, save_file, save_index
from paragraf.api.management.commands import import_oparl as command
from paragraf.api.management.commands.import_oparl import import_oparl
from paragraf.api.models import ImportedObject, ImportRun
from paragraf.api.tests.oparl_source import BASE, TEXT, standard
from paragraf.cases.models import Case, Document
from paragraf.core.models import AuditEntry
from paragraf.meetings.models import AgendaItem, Location, Meeting, Paragraph, correcting
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Body, Committee, Membership, Person, Term
from paragraf.search.signals import Batch

pytestmark = pytest.mark.django_db

PORTAL_MODELS = [
    Body,
    Term,
    Committee,
    Person,
    Membership,
    Location,
    Meeting,
    AgendaItem,
    Paragraph,
    Case,
    Document,
    Notice,
]


def run(source, **options):
    return import_oparl(BASE, fetcher=source.fetcher(), **options)


def state():
    """(model, pk, modified, deleted) of every portal record."""
    return sorted(
        (model.__name__, pk, modified, deleted)
        for model in PORTAL_MODELS
        for pk, modified, deleted in model._base_manager.values_list("pk", "modified", "deleted_at")
    )


def test_a_body_arrives_with_its_committees_people_meetings_cases_and_files(client):
    source = standard(meetings=2, people=3)
    done = run(source)
    assert done.problems == []
    body = Body.objects.get()
    assert (body.name, body.kind) == ("Vingåkers kommun", Body.Kind.MUNICIPALITY)
    assert Term.objects.get().start_date == datetime.date(2023, 1, 1)
    committee = Committee.objects.get()
    assert (committee.name, committee.slug) == ("Kommunstyrelsen", "kommunstyrelsen")
    chair = Membership.objects.get(role=Membership.Role.CHAIR)
    assert (chair.person.name, chair.committee, chair.party) == ("Kim Ek1", committee, "C")
    assert Membership.objects.count() == 3

    meeting = Meeting.objects.get(start__date=datetime.date(2024, 1, 17))
    assert meeting.state == Meeting.State.NOTICE_POSTED
    assert meeting.minutes_verified_at is not None  # locked, as the source's are
    assert meeting.location.description == "Kommunhuset"
    assert Location.objects.count() == 1
    first = meeting.items.get(position=1)
    assert (first.title, first.outcome) == ("Punkt 1", AgendaItem.Outcome.APPROVED)
    assert first.paragraph.number == 1 and first.paragraph.decision == "Beslut 1-1"
    assert first.case.reference == "KS 2024/1"

    attachment = first.documents.get()
    assert attachment.file.read() == TEXT
    assert attachment.text == TEXT.decode().strip()
    assert attachment.text_status == Document.TextStatus.DONE
    assert attachment.media_type == "text/plain"
    assert Document.objects.public().filter(pk=attachment.pk).exists()
    assert Case.objects.get(reference="KS 2024/1").documents.get().filename == "utdrag.txt"

    # Published as at the source: the portal shows the meeting and its file.
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200 and "Punkt 1" in page.content.decode()
    download = client.get(f"/handlingar/{attachment.pk}/utdrag.txt")
    assert download.status_code == 200


def test_running_again_changes_nothing(time_machine):
    time_machine.move_to(datetime.datetime(2024, 6, 1, 9, tzinfo=datetime.UTC))
    source = standard(meetings=2)
    first = run(source)
    before = state()
    time_machine.shift(datetime.timedelta(hours=1))
    again = run(source, full=True)
    assert again.counts["unchanged"] == 9  # body, term, committee, 2 people, 2 papers, 2 meetings
    assert first.counts["created"] == 20
    assert "created" not in again.counts and "updated" not in again.counts
    assert state() == before
    # The third run asks the source only for changes since the second.
    source.requests.clear()
    third = run(source)
    # … by the source's clock (2024 there), not ours.
    assert third.since == again.latest_modified
    assert third.since.year == 2024
    assert all("modified_since=2024-03-01T09" in url for url in source.requests if "body/1/" in url)
    assert state() == before
    assert ImportedObject.objects.count() == len({o.source for o in ImportedObject.objects.all()})


def test_since_fetches_only_what_changed_and_applies_it():
    source = standard(meetings=3)
    run(source)
    meeting_url = f"{BASE}meeting/2"
    item = source.objects[meeting_url]["agendaItem"][1]
    item.update(name="Ny rubrik", modified=source.tick())
    source.change(meeting_url)
    since = source.clock - datetime.timedelta(seconds=30)
    source.requests.clear()
    done = run(source, since=since)
    assert done.problems == []
    assert done.counts["updated"] >= 1
    lists = [url for url in source.requests if "/body/1/" in url]
    assert lists and all("modified_since=" in url for url in lists)
    meetings = [url for url in source.requests if "/body/1/meeting" in url]
    assert len(meetings) == 1  # one page: only the changed meeting
    assert AgendaItem.objects.filter(title="Ny rubrik").count() == 1
    assert Meeting.objects.count() == 3


def test_an_object_deleted_at_the_source_is_deleted_here():
    source = standard(meetings=2)
    run(source)
    gone = ImportedObject.objects.get(source=f"{BASE}meeting/1")
    source.delete(f"{BASE}meeting/1")
    source.delete(f"{BASE}paper/2")
    done = run(source)
    assert done.counts["deleted"] == 2
    assert not Meeting.objects.filter(pk=gone.object_id).exists()
    assert Meeting.all_objects.get(pk=gone.object_id).deleted_at is not None  # soft
    assert list(Case.objects.values_list("reference", flat=True)) == ["KS 2024/1"]


def test_an_item_dropped_from_a_meeting_is_deleted_and_places_may_swap():
    source = standard(meetings=1, items=3)
    run(source)
    meeting = source.objects[f"{BASE}meeting/1"]
    one, two, three = meeting["agendaItem"]
    one.update(order=3, modified=source.tick())
    three.update(order=1, modified=source.tick())
    meeting["agendaItem"] = [three, one]
    source.change(meeting["id"])
    assert run(source).problems == []
    items = AgendaItem.objects.order_by("position")
    assert [(i.position, i.title) for i in items] == [(1, "Punkt 3"), (3, "Punkt 1")]
    assert AgendaItem.all_objects.filter(title="Punkt 2").get().deleted_at is not None


def test_the_command_reports_and_stays_quiet(monkeypatch):
    source = standard()
    monkeypatch.setattr(command, "HttpFetcher", source.fetcher)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_oparl", BASE, "--quiet", stdout=out, stderr=err)
    assert "created" in out.getvalue() and "0 skipped" in out.getvalue()
    assert err.getvalue() == ""  # no progress bar, no problems
    assert ImportRun.objects.get().clean
    meeting = source.objects[f"{BASE}meeting/1"]
    meeting["agendaItem"][1]["auxiliaryFile"] = [source.file("ny")]
    meeting["agendaItem"][1]["modified"] = source.tick()
    source.status[f"{BASE}download/ny/utdrag.txt"] = 500
    source.change(meeting["id"])
    call_command("import_oparl", BASE, "--quiet", stdout=out, stderr=err)
    assert "HTTP 500" in err.getvalue()


def test_the_command_refuses_a_bad_since_or_source(tmp_path):
    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("import_oparl", BASE, "--since", "igår")
    with pytest.raises(CommandError, match="neither a folder"):
        call_command("import_oparl", "ftp://example.org/")
    with pytest.raises(CommandError, match="index.json"):
        call_command("import_oparl", str(tmp_path))


def save_source(source, folder):
    """The fake server's answers in the importer's folder layout."""
    for url, obj in source.objects.items():
        save_answer(folder, url, obj)
    for url in source.lists:
        save_answer(folder, url, source.page(url, {}))
    for url, content in source.files.items():
        save_file(folder, url, content)
    save_index(folder, BASE)


def test_a_folder_of_saved_answers_imports_like_the_server(tmp_path):
    source = standard(meetings=2)
    source.page_size = 100
    folder = tmp_path / "oparl"
    save_source(source, folder)
    out = io.StringIO()
    call_command("import_oparl", str(folder), "--quiet", stdout=out)
    assert "0 skipped" in out.getvalue()
    assert Meeting.objects.count() == 2 and Document.objects.count() == 4
    before = state()

    # Again, with the changes since the last run: filtered from the folder.
    meeting = source.objects[f"{BASE}meeting/2"]
    meeting["agendaItem"][0].update(name="Ändrad", modified=source.tick())
    source.change(meeting["id"])
    save_source(source, folder)
    call_command("import_oparl", str(folder), "--quiet", stdout=out)
    assert "(changes since 2024-03-01" in out.getvalue()
    assert AgendaItem.objects.filter(title="Ändrad").count() == 1
    changed = {(kind, pk) for kind, pk, *_rest in set(state()) - set(before)}
    # The meeting and its item; the item's case follows it (its `modified`).
    assert {kind for kind, _pk in changed} == {"Meeting", "AgendaItem", "Case"}


def test_votes_reservations_and_conflicts_come_with_the_minutes(client):
    source = standard(meetings=1, people=3)
    item = source.objects[f"{BASE}meeting/1"]["agendaItem"][0]
    kim1, kim2, kim3 = (f"{BASE}person/{n}" for n in (1, 2, 3))
    item["paragraf:votes"] = [
        {
            "question": "Bifall mot avslag",
            "result": "ja",
            "ballots": [
                {"person": kim1, "vote": "ja"},
                {"person": kim2, "vote": "nej"},
                {"person": f"{BASE}person/okand", "vote": "ja"},
                {"person": kim3, "vote": "kanske"},
            ],
        }
    ]
    item["paragraf:reservations"] = [{"person": kim2, "against": "beslutet", "grounds": "Nej."}]
    item["paragraf:conflicts"] = [{"person": kim3, "substitute": kim3}]
    done = run(source)
    assert any("person/okand" in problem for problem in done.problems)  # 404, left out
    imported = AgendaItem.objects.get(title="Punkt 1")
    vote = imported.votes.get()
    assert sorted(vote.ballots.values_list("person__family_name", "choice")) == [
        ("Ek1", "ja"),
        ("Ek2", "nej"),
    ]
    assert imported.reservations.get().grounds == "Nej."
    assert imported.conflicts.get().substitute is None

    exported = client.get(f"/oparl/v1/meeting/{imported.meeting_id}/").json()
    first = exported["agendaItem"][0]
    assert first["paragraf:votes"][0]["question"] == "Bifall mot avslag"
    assert first["paragraf:reservations"][0]["against"] == "beslutet"


def test_a_body_url_is_a_starting_point_too():
    source = standard()
    paper = source.objects[f"{BASE}paper/1"]
    paper["mainFile"] = source.file("huvud", name="forslag.txt")
    done = import_oparl(f"{BASE}body/1", fetcher=source.fetcher())
    assert done.problems == []
    assert Body.objects.get().name == "Vingåkers kommun"
    assert BASE not in source.requests  # the System was never asked for
    assert Meeting.objects.count() == 1
    # A paper's mainFile is one of its documents, as its auxiliaryFile are.
    files = Case.objects.get().documents.values_list("filename", flat=True)
    assert sorted(files) == ["forslag.txt", "utdrag.txt"]


def test_the_audit_log_has_one_entry_per_run_and_one_per_meeting():
    source = standard(meetings=2, items=3)
    done = run(source)
    entries = AuditEntry.objects.all()
    run_entry = entries.get(content_type__model="importrun")
    assert run_entry.object_id == str(done.pk)
    assert run_entry.after["counts"]["created"] == done.counts["created"]
    assert run_entry.after["source"] == BASE
    meeting = Meeting.objects.get(start__day=17)
    history = entries.filter(meeting_id=meeting.pk).get()
    assert history.action == AuditEntry.Action.CREATE
    assert history.after == {"imported_from": f"{BASE}meeting/1"}
    assert entries.count() == 1 + 2  # not one per item, paragraph, person …
    # Outside the import every change is logged again.
    item = meeting.items.first()
    with correcting(meeting):
        item.title = "Ändrad efter importen"
        item.save()
    assert entries.filter(meeting_id=meeting.pk).count() == 2

    source.delete(f"{BASE}meeting/2")
    run(source)
    gone = Meeting.all_objects.get(start__day=24)
    assert entries.filter(meeting_id=gone.pk, action=AuditEntry.Action.DELETE).exists()


def test_parents_are_modified_with_what_they_embed(time_machine):
    time_machine.move_to(datetime.datetime(2024, 6, 1, 9, tzinfo=datetime.UTC), tick=True)
    source = standard(meetings=2, items=3)
    run(source)
    for meeting in Meeting.objects.all():
        items = meeting.items.all()
        assert meeting.modified >= max(i.modified for i in items)
        assert meeting.modified >= max(
            p.modified for p in Paragraph.objects.filter(agenda_item__in=items)
        )
    for person in Person.objects.all():
        assert person.modified >= max(m.modified for m in person.memberships.all())
    for case in Case.objects.all():
        assert case.modified >= max(d.modified for d in case.documents.all())
    body = Body.objects.get()
    assert body.modified >= Term.objects.get().modified

    # A changed item touches its meeting, the case it consults, and nothing else.
    time_machine.shift(datetime.timedelta(hours=1))
    before = dict(Meeting.objects.values_list("pk", "modified"))
    cases_before = dict(Case.objects.values_list("pk", "modified"))
    changed = source.objects[f"{BASE}meeting/2"]
    changed["agendaItem"][0].update(name="Ny rubrik", modified=source.tick())
    source.change(changed["id"])
    run(source)
    meeting = Meeting.objects.get(start__day=24)
    assert meeting.modified > before[meeting.pk]
    other = Meeting.objects.exclude(pk=meeting.pk).get()
    assert other.modified == before[other.pk]
    consulted = meeting.items.get(position=1).case
    assert consulted.modified > cases_before[consulted.pk]
    assert (
        Case.objects.exclude(pk=consulted.pk).get().modified
        == cases_before[other.items.get(position=1).case_id]
    )

    # After the import, saves touch their parents through the signals again.
    time_machine.shift(datetime.timedelta(hours=1))
    item = other.items.get(position=2)
    with correcting(other):
        item.title = "Efteråt"
        item.save()
    other.refresh_from_db()
    assert other.modified > before[other.pk]


def test_search_is_asked_to_index_new_meetings_with_their_paragraphs(
    django_capture_on_commit_callbacks,
):
    source = standard(meetings=2, items=3)
    with django_capture_on_commit_callbacks() as callbacks:
        run(source)
    batches = [c for c in callbacks if isinstance(c, Batch)]
    asked = {kind: set().union(*(b.changed[kind] for b in batches)) for kind in Batch().changed}
    assert asked["meetings"] == set(Meeting.objects.values_list("pk", flat=True))
    assert set(Paragraph.objects.values_list("agenda_item_id", flat=True)) <= asked["items"]
    assert asked["cases"] == set(Case.objects.values_list("pk", flat=True))


def test_two_items_of_a_new_meeting_with_one_number_keep_the_first():
    source = standard(meetings=1, items=3)
    items = source.objects[f"{BASE}meeting/1"]["agendaItem"]
    items[2]["paragraf:paragraphNumber"] = items[1]["paragraf:paragraphNumber"]
    done = run(source)
    assert [p for p in done.problems if items[2]["id"] in p and "is taken" in p]
    assert list(Paragraph.objects.values_list("agenda_item__title", "number")) == [
        ("Punkt 1", 1),
        ("Punkt 2", 2),
    ]
    assert not AgendaItem.objects.filter(title="Punkt 3").exists()


def test_an_import_brings_history_and_sends_no_alerts(monkeypatch):
    queued = []
    monkeypatch.setattr("paragraf.alerts.signals._enqueue", lambda *args: queued.append(args))
    source = standard(meetings=2, people=3)
    for obj in source.objects.values():
        if obj.get("type", "").endswith("/Meeting"):  # published, minutes on the board
            obj["paragraf:noticePublished"] = "2024-01-03T09:00:00+01:00"
            obj["paragraf:notices"] = [
                {
                    "kind": "protokoll",
                    "postedOn": "2024-02-01",
                    "appealUntil": "2024-02-22",
                    "removedOn": "2024-02-23",
                }
            ]
    run(source)
    assert Meeting.objects.filter(notice_published_at__isnull=False).count() == 2
    assert Notice.objects.filter(kind=Notice.Kind.MINUTES).count() == 2  # each would alert
    assert queued == []
    # The alerts listen again after the import: a correction posted here is news.
    imported = Notice.objects.first()
    correction = Notice.objects.create(
        meeting=imported.meeting,
        committee=imported.committee,
        kind=Notice.Kind.CORRECTION,
        verified_on=imported.verified_on,
        posted_on=datetime.date(2024, 3, 1),
        appeal_until=datetime.date(2024, 3, 22),
        removed_on=datetime.date(2024, 3, 23),
    )
    assert queued[-1][1:] == (imported.meeting_id, correction.pk)
