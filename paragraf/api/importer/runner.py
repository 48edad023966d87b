"""Walking an OParl source: System, Body, the Body's lists page by page.

Each object is imported in its own transaction (embedded objects in a
savepoint inside their parent's), so a bad object is logged and skipped and
nothing of it stays half-written; the walk goes on with the next one.

A bulk job writes no audit entry per record: each imported or deleted
meeting gets one entry (its history says it came from the source), and
import_oparl writes one for the run. The parents' `modified` is touched once
per object (parents.py), not on every save of what it embeds.
"""

import logging
from collections import Counter
from contextlib import nullcontext

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction

from paragraf.api.importer import meetings, organisation, papers, parents
from paragraf.api.importer.fetching import FetchError
from paragraf.api.importer.index import Index
from paragraf.api.importer.values import Malformed, Reader, kind_of, parse_moment
from paragraf.core.audit import untracked
from paragraf.core.models import AuditEntry
from paragraf.meetings.models import AgendaItem, Meeting, correcting
from paragraf.organisation.models import Body

logger = logging.getLogger("paragraf.api.importer")

MAPPERS = {
    "Body": organisation.body,
    "LegislativeTerm": organisation.term,
    "Organization": organisation.organization,
    "Person": organisation.person,
    "Membership": organisation.membership,
    "Location": meetings.location,
    "Meeting": meetings.meeting,
    "Paper": papers.paper,
    "File": papers.file,
}
# A Body's lists, in the order that lets references be found: committees
# before memberships, papers before the meetings whose items consult them.
# Its agendaItem, consultation and file lists repeat what meetings and papers
# embed, so they are not read.
BODY_LISTS = [
    ("legislativeTermList", "LegislativeTerm"),
    ("organization", "Organization"),
    ("person", "Person"),
    ("membership", "Membership"),
    ("locationList", "Location"),
    ("paper", "Paper"),
    ("meeting", "Meeting"),
]
MAX_PAGES = 100_000


