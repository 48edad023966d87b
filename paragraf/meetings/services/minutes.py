"""Minutes services: closing the meeting, justering (approval by the chair and
the verifiers), verification, and corrections after it.

Each function is one transaction and refuses impossible steps with a Swedish
ValidationError (the messages are English msgids translated to Swedish).
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from paragraf.meetings.models import (
    AgendaItem,
    Approval,
    Meeting,
    MinutesVersion,
    Paragraph,
    correcting,
)
from paragraf.meetings.services.numbering import number_paragraphs

logger = logging.getLogger(__name__)

# The issue asks for the chair and two verifiers on every set of minutes.
REQUIRED_VERIFIERS = 2
PARAGRAPH_FIELDS = ("title", "summary", "decision", "sent_to")


def _locked_meeting(meeting):
    """The meeting re-read under a row lock, so two requests queue up."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _refuse_if_verified(meeting):
    if meeting.minutes_verified_at is not None:
        raise ValidationError(_("The minutes are already verified."), code="verified")


def close_meeting(meeting, by):
    """Close a held meeting: number its paragraphs and write each item's decision
    (as recorded, else as proposed) into its paragraph. Returns the paragraphs."""
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        if meeting.state != Meeting.State.HELD:
            raise ValidationError(
                _("Only a meeting that has been held can be closed."), code="not_held"
            )
        if meeting.closed_at is not None:
            raise ValidationError(_("The meeting is already closed."), code="closed")
        number_paragraphs(meeting)
        paragraphs = list(
            Paragraph.objects.filter(agenda_item__meeting=meeting)
            .select_related("agenda_item")
            .order_by("number")
        )
        for paragraph in paragraphs:
            item = paragraph.agenda_item
            decision = item.decision or item.proposed_decision
            if paragraph.decision != decision:
                paragraph.decision = decision
                paragraph.save()
        meeting.closed_at = timezone.now()
        meeting.save(update_fields=["closed_at", "modified"])
        return paragraphs


def choose_signatories(meeting, chair, verifiers, by):
    """Choose who signs the minutes: the chair and the verifiers (justerare).
    Not while the minutes wait for their answers, and not after verification."""
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if_verified(meeting)
        if _round_open(list(current_approvals(meeting))):
            raise ValidationError(
                _("The minutes are waiting for approval; the signatories cannot change now."),
                code="waiting",
            )
        if chair in verifiers:
            raise ValidationError(_("The chair cannot also be a verifier."), code="chair_verifies")
        meeting.chair = chair
        meeting.save(update_fields=["chair", "modified"])
        meeting.verifiers.set(verifiers)
        return meeting


def current_round(meeting):
    """The number of the latest round of approvals (0 before the first)."""
    return meeting.approvals.aggregate(n=Max("round"))["n"] or 0


def current_approvals(meeting):
    return meeting.approvals.filter(round=current_round(meeting)).select_related(
        "person", "person__user"
    )


def _round_open(approvals):
    """A round is open while no one has sent it back and someone still has to answer."""
    answers = {a.answer for a in approvals}
    return bool(approvals) and Approval.Answer.COMMENTED not in answers


def send_for_approval(meeting, by):
    """Send the closed minutes to the chair and the verifiers: a new round of approvals."""
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if_verified(meeting)
        if meeting.closed_at is None:
            raise ValidationError(
                _("Close the meeting before sending the minutes for approval."),
                code="not_closed",
            )
        verifiers = list(meeting.verifiers.all())
        if meeting.chair_id is None or len(verifiers) < REQUIRED_VERIFIERS:
            raise ValidationError(
                _("Choose the chair and two verifiers before sending the minutes."),
                code="signatories",
            )
        if meeting.chair in verifiers:
            raise ValidationError(_("The chair cannot also be a verifier."), code="chair_verifies")
        if _round_open(list(current_approvals(meeting))):
            raise ValidationError(
                _("The minutes are already waiting for approval."), code="waiting"
            )
        number = current_round(meeting) + 1
        approvals = [
            Approval.objects.create(
                meeting=meeting, person=meeting.chair, role=Approval.Role.CHAIR, round=number
            )
        ]
        for person in verifiers:
            approvals.append(
                Approval.objects.create(
                    meeting=meeting, person=person, role=Approval.Role.VERIFIER, round=number
                )
            )
        return approvals


def may_answer(approval, user):
    """Only the signatory themself (through their login) answers for them."""
    return (
        user is not None
        and user.is_authenticated
        and approval.person.user_id is not None
        and approval.person.user_id == user.pk
    )


def waiting_for_approval(meeting):
    """Whether the minutes are with the signatories (and so not to be edited)."""
    return meeting.minutes_verified_at is None and _round_open(list(current_approvals(meeting)))


def is_open(approval):
    """Whether the approval still waits for its signatory's answer."""
    meeting = approval.meeting
    return (
        meeting.minutes_verified_at is None
        and approval.answer == Approval.Answer.PENDING
        and approval.round == current_round(meeting)
        and _round_open(list(current_approvals(meeting)))
    )


def _answerable(approval, user):
    """The approval re-read under lock, after checking it can be answered by `user`."""
    if not may_answer(approval, user):
        raise ValidationError(
            _("Only %(person)s can answer this approval.") % {"person": approval.person},
            code="not_signatory",
        )
    _locked_meeting(approval.meeting)
    approval = Approval.objects.select_for_update().select_related("meeting").get(pk=approval.pk)
    _refuse_if_verified(approval.meeting)
    if approval.round != current_round(approval.meeting):
        raise ValidationError(
            _("These minutes have been sent again; answer the latest request."), code="old"
        )
    if not _round_open(list(current_approvals(approval.meeting))):
        raise ValidationError(
            _("The minutes were sent back to the secretary; wait until they are sent again."),
            code="sent_back",
        )
    return approval


