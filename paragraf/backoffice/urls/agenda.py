from django.urls import path

from paragraf.backoffice.views.agenda import builder, meetings, publish

M = "moten/<int:meeting>/"
ITEM = M + "dagordning/punkt-<int:item>/"

urlpatterns = [
    path("namnder/<slug:committee>/moten/", meetings.meetings, name="agenda_meetings"),
    path("namnder/<slug:committee>/moten/nytt/", meetings.new_meeting, name="agenda_meeting_new"),
    path(M + "dagordning/", builder.builder, name="agenda_builder"),
    path(M + "dagordning/arende/", builder.add_case_item, name="agenda_add_case"),
    path(M + "dagordning/fri-punkt/", builder.add_free_item, name="agenda_add_free"),
    path(M + "dagordning/standardpunkt/", builder.add_standard_item, name="agenda_add_standard"),
    path(M + "dagordning/ordning/", builder.order, name="agenda_order"),
    path(ITEM, builder.edit_item, name="agenda_item_edit"),
    path(ITEM + "ta-bort/", builder.remove_item, name="agenda_item_remove"),
    path(ITEM + "flytta/", builder.move_item, name="agenda_item_move"),
    path(ITEM + "offentlig/", builder.item_public, name="agenda_item_public"),
    path(ITEM + "bifoga/", builder.attach_document, name="agenda_item_attach"),
    path(
        M + "dagordning/handling-<int:document>/offentlig/",
        builder.document_public,
        name="agenda_document_public",
    ),
    path(M + "forhandsvisning/", publish.preview, name="agenda_preview"),
    path(M + "publicera/", publish.publish, name="agenda_publish"),
]
