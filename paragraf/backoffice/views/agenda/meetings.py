"""A committee's meetings, and creating a new one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from paragraf.accounts.permissions import Action, can
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms.agenda import MeetingForm
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import agenda as service


@requires(Action.VIEW)
@require_safe
def meetings(request, committee):
    return render(
        request,
        "backoffice/agenda/meetings.html",
        {
            "committee": committee,
            "meetings": Meeting.objects.filter(committee=committee).select_related(
                "location", "committee"
            ),
            "may_manage": can(request.user, Action.MANAGE_AGENDA, committee),
            "form": MeetingForm(),
        },
    )


@requires(Action.MANAGE_AGENDA)
@require_http_methods(["GET", "POST"])
def new_meeting(request, committee):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = service.create_meeting(committee, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting has been created."))
            return redirect("backoffice:agenda_builder", meeting=meeting.pk)
    return render(
        request, "backoffice/agenda/meeting_new.html", {"committee": committee, "form": form}
    )
