"""Real-browser tests: Chromium, driven by Playwright, against pytest-django's live server.

The browser is Debian's Chromium (`make chromium` installs it); Playwright's
own browser download is not used. The browser starts once per session and every
test gets a fresh context, so no cookies or cache carry over between tests.
"""

import os
from pathlib import Path

import pytest

from paragraf import factories
from paragraf.browser import site

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
def page(new_context, public_site):
    # Depends on the site so the data exists before the browser asks for it.
    return new_context().new_page()


@pytest.fixture
def committee(transactional_db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The search index is built in the test's own folder.
    settings.VAR_DIR = tmp_path / "var"
    settings.SEARCH_WRITER_HEAP = 15_000_000  # not the production gigabyte
    settings.SEARCH_WRITER_THREADS = 1
    return factories.seed_committee()


@pytest.fixture
def public_site(committee):
    """Every public page type has something to show (see paragraf.browser.site)."""
    return site.public_site(committee)


@pytest.fixture
def office(public_site):
    """The secretary's back office, beside the public site (see paragraf.browser.site)."""
    return site.back_office(public_site)
