from django.urls import path

from paragraf.alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("namnd/<slug:committee>/", views.committee, name="committee"),
    path("sokning/", views.search, name="search"),
    path("skickat/", views.sent, name="sent"),
    path("bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
