from django.urls import path

from paragraf.backoffice.views import history

urlpatterns = [
    path("moten/<int:meeting>/historik/", history.meeting_history, name="meeting_history"),
]
