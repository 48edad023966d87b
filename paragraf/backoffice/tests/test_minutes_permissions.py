"""The permission matrix of test_permissions, for the minutes pages alone."""

import pytest
from django.urls import reverse

from paragraf.backoffice.tests.test_permissions import PATTERNS, USERS, expected_allowed

MINUTES = [p for p in PATTERNS if p.name.startswith("minutes_")]


def test_the_minutes_pages_are_registered():
    assert {"minutes_editor", "minutes_approval", "minutes_waiting"} <= {p.name for p in MINUTES}


@pytest.mark.parametrize("user_key", USERS)
def test_each_role_may_open_exactly_the_minutes_pages_its_role_allows(
    client, users, objects, user_key
):
    if user_key != "anonymous":
        client.force_login(users[user_key])
    failures = []
    for pattern in MINUTES:
        action = pattern.callback.required_action
        kwargs = {name: objects[name] for name in pattern.pattern.converters}
        url = reverse(f"backoffice:{pattern.name}", kwargs=kwargs)
        status = client.get(url).status_code
        allowed = expected_allowed(user_key, action, bool(kwargs))
        if user_key == "anonymous":
            ok = status == 302
        elif allowed:
            ok = status not in (403, 404, 500)
        else:
            ok = status == 403
        if not ok:
            failures.append(f"{pattern.name} ({url}): {status}")
    assert failures == []
