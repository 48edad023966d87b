"""Every back-office view gets its objects through these helpers, which check the
user's role in the object's committee (paragraf.accounts.permissions) in one place.

An object that does not exist is a 404; one the user may not touch is a 403.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from paragraf.accounts.permissions import Action, can
from paragraf.cases.models import Case, DelegatedDecision, Document
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.organisation.models import Committee
from paragraf.portal.views.errors import NotFound


def _allowed(user, action, committee):
    if not can(user, action, committee):
        raise PermissionDenied(_("You do not have that role in %(c)s.") % {"c": committee})


def committee_for(user, slug, action=Action.VIEW):
    committee = Committee.objects.filter(slug=slug).first()
    if committee is None:
        raise NotFound(_("There is no committee at this address."))
    _allowed(user, action, committee)
    return committee


def meeting_for(user, pk, action=Action.VIEW):
    meeting = Meeting.objects.select_related("committee", "location").filter(pk=pk).first()
    if meeting is None:
        raise NotFound(_("There is no such meeting."))
    _allowed(user, action, meeting.committee)
    return meeting


def item_for(user, pk, action=Action.VIEW):
    item = (
        AgendaItem.objects.select_related("meeting", "meeting__committee", "case")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise NotFound(_("There is no such item."))
    _allowed(user, action, item.meeting.committee)
    return item


def case_for(user, pk, action=Action.VIEW):
    case = Case.objects.select_related("committee", "body").filter(pk=pk).first()
    if case is None or case.committee is None:
        raise NotFound(_("There is no such case."))
    _allowed(user, action, case.committee)
    return case


def document_for(user, pk, action=Action.READ_NON_PUBLIC):
    """A document the user may read: through its case's or its items' committees."""
    document = Document.objects.select_related("case__committee").filter(pk=pk).first()
    if document is None:
        raise NotFound(_("There is no such document."))
    committees = {link.agenda_item.meeting.committee for link in document.agenda_links.all()}
    if document.case and document.case.committee:
        committees.add(document.case.committee)
    if not any(can(user, action, committee) for committee in committees):
        raise PermissionDenied(_("You may not read this document."))
    return document


def delegated_decision_for(user, pk, action=Action.MANAGE_DELEGATED):
    decision = DelegatedDecision.objects.select_related("committee").filter(pk=pk).first()
    if decision is None:
        raise NotFound(_("There is no such decision."))
    _allowed(user, action, decision.committee)
    return decision
