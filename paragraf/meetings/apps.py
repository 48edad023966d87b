from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "paragraf.meetings"
    verbose_name = _("Meetings and minutes")

    def ready(self):
        from paragraf.meetings import signals  # noqa: F401
