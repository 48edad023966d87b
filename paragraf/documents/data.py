"""The data of the generated documents, as plain JSON-ready dicts.

The Typst templates receive only this data, never markup. What the public may
see is decided by paragraf/portal/rows.py: a non-public item arrives here as a
row holding its number and nothing else, so its title, texts and case number
cannot reach a public PDF.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from paragraf.accounts.models import CommitteeRole
from paragraf.documents.models import Rendition
from paragraf.meetings.models import Attendance
from paragraf.organisation.models import Membership
from paragraf.portal.rows import item_row, items_for

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
ROLE_LABELS = {
    Membership.Role.CHAIR: "ordförande",
    Membership.Role.FIRST_VICE_CHAIR: "1:e vice ordförande",
    Membership.Role.SECOND_VICE_CHAIR: "2:e vice ordförande",
    Membership.Role.MEMBER: "",
    Membership.Role.SUBSTITUTE: "ersättare",
}
CHOICES = {"ja": "yes", "nej": "no", "avstar": "abstain"}
MEMBERS_NOTE = "Ledamotsversion. Innehåller uppgifter som inte är offentliga."


class NotPublic(PermissionDenied):
    """The public asked for a document of a non-public paragraph."""


def is_members(audience):
    return audience == Rendition.Audience.MEMBERS


def swedish_date(value):
    """14 december 2022, from a date or an aware datetime (in local time)."""
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def clock(value):
    return timezone.localtime(value).strftime("kl. %H.%M") if value else ""


def meeting_time(meeting):
    start = timezone.localtime(meeting.start)
    text = f"{swedish_date(start)} {start:kl. %H.%M}"
    if meeting.end:
        text += f"–{timezone.localtime(meeting.end):%H.%M}"
    return text


def meeting_place(meeting):
    location = meeting.location
    if location is None:
        return ""
    parts = [location.description, location.room, location.street_address, location.locality]
    return ", ".join(part for part in parts if part)


def common(meeting, kind, audience):
    """Title, header and metadata every document of the meeting shares."""
    committee = meeting.committee
    date = swedish_date(meeting.start)
    return {
        "title": f"{kind} {committee.name} {date}",
        "body": committee.body.name,
        "committee": committee.name,
        "date": date,
        "header": f"{committee.body.name} · {committee.name} · {kind} {date}",
        "audience_note": MEMBERS_NOTE if is_members(audience) else "",
        "keywords": [committee.name, meeting.local_date.isoformat()],
    }


def _keywords(data, references):
    data["keywords"] += [ref for ref in dict.fromkeys(references) if ref]
    return data


def notice_data(meeting, audience):
    """The notice (kallelse): time, place and the numbered agenda."""
    member = is_members(audience)
    rows = []
    for item in items_for(meeting, member, minutes=False):
        # Items added at the meeting were never on the notice.
        if item.deleted_at is not None or item.was_added:
            continue
        row = item_row(meeting, item, show_minutes=False, member=member)
        title = row.title + (" (utgår)" if row.withdrawn else "")
        rows.append(
            {
                "number": row.number or "–",
                "public": row.visible,
                "title": title,
                "case": row.case_reference,
                "presenter": item.presenter if row.visible else "",
            }
        )
    data = common(meeting, "Kallelse", audience)
    data.update(time=meeting_time(meeting), place=meeting_place(meeting), items=rows)
    return _keywords(data, [row["case"] for row in rows])


def _names(people):
    return ", ".join(person.name for person in people)


def _vote(vote):
    ballots = [{"name": b.person.name, "choice": b.choice} for b in vote.ballots.all()]
    counts = {"yes": 0, "no": 0, "abstain": 0}
    for ballot in ballots:
        counts[CHOICES[ballot["choice"]]] += 1
    result = ""
    if vote.result:
        means = vote.yes_means if vote.result == "ja" else vote.no_means
        result = f"Nämnden har beslutat enligt {vote.result}-propositionen"
        result += f" ({means})." if means else "."
        if vote.decided_by_chair:
            result += " Ordförandens utslagsröst avgjorde."
    return {
        "question": vote.question,
        "yes_means": vote.yes_means,
        "no_means": vote.no_means,
        "ballots": ballots,
        "result": result,
        **counts,
    }


def _reservation(reservation):
    text = f"{reservation.person.name} reserverar sig mot beslutet"
    if reservation.against:
        text += f" ({reservation.against})"
    text += "."
    if reservation.grounds:
        text += f" {reservation.grounds}"
    return text


def _conflict(conflict):
    text = f"{conflict.person.name} anmäler jäv och deltar inte i handläggningen."
    if conflict.substitute:
        text += f" {conflict.substitute.name} tjänstgör i stället."
    return text


def paragraph_data(row):
    """One § from its portal row: only a number when the reader may not see it."""
    paragraph = row.paragraph
    if not row.visible:
        return {"number": paragraph.number, "public": False}
    return {
        "number": paragraph.number,
        "public": True,
        "title": paragraph.title,
        "case": row.case_reference,
        "text": paragraph.summary,
        "decision": paragraph.decision,
        "motions": [f"{_names(m.movers.all())}: {m.text}" for m in paragraph.motions],
        "votes": [_vote(vote) for vote in paragraph.votes],
        "reservations": [_reservation(r) for r in paragraph.reservations],
        "notes": [f"{note.person.name}: {note.text}" for note in paragraph.notes],
        "conflicts": [_conflict(c) for c in paragraph.conflicts],
        "sent_to": [line.strip() for line in paragraph.sent_to.splitlines() if line.strip()],
    }


def paragraph_rows(meeting, member, items=None):
    """The portal rows of the meeting's paragraphs, in § order."""
    items = items if items is not None else items_for(meeting, member, minutes=True)
    rows = [
        item_row(meeting, item, show_minutes=True, member=member)
        for item in items
        if item.deleted_at is None
    ]
    rows = [row for row in rows if row.paragraph is not None]
    return sorted(rows, key=lambda row: row.paragraph.number)


