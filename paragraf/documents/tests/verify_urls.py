"""Test URLs: the site's, plus the verification page where the lead mounts it."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *i18n_patterns(
        path("handlingar/", include("paragraf.documents.urls")),
        prefix_default_language=False,
    ),
    *site_urlpatterns,
]
