from django.urls import translate_url
from django.utils.translation import get_language

from paragraf.organisation.models import Body


def site(request):
    """The body that runs this installation, and this page in the other language."""
    other = "en" if get_language() == "sv" else "sv"
    return {
        "site_body": Body.objects.site_body(),
        "other_language_url": translate_url(request.get_full_path(), other),
    }
