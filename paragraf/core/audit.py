"""The audit log: every change to a tracked model is written down.

A middleware tells the log who is acting; model signals write an AuditEntry
with the object's fields before and after. Code that runs outside a request
(management commands, the demo loader) is logged with no user.
"""

import contextvars
import json
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_delete, post_save, pre_save

from paragraf.core.models import AuditEntry

_actor = contextvars.ContextVar("paragraf_audit_actor", default=None)
_paused = contextvars.ContextVar("paragraf_audit_paused", default=False)
_meeting_of = {}


def snapshot(obj):
    data = {}
    for field in obj._meta.concrete_fields:
        value = field.value_from_object(obj)
        if hasattr(value, "name") and field.get_internal_type() == "FileField":
            value = value.name
        data[field.attname] = value
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _before(sender, instance, raw=False, **kwargs):
    if raw or _paused.get() or instance._state.adding or not instance.pk:
        instance._audit_before = None
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    instance._audit_before = snapshot(stored) if stored is not None else None


def _write(instance, action, before, after):
    user = _actor.get()
    meeting_id = _meeting_of[type(instance)](instance)
    AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        user_name=getattr(user, "username", "") if user is not None else "",
        action=action,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        meeting_id=meeting_id,
        before=before,
        after=after,
    )


def _saved(sender, instance, created, raw=False, **kwargs):
    if raw or _paused.get():
        return
    before = getattr(instance, "_audit_before", None)
    after = snapshot(instance)
    if created:
        _write(instance, AuditEntry.Action.CREATE, None, after)
    elif before != after:
        deleted = before and not before.get("deleted_at") and after.get("deleted_at")
        action = AuditEntry.Action.DELETE if deleted else AuditEntry.Action.UPDATE
        _write(instance, action, before, after)


def _deleted(sender, instance, **kwargs):
    if _paused.get():
        return
    _write(instance, AuditEntry.Action.DELETE, snapshot(instance), None)


def record_change(instance, before):
    """Log a change written without save() (a bulk move, say): `before` is the
    instance's snapshot() taken before the change; the row is read again now."""
    if _paused.get():
        return
    stored = type(instance)._base_manager.filter(pk=instance.pk).first()
    after = snapshot(stored) if stored is not None else None
    if after != before:
        _write(stored or instance, AuditEntry.Action.UPDATE, before, after)


def track(model, meeting=lambda obj: None):
    """Log every change to `model`; `meeting` gives the meeting it belongs to."""
    _meeting_of[model] = meeting
    uid = f"audit-{model._meta.label}"
    pre_save.connect(_before, sender=model, dispatch_uid=uid)
    post_save.connect(_saved, sender=model, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid)


class AuditMiddleware:
    """Names the logged-in user as the actor of every change in the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _actor.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)


@contextmanager
def untracked():
    """No entry per change inside the block: for a bulk job (the OParl import)
    that writes its own summary entries instead."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def acting_as(user):
    """For code outside a request: `with acting_as(user): …`."""
    from contextlib import contextmanager

    @contextmanager
    def block():
        token = _actor.set(user)
        try:
            yield
        finally:
            _actor.reset(token)

    return block()
