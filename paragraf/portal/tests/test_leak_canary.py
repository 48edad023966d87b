"""The leak canary: non-public items, paragraphs, documents and cases carry unique
markers; a crawl of everything the public can reach from the start page — pages,
PDFs (text extracted), attachments, the notice board — must find none of them.
The same crawl as a member of another committee finds none either."""

import io
import re
from collections import deque

import pypdf
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.meetings.models import Approval, MinutesVersion, Reservation
from paragraf.noticeboard.services import post_notice

MARKER = "KANARIE"
MAX_PAGES = 400


@pytest.fixture
def secrets(db):
    committee = factories.seed_committee()
    meeting = factories.verified_meeting(committee)
    public_item = meeting.items.get(position=1)
    secret_item = meeting.items.get(position=2)
    secret_item.title = f"{MARKER}-ARENDE"
    secret_item.summary = f"{MARKER}-TEXT"
    secret_item.save()
    secret_item.paragraph.decision = f"{MARKER}-BESLUT"
    secret_item.paragraph.save()
    Reservation.objects.create(item=secret_item, person=factories.person(), grounds=f"{MARKER}-RES")
    hidden_case = factories.case(committee.body, reference=f"{MARKER}-DNR", is_public=False)
    public_item.case = hidden_case
    public_item.save()
    document = factories.document(
        title=f"{MARKER}-BILAGA", content=factories.MINIMAL_PDF, is_public=False
    )
    document.text = f"{MARKER}-BILAGETEXT"
    document.save()
    factories.attach(public_item, document, position=5)
    for role in (Approval.Role.CHAIR, Approval.Role.VERIFIER, Approval.Role.VERIFIER):
        Approval.objects.create(
            meeting=meeting, person=factories.person(), role=role, answer="godkant"
        )
    meeting.minutes_verified_at = timezone.now()
    meeting.save()
    MinutesVersion.objects.create(meeting=meeting, number=1)
    post_notice(meeting)
    return meeting


def text_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        reader = pypdf.PdfReader(io.BytesIO(body))
        pages = "\n".join(page.extract_text() for page in reader.pages)
        outline = str(reader.outline) + str(reader.metadata) + str(reader.xmp_metadata)
        return pages + outline + body.decode("latin-1")
    return body.decode("utf-8", "replace")


def crawl(client):
    """Every URL on this site reachable from the start page by links, fetched once."""
    seen, queue, found = set(), deque(["/"]), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        text = text_of(response)
        found[url] = (response.status_code, text)
        if response.get("Content-Type", "").startswith("text/html"):
            for link in re.findall(r'href="(/[^"#]*)', text):
                if not link.startswith(("/kansli/", "/admin/", "/static/")):
                    queue.append(link.replace("&amp;", "&"))
    return found


def assert_no_marker(found):
    leaks = [url for url, (_status, text) in found.items() if MARKER in text]
    assert leaks == []


def test_the_public_finds_no_marker_anywhere(client, secrets):
    found = crawl(client)
    reached = set(found)
    # The crawl did reach the kinds of page that could leak.
    assert "/anslagstavla/" in reached
    assert any(url.endswith("protokoll.pdf") for url in reached)
    assert any(url.endswith("kallelse-med-handlingar.pdf") for url in reached)
    assert any(url.endswith("utdrag.pdf") for url in reached)
    assert any(url.startswith("/handlingar/") and url[12:13].isdigit() for url in reached)
    assert all(status < 500 for status, _text in found.values())
    assert_no_marker(found)


def test_a_member_of_another_committee_finds_none_either(client, secrets):
    other = factories.committee(secrets.committee.body, name="Annan nämnd", slug="annan")
    user = User.objects.create_user("annan-ledamot")
    CommitteeRole.objects.create(user=user, committee=other, role="ledamot")
    client.force_login(user)
    assert_no_marker(crawl(client))


def test_the_canary_would_sing(client, secrets):
    """The crawl finds the markers where they may be: a member of the committee."""
    user = User.objects.create_user("egen-ledamot")
    CommitteeRole.objects.create(user=user, committee=secrets.committee, role="ledamot")
    client.force_login(user)
    html = client.get(secrets.get_absolute_url()).content.decode()
    assert f"{MARKER}-ARENDE" in html and f"{MARKER}-BILAGA" in html
