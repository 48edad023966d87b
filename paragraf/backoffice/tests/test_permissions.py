"""Every back-office URL, with every role: who may open it and who may not.

The URLs come from the URL configuration, and the action each needs from its
view's `@requires` gate, so a new view without a gate fails here.
"""

import pytest
from django.urls import URLPattern, URLResolver, reverse

from paragraf.accounts.permissions import RULES
from paragraf.backoffice import urls as backoffice_urls

ROLES = ["sekreterare", "handlaggare", "ledamot", "registrator", "administrator"]
USERS = ["anonymous", *ROLES, "utomstaende", "superuser"]


def backoffice_patterns(patterns=backoffice_urls.urlpatterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from backoffice_patterns(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            yield entry


PATTERNS = list(backoffice_patterns())


def test_every_back_office_view_has_a_gate():
    ungated = [p.name for p in PATTERNS if not hasattr(p.callback, "required_action")]
    assert ungated == [], f"views without @requires or @public: {ungated}"


def expected_allowed(user_key, action, names_an_object):
    if action is None or user_key == "superuser":
        return True
    if user_key == "anonymous":
        return False
    allowed_roles = {str(role) for role in RULES[action]}
    if user_key == "utomstaende":
        # A secretary of another committee: nothing of ours, but pages that
        # name no object (the overview, lists) show them their own committee.
        return not names_an_object and "sekreterare" in allowed_roles
    return user_key in allowed_roles


@pytest.mark.parametrize("user_key", USERS)
def test_each_role_may_open_exactly_what_its_role_allows(client, users, objects, user_key):
    if user_key != "anonymous":
        client.force_login(
            users["admin" if user_key == "superuser" else user_key]
            if user_key != "superuser"
            else users["superuser"]
        )
    failures = []
    for pattern in PATTERNS:
        action = pattern.callback.required_action
        kwargs = {name: objects[name] for name in pattern.pattern.converters}
        url = reverse(f"backoffice:{pattern.name}", kwargs=kwargs)
        status = client.get(url).status_code
        allowed = expected_allowed(user_key, action, bool(kwargs))
        if user_key == "anonymous" and action is not None:
            ok = status == 302
        elif allowed:
            ok = status not in (403, 404, 500)
        else:
            ok = status == 403
        if not ok:
            failures.append(
                f"{pattern.name} ({url}): {status}, expected {'allowed' if allowed else 'refused'}"
            )
    assert failures == []
