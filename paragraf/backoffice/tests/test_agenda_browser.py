"""The agenda builder in a real browser: drag and drop, and the move buttons by
keyboard, both saved on the server and announced in the live region.

Uses Debian's Chromium like paragraf/browser/tests (skipped when it is missing).
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.services import agenda

# See paragraf/browser/tests/conftest.py: Playwright's loop is not Django's.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "lösenord-för-test"


@pytest.fixture
def page(transactional_db, live_server, settings):
    if not CHROMIUM.exists():
        pytest.skip("Chromium is missing")
    from playwright.sync_api import sync_playwright

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--headless", "--no-sandbox"]
        )
        context = browser.new_context(base_url=live_server.url, locale="sv-SE")
        yield context.new_page()
        browser.close()


@pytest.fixture
def meeting(transactional_db):
    committee = factories.seed_committee()
    user = User.objects.create_user("sekreterare", password=PASSWORD)
    CommitteeRole.objects.create(user=user, committee=committee, role="sekreterare")
    meeting = factories.meeting(committee, state=Meeting.State.PLANNED)
    for title in ("Alfa", "Beta", "Gamma"):
        agenda.add_item(meeting, title=title)
    return meeting


def log_in_and_open(page, meeting):
    page.goto("/kansli/logga-in/")
    page.fill("input[name=username]", "sekreterare")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"/kansli/moten/{meeting.pk}/dagordning/")


def stored(meeting):
    return [(i.number, i.title) for i in AgendaItem.objects.filter(meeting=meeting)]


def test_the_move_button_keeps_focus_and_announces_the_move(page, meeting):
    from playwright.sync_api import expect

    log_in_and_open(page, meeting)
    gamma = AgendaItem.objects.get(meeting=meeting, title="Gamma")
    page.focus(f"#up-{gamma.pk}")
    page.keyboard.press("Enter")
    expect(page.locator("#agenda-status")).to_have_text("Punkten är flyttad.")
    expect(page.locator(f"#up-{gamma.pk}")).to_be_focused()
    assert stored(meeting) == [("1", "Alfa"), ("2", "Gamma"), ("3", "Beta")]
    expect(page.locator("tbody tr").nth(1).locator(".num")).to_have_text("2")


def test_drag_and_drop_saves_the_new_order(page, meeting):
    from playwright.sync_api import expect

    log_in_and_open(page, meeting)
    alfa = AgendaItem.objects.get(meeting=meeting, title="Alfa")
    gamma = AgendaItem.objects.get(meeting=meeting, title="Gamma")
    page.locator(f"#item-{gamma.pk} .drag-handle").hover()
    page.mouse.down()
    box = page.locator(f"#item-{alfa.pk}").bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 3, steps=5)
    page.mouse.up()
    expect(page.locator("#agenda-status")).to_have_text("Den nya ordningen är sparad.")
    assert stored(meeting) == [("1", "Gamma"), ("2", "Alfa"), ("3", "Beta")]
