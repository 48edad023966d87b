from django.core.management.base import BaseCommand

from paragraf.alerts import services


class Command(BaseCommand):
    help = "Delete alert subscriptions never confirmed in time, and old subscription requests."

    def handle(self, *args, **options):
        self.stdout.write(f"{services.expire()} unconfirmed subscriptions deleted.")
