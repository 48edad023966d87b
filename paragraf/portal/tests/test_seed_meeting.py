"""The demo's seed meeting, as the portal shows it: the page our users compare with
the real one (../shared/seed/regional-tillvaxtnamnd-2022-12-14.txt)."""

import re

import pytest
from django.test import override_settings

from paragraf.demo import loader

URL = "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"


@pytest.fixture
def page(client, db, tmp_path):
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], MEDIA_ROOT=tmp_path
    ):
        loader.load_demo()
        return client.get(URL).content.decode()


def test_it_shows_the_minutes_from_92_to_107_in_order(page):
    minutes = page.split('id="protokoll"')[1].split('id="foredragningslista"')[0]
    numbers = [int(n) for n in re.findall(r'<span class="num">§ (\d+)</span>', minutes)]
    assert numbers == list(range(92, 108))
    for title in (
        "Protokollsjustering",
        "Periodrapport november 2022",
        "Effekt- och energiförsörjning",
        "Regeringens forum för regional utveckling",
    ):
        assert title in minutes
    assert "Coompanion Örebro län erhåller cirka en miljon kronor" in minutes


def test_it_shows_the_agenda_from_1_to_15_with_attachments(page):
    agenda = page.split('id="foredragningslista"')[1]
    numbers = re.findall(r'<span class="num">(\d+)</span>', agenda)
    assert numbers == [str(n) for n in range(1, 16)]
    assert "Coompanion Örebro län erhåller ca en miljon kronor" in agenda
    assert agenda.count("<h4>Bilagor</h4>") == 12  # items 2–13, as on the real page
    assert "Regeringens forum" not in agenda  # added at the meeting, not on the agenda
