from urllib.parse import urlsplit

from paragraf.browser.pages import ALERT_PAGES, PUBLIC_PAGES, visit


def test_pages_load_nothing_from_other_hosts(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for name in PUBLIC_PAGES:
        visit(page, name)

    own_host = urlsplit(live_server.url).netloc
    # data: URLs are inline images, not requests to any host.
    elsewhere = [
        url for url in requested if not url.startswith("data:") and urlsplit(url).netloc != own_host
    ]
    assert elsewhere == []
    # Guards against a recorder that saw nothing: the stylesheet must have been among it.
    assert any(urlsplit(url).path.endswith("/portal/site.css") for url in requested)


def test_anonymous_visitors_get_no_cookies(page):
    for name in PUBLIC_PAGES:
        visit(page, name)
    assert page.context.cookies() == []


def test_the_alert_forms_set_only_the_forms_security_cookie_until_the_browser_closes(page):
    for name in ALERT_PAGES:
        visit(page, name)
    cookies = page.context.cookies()
    assert [c["name"] for c in cookies] == ["csrftoken"]
    assert cookies[0]["expires"] == -1, "the cookie must end with the browser session"
