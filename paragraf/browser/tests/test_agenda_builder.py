"""The agenda builder in a real browser: drag and drop, and the move buttons by
keyboard, both saved on the server and announced in the live region."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.services import agenda

PASSWORD = "lösenord-för-test"


@pytest.fixture
def page(new_context, meeting):
    return new_context().new_page()


@pytest.fixture
def meeting(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
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
    log_in_and_open(page, meeting)
    gamma = AgendaItem.objects.get(meeting=meeting, title="Gamma")
    page.focus(f"#up-{gamma.pk}")
    page.keyboard.press("Enter")
    expect(page.locator("#agenda-status")).to_have_text("Punkten är flyttad.")
    expect(page.locator(f"#up-{gamma.pk}")).to_be_focused()
    assert stored(meeting) == [("1", "Alfa"), ("2", "Gamma"), ("3", "Beta")]
    expect(page.locator("tbody tr").nth(1).locator(".num")).to_have_text("2")


def test_drag_and_drop_saves_the_new_order(page, meeting):
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
