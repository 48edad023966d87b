"""Helpers for the import tests: saving an API walk into a folder, emptying
the portal, translating one server's addresses into another's."""

import json
import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.urls import reverse

from paragraf.api.importer.fetching import FetchError, save_answer, save_file, save_index
from paragraf.api.models import ImportedObject
from paragraf.api.tests.oparl import ROOT, harvest
from paragraf.meetings.models import Meeting

HOST = "http://testserver"


class ClientFetcher:
    """A fetcher that asks the Django test client: this server as the source."""

    def __init__(self, client):
        self.client = client
        self.asked = []

    def json(self, url, params=None):
        self.asked.append((url, params))
        response = self.client.get(url, params or {})
        if response.status_code != 200:
            raise FetchError(f"{url}: HTTP {response.status_code}")
        return json.loads(response.content)

    def download(self, url, limit):
        response = self.client.get(url)
        if response.status_code != 200:
            raise FetchError(f"{url}: HTTP {response.status_code}")
        return b"".join(response.streaming_content) if response.streaming else response.content


def files_in(value):
    """accessUrl of every File in an answer."""
    if isinstance(value, dict):
        if value.get("type", "").endswith("/File") and "accessUrl" in value:
            yield value["accessUrl"]
        for inner in value.values():
            yield from files_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from files_in(inner)


def export(client, folder):
    """Walk this server's API into `folder` (the importer's folder layout),
    with the content of every File; returns {url: answer}."""
    answers = {url: data for url, (_response, data) in harvest(client).items()}
    fetcher = ClientFetcher(client)
    for url, data in answers.items():
        save_answer(folder, url, data)
        for access in files_in(data):
            save_file(folder, access, fetcher.download(access, 10**9))
    save_index(folder, ROOT, answers)
    return answers


PORTAL_APPS = ["alerts", "feeds", "search", "documents", "noticeboard", "meetings", "cases"]
PORTAL_APPS += ["accounts", "organisation"]


def empty_portal():
    """Delete every record of the portal (not the import's own tables)."""
    Meeting.all_objects.update(minutes_verified_at=None)  # unlocks the minutes
    models = [m for label in PORTAL_APPS for m in apps.get_app_config(label).get_models()]
    for _round in range(len(models)):
        left = False
        for model in models:
            try:
                with transaction.atomic():
                    model._base_manager.all().delete()
            except (ProtectedError, RestrictedError):
                left = True
        if not left:
            break
    assert not left
    cache.clear()


ADDRESS = re.compile(
    r"http://testserver/(oparl/v1/(?:file/invitation|file/minutes|[a-z]+)|handlingar)/(\d+)/"
)
URL_NAMES = {
    "Body": "body",
    "LegislativeTerm": "term",
    "Organization": "organization",
    "Person": "person",
    "Membership": "membership",
    "Location": "location",
    "Meeting": "meeting",
    "AgendaItem": "agenda_item",
    "Paper": "paper",
    "File": "file",
}
# Addresses numbered by another object's number.
SAME_NUMBERS = {
    "oparl/v1/consultation": "oparl/v1/agendaitem",
    "oparl/v1/file/invitation": "oparl/v1/meeting",
    "oparl/v1/file/minutes": "oparl/v1/meeting",
    "handlingar": "oparl/v1/file",
}


def translator():
    """A function that rewrites the source's addresses in a JSON text into
    the addresses of the records the import made of them."""
    numbers = {}
    for row in ImportedObject.objects.exclude(kind="Consultation"):
        match = ADDRESS.match(row.source)
        path = reverse(f"oparl:{URL_NAMES[row.kind]}", kwargs={"pk": row.object_id})
        numbers.setdefault(match.group(1), {})[match.group(2)] = path.rstrip("/").rsplit("/")[-1]
    assert ContentType.objects.exists()

    def replace(match):
        kind, number = match.group(1), match.group(2)
        new = numbers.get(SAME_NUMBERS.get(kind, kind), {}).get(number, f"unmapped-{number}")
        return f"{HOST}/{kind}/{new}/"

    return lambda text: ADDRESS.sub(replace, text)
