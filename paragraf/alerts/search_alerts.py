"""Saved searches: each confirmed one is run through the public search service
and its new hits are mailed.

The index knows one date per hit, the meeting's day, not when the hit became
public (minutes are verified days after the meeting, an agenda comes weeks
before it). So a run searches the meetings from LOOKBACK_DAYS before its last
run onwards, and a hit is new if it was never sent: every hit sent, and every
hit there was when the search was confirmed, is recorded (Delivery).

Hits come from the public index only; before a hit is mailed it is checked
against the database with the rule the public index is built by (public items
of published meetings, paragraphs of verified minutes, public documents), so a
text made non-public since the index was written is not sent.
"""

import datetime
import logging

from django.core.mail import get_connection
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.translation import ngettext

from paragraf.alerts import mail, saved_search
from paragraf.alerts.delivery import deliver, record_unsent
from paragraf.alerts.models import Delivery, Subscription
from paragraf.alerts.tokens import absolute
from paragraf.cases.models import Document
from paragraf.meetings.models import AgendaItem, Meeting, Paragraph
from paragraf.search import index
from paragraf.search.query import MAX_PAGE, PAGE_SIZE, SORT_DATE, search
from paragraf.search.views import KIND_LABELS

logger = logging.getLogger(__name__)

LOOKBACK_DAYS = 60
# Hits listed in one message at most; it links to the search page for the rest.
MAX_HITS = 50


def _window(filters, since_day):
    start = since_day - datetime.timedelta(days=LOOKBACK_DAYS)
    filters.since = max(filters.since, start) if filters.since else start
    return filters


def current_hits(subscription, since_day):
    """The saved search's hits on meetings from `since_day` minus the lookback
    on, newest first. Raises index.SearchUnavailable without an index."""
    filters = _window(saved_search.filters_of(subscription), since_day)
    if filters.until and filters.until < filters.since:
        return []
    hits = []
    for page in range(1, MAX_PAGE + 1):
        results = search(subscription.query, filters, SORT_DATE, page)
        hits.extend(results.hits)
        if len(results.hits) < PAGE_SIZE:
            break
    return hits


def still_public(url):
    """Whether the page a hit links to is public now."""
    try:
        with translation.override("sv"):
            match = resolve(url)
    except Resolver404:
        return False
    kwargs = match.kwargs
    visible = AgendaItem.objects.public().filter(meeting__committee__deleted_at__isnull=True)
    if match.view_name == "portal:agenda_item":
        return visible.filter(
            meeting__committee__slug=kwargs["committee"],
            meeting__slug=kwargs["meeting"],
            position=kwargs["position"],
        ).exists()
    if match.view_name == "portal:paragraph":
        return Paragraph.objects.filter(
            agenda_item__in=visible,
            agenda_item__meeting__in=Meeting.objects.with_verified_minutes(),
            agenda_item__meeting__committee__slug=kwargs["committee"],
            agenda_item__meeting__slug=kwargs["meeting"],
            number=kwargs["number"],
        ).exists()
    if match.view_name == "portal:document":
        return (
            Document.objects.public()
            .filter(pk=kwargs["pk"], agenda_links__agenda_item__in=visible)
            .exists()
        )
    return False


def _key(hit):
    return f"{hit.kind}:{hit.url}"[:300]


def baseline(subscription):
    """Record the hits there are now as not new, and the run as done. Without
    an index this is left to the first run."""
    today = timezone.localdate()
    try:
        hits = current_hits(subscription, today)
    except index.SearchUnavailable:
        logger.warning("No search index: saved search %s gets its baseline later", subscription.pk)
        return
    record_unsent(subscription, {_key(hit) for hit in hits})
    subscription.last_run_at = timezone.now()
    subscription.save(update_fields=["last_run_at", "modified"])


def _subject(count):
    def subject():
        return ngettext(
            "%(count)s new hit for your saved search",
            "%(count)s new hits for your saved search",
            count,
        ) % {"count": count}

    return subject


def run(subscription, connection=None):
    """Run one saved search and mail its new hits. Returns the number of hits
    mailed (0 when nothing new, or on the first run, which records a baseline)."""
    if subscription.last_run_at is None:
        baseline(subscription)
        return 0
    started = timezone.now()
    hits = current_hits(subscription, timezone.localdate(subscription.last_run_at))
    known = set(Delivery.objects.filter(subscription=subscription).values_list("key", flat=True))
    new, seen = [], set()
    for hit in hits:
        if not getattr(hit, "is_public", True):
            continue  # the public search gives none; never mail one if it did
        key = _key(hit)
        if key in known or key in seen or not still_public(hit.url):
            continue
        seen.add(key)
        hit.kind_label = KIND_LABELS.get(hit.kind, hit.kind)
        hit.absolute_url = absolute(hit.url)
        new.append(hit)
    sent = 0
    if new:
        context = {
            "hits": new[:MAX_HITS],
            "more": max(0, len(new) - MAX_HITS),
            "search": saved_search.description(subscription),
            "search_url": saved_search.page_url(subscription),
        }

        def build():
            return mail.alert(subscription, _subject(len(new)), "search", context, connection)

        if deliver(subscription, [_key(hit) for hit in new], build):
            sent = len(new)
    subscription.last_run_at = started
    subscription.save(update_fields=["last_run_at", "modified"])
    return sent


def run_all():
    """Run every confirmed saved search. Returns (searches run, hits mailed).
    Raises index.SearchUnavailable when there is no index at all."""
    index.open_index()
    connection = get_connection()
    searches = Subscription.objects.confirmed().filter(kind=Subscription.Kind.SEARCH)
    count = mailed = 0
    for subscription in searches.iterator():
        try:
            mailed += run(subscription, connection)
        except index.SearchUnavailable:
            raise
        except Exception:
            logger.exception("Saved search %s failed", subscription.pk)
            continue
        count += 1
    return count, mailed
