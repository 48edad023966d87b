from django.urls import path

from paragraf.backoffice.views import minutes

urlpatterns = [
    path("moten/<int:meeting>/protokoll/", minutes.editor, name="minutes_editor"),
    path("moten/<int:meeting>/protokoll/avsluta/", minutes.close, name="minutes_close"),
    path(
        "moten/<int:meeting>/protokoll/justerare/",
        minutes.signatories,
        name="minutes_signatories",
    ),
    path("moten/<int:meeting>/protokoll/skicka/", minutes.send, name="minutes_send"),
    path(
        "moten/<int:meeting>/protokoll/punkt/<int:item>/",
        minutes.edit_paragraph,
        name="minutes_paragraph",
    ),
    path(
        "moten/<int:meeting>/protokoll/punkt/<int:item>/rattelse/",
        minutes.correct_paragraph,
        name="minutes_correct",
    ),
    path("moten/<int:meeting>/protokoll/anslag/", minutes.post_notice, name="minutes_post_notice"),
    path("protokoll/", minutes.waiting, name="minutes_waiting"),
    path("protokoll/<int:approval>/", minutes.approval_page, name="minutes_approval"),
    path("protokoll/<int:approval>/godkann/", minutes.approve, name="minutes_approve"),
    path(
        "protokoll/<int:approval>/skicka-tillbaka/",
        minutes.send_back,
        name="minutes_send_back",
    ),
]
