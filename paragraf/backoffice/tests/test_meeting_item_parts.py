import re

import pytest
from django.urls import reverse

from paragraf.meetings.models import AgendaItem, Conflict, Motion, Vote
from paragraf.meetings.services import recording
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def held(committee):
    return held_meeting(committee)


def item_url(item, name="meeting_item"):
    return reverse(f"backoffice:{name}", kwargs={"meeting": item.meeting_id, "item": item.pk})


def test_the_vote_form_lists_exactly_the_serving_members(client, held, secretary):
    meeting, items, p = held
    recording.set_attendance(meeting, p.cecilia, False)
    recording.set_attendance(meeting, p.sub2, True)
    recording.declare_conflict(items[0], p.bo, substitute=p.sub2)
    client.force_login(secretary)
    form = client.get(item_url(items[0])).context["vote_form"]
    assert {f.label for f in form.ballot_fields()} == {p.chair.name, p.anna.name, p.sub2.name}


def test_a_vote_is_recorded_and_its_result_shown(client, held, secretary):
    _meeting, items, p = held
    client.force_login(secretary)
    data = {
        "question": "Bifall till förslaget?",
        f"ballot_{p.anna.pk}": "ja",
        f"ballot_{p.bo.pk}": "ja",
        f"ballot_{p.cecilia.pk}": "nej",
        f"ballot_{p.chair.pk}": "avstar",
    }
    url = item_url(items[0], "meeting_item_vote")
    client.post(url, data)
    response = client.post(url, data, follow=True)
    assert Vote.objects.filter(item=items[0]).count() == 1
    assert Vote.objects.get().result == "ja"
    assert "Resultat: ja" in response.content.decode()


def test_a_ballot_for_someone_not_serving_is_refused(client, held, secretary):
    _meeting, items, p = held
    client.force_login(secretary)
    response = client.post(
        item_url(items[0], "meeting_item_vote"),
        {"question": "Bifall?", f"ballot_{p.anna.pk}": "ja", f"ballot_{p.sub1.pk}": "nej"},
    )
    assert response.status_code == 400
    assert f"{p.sub1.name} tjänstgör inte i detta ärende" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_tie_without_the_chair_is_refused_on_the_page(client, held, secretary):
    meeting, items, p = held
    recording.set_attendance(meeting, p.chair, False)
    client.force_login(secretary)
    response = client.post(
        item_url(items[0], "meeting_item_vote"),
        {"question": "Bifall?", f"ballot_{p.anna.pk}": "ja", f"ballot_{p.bo.pk}": "nej"},
    )
    assert response.status_code == 400
    assert "utslagsröst" in response.content.decode()


def test_a_double_submitted_motion_is_recorded_once(client, held, secretary):
    _meeting, items, p = held
    client.force_login(secretary)
    data = {"movers": [p.anna.pk, p.bo.pk], "text": "Avslag på förslaget"}
    client.post(item_url(items[0], "meeting_item_motion"), data)
    client.post(item_url(items[0], "meeting_item_motion"), data)
    motion = Motion.objects.get(item=items[0])
    assert set(motion.movers.all()) == {p.anna, p.bo} and motion.position == 1
    html = client.get(item_url(items[0])).content.decode()
    assert "Avslag på förslaget" in html and p.bo.name in html


def test_reservation_note_and_conflict_are_recorded(client, held, secretary):
    meeting, items, p = held
    recording.set_attendance(meeting, p.sub1, True)
    client.force_login(secretary)
    client.post(
        item_url(items[0], "meeting_item_reservation"),
        {"person": p.cecilia.pk, "against": "beslutet", "grounds": "Skäl"},
    )
    client.post(item_url(items[0], "meeting_item_note"), {"person": p.anna.pk, "text": "Noterat"})
    client.post(
        item_url(items[0], "meeting_item_conflict"), {"person": p.bo.pk, "substitute": p.sub1.pk}
    )
    html = client.get(item_url(items[0])).content.decode()
    assert "Skäl" in html and "Noterat" in html
    assert Conflict.objects.get(item=items[0]).substitute == p.sub1
    assert p.sub1 in recording.serving_members(meeting, items[0])


def test_withdrawing_an_item(client, held, secretary):
    _meeting, items, _p = held
    client.force_login(secretary)
    client.post(item_url(items[2], "meeting_item_withdraw"))
    assert AgendaItem.objects.get(pk=items[2].pk).state == AgendaItem.State.WITHDRAWN


def test_immediate_verification_is_refused_before_a_decision_and_done_after(
    client, held, secretary
):
    _meeting, items, _p = held
    client.force_login(secretary)
    refused = client.post(item_url(items[0], "meeting_item_verify"), follow=True)
    assert "Bara ett behandlat ärende med beslut" in refused.content.decode()
    recording.save_item_decision(items[0], "Bifall", "bifall", items[0].version)
    client.post(item_url(items[0], "meeting_item_verify"))
    assert AgendaItem.objects.get(pk=items[0].pk).verified_immediately_at is not None


def test_every_label_on_the_item_page_points_at_one_field(client, held, secretary):
    _meeting, items, _p = held
    client.force_login(secretary)
    html = client.get(item_url(items[0])).content.decode()
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for target in re.findall(r'<label for="([^"]+)"', html):
        assert target in ids


def test_a_vote_recorded_by_mistake_is_removed_and_then_a_conflict_can_be_declared(
    client, held, secretary
):
    _meeting, items, p = held
    vote = recording.record_vote(items[0], "Bifall?", {p.anna: "ja", p.bo: "nej", p.chair: "ja"})
    client.force_login(secretary)
    url = reverse(
        "backoffice:meeting_vote_remove",
        kwargs={"meeting": items[0].meeting_id, "item": items[0].pk, "vote": vote.pk},
    )
    assert "Borttaget" in client.post(url, follow=True).content.decode()
    assert not Vote.objects.exists()
    recording.declare_conflict(items[0], p.bo)


def test_a_motion_of_another_item_cannot_be_removed_through_this_one(client, held, secretary):
    _meeting, items, p = held
    motion = recording.add_motion(items[1], [p.anna], "Avslag")
    client.force_login(secretary)
    url = reverse(
        "backoffice:meeting_motion_remove",
        kwargs={"meeting": items[0].meeting_id, "item": items[0].pk, "motion": motion.pk},
    )
    assert client.post(url).status_code == 404
    assert Motion.objects.filter(pk=motion.pk).exists()
