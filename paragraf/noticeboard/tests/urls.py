"""The site's URLs plus the notice board, until the portal includes it."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_patterns

urlpatterns = [
    *i18n_patterns(
        path("anslagstavla/", include("paragraf.noticeboard.urls")),
        prefix_default_language=False,
    ),
    *site_patterns,
]
