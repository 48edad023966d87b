from paragraf.meetings.models.agenda import AgendaItem, AgendaItemDocument
from paragraf.meetings.models.attendance import Attendance
from paragraf.meetings.models.decisions import (
    Ballot,
    Conflict,
    Motion,
    RecordedNote,
    Reservation,
    Vote,
)
from paragraf.meetings.models.justering import Approval, MinutesVersion
from paragraf.meetings.models.lock import MinutesLocked, correcting
from paragraf.meetings.models.meeting import Location, Meeting
from paragraf.meetings.models.paragraph import Paragraph, ParagraphCounter

__all__ = [
    "AgendaItem",
    "AgendaItemDocument",
    "Approval",
    "Attendance",
    "Ballot",
    "Conflict",
    "Location",
    "Meeting",
    "MinutesLocked",
    "MinutesVersion",
    "Motion",
    "Paragraph",
    "ParagraphCounter",
    "RecordedNote",
    "Reservation",
    "Vote",
    "correcting",
]
