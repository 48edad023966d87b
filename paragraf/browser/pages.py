"""The public pages the browser tests visit, one of every page type."""

MEETING_PATH = "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"

# One page of every public page type, with the status it should answer with.
PUBLIC_PAGES = {
    "start": ("/", 200),
    "committees": ("/namnder/", 200),
    "committee": ("/namnder/regional-tillvaxtnamnd/", 200),
    "meeting": (MEETING_PATH, 200),
    "item": (MEETING_PATH + "punkt-1/", 200),
    "paragraph": (MEETING_PATH + "paragraf-1/", 200),
    "about": ("/om-webbplatsen/", 200),
    "not-found": ("/namnder/finns-inte/", 404),
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
    """Goes to one of PUBLIC_PAGES and checks it answered with the expected status."""
    path, status = PUBLIC_PAGES[name]
    response = page.goto(path)
    assert response.status == status, f"{name} page {path} answered {response.status}"
    return response
