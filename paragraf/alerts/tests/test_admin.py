import pytest
from django.contrib.auth.models import User

from paragraf.alerts.tests.conftest import subscribed

pytestmark = pytest.mark.django_db


def test_staff_find_a_subscription_by_address_in_the_admin(client, committee):
    subscribed(committee, email="hitta@example.se")
    subscribed(committee, email="annan@example.se")
    client.force_login(User.objects.create_superuser("admin"))
    html = client.get("/admin/alerts/subscription/?q=hitta").content.decode()
    assert "hitta@example.se" in html
    assert "annan@example.se" not in html
