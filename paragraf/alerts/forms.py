from django import forms
from django.utils.translation import gettext_lazy as _

from paragraf.search.query import Filters, build
from paragraf.search.views import SearchForm


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class SavedSearchForm(SearchForm):
    """The search page's form; the words must be something to search for."""

    def clean(self):
        data = super().clean()
        query = (data.get("q") or "").strip()
        found, _words, message = build(query, Filters())
        if found is None:
            raise forms.ValidationError(message, code="no_words")
        return data
