"""The back office, at /kansli/. Each area has its own module of URLs."""

from django.urls import include, path

from paragraf.backoffice.views import auth, dashboard

app_name = "backoffice"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("logga-in/", auth.login, name="login"),
    path("logga-ut/", auth.logout, name="logout"),
    path("", include("paragraf.backoffice.urls.cases")),
    path("", include("paragraf.backoffice.urls.agenda")),
    path("", include("paragraf.backoffice.urls.meeting")),
    path("", include("paragraf.backoffice.urls.minutes")),
    path("", include("paragraf.backoffice.urls.delegated")),
    path("", include("paragraf.backoffice.urls.history")),
    path("", include("paragraf.backoffice.urls.documents")),
]
