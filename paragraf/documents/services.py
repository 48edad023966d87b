"""The public PDFs of a meeting, made when first asked for and again when stale.

A meeting's notice and bundle follow its agenda: a rendition older than the
meeting's last change is replaced by a new version. The minutes follow their
versions: verification is version 1, each correction one more, each sealed.
Old versions are kept and marked replaced, never deleted.
"""

from django.db import transaction
from django.db.models import Max

from paragraf.documents import bundle, render
from paragraf.documents.models import Rendition
from paragraf.meetings.models import Meeting

PUBLIC = Rendition.Audience.PUBLIC


def _current(meeting, kind, audience=PUBLIC):
    return (
        Rendition.objects.current()
        .filter(meeting=meeting, kind=kind, audience=audience, paragraph=None)
        .order_by("-version")
        .first()
    )


def _lock(meeting):
    # One maker at a time per meeting: two first visitors must not both render.
    return Meeting.all_objects.select_for_update().get(pk=meeting.pk)


def minutes_version(meeting):
    return meeting.minutes_versions.aggregate(n=Max("number"))["n"] or 1


def public_minutes(meeting):
    """The sealed public minutes of the meeting's current version."""
    version = minutes_version(meeting)
    current = _current(meeting, Rendition.Kind.MINUTES)
    if current and current.sealed_at and current.version >= version:
        return current
    with transaction.atomic():
        meeting = _lock(meeting)
        current = _current(meeting, Rendition.Kind.MINUTES)
        if current and current.sealed_at and current.version >= version:
            return current
        # pyhanko takes seconds to import: only a process that seals pays for it.
        from paragraf.documents.seal import seal_minutes

        return seal_minutes(meeting, render.render_minutes(meeting, PUBLIC), version)


def _agenda_document(meeting, kind, make):
    current = _current(meeting, kind)
    if current and current.created >= meeting.modified:
        return current
    with transaction.atomic():
        meeting = _lock(meeting)
        current = _current(meeting, kind)
        if current and current.created >= meeting.modified:
            return current
        version = current.version + 1 if current else 1
        return render.store_rendition(meeting, kind, PUBLIC, make(meeting), version=version)


def public_notice(meeting):
    return _agenda_document(
        meeting, Rendition.Kind.NOTICE, lambda m: render.render_notice(m, PUBLIC)
    )


def public_bundle(meeting):
    return _agenda_document(
        meeting,
        Rendition.Kind.BUNDLE,
        lambda m: bundle.build_bundle(m, render.render_notice(m, PUBLIC)),
    )
