from itertools import groupby

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from paragraf.meetings.models import Meeting
from paragraf.organisation.models import Body, Committee, Membership
from paragraf.portal.lookups import public_committee

HOME_LIST_LENGTH = 8
ROLE_HEADINGS = {
    Membership.Role.CHAIR: _("Chair"),
    Membership.Role.FIRST_VICE_CHAIR: _("First vice chair"),
    Membership.Role.SECOND_VICE_CHAIR: _("Second vice chair"),
    Membership.Role.MEMBER: _("Members"),
    Membership.Role.SUBSTITUTE: _("Substitutes"),
}


@require_safe
def home(request):
    key = None
    if not request.user.is_authenticated:
        key = f"portal:home:{get_language()}:{_home_version()}"
        html = cache.get(key)
        if html is not None:
            return HttpResponse(html)
    now = timezone.now()
    listed = Meeting.objects.listed().select_related("committee", "location")
    upcoming = list(listed.filter(start__gte=now).order_by("start")[:HOME_LIST_LENGTH])
    latest = (
        Meeting.objects.with_verified_minutes()
        .select_related("committee")
        .order_by("-start")[:HOME_LIST_LENGTH]
    )
    html = render_to_string(
        "portal/home.html",
        {"nav": "home", "upcoming": upcoming, "latest_minutes": latest},
        request,
    )
    if key is not None:
        # Valid until something changes (the key) or the next meeting starts and
        # leaves the list of upcoming ones.
        seconds = HOME_CACHE_SECONDS
        if upcoming:
            seconds = min(seconds, int((upcoming[0].start - now).total_seconds()) + 1)
        cache.set(key, html, max(seconds, 1))
    return HttpResponse(html)


HOME_CACHE_SECONDS = 300


def _home_version():
    """The newest change to what the start page shows: meetings, committees, bodies
    (deleted ones too: a deletion is a change). One plain statement."""
    tables = [Meeting._meta.db_table, Committee._meta.db_table, Body._meta.db_table]
    # Table names come from the models, never from a request.
    select = ", ".join(f"(SELECT MAX(modified) FROM {table})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select}")
        row = cursor.fetchone()
    return ":".join(str(value).replace(" ", "T") for value in row)


@require_safe
def committees(request):
    everyone = Committee.objects.order_by("kind", "name")
    groups = [
        (Committee.Kind(kind).label, list(members))
        for kind, members in groupby(everyone, key=lambda c: c.kind)
    ]
    return render(request, "portal/committees.html", {"nav": "committees", "groups": groups})


def _members_by_role(committee):
    memberships = (
        Membership.objects.current()
        .filter(committee=committee, person__deleted_at__isnull=True)
        .select_related("person")
        .order_by("person__family_name", "person__given_name")
    )
    by_role = {role: [] for role in Membership.ROLE_ORDER}
    for membership in memberships:
        by_role[membership.role].append(membership)
    return [(ROLE_HEADINGS[role], people) for role, people in by_role.items() if people]


@require_safe
def committee(request, committee):
    committee = public_committee(committee)
    meetings = (
        Meeting.objects.listed()
        .filter(committee=committee)
        .select_related("committee")
        .order_by("-start")
    )
    years = [(year, list(group)) for year, group in groupby(meetings, key=lambda m: m.year)]
    return render(
        request,
        "portal/committee.html",
        {
            "nav": "committees",
            "committee": committee,
            "roles": _members_by_role(committee),
            "years": years,
        },
    )


@require_safe
def about(request):
    return render(request, "portal/about.html", {"nav": "about"})
