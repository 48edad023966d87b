"""Shared by the meeting pages: who is at the meeting, and saying "saved"."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from paragraf.meetings.models import Attendance
from paragraf.organisation.models import Person
from paragraf.portal.views.errors import NotFound


def item_of(meeting, item):
    """The two URL objects must belong together."""
    if item.meeting_id != meeting.pk:
        raise NotFound(_("There is no such item."))
    return item


def present_people(meeting):
    ids = Attendance.objects.filter(meeting=meeting, present=True).values_list("person_id")
    return list(Person.objects.filter(pk__in=ids))


def saved_at():
    return _("Saved at %(time)s") % {"time": timezone.localtime().strftime("%H.%M")}


def saved(request, url):
    """POST/redirect/GET with a "Saved" message: reloading the page sends nothing twice."""
    messages.success(request, _("Saved"))
    return redirect(url)


def refused(request, error, url):
    messages.error(request, " ".join(error.messages))
    return redirect(url)
