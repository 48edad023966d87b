"""Forms of the case pages: search, register/edit, upload."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from paragraf.accounts.permissions import RULES, Action
from paragraf.cases.models import Case


def officers_of(committee):
    """Users who may handle the committee's cases."""
    roles = [str(role) for role in RULES[Action.MANAGE_CASES]]
    return (
        get_user_model()
        .objects.filter(
            is_active=True, committee_roles__committee=committee, committee_roles__role__in=roles
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class CaseSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Case.Status.choices
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2999)
    officer = OfficerChoiceField(
        label=_("Case officer"), required=False, queryset=None, empty_label=_("All")
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers_of(committee)


class CaseForm(forms.ModelForm):
    case_officer = OfficerChoiceField(label=_("Case officer"), required=False, queryset=None)

    class Meta:
        model = Case
        fields = [
            "title",
            "description",
            "proposed_decision",
            "case_officer",
            "status",
            "is_public",
        ]

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_officer"].queryset = officers_of(committee)
        if self.instance.pk is None:
            del self.fields["status"]


class DocumentUploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG or plain text."),
    )
    is_public = forms.BooleanField(
        label=_("Public"),
        required=False,
        help_text=_("Only tick after the document has been reviewed for personal data."),
    )
