"""Lists of the OParl API: filters, a stable order and pages with links.

Every link of a page carries the request's created/modified filters, so a
harvester that follows `links.next` keeps the window it asked for.
"""

import datetime
import math
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

PAGE_SIZE = 100
FILTERS = {
    "created_since": "created__gte",
    "created_until": "created__lte",
    "modified_since": "modified__gte",
    "modified_until": "modified__lte",
}


class BadRequest(ValueError):
    """A parameter the API cannot use; answered with 400 and this message."""


def parse_moment(name, value):
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = day and datetime.datetime.combine(day, datetime.time())
        if moment is not None:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            moment.astimezone(datetime.UTC)  # the database stores UTC: year 1 may not fit
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise BadRequest(f"{name} must be an ISO 8601 time, e.g. 2022-12-16T10:00:00+01:00")
    return moment


def filters_of(request):
    """{parameter: (raw value, moment)} of the request's filters."""
    found = {}
    for name in FILTERS:
        value = request.GET.get(name)
        if value:
            found[name] = (value, parse_moment(name, value))
    return found


def page_number(request):
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 10**9:
        raise BadRequest("page must be a positive whole number")
    return int(raw)


def page(request, visible, everything, serialize, stub):
    """One page of a list.

    `visible`: what the public may see; `everything`: the same kind of objects
    including deleted and unpublished ones, listed as `stub(obj)` (deleted:
    true) only when the harvester asks for changes with `modified_since`.
    `serialize(objects)` turns the visible objects of the page into dicts.
    """
    filters = filters_of(request)
    number = page_number(request)
    queryset = everything if "modified_since" in filters else visible
    for name, (_raw, moment) in filters.items():
        queryset = queryset.filter(**{FILTERS[name]: moment})
    queryset = queryset.order_by("pk")
    total = queryset.count()
    pages = max(1, math.ceil(total / PAGE_SIZE))
    objects = []
    if number <= pages:
        objects = list(queryset[(number - 1) * PAGE_SIZE : number * PAGE_SIZE])
    if "modified_since" in filters:
        shown = set(visible.filter(pk__in=[o.pk for o in objects]).values_list("pk", flat=True))
    else:
        shown = {o.pk for o in objects}
    full = dict(
        zip(
            [o.pk for o in objects if o.pk in shown],
            serialize([o for o in objects if o.pk in shown]),
            strict=True,
        )
    )
    data = [full[o.pk] if o.pk in shown else stub(o) for o in objects]

    base = request.build_absolute_uri(request.path)
    kept = {name: raw for name, (raw, _moment) in filters.items()}

    def link(n):
        return f"{base}?{urlencode({**kept, 'page': n})}"

    links = {"first": link(1), "last": link(pages), "self": link(number)}
    if number > 1:
        links["prev"] = link(min(number - 1, pages))
    if number < pages:
        links["next"] = link(number + 1)
    return {
        "data": data,
        "pagination": {
            "totalElements": total,
            "elementsPerPage": PAGE_SIZE,
            "currentPage": number,
            "totalPages": pages,
        },
        "links": links,
    }
