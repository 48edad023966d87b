"""Every kind of response carries the security headers: HTML pages (public, back
office, errors, redirects), the JSON API, PDFs, attachments, feeds, exports and
static files. Production settings add HSTS and secure cookies."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from paragraf import factories
from paragraf.backoffice.tests.conftest import Role
from paragraf.portal.tests.test_leak_canary import links_in, same_origin_path
from paragraf.search import index

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(committee, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Static files from the source folders, as in development (no collectstatic here).
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    meeting = factories.verified_meeting(committee)
    index.rebuild()
    return meeting


def responses(site, users):
    """(what, response) for one address of each kind."""
    public = Client()
    base = site.get_absolute_url()
    document = site.items.get(position=1).documents.get()
    addresses = {
        "start page": "/",
        "meeting page": base,
        "search": "/sok/?q=hopajola",
        "not found": "/finns-inte/",
        "redirect": f"/handlingar/{document.pk}/fel-namn.pdf",
        "attachment": f"/handlingar/{document.pk}/{document.filename}",
        "notice PDF": base + "kallelse.pdf",
        "minutes PDF": base + "protokoll.pdf",
        "OParl system": "/oparl/v1/",
        "OParl not found": "/oparl/v1/meeting/999999/",
        "open data page": "/oppna-data/",
        "stylesheet": "/static/portal/site.css",
        "log-in page": "/kansli/logga-in/",
    }
    found = {what: public.get(url) for what, url in addresses.items()}
    page = found["open data page"]
    assert page.status_code == 200
    # Every feed and export the open-data page offers.
    for link in links_in(page["Content-Type"], page.content.decode()):
        path = same_origin_path(link)
        if path and path.startswith("/oppna-data/") and path != "/oppna-data/":
            found[f"export {path}"] = public.get(path)
    secretary = Client()
    secretary.force_login(users[Role.SECRETARY])
    found["back office"] = secretary.get("/kansli/")
    found["back-office PDF"] = secretary.get(f"/kansli/moten/{site.pk}/kallelse-med-handlingar.pdf")
    found["htmx fragment"] = secretary.get(
        f"/kansli/moten/{site.pk}/dagordning/", HTTP_HX_REQUEST="true"
    )
    return found


def test_every_kind_of_response_has_the_security_headers(site, users):
    found = responses(site, users)
    kinds = {r["Content-Type"].split(";")[0] for r in found.values()}
    assert {"text/html", "application/json", "application/pdf", "text/css"} <= kinds
    assert any("calendar" in kind or "xml" in kind or "csv" in kind for kind in kinds), kinds
    missing = []
    for what, response in found.items():
        csp = response.get("Content-Security-Policy", "")
        checks = {
            "CSP": "default-src 'self'" in csp,
            "no unsafe": "unsafe-inline" not in csp and "unsafe-eval" not in csp,
            "frame-ancestors": "frame-ancestors 'none'" in csp,
            "nosniff": response.get("X-Content-Type-Options") == "nosniff",
            "Referrer-Policy": response.get("Referrer-Policy") in ("same-origin", "no-referrer"),
            # WhiteNoise answers before Django's clickjacking middleware; the CSP's
            # frame-ancestors covers static files.
            "X-Frame-Options": response.get("X-Frame-Options") == "DENY" or what == "stylesheet",
        }
        missing += [(what, check) for check, ok in checks.items() if not ok]
    assert missing == []
    # …and none is a server error, and the public gets no cookie.
    for what, response in found.items():
        assert response.status_code < 500, what
        if what not in ("back office", "back-office PDF", "htmx fragment", "log-in page"):
            assert not response.cookies, what


def test_production_settings_add_hsts_and_secure_cookies():
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    environment.update(
        DEBUG="false", SECRET_KEY="s" * 60, ALLOWED_HOSTS="paragraf.example", DATABASE_URL=""
    )
    environment.pop("DATABASE_URL")
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_AGE",
    ]
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_SSL_REDIRECT"]
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
    assert 0 < values["SESSION_COOKIE_AGE"] <= 12 * 3600  # a working day, not weeks


def test_an_https_response_carries_hsts_in_production(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
