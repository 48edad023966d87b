"""The backup archive: one tar.gz with the data, the files and a manifest.

    data/001-auth.user.jsonl …      one JSON Lines file per model, in load order
    media/<path under MEDIA_ROOT>   every stored file, byte for byte
    manifest.json                   last: format, versions, migrations, row counts,
                                    and the SHA-256 and size of every other member

A restore reads the archive twice: first only to check every member against the
manifest (nothing is written), then to load it, checking again on the way.
"""

import hashlib
import io
import json
import os
import tarfile
import time
from pathlib import PurePosixPath

FORMAT = 1
MANIFEST = "manifest.json"
DATA = "data/"
MEDIA = "media/"


class ArchiveError(Exception):
    """The archive cannot be restored: corrupt, tampered with, or not ours."""


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class HashingReader(io.RawIOBase):
    """A read-only stream that hashes what passes through it."""

    def __init__(self, raw):
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.raw.read(len(buffer))
        self.digest.update(data)
        self.size += len(data)
        buffer[: len(data)] = data
        return len(data)

    def drain(self):
        while self.read(1 << 20):
            pass
        return self.digest.hexdigest(), self.size


class Writer:
    """Adds members to a new tar.gz and records their checksums for the manifest."""

    def __init__(self, path):
        # Readable by its owner only: the archive holds non-public documents.
        self.file = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
        self.tar = tarfile.open(fileobj=self.file, mode="w:gz", format=tarfile.PAX_FORMAT)  # noqa: SIM115
        self.members = {}

    def add_file(self, name, path):
        info = self.tar.gettarinfo(str(path), arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mode = 0o644
        with open(path, "rb") as handle:
            reader = HashingReader(handle)
            self.tar.addfile(info, reader)
        self.members[name] = {"sha256": reader.digest.hexdigest(), "size": info.size}

    def close(self, manifest):
        manifest = {**manifest, "format": FORMAT, "members": self.members}
        body = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(body)
        info.mode = 0o644
        info.mtime = int(time.time())
        self.tar.addfile(info, io.BytesIO(body))
        self.tar.close()
        self.file.close()

    def abandon(self):
        self.tar.close()
        self.file.close()


def safe_member_name(name):
    """A member name that stays inside its folder when restored, or ArchiveError."""
    path = PurePosixPath(name)
    if (
        path.is_absolute()
        or ".." in path.parts
        or "\\" in name
        or name != str(path)
        or not (name == MANIFEST or name.startswith((DATA, MEDIA)))
    ):
        raise ArchiveError(f"The archive holds an unexpected member {name!r}.")
    return name


def open_archive(path):
    try:
        return tarfile.open(path, "r:gz")  # noqa: SIM115
    except (OSError, tarfile.TarError) as error:
        raise ArchiveError(f"{path} is not a readable backup archive (tar.gz): {error}") from error


def verify(path):
    """Read the whole archive and check every member against the manifest.

    Returns the manifest. Raises ArchiveError, naming the first problem found,
    when a member is missing, extra, changed or truncated, or the archive is not
    a Paragraf backup. Writes nothing.
    """
    seen, manifest = {}, None
    try:
        with open_archive(path) as tar:
            for member in tar:
                name = safe_member_name(member.name)
                if not member.isreg():
                    raise ArchiveError(f"The archive member {name!r} is not a regular file.")
                if name in seen or (name == MANIFEST and manifest is not None):
                    raise ArchiveError(f"The archive holds {name!r} twice.")
                handle = tar.extractfile(member)
                if name == MANIFEST:
                    manifest = _read_manifest(handle)
                else:
                    seen[name] = HashingReader(handle).drain()
    except (OSError, EOFError, tarfile.TarError) as error:
        raise ArchiveError(f"The archive is damaged or incomplete: {error}") from error
    if manifest is None:
        raise ArchiveError("The archive has no manifest.json: it is not a Paragraf backup.")
    expected = manifest["members"]
    missing = sorted(set(expected) - set(seen))
    extra = sorted(set(seen) - set(expected))
    if missing:
        raise ArchiveError(f"The archive lacks members its manifest lists: {missing[:5]}")
    if extra:
        raise ArchiveError(f"The archive holds members its manifest does not list: {extra[:5]}")
    for name, (digest, size) in seen.items():
        if (digest, size) != (expected[name]["sha256"], expected[name]["size"]):
            raise ArchiveError(
                f"The checksum of {name!r} does not match the manifest: "
                "the archive is corrupt or has been changed."
            )
    return manifest


def _read_manifest(handle):
    try:
        manifest = json.loads(handle.read())
    except ValueError as error:
        raise ArchiveError(f"The archive's manifest.json is not valid JSON: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(
            f"The archive's format {manifest.get('format')!r} is not {FORMAT}: "
            "it was not made by this version of Paragraf's backup command."
            if isinstance(manifest, dict)
            else "The archive's manifest.json is not a Paragraf manifest."
        )
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
        isinstance(m, dict) and {"sha256", "size"} <= set(m) for m in members.values()
    ):
        raise ArchiveError("The archive's manifest.json lists no checksums.")
    for name in members:
        safe_member_name(name)
    return manifest