def secretary_name(meeting):
    """Who verified the minutes as secretary, else the committee's secretary."""
    version = meeting.minutes_versions.select_related("made_by").order_by("number").first()
    user = version.made_by if version and version.made_by else None
    if user is None:
        role = (
            CommitteeRole.objects.filter(
                committee=meeting.committee, role=CommitteeRole.Role.SECRETARY
            )
            .select_related("user")
            .order_by("pk")
            .first()
        )
        user = role.user if role else None
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def extract_data(paragraph, audience):
    """A certified extract (protokollsutdrag) of one paragraph.

    Raises NotPublic when the public asks for a paragraph it may not see.
    """
    member = is_members(audience)
    item = paragraph.agenda_item
    meeting = item.meeting
    items = items_for(meeting, member, minutes=True).filter(pk=item.pk)
    rows = paragraph_rows(meeting, member, items)
    if not rows or not rows[0].visible:
        raise NotPublic(_("This paragraph is not public."))
    row = rows[0]
    data = common(meeting, "Protokollsutdrag", audience)
    data["title"] = f"Protokollsutdrag § {paragraph.number} {data['committee']} {data['date']}"
    if item.verified_immediately_at:
        verified = f"Omedelbart justerad {swedish_date(item.verified_immediately_at)}"
    else:
        verified = swedish_date(meeting.minutes_verified_at)
    data.update(
        verified=verified,
        paragraph=paragraph_data(row),
        certified_by=secretary_name(meeting),
        certified_role="Sekreterare",
    )
    return _keywords(data, [row.case_reference])


def _served(attendance, label, item_numbers):
    name = attendance.person.name
    serving_for = attendance.serving_for.name if attendance.serving_for else ""
    if serving_for and attendance.serving_from_id:
        serving_for += f" från punkt {item_numbers.get(attendance.serving_from_id, '')}".rstrip()
    return {"name": name, "role": label, "serving_for": serving_for}


def attendance_data(meeting):
    """Beslutande (members present and substitutes serving) and Övriga närvarande,
    each in the order of their role, then by family name."""
    memberships = {
        m.person_id: m
        for m in Membership.objects.filter(committee=meeting.committee).current(meeting.local_date)
    }
    item_numbers = dict(meeting.items.values_list("pk", "number"))
    attendances = Attendance.objects.filter(meeting=meeting, present=True).select_related(
        "person", "serving_for"
    )
    deciding, others = [], []
    for attendance in attendances:
        membership = memberships.get(attendance.person_id)
        role = membership.role if membership else ""
        substitute = role == Membership.Role.SUBSTITUTE
        if attendance.serving_for_id or (role and not substitute):
            # A serving substitute is described by whom they serve for.
            target, label = deciding, "" if substitute else ROLE_LABELS[role]
        else:
            target, label = others, ROLE_LABELS[role] if substitute else attendance.note
        if membership and membership.party:
            label = ", ".join(part for part in (membership.party, label) if part)
        rank = Membership.ROLE_ORDER.index(role) if role else len(Membership.ROLE_ORDER)
        entry = _served(attendance, label, item_numbers)
        target.append({"rank": rank, "family": attendance.person.family_name, "entry": entry})
    return _in_order(deciding), _in_order(others)


def _in_order(rows):
    return [row["entry"] for row in sorted(rows, key=lambda row: (row["rank"], row["family"]))]


def _span(numbers):
    if not numbers:
        return ""
    first, last = min(numbers), max(numbers)
    return f"§ {first}" if first == last else f"§ {first}–{last}"


def posting_data(meeting, committee, date):
    notice = meeting.notices.filter(deleted_at__isnull=True).order_by("-posted_on").first()
    kept_at = notice.minutes_kept_at if notice else meeting.committee.body.minutes_kept_at
    return {
        "committee": committee,
        "date": date,
        "posted_on": swedish_date(notice.posted_on) if notice else "",
        "removed_on": swedish_date(notice.removed_on) if notice else "",
        "kept_at": kept_at,
    }


def minutes_data(meeting, audience):
    """The minutes (protokoll): first page, signatures, posting and every §."""
    rows = paragraph_rows(meeting, is_members(audience))
    data = common(meeting, "Protokoll", audience)
    deciding, others = attendance_data(meeting)
    verifiers = list(meeting.verifiers.order_by("family_name", "given_name"))
    span = _span([row.paragraph.number for row in rows])
    signatures = [{"role": "Sekreterare", "name": secretary_name(meeting), "paragraphs": span}]
    if meeting.chair:
        signatures.append({"role": "Ordförande", "name": meeting.chair.name, "paragraphs": span})
    signatures += [
        {"role": "Justerare", "name": person.name, "paragraphs": span} for person in verifiers
    ]
    verification = ", ".join(
        part
        for part in [
            meeting.verification_place,
            swedish_date(meeting.verification_time),
            clock(meeting.verification_time),
        ]
        if part
    )
    data.update(
        place_time=", ".join(p for p in [meeting_place(meeting), meeting_time(meeting)] if p),
        deciding=deciding,
        others=others,
        verifiers=[person.name for person in verifiers],
        verification=verification,
        signatures=signatures,
        posting=posting_data(meeting, data["committee"], data["date"]),
        paragraphs=[paragraph_data(row) for row in rows],
    )
    return _keywords(data, [row.case_reference for row in rows])
