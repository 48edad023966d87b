"""The agenda builder: add, edit, move and remove items, and their documents.

Every change is a POST that redirects back (or, for htmx, answers with the
agenda table), so a double submit or a page without JavaScript works alike.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms import agenda as forms
from paragraf.meetings.models import AgendaItemDocument
from paragraf.meetings.services import agenda as service
from paragraf.portal.views.errors import NotFound


def _item_of(meeting, item):
    if item.meeting_id != meeting.pk:
        raise NotFound(_("The meeting has no such item."))
    return item


def _items(meeting):
    links = AgendaItemDocument.objects.select_related("document").filter(
        document__deleted_at__isnull=True
    )
    return (
        service.live_items(meeting)
        .select_related("case")
        .prefetch_related(Prefetch("document_links", queryset=links))
    )


def _context(meeting, announce="", **forms_given):
    items = list(_items(meeting))
    for item in items:
        item.attach_form = forms.AttachForm(item=item, prefix=f"a{item.pk}")
    return {
        "meeting": meeting,
        "committee": meeting.committee,
        "items": items,
        "editable": meeting.state in service.EDITABLE_STATES and not meeting.minutes_locked,
        "standard_items": list(service.STANDARD_ITEMS.items()),
        "case_form": forms_given.get("case_form") or forms.CaseItemForm(meeting=meeting),
        "free_form": forms_given.get("free_form") or forms.ItemForm(prefix="free"),
        "announce": announce,
    }


def _back(meeting, item=None):
    url = reverse("backoffice:agenda_builder", kwargs={"meeting": meeting.pk})
    # Back to the row just changed, so a keyboard user keeps their place.
    return redirect(f"{url}#item-{item.pk}" if item is not None else url)


def _done(request, meeting, message="", item=None):
    """After a change: the agenda table for htmx, else back to the builder."""
    if request.htmx:
        return render(request, "backoffice/agenda/_items.html", _context(meeting, message))
    if message:
        messages.success(request, message)
    return _back(meeting, item)


def _refused(request, meeting, error, item=None):
    text = " ".join(error.messages)
    if request.htmx:
        response = render(request, "backoffice/agenda/_items.html", _context(meeting, text))
        response.status_code = 422
        return response
    messages.error(request, text)
    return _back(meeting, item)


@requires(Action.MANAGE_AGENDA)
@require_safe
def builder(request, meeting):
    return render(request, "backoffice/agenda/builder.html", _context(meeting))


@requires(Action.MANAGE_AGENDA)
@require_POST
def add_case_item(request, meeting):
    form = forms.CaseItemForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return render(
            request, "backoffice/agenda/builder.html", _context(meeting, case_form=form), status=422
        )
    try:
        service.add_case_item(meeting, form.cleaned_data["case"])
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The item has been added."))


@requires(Action.MANAGE_AGENDA)
@require_POST
def add_free_item(request, meeting):
    form = forms.ItemForm(request.POST, prefix="free")
    if not form.is_valid():
        return render(
            request, "backoffice/agenda/builder.html", _context(meeting, free_form=form), status=422
        )
    try:
        service.add_item(meeting, **form.cleaned_data)
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The item has been added."))


@requires(Action.MANAGE_AGENDA)
@require_POST
def add_standard_item(request, meeting):
    form = forms.StandardItemForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("There is no such standard item."))
        service.add_standard_item(meeting, form.cleaned_data["key"])
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The item has been added."))


@requires(Action.MANAGE_AGENDA)
@require_http_methods(["GET", "POST"])
def edit_item(request, meeting, item):
    item = _item_of(meeting, item)
    form = forms.ItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            # The model instance is already changed by is_valid(); the service
            # saves from the stored row, so reload before using it.
            item.refresh_from_db()
            service.update_item(item, **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been saved."))
            return redirect("backoffice:agenda_builder", meeting=meeting.pk)
    return render(
        request,
        "backoffice/agenda/item_edit.html",
        {"meeting": meeting, "committee": meeting.committee, "item": item, "form": form},
        status=422 if form.errors else 200,
    )


@requires(Action.MANAGE_AGENDA)
@require_POST
def remove_item(request, meeting, item):
    item = _item_of(meeting, item)
    if item.is_deleted:
        return _done(request, meeting)
    try:
        service.remove_item(item)
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The item has been removed."))


@requires(Action.MANAGE_AGENDA)
@require_POST
def move_item(request, meeting, item):
    item = _item_of(meeting, item)
    form = forms.MoveForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose up or down."))
        service.move_item(item, form.cleaned_data["direction"])
    except ValidationError as error:
        return _refused(request, meeting, error, item)
    return _done(request, meeting, _("The item has been moved."), item)


@requires(Action.MANAGE_AGENDA)
@require_POST
def item_public(request, meeting, item):
    item = _item_of(meeting, item)
    form = forms.PublicForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose public or not public."))
        service.set_item_public(item, form.cleaned_data["is_public"])
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The item has been saved."))


@requires(Action.MANAGE_AGENDA)
@require_POST
def order(request, meeting):
    """The new order after drag and drop: every item id of the meeting, in order.

    The answer (for htmx) is the agenda table in the stored order, renumbered,
    with a sentence for the live region."""
    form = forms.OrderForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("The order is not a list of items."))
        service.reorder_items(meeting, form.cleaned_data["order"])
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The new order has been saved."))


@requires(Action.MANAGE_AGENDA)
@require_POST
def attach_document(request, meeting, item):
    item = _item_of(meeting, item)
    form = forms.AttachForm(request.POST, item=item, prefix=f"a{item.pk}")
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["document"])
        service.attach_document(item, form.cleaned_data["document"])
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The document has been attached."))


@requires(Action.MANAGE_AGENDA)
@require_POST
def document_public(request, meeting, document):
    if not document.agenda_links.filter(agenda_item__meeting=meeting).exists():
        raise NotFound(_("The meeting has no such document."))
    form = forms.PublicForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose public or not public."))
        service.set_document_public(meeting, document, form.cleaned_data["is_public"])
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The document has been saved."))
