"""Parents' `modified`, kept in step once per imported object.

paragraf.meetings.signals and paragraf.api.signals touch a meeting (or case,
person, body) on every save of something it shows or embeds: an imported
meeting of ten items would be touched some forty times. During an import
those receivers are set aside (`set_aside`), and the runner touches each
affected parent once, when the object that changed it is written (`touch`),
in the same transaction.
"""

from contextlib import contextmanager
from weakref import ReferenceType

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from paragraf.cases.models import Case
from paragraf.meetings.models import Meeting
from paragraf.organisation.models import Body, Person

# Receivers that only touch parents' `modified`; the rules below do their work.
# And the e-mail alerts: an import brings history (years of agendas and minutes),
# not news, so it must not mail every subscriber about each imported meeting.
SET_ASIDE_MODULES = {"paragraf.meetings.signals", "paragraf.api.signals", "paragraf.alerts.signals"}


def _module_of(entry):
    receiver = entry[1]  # (lookup key, receiver or a weak reference to it, …)
    if isinstance(receiver, ReferenceType):
        receiver = receiver()
    return getattr(receiver, "__module__", None)


@contextmanager
def set_aside():
    """Without the parent-touching receivers inside the block (this process)."""
    removed = []
    for signal in (post_save, post_delete):
        with signal.lock:
            ours = [r for r in signal.receivers if _module_of(r) in SET_ASIDE_MODULES]
            signal.receivers = [r for r in signal.receivers if r not in ours]
            signal.sender_receivers_cache.clear()
        removed.append((signal, ours))
    try:
        yield
    finally:
        for signal, ours in removed:
            with signal.lock:
                signal.receivers = [*signal.receivers, *ours]
                signal.sender_receivers_cache.clear()


def _now(queryset):
    queryset.update(modified=timezone.now())


def _meetings_showing_case(case):
    return Meeting.all_objects.filter(
        Q(items__case=case) | Q(items__document_links__document__case=case)
    )


def _cases_of_meeting(meeting):
    return Case.all_objects.filter(
        Q(agenda_items__meeting=meeting) | Q(documents__agenda_links__agenda_item__meeting=meeting)
    )


def touch(kind, instance, cases=None):
    """Touch what the receivers would have touched for `instance` (a `kind`
    of the source) and everything it embeds. `cases`: a new meeting's, known
    already."""
    if kind == "Body":
        _now(Body.all_objects.filter(pk=instance.pk))  # its terms
        _now(Meeting.all_objects.filter(committee__body=instance))  # every page's header
    elif kind == "LegislativeTerm":
        _now(Body.all_objects.filter(pk=instance.body_id))
    elif kind == "Organization":
        _now(Meeting.all_objects.filter(committee=instance))
    elif kind == "Location":
        _now(Meeting.all_objects.filter(location=instance))
    elif kind == "Person":
        _now(Person.all_objects.filter(pk=instance.pk))  # its memberships
    elif kind == "Membership":
        _now(Person.all_objects.filter(pk=instance.person_id))
    elif kind == "Meeting":
        _now(Meeting.all_objects.filter(pk=instance.pk))  # its items, paragraphs, files
        if cases is None:
            _now(Case.all_objects.filter(pk__in=_cases_of_meeting(instance).values("pk")))
        elif cases:
            _now(Case.all_objects.filter(pk__in=cases))
    elif kind == "Paper":
        _now(Case.all_objects.filter(pk=instance.pk))  # its files
        _now(Meeting.all_objects.filter(pk__in=_meetings_showing_case(instance).values("pk")))
