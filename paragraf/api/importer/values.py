"""Reading the fields of one source object, trusting nothing.

A required field that is missing, of the wrong type or too long makes the
object Malformed: it is skipped and logged. An optional field that is wrong
is left out with a note, and the object is imported without it.
"""

import datetime
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime

# TextFields have no limit of their own; nothing sensible is longer than this.
LONG_TEXT = 1_000_000


class Malformed(ValueError):
    """An object that cannot be imported as it stands."""


def parse_moment(value):
    """An aware datetime from an ISO 8601 time or date, or None."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = day and datetime.datetime.combine(day, datetime.time())
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        if moment is not None:
            moment.astimezone(datetime.UTC)  # the database keeps UTC: year 1 may not fit
    except (ValueError, OverflowError):
        return None
    return moment


def kind_of(data):
    """`Meeting` of "https://schema.oparl.org/1.1/Meeting"."""
    kind = data.get("type") if isinstance(data, dict) else None
    return kind.rstrip("/").rsplit("/", 1)[-1] if isinstance(kind, str) else ""


@cache
def _names(choices):
    names = {}
    for member in choices:
        for language in ("sv", "en"):
            with translation.override(language):
                names.setdefault(str(member.label).casefold(), member.value)
        names[member.value.casefold()] = member.value
    return names


def choice(choices, value):
    """The value of a TextChoices member named by its value or its label
    (Swedish or English, any case), or None."""
    if not isinstance(value, str):
        return None
    return _names(choices).get(value.strip().casefold())


class Reader:
    """The fields of one object; `notes` collects what was left out."""

    def __init__(self, data, notes=None):
        if not isinstance(data, dict):
            raise Malformed(f"not an object but {type(data).__name__}")
        self.data = data
        self.notes = notes if notes is not None else []
        self.id = data.get("id")
        if not isinstance(self.id, str) or not self.id or len(self.id) > 2000:
            raise Malformed("no usable id")

    def get(self, key):
        return self.data.get(key)

    def note(self, key, problem):
        self.notes.append(f"{self.id}: {key} {problem}; left out")

    def _missing(self, key, required):
        if required:
            raise Malformed(f"{key} is missing")

    def text(self, key, limit=LONG_TEXT, required=False):
        value = self.data.get(key)
        if value is None or value == "":
            self._missing(key, required)
            return ""
        if not isinstance(value, str):
            if required:
                raise Malformed(f"{key} is not text")
            self.note(key, "is not text")
            return ""
        value = value.replace("\x00", "").strip()
        if len(value) > limit:
            raise Malformed(f"{key} has {len(value)} characters; at most {limit} fit")
        if required and not value:
            raise Malformed(f"{key} is empty")
        return value

    def day(self, key, required=False):
        value = self.data.get(key)
        if value is None:
            self._missing(key, required)
            return None
        moment = parse_moment(value) if isinstance(value, str) and len(value) <= 10 else None
        if moment is None:
            if required:
                raise Malformed(f"{key} is not a date")
            self.note(key, "is not a date")
            return None
        return moment.date()

    def moment(self, key, required=False):
        value = self.data.get(key)
        if value is None:
            self._missing(key, required)
            return None
        moment = parse_moment(value)
        if moment is None:
            if required:
                raise Malformed(f"{key} is not a time")
            self.note(key, "is not a time")
        return moment

    def keep_created(self, record):
        """The record was created when the source's object was, if it says so."""
        created = self.moment("created")
        if created is not None:
            record.created = created

    def flag(self, key, default):
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.note(key, "is not true or false")
            return default
        return value

    def number(self, key, low=0, high=2**31 - 1):
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.note(key, "is not a whole number in range")
            return None
        return value

    def url(self, key):
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value or len(value) > 2000:
            self.note(key, "is not an address")
            return None
        return value

    def urls(self, key):
        """The addresses of a list of references (objects count by their id)."""
        found = []
        for element in self.objects(key):
            if isinstance(element, dict):
                element = element.get("id")
            if isinstance(element, str) and element and len(element) <= 2000:
                found.append(element)
        return found

    def objects(self, key):
        """A list of embedded objects (or addresses of objects)."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.note(key, "is not a list")
            return []
        return value

    def web_address(self, key, limit):
        value = self.text(key, limit=10_000)
        if not value:
            return ""
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            self.note(key, "is not a web address")
            return ""
        if len(value) > limit:
            self.note(key, f"is longer than {limit} characters")
            return ""
        return value

    def email(self, key):
        value = self.text(key, limit=10_000)
        if not value:
            return ""
        try:
            validate_email(value)
        except ValidationError:
            self.note(key, "is not an e-mail address")
            return ""
        return value
