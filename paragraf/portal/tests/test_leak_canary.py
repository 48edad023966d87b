"""The leak canary: non-public items, paragraphs, documents, cases and delegated
decisions carry unique markers; a crawl of everything the public can reach — pages
linked from the start page, the search page asked for each marker, the OParl API
from /oparl/v1/ (every URL in the JSON, next pages included), feeds, exports and
the sitemap (every URL in XML, JSON, CSV or iCalendar), PDFs (text extracted) and
attachments — must find none of them. The same crawl as a member of another
committee finds none either."""

import datetime
import io
import json
import re
from collections import deque
from html import unescape
from urllib.parse import quote, urlsplit

import pypdf
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.cases.models import Document
from paragraf.cases.services import report_delegated_decisions
from paragraf.meetings.models import (
    AgendaItem,
    Approval,
    Meeting,
    MinutesVersion,
    Motion,
    RecordedNote,
    Reservation,
    Vote,
)
from paragraf.meetings.services import number_paragraphs
from paragraf.noticeboard.services import post_notice
from paragraf.search import index

MARKER = "KANARIE"
# One search per marker word (the index splits KANARIE-ARENDE into two words), in
# lower case: the page repeats the question, a hit shows the marker as stored.
SEARCHED = ["kanarie", "arende", "dnr", "bilaga", "bilagetext", "yrkande", "delegation"]
# Besides the start page: addresses no page needs to link to.
ENTRANCES = ["/", "/oparl/v1/", "/robots.txt", "/sitemap.xml", "/oppna-data/", "/anslagstavla/"]
ORIGIN = "http://testserver"
MAX_PAGES = 1500
NOT_CRAWLED = ("/kansli/", "/en/kansli/", "/admin/", "/static/", "/media/")


@pytest.fixture(autouse=True)
def _own_search_index(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


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
    person = factories.membership(committee).person
    Reservation.objects.create(item=secret_item, person=person, grounds=f"{MARKER}-RES")
    Motion.objects.create(item=secret_item, text=f"{MARKER}-YRKANDE")
    Vote.objects.create(
        item=secret_item,
        question=f"{MARKER}-FRAGA",
        yes_means=f"{MARKER}-JA",
        no_means=f"{MARKER}-NEJ",
    )
    RecordedNote.objects.create(item=secret_item, person=person, text=f"{MARKER}-NOT")
    hidden_case = factories.case(
        committee.body,
        reference=f"{MARKER}-DNR",
        title=f"{MARKER}-ARENDETITEL",
        description=f"{MARKER}-BESKRIVNING",
        proposed_decision=f"{MARKER}-FORSLAG",
        committee=committee,
        is_public=False,
    )
    public_item.case = hidden_case
    public_item.save()
    document = factories.document(
        title=f"{MARKER}-BILAGA",
        content=factories.MINIMAL_PDF,
        filename=f"{MARKER}-filnamn.pdf",
        is_public=False,
        case=hidden_case,
    )
    document.text = f"{MARKER}-BILAGETEXT"
    document.save()
    factories.attach(public_item, document, position=5)
    # A decision taken under delegation that may not be published, reported at the meeting.
    decision = factories.delegated_decision(
        committee, title=f"{MARKER}-DELEGATION", case=hidden_case, is_public=False
    )
    report_delegated_decisions(meeting, [decision], by=None)
    for role in (Approval.Role.CHAIR, Approval.Role.VERIFIER, Approval.Role.VERIFIER):
        Approval.objects.create(
            meeting=meeting, person=factories.person(), role=role, answer="godkant"
        )
    meeting.minutes_verified_at = timezone.now()
    meeting.save()
    MinutesVersion.objects.create(meeting=meeting, number=1)
    post_notice(meeting)
    unpublished_meetings(committee)
    index.rebuild()
    return meeting


def unpublished_meetings(committee):
    """A planned meeting whose agenda is not published, and a held meeting whose
    minutes are not verified: the public sees neither's texts."""
    planned = factories.meeting(
        committee, day=datetime.date(2023, 2, 1), state=Meeting.State.PLANNED
    )
    factories.item(planned, title=f"{MARKER}-PLANERAD", state=AgendaItem.State.ON_AGENDA)
    held = factories.meeting(committee, day=datetime.date(2023, 1, 18), state=Meeting.State.HELD)
    factories.item(held, title="Ett hållet ärende")
    for paragraph in number_paragraphs(held):
        paragraph.decision = f"{MARKER}-OJUSTERAT"
        paragraph.save()


def text_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        reader = pypdf.PdfReader(io.BytesIO(body))
        pages = "\n".join(page.extract_text() for page in reader.pages)
        outline = str(reader.outline) + str(reader.metadata) + str(reader.xmp_metadata)
        return pages + outline + body.decode("latin-1")
    return body.decode("utf-8", "replace")


def json_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, str):
        yield value


