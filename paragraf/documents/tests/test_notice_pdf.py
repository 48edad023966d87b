"""The notice (kallelse) PDF: time, place and the numbered agenda."""

import pytest

from paragraf import factories
from paragraf.documents.render import render_notice
from paragraf.documents.tests.test_minutes_pdf import HEMLIG, MEMBERS, PUBLIC, flat, text_of
from paragraf.meetings.models import Location

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = factories.verified_meeting(factories.seed_committee())
    meeting.items.filter(position=1).update(presenter="Eva Handläggare")
    meeting.location = Location.objects.create(description="Länsgården", room="Sal A")
    meeting.save()
    return meeting


def test_the_notice_lists_every_item_with_case_number_and_presenter(meeting):
    text = flat(text_of(render_notice(meeting, PUBLIC)))
    assert "Kallelse Regional tillväxtnämnd 14 december 2022" in text
    assert "Tid 14 december 2022 kl. 09.00" in text
    assert "Plats Länsgården, Sal A" in text
    assert "Nr Ärende Diarienummer Föredragande" in text
    assert "1 Verksamhetsbidrag 2023 till Hopajola RUN 2022/1234 Eva Handläggare" in text
    assert "2 Ärendet är inte offentligt" in text
    assert "3 Utgånget ärende (utgår)" in text
    assert text.index("Hopajola") < text.index("Utgånget")
    assert "Tillkommet ärende" not in text


def test_the_public_notice_leaves_out_the_secret_item(meeting):
    text = flat(text_of(render_notice(meeting, PUBLIC)))
    for marker in HEMLIG:
        assert marker not in text


def test_the_members_notice_shows_the_secret_item(meeting):
    text = flat(text_of(render_notice(meeting, MEMBERS)))
    assert "2 HEMLIG-TITEL" in text
    assert "Ledamotsversion" in text
