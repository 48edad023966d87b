"""A visitor who subscribes on the English pages gets English e-mails and links."""

import pytest

from paragraf.alerts.models import Subscription
from paragraf.alerts.tests.conftest import SITE

pytestmark = pytest.mark.django_db


def test_subscribing_in_english_gives_english_mail(client, committed, committee, mailoutbox):
    url = "/en/bevakning/namnd/regional-tillvaxtnamnd/"
    form = client.get(url).content.decode()
    assert "Your e-mail address" in form
    response = committed(client.post, url, {"email": "visitor@example.com"})
    assert response["Location"] == "/en/bevakning/skickat/"
    (message,) = mailoutbox
    assert message.subject == "Confirm your e-mail alert"
    assert f"{SITE}/en/bevakning/bekrafta/" in message.body
    assert Subscription.objects.get().language == "en"
