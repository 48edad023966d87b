from paragraf.meetings.models.agenda import AgendaItem, AgendaItemDocument
from paragraf.meetings.models.attendance import Attendance
from paragraf.meetings.models.meeting import Location, Meeting
from paragraf.meetings.models.paragraph import Paragraph, ParagraphCounter

__all__ = [
    "AgendaItem",
    "AgendaItemDocument",
    "Attendance",
    "Location",
    "Meeting",
    "Paragraph",
    "ParagraphCounter",
]
