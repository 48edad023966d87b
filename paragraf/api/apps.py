from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "paragraf.api"
    verbose_name = "OParl API"

    def ready(self):
        from paragraf.api import signals  # noqa: F401
