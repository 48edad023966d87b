"""The register of delegated decisions and reporting them at a meeting."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from paragraf import factories
from paragraf.cases.models import DelegatedDecision
from paragraf.meetings.models import AgendaItem, Meeting


@pytest.fixture
def meeting(committee):
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    factories.item(meeting, title="Protokollsjustering", state=AgendaItem.State.ON_AGENDA)
    return meeting


def test_registering_a_decision_twice_keeps_one(client, users, committee):
    client.force_login(users["registrator"])
    url = reverse("backoffice:delegated_create", kwargs={"committee": committee.slug})
    data = {
        "title": "Företagsstöd",
        "decided_by": "Områdeschef näringslivsutveckling",
        "decided_on": "2022-09-21",
        "rule": "3.3",
        "is_public": "on",
    }
    assert client.post(url, data).status_code == 302
    client.post(url, data)
    decision = DelegatedDecision.objects.get()
    assert (decision.committee, decision.decided_on) == (committee, datetime.date(2022, 9, 21))


def test_the_list_can_show_only_decisions_not_yet_reported(client, secretary, committee, meeting):
    reported = factories.delegated_decision(committee, title="Redan anmält")
    factories.delegated_decision(committee, title="Inte anmält")
    reported.reported_at = meeting.items.get()
    reported.save()
    client.force_login(secretary)
    url = reverse("backoffice:delegated_list", kwargs={"committee": committee.slug})
    everything = client.get(url).content.decode()
    assert "Redan anmält" in everything and "Inte anmält" in everything
    unreported = client.get(url, {"ej_anmalda": "1"}).content.decode()
    assert "Redan anmält" not in unreported and "Inte anmält" in unreported


def test_reporting_fills_the_anmalningsarenden_item(client, secretary, committee, meeting):
    case = factories.case(committee.body, committee=committee, reference="Regt-74-22")
    decision = factories.delegated_decision(
        committee, case=case, title="Företagsstöd för perioden 2022-07-16 – 2022-09-21"
    )
    client.force_login(secretary)
    url = reverse("backoffice:delegated_report", kwargs={"committee": committee.slug})
    response = client.post(url, {"decisions": [decision.pk], "meeting": meeting.pk}, follow=True)
    item = meeting.items.get(title="Anmälningsärenden")
    assert item.position == 2
    assert item.summary == (
        "Anmälningsärenden:\n\n1. Beslut av Områdeschef näringslivsutveckling enligt punkt "
        "3.3 i nämndens delegationsordning – Företagsstöd för perioden 2022-07-16 – "
        "2022-09-21 diarienummer Regt-74-22"
    )
    assert "Besluten är upptagna under punkt 2 ”Anmälningsärenden”." in response.content.decode()


def test_a_meeting_with_verified_minutes_cannot_be_chosen(client, secretary, committee):
    verified = factories.meeting(committee, minutes_verified_at=timezone.now())
    decision = factories.delegated_decision(committee)
    client.force_login(secretary)
    url = reverse("backoffice:delegated_report", kwargs={"committee": committee.slug})
    response = client.post(url, {"decisions": [decision.pk], "meeting": verified.pk})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    decision.refresh_from_db()
    assert decision.reported_at is None


def test_the_lock_is_reported_in_swedish(client, secretary, committee, meeting, monkeypatch):
    """A meeting verified between showing the form and sending it."""
    from paragraf.backoffice.forms import delegated as forms

    monkeypatch.setattr(forms, "open_meetings", lambda c: Meeting.objects.filter(committee=c))
    Meeting.objects.filter(pk=meeting.pk).update(minutes_verified_at=timezone.now())
    decision = factories.delegated_decision(committee)
    client.force_login(secretary)
    url = reverse("backoffice:delegated_report", kwargs={"committee": committee.slug})
    response = client.post(url, {"decisions": [decision.pk], "meeting": meeting.pk})
    assert "Protokollet är justerat" in response.content.decode()


def test_choosing_nothing_says_why(client, secretary, committee, meeting):
    client.force_login(secretary)
    url = reverse("backoffice:delegated_report", kwargs={"committee": committee.slug})
    response = client.post(url, {"meeting": meeting.pk})
    assert "Välj minst ett beslut att anmäla." in response.content.decode()


def test_editing_a_reported_decision_updates_the_items_list(client, secretary, committee, meeting):
    from paragraf.cases.services import report_delegated_decisions

    decision = factories.delegated_decision(committee, title="Företagsstöd")
    item = report_delegated_decisions(meeting, [decision], by=None)
    client.force_login(secretary)
    url = reverse("backoffice:delegated_edit", kwargs={"decision": decision.pk})
    data = {
        "title": "Företagsstöd till Exempel AB",
        "decided_by": decision.decided_by,
        "decided_on": "2022-09-01",
        "rule": "3.4",
        "is_public": "on",
    }
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert "enligt punkt 3.4 i nämndens delegationsordning – Företagsstöd till Exempel AB" in (
        item.summary
    )


def test_a_decision_reported_at_verified_minutes_cannot_be_edited(client, secretary, committee):
    meeting = factories.meeting(committee, state=Meeting.State.HELD)
    item = factories.item(meeting, title="Anmälningsärenden")
    decision = factories.delegated_decision(committee, reported_at=item)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_verified_at=timezone.now())
    client.force_login(secretary)
    url = reverse("backoffice:delegated_edit", kwargs={"decision": decision.pk})
    response = client.post(
        url, {"title": "Ändrat", "decided_by": "X", "decided_on": "2022-09-01", "rule": "1"}
    )
    assert "Beslutet har anmälts vid ett sammanträde vars protokoll är justerat." in (
        response.content.decode()
    )
    decision.refresh_from_db()
    assert decision.title != "Ändrat"
