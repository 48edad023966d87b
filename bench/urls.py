"""The site's own URLs plus a trivial view: the framework's ceiling, measured the same way."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def trivial(request):
    return HttpResponse("ok")


# Last, so resolving it walks the site's patterns first, as a portal page does.
urlpatterns = [*site_urlpatterns, path("bench/trivial/", trivial)]
