"""Loading the demo into an empty database, twice, or next to other data."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command

from paragraf.demo import loader
from paragraf.meetings.models import AgendaItem, Meeting, Paragraph
from paragraf.organisation.models import Body

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = "http://127.0.0.1:8000"


def counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"auth", "organisation", "cases", "meetings"}
    }


def test_loading_twice_changes_nothing():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    before = counts()
    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert counts() == before
    assert "already loaded" in again.getvalue()
    assert "sekreterare / paragraf-demo" in again.getvalue()


def test_the_command_prints_the_logins_and_the_seed_meeting():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()
    assert "http://127.0.0.1:8000/admin/" in printed
    assert "sekreterare / paragraf-demo" in printed
    assert "ledamot / paragraf-demo" in printed
    assert "http://127.0.0.1:8000/namnder/regional-tillvaxtnamnd/mote-2022-12-14/" in printed


def test_it_leaves_a_database_with_other_data_alone():
    Body.objects.create(name="Region Testlän")
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "not loaded" in out.getvalue()
    assert list(Body.objects.values_list("name", flat=True)) == ["Region Testlän"]
    assert not Meeting.objects.exists()


def test_an_upcoming_meeting_has_its_notice_published():
    today = date(2031, 3, 10)
    loader.load_demo(today=today)
    upcoming = Meeting.objects.get(state=Meeting.State.NOTICE_PUBLISHED)
    assert upcoming.local_date > today
    assert upcoming.items.count() >= 3
    assert not Paragraph.objects.filter(agenda_item__meeting=upcoming).exists()
    assert not upcoming.items.exclude(state=AgendaItem.State.ON_AGENDA).exists()