def _answer(approval, user, answer, comment=""):
    approval.answer = answer
    approval.comment = comment
    approval.answered_at = timezone.now()
    approval.answered_by = user
    approval.save()


def approve(approval, user):
    """The signatory approves the minutes. When everyone of the round has approved,
    the minutes are verified (and the notice posted). Approving twice is harmless."""
    with transaction.atomic():
        approval = _answerable(approval, user)
        if approval.answer == Approval.Answer.APPROVED:
            return approval
        _answer(approval, user, Approval.Answer.APPROVED)
        answers = {a.answer for a in current_approvals(approval.meeting)}
        if answers == {Approval.Answer.APPROVED}:
            verify_minutes(approval.meeting, by=user)
        return approval


def send_back(approval, user, comment):
    """The signatory sends the minutes back with a comment; the secretary must
    send them again (a new round) before anyone can approve."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(
            _("Write a comment saying what should be changed."), code="no_comment"
        )
    with transaction.atomic():
        approval = _answerable(approval, user)
        _answer(approval, user, Approval.Answer.COMMENTED, comment)
        return approval


def verify_minutes(meeting, by):
    """Verify the minutes once every signatory of the round has approved: the
    minutes lock, version 1 is recorded and the notice goes up today."""
    from paragraf.noticeboard.services import post_notice

    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _refuse_if_verified(meeting)
        if meeting.state != Meeting.State.HELD:
            raise ValidationError(
                _("Minutes can only be verified for a meeting that has been held."),
                code="not_held",
            )
        if meeting.closed_at is None:
            raise ValidationError(
                _("The meeting has not been closed, so there are no minutes to verify."),
                code="not_closed",
            )
        approvals = list(current_approvals(meeting))
        if not approvals or any(a.answer != Approval.Answer.APPROVED for a in approvals):
            raise ValidationError(
                _("The chair and every verifier must approve the minutes first."),
                code="not_approved",
            )
        meeting.minutes_verified_at = timezone.now()
        meeting.state = Meeting.State.MINUTES_VERIFIED
        meeting.save(update_fields=["minutes_verified_at", "state", "modified"])
        MinutesVersion.objects.create(meeting=meeting, number=1, made_by=by)
        post_notice(meeting)
        _seal_after_commit(meeting)
        return meeting


def correct_minutes(meeting, changes, reason, by):
    """Correct verified minutes: apply `changes` (a function called inside the
    correction, or {paragraph pk: {field: value}}), record version n+1 with the
    reason and post a notice of the correction. Returns the new version."""
    from paragraf.noticeboard.models import Notice
    from paragraf.noticeboard.services import post_notice

    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for the correction."), code="no_reason")
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        if meeting.minutes_verified_at is None:
            raise ValidationError(
                _("Only verified minutes are corrected; edit the draft instead."),
                code="not_verified",
            )
        latest = meeting.minutes_versions.order_by("-number").first()
        if not callable(changes) and not _changes_anything(meeting, changes):
            if latest is not None and latest.reason == reason:
                return latest  # the same correction sent twice
            raise ValidationError(_("The correction changes nothing."), code="unchanged")
        with correcting(meeting):
            if callable(changes):
                changes()
            else:
                _apply_paragraph_changes(meeting, changes)
        number = (meeting.minutes_versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = MinutesVersion.objects.create(
            meeting=meeting, number=number, reason=reason, made_by=by
        )
        # The public meeting page is cached by `modified`: show the correction at once.
        meeting.save(update_fields=["modified"])
        post_notice(meeting, kind=Notice.Kind.CORRECTION)
        _seal_after_commit(meeting)
        return version


def _seal_after_commit(meeting):
    """Seal the public minutes of the new version once it is committed. Should that
    fail (a certificate problem, say), the portal seals them when first asked for."""

    def seal():
        from paragraf.documents.services import public_minutes

        try:
            public_minutes(meeting)
        except Exception:
            logger.exception("Sealing the minutes of meeting %s failed", meeting.pk)

    transaction.on_commit(seal)


def _changes_anything(meeting, changes):
    for pk, fields in changes.items():
        paragraph = Paragraph.objects.get(pk=pk, agenda_item__meeting=meeting)
        if any(getattr(paragraph, name) != value for name, value in fields.items()):
            return True
    return False


def _apply_paragraph_changes(meeting, changes):
    for pk, fields in changes.items():
        paragraph = Paragraph.objects.get(pk=pk, agenda_item__meeting=meeting)
        unknown = set(fields) - set(PARAGRAPH_FIELDS)
        if unknown:
            raise ValueError(f"Not a field of the minutes: {sorted(unknown)}")
        for name, value in fields.items():
            setattr(paragraph, name, value)
        paragraph.full_clean()
        paragraph.save()


def numbered_items(meeting):
    """The meeting's items that are paragraphs of the minutes, in § order, with
    how each was handled (motions, votes, reservations …) prefetched."""
    from paragraf.portal.rows import MINUTES_PREFETCH

    return (
        AgendaItem.objects.filter(meeting=meeting, paragraph__isnull=False)
        .select_related("paragraph", "case")
        .prefetch_related(*MINUTES_PREFETCH)
        .order_by("paragraph__number")
    )
