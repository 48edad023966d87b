"""Our records as OParl 1.1 objects.

What the public may see is decided by the portal's rules (paragraf.portal.rows
and the models' public()/listed() querysets); this module only translates.
What OParl lacks goes into keys prefixed with `paragraf:`.
"""

import functools

from django.db.models import Prefetch
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from paragraf.cases.models import Case, Document
from paragraf.documents.models import Rendition
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Committee, Membership, Person
from paragraf.portal.rows import MINUTES_PREFETCH, item_row

SCHEMA = "https://schema.oparl.org/1.1/"
EXT = "paragraf:"


def moment(value):
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else None


def day(value):
    return value.isoformat() if value else None


def clean(data):
    """Leave out what we do not know rather than sending null or ""."""
    return {k: v for k, v in data.items() if v is not None and v != ""}


@functools.lru_cache(maxsize=256)
def _address_parts(name, script_prefix):
    """An object address split around its number: a page of objects builds thousands
    of addresses, and reverse() for each was a quarter of the API's time."""
    path = reverse(f"oparl:{name}", kwargs={"pk": PK_MARKER})
    before, after = path.split(str(PK_MARKER))
    return before, after


PK_MARKER = 918273645


class Out:
    """Builds absolute URLs for one request."""

    def __init__(self, request):
        self.request = request
        self.origin = request.build_absolute_uri("/")[:-1]  # scheme and host
        self.script_prefix = get_script_prefix()

    def url(self, name, pk=None):
        if pk is None:
            return self.origin + reverse(f"oparl:{name}")
        before, after = _address_parts(name, self.script_prefix)
        return f"{self.origin}{before}{int(pk)}{after}"

    def web(self, path):
        return self.origin + path if path.startswith("/") else self.request.build_absolute_uri(path)

    def base(self, obj, kind, name):
        return {
            "id": self.url(name, obj.pk),
            "type": SCHEMA + kind,
            "created": moment(obj.created),
            "modified": moment(obj.modified),
            "deleted": False,
        }

    def stub(self, obj, kind, name):
        """A deleted or no longer public object, as harvesters are told of it."""
        return {**self.base(obj, kind, name), "deleted": True}

    # System and Body

    def system(self, body=None):
        data = {
            "id": self.url("system"),
            "type": SCHEMA + "System",
            "oparlVersion": "https://schema.oparl.org/1.1/",
            "body": self.url("body_list"),
            "name": "Paragraf",
        }
        if body is not None:
            data["contactEmail"] = body.contact_email
            data["website"] = body.website
        return clean(data)

    def body(self, body, terms):
        modified = max([body.modified, *(t.modified for t in terms)])
        return clean(
            {
                **self.base(body, "Body", "body"),
                "modified": moment(modified),
                "system": self.url("system"),
                "name": body.name,
                "shortName": body.short_name,
                "website": body.website,
                "contactEmail": body.contact_email,
                "classification": body.get_kind_display(),
                "organization": self.url("body_organizations", body.pk),
                "person": self.url("body_people", body.pk),
                "meeting": self.url("body_meetings", body.pk),
                "paper": self.url("body_papers", body.pk),
                "membership": self.url("body_memberships", body.pk),
                "agendaItem": self.url("body_agenda_items", body.pk),
                "consultation": self.url("body_consultations", body.pk),
                "file": self.url("body_files", body.pk),
                "locationList": self.url("body_locations", body.pk),
                "legislativeTermList": self.url("body_terms", body.pk),
                "legislativeTerm": [self.term(t) for t in terms],
            }
        )

    def term(self, term):
        return clean(
            {
                **self.base(term, "LegislativeTerm", "term"),
                "body": self.url("body", term.body_id),
                "name": term.name,
                "startDate": day(term.start_date),
                "endDate": day(term.end_date),
            }
        )

    # Organization, Person, Membership

    def organizations(self, committees):
        committees = Committee.objects.filter(pk__in=[c.pk for c in committees]).prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.only("pk", "committee_id"))
        )
        return [self.organization(c) for c in sorted(committees, key=lambda c: c.pk)]

    def organization(self, committee):
        return clean(
            {
                **self.base(committee, "Organization", "organization"),
                "body": self.url("body", committee.body_id),
                "name": committee.name,
                "shortName": committee.short_name,
                "organizationType": "Gremium",
                "classification": committee.get_kind_display(),
                "startDate": day(committee.start_date),
                "endDate": day(committee.end_date),
                "membership": [
                    self.url("membership", m.pk)
                    for m in sorted(committee.memberships.all(), key=lambda m: m.pk)
                ],
                "web": self.web(committee.get_absolute_url()),
            }
        )

    def people(self, people, body):
        people = Person.objects.filter(pk__in=[p.pk for p in people]).prefetch_related(
            Prefetch("memberships", queryset=public_memberships(body).order_by("pk"))
        )
        return [self.person(p, body) for p in sorted(people, key=lambda p: p.pk)]

    def person(self, person, body):
        memberships = list(person.memberships.all())
        modified = max([person.modified, *(m.modified for m in memberships)])
        # No e-mail, telephone or user account: the public learns who sits where.
        return clean(
            {
                **self.base(person, "Person", "person"),
                "modified": moment(modified),
                "body": self.url("body", body.pk),
                "name": person.name,
                "givenName": person.given_name,
                "familyName": person.family_name,
                "membership": [self.membership(m) for m in memberships],
            }
        )

    def membership(self, membership):
        return clean(
            {
                **self.base(membership, "Membership", "membership"),
                "person": self.url("person", membership.person_id),
                "organization": self.url("organization", membership.committee_id),
                "role": membership.get_role_display(),
                "votingRight": membership.is_voting,
                "startDate": day(membership.start_date),
                "endDate": day(membership.end_date),
                EXT + "party": membership.party,
            }
        )

    # Meeting, AgendaItem, Consultation, Location

    def meetings(self, meetings):
        """Full meetings with their items, in a fixed number of queries."""
        meetings = list(
            Meeting.objects.filter(pk__in=[m.pk for m in meetings])
            .select_related("committee", "location")
            .prefetch_related(Prefetch("notices", queryset=Notice.objects.order_by("posted_on")))
            .order_by("pk")
        )
        published = [m for m in meetings if m.is_published]
        links = AgendaItemDocument.objects.filter(
            document__deleted_at__isnull=True, document__is_public=True
        ).select_related("document")
        items = (
            AgendaItem.objects.filter(meeting__in=published)
            .select_related("case", "paragraph")
            .prefetch_related(Prefetch("document_links", queryset=links), *MINUTES_PREFETCH)
            .order_by("meeting_id", "position")
        )
        by_meeting = {}
        # Document.objects.public() without its query (slow over a large archive): a
        # public, alive file (the prefetch's filter) on a public item of a published
        # meeting is public by definition.
        public_documents = set()
        for item in items:
            if item.is_public:
                public_documents.update(link.document_id for link in item.document_links.all())
            by_meeting.setdefault(item.meeting_id, []).append(item)
        pdfs = made_pdfs(published)
        return [self.meeting(m, by_meeting.get(m.pk, []), public_documents, pdfs) for m in meetings]

    def meeting(self, meeting, items, public_documents, pdfs):
        show_minutes = meeting.has_verified_minutes
        agenda = []
        for item in items:
            item.meeting = meeting
            agenda.append(self.agenda_item(meeting, item, show_minutes, public_documents))
        notices = [n for n in meeting.notices.all() if n.deleted_at is None]
        # Signals keep `modified` in step with items, files and the location;
        # notices are posted later and are not covered by them.
        modified = max([meeting.modified, *(n.modified for n in meeting.notices.all())])
        return clean(
            {
                **self.base(meeting, "Meeting", "meeting"),
                "modified": moment(modified),
                "name": meeting.name or str(meeting.committee),
                "meetingState": meeting.get_state_display(),
                "cancelled": meeting.state == Meeting.State.CANCELLED,
                "start": moment(meeting.start),
                "end": moment(meeting.end),
                "location": self.location(meeting.location)
                if meeting.location and meeting.location.deleted_at is None
                else None,
                "organization": [self.url("organization", meeting.committee_id)],
                "agendaItem": agenda,
                "web": self.web(meeting.get_absolute_url()),
                "invitation": self.meeting_pdf(meeting, NOTICE, pdfs.get((meeting.pk, NOTICE)))
                if meeting.is_published
                else None,
                "resultsProtocol": self.meeting_pdf(
                    meeting, MINUTES, pdfs.get((meeting.pk, MINUTES))
                )
                if show_minutes
                else None,
                EXT + "noticePublished": moment(meeting.notice_published_at),
                EXT + "verified": moment(meeting.minutes_verified_at) if show_minutes else None,
                EXT + "noticePosted": moment(meeting.notice_posted_at),
                EXT + "notices": [
                    {
                        "kind": n.kind,
                        "postedOn": day(n.posted_on),
                        "appealUntil": day(n.appeal_until),
                        "removedOn": day(n.removed_on),
                    }
                    for n in notices
                ]
                or None,
            }
        )

    def agenda_item(self, meeting, item, show_minutes, public_documents):
        """An item as the portal shows it: a non-public one keeps only its number."""
        row = item_row(meeting, item, show_minutes)
        data = {
            **self.base(item, "AgendaItem", "agenda_item"),
            "meeting": self.url("meeting", meeting.pk),
            "number": item.number,
            "order": item.position,
            "public": item.is_public,
            EXT + "paragraphNumber": row.paragraph.number if row.paragraph else None,
        }
        if not row.visible:
            return clean(data)
        files = [
            self.file(link.document)
            for link in item.document_links.all()
            if link.document_id in public_documents
        ]
        data.update(
            {
                "name": row.title,
                "result": item.get_outcome_display() if show_minutes else None,
                "auxiliaryFile": files or None,
                "web": self.web(row.url),
                EXT + "state": item.state,
                EXT + "summary": row.summary,
                EXT + "proposedDecision": row.proposed_decision,
            }
        )
        if item.case_id and item.case.is_public and item.case.deleted_at is None:
            data["consultation"] = self.url("consultation", item.pk)
        if row.paragraph is not None and row.paragraph.decision is not None:
            paragraph = row.paragraph
            data.update(
                {
                    "resolutionText": paragraph.decision,
                    EXT + "paragraphTitle": paragraph.title,
                    EXT + "sentTo": paragraph.sent_to,
                    EXT + "votes": [self.vote(v) for v in paragraph.votes] or None,
                    EXT + "reservations": [
                        {
                            "person": self.url("person", r.person_id),
                            "name": r.person.name,
                            "against": r.against,
                            "grounds": r.grounds,
                        }
                        for r in paragraph.reservations
                    ]
                    or None,
                    EXT + "conflicts": [
                        clean(
                            {
                                "person": self.url("person", c.person_id),
                                "name": c.person.name,
                                "substitute": self.url("person", c.substitute_id)
                                if c.substitute_id
                                else None,
                            }
                        )
                        for c in paragraph.conflicts
                    ]
                    or None,
                }
            )
        return clean(data)

    def vote(self, vote):
        return clean(
            {
                "question": vote.question,
                "yesMeans": vote.yes_means,
                "noMeans": vote.no_means,
                "result": vote.result,
                "decidedByChair": vote.decided_by_chair,
                "ballots": [
                    {
                        "person": self.url("person", b.person_id),
                        "name": b.person.name,
                        "vote": b.choice,
                    }
                    for b in vote.ballots.all()
                ],
            }
        )

    def consultation(self, item):
        return clean(
            {
                **self.base(item, "Consultation", "consultation"),
                "paper": self.url("paper", item.case_id),
                "agendaItem": self.url("agenda_item", item.pk),
                "meeting": self.url("meeting", item.meeting_id),
                "organization": [self.url("organization", item.meeting.committee_id)],
            }
        )

    def location(self, location):
        return clean(
            {
                **self.base(location, "Location", "location"),
                "description": location.description,
                "streetAddress": location.street_address,
                "postalCode": location.postal_code,
                "locality": location.locality,
                "room": location.room,
            }
        )

    # Paper and File

    def papers(self, cases):
        cases = list(
            Case.objects.filter(pk__in=[c.pk for c in cases])
            .prefetch_related(
                Prefetch("documents", queryset=Document.objects.public().order_by("pk")),
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.public()
                    .select_related("meeting")
                    .order_by("meeting__start", "pk"),
                ),
            )
            .order_by("pk")
        )
        return [self.paper(c) for c in cases]

    def paper(self, case):
        documents, items = list(case.documents.all()), list(case.agenda_items.all())
        modified = max([case.modified, *(o.modified for o in documents + items)])
        return clean(
            {
                **self.base(case, "Paper", "paper"),
                "modified": moment(modified),
                "body": self.url("body", case.body_id),
                "name": case.title,
                "reference": case.reference,
                "date": day(timezone.localtime(case.created).date()),
                "auxiliaryFile": [self.file(d) for d in documents] or None,
                "consultation": [self.consultation(i) for i in items] or None,
                EXT + "status": case.status,
            }
        )

    def file(self, document):
        download = self.web(
            reverse("portal:document", kwargs={"pk": document.pk, "filename": document.filename})
        )
        return clean(
            {
                **self.base(document, "File", "file"),
                "name": document.title,
                "fileName": document.filename,
                "mimeType": document.media_type,
                "size": document.size,
                "sha512Checksum": document.sha512,
                "text": document.text,
                "accessUrl": download,
                "downloadUrl": download,
            }
        )

    def meeting_pdf(self, meeting, kind, rendition):
        """The notice or the minutes of a meeting as an OParl File.

        The portal makes these PDFs when first asked for; the API never makes
        one. Size and checksum are given once the current PDF exists, so they
        always describe the file that `accessUrl` serves.
        """
        slugs = {"committee": meeting.committee.slug, "meeting": meeting.slug}
        if kind == NOTICE:
            name, view, url, since = "Kallelse", "invitation_file", "notice_pdf", meeting.modified
            made = meeting.notice_published_at or meeting.created
        else:
            name, view, url, since = "Protokoll", "minutes_file", "minutes_pdf", None
            made = meeting.minutes_verified_at or meeting.created
        current = rendition is not None and (since is None or rendition.created >= since)
        download = self.web(reverse(f"portal:{url}", kwargs=slugs))
        return clean(
            {
                "id": self.url(view, meeting.pk),
                "type": SCHEMA + "File",
                "name": f"{name} {meeting.committee.name} {timezone.localdate(meeting.start)}",
                "fileName": download.rsplit("/", 1)[-1],
                "mimeType": "application/pdf",
                "size": rendition.size if current else None,
                "sha512Checksum": rendition.sha512 if current else None,
                "accessUrl": download,
                "downloadUrl": download,
                "meeting": [self.url("meeting", meeting.pk)],
                "created": moment(made),
                "modified": moment(max(made, rendition.created) if current else made),
                "deleted": False,
            }
        )


NOTICE, MINUTES = Rendition.Kind.NOTICE, Rendition.Kind.MINUTES


def made_pdfs(meetings):
    """{(meeting id, kind): the newest public notice or minutes made so far}."""
    renditions = (
        Rendition.objects.current()
        .public()
        .filter(meeting__in=meetings, paragraph=None, kind__in=[NOTICE, MINUTES])
        .exclude(kind=MINUTES, sealed_at__isnull=True)
        .order_by("version", "pk")
    )
    return {(r.meeting_id, r.kind): r for r in renditions}


def public_memberships(body):
    return Membership.objects.filter(committee__body=body, committee__deleted_at__isnull=True)
