"""The site's URLs with search mounted where the lead will put it (/sok/)."""

from django.urls import include, path

from config.urls import urlpatterns as site

urlpatterns = [*site, path("sok/", include("paragraf.search.urls"))]
