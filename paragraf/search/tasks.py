"""Keeping the search indexes in step with the database, run by the task worker."""

import logging

from django_tasks import task

from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting
from paragraf.search import index

logger = logging.getLogger(__name__)


@task()
def update_search_index(meetings=(), items=(), documents=(), cases=(), committees=()):
    """Re-index what these records (pks) are shown in: their meetings' items and
    paragraphs, and the meetings' and the given documents. Returns the number of
    entries written (0 without an index: the rebuild command makes one)."""
    found = set(meetings)
    found |= set(AgendaItem.all_objects.filter(pk__in=items).values_list("meeting_id", flat=True))
    found |= set(
        AgendaItem.all_objects.filter(case_id__in=cases).values_list("meeting_id", flat=True)
    )
    found |= set(
        Meeting.all_objects.filter(committee_id__in=committees).values_list("pk", flat=True)
    )
    documents = set(documents)
    documents |= set(
        AgendaItemDocument.objects.filter(agenda_item__meeting_id__in=found).values_list(
            "document_id", flat=True
        )
    )
    written = index.update(meetings=found, documents=documents)
    logger.info(
        "Search index: %s entries for %s meetings, %s documents",
        written,
        len(found),
        len(documents),
    )
    return written
