"""§ numbering: every handled item gets the next number of its committee's year."""

from django.db import IntegrityError, transaction

from paragraf.meetings.models import AgendaItem, Meeting, Paragraph, ParagraphCounter


def _locked_counter(committee_id, year):
    """The committee's counter for the year, locked until the transaction ends."""
    try:
        # A savepoint, so a lost race for the first row of a year does not
        # break the caller's transaction.
        with transaction.atomic():
            ParagraphCounter.objects.get_or_create(committee_id=committee_id, year=year)
    except IntegrityError:
        pass  # another allocation created it first; lock theirs below
    counter = ParagraphCounter.objects.select_for_update().get(committee_id=committee_id, year=year)
    # Paragraphs entered by hand (e.g. when migrating old minutes) count too.
    highest = (
        Paragraph.all_objects.filter(committee_id=committee_id, year=year)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    ) or 0
    counter.last_number = max(counter.last_number, highest)
    return counter


def number_paragraphs(meeting: Meeting) -> list[Paragraph]:
    """Give every handled or added item of the meeting its § in agenda order.

    Numbers continue from the committee's earlier meetings in the same calendar
    year and restart at § 1 in a new year. Withdrawn items get none. Items
    numbered before keep their number; only items without one are numbered, so
    calling this again after an item is added is safe. Returns the new paragraphs.
    """
    with transaction.atomic():
        counter = _locked_counter(meeting.committee_id, meeting.year)
        items = (
            AgendaItem.objects.filter(meeting=meeting, state__in=AgendaItem.NUMBERED_STATES)
            .filter(paragraph__isnull=True)
            .order_by("position")
        )
        created = []
        for item in items:
            counter.last_number += 1
            paragraph = Paragraph(
                agenda_item=item,
                number=counter.last_number,
                summary=item.summary,
                decision=item.proposed_decision,
            )
            paragraph.save()
            created.append(paragraph)
        counter.save(update_fields=["last_number", "modified"])
    return created
