"""Real-browser tests: Chromium, driven by Playwright, against pytest-django's live server.

The browser is Debian's Chromium (`make chromium` installs it); Playwright's
own browser download is not used. The browser starts once per session and every
test gets a fresh context, so no cookies or cache carry over between tests.
"""

import os
from pathlib import Path

import pytest

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.services import number_paragraphs

# Playwright's sync API runs an asyncio event loop in the test's thread. Django
# sees that loop and refuses ORM calls from the same thread (SynchronousOnlyOperation),
# which breaks the test database's setup and teardown. No coroutine ever touches the
# database here: the loop only talks to the browser, and the live server answers
# from its own thread, so the check is a false alarm in these tests.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: the browser tests need it. "
            "Run `make chromium` (or `apt-get install chromium`).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Opens browser contexts (viewport, JavaScript off, …) and closes them after the test."""
    contexts = []

    def open_context(**options):
        options.setdefault("locale", "sv-SE")
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context, verified_meeting):
    # Depends on the meeting so the data exists before the browser asks for it.
    return new_context().new_page()


@pytest.fixture
def verified_meeting(transactional_db):
    """A meeting like the seed: a public item with an attachment, a non-public
    item, a withdrawn item and an item added at the meeting; minutes verified."""
    committee = factories.committee(
        factories.body(name="Region Örebro län"),
        name="Regional tillväxtnämnd",
        slug="regional-tillvaxtnamnd",
    )
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_POSTED)
    hopajola = factories.item(
        meeting,
        title="Verksamhetsbidrag 2023 till Hopajola",
        summary="Hopajola ansöker om ca 305 000 kronor.\n\nAndra stycket.",
        proposed_decision="Nämnden beviljar 305 000 kronor.",
        case=factories.case(committee.body, reference="RUN 2022/1234"),
    )
    factories.attach(hopajola, factories.document(title="Ansökan Hopajola", filename="ansokan.pdf"))
    secret = factories.item(meeting, title="HEMLIG-TITEL", summary="HEMLIG-TEXT", is_public=False)
    factories.attach(secret, factories.document(title="HEMLIG-BILAGA", filename="hemlig.pdf"))
    factories.item(meeting, title="Utgånget ärende", state=AgendaItem.State.WITHDRAWN)
    factories.item(meeting, title="Tillkommet ärende", number="", state=AgendaItem.State.ADDED)
    paragraphs = number_paragraphs(meeting)
    paragraphs[0].summary = "Hopajola ansöker om cirka 305 000 kronor."
    paragraphs[0].decision = "Regional tillväxtnämnd beviljar 305 000 kronor."
    paragraphs[0].save()
    paragraphs[1].decision = "HEMLIGT-BESLUT"
    paragraphs[1].save()
    meeting.refresh_from_db()
    return meeting
