from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from paragraf.accounts.permissions import Action, committees_for
from paragraf.organisation.models import Committee
from paragraf.search import index
from paragraf.search.query import MAX_PAGE, PAGE_SIZE, SORT_DATE, SORT_RELEVANCE, Filters, search

KIND_CHOICES = [
    ("", _("All kinds")),
    (index.Kind.ITEM, _("Agenda items")),
    (index.Kind.DECISION, _("Decisions")),
    (index.Kind.ATTACHMENT, _("Attachments")),
]
KIND_LABELS = {
    index.Kind.ITEM: _("Agenda item"),
    index.Kind.DECISION: _("Decision"),
    index.Kind.ATTACHMENT: _("Attachment"),
}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SORT_CHOICES = [(SORT_RELEVANCE, _("Relevance")), (SORT_DATE, _("Date, newest first"))]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    committee = forms.ChoiceField(label=_("Committee"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=KIND_CHOICES)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    since = forms.DateField(label=_("From date"), required=False, widget=DATE)
    until = forms.DateField(label=_("To date"), required=False, widget=DATE)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        committees = Committee.objects.order_by("name").values_list("slug", "name")
        self.fields["committee"].choices = [("", _("All committees")), *committees]

    def filters(self):
        data = self.cleaned_data
        return Filters(
            committee=data["committee"],
            kind=data["kind"],
            year=data["year"],
            since=data["since"],
            until=data["until"],
        )


def _page_links(request, page, total):
    last = min(MAX_PAGE, max(1, -(-total // PAGE_SIZE)))
    links = {}
    for name, number in (("previous", page - 1), ("next", page + 1)):
        if 1 <= number <= last:
            query = request.GET.copy()
            query["page"] = number
            links[name] = "?" + query.urlencode()
    return links, last


def _members_of(user):
    """Slugs of the committees whose non-public hits the reader may see."""
    return set(committees_for(user, Action.READ_NON_PUBLIC).values_list("slug", flat=True))


@require_safe
def search_page(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "nav": "search"}
    if not request.GET or not form.is_valid():
        return render(request, "search/search.html", context)
    page = form.cleaned_data["page"] or 1
    sort = form.cleaned_data["sort"] or SORT_RELEVANCE
    try:
        results = search(
            form.cleaned_data["q"], form.filters(), sort, page, committees=_members_of(request.user)
        )
    except index.SearchUnavailable:
        return render(request, "search/unavailable.html", context, status=503)
    for hit in results.hits:
        hit.kind_label = KIND_LABELS.get(hit.kind, hit.kind)
    links, last = _page_links(request, page, results.total)
    context.update(results=results, searched=True, page=page, last_page=last, **links)
    return render(request, "search/search.html", context)
