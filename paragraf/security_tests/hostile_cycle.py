"""The whole cycle of a case through the back office's forms, with hostile text in
every field people type into: a case and its document, a delegated decision, a
meeting and its place, free items, decisions, motions, votes, reservations, notes,
the place of verification, paragraphs, a signatory's comment and a correction;
and, as the admin would type them, where the minutes are kept and a member's name.

Each field gets its own tag (H01, H02 …) followed by the same payload, so a test
can tell which field a page or PDF shows."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from paragraf import factories
from paragraf.backoffice.tests.conftest import Role, make_user
from paragraf.cases.models import Case, DelegatedDecision, Document
from paragraf.meetings.models import AgendaItem, Approval, Attendance, Meeting
from paragraf.organisation.models import Membership

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PASSWORD = "lösenord-för-test"  # noqa: S105 - the test users' password
# HTML, Django template and Typst markup; `//` starts a comment in Typst, `]`
# closes a content block, `\` escapes; eval would show 777777.
PAYLOAD = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> {{7*7}} '
    '#eval("7*111111") #set page(fill: red) ] \\ $x$ //slut'
)
# For fields of at most 50 characters.
SHORT_PAYLOAD = '<b>x</b>{{7*7}}#eval("7*111111")]\\'


def hostile(tag, short=False):
    return f"{tag} {SHORT_PAYLOAD if short else PAYLOAD}"


def at(month, day, hour=9, minute=0):
    return datetime.datetime(2023, month, day, hour, minute, tzinfo=STOCKHOLM)


def log_in(user):
    client = Client()
    response = client.post("/kansli/logga-in/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def post(client, url, data=None, **extra):
    response = client.post(url, data or {}, follow=True, **extra)
    page = response.content.decode()
    errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)</', page, re.S)
    assert response.status_code == 200, (url, response.status_code, errors)
    return page


def signatory(committee, name, role):
    given, family = name.split(" ", 1)
    user = make_user(given.lower(), committee, Role.MEMBER)
    person = factories.person(given_name=given, family_name=family, user=user)
    Membership.objects.create(committee=committee, person=person, role=role)
    return person


def run_cycle(committee, users, time_machine):
    """Everything typed is hostile; returns the meeting (minutes verified, corrected)."""
    M = Membership.Role
    # Texts entered in the admin: where the minutes are kept, a member's name.
    committee.body.minutes_kept_at = hostile("H32")
    committee.body.save()
    chair = signatory(committee, f"Ola H33 {SHORT_PAYLOAD}", M.CHAIR)
    verifiers = [signatory(committee, f"{name} Justerare", M.MEMBER) for name in ("Vera", "Valter")]
    time_machine.move_to(at(3, 1, 10))

    # The case officer registers a public case and uploads a public document.
    officer = log_in(users[Role.CASE_OFFICER])
    post(
        officer,
        f"/kansli/namnder/{committee.slug}/arenden/ny/",
        {
            "title": hostile("H01"),
            "description": hostile("H02"),
            "proposed_decision": hostile("H03"),
            "is_public": "on",
        },
    )
    case = Case.objects.get()
    upload = SimpleUploadedFile('"><img src=x onerror=alert(1)>{{7*7}}.pdf', factories.MINIMAL_PDF)
    post(
        officer,
        f"/kansli/arenden/{case.pk}/handlingar/",
        {"document-title": hostile("H04"), "document-file": upload, "document-is_public": "on"},
    )
    assert Document.objects.filter(case=case).exists()

    secretary = log_in(users[Role.SECRETARY])
    post(
        secretary,
        f"/kansli/namnder/{committee.slug}/delegationsbeslut/ny/",
        {
            "title": hostile("H05"),
            "decided_by": hostile("H06"),
            "decided_on": "2023-02-20",
            "rule": hostile("H07", short=True),
            "is_public": "on",
        },
    )
    decision = DelegatedDecision.objects.get()

    # The meeting, at a hostile place, with a hostile name.
    post(
        secretary,
        f"/kansli/namnder/{committee.slug}/moten/nytt/",
        {
            "start": "2023-03-15T09:00",
            "end": "2023-03-15T12:00",
            "new_location": hostile("H08"),
            "name": hostile("H09"),
        },
    )
    meeting = Meeting.objects.get()
    agenda = f"/kansli/moten/{meeting.pk}/dagordning/"
    post(secretary, agenda + "arende/", {"case": case.pk})
    post(secretary, agenda + "standardpunkt/", {"key": "protokollsjustering"})
    post(
        secretary,
        agenda + "fri-punkt/",
        {
            "free-title": hostile("H10"),
            "free-presenter": hostile("H11"),
            "free-summary": hostile("H12"),
            "free-proposed_decision": hostile("H13"),
            "free-is_public": "on",
        },
    )
    case_item = meeting.items.get(case=case)
    post(
        secretary,
        agenda + f"punkt-{case_item.pk}/bifoga/",
        {f"a{case_item.pk}-document": case.documents.get().pk},
    )
    post(
        secretary,
        f"/kansli/namnder/{committee.slug}/delegationsbeslut/anmal/",
        {"decisions": [decision.pk], "meeting": meeting.pk},
    )
    post(secretary, f"/kansli/moten/{meeting.pk}/publicera/")
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.NOTICE_PUBLISHED

    # The meeting itself.
    time_machine.move_to(at(3, 15, 9, 5))
    secretary = log_in(users[Role.SECRETARY])
    post(secretary, f"/kansli/moten/{meeting.pk}/sammantrade/starta/")
    serving = list(Attendance.objects.filter(meeting=meeting).values_list("person_id", flat=True))
    item_url = f"/kansli/moten/{meeting.pk}/punkter/{case_item.pk}/"
    for item in meeting.items.order_by("position"):
        post(
            secretary,
            f"/kansli/moten/{meeting.pk}/punkter/{item.pk}/beslut/",
            {
                "decision": hostile(f"H14-{item.position}"),
                "outcome": "bifall",
                "version": item.version,
            },
        )
    post(secretary, item_url + "yrkanden/", {"movers": [chair.pk], "text": hostile("H15")})
    post(
        secretary,
        item_url + "voteringar/",
        {
            "question": hostile("H16"),
            "yes_means": hostile("H17"),
            "no_means": hostile("H18"),
            **{f"ballot_{pk}": "ja" for pk in serving},
        },
    )
    post(
        secretary,
        item_url + "reservationer/",
        {"person": verifiers[0].pk, "against": hostile("H19"), "grounds": hostile("H20")},
    )
    post(secretary, item_url + "anteckningar/", {"person": chair.pk, "text": hostile("H21")})
    post(
        secretary,
        f"/kansli/moten/{meeting.pk}/punkter/ny/",
        {"title": hostile("H22"), "proposed_decision": hostile("H23"), "is_public": "on"},
    )
    post(
        secretary,
        f"/kansli/moten/{meeting.pk}/justerare/",
        {
            "chair": chair.pk,
            "verifiers": [v.pk for v in verifiers],
            "place": hostile("H24"),
            "time": "2023-03-17T10:00",
        },
    )

    # The minutes: closed, a paragraph edited, sent, sent back, sent again, approved.
    editor = f"/kansli/moten/{meeting.pk}/protokoll/"
    post(secretary, editor + "avsluta/")
    case_item.refresh_from_db()
    p = case_item.paragraph
    post(
        secretary,
        f"{editor}punkt/{case_item.pk}/",
        {
            f"p{p.pk}-title": hostile("H25"),
            f"p{p.pk}-summary": hostile("H26"),
            f"p{p.pk}-decision": hostile("H27"),
            f"p{p.pk}-sent_to": hostile("H28"),
        },
    )
    post(secretary, editor + "skicka/")
    time_machine.move_to(at(3, 16, 14))
    first = Approval.objects.get(meeting=meeting, person=chair)
    post(
        log_in(chair.user),
        f"/kansli/protokoll/{first.pk}/skicka-tillbaka/",
        {"comment": hostile("H29")},
    )
    secretary = log_in(users[Role.SECRETARY])  # yesterday's session has expired
    assert secretary.get(editor).status_code == 200  # the secretary reads the comment
    post(secretary, editor + "skicka/")
    time_machine.move_to(at(3, 17, 10))
    for person in [chair, *verifiers]:
        approval = Approval.objects.filter(meeting=meeting, person=person).latest("pk")
        post(log_in(person.user), f"/kansli/protokoll/{approval.pk}/godkann/")
    meeting.refresh_from_db()
    assert meeting.minutes_locked, "the minutes were not verified"

    # A correction after verification, with a hostile reason.
    secretary = log_in(users[Role.SECRETARY])
    post(
        secretary,
        f"{editor}punkt/{case_item.pk}/rattelse/",
        {
            f"r{p.pk}-title": hostile("H25"),
            f"r{p.pk}-summary": hostile("H26"),
            f"r{p.pk}-decision": hostile("H30"),
            f"r{p.pk}-sent_to": hostile("H28"),
            f"r{p.pk}-reason": hostile("H31"),
        },
    )
    p.refresh_from_db()
    assert p.decision == hostile("H30"), "the correction was not made"
    assert AgendaItem.objects.filter(meeting=meeting, title__startswith="H22").exists()
    return meeting, secretary
