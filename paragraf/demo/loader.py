"""Load the demo: Region Örebro län and its Regional tillväxtnämnd, with the seed
meeting of 14 December 2022, the year's earlier meetings, one in 2023 and one to come.

The demo is only loaded into a database without any body, so it never mixes
with real data; a second run finds the demo body and does nothing.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from paragraf.accounts.models import CommitteeRole
from paragraf.demo import history, roster, seed
from paragraf.demo.meeting_writer import MeetingWriter
from paragraf.meetings.models import Location, Meeting
from paragraf.organisation.models import Body, Committee, Membership, Person, Term

BODY_NAME = "Region Örebro län"
PASSWORD = "paragraf-demo"  # noqa: S105 -- a published demo login
SECRETARY = "sekreterare"
CASE_OFFICER = "handlaggare"
MEMBER = "ledamot"
MEMBER_PERSON = "Ingrid Sundelius"

LOADED, ALREADY_LOADED, OTHER_DATA = "loaded", "already loaded", "other data"


@dataclass
class Outcome:
    status: str
    body: Body | None = None
    # (username, password, or None when an existing account was kept as it was)
    logins: list[tuple[str, str | None]] = field(default_factory=list)


def load_demo(today: date | None = None) -> Outcome:
    """Load the demo in one transaction, unless the database already has a body."""
    existing = Body.all_objects.order_by("pk").first()
    if existing and existing.name != BODY_NAME:
        return Outcome(OTHER_DATA, existing)
    if existing:
        users = get_user_model().objects.filter(username__in=[SECRETARY, CASE_OFFICER, MEMBER])
        logins = [(SECRETARY, PASSWORD), (CASE_OFFICER, PASSWORD), (MEMBER, PASSWORD)]
        known = set(users.values_list("username", flat=True))
        return Outcome(ALREADY_LOADED, existing, [x for x in logins if x[0] in known])
    builder = DemoBuilder(today or timezone.localdate())
    try:
        with transaction.atomic():
            builder.build()
    except BaseException:
        # The database rolled back; the files it referred to go too.
        for name in builder.saved_files:
            default_storage.delete(name)
        raise
    return Outcome(LOADED, builder.body, builder.logins)


def seed_meeting():
    return Meeting.objects.get(committee__slug="regional-tillvaxtnamnd", slug="mote-2022-12-14")


class DemoBuilder:
    def __init__(self, today):
        self.today = today
        self.people = {}
        self.logins = []
        self.saved_files = []

    def build(self):
        self.body = Body.objects.create(
            name=BODY_NAME,
            short_name="Region Örebro län",
            kind=Body.Kind.REGION,
            website="https://www.regionorebrolan.se/",
            case_number_format="{yy}{prefix}{seq}",
            case_number_prefix="RS",
            contact_email="registrator@regionorebrolan.example",
            minutes_kept_at="Regionkansliet, Regionhuset, Eklundavägen 1, Örebro",
        )
        self.terms = [
            Term.objects.create(body=self.body, name=name, start_date=start, end_date=end)
            for name, start, end in roster.TERMS
        ]
        self.committee = Committee.objects.create(
            body=self.body,
            name="Regional tillväxtnämnd",
            short_name="RTN",
            slug="regional-tillvaxtnamnd",
            kind=Committee.Kind.COMMITTEE,
            description="Regional tillväxtnämnd ansvarar för regionens arbete med regional "
            "utveckling: näringsliv och innovation, kompetensförsörjning, besöksnäring och "
            "samhällsplanering.",
        )
        self._members()
        self._other_committees()
        location = Location.objects.create(
            description="Regionhuset, Örebro",
            street_address="Eklundavägen 1",
            locality="Örebro",
            room="Sammanträdesrum Kilsbergen",
        )
        self.writer = MeetingWriter(
            self.body, self.committee, location, self.people, self.saved_files
        )
        self._meetings()
        self._users()

    def person(self, given, family):
        key = f"{given} {family}"
        if key not in self.people:
            self.people[key] = Person.objects.create(
                given_name=given,
                family_name=family,
                email=f"{_ascii(given)}.{_ascii(family)}@regionorebrolan.example",
            )
        return self.people[key]

    def _members(self):
        for given, family, party, *roles in roster.REGIONAL_TILLVAXTNAMND:
            person = self.person(given, family)
            for term, role in zip(self.terms, roles, strict=True):
                if role:
                    Membership.objects.create(
                        person=person,
                        committee=self.committee,
                        role=role,
                        party=party,
                        start_date=term.start_date,
                        end_date=term.end_date,
                    )

    def _other_committees(self):
        term = self.terms[-1]
        for name, short, slug, kind, description, members in roster.OTHER_COMMITTEES:
            committee = Committee.objects.create(
                body=self.body,
                name=name,
                short_name=short,
                slug=slug,
                kind=kind,
                description=description,
            )
            for given, family, party, role in members:
                Membership.objects.create(
                    person=self.person(given, family),
                    committee=committee,
                    role=role,
                    party=party,
                    start_date=term.start_date,
                    end_date=term.end_date,
                )

    def _meetings(self):
        writer = self.writer
        for plan in history.plans_2022():
            writer.held_meeting(plan.day, plan.items, _members_on(plan.day), plan.verifiers)
        writer.seed_meeting(_members_on(seed.START.date()))
        plan = history.plan_2023()
        writer.held_meeting(plan.day, plan.items, _members_on(plan.day), plan.verifiers)
        plan = history.upcoming_plan(self.today)
        writer.upcoming_meeting(plan.day, plan.items)
        plan = history.planned_plan(self.today)
        writer.planned_meeting(plan.day, plan.items)

    def _users(self):
        users = get_user_model()
        secretary, created = users.objects.get_or_create(
            username=SECRETARY,
            defaults={
                "first_name": "Demo",
                "last_name": "Sekreterare",
                "email": "sekreterare@regionorebrolan.example",
                "is_staff": True,  # may also browse everything in Django's admin
            },
        )
        self._set_demo_password(secretary, created)
        if created:
            secretary.user_permissions.set(Permission.objects.all())
        self._role(secretary, CommitteeRole.Role.SECRETARY)
        officer, created = users.objects.get_or_create(
            username=CASE_OFFICER,
            defaults={
                "first_name": "Demo",
                "last_name": "Handläggare",
                "email": "handlaggare@regionorebrolan.example",
            },
        )
        self._set_demo_password(officer, created)
        self._role(officer, CommitteeRole.Role.CASE_OFFICER)
        person = self.people[MEMBER_PERSON]
        member, created = users.objects.get_or_create(
            username=MEMBER,
            defaults={
                "first_name": person.given_name,
                "last_name": person.family_name,
                "email": person.email,
            },
        )
        self._set_demo_password(member, created)
        self._role(member, CommitteeRole.Role.MEMBER)
        if created:
            person.user = member
            person.save(update_fields=["user", "modified"])

    def _role(self, user, role):
        CommitteeRole.objects.get_or_create(user=user, committee=self.committee, role=role)

    def _set_demo_password(self, user, created):
        # An account that existed before the demo keeps its password.
        if created:
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        self.logins.append((user.username, PASSWORD if created else None))


def _members_on(day):
    """The demo committee's roster for the term that includes the day, as names and roles."""
    index = next(i for i, (_n, start, end) in enumerate(roster.TERMS) if start <= day <= end)
    return [
        (f"{given} {family}", roles[index])
        for given, family, _party, *roles in roster.REGIONAL_TILLVAXTNAMND
        if roles[index]
    ]


def _ascii(name):
    table = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
    return name.translate(table).lower().replace(" ", "-")
