"""Forms for meetings and their agenda."""

from django import forms
from django.utils.translation import gettext_lazy as _

from paragraf.cases.models import Case, Document
from paragraf.meetings.models import AgendaItem, Location
from paragraf.meetings.services.agenda import STANDARD_ITEMS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class MeetingForm(forms.Form):
    start = forms.DateTimeField(label=_("Starts"), widget=_datetime_widget())
    end = forms.DateTimeField(label=_("Ends"), required=False, widget=_datetime_widget())
    location = forms.ModelChoiceField(
        label=_("Place"),
        queryset=Location.objects.all(),
        required=False,
        empty_label=_("(choose a place or type a new one below)"),
    )
    new_location = forms.CharField(
        label=_("New place"),
        max_length=200,
        required=False,
        help_text=_("For example: Regionhuset, sal A."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("Optional, e.g. Extra sammanträde."),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The meeting cannot end before it starts."))
        if data.get("location") and data.get("new_location"):
            self.add_error("new_location", _("Choose a place or type a new one, not both."))
        return data


class ItemForm(forms.ModelForm):
    """A free item, and the edit form of any item."""

    class Meta:
        model = AgendaItem
        fields = ["title", "presenter", "summary", "proposed_decision", "is_public"]
        labels = {
            "title": _("Title"),
            "presenter": _("Presenter"),
            "summary": _("Summary"),
            "proposed_decision": _("Proposed decision"),
            "is_public": _("Public"),
        }
        help_texts = {
            "is_public": _("Untick for items that must not be shown on the public website."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "proposed_decision": forms.Textarea(attrs={"rows": 4}),
        }


class CaseItemForm(forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=Case.objects.none())

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        on_agenda = AgendaItem.objects.filter(meeting=meeting, case__isnull=False).values("case")
        self.fields["case"].queryset = (
            Case.objects.filter(committee=meeting.committee)
            .exclude(status=Case.Status.CLOSED)
            .exclude(pk__in=on_agenda)
            .order_by("reference")
        )
        self.fields["case"].error_messages["invalid_choice"] = _(
            "Choose a case of this committee that is not on the agenda yet."
        )


class StandardItemForm(forms.Form):
    key = forms.ChoiceField(label=_("Standard item"), choices=list(STANDARD_ITEMS.items()))


class AttachForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Document"), queryset=Document.objects.none())

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = (
            Document.objects.filter(case__committee_id=item.meeting.committee_id)
            .exclude(agenda_links__agenda_item=item)
            .select_related("case")
            .order_by("case__reference", "title")
        )
        self.fields["document"].label_from_instance = lambda d: f"{d.case.reference}: {d.title}"
        self.fields["document"].error_messages["invalid_choice"] = _(
            "Choose a document of this committee's cases that is not attached yet."
        )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class PublicForm(forms.Form):
    is_public = forms.TypedChoiceField(
        choices=[("1", _("Public")), ("0", _("Not public"))], coerce=lambda v: v == "1"
    )


class OrderForm(forms.Form):
    order = forms.CharField(max_length=10000)

    def clean_order(self):
        try:
            return [int(part) for part in self.cleaned_data["order"].split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError(_("The order is not a list of items.")) from None
