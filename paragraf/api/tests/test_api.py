"""What a harvester gets from the OParl API, built from the test factories."""

import datetime
import hashlib
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from paragraf import factories
from paragraf.api import paging
from paragraf.api.tests.oparl import errors, harvest, objects_of
from paragraf.meetings.models import Ballot, Conflict, Location, Meeting, Reservation, Vote
from paragraf.meetings.models.lock import correcting
from paragraf.meetings.services.numbering import number_paragraphs

pytestmark = pytest.mark.django_db

ROOT = "http://testserver/oparl/v1/"


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    data = json.loads(response.content)
    for where, obj in [(url, data)] if "data" not in data else enumerate(data["data"]):
        assert errors(obj) == [], where
    return data


@pytest.fixture
def verified():
    return factories.verified_meeting(factories.seed_committee())


def test_the_system_leads_to_the_body_and_its_lists(client, verified):
    system = get(client, ROOT)
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = get(client, system["body"])
    body = bodies["data"][0]
    assert body["name"] == "Region Örebro län"
    meetings = get(client, body["meeting"])
    assert [m["id"] for m in meetings["data"]] == [f"{ROOT}meeting/{verified.pk}/"]


def test_nothing_of_a_non_public_item_reaches_the_api(client, verified):
    answers = harvest(client)
    everything = "".join(response.content.decode() for response, _data in answers.values())
    assert "HEMLIG" not in everything
    assert "hemlig.pdf" not in everything
    secret = next(
        item
        for _where, obj in objects_of(answers)
        if obj["type"].endswith("/Meeting")
        for item in obj["agendaItem"]
        if item["public"] is False
    )
    assert set(secret) == {
        "id",
        "type",
        "created",
        "modified",
        "deleted",
        "meeting",
        "number",
        "order",
        "public",
        "paragraf:paragraphNumber",
    }
    assert [e for _where, obj in objects_of(answers) for e in errors(obj)] == []


def test_a_public_item_has_its_decision_file_and_paragraph(client, verified):
    meeting = get(client, f"{ROOT}meeting/{verified.pk}/")
    first = meeting["agendaItem"][0]
    assert first["name"] == "Verksamhetsbidrag 2023 till Hopajola"
    assert first["paragraf:paragraphNumber"] == 1
    assert first["resolutionText"] == "Regional tillväxtnämnd beviljar 305 000 kronor."
    file = first["auxiliaryFile"][0]
    assert file["sha512Checksum"] and file["size"] > 0
    assert file["accessUrl"].startswith("http://testserver/")
    assert client.get(file["accessUrl"]).status_code == 200
    assert get(client, file["id"])["name"] == "Ansökan Hopajola"
    paper = get(client, get(client, first["consultation"])["paper"])
    assert paper["reference"] == "RUN 2022/1234"
    assert meeting["resultsProtocol"]["accessUrl"].endswith("/mote-2022-12-14/protokoll.pdf")
    assert meeting["invitation"]["accessUrl"].endswith("/mote-2022-12-14/kallelse.pdf")


