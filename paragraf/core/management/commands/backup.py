from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from paragraf.core.backup import make_backup


class Command(BaseCommand):
    help = (
        "Write the whole installation (every row, as portable JSON, and every stored "
        "file, with a manifest of SHA-256 checksums) to one tar.gz archive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="the archive to write, or a folder for a dated paragraf-….tar.gz"
        )

    def handle(self, *args, path, **options):
        try:
            written = make_backup(path, log=self.stdout.write)
        except OSError as error:
            raise CommandError(f"The backup could not be written: {error}") from error
        except DatabaseError as error:
            raise CommandError(
                f"The backup could not read the database ({error}). "
                "Has every migration been run? (manage.py migrate)"
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {written}"))
