"""The back office in a real browser, as the secretary works in it: every main
page reached by links alone, a vote recorded by keyboard only, and the meeting
pages fitting a 320 px wide screen."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.browser.tests.test_small_screens import FIND_OVERFLOWING
from paragraf.meetings.models import Vote
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


def test_a_vote_is_recorded_by_keyboard_only(new_context, held):
    meeting, items, _people = held
    page = new_context().new_page()
    log_in(page)
    page.goto(f"/kansli/moten/{meeting.pk}/punkter/{items[0].pk}/")
    page.focus("input[name=question]")
    page.keyboard.type("Bifall till förslaget?")
    page.keyboard.press("Tab")
    page.keyboard.type("bifall")
    page.keyboard.press("Tab")
    page.keyboard.type("avslag")
    ballots = page.locator("#vote fieldset")
    for _ in range(ballots.count()):
        # Tab goes to the checked option of the next group ("röstar inte"); the arrow picks "ja".
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Registrera voteringen")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    vote = Vote.objects.get(item=items[0])
    assert vote.question == "Bifall till förslaget?"
    assert vote.result == "ja"
    assert sorted(vote.ballots.values_list("choice", flat=True)) == ["ja"] * ballots.count()
    expect(page.locator("table.ballots caption")).to_contain_text("Bifall till förslaget?")


def test_the_meeting_pages_fit_a_320_pixel_wide_screen(new_context, held):
    meeting, items, _people = held
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    log_in(page)
    urls = [
        "/kansli/",
        f"/kansli/namnder/{meeting.committee.slug}/moten/",
        f"/kansli/moten/{meeting.pk}/dagordning/",
        f"/kansli/moten/{meeting.pk}/sammantrade/",
        f"/kansli/moten/{meeting.pk}/punkter/{items[0].pk}/",
        f"/kansli/moten/{meeting.pk}/protokoll/",
        f"/kansli/moten/{meeting.pk}/historik/",
    ]
    for url in urls:
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > 320:
            culprits = "\n  ".join(page.evaluate(FIND_OVERFLOWING))
            pytest.fail(f"{url} is {scroll_width}px wide at 320px; overflowing:\n  {culprits}")
