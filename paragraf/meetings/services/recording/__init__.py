"""Recording the meeting (sammanträdet): attendance, decisions, votes.

Every service is one transaction and refuses impossible states with a
Swedish ValidationError. Services that create something are idempotent for
an identical resubmission (a double-clicked form creates one object).
"""

from paragraf.meetings.services.recording.attendance import (
    choose_verifiers,
    serving_members,
    set_attendance,
    start_meeting,
)
from paragraf.meetings.services.recording.items import (
    EditConflict,
    add_item_at_meeting,
    save_item_decision,
    verify_immediately,
    withdraw_item,
)
from paragraf.meetings.services.recording.parts import (
    add_motion,
    add_note,
    add_reservation,
    declare_conflict,
    remove_part,
)
from paragraf.meetings.services.recording.votes import record_vote

__all__ = [
    "EditConflict",
    "add_item_at_meeting",
    "add_motion",
    "add_note",
    "add_reservation",
    "choose_verifiers",
    "declare_conflict",
    "record_vote",
    "remove_part",
    "save_item_decision",
    "serving_members",
    "set_attendance",
    "start_meeting",
    "verify_immediately",
    "withdraw_item",
]
