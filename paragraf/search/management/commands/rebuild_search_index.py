from django.core.management.base import BaseCommand

from paragraf.search import index


class Command(BaseCommand):
    help = "Rebuild the public search index from the database and swap it in."

    def handle(self, *args, **options):
        count = index.rebuild()
        self.stdout.write(f"Indexed {count} documents in {index.index_path()}.")
