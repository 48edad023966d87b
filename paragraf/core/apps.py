from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "paragraf.core"
    verbose_name = _("Core")

    def ready(self):
        from paragraf.core.tracking import track_everything

        track_everything()
