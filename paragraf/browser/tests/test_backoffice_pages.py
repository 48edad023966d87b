"""The back office in a real browser, as the secretary works in it: every main
page reached by links alone. (Keyboard use is in test_keyboard.py, small
screens in test_small_screens.py.)"""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.meetings.tests.recording_setup import held_meeting

PASSWORD = "lösenord-för-test"


@pytest.fixture
def held(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    committee = factories.seed_committee()
    user = User.objects.create_user("sekreterare", password=PASSWORD)
    CommitteeRole.objects.create(user=user, committee=committee, role="sekreterare")
    return held_meeting(committee)


def log_in(page):
    page.goto("/kansli/logga-in/")
    page.fill("input[name=username]", "sekreterare")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def follow(page, link, heading):
    """Clicks `link` and checks that the page it leads to has one h1, starting with `heading`."""
    with page.expect_navigation():
        link.click()
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(heading)))


def test_the_secretary_reaches_every_main_page_from_the_overview_by_links(new_context, held):
    meeting, items, _people = held
    page = new_context().new_page()
    log_in(page)
    main = page.locator("main")
    menu = page.get_by_role("navigation", name="Arbetsytans meny")
    meeting_pages = page.get_by_role("navigation", name="Sammanträde")

    follow(page, main.get_by_role("link", name="Sammanträden", exact=True), "Sammanträden för")
    agenda = main.get_by_role("link", name=re.compile("^Föredragningslista"))
    follow(page, agenda, "Föredragningslista")
    follow(page, meeting_pages.get_by_role("link", name="Sammanträdet"), "Sammanträdet:")
    follow(page, main.get_by_role("link", name=str(items[0])), str(items[0]))
    follow(page, main.get_by_role("link", name="Tillbaka till sammanträdet"), "Sammanträdet:")
    follow(page, meeting_pages.get_by_role("link", name="Protokoll"), "Protokoll för")
    follow(page, meeting_pages.get_by_role("link", name="Historik"), "Ändringshistorik")
    follow(page, main.get_by_role("link", name="Nämndens alla sammanträden"), "Sammanträden för")

    follow(page, menu.get_by_role("link", name="Översikt"), "Översikt")
    follow(page, main.get_by_role("link", name="Ärenden", exact=True), "Ärenden i")
    follow(page, menu.get_by_role("link", name="Översikt"), "Översikt")
    follow(page, main.get_by_role("link", name="Delegationsbeslut"), "Delegationsbeslut i")
    follow(page, menu.get_by_role("link", name="Protokoll att justera"), "Protokoll som väntar")
