"""Checking API output against the official OParl 1.1 schemas."""

import json
from collections import deque
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from jsonschema import Draft4Validator, FormatChecker

SCHEMA_DIR = Path(settings.BASE_DIR).parent / "shared" / "oparl-1.1" / "schema"
PREFIX = "https://schema.oparl.org/1.1/"

checker = FormatChecker()


@checker.checks("url")
def is_url(value):
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@cache
def validator(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.json").read_text())
    return Draft4Validator(schema, format_checker=checker)


def errors(obj, where="$"):
    """Every schema error of an object and of the objects embedded in it."""
    found = []
    kind = obj.get("type", "")
    if not kind.startswith(PREFIX):
        return [f"{where}: no OParl type: {kind!r}"]
    found += [
        f"{where}: {e.message}" for e in validator(kind.removeprefix(PREFIX)).iter_errors(obj)
    ]
    for key, value in obj.items():
        values = value if isinstance(value, list) else [value]
        for n, element in enumerate(values):
            if isinstance(element, dict) and "type" in element:
                found += errors(element, f"{where}.{key}[{n}]")
    return found


ROOT = "http://testserver/oparl/v1/"


def links_in(value):
    if isinstance(value, dict):
        for inner in value.values():
            yield from links_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from links_in(inner)
    elif isinstance(value, str) and value.startswith(ROOT):
        yield value


def harvest(client, limit=5000):
    """{url: (response, decoded answer)} of every API address reachable from the root,
    each fetched once, breadth first."""
    seen, queue, answers = {ROOT}, deque([ROOT]), {}
    while queue and len(answers) < limit:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        answers[url] = (response, json.loads(response.content))
        for link in links_in(answers[url][1]):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert not queue, "the walk stopped at its limit"
    return answers


def objects_of(answers):
    """(where, object) of every object answered, list elements one by one."""
    for url, (_response, data) in answers.items():
        if "data" in data:
            for n, obj in enumerate(data["data"]):
                yield f"{url} data[{n}]", obj
        else:
            yield url, data
