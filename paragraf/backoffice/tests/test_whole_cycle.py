"""The whole cycle in one test, through the pages people use: a case is registered,
put on the agenda and noticed, decided at the meeting with a vote, a reservation
and a conflict of interest, minuted, approved by the chair and two verifiers,
posted on the notice board and read by the public.

The dates are fixed: the meeting is on Wednesday 15 March 2023 and the last
signatory approves on Friday 17 March, so the notice goes up that day and the
appeal period of three weeks ends on Friday 7 April, Good Friday; with Easter
the last day to appeal is Tuesday 11 April.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from django.test import Client

from paragraf import factories
from paragraf.backoffice.tests.conftest import Role, make_user
from paragraf.cases.models import Case
from paragraf.meetings.models import Approval, Attendance, Meeting, Vote
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Membership

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PASSWORD = "lösenord-för-test"
PUBLIC_MEETING = "/namnder/regional-tillvaxtnamnd/mote-2023-03-15/"
CASE_TITLE = "Verksamhetsbidrag 2023 till Hopajola"
DECISION = "Regional tillväxtnämnd beviljar Hopajola 305 000 kronor för 2023."


def at(month, day, hour=9, minute=0):
    return datetime.datetime(2023, month, day, hour, minute, tzinfo=STOCKHOLM)


def html(response, status=200):
    assert response.status_code == status, response.content.decode()[:2000]
    return response.content.decode()


def post(client, url, data=None, status=200):
    """Submit a form the way a browser does: POST, then follow the redirect."""
    return html(client.post(url, data or {}, follow=True), status)


def log_in(user):
    """A fresh browser that logs in through the log-in form."""
    client = Client()
    response = client.post("/kansli/logga-in/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def person(committee, name, role, *, email=True, login=False):
    """A member or substitute of the committee; with `login`, also a user linked
    through Person.user with the role ledamot, so they can sign the minutes."""
    given, family = name.split(" ", 1)
    user = None
    if login:
        user = make_user(given.lower(), committee, Role.MEMBER)
    someone = factories.person(
        given_name=given,
        family_name=family,
        email=f"{given.lower()}@example.se" if email else "",
        user=user,
    )
    Membership.objects.create(committee=committee, person=someone, role=role)
    return someone


def the_committee(committee):
    M = Membership.Role
    return {
        "chair": person(committee, "Ola Ordförande", M.CHAIR, login=True),
        "verifier1": person(committee, "Vera Justerare", M.MEMBER, login=True),
        "verifier2": person(committee, "Valter Justerare", M.MEMBER, login=True),
        "absent": person(committee, "Frida Frånvarande", M.MEMBER),
        "conflicted": person(committee, "Jens Jävig", M.MEMBER),
        "dissenter": person(committee, "Rut Reservant", M.MEMBER),
        "substitute": person(committee, "Erik Ersättare", M.SUBSTITUTE),
        "no_email": person(committee, "Nils Utanpost", M.SUBSTITUTE, email=False),
    }


def test_a_case_goes_from_registration_to_the_public_paragraph(
    committee, users, mailoutbox, django_capture_on_commit_callbacks, time_machine
):
    people = the_committee(committee)
    public = Client()

    # 1. The case officer registers the case; the number follows the body's format.
    time_machine.move_to(at(3, 1, 10))
    officer = log_in(users[Role.CASE_OFFICER])
    page = post(
        officer,
        "/kansli/namnder/regional-tillvaxtnamnd/arenden/ny/",
        {
            "title": CASE_TITLE,
            "description": "Hopajola ansöker om 305 000 kronor för 2023.",
            "proposed_decision": "Nämnden beviljar 305 000 kronor.",
            "case_officer": users[Role.CASE_OFFICER].pk,
            "is_public": "on",
        },
    )
    assert "Ärendet RS 2023/1 är registrerat." in page
    case = Case.objects.get()
    assert (case.reference, case.committee) == ("RS 2023/1", committee)

    # 2. The secretary creates the meeting and builds the agenda.
    secretary = log_in(users[Role.SECRETARY])
    page = post(
        secretary,
        "/kansli/namnder/regional-tillvaxtnamnd/moten/nytt/",
        {"start": "2023-03-15T09:00", "end": "2023-03-15T12:00", "new_location": "Regionhuset"},
    )
    assert "Mötet är skapat." in page
    meeting = Meeting.objects.get()
    assert meeting.slug == "mote-2023-03-15"
    agenda = f"/kansli/moten/{meeting.pk}/dagordning/"
    assert "Punkten är tillagd." in post(secretary, agenda + "arende/", {"case": case.pk})
    page = post(secretary, agenda + "standardpunkt/", {"key": "protokollsjustering"})
    # The opening item goes first, before the case.
    assert page.index("Protokollsjustering") < page.index(CASE_TITLE)
    justering, case_item = meeting.items.order_by("position")
    assert (justering.number, case_item.number, case_item.case) == ("1", "2", case)
    # A planned meeting is not public yet.
    assert "inget publicerat sammanträde" in html(public.get(PUBLIC_MEETING), 404)

    page = html(secretary.get(f"/kansli/moten/{meeting.pk}/forhandsvisning/"))
    assert CASE_TITLE in page and "RS 2023/1" in page
    with django_capture_on_commit_callbacks(execute=True):
        page = post(secretary, f"/kansli/moten/{meeting.pk}/publicera/")
    assert "Föredragningslistan är publicerad. Antal som fick kallelsen: 7." in page
    assert "utan e-postadress, som inte fick kallelsen: 1." in page
    invited = {p.email for p in people.values() if p.email}
    assert {message.to[0] for message in mailoutbox} == invited
    for message in mailoutbox:
        assert message.subject == "Kallelse: Regional tillväxtnämnd, 15 mars 2023"
        [(filename, content, mimetype)] = message.attachments
        assert filename == "kallelse.ics" and mimetype.startswith("text/calendar")
        assert "DTSTART;TZID=Europe/Stockholm:20230315T090000" in content
        assert f"UID:meeting-{meeting.pk}@" in content
    page = html(public.get(PUBLIC_MEETING))
    assert "Föredragningslista" in page and "Protokollsjustering" in page
    assert CASE_TITLE in page and "RS 2023/1" in page

    # 3. The meeting: attendance, decision, conflict of interest, vote, reservation.
    time_machine.move_to(at(3, 15, 9, 5))
    secretary = log_in(users[Role.SECRETARY])  # the session of 1 March has expired
    cockpit = f"/kansli/moten/{meeting.pk}/sammantrade/"
    page = post(secretary, cockpit + "starta/")
    assert "Sparat" in page and "Frida Frånvarande" in page
    seat = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
    absent, substitute = seat[people["absent"].pk], seat[people["substitute"].pk]
    assert absent.present and not substitute.present
    assert f'name="a{absent.pk}-present"' in page
    post(
        secretary,
        f"/kansli/moten/{meeting.pk}/narvaro/{absent.pk}/",
        {f"a{absent.pk}-present": "nej"},
    )
    page = post(
        secretary,
        f"/kansli/moten/{meeting.pk}/narvaro/{substitute.pk}/",
        {
            f"a{substitute.pk}-present": "ja",
            f"a{substitute.pk}-serving_for": people["absent"].pk,
        },
    )
    assert "Sparat" in page
    absent.refresh_from_db()
    substitute.refresh_from_db()
    assert not absent.present
    assert substitute.present and substitute.serving_for_id == people["absent"].pk

    item_url = f"/kansli/moten/{meeting.pk}/punkter/{case_item.pk}/"
    for item, text in [
        (justering, "Nämnden utser Vera Justerare och Valter Justerare att justera protokollet."),
        (case_item, DECISION),
    ]:
        item.refresh_from_db()
        url = f"/kansli/moten/{meeting.pk}/punkter/{item.pk}/beslut/"
        data = {"decision": text, "outcome": "bifall", "version": item.version}
        assert "Sparat" in post(secretary, url, data)

    # The conflicted member leaves the item before the vote: no ballot for them.
    page = html(secretary.get(item_url))
    assert f'name="ballot_{people["conflicted"].pk}"' in page
    page = post(secretary, item_url + "jav/", {"person": people["conflicted"].pk})
    assert "Inget jäv anmält." not in page
    serving = ["chair", "verifier1", "verifier2", "substitute", "dissenter"]
    for key in serving:
        assert f'name="ballot_{people[key].pk}"' in page
    assert f'name="ballot_{people["conflicted"].pk}"' not in page
    assert f'name="ballot_{people["absent"].pk}"' not in page
    serving_list = page.split("Tjänstgör i detta ärende", 1)[1]
    assert "Erik Ersättare" in serving_list and "Jens Jävig" not in serving_list

    ballots = {"substitute": "nej", "dissenter": "nej"}
    data = {
        "question": "Bifall till förslaget?",
        "yes_means": "bifall",
        "no_means": "avslag",
        **{f"ballot_{people[key].pk}": ballots.get(key, "ja") for key in serving},
    }
    page = post(secretary, item_url + "voteringar/", data)
    assert "Bifall till förslaget? – Resultat: ja" in page
    vote = Vote.objects.get(item=case_item)
    assert (vote.result, vote.decided_by_chair) == (Vote.Result.YES, False)
    assert vote.ballots.count() == 5
    assert not vote.ballots.filter(person=people["conflicted"]).exists()
    page = post(
        secretary,
        item_url + "reservationer/",
        {
            "person": people["dissenter"].pk,
            "against": "beslutet att bevilja bidraget",
            "grounds": "Bidraget borde gå till fler föreningar.",
        },
    )
    assert "Rut Reservant: beslutet att bevilja bidraget" in page

    page = post(
        secretary,
        f"/kansli/moten/{meeting.pk}/justerare/",
        {
            "chair": people["chair"].pk,
            "verifiers": [people["verifier1"].pk, people["verifier2"].pk],
            "place": "Regionhuset",
            "time": "2023-03-17T10:00",
        },
    )
    assert "Sparat" in page
    meeting.refresh_from_db()
    assert meeting.chair == people["chair"]
    assert set(meeting.verifiers.all()) == {people["verifier1"], people["verifier2"]}

    # 4. The minutes: closed and numbered, sent, approved by all three.
    editor = f"/kansli/moten/{meeting.pk}/protokoll/"
    page = post(secretary, editor + "avsluta/")
    assert "Sammanträdet är avslutat och paragraferna numrerade." in page
    justering.refresh_from_db()
    case_item.refresh_from_db()
    assert (justering.paragraph.number, case_item.paragraph.number) == (1, 2)
    assert case_item.paragraph.decision == DECISION
    page = post(secretary, editor + "skicka/")
    assert "Protokollet har skickats till ordföranden och justerarna." in page

    time_machine.move_to(at(3, 16, 14))
    signatories = [people["chair"], people["verifier1"], people["verifier2"]]
    for n, signatory in enumerate(signatories):
        if n == 2:
            time_machine.move_to(at(3, 17, 10))
        # Until the last approval the public sees the agenda, not the minutes.
        page = html(public.get(PUBLIC_MEETING))
        assert "Protokollet publiceras här när det har justerats." in page
        assert "§ 2" not in page and DECISION not in page
        html(public.get(PUBLIC_MEETING + "paragraf-2/"), 404)
        assert "Regional tillväxtnämnd</th>" not in html(public.get("/anslagstavla/"))

        browser = log_in(signatory.user)
        approval = Approval.objects.get(meeting=meeting, person=signatory)
        assert f"/kansli/protokoll/{approval.pk}/" in html(browser.get("/kansli/protokoll/"))
        page = html(browser.get(f"/kansli/protokoll/{approval.pk}/"))
        assert "Godkänn protokollet" in page and DECISION in page
        page = post(browser, f"/kansli/protokoll/{approval.pk}/godkann/")
        if signatory != signatories[-1]:
            assert "Du har godkänt protokollet." in page
    assert "Du har godkänt protokollet. Det är nu justerat." in page

    secretary = log_in(users[Role.SECRETARY])
    meeting.refresh_from_db()
    assert meeting.minutes_locked
    assert meeting.state == Meeting.State.NOTICE_POSTED
    # A further edit through the back office is refused, in Swedish.
    paragraph = case_item.paragraph
    page = post(
        secretary,
        f"{editor}punkt/{case_item.pk}/",
        {f"p{paragraph.pk}-title": "Ändrad titel", f"p{paragraph.pk}-decision": "Ändrat beslut."},
    )
    assert "Protokollet är justerat: gör en rättelse i stället." in page
    paragraph.refresh_from_db()
    assert paragraph.decision == DECISION and paragraph.title == ""
    page = html(
        secretary.post(
            f"{agenda}punkt-{case_item.pk}/",
            {"title": "Ändrad titel", "summary": "", "proposed_decision": "", "is_public": "on"},
        ),
        422,
    )
    assert (
        "Protokollet för mötet är justerat och låst: föredragningslistan kan inte ändras." in page
    )
    page = post(
        secretary,
        f"{item_url}beslut/",
        {"decision": "Ändrat beslut.", "outcome": "avslag", "version": case_item.version},
        400,
    )
    assert "Protokollet är justerat: gör en rättelse i stället." in page
    case_item.refresh_from_db()
    assert (case_item.decision, case_item.outcome) == (DECISION, "bifall")

    notice = Notice.objects.get(meeting=meeting)
    assert notice.posted_on == datetime.date(2023, 3, 17)
    assert notice.appeal_until == datetime.date(2023, 4, 11)
    response = public.get("/anslagstavla/")
    page = html(response)
    assert not response.cookies
    row = re.search(r"<tr>\s*<th scope=\"row\">Regional tillväxtnämnd</th>.*?</tr>", page, re.S)
    assert row is not None, page
    assert "2023-03-17" in row[0] and "2023-04-11" in row[0]
    assert f"{PUBLIC_MEETING}#protokoll" in row[0]

    # 5. The public reads the paragraph, with how it was handled, on the meeting
    # page and on the paragraph's own page, and gets no cookie.
    response = public.get(PUBLIC_MEETING)
    page = html(response)
    assert not response.cookies and not public.cookies
    assert "Paragraferna § 1–§ 2" in page
    assert re.search(r'§ 2</span> <a href="[^"]+paragraf-2/">' + CASE_TITLE, page)
    assert "Diarienummer: RS 2023/1" in page
    assert_handling_shown(page.split('id="paragraf-2"', 1)[1], people)
    response = public.get(PUBLIC_MEETING + "paragraf-2/")
    page = html(response)
    assert not response.cookies and not public.cookies
    assert f"<h1>§ 2 {CASE_TITLE}</h1>" in page
    assert_handling_shown(page, people)


def assert_handling_shown(page, people):
    """The conflict of interest, the vote with each ballot and its result, the
    decision and the reservation, in the order the minutes tell them."""
    conflict = "Jens Jävig anmälde jäv och deltog inte i handläggningen."
    question = "Bifall till förslaget? Ja: bifall. Nej: avslag."
    result = "<strong>Resultat:</strong> Ja."
    reservation = "Rut Reservant reserverar sig mot beslutet att bevilja bidraget."
    order = [conflict, question, result, DECISION, reservation]
    for text in order:
        assert text in page, text
    assert [page.index(text) for text in order] == sorted(page.index(text) for text in order)
    assert "Bidraget borde gå till fler föreningar." in page
    votes = {"chair": "Ja", "verifier1": "Ja", "verifier2": "Ja", "substitute": "Nej"}
    votes["dissenter"] = "Nej"
    for key, choice in votes.items():
        assert f'<th scope="row">{people[key].name}</th><td>{choice}</td>' in page
    for key in ["conflicted", "absent"]:
        assert f'<th scope="row">{people[key].name}</th>' not in page
