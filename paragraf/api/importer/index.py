"""Which source object became which record here (the ImportedObject table).

Everything is read once into memory. What an object's import writes is kept
in a layer of its own until its transaction commits: a rolled-back object
leaves no trace in the index either.
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
        self.layers.append({})
        try:
            yield
        except BaseException:
            self.layers.pop()
            raise
        top = self.layers.pop()
        (self.layers[-1] if self.layers else self.entries).update(top)

    def get(self, url):
        key = digest(url)
        for layer in reversed(self.layers):
            if key in layer:
                return layer[key]
        return self.entries.get(key)

    def pk(self, url, model):
        """Our record's primary key for a source address, if it became a `model`."""
        entry = self.get(url)
        if entry is None or entry.content_type_id != ContentType.objects.get_for_model(model).pk:
            return None
        return entry.object_id

    def find(self, url, model):
        pk = self.pk(url, model)
        return model.all_objects.filter(pk=pk).first() if pk is not None else None

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
        if entry is not None and entry.pk is not None:
            ImportedObject.objects.filter(pk=entry.pk).update(**fields)
            pk = entry.pk
        else:
            pk = ImportedObject.objects.create(key=key, **fields).pk
        self.layers[-1][key] = Entry(pk, kind, content_type.pk, instance.pk, modified)

    def sources_of(self, model, object_ids):
        """{our pk: source address} of records of `model` among `object_ids`."""
        content_type = ContentType.objects.get_for_model(model)
        rows = ImportedObject.objects.filter(content_type=content_type, object_id__in=object_ids)
        return dict(rows.values_list("object_id", "source"))
