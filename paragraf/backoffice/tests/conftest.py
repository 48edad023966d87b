"""Shared back-office fixtures: one committee with a user per role, an outsider
who has roles only in another committee, and one object of every kind."""

import pytest
from django.contrib.auth.models import User

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.meetings.models import (
    Approval,
    Attendance,
    Conflict,
    Meeting,
    Motion,
    RecordedNote,
    Reservation,
    Vote,
)
from paragraf.noticeboard.models import Notice

Role = CommitteeRole.Role


def make_user(username, committee=None, role=None, **fields):
    user = User.objects.create_user(username, password="lösenord-för-test", **fields)
    if committee is not None:
        CommitteeRole.objects.create(user=user, committee=committee, role=role)
    return user


@pytest.fixture
def committee(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return factories.seed_committee()


@pytest.fixture
def users(committee):
    other = factories.committee(committee.body, name="Annan nämnd", slug="annan-namnd")
    users = {role.value: make_user(role.value, committee, role) for role in Role}
    users["utomstaende"] = make_user("utomstaende", other, Role.SECRETARY)
    users["superuser"] = make_user("admin", is_superuser=True, is_staff=True)
    return users


@pytest.fixture
def secretary(users):
    return users[Role.SECRETARY]


@pytest.fixture
def objects(committee):
    """One object of every kind a back-office URL can name, by URL argument name."""
    meeting = factories.meeting(committee, state=Meeting.State.HELD)
    item = factories.item(meeting, case=factories.case(committee.body, committee=committee))
    document = factories.attach(item, factories.document(is_public=False))
    person = factories.person()
    decision = factories.delegated_decision(committee)
    vote = Vote.objects.create(item=item, question="Bifall?")
    return {
        "committee": committee.slug,
        "meeting": meeting.pk,
        "item": item.pk,
        "case": item.case.pk,
        "document": document.pk,
        "decision": decision.pk,
        "motion": Motion.objects.create(item=item, text="Yrkande").pk,
        "vote": vote.pk,
        "reservation": Reservation.objects.create(item=item, person=person).pk,
        "note": RecordedNote.objects.create(item=item, person=person, text="Not").pk,
        "conflict": Conflict.objects.create(item=item, person=person).pk,
        "attendance": Attendance.objects.create(meeting=meeting, person=person).pk,
        "approval": Approval.objects.create(
            meeting=meeting, person=person, role=Approval.Role.VERIFIER
        ).pk,
        "notice": Notice.objects.create(
            committee=committee,
            meeting=meeting,
            verified_on=meeting.local_date,
            posted_on=meeting.local_date,
            appeal_until=meeting.local_date,
            removed_on=meeting.local_date,
            minutes_kept_at="Regionhuset",
        ).pk,
    }
