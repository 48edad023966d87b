"""E-mail alerts for visitors, without an account: a committee's news or a saved search.

A subscription holds an e-mail address and what to watch. Nothing but the
confirmation is sent until the visitor has confirmed through the link in it
(double opt-in); unsubscribing deletes the row, so the address is not kept.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import TimeStamped


def new_key():
    return secrets.token_urlsafe(18)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)


class Subscription(TimeStamped):
    class Kind(models.TextChoices):
        COMMITTEE = "namnd", _("committee")
        SEARCH = "sokning", _("saved search")

    email = models.EmailField(_("e-mail address"), db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    committee = models.ForeignKey(
        "organisation.Committee",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alert_subscriptions",
        verbose_name=_("committee"),
    )
    # The search page's words and filters (committee slug, kind, year, since, until).
    query = models.CharField(_("search words"), max_length=500, blank=True)
    filters = models.JSONField(_("search filters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, default="sv")
    # Signed into the links of the e-mails; a new key makes old links useless.
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_run_at = models.DateTimeField(_("search last run"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="sokning") | models.Q(committee__isnull=False),
                name="committee_alert_has_committee",
            )
        ]

    def __str__(self):
        return f"{self.email}: {self.target}"

    @property
    def target(self):
        if self.kind == self.Kind.COMMITTEE and self.committee_id:
            return str(self.committee)
        return f"“{self.query}”"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class Delivery(models.Model):
    """What a subscriber has been sent (an event or a search hit), so nothing is
    sent twice. A saved search's hits found when it was confirmed are recorded
    too, unsent: they were not new."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    key = models.CharField(max_length=300)
    mailed = models.BooleanField(default=True)
    when = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sent alert")
        verbose_name_plural = _("sent alerts")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "key"], name="alert_sent_once")
        ]

    def __str__(self):
        return self.key


class SubscribeAttempt(models.Model):
    """A request to subscribe, kept briefly to limit requests per address and IP.
    The address is stored only as a keyed hash."""

    email_hash = models.CharField(max_length=64, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, db_index=True)
    when = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("subscription request")
        verbose_name_plural = _("subscription requests")

    def __str__(self):
        return f"{self.ip_address} {self.when:%Y-%m-%d %H:%M}"
