"""The OParl 1.1 API: read-only JSON, public data only, no cookies."""

import hashlib
import json
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from paragraf.api import paging
from paragraf.api.serializers import MINUTES, NOTICE, Out, made_pdfs, public_memberships
from paragraf.api.versions import meeting_version
from paragraf.cases.models import Case, Document
from paragraf.meetings.models import AgendaItem, Location, Meeting
from paragraf.organisation.models import Body, Committee, Membership, Person, Term

CONTENT_TYPE = "application/json; charset=utf-8"


def respond(data, status=200):
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=None), status=status, content_type=CONTENT_TYPE
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def cacheable(request, response):
    """An ETag of the body, a 304 for a harvester that has it, and a short public cache."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=60)
    return get_conditional_response(request, etag=etag, response=response)


def error(status, message):
    return respond({"error": message}, status)


class NotFound(Exception):
    pass


def api(view):
    @require_safe
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return cacheable(request, respond(view(request, Out(request), *args, **kwargs)))
        except paging.BadRequest as problem:
            return error(400, str(problem))
        except NotFound:
            return error(404, "There is no such object in this API.")

    return wrapped


def found(queryset, pk):
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise NotFound()
    return obj


def one(visible, everything, pk, serialize, stub):
    """An object, or its deleted stub once it was deleted or withdrawn from the public."""
    obj = visible.filter(pk=pk).first()
    if obj is not None:
        return serialize(obj)
    return stub(found(everything, pk))


# Who may be seen: one queryset per kind, used by lists and objects alike.


def bodies():
    return Body.objects.all()


def committees(body=None):
    queryset = Committee.objects.public()
    return queryset.filter(body=body) if body else queryset


def people(body=None):
    memberships = Membership.objects.filter(committee__deleted_at__isnull=True)
    if body:
        memberships = memberships.filter(committee__body=body)
    return Person.objects.filter(pk__in=memberships.values("person_id"))


def meetings(body=None):
    queryset = Meeting.objects.listed().filter(committee__deleted_at__isnull=True)
    return queryset.filter(committee__body=body) if body else queryset


def papers(body=None):
    queryset = Case.objects.filter(is_public=True)
    return queryset.filter(body=body) if body else queryset


def body_of(pk):
    return found(bodies(), pk)


@api
def system(request, out):
    return out.system(Body.objects.site_body())


@api
def body_list(request, out):
    everything = Body.all_objects.all()
    return paging.page(
        request,
        bodies(),
        everything,
        lambda objs: [out.body(b, list(b.terms.order_by("pk"))) for b in objs],
        lambda b: {**out.stub(b, "Body", "body"), **_body_lists(out, b)},
    )


def _body_lists(out, body):
    # Body requires these even on a deleted stub.
    return {
        "name": body.name,
        "organization": out.url("body_organizations", body.pk),
        "person": out.url("body_people", body.pk),
        "meeting": out.url("body_meetings", body.pk),
        "paper": out.url("body_papers", body.pk),
        "legislativeTerm": [],
    }


def public_items(body=None):
    """Items of published meetings; a non-public one is shown as its number only."""
    return AgendaItem.objects.filter(
        meeting__in=meetings(body), meeting__state__in=Meeting.PUBLISHED_STATES
    )


def consultations(body=None):
    queryset = AgendaItem.objects.public().filter(
        case__is_public=True, case__deleted_at__isnull=True
    )
    return queryset.filter(meeting__committee__body=body) if body else queryset


def items_as_in_their_meetings(out, items):
    """Items exactly as their meetings embed them (one serialiser for both)."""
    embedded = {
        item["id"]: item
        for meeting in out.meetings(list({i.meeting for i in items}))
        for item in meeting["agendaItem"]
    }
    return [embedded[out.url("agenda_item", i.pk)] for i in items]


@api
def body(request, out, pk):
    return one(
        bodies(),
        Body.all_objects.all(),
        pk,
        lambda b: out.body(b, list(b.terms.order_by("pk"))),
        lambda b: {**out.stub(b, "Body", "body"), **_body_lists(out, b)},
    )


@api
def body_organizations(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        committees(body),
        Committee.all_objects.filter(body=body),
        out.organizations,
        lambda c: out.stub(c, "Organization", "organization"),
    )


@api
def body_people(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        people(body),
        Person.all_objects.filter(memberships__committee__body=body).distinct(),
        lambda objs: out.people(objs, body),
        lambda p: out.stub(p, "Person", "person"),
    )


@api
def body_meetings(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        meetings(body),
        Meeting.all_objects.filter(committee__body=body),
        out.meetings,
        lambda m: out.stub(m, "Meeting", "meeting"),
    )


@api
def body_papers(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        papers(body),
        Case.all_objects.filter(body=body),
        out.papers,
        lambda c: out.stub(c, "Paper", "paper"),
    )


@api
def body_memberships(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        public_memberships(body),
        Membership.all_objects.filter(committee__body=body),
        lambda objs: [out.membership(m) for m in objs],
        lambda m: out.stub(m, "Membership", "membership"),
    )


@api
def body_terms(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        Term.objects.filter(body=body),
        Term.all_objects.filter(body=body),
        lambda objs: [out.term(t) for t in objs],
        lambda t: out.stub(t, "LegislativeTerm", "term"),
    )


@api
def body_agenda_items(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        public_items(body).select_related("meeting"),
        AgendaItem.all_objects.filter(meeting__committee__body=body).select_related("meeting"),
        lambda items: items_as_in_their_meetings(out, items),
        lambda i: out.stub(i, "AgendaItem", "agenda_item"),
    )


@api
def body_consultations(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        consultations(body).select_related("meeting"),
        AgendaItem.all_objects.filter(meeting__committee__body=body).select_related("meeting"),
        lambda items: [out.consultation(i) for i in items],
        lambda i: out.stub(i, "Consultation", "consultation"),
    )


@api
def body_files(request, out, pk):
    body = body_of(pk)
    return paging.page(
        request,
        Document.objects.public().filter(agenda_links__agenda_item__meeting__committee__body=body),
        Document.all_objects.filter(
            agenda_links__agenda_item__meeting__committee__body=body
        ).distinct(),
        lambda documents: [out.file(d) for d in documents],
        lambda d: out.stub(d, "File", "file"),
    )


@api
def body_locations(request, out, pk):
    body = body_of(pk)
    used = Location.objects.filter(meetings__in=meetings(body)).distinct()
    return paging.page(
        request,
        used,
        used,
        lambda locations: [out.location(loc) for loc in locations],
        lambda loc: out.stub(loc, "Location", "location"),
    )


@api
def organization(request, out, pk):
    return one(
        committees(),
        Committee.all_objects.all(),
        pk,
        lambda c: out.organizations([c])[0],
        lambda c: out.stub(c, "Organization", "organization"),
    )


@api
def person(request, out, pk):
    def full(p):
        membership = (
            p.memberships.filter(committee__deleted_at__isnull=True)
            .select_related("committee__body")
            .first()
        )
        return out.people([p], membership.committee.body)[0]

    return one(
        people(), Person.all_objects.all(), pk, full, lambda p: out.stub(p, "Person", "person")
    )


@api
def membership(request, out, pk):
    return one(
        Membership.objects.filter(committee__deleted_at__isnull=True),
        Membership.all_objects.all(),
        pk,
        out.membership,
        lambda m: out.stub(m, "Membership", "membership"),
    )


@api
def term(request, out, pk):
    return one(
        Term.objects.all(),
        Term.all_objects.all(),
        pk,
        out.term,
        lambda t: out.stub(t, "LegislativeTerm", "term"),
    )


MEETING_CACHE_SECONDS = 3600


@api
def meeting(request, out, pk):
    version = meeting_version(pk)
    key = f"oparl:meeting:{out.origin}:{pk}:{version}"
    data = cache.get(key) if version else None
    if data is None:
        data = one(
            meetings(),
            Meeting.all_objects.all(),
            pk,
            lambda m: out.meetings([m])[0],
            lambda m: out.stub(m, "Meeting", "meeting"),
        )
        if version:
            cache.set(key, data, MEETING_CACHE_SECONDS)
    return data


@api
def agenda_item(request, out, pk):
    return items_as_in_their_meetings(out, [found(public_items().select_related("meeting"), pk)])[0]


@api
def consultation(request, out, pk):
    return out.consultation(found(consultations().select_related("meeting"), pk))


@api
def paper(request, out, pk):
    return one(
        papers(),
        Case.all_objects.all(),
        pk,
        lambda c: out.papers([c])[0],
        lambda c: out.stub(c, "Paper", "paper"),
    )


@api
def file(request, out, pk):
    # A File without its accessUrl is not valid OParl: a file the public may
    # not have is simply not here.
    return out.file(found(Document.objects.public(), pk))


@api
def location(request, out, pk):
    used = Location.objects.filter(meetings__in=meetings()).distinct()
    return out.location(found(used, pk))


def _meeting_pdf(out, pk, kind, shown):
    meeting = found(meetings().select_related("committee"), pk)
    if not shown(meeting):
        raise NotFound()
    return out.meeting_pdf(meeting, kind, made_pdfs([meeting]).get((meeting.pk, kind)))


@api
def invitation_file(request, out, pk):
    return _meeting_pdf(out, pk, NOTICE, lambda m: m.is_published)


@api
def minutes_file(request, out, pk):
    return _meeting_pdf(out, pk, MINUTES, lambda m: m.has_verified_minutes)
