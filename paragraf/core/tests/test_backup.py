"""Backup and restore: the demo installation comes back whole, byte for byte.

One archive is made per module from the demo with a sealed minutes PDF,
soft-deleted rows, groups and permissions and a queued task; each test
restores it into its own (emptied) installation.
"""

import gzip
import io
import json
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from paragraf.cases.models import Case, Document
from paragraf.cases.tasks import extract_document_text
from paragraf.demo import loader
from paragraf.documents.models import Rendition
from paragraf.documents.services import public_minutes
from paragraf.meetings.models import Location, MinutesVersion

NOT_RESTORED = {"sessions.session", "django_tasks_database.dbtaskresult"}
MATCHED_BY_NATURAL_KEY = {"contenttypes.contenttype", "auth.permission"}
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def every_row():
    """{model: [every row, every field, many-to-many included]} of the whole database."""
    rows = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in NOT_RESTORED:
            continue
        natural = label in MATCHED_BY_NATURAL_KEY
        objects = serializers.serialize(
            "python",
            model._base_manager.order_by("pk"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=natural,
        )
        rows[label] = sorted(objects, key=repr) if natural else objects
    return rows


def every_file(root):
    root = Path(root)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def build_installation():
    """The demo, plus what a demo does not have yet: a sealed PDF, soft deletions,
    a group with permissions, a task in the queue."""
    loader.load_demo()
    meeting = loader.seed_meeting()
    assert MinutesVersion.objects.filter(meeting=meeting).exists()
    sealed = public_minutes(meeting)
    assert sealed.sealed_at is not None
    Document.objects.order_by("pk").first().soft_delete()
    Case.objects.order_by("pk").last().soft_delete()
    group = Group.objects.create(name="Registratorer")
    group.permissions.set(Permission.objects.filter(codename__endswith="_case"))
    user = User.objects.create_user("registrator", password="x" * 12)  # noqa: S106
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="view_document"))
    extract_document_text.enqueue(Document.objects.order_by("pk").last().pk)


@dataclass
class Made:
    path: Path
    rows: dict
    files: dict


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("source-media")
    path = tmp_path_factory.mktemp("archive") / "paragraf.tar.gz"
    var = tmp_path_factory.getbasetemp() / "var"  # the session's test seal, as conftest.py
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, VAR_DIR=var, PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        build_installation()
        call_command("backup", str(path), stdout=io.StringIO())
        made = Made(path, every_row(), every_file(media))
        transaction.set_rollback(True)
    return made


def emptied_installation(settings):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def restore(path, *options):
    out = io.StringIO()
    call_command("restore", str(path), *options, stdout=out)
    return out.getvalue()


def test_the_demo_comes_back_whole_into_an_emptied_installation(made, db, settings, tmp_path):
    emptied_installation(settings)
    settings.VAR_DIR = tmp_path / "var"  # the search index is rebuilt here

    output = restore(made.path)

    assert every_row() == made.rows
    assert every_file(settings.MEDIA_ROOT) == made.files
    assert "Rebuilt the search index" in output
    assert (tmp_path / "var" / "search").is_dir()


def test_the_archive_holds_what_makes_the_records_and_nothing_derived(made, db, settings):
    # What the round trip above compares is really there to compare.
    rows = made.rows
    assert any(r["fields"]["deleted_at"] for r in rows["cases.document"])
    assert any(r["fields"]["deleted_at"] for r in rows["cases.case"])
    sealed = [r for r in rows["documents.rendition"] if r["fields"]["sealed_at"]]
    assert sealed and sealed[0]["fields"]["file"] in made.files
    assert made.files[sealed[0]["fields"]["file"]].startswith(b"%PDF")
    assert len(rows["core.auditentry"]) > 100
    assert rows["meetings.minutesversion"]
    with tarfile.open(made.path) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert not any("dbtaskresult" in name or "session" in name for name in names)
    assert set(manifest["members"]) == set(names) - {"manifest.json"}
    assert manifest["migrations"]["meetings"]
    assert manifest["rows"]["cases.document"] == len(rows["cases.document"])
    assert made.path.stat().st_mode & 0o777 == 0o600  # it holds non-public documents