def links_in(content_type, text):
    """Every address in a response, whatever its kind: hrefs and srcs in HTML,
    <loc>, <link> and href in XML feeds, URL strings in JSON, URLs in CSV/iCal."""
    if content_type.startswith("application/pdf"):
        return []
    if "json" in content_type:
        try:
            return [s for s in json_strings(json.loads(text)) if s.startswith(("/", ORIGIN))]
        except ValueError:
            return []
    found = re.findall(r'(?:href|src)="([^"]*)"', text)
    found += re.findall(r"<(?:loc|link|id|url)>\s*([^<\s]+)\s*</", text)
    found += re.findall(re.escape(ORIGIN) + r"/[^\s\"'<>,;]*", text)
    return [unescape(link) for link in found]


def same_origin_path(link):
    """The path and query of a link to this site, or None for another site."""
    parts = urlsplit(link)
    if parts.scheme and f"{parts.scheme}://{parts.netloc}" != ORIGIN:
        return None
    if not parts.scheme and (parts.netloc or not parts.path.startswith("/")):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return None if path.startswith(NOT_CRAWLED) else path


def guessed(meeting):
    """Addresses of the non-public objects themselves, as someone counting up
    numbers would try them: each must say nothing."""
    secret = meeting.items.get(position=2)
    document = Document.objects.get(title=f"{MARKER}-BILAGA")
    base = meeting.get_absolute_url()
    number = secret.paragraph.number
    return [
        f"/oparl/v1/agendaitem/{secret.pk}/",
        f"/oparl/v1/paper/{document.case_id}/",
        f"/oparl/v1/file/{document.pk}/",
        f"/oparl/v1/consultation/{meeting.items.get(position=1).pk}/",
        f"/handlingar/{document.pk}/bilaga.pdf",  # a redirect would name the file
        f"{base}punkt-{secret.position}/",
        f"{base}paragraf-{number}/",
        f"{base}paragraf-{number}/utdrag.pdf",
    ]


def crawl(client, extra=()):
    """Every URL on this site reachable from the entrances, fetched once."""
    start = ENTRANCES + [f"/sok/?q={quote(word)}" for word in SEARCHED] + list(extra)
    seen, queue, found = set(), deque(start), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        text = text_of(response)
        found[url] = (response.status_code, text)
        content_type = response.get("Content-Type", "")
        for link in links_in(content_type, text):
            path = same_origin_path(link)
            if path is not None and path not in seen:
                queue.append(path)
    assert len(seen) < MAX_PAGES, "the crawl was cut short"
    return found


def assert_no_marker(found):
    leaks = sorted(
        f"{url}: {' '.join(sorted(set(re.findall(MARKER + r'-?[A-Z]*', text))))}"
        for url, (_status, text) in found.items()
        if MARKER in text
    )
    assert leaks == []


def test_the_public_finds_no_marker_anywhere(client, secrets):
    found = crawl(client, guessed(secrets))
    reached = set(found)
    # The crawl did reach the kinds of page that could leak.
    assert "/anslagstavla/" in reached
    assert any(url.endswith("protokoll.pdf") for url in reached)
    assert any(url.endswith("kallelse-med-handlingar.pdf") for url in reached)
    assert any(url.endswith("utdrag.pdf") for url in reached)
    assert any(url.startswith("/handlingar/") and url[12:13].isdigit() for url in reached)
    assert any(url.startswith("/sok/?q=") and found[url][0] == 200 for url in reached)
    oparl = [url for url in reached if url.startswith("/oparl/v1/")]
    for kind in ("organization", "meeting", "agendaitem", "paper", "file", "person"):
        assert any(url.startswith(f"/oparl/v1/{kind}/") for url in oparl), kind
    # Feeds, exports and the sitemap's parts, wherever they are linked from.
    if found["/oppna-data/"][0] == 200:
        exports = {url.rsplit(".", 1)[-1] for url in reached if url.startswith("/oppna-data/")}
        assert {"ics", "csv", "json"} <= exports, exports
    if found["/sitemap.xml"][0] == 200:
        assert len([url for url in reached if "sitemap" in url]) > 1
    assert len(reached) > 60, len(reached)  # 156 addresses with this data
    assert all(status < 500 for status, _text in found.values())
    assert_no_marker(found)


def test_the_search_finds_public_words_so_its_silence_means_something(client, secrets):
    page = client.get("/sok/?q=hopajola").content.decode()
    assert "Verksamhetsbidrag 2023 till Hopajola" in page
    assert "HOPAJOLA" not in page


def test_a_member_of_another_committee_finds_none_either(client, secrets):
    other = factories.committee(secrets.committee.body, name="Annan nämnd", slug="annan")
    user = User.objects.create_user("annan-ledamot")
    CommitteeRole.objects.create(user=user, committee=other, role="ledamot")
    client.force_login(user)
    found = crawl(client, guessed(secrets))
    assert len(found) > 60
    assert_no_marker(found)


def test_the_canary_would_sing(client, secrets):
    """The crawl finds the markers where they may be: a member of the committee."""
    user = User.objects.create_user("egen-ledamot")
    CommitteeRole.objects.create(user=user, committee=secrets.committee, role="ledamot")
    client.force_login(user)
    html = client.get(secrets.get_absolute_url()).content.decode()
    assert f"{MARKER}-ARENDE" in html and f"{MARKER}-BILAGA" in html
    assert f"{MARKER}-DNR" in html and f"{MARKER}-YRKANDE" in html
