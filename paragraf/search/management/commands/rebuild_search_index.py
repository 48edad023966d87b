import time

from django.core.management.base import BaseCommand

from paragraf.search import index


class Command(BaseCommand):
    help = (
        "Rebuild the public and the members' search indexes from the database and swap "
        "them in. Updates that arrive meanwhile wait and are applied to the new indexes."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        counts = index.rebuild_counts()
        self.stdout.write(
            f"Indexed {sum(counts.values())} documents ({counts[index.PUBLIC]} public, "
            f"{counts[index.MEMBERS]} for members) in {index.folder()} "
            f"in {time.monotonic() - started:.1f} s."
        )
