import datetime

import time_machine
from django.contrib.auth.models import User
from django.utils import timezone

URL = "/kansli/logga-in/"


def attempt(client, password, username="sekreterare"):
    return client.post(URL, {"username": username, "password": password})


def test_a_correct_password_logs_in(client, db):
    User.objects.create_user("sekreterare", password="rätt-lösenord-123")
    response = attempt(client, "rätt-lösenord-123")
    assert response.status_code == 302
    assert response["Location"] == "/kansli/"


def test_a_wrong_password_gets_a_swedish_message(client, db):
    User.objects.create_user("sekreterare", password="rätt-lösenord-123")
    html = attempt(client, "fel").content.decode()
    assert "Ange ett korrekt användarnamn och lösenord" in html


def test_after_five_failures_even_the_right_password_waits(client, db, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    User.objects.create_user("sekreterare", password="rätt-lösenord-123")
    for _ in range(5):
        assert attempt(client, "fel").status_code == 200
    response = attempt(client, "rätt-lösenord-123")
    assert response.status_code == 200
    assert "För många misslyckade försök" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_guessing_many_user_names_from_one_address_is_slowed_too(client, db, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    for n in range(5):
        attempt(client, "fel", username=f"gissning{n}")
    assert "För många misslyckade försök" in attempt(client, "x", "ny").content.decode()


def test_the_pause_ends_after_the_window(client, db, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    settings.LOGIN_FAILURE_WINDOW = 900
    User.objects.create_user("sekreterare", password="rätt-lösenord-123")
    attempt(client, "fel")
    attempt(client, "fel")
    later = timezone.now() + datetime.timedelta(seconds=901)
    with time_machine.travel(later):
        assert attempt(client, "rätt-lösenord-123").status_code == 302


def test_the_log_in_form_is_protected_against_cross_site_posts(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, {"username": "x", "password": "y"})
    assert response.status_code == 403
