"""The preview shows the public meeting page exactly as the public will see it."""

import re

import pytest
from django.urls import reverse

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import agenda


@pytest.fixture
def meeting(committee):
    meeting = factories.meeting(committee, state=Meeting.State.PLANNED)
    public = agenda.add_item(meeting, title="Bidrag till Hopajola", summary="Ansökan om stöd.")
    factories.attach(public, factories.document(title="Ansökan", is_public=True))
    factories.attach(public, factories.document(title="HEMLIG-BILAGA", is_public=False))
    agenda.add_item(meeting, title="HEMLIG-TITEL", summary="HEMLIG-TEXT", is_public=False)
    return meeting


def agenda_section(html):
    return re.search(r'<section aria-labelledby="foredragningslista">.*?</section>', html, re.S)[0]


def test_the_preview_hides_what_the_public_may_not_see(client, secretary, meeting):
    client.force_login(secretary)
    page = client.get(reverse("backoffice:agenda_preview", kwargs={"meeting": meeting.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Förhandsvisning" in html
    assert "Bidrag till Hopajola" in html and "Ansökan" in html
    assert "Ärendet är inte offentligt" in html
    assert "HEMLIG" not in html
    assert html.count("<h1") == 1


def test_the_preview_matches_the_published_page(client, secretary, meeting, committee):
    client.force_login(secretary)
    preview = client.get(reverse("backoffice:agenda_preview", kwargs={"meeting": meeting.pk}))
    agenda.publish_agenda(meeting)
    client.logout()
    public = client.get(meeting.get_absolute_url())
    assert agenda_section(preview.content.decode()) == agenda_section(public.content.decode())
