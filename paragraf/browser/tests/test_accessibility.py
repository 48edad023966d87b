"""axe-core's WCAG 2.1 AA rules on every page type, public and back office.

One axe run per page type; a failure lists every page's violations at once,
each with its rule id, impact and the selectors of the offending elements."""

from paragraf.browser.axe import axe_context, describe, violations
from paragraf.browser.pages import ALERT_PAGES, PUBLIC_PAGES, back_office_pages, log_in


def check(page, pages):
    """Visits each (name, path, status) and returns axe's findings, and any page title
    or main heading out of order, as text, page by page."""
    found = []
    for name, path, status in pages:
        response = page.goto(path)
        assert response.status == status, f"{name} page {path} answered {response.status}"
        lines = describe(violations(page))
        # axe only checks that a title exists (WCAG 2.4.2); it must also read as a title.
        title = page.title()
        if "<" in title or len(title) > 150:
            lines.append(f"page title is not a title: {title[:200]!r}")
        if page.locator("h1").count() != 1:
            lines.append(f"{page.locator('h1').count()} h1 headings instead of one")
        if lines:
            found.append(f"{name} ({path}):\n    " + "\n    ".join(lines))
    return found


def test_public_pages_have_no_wcag_violations(new_context, public_site, settings):
    settings.ROOT_URLCONF = "paragraf.browser.tests.error_urls"
    page = axe_context(new_context).new_page()
    every = PUBLIC_PAGES | ALERT_PAGES
    pages = [(name, path, status) for name, (path, status) in every.items()]
    pages += [
        ("english", "/en/namnder/regional-tillvaxtnamnd/", 200),
        ("removed-document", public_site.removed_document_path, 410),
        ("server-error", "/test-tekniskt-fel/", 500),
    ]
    found = check(page, pages)
    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found)


def test_back_office_pages_have_no_wcag_violations(new_context, office):
    page = axe_context(new_context).new_page()
    found = check(page, [("login", "/kansli/logga-in/", 200)])
    log_in(page, password="fel lösenord")
    assert "/logga-in/" in page.url and page.locator("main [role=alert], main .errorlist").count()
    found += [f"refused login:\n    {line}" for line in describe(violations(page))]
    log_in(page)
    pages = [(name, path, 200) for name, path in back_office_pages(office).items()]
    # Another committee's page: the secretary is refused with the 403 page.
    pages.append(("forbidden", "/kansli/namnder/annan-namnd/arenden/", 403))
    found += check(page, pages)
    # A form sent blank (spaces pass the browser's check, not the server's):
    # its error messages and the fields they belong to.
    page.goto(back_office_pages(office)["new-case"])
    for field in page.locator("main form :is(input, textarea)[required]").all():
        field.fill(" ")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.press("Enter")
    assert page.locator("main [aria-invalid=true]").count() > 0, "the blank form was accepted"
    found += [f"refused case form:\n    {line}" for line in describe(violations(page))]
    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found)


def test_axe_reports_what_it_finds(new_context, public_site):
    # Guards the two tests above against an axe that silently checks nothing.
    page = axe_context(new_context).new_page()
    page.goto("/om-webbplatsen/")
    page.evaluate(
        "() => { const input = document.createElement('input');"
        " input.id = 'unlabelled'; document.querySelector('main').append(input); }"
    )
    lines = describe(violations(page))
    assert any(line.startswith("label (critical)") and "#unlabelled" in line for line in lines)
