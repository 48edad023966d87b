"""Forms of the delegated decisions register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from paragraf.cases.models import Case, DelegatedDecision
from paragraf.meetings.models import Meeting


class DelegatedDecisionForm(forms.ModelForm):
    class Meta:
        model = DelegatedDecision
        fields = ["title", "decided_by", "decided_on", "rule", "case", "is_public"]
        widgets = {"decided_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = Case.objects.filter(committee=committee).order_by("-created")


def open_meetings(committee):
    """Meetings of the committee whose minutes are not verified yet."""
    return (
        Meeting.objects.filter(committee=committee, minutes_verified_at__isnull=True)
        .exclude(state=Meeting.State.CANCELLED)
        .order_by("start")
    )


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.local_date:%Y-%m-%d} {obj.name}".strip()


class DecisionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.decided_on:%Y-%m-%d} {obj.title} ({obj.decided_by}, {obj.rule})"


class ReportForm(forms.Form):
    decisions = DecisionChoiceField(
        label=_("Decisions to report"),
        queryset=DelegatedDecision.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one decision to report.")},
    )
    meeting = MeetingChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        help_text=_("Only meetings whose minutes are not verified yet."),
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decisions"].queryset = DelegatedDecision.objects.filter(
            committee=committee, reported_at__isnull=True
        ).select_related("case")
        self.fields["meeting"].queryset = open_meetings(committee)
