import pytest

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.services import number_paragraphs


@pytest.fixture
def committee(db):
    return factories.committee(
        factories.body(name="Region Örebro län"),
        name="Regional tillväxtnämnd",
        slug="regional-tillvaxtnamnd",
    )


@pytest.fixture
def verified_meeting(committee):
    """A meeting like the seed: a public item with an attachment, a non-public
    item, a withdrawn item and an item added at the meeting; minutes verified."""
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


@pytest.fixture
def meeting_url(verified_meeting):
    return "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"
