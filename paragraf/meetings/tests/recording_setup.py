"""A started meeting with a chair, three members, two substitutes and three items."""

from types import SimpleNamespace

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import recording
from paragraf.organisation.models import Membership

Role = Membership.Role


def held_meeting(committee=None):
    committee = committee or factories.committee()
    people = SimpleNamespace(
        chair=factories.membership(committee, Role.CHAIR).person,
        anna=factories.membership(committee, Role.MEMBER).person,
        bo=factories.membership(committee, Role.MEMBER).person,
        cecilia=factories.membership(committee, Role.MEMBER).person,
        sub1=factories.membership(committee, Role.SUBSTITUTE).person,
        sub2=factories.membership(committee, Role.SUBSTITUTE).person,
    )
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    items = [
        factories.item(meeting, state="pa_listan", proposed_decision=f"Förslag {n}")
        for n in (1, 2, 3)
    ]
    meeting = recording.start_meeting(meeting)
    return meeting, items, people
