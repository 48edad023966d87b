"""A saved search: the search page's words and filters, stored with a subscription."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from paragraf.alerts.tokens import absolute
from paragraf.organisation.models import Committee
from paragraf.search.query import SORT_DATE, Filters
from paragraf.search.views import KIND_LABELS

FILTER_NAMES = ("committee", "kind", "year", "since", "until")


def stored(cleaned_data):
    """(query, filters) to store, from the search form's cleaned data."""
    filters = {}
    for name in FILTER_NAMES:
        value = cleaned_data.get(name)
        if value in (None, ""):
            continue
        filters[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return cleaned_data["q"].strip(), filters


def filters_of(subscription):
    data = subscription.filters or {}
    day = datetime.date.fromisoformat
    return Filters(
        committee=data.get("committee", ""),
        kind=data.get("kind", ""),
        year=data.get("year"),
        since=day(data["since"]) if data.get("since") else None,
        until=day(data["until"]) if data.get("until") else None,
    )


def description(subscription):
    """“words” and the filters, e.g. “skola” (Kulturnämnden, beslut, från 1 mars 2023)."""
    filters = filters_of(subscription)
    parts = []
    if filters.committee:
        committee = Committee.objects.filter(slug=filters.committee).first()
        parts.append(committee.name if committee else filters.committee)
    if filters.kind:
        parts.append(str(KIND_LABELS.get(filters.kind, filters.kind)).lower())
    if filters.year:
        parts.append(str(filters.year))
    if filters.since:
        parts.append(_("from %(date)s") % {"date": date_format(filters.since, "j F Y")})
    if filters.until:
        parts.append(_("until %(date)s") % {"date": date_format(filters.until, "j F Y")})
    words = f"“{subscription.query}”"
    return f"{words} ({', '.join(parts)})" if parts else words


def page_url(subscription):
    """The search page with the same search, newest first."""
    params = {"q": subscription.query, **(subscription.filters or {}), "sort": SORT_DATE}
    with translation.override(subscription.language):
        path = reverse("search:search")
    return absolute(f"{path}?{urlencode(params)}")
