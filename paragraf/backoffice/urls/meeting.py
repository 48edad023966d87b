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
]