class Runner:
    def __init__(self, fetcher, since=None, progress=None):
        self.fetcher = fetcher
        self.since = since
        self.progress = progress
        self.index = Index()
        self.counts = Counter()
        self.problems = []
        self.notes = []
        self.body = None
        self.saved_files = []
        self.open = []  # the objects being imported, outermost first
        self.done = set()
        self.latest = None  # the latest `modified` met, by the source's clock

    # Reporting

    def problem(self, where, message):
        text = f"{where}: {message}" if where else message
        self.problems.append(text)
        logger.warning("%s", text)
        for frame in self.open:
            frame["complete"] = False

    def tick(self, outcome):
        self.counts[outcome] += 1
        if self.progress is not None:
            self.progress.update(1)

    # The walk

    def run(self, start):
        with untracked(), parents.set_aside():
            self._run(start)

    def _run(self, start):
        try:
            data = self.fetcher.json(start)
        except FetchError as error:
            self.problem("", str(error))
            return
        kind = kind_of(data)
        if kind == "System":
            bodies = data.get("body")
            if not isinstance(bodies, str):
                self.problem(start, "the System has no body list")
                return
            # The bodies are always read in full: their lists are where changes are found.
            for obj in self.pages(bodies, since=False):
                self.walk_body(obj)
        elif kind == "Body":
            self.walk_body(data)
        else:
            self.problem(start, f"neither a System nor a Body but {kind or 'no OParl object'}")

    def walk_body(self, data):
        self.body = self.one("Body", data, want=True)
        if self.body is None or not isinstance(data, dict) or data.get("deleted") is True:
            return
        terms = data.get("legislativeTerm")
        for term in terms if isinstance(terms, list) else []:
            self.one("LegislativeTerm", term)
        for key, kind in BODY_LISTS:
            url = data.get(key)
            if isinstance(url, str):
                for obj in self.pages(url):
                    self.one(kind, obj)
            elif url is not None:
                self.problem(data.get("id"), f"{key} is not an address")

    def pages(self, url, since=True):
        """The objects of a list, following links.next, each page once."""
        params = {"modified_since": self.since.isoformat()} if since and self.since else None
        seen = set()
        for _n in range(MAX_PAGES):
            if url in seen:
                self.problem(url, "the list's pages lead back to themselves; stopped")
                return
            seen.add(url)
            try:
                page = self.fetcher.json(url, params)
            except FetchError as error:
                self.problem("", str(error))
                return
            if not isinstance(page, dict) or not isinstance(page.get("data"), list):
                self.problem(url, "not a list page (no data)")
                return
            for obj in page["data"]:
                if isinstance(obj, str):
                    obj = self.fetch(obj)
                if obj is not None:
                    yield obj
            links = page.get("links")
            following = links.get("next") if isinstance(links, dict) else None
            if not isinstance(following, str) or not following:
                return
            url = following

    def fetch(self, url):
        try:
            return self.fetcher.json(url)
        except FetchError as error:
            self.problem("", str(error))
            return None

    def current_body(self):
        """The body being imported, for the objects that belong to it."""
        if not isinstance(self.body, Body):
            raise Malformed("no body to import into")
        return self.body

    # One object

    def one(self, kind, data, mapper=None, want=False):
        """Import one object (with what it embeds); its record, or None.

        An object known with the same `modified` is not touched again; with
        `want`, its record is still looked up and returned.
        """
        where = data.get("id") if isinstance(data, dict) else None
        if not isinstance(data, dict):
            self.problem(where, f"a {kind} that is not an object")
            self.tick("skipped")
            return None
        found = kind_of(data)
        if found != kind:
            self.problem(where, f"expected a {kind}, found {found or 'no type'}")
            self.tick("skipped")
            return None
        if not isinstance(where, str) or not where:
            self.problem(None, f"a {kind} without id")
            self.tick("skipped")
            return None
        if (where, kind) in self.done:
            return self._known(where) if want else None
        self.done.add((where, kind))
        modified = data.get("modified") if isinstance(data.get("modified"), str) else ""
        moment = parse_moment(modified)
        if moment is not None and (self.latest is None or moment > self.latest):
            self.latest = moment
        entry = self.index.get(where)
        if data.get("deleted") is True:
            self._delete(where, entry)
            return None
        if entry is not None and modified and entry.modified == modified:
            self.tick("unchanged")
            return self._known(where) if want else None
        frame = {"complete": True}
        files_before = len(self.saved_files)
        self.open.append(frame)
        try:
            with self.index.layer(), transaction.atomic():
                reader = Reader(data, self.notes)
                instance = (mapper or MAPPERS[kind])(self, reader)
                self.index.remember(where, kind, instance, modified if frame["complete"] else "")
                if mapper is None:  # an object of its own, not one its parent embeds
                    parents.touch(kind, instance, frame.get("cases"))
                    _history(instance, where, entry is None)
                if len(self.open) == 1:
                    self.index.flush()
        except (Malformed, ValidationError, FetchError, DatabaseError) as error:
            self._forget_files(files_before)
            self.open.pop()
            self.problem(where, _message(error))
            self.tick("skipped")
            return None
        except Exception as error:  # never a crash: the next object may be fine
            logger.exception("Importing %s failed", where)
            self._forget_files(files_before)
            self.open.pop()
            self.problem(where, f"{type(error).__name__}: {error}")
            self.tick("skipped")
            return None
        self.open.pop()
        if not frame["complete"]:
            for outer in self.open:
                outer["complete"] = False
        self.tick("updated" if entry is not None else "created")
        return instance

    def _known(self, url):
        entry = self.index.get(url)
        if entry is None:
            return None
        return self.index.instance(
            url, ContentType.objects.get_for_id(entry.content_type_id).model_class()
        )

    def ref(self, url, model, kind):
        """Our record for a reference: known already, or fetched and imported now."""
        if not url:
            return None
        found = self.index.instance(url, model)
        if found is not None or (url, kind) in self.done:
            return found
        data = self.fetch(url)
        if data is None:
            return None
        instance = self.one(kind, data, want=True)
        return instance if isinstance(instance, model) else None

    def _delete(self, url, entry):
        if entry is None:
            self.tick("unchanged")
            return
        instance = self._known(url)
        if instance is None or getattr(instance, "deleted_at", None) is not None:
            self.tick("unchanged")
            return
        try:
            with transaction.atomic(), _unlocked(instance):
                instance.soft_delete()
                parents.touch(entry.kind, instance)
                _history(instance, url, deleted=True)
        except (ValidationError, DatabaseError) as error:
            self.problem(url, f"could not be deleted: {_message(error)}")
            self.tick("skipped")
            return
        logger.info("%s deleted at the source; deleted here", url)
        self.tick("deleted")

    # Stored files of objects that were rolled back

    def stored(self, name):
        self.saved_files.append(name)

    def _forget_files(self, mark):
        for name in self.saved_files[mark:]:
            try:
                default_storage.delete(name)
            except OSError:
                logger.warning("Could not remove %s after a failed import", name)
        del self.saved_files[mark:]


def _history(instance, source, created=False, deleted=False):
    """A meeting's entry in the audit log for what the import did to it."""
    if not isinstance(instance, Meeting):
        return
    action = AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE
    AuditEntry.objects.create(
        action=AuditEntry.Action.DELETE if deleted else action,
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        meeting_id=instance.pk,
        after={"imported_from": source},
    )


def _unlocked(instance):
    if isinstance(instance, Meeting):
        return correcting(instance)
    if isinstance(instance, AgendaItem):
        return correcting(instance.meeting)
    return nullcontext()


def _message(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)
