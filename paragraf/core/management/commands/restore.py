from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError

from paragraf.core.backup.archive import ArchiveError
from paragraf.core.backup.restore import RestoreRefused, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup`: check its checksums, migrate, "
        "load every row in one transaction, put the files back, rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive (tar.gz) to restore")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore into an installation that holds data: every row is deleted first",
        )
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="do not rebuild the search index afterwards",
        )

    def handle(self, *args, path, force, no_search_index, **options):
        try:
            restore_backup(
                path, force=force, rebuild_index=not no_search_index, log=self.stdout.write
            )
        except ArchiveError as error:
            raise CommandError(f"Nothing was restored. {error}") from error
        except RestoreRefused as error:
            raise CommandError(f"Nothing was restored. {error}") from error
        except (DeserializationError, DatabaseError) as error:
            raise CommandError(
                f"The restore failed and was rolled back: no row was kept. {error}"
            ) from error
        self.stdout.write(self.style.SUCCESS("Restored."))
