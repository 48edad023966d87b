"""Backup and restore of a whole installation: the database and the stored files.

`manage.py backup <path>` writes one tar.gz (see archive.py for its layout);
`manage.py restore <path>` checks it and loads it into an empty installation.
Not in the archive: the search index (derived: rebuilt after a restore), the task
queue, sessions, the sealing certificate and the settings (kept by the operator).
"""

import subprocess
import tempfile
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from paragraf.core.backup import archive, data

STAGING_PREFIX = ".restore-"  # a restore's unfinished files inside MEDIA_ROOT


def default_name():
    return f"paragraf-{datetime.now(UTC):%Y%m%d-%H%M%S}.tar.gz"


def app_version():
    root = Path(settings.BASE_DIR)
    version = {"name": "paragraf"}
    try:
        project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
        version["version"] = project["version"]
    except (OSError, KeyError, ValueError):
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - optional, informative only
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
        if commit.returncode == 0:
            version["commit"] = commit.stdout.strip()
    except OSError:
        pass
    return version


def applied_migrations():
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def unapplied_migrations():
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def stored_files(media_root):
    """Every regular file under MEDIA_ROOT, as (relative posix name, path), sorted."""
    media_root = Path(media_root)
    if not media_root.is_dir():
        return []
    found = []
    for path in media_root.rglob("*"):
        relative = path.relative_to(media_root)
        if relative.parts[0].startswith(STAGING_PREFIX):
            continue
        if path.is_file() and not path.is_symlink():
            found.append((relative.as_posix(), path))
    return sorted(found)


def referenced_files(tables):
    """Names stored in every FileField of every backed-up model."""
    names = set()
    for model in data.backed_up_models():
        if model._meta.db_table not in tables:
            continue
        for field in model._meta.concrete_fields:
            if field.get_internal_type() in ("FileField", "ImageField"):
                rows = model._base_manager.exclude(**{field.attname: ""})
                names.update(rows.values_list(field.attname, flat=True).distinct())
    return names


def make_backup(path, log=print):
    """Write the archive to `path` (a file, or a folder to put a dated file in).

    The archive appears under its name only when complete. Returns its path.
    """
    path = Path(path)
    if path.is_dir():
        path = path / default_name()
    partial = path.with_name(path.name + ".partial")
    rows = {}
    writer = None
    try:
        writer = archive.Writer(partial)
        temporary = tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-")
        with temporary as tmp, data.snapshot():
            migrations = applied_migrations()
            waiting = unapplied_migrations()
            if waiting:
                log(f"Warning: migrations not run yet: {', '.join(waiting[:5])}.")
            tables = set(connection.introspection.table_names())
            for model in data.backed_up_models():
                if model._meta.db_table not in tables:
                    log(f"Warning: no table for {data.label(model)}: run migrate. Left out.")
                    continue
                n = len(rows) + 1
                name = f"{archive.DATA}{n:03d}-{data.label(model)}.jsonl"
                rows_file = Path(tmp) / f"{n:03d}.jsonl"
                with open(rows_file, "w", encoding="utf-8") as stream:
                    rows[data.label(model)] = data.write_rows(model, stream)
                writer.add_file(name, rows_file)
                rows_file.unlink()
            referenced = referenced_files(tables)
        files = stored_files(settings.MEDIA_ROOT)
        for name, file_path in files:
            writer.add_file(archive.MEDIA + name, file_path)
        missing = sorted(referenced - {name for name, _ in files})
        writer.close(
            {
                "app": app_version(),
                "django": django.get_version(),
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": connection.vendor,
                "migrations": migrations,
                "rows": rows,
                "files": len(files),
                "missing_files": missing,
            }
        )
        writer = None
        partial.replace(path)
    finally:
        if writer is not None:
            writer.abandon()
        partial.unlink(missing_ok=True)
    for name in missing[:10]:
        log(f"Warning: {name} is referenced in the database but missing from MEDIA_ROOT.")
    log(f"Backed up {sum(rows.values())} rows of {len(rows)} models and {len(files)} files.")
    return path
