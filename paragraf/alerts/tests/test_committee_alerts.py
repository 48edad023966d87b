"""A committee's subscribers get one e-mail when its agenda is published and one
when its minutes are verified and posted, with only what the public may see."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from paragraf import factories
from paragraf.alerts.committee_alerts import AGENDA, send_committee_alerts
from paragraf.alerts.models import Subscription
from paragraf.alerts.tests.conftest import SITE, subscribed
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import agenda
from paragraf.meetings.services.minutes import (
    approve,
    close_meeting,
    correct_minutes,
    send_for_approval,
)

pytestmark = pytest.mark.django_db

MARKERS = ["HEMLIG-TITEL", "HEMLIG-TEXT", "HEMLIGT-BESLUT", "HEMLIG-FÖRSLAG"]


def everything(message):
    return message.subject + message.body + message.alternatives[0][0]


def alerts(outbox):
    return [m for m in outbox if "List-Unsubscribe" in m.extra_headers]


@pytest.fixture
def subscribers(committee):
    other = factories.committee(committee.body, name="Kulturnämnden", slug="kulturnamnden")
    subscribed(other, email="kultur@example.se")
    Subscription.objects.create(
        email="obekraftad@example.se", kind=Subscription.Kind.COMMITTEE, committee=committee
    )
    return [subscribed(committee, email=e) for e in ("anna@example.se", "bo@example.se")]


@pytest.fixture
def planned(committee):
    meeting = factories.meeting(committee, state=Meeting.State.PLANNED)
    agenda.add_item(meeting, title="Bidrag till <Hopajola> & co", summary="Offentlig text")
    agenda.add_item(
        meeting,
        title="HEMLIG-TITEL",
        summary="HEMLIG-TEXT",
        proposed_decision="HEMLIG-FÖRSLAG",
        is_public=False,
    )
    return meeting


def test_publishing_the_agenda_mails_each_confirmed_subscriber(
    planned, subscribers, committed, mailoutbox
):
    committed(agenda.publish_agenda, planned)
    sent = alerts(mailoutbox)
    assert sorted(m.to[0] for m in sent) == ["anna@example.se", "bo@example.se"]
    message = sent[0]
    assert message.subject == "Ny kallelse: Regional tillväxtnämnd, 14 december 2022"
    meeting_url = SITE + planned.get_absolute_url()
    assert meeting_url in message.body
    assert "1. Bidrag till <Hopajola> & co" in message.body
    assert f"{meeting_url}punkt-1/" in message.body
    html = message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"
    assert "Bidrag till &lt;Hopajola&gt; &amp; co" in html
    assert "<Hopajola>" not in html


def test_every_alert_has_the_one_click_unsubscribe_headers(
    planned, subscribers, committed, mailoutbox
):
    committed(agenda.publish_agenda, planned)
    for message in alerts(mailoutbox):
        header = message.extra_headers["List-Unsubscribe"]
        assert re.fullmatch(rf"<{re.escape(SITE)}/bevakning/avsluta/[^/>]+/>", header)
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = header[1:-1]
        assert url in message.body
        assert url in message.alternatives[0][0]
        # The one-click POST a mail program makes, without cookies or CSRF token.
        response = Client(enforce_csrf_checks=True).post(
            url.removeprefix(SITE), {"List-Unsubscribe": "One-Click"}
        )
        assert response.status_code == 200
    assert not Subscription.objects.filter(committee=planned.committee).confirmed().exists()


def test_the_agenda_alert_holds_nothing_that_is_not_public(
    planned, subscribers, committed, mailoutbox
):
    committed(agenda.publish_agenda, planned)
    assert alerts(mailoutbox)
    for message in alerts(mailoutbox):
        for marker in MARKERS:
            assert marker not in everything(message)


def test_changes_after_publishing_send_no_second_alert(planned, subscribers, committed, mailoutbox):
    committed(agenda.publish_agenda, planned)
    committed(agenda.add_item, planned, title="Ett nytt ärende")
    planned.refresh_from_db()
    committed(planned.save)
    committed(send_committee_alerts, AGENDA, planned.pk)
    assert len(alerts(mailoutbox)) == 2


def test_nothing_is_sent_to_those_who_subscribe_after_the_agenda_went_out(
    planned, committed, mailoutbox
):
    committed(agenda.publish_agenda, planned)
    subscribed(planned.committee, confirmed_at=timezone.now() + datetime.timedelta(minutes=1))
    assert send_committee_alerts(AGENDA, planned.pk) == 0
    assert alerts(mailoutbox) == []


def test_an_agenda_not_published_is_never_sent(planned, subscribers, mailoutbox):
    assert send_committee_alerts(AGENDA, planned.pk) == 0
    assert alerts(mailoutbox) == []


def signatory(name):
    return factories.person(given_name=name, user=User.objects.create_user(name))


@pytest.fixture
def held(committee):
    meeting = factories.meeting(committee, state=Meeting.State.HELD)
    factories.item(meeting, title="Bidrag till Hopajola", proposed_decision="Bifall.")
    factories.item(
        meeting,
        title="HEMLIG-TITEL",
        summary="HEMLIG-TEXT",
        decision="HEMLIGT-BESLUT",
        is_public=False,
    )
    meeting.chair = signatory("ordf")
    meeting.save()
    meeting.verifiers.set([signatory("just1"), signatory("just2")])
    secretary = User.objects.create_user("sekreterare")
    close_meeting(meeting, secretary)
    meeting.refresh_from_db()
    meeting.approvals_sent = send_for_approval(meeting, secretary)
    return meeting


def verify(meeting):
    for approval in meeting.approvals_sent:
        approve(approval, approval.person.user)


def test_verified_minutes_on_the_notice_board_are_mailed_once(
    held, subscribers, committed, mailoutbox
):
    committed(verify, held)
    sent = alerts(mailoutbox)
    assert sorted(m.to[0] for m in sent) == ["anna@example.se", "bo@example.se"]
    message = sent[0]
    assert message.subject == "Justerat protokoll: Regional tillväxtnämnd, 14 december 2022"
    held.refresh_from_db()
    notice = held.notices.get()
    assert f"Sista dag att överklaga är {notice.appeal_until.day} " in message.body
    assert "§ 1 Bidrag till Hopajola" in message.body
    assert SITE + "/anslagstavla/" in message.body
    assert SITE + held.get_absolute_url() + "protokoll.pdf" in message.body
    for marker in MARKERS:
        assert marker not in everything(message)
    committed(send_committee_alerts, "protokoll", held.pk, notice.pk)
    assert len(alerts(mailoutbox)) == 2


def test_a_correction_is_mailed_too(held, subscribers, committed, mailoutbox):
    committed(verify, held)
    held.refresh_from_db()
    paragraph = held.items.get(title="Bidrag till Hopajola").paragraph
    user = User.objects.get(username="sekreterare")
    changes = {paragraph.pk: {"decision": "Bifall med ändring."}}
    committed(correct_minutes, held, changes, "Skrivfel", user)
    subjects = sorted(m.subject for m in alerts(mailoutbox) if m.to == ["anna@example.se"])
    assert subjects == [
        "Justerat protokoll: Regional tillväxtnämnd, 14 december 2022",
        "Rättat protokoll: Regional tillväxtnämnd, 14 december 2022",
    ]


def test_a_failed_send_is_not_recorded_and_the_others_still_get_theirs(
    planned, subscribers, committed, mailoutbox, monkeypatch
):
    from django.core.mail import EmailMultiAlternatives

    original = EmailMultiAlternatives.send

    def send(message, *args, **kwargs):
        if message.to == ["anna@example.se"]:
            raise OSError("the mail server said no")
        return original(message, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", send)
    committed(agenda.publish_agenda, planned)
    assert [m.to for m in alerts(mailoutbox)] == [["bo@example.se"]]
    monkeypatch.setattr(EmailMultiAlternatives, "send", original)
    assert send_committee_alerts(AGENDA, planned.pk) == 1
    assert sorted(m.to[0] for m in alerts(mailoutbox)) == ["anna@example.se", "bo@example.se"]
