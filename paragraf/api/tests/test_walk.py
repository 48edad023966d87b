"""A harvester walks the whole API of the demo: every object is valid OParl 1.1."""

import pytest
from django.test import override_settings

from paragraf.api.tests.oparl import errors, harvest, objects_of
from paragraf.demo import loader


@pytest.fixture
def walk(client, db, tmp_path):
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], MEDIA_ROOT=tmp_path
    ):
        loader.load_demo()
        return harvest(client)


def test_a_harvester_walking_the_demo_finds_only_valid_public_oparl(walk):
    problems = [f"{where} {e}" for where, obj in objects_of(walk) for e in errors(obj)]
    assert problems == []
    kinds = {obj["type"].rsplit("/", 1)[1] for _where, obj in objects_of(walk)}
    assert kinds >= {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "LegislativeTerm",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
    }

    # Public JSON for anyone, no cookies.
    for url, (response, _data) in walk.items():
        assert response["Content-Type"] == "application/json; charset=utf-8", url
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert not response.cookies, url

    # The seed meeting carries its paragraph numbers § 92–§ 107 and its justering.
    seed = next(
        obj
        for _where, obj in objects_of(walk)
        if obj["type"].endswith("/Meeting") and obj.get("start", "").startswith("2022-12-14")
    )
    numbers = [
        item["paragraf:paragraphNumber"]
        for item in seed["agendaItem"]
        if "paragraf:paragraphNumber" in item
    ]
    assert numbers == list(range(92, 108))
    assert seed["paragraf:verified"]
