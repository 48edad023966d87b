from django.http import Http404, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext as _


class NotFound(Http404):
    """A 404 whose message is written for the visitor and may be shown to them."""


def not_found(request, exception=None):
    message = ""
    if isinstance(exception, NotFound) and exception.args:
        message = str(exception.args[0])
    html = loader.render_to_string(
        "404.html",
        {"message": message or _("The page you asked for does not exist, or has moved.")},
        request,
    )
    return HttpResponseNotFound(html)


def server_error(request):
    # No context processors here: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
