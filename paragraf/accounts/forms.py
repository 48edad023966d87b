import datetime

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from paragraf.accounts.models import LoginAttempt


def client_ip(request):
    """The visitor's address. Behind our own reverse proxy every request comes from
    the proxy, so the address is the last one the proxy added to X-Forwarded-For
    (earlier ones are the client's own claims and can be forged)."""
    if request is None:
        return None
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


class RateLimitedLoginForm(AuthenticationForm):
    """Refuses further attempts for a while after too many failed ones,
    counted per user name and per address, so guessing passwords is slow."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "too_many": _("Too many failed attempts. Wait %(minutes)s minutes and try again."),
    }

    def _recent_failures(self, username):
        since = timezone.now() - datetime.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)
        who = Q(username__iexact=username)
        ip = client_ip(self.request)
        if ip:
            who |= Q(ip_address=ip)
        return LoginAttempt.objects.filter(who, when__gte=since).count()

    def clean(self):
        username = (self.data.get("username") or "")[:150]
        if self._recent_failures(username) >= settings.LOGIN_FAILURE_LIMIT:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"minutes": settings.LOGIN_FAILURE_WINDOW // 60},
            )
        try:
            return super().clean()
        except ValidationError:
            LoginAttempt.objects.create(username=username, ip_address=client_ip(self.request))
            raise
