"""The site's URLs plus one that fails, so a test can see the 500 page a visitor gets."""

from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def fails(request):
    raise RuntimeError("a deliberate error, to show the 500 page")


urlpatterns = [path("test-tekniskt-fel/", fails), *site_urlpatterns]
