"""The site's URLs with the API mounted as config/urls.py will mount it."""

from django.urls import include, path

from config.urls import urlpatterns as site

urlpatterns = [*site, path("oparl/v1/", include("paragraf.api.urls"))]
