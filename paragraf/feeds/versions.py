"""When the public data behind a feed last changed: ETag and Last-Modified.

A meeting's `modified` moves whenever anything shown about it changes (see
meetings.signals: items, paragraphs, documents, cases, places, the committee),
so the newest meeting, committee and notice date everything a feed shows.
Deleted rows count too, since a deletion changes what is shown; so do the
numbers of rows, in case one is ever removed for good.
"""

import hashlib
from dataclasses import dataclass
from functools import wraps

from django.db.models import Count, Max
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.http import condition, require_safe

from paragraf.meetings.models import Meeting
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Committee

# Raise when what a feed looks like changes, so cached copies are let go.
FORMAT = "1"
MAX_AGE = 300


@dataclass(frozen=True)
class Version:
    last_modified: object  # an aware datetime, or None when there is no data at all
    key: str


def latest_change(committee_slug=None):
    """The Version of everything public about one committee, or about all."""
    meetings = Meeting.all_objects.all()
    notices = Notice.all_objects.all()
    committees = Committee.all_objects.all()
    if committee_slug is not None:
        meetings = meetings.filter(committee__slug=committee_slug)
        notices = notices.filter(committee__slug=committee_slug)
        committees = committees.filter(slug=committee_slug)
    stamps, parts = [], []
    for queryset in (meetings, notices, committees):
        found = queryset.aggregate(latest=Max("modified"), count=Count("pk"))
        if found["latest"] is not None:
            stamps.append(found["latest"])
        parts.append(f"{found['latest']}/{found['count']}")
    return Version(max(stamps) if stamps else None, "|".join(parts))


def _version(request, version_of, kwargs):
    # condition() asks twice (ETag, then Last-Modified): look it up once.
    if not hasattr(request, "_feeds_version"):
        request._feeds_version = version_of(**kwargs)
    return request._feeds_version


def conditional(version_of):
    """GET and HEAD only; an ETag and Last-Modified from `version_of(**url kwargs)`,
    a 304 for a reader that has the current copy, and a short public cache.

    The ETag names the address too, so two feeds never share one; it is kept off
    error responses, so a 404 is never answered with a 304 later.
    """

    def decorator(view):
        def etag(request, *args, **kwargs):
            version = _version(request, version_of, kwargs)
            text = f"{FORMAT}|{request.get_full_path()}|{get_language()}|{version.key}"
            return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'

        def last_modified(request, *args, **kwargs):
            return _version(request, version_of, kwargs).last_modified

        conditioned = condition(etag_func=etag, last_modified_func=last_modified)(view)

        @require_safe
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = conditioned(request, *args, **kwargs)
            if response.status_code not in (200, 304):
                for header in ("ETag", "Last-Modified"):
                    if header in response:
                        del response[header]
                return response
            version = _version(request, version_of, kwargs)
            if response.status_code == 200 and version.last_modified is not None:
                # Ours, not a feed's newest entry: a moved meeting changes no entry date.
                response["Last-Modified"] = http_date(version.last_modified.timestamp())
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return wrapped

    return decorator


def for_committee(committee=None, **kwargs):
    return latest_change(committee)
