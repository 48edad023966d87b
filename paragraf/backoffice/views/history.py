from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.core.models import AuditEntry

PAGE_SIZE = 50


@requires(Action.VIEW_HISTORY)
@require_safe
def meeting_history(request, meeting):
    entries = (
        AuditEntry.objects.filter(meeting_id=meeting.pk)
        .select_related("content_type")
        .order_by("-when", "-pk")
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("sida"))
    return render(
        request,
        "backoffice/history/meeting.html",
        {"meeting": meeting, "committee": meeting.committee, "page": page},
    )
