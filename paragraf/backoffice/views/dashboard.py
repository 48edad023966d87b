"""The overview (/kansli/): what each of the user's committees is waiting for.

Secretaries see, per committee they manage: upcoming meetings and what they
still lack, minutes waiting for verification with the days left of the 14
(KL 5:69 via 6:35), and verified minutes whose notice is not posted yet with
the latest posting day (KL 8:12). Members see their upcoming meetings only.
Each list is one query, whatever the number of rows.
"""

import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from paragraf.accounts.permissions import Action, committees_for
from paragraf.backoffice.decorators import requires
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Approval, Meeting
from paragraf.noticeboard.deadlines import latest_posting_day
from paragraf.noticeboard.models import Notice

VERIFICATION_PERIOD = datetime.timedelta(days=14)


def upcoming_meetings(committee_ids):
    """Meetings to come, with the count of documents still not public on public items.

    Document.is_public defaults to False, so a document on a public item that
    is still not public is taken to be not yet reviewed for publication.
    """
    unreviewed = Q(
        items__deleted_at__isnull=True,
        items__is_public=True,
        items__document_links__document__is_public=False,
        items__document_links__document__deleted_at__isnull=True,
    )
    # Members read the documents for the meeting here, non-public ones included.
    links = AgendaItemDocument.objects.filter(document__deleted_at__isnull=True).select_related(
        "document"
    )
    items = AgendaItem.objects.order_by("position").prefetch_related(
        Prefetch("document_links", queryset=links)
    )
    return (
        Meeting.objects.filter(committee_id__in=committee_ids, start__gte=timezone.now())
        .exclude(state=Meeting.State.CANCELLED)
        .select_related("committee")
        .annotate(unreviewed=Count("items__document_links", filter=unreviewed, distinct=True))
        .prefetch_related(Prefetch("items", queryset=items, to_attr="agenda"))
        .order_by("start")
    )


def minutes_awaiting_verification(committee_ids, today):
    waiting = Approval.objects.filter(answer=Approval.Answer.PENDING).select_related("person")
    meetings = (
        Meeting.objects.filter(
            committee_id__in=committee_ids,
            minutes_verified_at__isnull=True,
            start__lt=timezone.now(),
        )
        .filter(
            Q(state=Meeting.State.HELD)
            | Exists(
                Approval.objects.filter(meeting=OuterRef("pk"), answer=Approval.Answer.PENDING)
            )
        )
        .select_related("committee")
        .prefetch_related(Prefetch("approvals", queryset=waiting, to_attr="waiting"))
        .order_by("start")
    )
    for meeting in meetings:
        meeting.verify_by = meeting.local_date + VERIFICATION_PERIOD
        meeting.days_left = (meeting.verify_by - today).days
        meeting.overdue = meeting.days_left < 0
        meeting.days_late = -meeting.days_left
        yield meeting


def notices_to_post(committee_ids, today):
    posted = Notice.objects.filter(meeting=OuterRef("pk"))
    meetings = (
        Meeting.objects.filter(committee_id__in=committee_ids, minutes_verified_at__isnull=False)
        .exclude(Exists(posted))
        .select_related("committee")
        .order_by("minutes_verified_at")
    )
    for meeting in meetings:
        meeting.post_by = latest_posting_day(timezone.localtime(meeting.minutes_verified_at).date())
        meeting.overdue = meeting.post_by < today
        yield meeting


def _by_committee(committees, meetings):
    grouped = {committee.pk: [] for committee in committees}
    for meeting in meetings:
        grouped[meeting.committee_id].append(meeting)
    return grouped


@requires(Action.VIEW)
@require_safe
def dashboard(request):
    today = timezone.localdate()
    managed = list(committees_for(request.user, Action.MANAGE_AGENDA).order_by("name"))
    managed_ids = [c.pk for c in managed]
    others = list(
        committees_for(request.user, Action.VIEW).exclude(pk__in=managed_ids).order_by("name")
    )
    all_committees = managed + others
    upcoming = _by_committee(all_committees, upcoming_meetings([c.pk for c in all_committees]))
    verifying = _by_committee(managed, minutes_awaiting_verification(managed_ids, today))
    notices = _by_committee(managed, notices_to_post(managed_ids, today))
    case_ids = set(committees_for(request.user, Action.MANAGE_CASES).values_list("pk", flat=True))
    delegated_ids = set(
        committees_for(request.user, Action.MANAGE_DELEGATED).values_list("pk", flat=True)
    )
    sections = [
        {
            "committee": committee,
            "manages": committee.pk in managed_ids,
            "manages_cases": committee.pk in case_ids,
            "manages_delegated": committee.pk in delegated_ids,
            "upcoming": upcoming[committee.pk],
            "verifying": verifying.get(committee.pk, []),
            "notices": notices.get(committee.pk, []),
        }
        for committee in all_committees
    ]
    return render(
        request,
        "backoffice/dashboard.html",
        {"sections": sections, "today": today, "nav": "dashboard"},
    )
