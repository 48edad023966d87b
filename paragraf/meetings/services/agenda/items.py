"""Adding, editing, moving and removing agenda items and their documents."""

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _

from paragraf.cases.models import Document
from paragraf.meetings.models import AgendaItem, AgendaItemDocument
from paragraf.meetings.services.agenda.changes import (
    OPENING_ITEMS,
    STANDARD_ITEMS,
    _changing,
    _create,
    _place,
    _renumber,
    live_items,
)


def add_item(
    meeting, *, title, case=None, presenter="", summary="", proposed_decision="", is_public=True
):
    """Add a free item, or an item for `case`, at the end of the agenda."""
    with _changing(meeting) as fresh:
        if case is not None and case.committee_id != fresh.committee_id:
            raise ValidationError(_("The case belongs to another committee."), code="case")
        return _create(
            fresh,
            title=title,
            case=case,
            presenter=presenter,
            summary=summary,
            proposed_decision=proposed_decision,
            is_public=is_public,
        )


def add_case_item(meeting, case):
    """An item for a case: title, summary (from the description), proposed decision
    and public flag come from the case."""
    return add_item(
        meeting,
        title=case.title,
        case=case,
        summary=case.description,
        proposed_decision=case.proposed_decision,
        is_public=case.is_public,
    )


def add_standard_item(meeting, key):
    """Add one of the standard items; opening items go before the other items."""
    if key not in STANDARD_ITEMS:
        raise ValidationError(_("There is no such standard item."), code="standard")
    with _changing(meeting) as fresh:
        item = _create(fresh, title=str(STANDARD_ITEMS[key]))
        if key in OPENING_ITEMS:
            opening_titles = {str(STANDARD_ITEMS[k]) for k in OPENING_ITEMS}
            order = [i for i in live_items(fresh) if i.pk != item.pk]
            at = 0
            while at < len(order) and order[at].title in opening_titles:
                at += 1
            ids = [i.pk for i in order]
            ids.insert(at, item.pk)
            _place(fresh, ids)
            item.refresh_from_db()
        return item


def move_item(item, direction):
    """Move an item one place up or down ("up"/"down"); at either end nothing moves."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose up or down."), code="direction")
    with _changing(item.meeting) as fresh:
        ids = list(live_items(fresh).values_list("pk", flat=True))
        if item.pk not in ids:
            raise ValidationError(_("The meeting has no such item."), code="item")
        at = ids.index(item.pk)
        to = at - 1 if direction == "up" else at + 1
        if 0 <= to < len(ids):
            ids[at], ids[to] = ids[to], ids[at]
            _place(fresh, ids)
        else:
            fresh.unchanged = True


def reorder_items(meeting, ordered_ids):
    """Put the items in this order. The list must name every item of the meeting once."""
    with _changing(meeting) as fresh:
        current = list(live_items(fresh).values_list("pk", flat=True))
        if len(ordered_ids) != len(current) or set(ordered_ids) != set(current):
            raise ValidationError(
                _("The order must list every item of this meeting exactly once."), code="order"
            )
        if list(ordered_ids) == current:
            fresh.unchanged = True
        else:
            _place(fresh, list(ordered_ids))


def update_item(item, **fields):
    """Change an item's title, presenter, summary, proposed decision or public flag."""
    allowed = {"title", "presenter", "summary", "proposed_decision", "is_public"}
    with _changing(item.meeting) as fresh:
        stored = AgendaItem.objects.filter(pk=item.pk).first()
        if stored is None:
            raise ValidationError(_("The meeting has no such item."), code="item")
        if set(fields) - allowed:
            raise ValueError(set(fields) - allowed)
        if all(getattr(stored, name) == value for name, value in fields.items()):
            fresh.unchanged = True
        else:
            for name, value in fields.items():
                setattr(stored, name, value)
            stored.save()
    item.refresh_from_db()
    return item


def set_item_public(item, is_public):
    return update_item(item, is_public=is_public)


def remove_item(item):
    """Take an item off the agenda (soft delete), unless it has been handled."""
    with _changing(item.meeting) as fresh:
        stored = AgendaItem.objects.filter(pk=item.pk).first()
        if stored is None:  # already removed: a double submit
            fresh.unchanged = True
            return
        if stored.state != AgendaItem.State.ON_AGENDA:
            raise ValidationError(
                _("An item that has been handled at the meeting cannot be removed."),
                code="handled",
            )
        stored.soft_delete()
        _renumber(fresh)


def set_document_public(meeting, document, is_public):
    """Mark a document of this meeting's agenda public or not."""
    with _changing(meeting) as fresh:
        stored = Document.all_objects.get(pk=document.pk)
        if stored.is_public == is_public:
            fresh.unchanged = True
        else:
            stored.is_public = is_public
            stored.save(update_fields=["is_public", "modified"])
    document.refresh_from_db()


def attach_document(item, document):
    """Attach an existing document of the committee's cases to the item, at the end."""
    with _changing(item.meeting) as fresh:
        case = document.case
        if case is None or case.committee_id != fresh.committee_id:
            raise ValidationError(_("The document belongs to another committee."), code="doc")
        links = AgendaItemDocument.objects.filter(agenda_item=item)
        if links.filter(document=document).exists():
            fresh.unchanged = True
            return
        last = links.aggregate(m=Max("position"))["m"]
        AgendaItemDocument.objects.create(
            agenda_item=item, document=document, position=(last or 0) + 1
        )
