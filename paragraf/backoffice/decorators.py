"""`@requires(action)`: the gate of every back-office view.

It sends anonymous visitors to the log-in page, turns each URL argument (by
its name: meeting, item, case …) into its object through the loaders below,
checks the user's role for the object's committee, and only then calls the
view with the objects. Put method decorators (require_POST …) *inside* it,
so a user without the role gets 403 whatever the method.

The permission test walks every back-office URL and reads `required_action`
from its view, so a view without this decorator fails that test.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from paragraf.accounts.permissions import can, committees_for
from paragraf.backoffice import access
from paragraf.meetings import models as meetings
from paragraf.noticeboard.models import Notice
from paragraf.portal.views.errors import NotFound


def _child(model, committee_path):
    """A loader for objects that reach their committee through `committee_path`."""

    def load(user, pk, action):
        obj = model.objects.select_related(committee_path).filter(pk=pk).first()
        if obj is None:
            raise NotFound(_("There is no such object."))
        committee = obj
        for part in committee_path.split("__"):
            committee = getattr(committee, part)
        if not can(user, action, committee):
            raise PermissionDenied(_("You do not have that role in %(c)s.") % {"c": committee})
        return obj

    return load


LOADERS = {
    "committee": access.committee_for,
    "meeting": access.meeting_for,
    "item": access.item_for,
    "case": access.case_for,
    "document": access.document_for,
    "decision": access.delegated_decision_for,
    "motion": _child(meetings.Motion, "item__meeting__committee"),
    "vote": _child(meetings.Vote, "item__meeting__committee"),
    "reservation": _child(meetings.Reservation, "item__meeting__committee"),
    "note": _child(meetings.RecordedNote, "item__meeting__committee"),
    "conflict": _child(meetings.Conflict, "item__meeting__committee"),
    "attendance": _child(meetings.Attendance, "meeting__committee"),
    "approval": _child(meetings.Approval, "meeting__committee"),
    "notice": _child(Notice, "committee"),
}


def requires(action):
    def decorate(view):
        @wraps(view)
        def gate(request, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            objects = {}
            for name, value in kwargs.items():
                if name not in LOADERS:
                    raise LookupError(f"No loader for the URL argument {name!r}")
                objects[name] = LOADERS[name](request.user, value, action)
            if not objects and not committees_for(request.user, action).exists():
                raise PermissionDenied(_("You have no role that allows this."))
            return view(request, **objects)

        gate.required_action = action
        return gate

    return decorate


def public(view):
    """Marks a back-office view anyone may open (the log-in page)."""
    view.required_action = None
    return view
