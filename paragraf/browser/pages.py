"""The pages the browser tests visit, one of every page type, and the way in to the back office."""

import pytest

from paragraf.browser.site import PASSWORD

MEETING_PATH = "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"
AGENDA_PATH = "/namnder/regional-tillvaxtnamnd/mote-2023-02-15/"

# One page of every public page type, with the status it should answer with.
# The data behind them is paragraf.browser.site.public_site.
PUBLIC_PAGES = {
    "start": ("/", 200),
    "committees": ("/namnder/", 200),
    "committee": ("/namnder/regional-tillvaxtnamnd/", 200),
    "meeting": (MEETING_PATH, 200),
    "agenda": (AGENDA_PATH, 200),
    "item": (MEETING_PATH + "punkt-1/", 200),
    "agenda-item": (AGENDA_PATH + "punkt-1/", 200),
    "paragraph": (MEETING_PATH + "paragraf-1/", 200),
    "noticeboard": ("/anslagstavla/", 200),
    "appeal-date": ("/anslagstavla/?uppsatt=2023-03-17", 200),
    "appeal-date-refused": ("/anslagstavla/?uppsatt=17+mars", 400),
    "search": ("/sok/", 200),
    "search-results": ("/sok/?q=Hopajola", 200),
    "search-no-results": ("/sok/?q=zyxwvuts", 200),
    "search-bad-query": ("/sok/?q=bidrag&year=i+fjol", 200),
    "about": ("/om-webbplatsen/", 200),
    "open-data": ("/oppna-data/", 200),
    "not-found": ("/namnder/finns-inte/", 404),
}

# The e-mail alert pages: public, but their forms set the CSRF cookie (named on the
# about page), so test_privacy.py checks them apart from the cookie-free PUBLIC_PAGES.
ALERT_PAGES = {
    "alerts": ("/bevakning/", 200),
    "alerts-committee": ("/bevakning/namnd/regional-tillvaxtnamnd/", 200),
}

# Everything the non-public item holds; none of it may reach a visitor.
NON_PUBLIC_MARKERS = [
    "HEMLIG-TITEL",
    "HEMLIG-TEXT",
    "HEMLIG-BILAGA",
    "HEMLIGT-BESLUT",
    "hemlig.pdf",
]


def visit(page, name):
    """Goes to one of PUBLIC_PAGES or ALERT_PAGES and checks the status it answered with."""
    path, status = (PUBLIC_PAGES | ALERT_PAGES)[name]
    response = page.goto(path)
    assert response.status == status, f"{name} page {path} answered {response.status}"
    return response


def back_office_pages(office):
    """The secretary's main pages for the data of paragraf.browser.site.back_office."""
    committee = office.held.committee.slug
    planned, held, signing = office.planned.pk, office.held.pk, office.signing.pk
    return {
        "dashboard": "/kansli/",
        "cases": f"/kansli/namnder/{committee}/arenden/",
        "case": f"/kansli/arenden/{office.case.pk}/",
        "new-case": f"/kansli/namnder/{committee}/arenden/ny/",
        "meetings": f"/kansli/namnder/{committee}/moten/",
        "new-meeting": f"/kansli/namnder/{committee}/moten/nytt/",
        "agenda-builder": f"/kansli/moten/{planned}/dagordning/",
        "agenda-preview": f"/kansli/moten/{planned}/forhandsvisning/",
        "meeting-cockpit": f"/kansli/moten/{held}/sammantrade/",
        "meeting-item": f"/kansli/moten/{held}/punkter/{office.items[1].pk}/",
        "history": f"/kansli/moten/{held}/historik/",
        "minutes-editor": f"/kansli/moten/{held}/protokoll/",
        "minutes-closed-editor": f"/kansli/moten/{office.closed.pk}/protokoll/",
        "minutes-waiting-editor": f"/kansli/moten/{signing}/protokoll/",
        "minutes-verified-editor": f"/kansli/moten/{office.verified.pk}/protokoll/",
        "minutes-without-notice": f"/kansli/moten/{office.unposted.pk}/protokoll/",
        "approvals": "/kansli/protokoll/",
        "approval": f"/kansli/protokoll/{office.approval.pk}/",
        "delegated": f"/kansli/namnder/{committee}/delegationsbeslut/",
        "new-delegated": f"/kansli/namnder/{committee}/delegationsbeslut/ny/",
    }


def log_in(page, username="sekreterare", password=PASSWORD):
    """Logs in on the back office's login page."""
    page.goto("/kansli/logga-in/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tab_to(page, locator, limit=150):
    """Presses Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("(el) => el === document.activeElement"):
            return
    pytest.fail(f"{locator} was not reached in {limit} presses of Tab")
