"""The database half of a backup: which rows, in which order, in which format.

Rows are written with Django's serializer as JSON Lines, one file per model,
streamed from the database. Foreign keys to content types, permissions, users
and groups are written as natural keys, and content types and permissions by
their natural keys alone, so the data loads into a database whose automatically
made rows have other ids (SQLite to PostgreSQL and back). Every other row keeps
its primary key: the audit log and the public API refer to records by id.
"""

import datetime
from contextlib import contextmanager

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import signals

# Not backed up, and why:
SKIPPED = {
    # Sessions: a restored installation asks everyone to log in again.
    "sessions.session",
    # The task queue and its results. Work waiting in it (text extraction) is
    # queued again after a restore; finished results are a log that is pruned anyway.
    "django_tasks_database.dbtaskresult",
}
# Made by `migrate` in every installation; written by natural key, matched on load.
BY_NATURAL_KEY = {"contenttypes.contenttype", "auth.permission"}

CHUNK = 2000


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def label(model):
    return model._meta.label_lower


def backed_up_models():
    """Every concrete model except the skipped ones, parents before the rows that
    refer to them by natural key (the order Django's dumpdata uses)."""
    app_list = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or label(model) in SKIPPED:
            continue
        app_list.setdefault(apps.get_app_config(meta.app_label), []).append(model)
    return serializers.sort_dependencies(app_list.items(), allow_cycles=True)


def write_rows(model, stream):
    """Write every row of the model, soft-deleted ones too; returns the count."""
    queryset = model._base_manager.order_by("pk")
    count = queryset.count()
    serializer = serializers.get_serializer("jsonl")()
    serializer.serialize(
        queryset.iterator(chunk_size=CHUNK),
        stream=stream,
        cls=ExactJSONEncoder,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=label(model) in BY_NATURAL_KEY,
    )
    return count


def load_rows(stream):
    """Save every object in a JSON Lines stream as it is (no save(), no signals
    from the caller's muted block); returns the models touched and the count.

    Rows go in by bulk INSERT, 500 at a time, with automatic timestamps left as
    stored; rows matched by natural key, and rows with many-to-many links, one
    by one as Django's loaddata does.
    """
    touched, count, batch = set(), 0, []
    for obj in serializers.deserialize("jsonl", stream, handle_forward_references=False):
        model = type(obj.object)
        touched.add(model)
        count += 1
        if label(model) in BY_NATURAL_KEY or model._meta.parents or any(obj.m2m_data.values()):
            _insert(batch)
            obj.save()
        else:
            batch.append(obj.object)
            if len(batch) >= CHUNK // 4:
                _insert(batch)
    _insert(batch)
    return touched, count


def _insert(batch):
    if not batch:
        return
    model = type(batch[0])
    timestamps = [
        field
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in timestamps]
    try:
        for field in timestamps:  # keep the stored times, as a raw save does
            field.auto_now = field.auto_now_add = False
        model._base_manager.bulk_create(batch)
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
    batch.clear()


@contextmanager
def signals_muted():
    """No model signal handlers while rows are loaded: the rows already hold what
    the handlers would derive (a meeting's `modified`, the audit log), and a
    handler must not add audit entries or touch other rows on the way in."""
    muted = [
        signals.pre_save,
        signals.post_save,
        signals.pre_delete,
        signals.post_delete,
        signals.m2m_changed,
    ]
    saved = [(signal, signal.receivers) for signal in muted]
    for signal in muted:
        signal.receivers = []
        signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        for signal, receivers in saved:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def existing_rows():
    """{model label: rows} of the models a restore would fill, where there are rows.

    Content types and permissions don't count: `migrate` makes them everywhere.
    Tables not yet made (a database never migrated) count as empty.
    """
    tables = set(connection.introspection.table_names())
    found = {}
    for model in backed_up_models():
        if label(model) in BY_NATURAL_KEY or model._meta.db_table not in tables:
            continue
        rows = model._base_manager.count()
        if rows:
            found[label(model)] = rows
    return found


def empty_database():
    """Delete every row of every table (as `manage.py flush` does), then let the
    apps make their content types and permissions again."""
    from django.core.management.sql import emit_post_migrate_signal, sql_flush

    statements = sql_flush(no_style(), connection, reset_sequences=True, allow_cascade=False)
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with deferred checks still pending in this
        # transaction (rows written earlier in it): run those checks now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    connection.ops.execute_sql_flush(statements)
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)


def reset_sequences(models):
    """PostgreSQL: the next id after the highest loaded one (SQLite needs nothing)."""
    tables = set(connection.introspection.table_names())
    models = [model for model in models if model._meta.db_table in tables]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


@contextmanager
def snapshot():
    """Read every table as of one moment, without stopping anyone writing.

    PostgreSQL: a read-only repeatable-read transaction. SQLite: a deferred read
    transaction (WAL lets writers go on; Django's own BEGIN IMMEDIATE would stop them).
    Inside an open transaction (tests) the caller's transaction is the snapshot.
    """
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("COMMIT")
