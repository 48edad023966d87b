from django.conf import settings

from paragraf.organisation.models import Body


def site(request):
    """The body that runs this installation, for the header and footer."""
    return {"site_body": Body.objects.site_body(), "DEBUG": settings.DEBUG}
