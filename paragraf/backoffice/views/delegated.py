"""The register of delegated decisions, and reporting them at a meeting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms.delegated import DelegatedDecisionForm, ReportForm
from paragraf.cases import services
from paragraf.cases.models import DelegatedDecision
from paragraf.core.audit import acting_as


@requires(Action.MANAGE_DELEGATED)
@require_safe
def decision_list(request, committee):
    unreported = request.GET.get("ej_anmalda") == "1"
    decisions = DelegatedDecision.objects.filter(committee=committee).select_related(
        "case", "reported_at__meeting"
    )
    if unreported:
        decisions = decisions.filter(reported_at__isnull=True)
    return render(
        request,
        "backoffice/delegated/list.html",
        {
            "committee": committee,
            "decisions": decisions,
            "unreported": unreported,
            "nav": "delegated",
        },
    )


def _locked(decision):
    return decision.reported_at is not None and decision.reported_at.meeting.minutes_locked


@requires(Action.MANAGE_DELEGATED)
@require_http_methods(["GET", "HEAD", "POST"])
def decision_create(request, committee):
    form = DelegatedDecisionForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        # A form sent twice registers one decision, not two.
        decision = DelegatedDecision.objects.filter(
            committee=committee, **form.cleaned_data
        ).first()
        if decision is None:
            with acting_as(request.user):
                form.instance.committee = committee
                decision = form.save()
        messages.success(request, _("The delegated decision is registered."))
        return redirect("backoffice:delegated_list", committee=committee.slug)
    return render(
        request,
        "backoffice/delegated/form.html",
        {"committee": committee, "form": form, "decision": None, "nav": "delegated"},
    )


@requires(Action.MANAGE_DELEGATED)
@require_http_methods(["GET", "HEAD", "POST"])
def decision_edit(request, decision):
    committee = decision.committee
    form = DelegatedDecisionForm(request.POST or None, instance=decision, committee=committee)
    if request.method == "POST":
        if _locked(decision):
            form.add_error(
                None, _("This decision was reported at a meeting whose minutes are verified.")
            )
        elif form.is_valid():
            with transaction.atomic(), acting_as(request.user):
                decision = form.save()
                if decision.reported_at is not None:
                    # The agenda's list must say what the register says.
                    services.rewrite_reported_item(decision.reported_at)
            messages.success(request, _("The delegated decision is saved."))
            return redirect("backoffice:delegated_list", committee=committee.slug)
    return render(
        request,
        "backoffice/delegated/form.html",
        {"committee": committee, "form": form, "decision": decision, "nav": "delegated"},
    )


@requires(Action.MANAGE_DELEGATED)
@require_http_methods(["GET", "HEAD", "POST"])
def decision_report(request, committee):
    form = ReportForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        meeting = form.cleaned_data["meeting"]
        try:
            item = services.report_delegated_decisions(
                meeting, form.cleaned_data["decisions"], by=request.user
            )
        except ValidationError as error:
            # MinutesLocked is a ValidationError with a Swedish message too.
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The decisions are listed under item %(number)s “%(title)s”.")
                % {"number": item.number, "title": item.title},
            )
            return redirect("backoffice:delegated_list", committee=committee.slug)
    return render(
        request,
        "backoffice/delegated/report.html",
        {"committee": committee, "form": form, "nav": "delegated"},
    )
