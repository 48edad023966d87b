"""The one place that says who may do what in a committee's back office.

Views never test roles themselves: they ask `can(user, action, committee)`,
usually through the object helpers in `paragraf.backoffice.access`.
"""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from paragraf.accounts.models import CommitteeRole

Role = CommitteeRole.Role


class Action(TextChoices):
    VIEW = "view", _("see the committee's back office")
    READ_NON_PUBLIC = "read_non_public", _("read non-public documents")
    MANAGE_CASES = "manage_cases", _("register and edit cases")
    MANAGE_AGENDA = "manage_agenda", _("build and publish agendas")
    RECORD_MEETING = "record_meeting", _("record the meeting")
    EDIT_MINUTES = "edit_minutes", _("edit and send the minutes")
    MANAGE_DELEGATED = "manage_delegated", _("register delegated decisions")
    POST_NOTICES = "post_notices", _("post notices on the notice board")
    VIEW_HISTORY = "view_history", _("see the history of changes")


STAFF = {Role.SECRETARY, Role.ADMINISTRATOR}
EVERYONE = {Role.SECRETARY, Role.CASE_OFFICER, Role.MEMBER, Role.REGISTRAR, Role.ADMINISTRATOR}

RULES = {
    Action.VIEW: EVERYONE,
    Action.READ_NON_PUBLIC: EVERYONE,
    Action.MANAGE_CASES: STAFF | {Role.CASE_OFFICER, Role.REGISTRAR},
    Action.MANAGE_AGENDA: STAFF,
    Action.RECORD_MEETING: STAFF,
    Action.EDIT_MINUTES: STAFF,
    Action.MANAGE_DELEGATED: STAFF | {Role.REGISTRAR},
    Action.POST_NOTICES: STAFF | {Role.REGISTRAR},
    Action.VIEW_HISTORY: STAFF | {Role.REGISTRAR},
}


def roles_of(user, committee):
    if not user.is_authenticated or not user.is_active:
        return set()
    cache = user.__dict__.setdefault("_paragraf_roles", {})
    if committee.pk not in cache:
        cache[committee.pk] = set(
            CommitteeRole.objects.filter(user=user, committee=committee).values_list(
                "role", flat=True
            )
        )
    return cache[committee.pk]


def can(user, action, committee):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(roles_of(user, committee) & RULES[action])


def committees_for(user, action=Action.VIEW):
    """The committees in which the user may do `action`."""
    from paragraf.organisation.models import Committee

    if not user.is_authenticated:
        return Committee.objects.none()
    if user.is_superuser:
        return Committee.objects.all()
    roles = [str(role) for role in RULES[action]]
    return Committee.objects.filter(roles__user=user, roles__role__in=roles).distinct()
