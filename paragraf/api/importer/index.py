"""Which source object became which record here (the ImportedObject table).

Everything is read once into memory. What an object's import writes is kept
in a layer of its own until its transaction commits: a rolled-back object
leaves no trace in the index either. New rows are written together, once per
outermost object (`flush`), inside its transaction.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from paragraf.api.importer.fetching import digest
from paragraf.api.models import ImportedObject


@dataclass
class Entry:
    pk: int | None
    kind: str
    content_type_id: int
    object_id: int
    modified: str
    instance: object = None  # the record, once read or written in this run


class Index:
    def __init__(self):
        self.entries = {}
        self.layers = []
        for row in ImportedObject.objects.all().iterator():
            self.entries[row.key] = Entry(
                row.pk, row.kind, row.content_type_id, row.object_id, row.source_modified
            )

    @contextmanager
    def layer(self):
        self.layers.append(({}, {}))  # entries, and rows not written yet, by key
        try:
            yield
        except BaseException:
            self.layers.pop()
            raise
        entries, rows = self.layers.pop()
        if self.layers:
            self.layers[-1][0].update(entries)
            self.layers[-1][1].update(rows)
        else:
            assert not rows, "flush() inside the transaction"
            self.entries.update(entries)

    def get(self, url):
        key = digest(url)
        for entries, _rows in reversed(self.layers):
            if key in entries:
                return entries[key]
        return self.entries.get(key)

    def pk(self, url, model):
        """Our record's primary key for a source address, if it became a `model`."""
        entry = self.get(url)
        if entry is None or entry.content_type_id != ContentType.objects.get_for_model(model).pk:
            return None
        return entry.object_id

    def find(self, url, model):
        """Our record for `url` as the database has it now (to be written anew)."""
        pk = self.pk(url, model)
        return model.all_objects.filter(pk=pk).first() if pk is not None else None

    def instance(self, url, model):
        """Our record for `url`, to refer to: read once per run (or the one
        written in this run), then kept."""
        pk = self.pk(url, model)
        if pk is None:
            return None
        entry = self.get(url)
        if not isinstance(entry.instance, model) or entry.instance.pk != pk:
            entry.instance = model.all_objects.filter(pk=pk).first()
        return entry.instance

    def remember(self, url, kind, instance, modified):
        """Write down (in the open transaction) that `url` became `instance`."""
        key = digest(url)
        content_type = ContentType.objects.get_for_model(type(instance))
        entry = self.get(url)
        fields = {
            "source": url,
            "kind": kind,
            "content_type": content_type,
            "object_id": instance.pk,
            "source_modified": modified,
        }
        entries, rows = self.layers[-1]
        if entry is not None and entry.pk is not None:
            ImportedObject.objects.filter(pk=entry.pk).update(**fields)
        else:
            rows[key] = ImportedObject(key=key, **fields)
        pk = entry.pk if entry is not None else None
        entries[key] = Entry(pk, kind, content_type.pk, instance.pk, modified, instance)

    def flush(self):
        """Write the new rows of the outermost layer (in its transaction)."""
        entries, rows = self.layers[-1]
        ImportedObject.objects.bulk_create(rows.values())
        for key, row in rows.items():
            entries[key].pk = row.pk
        rows.clear()

    def sources_of(self, model, object_ids):
        """{our pk: source address} of records of `model` among `object_ids`."""
        content_type = ContentType.objects.get_for_model(model)
        rows = ImportedObject.objects.filter(content_type=content_type, object_id__in=object_ids)
        return dict(rows.values_list("object_id", "source"))
