"""Delegated decisions reported at a meeting fill its Anmälningsärenden item."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from paragraf import factories
from paragraf.cases.models import DelegatedDecision
from paragraf.cases.services import report_delegated_decisions
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.models.lock import MinutesLocked


@pytest.fixture
def committee(db):
    return factories.seed_committee()


@pytest.fixture
def meeting(committee):
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    for _ in range(3):
        factories.item(meeting, state=AgendaItem.State.ON_AGENDA)
    return meeting


def seed_decision(committee, **fields):
    case = factories.case(committee.body, committee=committee, reference="Regt-74-22")
    fields.setdefault("title", "Företagsstöd för perioden 2022-07-16 – 2022-09-21")
    return factories.delegated_decision(committee, case=case, **fields)


def test_it_adds_the_item_last_and_lists_the_decisions_as_in_the_seed(committee, meeting):
    decision = seed_decision(committee)
    other = factories.delegated_decision(
        committee, title="Attest av resor", decided_by="Nämndens ordförande", rule="1.2",
        decided_on=datetime.date(2022, 10, 1),
    )  # fmt: skip
    item = report_delegated_decisions(meeting, [other, decision], by=None)
    assert item.title == "Anmälningsärenden"
    assert item.position == 4
    assert item.number == "4"
    assert item.state == AgendaItem.State.ON_AGENDA
    assert item.summary == (
        "Anmälningsärenden:\n\n"
        "1. Beslut av Områdeschef näringslivsutveckling enligt punkt 3.3 i nämndens "
        "delegationsordning – Företagsstöd för perioden 2022-07-16 – 2022-09-21 "
        "diarienummer Regt-74-22\n"
        "2. Beslut av Nämndens ordförande enligt punkt 1.2 i nämndens delegationsordning"
        " – Attest av resor"
    )
    assert set(DelegatedDecision.objects.values_list("reported_at", flat=True)) == {item.pk}


def test_it_uses_the_existing_item_and_keeps_what_it_listed(committee, meeting):
    existing = factories.item(meeting, title="Anmälningsärenden", state=AgendaItem.State.ON_AGENDA)
    first = seed_decision(committee)
    report_delegated_decisions(meeting, [first], by=None)
    second = factories.delegated_decision(committee, title="Attest")
    item = report_delegated_decisions(meeting, [second], by=None)
    assert item == existing
    assert meeting.items.count() == 4
    assert item.summary.count("Beslut av") == 2


def test_reporting_again_changes_nothing(committee, meeting):
    decision = seed_decision(committee)
    first = report_delegated_decisions(meeting, [decision], by=None)
    again = report_delegated_decisions(meeting, [decision], by=None)
    assert again == first
    assert again.summary == first.summary
    assert meeting.items.filter(title="Anmälningsärenden").count() == 1


def test_it_refuses_a_meeting_with_verified_minutes(committee):
    meeting = factories.meeting(committee, minutes_verified_at=timezone.now())
    decision = seed_decision(committee)
    with pytest.raises(MinutesLocked):
        report_delegated_decisions(meeting, [decision], by=None)
    decision.refresh_from_db()
    assert decision.reported_at is None


def test_it_refuses_a_decision_already_reported_elsewhere(committee, meeting):
    decision = seed_decision(committee)
    report_delegated_decisions(meeting, [decision], by=None)
    later = factories.meeting(committee, day=datetime.date(2023, 2, 1))
    with pytest.raises(ValidationError, match="har redan anmälts vid ett annat sammanträde"):
        report_delegated_decisions(later, [decision], by=None)
    assert not later.items.exists()


def test_it_refuses_another_committees_decision(committee, meeting):
    other = factories.committee(committee.body)
    decision = factories.delegated_decision(other)
    with pytest.raises(ValidationError, match="inte fattat med stöd av den här nämndens"):
        report_delegated_decisions(meeting, [decision], by=None)
