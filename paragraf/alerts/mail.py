"""Alert e-mails: Swedish (or the subscriber's language), plain text and HTML,
with a one-click unsubscribe link and its RFC 8058 headers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from paragraf.alerts import tokens


def _render(name, context):
    return (
        render_to_string(f"email/alerts/{name}.txt", context),
        render_to_string(f"email/alerts/{name}.html", context),
    )


def confirmation(subscription, connection=None):
    """The one message sent before the subscriber has confirmed."""
    with translation.override(subscription.language):
        context = {
            "subscription": subscription,
            "target": describe(subscription),
            "confirm_url": tokens.confirm_url(subscription),
            "days": tokens.CONFIRM_DAYS,
            "site_url": settings.SITE_URL,
        }
        text, html = _render("confirm", context)
        subject = _("Confirm your e-mail alert")
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[subscription.email],
        headers={"Auto-Submitted": "auto-generated"},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def alert(subscription, subject, template, context, connection=None):
    """An alert for a confirmed subscriber, rendered in their language.
    `subject` is a callable, so it is translated in that language too."""
    unsubscribe = tokens.unsubscribe_url(subscription)
    with translation.override(subscription.language):
        context = {
            **context,
            "subscription": subscription,
            "target": describe(subscription),
            "unsubscribe_url": unsubscribe,
        }
        text, html = _render(template, context)
        subject = subject()
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def describe(subscription):
    """What the subscription watches, in words for the reader."""
    from paragraf.alerts.saved_search import description

    if subscription.kind == subscription.Kind.COMMITTEE:
        return _("news from %(committee)s") % {"committee": subscription.committee.name}
    return _("new hits for the search %(search)s") % {"search": description(subscription)}
