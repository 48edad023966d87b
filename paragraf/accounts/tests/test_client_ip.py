"""Rate limits count per visitor address, also behind our own reverse proxy."""

from django.test import RequestFactory

from paragraf.accounts.forms import client_ip


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.BEHIND_PROXY = False
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client_ip(request) == "10.0.0.1"


def test_behind_the_proxy_the_address_it_added_counts_not_the_clients_claim(settings):
    settings.BEHIND_PROXY = True
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )
    assert client_ip(request) == "198.51.100.7"
    bare = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")
    assert client_ip(bare) == "10.0.0.1"
