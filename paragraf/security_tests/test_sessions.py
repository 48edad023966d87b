"""Back-office sessions: a new session key at log-in, a cookie scripts cannot read,
an end after SESSION_COOKIE_AGE and at log-out, and a log-in that slows down
guessing whatever the spelling of the user name."""

import datetime

from django.test import Client

from paragraf.accounts.models import LoginAttempt
from paragraf.backoffice.tests.conftest import Role

PASSWORD = "lösenord-för-test"  # noqa: S105 - the test users' password


def log_in(client, user, password=PASSWORD):
    return client.post("/kansli/logga-in/", {"username": user.username, "password": password})


def test_logging_in_gives_a_new_session_key(users):
    client = Client()
    client.get("/kansli/logga-in/")
    planted = client.session  # a session key an attacker may have planted
    planted["planted"] = True
    planted.save()
    before = planted.session_key
    assert client.cookies["sessionid"].value == before
    assert log_in(client, users[Role.SECRETARY]).status_code == 302
    assert client.session.session_key != before
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    # A browser cookie: closing the browser ends the session (the server ends it later).
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_the_session_ends_after_its_age(users, settings, time_machine):
    time_machine.move_to(datetime.datetime(2023, 3, 1, 8, tzinfo=datetime.UTC))
    client = Client()
    log_in(client, users[Role.SECRETARY])
    assert client.get("/kansli/").status_code == 200
    time_machine.shift(datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60))
    assert client.get("/kansli/").status_code == 200
    time_machine.shift(datetime.timedelta(seconds=120))
    response = client.get("/kansli/")
    assert response.status_code == 302 and "/kansli/logga-in/" in response["Location"]


def test_logging_out_ends_the_session_on_the_server_too(users):
    client = Client()
    log_in(client, users[Role.SECRETARY])
    stolen = client.cookies["sessionid"].value
    assert client.get("/kansli/logga-ut/").status_code == 405  # a link cannot log you out
    assert client.post("/kansli/logga-ut/").status_code in (200, 302)
    thief = Client()
    thief.cookies["sessionid"] = stolen
    assert thief.get("/kansli/").status_code == 302


def test_the_limit_counts_every_spelling_of_a_user_name(users, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    client = Client()
    for name in ("sekreterare", "SEKRETERARE", "Sekreterare"):
        client.post("/kansli/logga-in/", {"username": name, "password": "fel"})
    response = log_in(client, users[Role.SECRETARY])
    assert response.status_code == 200
    assert "För många misslyckade försök" in response.content.decode()


def test_a_huge_user_name_is_refused_without_an_error(users):
    client = Client()
    response = client.post("/kansli/logga-in/", {"username": "x" * 100_000, "password": "fel"})
    assert response.status_code == 200
    assert LoginAttempt.objects.get().username == "x" * 150
