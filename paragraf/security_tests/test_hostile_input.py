"""Hostile text typed into the back office is shown as text everywhere: in the
back office, on the public pages, in the API, the feeds and every PDF."""

import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.test import Client

from paragraf.portal.tests.test_leak_canary import crawl, json_strings, links_in, text_of
from paragraf.search import index
from paragraf.security_tests.hostile_cycle import SHORT_PAYLOAD, hostile, run_cycle

# Fields the back office shows somewhere (every one of them).
BACK_OFFICE_TAGS = [f"H{n:02}" for n in range(1, 32) if n != 14] + ["H14-1", "H14-2"]
# A member's name is short: the short payload.
NAME = f"H33 {SHORT_PAYLOAD}"
# What the public may read of them: the case, the public items and their handling.
PUBLIC_TAGS = ["H32", "H08", "H10", "H12", "H13", "H15", "H16", "H19", "H20", "H21", "H22", "H25"]
MAX_PAGES = 400


class Elements(HTMLParser):
    """The elements of a page, the text of its scripts, and its text as a reader sees it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.text, self._in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "input" and dict(attrs).get("value"):
            self.text.append(dict(attrs)["value"])
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def injected(html):
    """Elements or attributes that came from the payload instead of its text."""
    page = Elements()
    page.feed(html)
    found = [
        f"<{tag} {name}=…>"
        for tag, attrs in page.tags
        for name in attrs
        if name.startswith("on") or (tag == "img" and attrs.get("src") == "x")
    ]
    found += [script for script in page.scripts if "alert(" in script]
    return found, " ".join(page.text)


def crawl_back_office(client, meeting):
    """Every back-office page reachable by links from the meeting's pages, by GET."""
    start = [
        "/kansli/",
        f"/kansli/moten/{meeting.pk}/dagordning/",
        f"/kansli/moten/{meeting.pk}/forhandsvisning/",
        f"/kansli/moten/{meeting.pk}/sammantrade/",
        f"/kansli/moten/{meeting.pk}/protokoll/",
        f"/kansli/moten/{meeting.pk}/historik/",
        f"/kansli/moten/{meeting.pk}/kallelse-med-handlingar.pdf",
    ] + [f"/kansli/moten/{meeting.pk}/dagordning/punkt-{item.pk}/" for item in meeting.items.all()]
    seen, queue, found = set(), list(start), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        text = text_of(response)
        found[url] = (response.status_code, response.get("Content-Type", ""), text)
        for link in links_in(response.get("Content-Type", ""), text):
            link = link.split("#")[0]
            if link.startswith("/kansli/") and "logga-ut" not in link and link not in seen:
                queue.append(link)
    return found


@pytest.fixture
def cycle(committee, users, time_machine, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    meeting, secretary = run_cycle(committee, users, time_machine)
    index.rebuild()
    return meeting, secretary


def assert_html_is_safe(pages):
    shown = ""
    for url, (status, content_type, text) in pages.items():
        assert status < 500, url
        if content_type.startswith("text/html"):
            found, reader_text = injected(text)
            assert found == [], url
            shown += reader_text
        elif "json" in content_type:
            shown += " ".join(json_strings(json.loads(text)))
        elif "xml" in content_type:
            ElementTree.fromstring(text.encode())  # noqa: S314 - our own feed, still well-formed
            shown += text
    return shown


def test_the_back_office_shows_hostile_text_as_text(cycle):
    meeting, secretary = cycle
    pages = crawl_back_office(secretary, meeting)
    assert len(pages) > 20
    shown = assert_html_is_safe(pages)
    missing = [tag for tag in BACK_OFFICE_TAGS if hostile(tag, short=tag == "H07") not in shown]
    assert missing == [], "not shown literally on any back-office page"
    assert NAME in shown


def kind_of(text):
    start = text.lstrip()[:200]
    if "<html" in start:
        return "text/html"
    try:
        json.loads(text)
        return "application/json"
    except ValueError:
        pass
    return "application/xml" if start.startswith("<?xml") else ""


def flat(text):
    """PDF text without line breaks, hyphenation at line ends, or spaces."""
    return re.sub(r"\s+", "", re.sub(r"-\n", "", text))


def test_the_public_pages_and_every_pdf_show_hostile_text_as_text(cycle):
    meeting, secretary = cycle
    public = crawl(Client())
    pages = {url: (status, kind_of(text), text) for url, (status, text) in public.items()}
    shown = assert_html_is_safe(pages)
    missing = [tag for tag in PUBLIC_TAGS if hostile(tag) not in shown]
    assert missing == [], "not shown literally on any public page"
    assert NAME in shown

    pdfs = {
        url: text
        for url, (_status, text) in public.items()
        if "%PDF-" in text and "/handlingar/" not in url  # not the uploaded file
    }
    for name in ("kallelse-med-handlingar.pdf", "kallelse-med-handlingar-arkiv.pdf"):
        response = secretary.get(f"/kansli/moten/{meeting.pk}/{name}")
        assert response.status_code == 200, name
        pdfs["/kansli/…/" + name] = text_of(response)
    kinds = {re.sub(r".*/", "", url) for url in pdfs}
    assert {"kallelse.pdf", "protokoll.pdf", "utdrag.pdf", "kallelse-med-handlingar.pdf"} <= kinds
    for url, text in pdfs.items():
        pages = flat(text.split("%PDF", 1)[0])  # the extracted text, not the raw bytes
        assert "777777" not in pages, url  # #eval was not run
        for literal in ["<script>alert(1)</script>", '#eval("7*111111")', "{{7*7}}", "//slut"]:
            assert flat(literal) in pages, (url, literal)
    # Whole fields, tag and payload, where each kind of document shows them.
    expected = {
        "kallelse.pdf": ["H10", "H11"],
        "protokoll.pdf": ["H25", "H30", "H32"],
        "utdrag.pdf": ["H30"],
    }
    for kind, tags in expected.items():
        text = flat("".join(text for url, text in pdfs.items() if url.endswith("/" + kind)))
        for tag in tags:
            assert flat(hostile(tag)) in text, (kind, tag)
    assert flat(NAME) in flat("".join(t for u, t in pdfs.items() if u.endswith("/protokoll.pdf")))
