from django.core.management.base import BaseCommand, CommandError

from paragraf.alerts import search_alerts, services
from paragraf.search.index import SearchUnavailable


class Command(BaseCommand):
    help = (
        "Run every confirmed saved search and e-mail its new public hits; also delete "
        "unconfirmed subscriptions that have expired. Meant for cron, daily, after "
        "rebuild_search_index."
    )

    def handle(self, *args, **options):
        expired = services.expire()
        try:
            searches, hits = search_alerts.run_all()
        except SearchUnavailable as error:
            raise CommandError(f"No search index ({error}): run rebuild_search_index.") from None
        self.stdout.write(
            f"{searches} saved searches run, {hits} new hits mailed, "
            f"{expired} unconfirmed subscriptions deleted."
        )
