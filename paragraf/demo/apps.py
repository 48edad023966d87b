from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data for trying Paragraf (`manage.py load_demo`). No models."""

    name = "paragraf.demo"
    verbose_name = _("Demo data")
