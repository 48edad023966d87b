"""Forms of the minutes editor, the signatories and the approval page."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from paragraf.meetings.models import Paragraph
from paragraf.meetings.services.minutes import REQUIRED_VERIFIERS
from paragraf.organisation.models import Membership, Person


class ParagraphForm(forms.ModelForm):
    class Meta:
        model = Paragraph
        fields = ["title", "summary", "decision", "sent_to"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "decision": forms.Textarea(attrs={"rows": 3}),
            "sent_to": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", f"p{kwargs['instance'].pk}")
        super().__init__(*args, **kwargs)


class CorrectionForm(ParagraphForm):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown publicly with the corrected minutes."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", f"r{kwargs['instance'].pk}")
        super().__init__(*args, **kwargs)


class SignatoriesForm(forms.Form):
    chair = forms.ModelChoiceField(queryset=Person.objects.none(), label=_("Chair"))
    verifiers = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        label=_("Verifiers"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose two."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(committee=meeting.committee).current(meeting.local_date)
        chosen = [meeting.chair_id, *meeting.verifiers.values_list("pk", flat=True)]
        people = (
            Person.objects.filter(Q(memberships__in=members) | Q(pk__in=chosen))
            .distinct()
            .order_by("family_name", "given_name")
        )
        self.fields["chair"].queryset = people
        self.fields["verifiers"].queryset = people

    def clean_verifiers(self):
        verifiers = self.cleaned_data["verifiers"]
        if len(verifiers) != REQUIRED_VERIFIERS:
            raise forms.ValidationError(_("Choose two verifiers."))
        return verifiers

    def clean(self):
        data = super().clean()
        if data.get("chair") and data.get("chair") in data.get("verifiers", []):
            self.add_error("verifiers", _("The chair cannot also be a verifier."))
        return data


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment to the secretary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say what should be changed before you can approve."),
    )
