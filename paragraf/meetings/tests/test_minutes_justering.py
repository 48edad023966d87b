"""Closing a meeting, justering by the chair and the verifiers, and corrections."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from paragraf import factories
from paragraf.meetings.models import Approval, Meeting, MinutesLocked, MinutesVersion, Paragraph
from paragraf.meetings.services.minutes import (
    approve,
    close_meeting,
    correct_minutes,
    send_back,
    send_for_approval,
    verify_minutes,
)
from paragraf.noticeboard.models import Notice

# Wednesday 14 December 2022, a few days after the meeting.
VERIFY_DAY = datetime.datetime(2022, 12, 16, 10, tzinfo=factories.STOCKHOLM)


@pytest.fixture
def secretary(db):
    return User.objects.create_user("sekreterare")


def signatory(name):
    return factories.person(given_name=name, user=User.objects.create_user(name))


@pytest.fixture
def meeting(db):
    committee = factories.committee(factories.body(minutes_kept_at="Regionens kansli, Örebro"))
    meeting = factories.meeting(committee, state=Meeting.State.HELD)
    factories.item(meeting, proposed_decision="Nämnden föreslår bifall.")
    factories.item(meeting, proposed_decision="Förslag", decision="Nämnden beslutar avslag.")
    meeting.chair = signatory("ordf")
    meeting.save()
    meeting.verifiers.set([signatory("just1"), signatory("just2")])
    return meeting


@pytest.fixture
def sent(meeting, secretary):
    close_meeting(meeting, secretary)
    meeting.refresh_from_db()
    return send_for_approval(meeting, secretary)


def approve_all(approvals):
    for approval in approvals:
        approve(approval, approval.person.user)


def test_closing_numbers_the_paragraphs_and_copies_the_decisions(meeting, secretary):
    paragraphs = close_meeting(meeting, secretary)
    assert [p.number for p in paragraphs] == [1, 2]
    assert [p.decision for p in paragraphs] == [
        "Nämnden föreslår bifall.",
        "Nämnden beslutar avslag.",
    ]
    meeting.refresh_from_db()
    assert meeting.closed_at is not None


def test_it_refuses_to_close_a_meeting_not_held(db, secretary):
    meeting = factories.meeting(state=Meeting.State.NOTICE_PUBLISHED)
    with pytest.raises(ValidationError):
        close_meeting(meeting, secretary)
    assert not Paragraph.objects.exists()


def test_it_refuses_to_send_before_closing(meeting, secretary):
    with pytest.raises(ValidationError):
        send_for_approval(meeting, secretary)


def test_it_refuses_to_send_without_two_verifiers(meeting, secretary):
    close_meeting(meeting, secretary)
    meeting.verifiers.set([meeting.verifiers.first()])
    with pytest.raises(ValidationError):
        send_for_approval(meeting, secretary)


def test_sending_twice_makes_one_round(meeting, secretary, sent):
    with pytest.raises(ValidationError):
        send_for_approval(meeting, secretary)
    assert Approval.objects.filter(meeting=meeting).count() == 3


@time_machine.travel(VERIFY_DAY)
def test_when_everyone_approves_the_minutes_are_verified_locked_and_posted(meeting, sent):
    approve_all(sent)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.NOTICE_POSTED
    assert meeting.minutes_verified_at is not None
    assert meeting.notice_posted_at is not None
    approval = Approval.objects.get(pk=sent[0].pk)
    assert approval.answered_by == sent[0].person.user
    assert approval.answered_at is not None
    version = MinutesVersion.objects.get(meeting=meeting)
    assert version.number == 1
    notice = Notice.objects.get(meeting=meeting)
    assert notice.kind == Notice.Kind.MINUTES
    assert notice.verified_on == notice.posted_on == datetime.date(2022, 12, 16)
    assert notice.appeal_until == datetime.date(2023, 1, 9)
    assert notice.removed_on == datetime.date(2023, 1, 10)
    assert notice.minutes_kept_at == "Regionens kansli, Örebro"
    paragraph = Paragraph.objects.filter(agenda_item__meeting=meeting).first()
    paragraph.decision = "Ändrat i smyg"
    with pytest.raises(MinutesLocked):
        paragraph.save()


def test_the_minutes_wait_until_the_last_signatory_approves(meeting, sent):
    approve_all(sent[:2])
    meeting.refresh_from_db()
    assert meeting.minutes_verified_at is None


def test_only_the_signatory_may_answer(meeting, sent):
    other = User.objects.create_user("annan")
    with pytest.raises(ValidationError):
        approve(sent[0], other)
    with pytest.raises(ValidationError):
        send_back(sent[0], other, "Nej")
    assert Approval.objects.get(pk=sent[0].pk).answer == Approval.Answer.PENDING


@time_machine.travel(VERIFY_DAY)
def test_a_comment_sends_the_minutes_back_for_a_new_round(meeting, secretary, sent):
    send_back(sent[1], sent[1].person.user, "§ 2 saknar expediering.")
    with pytest.raises(ValidationError):
        approve(sent[0], sent[0].person.user)
    second = send_for_approval(meeting, secretary)
    assert {a.round for a in second} == {2}
    with pytest.raises(ValidationError):
        approve(sent[2], sent[2].person.user)  # an answer to the old round
    approve_all(second)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.NOTICE_POSTED
    assert Approval.objects.get(pk=sent[1].pk).comment == "§ 2 saknar expediering."


def test_a_comment_is_required_to_send_back(meeting, sent):
    with pytest.raises(ValidationError):
        send_back(sent[0], sent[0].person.user, "  ")


def test_it_refuses_to_verify_a_meeting_not_held(db, secretary):
    meeting = factories.meeting(state=Meeting.State.NOTICE_PUBLISHED)
    with pytest.raises(ValidationError) as refused:
        verify_minutes(meeting, secretary)
    assert "held" in str(refused.value) or "genomfört" in str(refused.value)
    meeting.refresh_from_db()
    assert meeting.minutes_verified_at is None


def test_it_refuses_to_verify_before_everyone_approved(meeting, sent, secretary):
    with pytest.raises(ValidationError):
        verify_minutes(meeting, secretary)


def test_delegated_decisions_reported_at_the_meeting_get_their_notice(meeting, secretary):
    item = meeting.items.first()
    factories.delegated_decision(meeting.committee, reported_at=item)
    close_meeting(meeting, secretary)
    approve_all(send_for_approval(meeting, secretary))
    kinds = set(Notice.objects.filter(meeting=meeting).values_list("kind", flat=True))
    assert kinds == {Notice.Kind.MINUTES, Notice.Kind.DELEGATED}


def test_a_correction_is_version_two_with_its_reason_and_notice(meeting, secretary, sent):
    approve_all(sent)
    paragraph = Paragraph.objects.filter(agenda_item__meeting=meeting).order_by("number")[0]
    version = correct_minutes(
        meeting, {paragraph.pk: {"decision": "Rättat beslut."}}, "Skrivfel i beslutet", secretary
    )
    assert version.number == 2
    assert version.reason == "Skrivfel i beslutet"
    paragraph.refresh_from_db()
    assert paragraph.decision == "Rättat beslut."
    assert Notice.objects.filter(meeting=meeting, kind=Notice.Kind.CORRECTION).exists()
    paragraph.decision = "Utan rättelse"
    with pytest.raises(MinutesLocked):
        paragraph.save()


def test_a_correction_needs_a_reason_and_verified_minutes(meeting, secretary):
    with pytest.raises(ValidationError):
        correct_minutes(meeting, {}, "Skäl", secretary)
    with pytest.raises(ValidationError):
        correct_minutes(meeting, {}, " ", secretary)


def test_the_same_correction_sent_twice_makes_one_version(meeting, secretary, sent):
    approve_all(sent)
    paragraph = Paragraph.objects.filter(agenda_item__meeting=meeting).first()
    changes = {paragraph.pk: {"decision": "Rättat."}}
    first = correct_minutes(meeting, changes, "Skrivfel", secretary)
    again = correct_minutes(meeting, changes, "Skrivfel", secretary)
    assert first == again
    assert MinutesVersion.objects.filter(meeting=meeting).count() == 2
    with pytest.raises(ValidationError):
        correct_minutes(meeting, changes, "Ett annat skäl", secretary)


def sealed_minutes(meeting):
    from paragraf.documents.models import Rendition

    return Rendition.objects.filter(meeting=meeting, kind="protokoll", sealed_at__isnull=False)


def test_the_last_approval_seals_the_public_minutes(
    sent, meeting, django_capture_on_commit_callbacks
):
    from paragraf.documents.verify import verify_pdf

    with time_machine.travel(VERIFY_DAY), django_capture_on_commit_callbacks(execute=True):
        approve_all(sent)
    rendition = sealed_minutes(meeting).get()
    assert rendition.version == 1
    with rendition.file.open("rb") as handle:
        assert verify_pdf(handle.read()).valid


def test_a_correction_seals_version_two_and_keeps_version_one(
    sent, meeting, secretary, django_capture_on_commit_callbacks
):
    with time_machine.travel(VERIFY_DAY), django_capture_on_commit_callbacks(execute=True):
        approve_all(sent)
    paragraph = meeting.items.first().paragraph
    with django_capture_on_commit_callbacks(execute=True):
        correct_minutes(meeting, {paragraph.pk: {"decision": "Rättat."}}, "Skrivfel", secretary)
    versions = {r.version: r.replaced_at for r in sealed_minutes(meeting)}
    assert set(versions) == {1, 2}
    assert versions[1] is not None and versions[2] is None
