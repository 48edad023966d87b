"""Which models the audit log follows, and how each finds its meeting."""

from django.apps import apps

from paragraf.core.audit import track


def _by_item(path):
    def meeting_id(obj):
        target = obj
        for part in path:
            target = getattr(target, part)
        return target.meeting_id

    return meeting_id


def track_everything():
    model = apps.get_model
    for label in [
        "organisation.Body",
        "organisation.Term",
        "organisation.Committee",
        "organisation.Person",
        "organisation.Membership",
        "accounts.CommitteeRole",
        "cases.Case",
        "cases.Document",
        "cases.DelegatedDecision",
        "meetings.Location",
    ]:
        track(model(label))
    track(model("meetings.Meeting"), meeting=lambda obj: obj.pk)
    for label in [
        "meetings.AgendaItem",
        "meetings.Attendance",
        "meetings.Approval",
        "meetings.MinutesVersion",
        "noticeboard.Notice",
    ]:
        track(model(label), meeting=lambda obj: obj.meeting_id)
    track(model("meetings.Paragraph"), meeting=_by_item(["agenda_item"]))
    track(model("meetings.AgendaItemDocument"), meeting=_by_item(["agenda_item"]))
    for label in [
        "meetings.Motion",
        "meetings.Vote",
        "meetings.Reservation",
        "meetings.RecordedNote",
        "meetings.Conflict",
    ]:
        track(model(label), meeting=_by_item(["item"]))
    track(model("meetings.Ballot"), meeting=_by_item(["vote", "item"]))