def test_the_notice_and_minutes_are_files_whose_checksum_matches_the_pdf(client, verified):
    meeting = get(client, f"{ROOT}meeting/{verified.pk}/")
    invitation = meeting["invitation"]
    # The API never makes a PDF: before anyone has asked for the notice, it has no checksum.
    assert "sha512Checksum" not in invitation
    pdf = client.get(invitation["accessUrl"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    again = get(client, invitation["id"])
    body = b"".join(pdf.streaming_content) if pdf.streaming else pdf.content
    assert again["sha512Checksum"] == hashlib.sha512(body).hexdigest()
    assert again["size"] == len(body)
    assert again["meeting"] == [meeting["id"]]
    # The meeting's (cached) answer learns of the new PDF too.
    embedded = get(client, f"{ROOT}meeting/{verified.pk}/")["invitation"]
    assert embedded["sha512Checksum"] == again["sha512Checksum"]

    served = client.get(meeting["resultsProtocol"]["accessUrl"])
    body = b"".join(served.streaming_content) if served.streaming else served.content
    minutes = get(client, meeting["resultsProtocol"]["id"])
    assert minutes["sha512Checksum"] == hashlib.sha512(body).hexdigest()


def test_minutes_file_of_a_meeting_without_verified_minutes_is_a_404(client):
    meeting = factories.meeting(factories.seed_committee(), state=Meeting.State.NOTICE_PUBLISHED)
    data = get(client, f"{ROOT}meeting/{meeting.pk}/")
    assert "resultsProtocol" not in data and "invitation" in data
    assert client.get(f"{ROOT}file/minutes/{meeting.pk}/").status_code == 404


def test_the_body_lists_its_items_consultations_files_and_locations(client, verified):
    body = get(client, f"{ROOT}body/")["data"][0]
    items = get(client, body["agendaItem"])["data"]
    meeting = get(client, f"{ROOT}meeting/{verified.pk}/")
    assert items == meeting["agendaItem"]
    consultations = get(client, body["consultation"])["data"]
    assert [c["agendaItem"] for c in consultations] == [
        i["id"] for i in items if "consultation" in i
    ]
    files = get(client, body["file"])["data"]
    assert [f["name"] for f in files] == ["Ansökan Hopajola"]
    assert "HEMLIG" not in json.dumps(files)
    location = Location.objects.create(description="Länsstyrelsehuset, sal A")
    Meeting.objects.filter(pk=verified.pk).update(location=location)
    locations = get(client, body["locationList"])["data"]
    assert [loc["description"] for loc in locations] == [location.description]


def test_a_harvester_that_has_the_object_gets_304(client, verified):
    url = f"{ROOT}meeting/{verified.pk}/"
    first = client.get(url)
    assert first["ETag"] and "max-age=60" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    verified.name = "Nytt namn"
    verified.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_person_is_listed_without_e_mail(client, verified):
    factories.membership(
        verified.committee, person=factories.person(email="anna@example.org"), party="S"
    )
    body = get(client, f"{ROOT}body/")["data"][0]
    people = get(client, body["person"])["data"]
    assert [p["membership"][0]["paragraf:party"] for p in people] == ["S"]
    assert "anna@example.org" not in json.dumps(people)


def test_lists_come_in_pages_whose_links_keep_the_filters(client, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 2)
    body = factories.body()
    made = [factories.committee(body) for _ in range(5)]
    url = f"{ROOT}body/{body.pk}/organization/"
    since = "2000-01-01T00:00:00+01:00"
    page = get(client, url, created_since=since)
    seen, pages = [], 1
    while True:
        seen += [o["id"] for o in page["data"]]
        for name, link in page["links"].items():
            assert "created_since=2000-01-01T00%3A00%3A00%2B01%3A00" in link, name
        if "next" not in page["links"]:
            break
        page = get(client, page["links"]["next"])
        pages += 1
    assert pages == 3
    assert page["pagination"] == {
        "totalElements": 5,
        "elementsPerPage": 2,
        "currentPage": 3,
        "totalPages": 3,
    }
    assert seen == [f"{ROOT}organization/{c.pk}/" for c in made]


def test_created_and_modified_filters_choose_the_objects(client):
    body = factories.body()
    factories.committee(body)
    url = f"{ROOT}body/{body.pk}/organization/"
    future = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    past = (timezone.now() - datetime.timedelta(hours=1)).isoformat()
    assert len(get(client, url, created_since=past)["data"]) == 1
    assert get(client, url, created_since=future)["data"] == []
    assert get(client, url, modified_until=past)["data"] == []
    assert len(get(client, url, created_until=future)["data"]) == 1


@pytest.mark.parametrize(
    "query",
    [
        "created_since=yesterday",
        "modified_since=2022-13-45",
        "modified_until=%00",
        "page=0",
        "page=x",
        "page=99999999999999999999999",
        "created_since=0001-01-01T00:00:00%2B01:00",
        "modified_since=9999-12-31T23:59:59-05:00",
        "modified_since=2022-12-16T10:00:00%2B99:00",
    ],
)
def test_a_bad_filter_or_page_is_a_400_with_a_json_error(client, query):
    body = factories.body()
    response = client.get(f"{ROOT}body/{body.pk}/meeting/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content)["error"]


def test_a_page_after_the_last_is_empty_and_leads_back(client):
    body = factories.body()
    factories.committee(body)
    page = get(client, f"{ROOT}body/{body.pk}/organization/", page=7)
    assert page["data"] == []
    assert page["links"]["prev"].endswith("page=1")
    assert "next" not in page["links"]


def test_an_unknown_object_is_a_404_in_json(client):
    response = client.get(f"{ROOT}meeting/999999/")
    assert response.status_code == 404
    assert json.loads(response.content)["error"]


def test_the_api_only_reads(client):
    assert client.post(ROOT).status_code == 405


def test_deleted_and_unpublished_show_as_deleted_only_to_a_harvester_of_changes(client, verified):
    body = verified.committee.body
    planned = factories.meeting(verified.committee, day=datetime.date(2023, 1, 10))
    planned.state = Meeting.State.PLANNED
    planned.save()
    gone = factories.meeting(verified.committee, day=datetime.date(2023, 2, 10))
    gone.soft_delete()
    secret_case = factories.case(body, is_public=False, title="HEMLIG-ÄRENDE")
    url = f"{ROOT}body/{body.pk}/meeting/"
    plain = get(client, url)["data"]
    assert [m["id"] for m in plain] == [f"{ROOT}meeting/{verified.pk}/"]
    changes = get(client, url, modified_since="2000-01-01T00:00:00Z")["data"]
    assert {m["id"]: m["deleted"] for m in changes} == {
        f"{ROOT}meeting/{verified.pk}/": False,
        f"{ROOT}meeting/{planned.pk}/": True,
        f"{ROOT}meeting/{gone.pk}/": True,
    }
    stub = next(m for m in changes if m["deleted"])
    assert set(stub) == {"id", "type", "created", "modified", "deleted"}

    papers = f"{ROOT}body/{body.pk}/paper/"
    assert f"{ROOT}paper/{secret_case.pk}/" not in json.dumps(get(client, papers))
    changed = get(client, papers, modified_since="2000-01-01T00:00:00Z")
    hidden = next(p for p in changed["data"] if p["id"] == f"{ROOT}paper/{secret_case.pk}/")
    assert hidden["deleted"] is True
    assert "HEMLIG" not in json.dumps(changed)
    assert get(client, f"{ROOT}meeting/{gone.pk}/")["deleted"] is True


def test_a_changed_agenda_item_changes_its_meeting_modified(client, time_machine):
    time_machine.move_to(datetime.datetime(2022, 12, 1, 9, tzinfo=datetime.UTC))
    meeting = factories.meeting(state=Meeting.State.NOTICE_PUBLISHED)
    item = factories.item(meeting, state="pa_listan")
    url = f"{ROOT}meeting/{meeting.pk}/"
    before = get(client, url)["modified"]
    time_machine.move_to(datetime.datetime(2022, 12, 2, 9, tzinfo=datetime.UTC))
    item.title = "Ny rubrik"
    item.save()
    after = get(client, url)
    assert after["modified"] > before
    assert after["agendaItem"][0]["name"] == "Ny rubrik"
    assert "resultsProtocol" not in after and "invitation" in after
    listed = get(
        client, f"{ROOT}body/{meeting.committee.body_id}/meeting/", modified_since=after["modified"]
    )
    assert [m["id"] for m in listed["data"]] == [url]


def busy_meeting(committee, day):
    meeting = factories.meeting(committee, day=day)
    item = factories.item(meeting, case=factories.case(committee.body))
    factories.attach(item)
    factories.attach(factories.item(meeting, is_public=False))
    number_paragraphs(meeting)
    return meeting


def test_a_page_of_meetings_takes_the_same_queries_however_many_meetings(client):
    committee = factories.seed_committee()
    days = [datetime.date(2022, 1, 1) + datetime.timedelta(days=n) for n in range(6)]
    for day in days[:2]:
        busy_meeting(committee, day)
    url = f"{ROOT}body/{committee.body_id}/meeting/"
    with CaptureQueriesContext(connection) as few:
        get(client, url)
    for day in days[2:]:
        busy_meeting(committee, day)
    with CaptureQueriesContext(connection) as many:
        assert len(get(client, url)["data"]) == 6
    assert len(many) == len(few)


def test_votes_reservations_and_conflicts_go_with_the_paragraph(client, verified):
    item = verified.items.order_by("position").first()
    yes, no = factories.person(), factories.person()
    vote = Vote.objects.create(item=item, question="Bifall mot avslag", result=Vote.Result.YES)
    Ballot.objects.create(vote=vote, person=yes, choice=Ballot.Choice.YES)
    Ballot.objects.create(vote=vote, person=no, choice=Ballot.Choice.NO)
    Reservation.objects.create(item=item, person=no, against="beslutet")
    Conflict.objects.create(item=item, person=factories.person())
    document = item.documents.get()
    document.text = "Hopajola ansöker"
    document.save()

    first = get(client, f"{ROOT}meeting/{verified.pk}/")["agendaItem"][0]
    assert first["paragraf:votes"][0]["result"] == "ja"
    assert {b["vote"] for b in first["paragraf:votes"][0]["ballots"]} == {"ja", "nej"}
    assert first["paragraf:reservations"][0]["person"] == f"{ROOT}person/{no.pk}/"
    assert len(first["paragraf:conflicts"]) == 1
    assert first["auxiliaryFile"][0]["text"] == "Hopajola ansöker"


@pytest.fixture
def parents_follow():
    """The API app's signals, as ApiConfig.ready() connects them once it is installed."""
    from paragraf.api import signals  # noqa: F401


def test_a_changed_file_or_membership_changes_its_paper_or_person(
    client, verified, time_machine, parents_follow
):
    body = verified.committee.body
    member = factories.membership(verified.committee)
    later = timezone.now() + datetime.timedelta(days=1)
    time_machine.move_to(later)
    since = {"modified_since": (later - datetime.timedelta(seconds=1)).isoformat()}
    assert get(client, f"{ROOT}body/{body.pk}/paper/", **since)["data"] == []
    assert get(client, f"{ROOT}body/{body.pk}/person/", **since)["data"] == []

    item = verified.items.order_by("position").first()
    document = item.documents.get()
    document.case = item.case  # filed in the case: the Paper's file
    document.text = "Ny text"
    document.save()
    member.party = "C"
    member.save()

    papers = get(client, f"{ROOT}body/{body.pk}/paper/", **since)["data"]
    assert [p["reference"] for p in papers] == ["RUN 2022/1234"]
    assert papers[0]["auxiliaryFile"][0]["text"] == "Ny text"
    people = get(client, f"{ROOT}body/{body.pk}/person/", **since)["data"]
    assert [p["membership"][0]["paragraf:party"] for p in people] == ["C"]


def test_a_meeting_is_answered_from_the_cache_until_it_changes(
    client, verified, django_assert_max_num_queries
):
    url = f"{ROOT}meeting/{verified.pk}/"
    first = get(client, url)
    with django_assert_max_num_queries(1):
        assert get(client, url) == first
    item = verified.items.get(title="Verksamhetsbidrag 2023 till Hopajola")
    with correcting(verified):
        item.title = "Nytt bidrag"
        item.save()
    assert get(client, url)["agendaItem"][0]["name"] == "Nytt bidrag"
    with correcting(verified):
        verified.soft_delete()
    assert get(client, url)["deleted"] is True
