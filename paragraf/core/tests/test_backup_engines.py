"""An archive made on SQLite restores into PostgreSQL with every row as it was.

The source installation is a separate process on its own SQLite file, with the
demo loaded; the test database (PostgreSQL) is the target. Runs on the
PostgreSQL leg only: on SQLite the two engines would be the same.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from paragraf.core.backup.data import BY_NATURAL_KEY, write_rows

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL leg restores SQLite's archive"
)


def manage(*args, env):
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def sqlite_archive(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'source.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "source-media"),
        "PARAGRAF_VAR_DIR": str(tmp_path / "source-var"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    manage("migrate", "--no-input", "-v", "0", env=env)
    manage("load_demo", env=env)
    path = tmp_path / "from-sqlite.tar.gz"
    manage("backup", str(path), env=env)
    return path


def parsed(lines):
    """Rows as parsed JSON, in a stable order (PostgreSQL's jsonb orders keys its own way)."""
    return sorted(
        (json.loads(line) for line in lines if line), key=lambda r: json.dumps(r, sort_keys=True)
    )


def archived_rows(path):
    with tarfile.open(path) as tar:
        for member in tar:
            if member.name.startswith("data/"):
                label = member.name.split("-", 1)[1].removesuffix(".jsonl")
                lines = tar.extractfile(member).read().decode().splitlines()
                yield label, parsed(lines)


def test_an_archive_from_sqlite_restores_into_postgresql_row_for_row(sqlite_archive, db, settings):
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(sqlite_archive), "--no-search-index", stdout=io.StringIO())

    compared = 0
    for label, rows in archived_rows(sqlite_archive):
        model = apps.get_model(label)
        stream = io.StringIO()
        write_rows(model, stream)
        restored = parsed(stream.getvalue().splitlines())
        if label in BY_NATURAL_KEY:
            # PostgreSQL's own content types and permissions: the archive's are among them.
            assert [r for r in rows if r not in restored] == [], label
        else:
            assert restored == rows, label
        compared += len(rows)
    assert compared > 1000
    files = Path(settings.MEDIA_ROOT)
    with tarfile.open(sqlite_archive) as tar:
        for member in tar:
            if member.name.startswith("media/"):
                stored = files / member.name.removeprefix("media/")
                assert stored.read_bytes() == tar.extractfile(member).read(), member.name
