"""Who decides: the body (municipality or region), its committees and their members.

Names follow OParl 1.1: Body, Organization (here Committee), Person,
Membership and LegislativeTerm (here Term).
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import AliveManager, AliveQuerySet, SoftDeletable

SITE_BODY_CACHE_KEY = "site-body"


class BodyQuerySet(AliveQuerySet):
    def site_body(self):
        """The body that runs this installation (the first one), cached briefly."""
        body = cache.get(SITE_BODY_CACHE_KEY)
        if body is None:
            body = self.filter(deleted_at__isnull=True).order_by("pk").first()
            cache.set(SITE_BODY_CACHE_KEY, body or False, 60)
        return body or None


class Body(SoftDeletable):
    class Kind(models.TextChoices):
        MUNICIPALITY = "kommun", _("municipality")
        REGION = "region", _("region")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGION)
    website = models.URLField(_("website"), blank=True)
    case_number_format = models.CharField(
        _("case number format"),
        max_length=100,
        default="{prefix} {year}/{seq}",
        help_text=_(
            "How case numbers are written. Placeholders: {prefix}, {year} (2022), "
            "{yy} (22), {seq} (1), {seq:05d} (00001). Examples: "
            "'RS {year}/{seq}', '{yy}RS{seq}', 'RTN {year}-{seq:05d}'."
        ),
    )
    case_number_prefix = models.CharField(_("case number prefix"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    minutes_kept_at = models.CharField(_("where the minutes are kept"), max_length=200, blank=True)

    objects = AliveManager.from_queryset(BodyQuerySet)()

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        try:
            self.format_case_number(2022, 1)
        except (KeyError, ValueError, IndexError):
            raise ValidationError(
                {"case_number_format": _("The format has an unknown placeholder.")}
            ) from None

    def format_case_number(self, year, seq):
        return self.case_number_format.format(
            prefix=self.case_number_prefix, year=year, yy=f"{year % 100:02d}", seq=seq
        )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(SITE_BODY_CACHE_KEY)


class Term(SoftDeletable):
    """A term of office (mandatperiod), OParl LegislativeTerm."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="terms", verbose_name=_("body")
    )
    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["-start_date"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The term cannot end before it starts.")})


class CommitteeQuerySet(AliveQuerySet):
    def public(self):
        return self.filter(deleted_at__isnull=True)


class Committee(SoftDeletable):
    """A deciding assembly of the body, OParl Organization."""

    class Kind(models.TextChoices):
        COUNCIL = "fullmaktige", _("council")
        BOARD = "styrelse", _("executive board")
        COMMITTEE = "namnd", _("committee")
        SUBCOMMITTEE = "utskott", _("sub-committee")
        DRAFTING = "beredning", _("drafting committee")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="committees", verbose_name=_("body")
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    slug = models.SlugField(
        _("address name"),
        max_length=100,
        unique=True,
        help_text=_("Used in web addresses, e.g. regional-tillvaxtnamnd."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMMITTEE)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = AliveManager.from_queryset(CommitteeQuerySet)()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:committee", kwargs={"committee": self.slug})


class Person(SoftDeletable):
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return f"{self.given_name} {self.family_name}".strip()


class MembershipQuerySet(AliveQuerySet):
    def current(self, on=None):
        day = on or timezone.localdate()
        return self.filter(
            models.Q(start_date__isnull=True) | models.Q(start_date__lte=day),
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day),
        )


class Membership(SoftDeletable):
    class Role(models.TextChoices):
        CHAIR = "ordforande", _("chair")
        FIRST_VICE_CHAIR = "vice_ordforande_1", _("first vice chair")
        SECOND_VICE_CHAIR = "vice_ordforande_2", _("second vice chair")
        MEMBER = "ledamot", _("member")
        SUBSTITUTE = "ersattare", _("substitute")

    # The order in which roles are listed on a committee page.
    ROLE_ORDER = [r.value for r in Role]

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("person")
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("committee"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    party = models.CharField(_("party"), max_length=100, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = AliveManager.from_queryset(MembershipQuerySet)()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["committee", "role", "person"]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}, {self.committee})"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The membership cannot end before it starts.")})

    @property
    def is_voting(self):
        return self.role != self.Role.SUBSTITUTE
