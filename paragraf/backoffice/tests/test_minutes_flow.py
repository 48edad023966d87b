"""The secretary's minutes editor and the signatories' approval pages, end to end."""

import pytest

from paragraf import factories
from paragraf.backoffice.tests.conftest import Role, make_user
from paragraf.meetings.models import Approval, Meeting, MinutesVersion, Paragraph
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Membership


@pytest.fixture
def meeting(committee):
    meeting = factories.meeting(committee, state=Meeting.State.HELD)
    factories.item(meeting, title="Budget", proposed_decision="Nämnden antar budgeten.")
    return meeting


@pytest.fixture
def people(committee, users):
    """Chair and two verifiers, each with a login; the chair is the member user."""
    logins = [
        users["ledamot"],
        make_user("just1", committee, Role.MEMBER),
        make_user("just2", committee, Role.MEMBER),
    ]
    people = []
    for n, user in enumerate(logins):
        person = factories.person(given_name=f"Signatär{n}", user=user)
        Membership.objects.create(committee=committee, person=person, role="ledamot")
        people.append(person)
    return people


def editor(meeting):
    return f"/kansli/moten/{meeting.pk}/protokoll/"


def close_and_send(client, meeting, people):
    client.post(editor(meeting) + "avsluta/")
    client.post(
        editor(meeting) + "justerare/",
        {"chair": people[0].pk, "verifiers": [people[1].pk, people[2].pk]},
    )
    return client.post(editor(meeting) + "skicka/", follow=True)


def test_the_secretary_closes_edits_and_sends_the_minutes(client, secretary, meeting, people):
    client.force_login(secretary)
    response = client.get(editor(meeting))
    assert "Avsluta sammanträdet" in response.content.decode()
    client.post(editor(meeting) + "avsluta/")
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting)
    assert paragraph.decision == "Nämnden antar budgeten."
    item = paragraph.agenda_item
    response = client.post(
        f"{editor(meeting)}punkt/{item.pk}/",
        {f"p{paragraph.pk}-title": "Budget 2023", f"p{paragraph.pk}-decision": "Antagen."},
    )
    assert response.status_code == 302
    paragraph.refresh_from_db()
    assert (paragraph.title, paragraph.decision) == ("Budget 2023", "Antagen.")
    response = close_and_send(client, meeting, people)
    assert "Protokollet har skickats till ordföranden" in response.content.decode()
    assert Approval.objects.filter(meeting=meeting, round=1).count() == 3
    # A second click sends nothing more.
    response = client.post(editor(meeting) + "skicka/", follow=True)
    assert "väntar redan" in response.content.decode()
    assert Approval.objects.filter(meeting=meeting).count() == 3


def test_sending_without_signatories_is_refused_with_a_reason(client, secretary, meeting):
    client.force_login(secretary)
    client.post(editor(meeting) + "avsluta/")
    response = client.post(editor(meeting) + "skicka/", follow=True)
    assert "Välj ordförande och två justerare" in response.content.decode()
    assert not Approval.objects.exists()


def test_closing_a_meeting_not_held_is_refused_with_a_reason(client, secretary, committee):
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    client.force_login(secretary)
    response = client.post(editor(meeting) + "avsluta/", follow=True)
    assert "Bara ett genomfört sammanträde kan avslutas" in response.content.decode()


def test_signatories_approve_and_the_minutes_are_verified(
    client, secretary, meeting, people, users
):
    client.force_login(secretary)
    close_and_send(client, meeting, people)
    approvals = list(Approval.objects.filter(meeting=meeting).order_by("pk"))
    client.force_login(users["ledamot"])
    waiting = client.get("/kansli/protokoll/").content.decode()
    assert f"/kansli/protokoll/{approvals[0].pk}/" in waiting
    page = client.get(f"/kansli/protokoll/{approvals[0].pk}/").content.decode()
    assert "Godkänn protokollet" in page and "Budget" in page
    # Someone else's approval: readable, but not answerable.
    other = client.get(f"/kansli/protokoll/{approvals[1].pk}/").content.decode()
    assert "Godkänn protokollet" not in other
    assert client.post(f"/kansli/protokoll/{approvals[1].pk}/godkann/").status_code == 403
    for approval in approvals:
        client.force_login(approval.person.user)
        client.post(f"/kansli/protokoll/{approval.pk}/godkann/")
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.NOTICE_POSTED
    assert MinutesVersion.objects.get(meeting=meeting).number == 1
    assert Notice.objects.filter(meeting=meeting, kind=Notice.Kind.MINUTES).exists()
    assert Approval.objects.get(pk=approvals[0].pk).answered_by == users["ledamot"]


