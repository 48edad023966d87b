"""The public notice board (anslagstavla) and its "until when can I appeal?" answer."""

import datetime
import re

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from paragraf.noticeboard import deadlines
from paragraf.noticeboard.models import Notice

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ARCHIVE_PAGE_SIZE = 50


def appeal_dates(value):
    """(posted on, last day to appeal, taken down on) for a date given as
    YYYY-MM-DD; raises ValueError with a message for the reader."""
    value = value.strip()
    if not ISO_DATE.match(value):
        raise ValueError(_("Write the date as YYYY-MM-DD, for example 2023-03-17."))
    try:
        posted_on = datetime.date.fromisoformat(value)
        return (
            posted_on,
            deadlines.last_day_to_appeal(posted_on),
            deadlines.taken_down_on(posted_on),
        )
    except (ValueError, OverflowError):
        raise ValueError(_("No such date: %(value)s.") % {"value": value}) from None


def _wants_json(request):
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


@require_safe
def board(request):
    answer = error = None
    asked = request.GET.get("uppsatt")
    if asked is not None:
        try:
            answer = appeal_dates(asked)
        except ValueError as refused:
            error = str(refused)
    if asked is not None and _wants_json(request):
        if error:
            response = JsonResponse({"fel": error}, status=400)
        else:
            posted_on, appeal_until, removed_on = answer
            response = JsonResponse(
                {
                    "uppsatt": posted_on.isoformat(),
                    "sista_dag_att_overklaga": appeal_until.isoformat(),
                    "nedtagning": removed_on.isoformat(),
                }
            )
        patch_vary_headers(response, ["Accept"])
        return response
    today = timezone.localdate()
    archive = Paginator(Notice.objects.archived(today).shown(), ARCHIVE_PAGE_SIZE)
    context = {
        "current": Notice.objects.current(today).shown(),
        "archive": archive.get_page(request.GET.get("sida")),
        "asked": asked,
        "answer": answer,
        "error": error,
        "nav": "noticeboard",
    }
    response = render(request, "noticeboard/board.html", context, status=400 if error else 200)
    patch_vary_headers(response, ["Accept"])
    return response
