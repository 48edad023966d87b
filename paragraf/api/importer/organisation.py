"""Body, LegislativeTerm, Organization, Person and Membership: our Body, Term,
Committee, Person and Membership."""

from django.utils.text import slugify

from paragraf.api.importer.values import Malformed, choice
from paragraf.organisation.models import Body, Committee, Membership, Person, Term


def body(runner, reader):
    record = runner.index.find(reader.id, Body) or Body()
    record.name = reader.text("name", 200, required=True)
    record.short_name = reader.text("shortName", 50)
    record.website = reader.web_address("website", 200)
    record.contact_email = reader.email("contactEmail")
    record.kind = choice(Body.Kind, reader.get("classification")) or record.kind
    reader.keep_created(record)
    if record.deleted_at is not None:
        record.deleted_at = None  # back at the source
    record.save()
    return record


def term(runner, reader):
    record = runner.index.find(reader.id, Term) or Term(body=runner.current_body())
    record.name = reader.text("name", 100) or reader.text("startDate", 100, required=True)
    record.start_date = reader.day("startDate", required=True)
    record.end_date = reader.day("endDate", required=True)
    if record.end_date < record.start_date:
        raise Malformed("endDate is before startDate")
    reader.keep_created(record)
    record.deleted_at = None
    record.save()
    return record


def _free_slug(name):
    base = slugify(name)[:90].strip("-") or "namnd"
    taken = set(Committee.all_objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def organization(runner, reader):
    record = runner.index.find(reader.id, Committee) or Committee(body=runner.current_body())
    record.name = reader.text("name", 200, required=True)
    record.short_name = reader.text("shortName", 50)
    if not record.slug:
        record.slug = _free_slug(record.short_name if not record.name else record.name)
    record.kind = choice(Committee.Kind, reader.get("classification")) or record.kind
    record.start_date = reader.day("startDate")
    record.end_date = reader.day("endDate")
    reader.keep_created(record)
    record.deleted_at = None
    record.save()
    return record


def _names(reader):
    given = reader.text("givenName", 100)
    family = reader.text("familyName", 100)
    if given or family:
        return given, family
    name = reader.text("name", 201, required=True)
    given, _space, family = name.rpartition(" ")
    if len(given) > 100 or len(family) > 100:
        raise Malformed("name does not fit")
    return given, family


def person(runner, reader):
    record = runner.index.find(reader.id, Person) or Person()
    record.given_name, record.family_name = _names(reader)
    reader.keep_created(record)
    record.deleted_at = None
    record.save()
    for data in reader.objects("membership"):
        if isinstance(data, dict):
            runner.one("Membership", data, lambda r, m: membership(r, m, person=record))
    return record


def membership(runner, reader, person=None):
    if person is None:
        person = runner.ref(reader.url("person"), Person, "Person")
        if person is None:
            raise Malformed("its person is unknown")
    committee = runner.ref(reader.url("organization"), Committee, "Organization")
    if committee is None:
        raise Malformed("its organization is unknown")
    record = runner.index.find(reader.id, Membership) or Membership()
    record.person, record.committee = person, committee
    voting = reader.flag("votingRight", True)
    role = choice(Membership.Role, reader.get("role"))
    if role is None:
        role = Membership.Role.MEMBER if voting else Membership.Role.SUBSTITUTE
    record.role = role
    record.party = reader.text("paragraf:party", 100)
    record.start_date = reader.day("startDate")
    record.end_date = reader.day("endDate")
    if record.start_date and record.end_date and record.end_date < record.start_date:
        reader.note("endDate", "is before startDate")
        record.end_date = None
    reader.keep_created(record)
    record.deleted_at = None
    record.save()
    return record
