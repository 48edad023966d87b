"""Restore an archive made by `manage.py backup` into an empty installation.

1. Check every member of the archive against its manifest (writes nothing).
2. Refuse an installation with data or files, unless forced.
3. Migrate, then in one transaction: (forced: empty every table), load every
   row as it was (no save(), no signals), reset PostgreSQL's sequences, and put
   the files in place. Any failure rolls the database back and removes the files.
4. Afterwards: queue text extraction again for documents still waiting for it,
   and rebuild the search index (derived from the database, never backed up).
"""

import io
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.migrations.loader import MigrationLoader

from paragraf.core.backup import STAGING_PREFIX, archive, data, stored_files


class RestoreRefused(Exception):
    """The installation is not one to restore into (not empty, newer archive)."""


def check_migrations(manifest, log):
    """Refuse an archive from a newer Paragraf (migrations this code lacks)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    archived = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    unknown = sorted(archived - known)
    if unknown:
        listed = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise RestoreRefused(
            f"The archive was made by a newer version of Paragraf (migrations unknown "
            f"here: {listed}). Restore it with that version or a later one."
        )
    newer = sorted(app for app, name in known - archived if app in manifest["migrations"])
    if newer:
        log(
            "Note: this version has migrations the archive's installation had not run "
            f"({', '.join(sorted(set(newer)))}); its rows are loaded into the current tables."
        )


def check_empty(media_root):
    rows = data.existing_rows()
    files = stored_files(media_root)
    if rows or files:
        what = ", ".join(f"{n} {label}" for label, n in sorted(rows.items())[:6])
        parts = [f"rows ({what}{', …' if len(rows) > 6 else ''})"] if rows else []
        if files:
            parts.append(f"{len(files)} files in {media_root}")
        raise RestoreRefused(
            "This installation is not empty: it holds " + " and ".join(parts) + ". "
            "Restore into an empty installation, or pass --force to delete every row "
            "and replace it with the archive's (files of the same name are overwritten)."
        )


def restore_backup(path, *, force=False, rebuild_index=True, log=print):
    manifest = archive.verify(path)
    log(f"The archive is intact: {len(manifest['members'])} members match their checksums.")
    check_migrations(manifest, log)
    media_root = Path(settings.MEDIA_ROOT)
    if not force:
        check_empty(media_root)
    call_command("migrate", interactive=False, verbosity=0)
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=media_root))
    placed = []
    try:
        with transaction.atomic():
            if force:
                data.empty_database()
            with data.signals_muted():
                loaded = _load(path, manifest, staging)
            data.reset_sequences(data.backed_up_models())
            _place_files(staging, media_root, placed)
    except BaseException:
        for target in placed:
            target.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"Restored {sum(loaded.values())} rows and {len(placed)} files.")
    _after_restore(rebuild_index, log)
    return loaded


def _load(path, manifest, staging):
    """Second reading of the archive: load the rows, stage the files, check each
    member's checksum again as it goes by (the file may have changed since)."""
    loaded = {}
    with archive.open_archive(path) as tar:
        for member in tar:
            name = archive.safe_member_name(member.name)
            if name == archive.MANIFEST:
                continue
            reader = archive.HashingReader(tar.extractfile(member))
            if name.startswith(archive.DATA):
                text = io.TextIOWrapper(io.BufferedReader(reader), encoding="utf-8")
                _models, count = data.load_rows(text)
                loaded[name] = count
            else:
                target = staging / name.removeprefix(archive.MEDIA)
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as out:
                    shutil.copyfileobj(reader, out)
            if reader.drain() != (manifest["members"][name]["sha256"], member.size):
                raise archive.ArchiveError(f"{name!r} changed while it was being restored.")
    return loaded


def _place_files(staging, media_root, placed):
    """Move the staged files into MEDIA_ROOT, noting each in `placed`."""
    for name, source in stored_files(staging):
        target = media_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        placed.append(target)


def _after_restore(rebuild_index, log):
    from paragraf.cases.models import Document
    from paragraf.cases.tasks import extract_document_text

    waiting = list(
        Document.all_objects.filter(text_status=Document.TextStatus.PENDING).values_list(
            "pk", flat=True
        )
    )
    for pk in waiting:
        extract_document_text.enqueue(pk)
    if waiting:
        log(f"Queued text extraction again for {len(waiting)} documents waiting for it.")
    if not rebuild_index:
        log("The search index was not rebuilt: run `manage.py rebuild_search_index`.")
        return
    from paragraf.search import index

    count = index.rebuild()
    log(f"Rebuilt the search index: {count} documents.")
