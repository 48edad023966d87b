"""The search indexes: embedded Tantivy indexes, derived copies of the database.

Two indexes live under VAR_DIR/search/: `public`, with only what the public may
see (so no query can ever find a non-public text there), and `members`, with
only what a committee's members may read on the portal besides, each entry
tagged with its committee. `entries.py` says what goes into each.

`rebuild()` writes both afresh into new folders and swaps a symlink to each in
one rename, so a reader sees either the old index or the new one, never half.
`update()` re-indexes a few meetings and documents in place (the task in
`tasks.py` calls it when they change). Tantivy allows one writer per index, so
both take the same file lock: an update waits for a rebuild and then writes into
the new index, reading the database only once it holds the lock, so neither
loses the other's work.
"""

import datetime
import fcntl
import logging
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path

import tantivy
from django.conf import settings

from paragraf.search import entries
from paragraf.search.entries import Entry, Kind  # noqa: F401 - part of this module's API

logger = logging.getLogger(__name__)

PUBLIC = "public"
MEMBERS = "members"
NAMES = (PUBLIC, MEMBERS)
ANALYZER = "sv_stem"
# Raised whenever the fields change: an index of another version is not read.
SCHEMA_VERSION = "2"
VERSION_FILE = "paragraf-schema"
UPDATE_HEAP = 50_000_000


class SearchUnavailable(Exception):
    """The index folder is missing, unreadable or of an older version: rebuild it."""


def analyzer():
    """Words as the index stores them: lowercased, Swedish stems, no giant tokens."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(100))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("swedish"))
        .build()
    )


ANALYZE = analyzer()


def schema():
    builder = tantivy.SchemaBuilder()
    # What an update deletes by: meeting:<pk> or document:<pk>.
    builder.add_text_field("scope", stored=True, tokenizer_name="raw")
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("kind", stored=True, tokenizer_name="raw")
    builder.add_text_field("committee", stored=True, tokenizer_name="raw")
    for shown_only in ("committee_name", "label", "url", "reference"):
        builder.add_text_field(shown_only, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title", stored=True, tokenizer_name=ANALYZER)
    builder.add_text_field("text", stored=True, tokenizer_name=ANALYZER)
    builder.add_text_field("case", stored=False, tokenizer_name=ANALYZER)
    # The meeting's day as YYYYMMDD: ranges and sorting on one fast integer.
    builder.add_integer_field("day", stored=True, indexed=True, fast=True)
    return builder.build()


SCHEMA = schema()


def document(entry):
    return tantivy.Document(
        scope=entry.scope,
        key=entry.key,
        kind=entry.kind,
        committee=entry.committee,
        committee_name=entry.committee_name,
        label=entry.label,
        url=entry.url,
        reference=entry.reference,
        title=entry.title,
        text=entry.text,
        case=entry.case,
        day=day_number(entry.day),
    )


def day_number(day):
    return day.year * 10000 + day.month * 100 + day.day


def number_day(number):
    return datetime.date(number // 10000, number // 100 % 100, number % 100)


SOURCES = {PUBLIC: entries.public_entries, MEMBERS: entries.members_entries}


def folder():
    return Path(settings.VAR_DIR) / "search"


def index_path(name=PUBLIC):
    return folder() / name


@contextmanager
def writing():
    """Hold the one writer's lock of the search folder (released if the process dies)."""
    base = folder()
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _writer(index, heap):
    threads = getattr(settings, "SEARCH_WRITER_THREADS", 0) or min(os.cpu_count() or 1, 4)
    return index.writer(max(heap, 20_000_000 * threads), threads)


def rebuild():
    """Write both indexes afresh and swap them in; returns how many entries in all."""
    return sum(rebuild_counts().values())


def rebuild_counts():
    """Like rebuild(), with the number of entries per index: {"public": n, "members": m}."""
    heap = getattr(settings, "SEARCH_WRITER_HEAP", 512_000_000)
    with writing():
        base = folder()
        counts, fresh = {}, {}
        try:
            for name in NAMES:
                fresh[name] = base / f"{name}-{uuid.uuid4().hex}"
                share = heap if name == PUBLIC else heap // 4
                counts[name] = _write(fresh[name], SOURCES[name](), share)
        except BaseException:
            for path in fresh.values():
                shutil.rmtree(path, ignore_errors=True)
            raise
        for name in NAMES:
            _swap(base, name, fresh[name])
    return counts


def _write(path, found, heap):
    path.mkdir()
    index = tantivy.Index(SCHEMA, path=str(path))
    index.register_tokenizer(ANALYZER, ANALYZE)
    writer = _writer(index, heap)
    count = 0
    for entry in found:
        writer.add_document(document(entry))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    (path / VERSION_FILE).write_text(SCHEMA_VERSION)
    return count


def _swap(base, name, fresh):
    link = base / name
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a folder from an older layout
    temporary = base / f".{name}-{uuid.uuid4().hex}"
    temporary.symlink_to(fresh.name)
    os.replace(temporary, link)  # atomic: readers open the old or the new index
    # Earlier builds, and any left by a rebuild that died. Open readers keep their
    # files: the data lives on until they close.
    for old in base.glob(f"{name}-*"):
        if old != fresh:
            shutil.rmtree(old, ignore_errors=True)


def update(meetings=(), documents=()):
    """Re-index these meetings (their items and paragraphs) and documents (pks) in
    both indexes: their old entries go, the current ones come, one commit each.
    Returns the number of entries written; an index that is missing is left to
    the rebuild command."""
    meetings, documents = sorted(set(meetings)), sorted(set(documents))
    if not folder().is_dir():
        logger.warning("No search index under %s: run rebuild_search_index", folder())
        return 0
    written = 0
    with writing():
        for name in NAMES:
            try:
                path = _current(name)
            except SearchUnavailable as error:
                logger.warning("Search index %s not updated: %s", name, error)
                continue
            written += _replace(path, SOURCES[name](meetings, documents), meetings, documents)
    return written


def _replace(path, found, meetings, documents):
    index = tantivy.Index.open(str(path))
    index.register_tokenizer(ANALYZER, ANALYZE)
    writer = index.writer(UPDATE_HEAP, 1)
    for pk in meetings:
        writer.delete_documents_by_term("scope", entries.meeting_scope(pk))
    for pk in documents:
        writer.delete_documents_by_term("scope", entries.document_scope(pk))
    count = 0
    for entry in found:
        writer.add_document(document(entry))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count


def _current(name):
    """The real folder of the index `name`, checked to be of this version."""
    try:
        real = index_path(name).resolve(strict=True)
        version = (real / VERSION_FILE).read_text().strip()
    except OSError as error:
        raise SearchUnavailable(str(error)) from error
    if version != SCHEMA_VERSION:
        raise SearchUnavailable(f"{real} is of version {version}, not {SCHEMA_VERSION}")
    return real


_opened = {}


def open_index(name=PUBLIC):
    """The current index, opened once per rebuild and reloaded after each update."""
    real = _current(name)
    try:
        meta = (real / "meta.json").stat()
        stamp = (meta.st_mtime_ns, meta.st_size, meta.st_ino)
        cached = _opened.get(name)
        if cached is not None and cached[0] == real:
            index = cached[2]
            if cached[1] != stamp:
                index.reload()
                _opened[name] = (real, stamp, index)
            return index
        index = tantivy.Index.open(str(real))
        index.register_tokenizer(ANALYZER, ANALYZE)
        _opened[name] = (real, stamp, index)
        return index
    except (OSError, ValueError) as error:
        raise SearchUnavailable(str(error)) from error
