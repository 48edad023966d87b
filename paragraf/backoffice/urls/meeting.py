"""Recording the meeting: /kansli/moten/<meeting>/sammantrade/ and each item's page."""

from django.urls import path

from paragraf.backoffice.views.meeting import cockpit, item, parts

ITEM = "moten/<int:meeting>/punkter/<int:item>/"

urlpatterns = [
    path("moten/<int:meeting>/sammantrade/", cockpit.cockpit, name="meeting_cockpit"),
    path("moten/<int:meeting>/sammantrade/starta/", cockpit.start, name="meeting_start"),
    path(
        "moten/<int:meeting>/narvaro/<int:attendance>/",
        cockpit.attendance,
        name="meeting_attendance",
    ),
    path("moten/<int:meeting>/justerare/", cockpit.verifiers, name="meeting_verifiers"),
    path("moten/<int:meeting>/punkter/ny/", cockpit.add_item, name="meeting_add_item"),
    path(ITEM, item.item_page, name="meeting_item"),
    path(ITEM + "beslut/", item.decision, name="meeting_item_decision"),
    path(ITEM + "justera/", item.verify, name="meeting_item_verify"),
    path(ITEM + "utgar/", item.withdraw, name="meeting_item_withdraw"),
    path(ITEM + "yrkanden/", parts.motion, name="meeting_item_motion"),
    path(ITEM + "voteringar/", parts.vote, name="meeting_item_vote"),
    path(ITEM + "reservationer/", parts.reservation, name="meeting_item_reservation"),
    path(ITEM + "anteckningar/", parts.note, name="meeting_item_note"),
    path(ITEM + "jav/", parts.conflict, name="meeting_item_conflict"),
    path(
        ITEM + "yrkanden/<int:motion>/ta-bort/", parts.remove_motion, name="meeting_motion_remove"
    ),
    path(ITEM + "voteringar/<int:vote>/ta-bort/", parts.remove_vote, name="meeting_vote_remove"),
    path(
        ITEM + "reservationer/<int:reservation>/ta-bort/",
        parts.remove_reservation,
        name="meeting_reservation_remove",
    ),
    path(ITEM + "anteckningar/<int:note>/ta-bort/", parts.remove_note, name="meeting_note_remove"),
    path(
        ITEM + "jav/<int:conflict>/ta-bort/", parts.remove_conflict, name="meeting_conflict_remove"
    ),
]
