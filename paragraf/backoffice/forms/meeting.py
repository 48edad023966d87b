"""Forms for recording the meeting. Choices are limited to the people who may
take that part (the services check again, so a forged POST is refused too)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from paragraf.meetings.models import AgendaItem, Ballot
from paragraf.organisation.models import Person

YES_NO = [("ja", _("present")), ("nej", _("absent"))]


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name if hasattr(obj, "name") else str(obj)


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name if hasattr(obj, "name") else str(obj)


def _people(people):
    return Person.objects.filter(pk__in=[p.pk for p in people])


class AttendanceForm(forms.Form):
    """One row of the attendance table; its inputs point at the row's form by id."""

    present = forms.ChoiceField(label=_("Present"), choices=YES_NO, widget=forms.RadioSelect)
    serving_for = PersonChoice(
        label=_("Serving for"), queryset=Person.objects.none(), required=False
    )
    serving_from = forms.ModelChoiceField(
        label=_("From item"), queryset=AgendaItem.objects.none(), required=False
    )

    def __init__(self, *args, attendance, members, items, **kwargs):
        initial = {
            "present": "ja" if attendance.present else "nej",
            "serving_for": attendance.serving_for_id,
            "serving_from": attendance.serving_from_id,
        }
        super().__init__(*args, initial=initial, prefix=f"a{attendance.pk}", **kwargs)
        self.attendance = attendance
        self.fields["serving_for"].queryset = _people(members).exclude(pk=attendance.person_id)
        self.fields["serving_for"].empty_label = _("(does not serve for anyone)")
        self.fields["serving_from"].queryset = items
        self.fields["serving_from"].empty_label = _("(from the start)")
        form_id = f"attendance-{attendance.pk}"
        for field in self.fields.values():
            field.widget.attrs["form"] = form_id


class VerifiersForm(forms.Form):
    chair = PersonChoice(
        label=_("Chair of the meeting"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Signs the minutes and has the casting vote at a tie."),
    )
    verifiers = PeopleChoice(
        label=_("Verifiers"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Two serving members, not the chair."),
    )
    place = forms.CharField(label=_("Place of verification"), max_length=200, required=False)
    time = forms.DateTimeField(
        label=_("Time of verification"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verifiers"].queryset = _people(candidates)
        self.fields["chair"].queryset = _people(candidates)

    def clean(self):
        cleaned = super().clean()
        chair, verifiers = cleaned.get("chair"), cleaned.get("verifiers") or []
        if chair is not None and chair in verifiers:
            self.add_error("verifiers", _("The chair cannot also be a verifier."))
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.CharField(
        label=_("Decision"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=AgendaItem.Outcome.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput(attrs={"id": "decision-version"}))


class MotionForm(forms.Form):
    movers = PeopleChoice(
        label=_("Moved by"), queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    text = forms.CharField(label=_("Motion"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, serving, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movers"].queryset = _people(serving)


BALLOT_CHOICES = [("", _("does not vote")), *Ballot.Choice.choices]


class VoteForm(forms.Form):
    """The question and one yes/no/abstain choice for each serving member."""

    question = forms.CharField(label=_("Question put to the vote"), max_length=500)
    yes_means = forms.CharField(label=_("Yes means"), max_length=300, required=False)
    no_means = forms.CharField(label=_("No means"), max_length=300, required=False)

    def __init__(self, *args, serving, **kwargs):
        super().__init__(*args, **kwargs)
        self.serving = list(serving)
        for person in self.serving:
            self.fields[f"ballot_{person.pk}"] = forms.ChoiceField(
                label=person.name,
                choices=BALLOT_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                initial="",
            )

    def clean(self):
        # A ballot for someone who does not serve (changed since the page was
        # loaded, or forged) is refused, not silently dropped.
        serving = {str(person.pk) for person in self.serving}
        for key, value in self.data.items():
            if key.startswith("ballot_") and value and key[7:] not in serving:
                person = Person.objects.filter(pk=key[7:]).first() if key[7:].isdigit() else None
                raise forms.ValidationError(
                    _("%(person)s does not serve on this item and cannot vote.")
                    % {"person": person or key[7:]}
                )
        return super().clean()

    def ballot_fields(self):
        return [self[f"ballot_{person.pk}"] for person in self.serving]

    def ballots(self):
        return {
            person: self.cleaned_data[f"ballot_{person.pk}"]
            for person in self.serving
            if self.cleaned_data.get(f"ballot_{person.pk}")
        }


class ReservationForm(forms.Form):
    person = PersonChoice(label=_("Member"), queryset=Person.objects.none())
    against = forms.CharField(
        label=_("Against"),
        max_length=300,
        required=False,
        help_text=_("For example: the decision to approve."),
    )
    grounds = forms.CharField(
        label=_("Written grounds"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, serving, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people(serving)


class NoteForm(forms.Form):
    person = PersonChoice(label=_("Member"), queryset=Person.objects.none())
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, present, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people(present)


class ConflictForm(forms.Form):
    person = PersonChoice(
        label=_("Member with a conflict of interest"), queryset=Person.objects.none()
    )
    substitute = PersonChoice(
        label=_("Substitute serving instead"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, serving, present, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people(serving)
        serving_ids = {p.pk for p in serving}
        self.fields["substitute"].queryset = _people(present).exclude(pk__in=serving_ids)
        self.fields["substitute"].empty_label = _("(nobody)")


class AddItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    proposed_decision = forms.CharField(
        label=_("Proposed decision"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    is_public = forms.BooleanField(
        label=_("Public"),
        required=False,
        initial=True,
        help_text=_("Untick for items that must not be shown on the public website."),
    )