def test_a_backup_that_cannot_be_written_says_so_and_leaves_nothing(db, tmp_path):
    with pytest.raises(CommandError, match="could not be written"):
        call_command("backup", str(tmp_path / "missing" / "b.tar.gz"), stdout=io.StringIO())
    folder = tmp_path / "full"
    folder.mkdir()
    call_command("backup", str(folder), stdout=io.StringIO())
    (archive,) = folder.iterdir()  # a dated name, and no leftover temporary file
    assert archive.name.startswith("paragraf-") and archive.name.endswith(".tar.gz")


def test_after_a_restore_new_records_get_new_ids_and_waiting_work_is_queued(made, db, settings):
    emptied_installation(settings)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    restore(made.path, "--no-search-index")

    highest = max(r["pk"] for r in made.rows["meetings.location"])
    assert Location.objects.create(description="Ny sal").pk > highest  # PostgreSQL's sequence
    # The queue is not restored; the documents waiting for text extraction are queued again.
    assert not Document.all_objects.filter(text_status=Document.TextStatus.PENDING).exists()


def rewrite(source, target, change):
    """Copy an archive, passing each member's (name, bytes) through `change`."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old:
            name, content = change(member.name, old.extractfile(member).read())
            info = tarfile.TarInfo(name)
            info.size = len(content)
            new.addfile(info, io.BytesIO(content))


def assert_nothing_written(settings):
    assert not User.objects.exists()
    assert not Rendition.objects.exists()
    assert every_file(settings.MEDIA_ROOT) == {}


def test_a_changed_file_in_the_archive_is_refused_before_anything_is_written(
    made, db, settings, tmp_path
):
    emptied_installation(settings)
    tampered = tmp_path / "tampered.tar.gz"

    def change(name, content):
        if name.startswith("media/renditions/"):
            content = content.replace(b"%PDF", b"%PDX", 1)
        return name, content

    rewrite(made.path, tampered, change)
    with pytest.raises(CommandError, match="checksum of 'media/renditions/.*does not match"):
        restore(tampered)
    assert_nothing_written(settings)


def test_a_changed_row_in_the_archive_is_refused(made, db, settings, tmp_path):
    emptied_installation(settings)
    tampered = tmp_path / "tampered.tar.gz"

    def change(name, content):
        if name.endswith("cases.case.jsonl"):
            content = content.replace(b'"is_public": false', b'"is_public": true')
        return name, content

    rewrite(made.path, tampered, change)
    with pytest.raises(CommandError, match="Nothing was restored.*cases.case.jsonl"):
        restore(tampered)
    assert_nothing_written(settings)


def test_a_truncated_archive_is_refused(made, db, settings, tmp_path):
    emptied_installation(settings)
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(made.path.read_bytes()[: made.path.stat().st_size // 2])
    with pytest.raises(CommandError, match="damaged or incomplete"):
        restore(cut)
    not_gzip = tmp_path / "notes.tar.gz"
    not_gzip.write_bytes(gzip.compress(b"just some notes"))
    with pytest.raises(CommandError, match="Nothing was restored"):
        restore(not_gzip)
    assert_nothing_written(settings)


def test_an_archive_from_a_newer_version_is_refused(made, db, settings, tmp_path):
    emptied_installation(settings)
    newer = tmp_path / "newer.tar.gz"

    def change(name, content):
        if name == "manifest.json":
            manifest = json.loads(content)
            manifest["migrations"]["meetings"].append("9999_from_the_future")
            content = json.dumps(manifest).encode()
        return name, content

    rewrite(made.path, newer, change)
    with pytest.raises(CommandError, match="newer version.*meetings.9999_from_the_future"):
        restore(newer)
    assert_nothing_written(settings)


def test_an_installation_with_data_is_kept_unless_forced(made, db, settings):
    emptied_installation(settings)
    restore(made.path, "--no-search-index")
    later = Location.objects.create(description="Sal efter säkerhetskopian")

    with pytest.raises(CommandError, match="not empty.*--force"):
        restore(made.path, "--no-search-index")
    assert Location.objects.filter(pk=later.pk).exists()

    restore(made.path, "--no-search-index", "--force")
    assert not Location.objects.filter(pk=later.pk).exists()
    assert every_row() == made.rows
    assert every_file(settings.MEDIA_ROOT) == made.files


def test_files_alone_make_an_installation_not_empty(made, db, settings):
    emptied_installation(settings)
    stray = Path(settings.MEDIA_ROOT) / "documents" / "kept.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.7 kept")
    with pytest.raises(CommandError, match="1 files in"):
        restore(made.path)
    assert stray.read_bytes() == b"%PDF-1.7 kept"
    assert not User.objects.exists()
