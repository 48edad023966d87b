from django.conf import settings
from django.core.management.base import BaseCommand

from paragraf.demo import loader


class Command(BaseCommand):
    help = (
        "Load the demo (Region Örebro län, Regional tillväxtnämnd and its meeting of "
        "14 December 2022) into an empty database. Does nothing if a body exists."
    )

    def handle(self, *args, **options):
        outcome = loader.load_demo()
        if outcome.status == loader.OTHER_DATA:
            self.stdout.write(
                f"The database already holds {outcome.body}: the demo is not loaded, "
                "so it never mixes with real data."
            )
            return
        if outcome.status == loader.ALREADY_LOADED:
            self.stdout.write("The demo is already loaded (logins as created by the demo).")
        else:
            self.stdout.write(self.style.SUCCESS("The demo is loaded."))
        site = settings.SITE_URL.rstrip("/")
        self.stdout.write(f"\nLog in at {site}/kansli/ (Django's admin: {site}/admin/)")
        roles = {
            loader.SECRETARY: "secretary, also admin",
            loader.CASE_OFFICER: "case officer",
            loader.MEMBER: "member",
        }
        for username, password in outcome.logins:
            shown = password or "(an existing account: its password was not changed)"
            self.stdout.write(f"  {username} / {shown}  ({roles.get(username, '')})")
        meeting = loader.seed_meeting()
        self.stdout.write(f"\nThe seed meeting: {site}{meeting.get_absolute_url()}")
