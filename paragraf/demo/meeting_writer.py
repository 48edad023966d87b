"""Write the demo committee's meetings: agenda, cases, attachments, attendance, minutes."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import formats, timezone, translation
from django.utils.text import slugify

from paragraf.cases.models import Case, Document
from paragraf.demo import seed
from paragraf.demo.pdfs import attachment_pdf
from paragraf.meetings.models import (
    AgendaItem,
    AgendaItemDocument,
    Approval,
    Attendance,
    Meeting,
    MinutesVersion,
)
from paragraf.meetings.services import number_paragraphs
from paragraf.noticeboard import deadlines
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Membership

# The registry numbers cases for the whole region, so the demo committee's
# cases are spread out over the year's sequence.
FIRST_CASE_NUMBER = {2022: 1180}
SUBSTITUTE = "ersattare"


def local(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=seed.STOCKHOLM)


def swedish_date(day):
    with translation.override("sv"):
        return formats.date_format(day, "j F Y")


def agenda_numbers(items):
    """1, 2, 3 … in order; an item added at the meeting has no number."""
    count = 0
    for spec in items:
        if spec.state == AgendaItem.State.ADDED:
            yield ""
        else:
            count += 1
            yield str(count)


class MeetingWriter:
    def __init__(self, body, committee, location, people, saved_files):
        self.body = body
        self.committee = committee
        self.location = location
        self.people = people
        self.saved_files = saved_files  # removed again if the transaction rolls back
        self._last_case_number = {}

    def held_meeting(self, day, items, members, verifiers):
        """A meeting whose minutes were verified two days later and posted that day."""
        after = day + timedelta(days=2)
        meeting = self._meeting(
            start=local(day, 9),
            end=local(day, 12),
            state=Meeting.State.HELD,
            notice_published_at=local(day - timedelta(days=7), 8),
        )
        specs = self._agenda(meeting, zip(agenda_numbers(items), items, strict=True))
        self._attendance(meeting, members)
        for paragraph in number_paragraphs(meeting):
            spec = specs[paragraph.agenda_item_id]
            if spec.decision:
                paragraph.decision = spec.decision
                paragraph.save()
        return self._verified(meeting, verifiers, local(after, 10), local(after, 14))

    def seed_meeting(self, members):
        """14 December 2022: the agenda and the minutes as on the real page."""
        meeting = self._meeting(
            start=seed.START,
            end=seed.END,
            state=Meeting.State.HELD,
            notice_published_at=seed.NOTICE_PUBLISHED,
        )
        specs = self._agenda(meeting, [(spec.number, spec) for spec in seed.ITEMS])
        self._attendance(meeting, members, absent=seed.ABSENT)
        for paragraph in number_paragraphs(meeting):
            spec = specs[paragraph.agenda_item_id]
            paragraph.title = spec.minutes_title
            paragraph.summary = spec.minutes_text
            paragraph.decision = spec.decision or spec.proposed_decision
            paragraph.save()
        return self._verified(meeting, seed.VERIFIERS, seed.MINUTES_VERIFIED, seed.NOTICE_POSTED)

    def planned_meeting(self, day, items):
        """A meeting in preparation: its agenda is being built and is not public yet."""
        meeting = self._meeting(start=local(day, 9), end=local(day, 12))
        self._agenda(meeting, zip(agenda_numbers(items), items, strict=True))
        return meeting

    def _verified(self, meeting, verifiers, verified_at, posted_at):
        """Justering as the workflow records it: the chair and both verifiers approve,
        version 1 of the minutes, the notice on the notice board. Verified last,
        because verified minutes are locked against further edits."""
        chair = (
            Membership.objects.current(on=meeting.local_date)
            .filter(committee=self.committee, role=Membership.Role.CHAIR)
            .select_related("person")
            .first()
        )
        meeting.chair = chair.person
        meeting.verification_place = "Regionhuset, Örebro"
        meeting.verification_time = verified_at
        meeting.closed_at = meeting.end
        signatories = [(chair.person, Approval.Role.CHAIR)]
        signatories += [(self.people[name], Approval.Role.VERIFIER) for name in verifiers]
        meeting.verifiers.set([person for person, _role in signatories[1:]])
        for person, role in signatories:
            Approval.objects.create(
                meeting=meeting,
                person=person,
                role=role,
                answer=Approval.Answer.APPROVED,
                answered_at=verified_at,
            )
        meeting.state = Meeting.State.NOTICE_POSTED
        meeting.minutes_verified_at = verified_at
        meeting.notice_posted_at = posted_at
        meeting.save()
        MinutesVersion.objects.create(meeting=meeting, number=1, reason="")
        posted_on = timezone.localtime(posted_at).date()
        Notice.objects.create(
            committee=self.committee,
            meeting=meeting,
            kind=Notice.Kind.MINUTES,
            verified_on=timezone.localtime(verified_at).date(),
            posted_on=posted_on,
            appeal_until=deadlines.last_day_to_appeal(posted_on),
            removed_on=deadlines.taken_down_on(posted_on),
            minutes_kept_at=self.body.minutes_kept_at,
        )
        return meeting

    def upcoming_meeting(self, day, items):
        """A meeting whose notice and agenda are out; nothing is handled yet."""
        meeting = self._meeting(
            start=local(day, 9),
            end=local(day, 12),
            state=Meeting.State.NOTICE_PUBLISHED,
            notice_published_at=timezone.now(),
        )
        self._agenda(meeting, zip(agenda_numbers(items), items, strict=True))
        return meeting

    def _meeting(self, **fields):
        return Meeting.objects.create(committee=self.committee, location=self.location, **fields)

    def _agenda(self, meeting, entries):
        """Create the items; returns each item's spec by the item's primary key."""
        specs = {}
        handled = meeting.state != Meeting.State.NOTICE_PUBLISHED
        for position, (number, spec) in enumerate(entries, start=1):
            case = self._case(meeting, spec, handled) if spec.has_case else None
            item = AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                number=number,
                title=spec.title,
                case=case,
                presenter=spec.presenter,
                summary=spec.summary,
                proposed_decision=spec.proposed_decision,
                is_public=spec.is_public,
                state=spec.state,
            )
            for order, title in enumerate(spec.attachments):
                document = self._document(meeting, item, spec, case, title)
                AgendaItemDocument.objects.create(
                    agenda_item=item, document=document, position=order
                )
            specs[item.pk] = spec
        return specs

    def _case(self, meeting, spec, handled):
        decided = handled and spec.state in AgendaItem.NUMBERED_STATES
        return Case.objects.create(
            body=self.body,
            committee=self.committee,
            reference=self.body.format_case_number(meeting.year, self._case_number(meeting.year)),
            title=spec.case_title or spec.title,
            description=spec.summary,
            status=Case.Status.DECIDED if decided else Case.Status.OPEN,
            is_public=spec.is_public,
        )

    def _case_number(self, year):
        last = self._last_case_number.get(year, FIRST_CASE_NUMBER.get(year, 100))
        number = last + 20 + (last * 7) % 61  # gaps: other committees' cases
        self._last_case_number[year] = number
        return number

    def _document(self, meeting, item, spec, case, title):
        is_staff_report = title == "Tjänsteskrivelse"
        pdf = attachment_pdf(
            title=title,
            body=self.body.name,
            committee=self.committee.name,
            meeting=swedish_date(meeting.local_date),
            item=f"{item.number}. {item.title}" if item.number else item.title,
            case=case.reference if case else "",
            text=spec.summary.split("\n\n")[0],
            decision=spec.proposed_decision if is_staff_report else "",
            created=min(meeting.start - timedelta(days=14), timezone.now()),
        )
        filename = f"{case.reference if case else meeting.slug}-{slugify(title)}.pdf"
        document = Document(title=title, filename=filename, case=case, is_public=spec.is_public)
        document.file.save(filename, ContentFile(pdf), save=False)
        self.saved_files.append(document.file.name)
        document.save()
        return document

    def _attendance(self, meeting, members, absent=None):
        """Every member present, or one absent and a substitute serving in their seat."""
        missing, substitute = absent or (None, None)
        for name, role in members:
            if role == SUBSTITUTE and name != substitute:
                continue
            Attendance.objects.create(
                meeting=meeting,
                person=self.people[name],
                present=name != missing,
                serving_for=self.people[missing] if name == substitute else None,
                serving_from=meeting.items.first() if name == substitute else None,
                note="Anmält förhinder" if name == missing else "",
            )
