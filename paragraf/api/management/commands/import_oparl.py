"""manage.py import_oparl <System or Body URL, or a folder of saved JSON>

Imports a body's committees, people, memberships, terms, locations, meetings
with their agenda items, papers (cases) and files (documents). Running it
again reads only what changed since the last clean run (or --since); objects
the source marks deleted are deleted here too. See paragraf.api.importer.
"""

import re
import sys
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from tqdm import tqdm

from paragraf.api.importer.fetching import FetchError, FolderFetcher, HttpFetcher
from paragraf.api.importer.guard import Guard
from paragraf.api.importer.runner import Runner
from paragraf.api.importer.values import parse_moment
from paragraf.api.models import ImportRun
from paragraf.core.models import AuditEntry

SHOWN_PROBLEMS = 50
HOST = re.compile(r"[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]")  # a name or an address, no port


def last_clean_time(source):
    """Where the last run without problems left off: the latest change it saw
    at the source (by the source's clock), else the time it started."""
    run = ImportRun.objects.filter(source=source, clean=True).order_by("-started_at").first()
    if run is None:
        return None
    return run.latest_modified or run.started_at


def import_oparl(source, fetcher=None, since=None, full=False, progress=None, allow_hosts=()):
    """Import from `source` (a URL or folder) and return the finished ImportRun.

    `fetcher` reads the source (a FolderFetcher for a folder, HttpFetcher
    otherwise). Without `since` and unless `full`, the last run without
    problems says where to start: the source is asked only for what changed.
    Over HTTP, files are downloaded only from the source's host and
    `allow_hosts` (guard.py).
    """
    if fetcher is None:
        fetcher = FolderFetcher(source) if Path(source).is_dir() else HttpFetcher()
    start = fetcher.start() if isinstance(fetcher, FolderFetcher) else source
    if hasattr(fetcher, "guard") and fetcher.guard is None:  # an HttpFetcher
        fetcher.guard = Guard(start, allow_hosts, resolve=fetcher.resolves)
    if since is None and not full:
        since = last_clean_time(source)
    run = ImportRun.objects.create(source=source, started_at=timezone.now(), since=since)
    runner = Runner(fetcher, since=since, progress=progress)
    runner.run(start)
    run.finished_at = timezone.now()
    run.clean = not runner.problems
    latest = [t for t in (runner.latest, since) if t is not None]
    run.latest_modified = max(latest) if latest else None
    run.counts = {**runner.counts, "problems": len(runner.problems)}
    run.save()
    _audit(run)
    run.problems = runner.problems
    run.notes = runner.notes
    return run


def _audit(run):
    """One entry in the audit log for the whole run (its records have none of
    their own; each meeting has one in its history, see runner.py)."""
    AuditEntry.objects.create(
        action=AuditEntry.Action.CREATE,
        content_type=ContentType.objects.get_for_model(ImportRun),
        object_id=str(run.pk),
        object_repr=f"OParl import from {run.source}"[:300],
        after={
            "source": run.source,
            "since": run.since.isoformat() if run.since else None,
            "started_at": run.started_at.isoformat(),
            "finished_at": run.finished_at.isoformat(),
            "counts": run.counts,
            "clean": run.clean,
        },
    )


class Command(BaseCommand):
    help = "Import a body's meetings, cases and documents from an OParl 1.1 source."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a System or Body URL, or a folder of saved JSON")
        parser.add_argument(
            "--since",
            help="only what changed since this ISO 8601 time "
            "(default: the start of the last import without problems)",
        )
        parser.add_argument(
            "--full", action="store_true", help="read everything, not only what changed"
        )
        parser.add_argument(
            "--allow-host",
            action="append",
            default=[],
            metavar="HOST",
            dest="allow_hosts",
            help="also download files from this host (the source's own host always); "
            "may be given more than once",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, source, since=None, full=False, quiet=False, allow_hosts=(), **options):
        translation.activate("en")
        moment = None
        if since:
            moment = parse_moment(since)
            if moment is None:
                raise CommandError(f"--since must be an ISO 8601 time, not {since!r}")
        for host in allow_hosts:
            if not HOST.fullmatch(host):
                raise CommandError(f"--allow-host takes a host name, not {host!r}")
        is_folder = Path(source).is_dir()
        if not is_folder and not source.startswith(("http://", "https://")):
            raise CommandError(f"{source} is neither a folder nor an http(s) address")
        progress = tqdm(
            unit=" objects",
            file=sys.stderr,
            disable=quiet or not sys.stderr.isatty(),
            desc="OParl import",
        )
        try:
            run = import_oparl(
                source, since=moment, full=full, progress=progress, allow_hosts=allow_hosts
            )
        except FetchError as error:
            raise CommandError(str(error)) from None
        finally:
            progress.close()
        counts = run.counts
        self.stdout.write(
            "Imported from {source}{since}: {created} created, {updated} updated, "
            "{unchanged} unchanged, {deleted} deleted, {skipped} skipped.".format(
                source=source,
                since=f" (changes since {run.since.isoformat()})" if run.since else "",
                **{k: counts.get(k, 0) for k in ("created", "updated", "unchanged", "deleted")},
                skipped=counts.get("skipped", 0),
            )
        )
        for note in run.notes[:SHOWN_PROBLEMS]:
            self.stdout.write(f"Note: {note}")
        for problem in run.problems[:SHOWN_PROBLEMS]:
            self.stderr.write(f"Problem: {problem}")
        if len(run.problems) > SHOWN_PROBLEMS:
            self.stderr.write(f"… and {len(run.problems) - SHOWN_PROBLEMS} more problems.")
        if run.problems:
            self.stderr.write(
                "Objects with problems were skipped; the next run reads everything again."
            )
