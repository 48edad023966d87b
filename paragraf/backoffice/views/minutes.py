"""The minutes: the secretary's editor, and the signatories' approval pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms.minutes import (
    CorrectionForm,
    ParagraphForm,
    SendBackForm,
    SignatoriesForm,
)
from paragraf.core.audit import acting_as
from paragraf.meetings.models import Approval
from paragraf.meetings.services import minutes as services
from paragraf.noticeboard import services as notices
from paragraf.portal import rows
from paragraf.portal.views.errors import NotFound


def _refused(request, error):
    for message in error.messages:
        messages.error(request, message)


def _minutes_items(meeting):
    """The paragraphs with how each item was handled, as the public will read them."""
    items = list(services.numbered_items(meeting))
    for item in items:
        item.handling = rows.handling(item, item.paragraph)
    return items


def _editor_context(meeting, bound=None):
    """Everything the editor shows; `bound` is a form with errors to show in place."""
    locked = meeting.minutes_locked
    form_class = CorrectionForm if locked else ParagraphForm
    rows = []
    for item in services.numbered_items(meeting):
        paragraph = item.paragraph
        if bound is not None and bound.instance.pk == paragraph.pk:
            form = bound
        else:
            form = form_class(instance=paragraph)
        rows.append({"item": item, "paragraph": paragraph, "form": form})
    approvals = list(meeting.approvals.select_related("person", "answered_by"))
    return {
        "meeting": meeting,
        "committee": meeting.committee,
        "rows": rows,
        "approvals": approvals,
        "current_round": services.current_round(meeting),
        "waiting": services.waiting_for_approval(meeting),
        "items": _minutes_items(meeting),
        "signatories": SignatoriesForm(
            meeting=meeting,
            initial={"chair": meeting.chair, "verifiers": list(meeting.verifiers.all())},
        ),
        "versions": meeting.minutes_versions.select_related("made_by"),
        "notices": meeting.notices.all(),
        "notice_missing": locked and not meeting.notices.filter(kind="protokoll").exists(),
        "nav": "minutes",
    }


@requires(Action.EDIT_MINUTES)
@require_safe
def editor(request, meeting):
    return render(request, "backoffice/minutes/editor.html", _editor_context(meeting))


def _to_editor(meeting):
    return redirect("backoffice:minutes_editor", meeting=meeting.pk)


@requires(Action.EDIT_MINUTES)
@require_POST
def close(request, meeting):
    try:
        with acting_as(request.user):
            services.close_meeting(meeting, request.user)
        messages.success(request, _("The meeting is closed and its paragraphs numbered."))
    except ValidationError as error:
        _refused(request, error)
    return _to_editor(meeting)


def _paragraph_of(meeting, item):
    if item.meeting_id != meeting.pk or not hasattr(item, "paragraph"):
        raise NotFound(_("The minutes have no such paragraph."))
    return item.paragraph


@requires(Action.EDIT_MINUTES)
@require_POST
def edit_paragraph(request, meeting, item):
    paragraph = _paragraph_of(meeting, item)
    if meeting.minutes_locked:
        messages.error(request, _("The minutes are verified: make a correction instead."))
        return _to_editor(meeting)
    if services.waiting_for_approval(meeting):
        messages.error(request, _("The minutes are with the signatories and cannot be edited now."))
        return _to_editor(meeting)
    form = ParagraphForm(request.POST, instance=paragraph)
    if form.is_valid():
        with acting_as(request.user):
            form.save()
        messages.success(request, _("§ %(n)s is saved.") % {"n": paragraph.number})
        return _to_editor(meeting)
    context = _editor_context(meeting, bound=form)
    return render(request, "backoffice/minutes/editor.html", context, status=400)


@requires(Action.EDIT_MINUTES)
@require_POST
def correct_paragraph(request, meeting, item):
    paragraph = _paragraph_of(meeting, item)
    form = CorrectionForm(request.POST, instance=paragraph)
    if form.is_valid():
        changes = {name: form.cleaned_data[name] for name in services.PARAGRAPH_FIELDS}
        try:
            with acting_as(request.user):
                services.correct_minutes(
                    meeting, {paragraph.pk: changes}, form.cleaned_data["reason"], request.user
                )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("§ %(n)s is corrected.") % {"n": paragraph.number})
        return _to_editor(meeting)
    # Reload the paragraph: form validation wrote the rejected values onto it.
    form.instance = type(paragraph).objects.get(pk=paragraph.pk)
    context = _editor_context(meeting, bound=form)
    return render(request, "backoffice/minutes/editor.html", context, status=400)


@requires(Action.EDIT_MINUTES)
@require_POST
def signatories(request, meeting):
    form = SignatoriesForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            with acting_as(request.user):
                services.choose_signatories(
                    meeting,
                    form.cleaned_data["chair"],
                    list(form.cleaned_data["verifiers"]),
                    request.user,
                )
            messages.success(request, _("The chair and the verifiers are chosen."))
        except ValidationError as error:
            _refused(request, error)
        return _to_editor(meeting)
    context = _editor_context(meeting)
    context["signatories"] = form
    return render(request, "backoffice/minutes/editor.html", context, status=400)


@requires(Action.EDIT_MINUTES)
@require_POST
def send(request, meeting):
    try:
        with acting_as(request.user):
            services.send_for_approval(meeting, request.user)
        messages.success(request, _("The minutes are sent to the chair and the verifiers."))
    except ValidationError as error:
        _refused(request, error)
    return _to_editor(meeting)


@requires(Action.POST_NOTICES)
@require_POST
def post_notice(request, meeting):
    """Post the notice of verified minutes that is not up yet (normally posted at justering)."""
    try:
        with acting_as(request.user):
            notices.post_notice(meeting)
        messages.success(request, _("The notice is on the notice board."))
    except ValidationError as error:
        _refused(request, error)
    return _to_editor(meeting)


@requires(Action.VIEW)
@require_safe
def waiting(request):
    """The approvals the logged-in signatory still has to answer."""
    pending = [
        approval
        for approval in Approval.objects.filter(
            person__user=request.user,
            answer=Approval.Answer.PENDING,
            meeting__minutes_verified_at__isnull=True,
        ).select_related("meeting", "meeting__committee", "person")
        if services.is_open(approval)
    ]
    return render(
        request, "backoffice/minutes/waiting.html", {"approvals": pending, "nav": "approvals"}
    )


@requires(Action.VIEW)
@require_safe
def approval_page(request, approval):
    """The minutes read-only, with the answer forms for the signatory themself.
    Other members of the committee may read the draft but not answer."""
    meeting = approval.meeting
    mine = services.may_answer(approval, request.user)
    return render(
        request,
        "backoffice/minutes/approval.html",
        {
            "approval": approval,
            "meeting": meeting,
            "committee": meeting.committee,
            "items": _minutes_items(meeting),
            "mine": mine,
            "can_answer": mine and services.is_open(approval),
            "form": SendBackForm(),
            "nav": "approvals",
        },
    )


def _signatory_only(request, approval):
    if not services.may_answer(approval, request.user):
        raise PermissionDenied(
            _("Only %(person)s can answer this approval.") % {"person": approval.person}
        )


@requires(Action.VIEW)
@require_POST
def approve(request, approval):
    _signatory_only(request, approval)
    try:
        with acting_as(request.user):
            services.approve(approval, request.user)
        approval.meeting.refresh_from_db()
        if approval.meeting.minutes_locked:
            messages.success(request, _("You approved the minutes. They are now verified."))
        else:
            messages.success(request, _("You approved the minutes."))
    except ValidationError as error:
        _refused(request, error)
    return redirect("backoffice:minutes_approval", approval=approval.pk)


@requires(Action.VIEW)
@require_POST
def send_back(request, approval):
    _signatory_only(request, approval)
    form = SendBackForm(request.POST)
    if form.is_valid():
        try:
            with acting_as(request.user):
                services.send_back(approval, request.user, form.cleaned_data["comment"])
            messages.success(request, _("Your comment is sent to the secretary."))
        except ValidationError as error:
            _refused(request, error)
        return redirect("backoffice:minutes_approval", approval=approval.pk)
    meeting = approval.meeting
    context = {
        "approval": approval,
        "meeting": meeting,
        "committee": meeting.committee,
        "items": _minutes_items(meeting),
        "mine": True,
        "can_answer": services.is_open(approval),
        "form": form,
        "nav": "approvals",
    }
    return render(request, "backoffice/minutes/approval.html", context, status=400)
