import pytest
from django.urls import reverse

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Attendance, Meeting
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def held(committee):
    return held_meeting(committee)


def url(name, meeting, **kwargs):
    return reverse(f"backoffice:{name}", kwargs={"meeting": meeting.pk, **kwargs})


def row(meeting, person):
    return Attendance.objects.get(meeting=meeting, person=person)


def attendance_data(attendance, present, serving_for="", serving_from=""):
    prefix = f"a{attendance.pk}-"
    return {
        prefix + "present": present,
        prefix + "serving_for": serving_for,
        prefix + "serving_from": serving_from,
    }


def test_the_cockpit_lists_attendance_verifiers_and_items(client, held, secretary):
    meeting, items, p = held
    client.force_login(secretary)
    response = client.get(url("meeting_cockpit", meeting))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert p.anna.name in html and p.sub1.name in html
    assert 'form="attendance-' in html and "<fieldset" in html
    for item in items:
        assert url("meeting_item", meeting, item=item.pk) in html


def test_a_member_is_marked_absent(client, held, secretary):
    meeting, _items, p = held
    client.force_login(secretary)
    attendance = row(meeting, p.anna)
    response = client.post(
        url("meeting_attendance", meeting, attendance=attendance.pk),
        attendance_data(attendance, "nej"),
        follow=True,
    )
    assert "Sparat" in response.content.decode()
    assert not row(meeting, p.anna).present


def test_it_refuses_a_substitute_for_a_present_member_with_a_reason(client, held, secretary):
    meeting, _items, p = held
    client.force_login(secretary)
    attendance = row(meeting, p.sub1)
    response = client.post(
        url("meeting_attendance", meeting, attendance=attendance.pk),
        attendance_data(attendance, "ja", serving_for=p.anna.pk),
        follow=True,
    )
    assert f"{p.anna.name} är närvarande" in response.content.decode()
    assert row(meeting, p.sub1).serving_for is None


def test_a_substitute_serves_for_an_absent_member_from_an_item(client, held, secretary):
    meeting, items, p = held
    client.force_login(secretary)
    anna = row(meeting, p.anna)
    client.post(
        url("meeting_attendance", meeting, attendance=anna.pk), attendance_data(anna, "nej")
    )
    sub = row(meeting, p.sub1)
    response = client.post(
        url("meeting_attendance", meeting, attendance=sub.pk),
        attendance_data(sub, "ja", serving_for=p.anna.pk, serving_from=items[1].pk),
        HTTP_HX_REQUEST="true",
    )
    assert "Sparat kl." in response.content.decode()
    sub.refresh_from_db()
    assert sub.serving_for == p.anna and sub.serving_from == items[1]


def test_the_refusal_comes_back_to_htmx_as_text(client, held, secretary):
    meeting, _items, p = held
    client.force_login(secretary)
    sub = row(meeting, p.sub1)
    response = client.post(
        url("meeting_attendance", meeting, attendance=sub.pk),
        attendance_data(sub, "ja", serving_for=p.anna.pk),
        HTTP_HX_REQUEST="true",
    )
    assert "är närvarande" in response.content.decode()


def test_the_verifiers_are_chosen_with_time_and_place(client, held, secretary):
    meeting, _items, p = held
    client.force_login(secretary)
    response = client.post(
        url("meeting_verifiers", meeting),
        {"verifiers": [p.anna.pk, p.bo.pk], "place": "Regionhuset", "time": "2022-12-16T10:00"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert set(meeting.verifiers.all()) == {p.anna, p.bo}
    assert meeting.verification_place == "Regionhuset"


def test_three_verifiers_are_refused_with_a_reason(client, held, secretary):
    meeting, _items, p = held
    client.force_login(secretary)
    response = client.post(
        url("meeting_verifiers", meeting),
        {"verifiers": [p.anna.pk, p.bo.pk, p.cecilia.pk], "place": "", "time": ""},
    )
    assert response.status_code == 400
    assert "Välj exakt två justerare." in response.content.decode()
    assert not meeting.verifiers.exists()


def test_the_meeting_is_started_from_the_cockpit(client, committee, secretary):
    factories.membership(committee)
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    client.force_login(secretary)
    assert "Starta sammanträdet" in client.get(url("meeting_cockpit", meeting)).content.decode()
    client.post(url("meeting_start", meeting))
    client.post(url("meeting_start", meeting))
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.HELD
    assert Attendance.objects.filter(meeting=meeting).count() == 1


def test_an_item_added_at_the_meeting_twice_is_added_once(client, held, secretary):
    meeting, _items, _p = held
    client.force_login(secretary)
    data = {"title": "Extra ärende", "proposed_decision": "Bifall", "is_public": "on"}
    first = client.post(url("meeting_add_item", meeting), data)
    second = client.post(url("meeting_add_item", meeting), data)
    added = AgendaItem.objects.get(meeting=meeting, title="Extra ärende")
    assert first["Location"] == second["Location"] == url("meeting_item", meeting, item=added.pk)
    assert added.state == AgendaItem.State.ADDED and added.position == 4


def test_an_item_of_another_meeting_is_not_found(client, held, secretary):
    meeting, _items, _p = held
    other = factories.item(factories.meeting(meeting.committee, state=Meeting.State.HELD))
    client.force_login(secretary)
    assert client.get(url("meeting_item", meeting, item=other.pk)).status_code == 404


def test_a_vice_chair_is_set_to_chair_the_meeting_and_then_decides_a_tie(client, held, secretary):
    from paragraf.meetings.services import recording

    meeting, items, p = held
    recording.set_attendance(meeting, p.chair, False)
    client.force_login(secretary)
    client.post(
        url("meeting_verifiers", meeting),
        {"chair": p.anna.pk, "verifiers": [p.bo.pk, p.cecilia.pk], "place": "", "time": ""},
    )
    meeting.refresh_from_db()
    assert meeting.chair == p.anna
    vote = recording.record_vote(items[0], "Bifall?", {p.anna: "ja", p.bo: "nej"})
    assert vote.result == "ja" and vote.decided_by_chair


def test_the_chair_cannot_also_be_chosen_as_verifier(db):
    from paragraf import factories
    from paragraf.backoffice.forms.meeting import VerifiersForm

    people = [factories.person() for _ in range(3)]
    form = VerifiersForm(
        {"chair": people[0].pk, "verifiers": [people[0].pk, people[1].pk]},
        candidates=people,
    )
    assert not form.is_valid()
    assert "Ordföranden kan inte också vara justerare." in form.errors["verifiers"]