def test_a_signatory_sends_the_minutes_back_with_a_comment(
    client, secretary, meeting, people, users
):
    client.force_login(secretary)
    close_and_send(client, meeting, people)
    approval = Approval.objects.get(meeting=meeting, person=people[1])
    client.force_login(people[1].user)
    response = client.post(f"/kansli/protokoll/{approval.pk}/skicka-tillbaka/", {"comment": ""})
    assert response.status_code == 400
    client.post(
        f"/kansli/protokoll/{approval.pk}/skicka-tillbaka/", {"comment": "Fel belopp i § 1."}
    )
    approval.refresh_from_db()
    assert approval.answer == Approval.Answer.COMMENTED
    client.force_login(secretary)
    page = client.get(editor(meeting)).content.decode()
    assert "Fel belopp i § 1." in page
    client.post(editor(meeting) + "skicka/")
    assert Approval.objects.filter(meeting=meeting, round=2).count() == 3


def test_a_correction_needs_a_reason_and_makes_version_two(client, secretary, meeting, people):
    client.force_login(secretary)
    close_and_send(client, meeting, people)
    for approval in Approval.objects.filter(meeting=meeting):
        client.force_login(approval.person.user)
        client.post(f"/kansli/protokoll/{approval.pk}/godkann/")
    client.force_login(secretary)
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting)
    url = f"{editor(meeting)}punkt/{paragraph.agenda_item.pk}/rattelse/"
    data = {f"r{paragraph.pk}-decision": "Nämnden antar budgeten 2023."}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Detta fält måste fyllas i" in response.content.decode()
    # Editing the draft is no longer possible either.
    client.post(
        f"{editor(meeting)}punkt/{paragraph.agenda_item.pk}/", {f"p{paragraph.pk}-title": "X"}
    )
    paragraph.refresh_from_db()
    assert paragraph.title == ""
    client.post(url, {**data, f"r{paragraph.pk}-reason": "Året saknades."})
    paragraph.refresh_from_db()
    assert paragraph.decision == "Nämnden antar budgeten 2023."
    version = MinutesVersion.objects.get(meeting=meeting, number=2)
    assert version.reason == "Året saknades."
    assert Notice.objects.filter(meeting=meeting, kind=Notice.Kind.CORRECTION).exists()
    page = client.get(editor(meeting)).content.decode()
    assert "Version 2" in page and "Året saknades." in page


def test_the_minutes_cannot_be_edited_while_with_the_signatories(
    client, secretary, meeting, people
):
    client.force_login(secretary)
    close_and_send(client, meeting, people)
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting)
    response = client.post(
        f"{editor(meeting)}punkt/{paragraph.agenda_item.pk}/",
        {f"p{paragraph.pk}-title": "Ändrad under justeringen"},
        follow=True,
    )
    assert "kan inte ändras nu" in response.content.decode()
    paragraph.refresh_from_db()
    assert paragraph.title == ""


def test_signatories_approve_what_the_public_will_read(
    client, secretary, meeting, people, committee
):
    """The approval page shows the handling (votes, reservations) as the public minutes will."""
    from paragraf.meetings.models import Ballot, Reservation, Vote

    item = meeting.items.get()
    vote = Vote.objects.create(item=item, question="Bifall till budgeten?", result="ja")
    Ballot.objects.create(vote=vote, person=people[1], choice="nej")
    Reservation.objects.create(item=item, person=people[1], grounds="För dyr budget.")
    client.force_login(secretary)
    close_and_send(client, meeting, people)
    approval = Approval.objects.get(meeting=meeting, person=people[1])
    client.force_login(people[1].user)
    html = client.get(f"/kansli/protokoll/{approval.pk}/").content.decode()
    assert "Bifall till budgeten?" in html
    assert f"{people[1].name}</th><td>Nej</td>" in html
    assert "För dyr budget." in html
