"""Building the agenda (föredragningslista) and publishing the notice (kallelse).

Every change goes through a function here, each in one transaction. They
refuse changes to a meeting whose minutes are locked, with a Swedish reason,
and a change to an agenda that is already published (state kallat) marks the
meeting as changed (`agenda_changed_at`) and sends the renewed notice once.
"""

from paragraf.meetings.services.agenda.changes import (
    EDITABLE_STATES,
    OPENING_ITEMS,
    STANDARD_ITEMS,
    live_items,
)
from paragraf.meetings.services.agenda.items import (
    add_case_item,
    add_item,
    add_standard_item,
    attach_document,
    move_item,
    remove_item,
    reorder_items,
    set_document_public,
    set_item_public,
    update_item,
)
from paragraf.meetings.services.agenda.publishing import create_meeting, publish_agenda

__all__ = [
    "EDITABLE_STATES",
    "OPENING_ITEMS",
    "STANDARD_ITEMS",
    "add_case_item",
    "add_item",
    "add_standard_item",
    "attach_document",
    "create_meeting",
    "live_items",
    "move_item",
    "publish_agenda",
    "remove_item",
    "reorder_items",
    "set_document_public",
    "set_item_public",
    "update_item",
]
