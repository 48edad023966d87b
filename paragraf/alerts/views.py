"""Public pages for e-mail alerts: subscribe, confirm, unsubscribe. No account.

Confirming and unsubscribing are POSTs behind a page with a button, because
mail scanners follow the links in e-mails with GET. Unsubscribing also takes
a POST without a CSRF token (RFC 8058 one-click from the mail program): the
signed token in the address is what authorises it.
"""

from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from paragraf.accounts.forms import client_ip
from paragraf.alerts import mail, saved_search, services, tokens
from paragraf.alerts.forms import EmailForm, SavedSearchForm
from paragraf.alerts.models import Subscription
from paragraf.organisation.models import Committee
from paragraf.portal.lookups import public_committee

TOO_MANY = 429


@require_safe
def overview(request):
    committees = Committee.objects.public().order_by("name")
    return render(request, "alerts/overview.html", {"committees": committees})


def _subscribe(request, form, template, context, **target):
    """Ask for the subscription; the answer is the same whoever the address is."""
    try:
        services.request_subscription(
            form.cleaned_data["email"],
            ip=client_ip(request),
            language=getattr(request, "LANGUAGE_CODE", "sv"),
            **target,
        )
    except services.TooManyRequests:
        return render(request, template, {**context, "too_many": True}, status=TOO_MANY)
    return redirect("alerts:sent")


@require_http_methods(["GET", "HEAD", "POST"])
def committee(request, committee):
    committee = public_committee(committee)
    form = EmailForm(request.POST if request.method == "POST" else None)
    context = {"committee": committee, "form": form}
    if form.is_valid():
        return _subscribe(request, form, "alerts/committee.html", context, committee=committee)
    return render(request, "alerts/committee.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def search(request):
    posted = request.method == "POST"
    search_form = SavedSearchForm(request.POST if posted else request.GET)
    form = EmailForm(request.POST if posted else None)
    context = {"search_form": search_form, "form": form}
    if not search_form.is_valid():
        return render(request, "alerts/search.html", context, status=400)
    query, filters = saved_search.stored(search_form.cleaned_data)
    shown = Subscription(kind=Subscription.Kind.SEARCH, query=query, filters=filters)
    context.update(description=saved_search.description(shown), hidden=_hidden(query, filters))
    if form.is_valid():
        return _subscribe(
            request, form, "alerts/search.html", context, query=query, filters=filters
        )
    return render(request, "alerts/search.html", context, status=400 if form.errors else 200)


def _hidden(query, filters):
    return [("q", query), *((name, value) for name, value in filters.items())]


@require_safe
def sent(request):
    return render(request, "alerts/sent.html", {"days": tokens.CONFIRM_DAYS})


def _bad_link(request):
    return render(request, "alerts/bad_link.html", status=400)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscription = tokens.from_confirm_token(token)
    except tokens.BadLink:
        return _bad_link(request)
    context = {"subscription": subscription, "target": mail.describe(subscription)}
    if request.method == "POST":
        services.confirm(subscription)
        return render(request, "alerts/confirmed.html", context)
    return render(request, "alerts/confirm.html", context)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        key = tokens.unsubscribe_key(token)
    except tokens.BadLink:
        return _bad_link(request)
    subscription = Subscription.objects.filter(key=key).select_related("committee").first()
    if request.method == "POST" or subscription is None:
        if subscription is not None:
            services.unsubscribe(subscription)
        return render(request, "alerts/unsubscribed.html")
    context = {"subscription": subscription, "target": mail.describe(subscription)}
    return render(request, "alerts/unsubscribe.html", context)
