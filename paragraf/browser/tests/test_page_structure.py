"""Checks every public page type's outline: one h1, one main landmark, Swedish."""

from paragraf.browser.pages import PUBLIC_PAGES, visit


def test_every_page_has_one_main_heading_in_swedish(page):
    wrong = []
    for name in PUBLIC_PAGES:
        visit(page, name)
        outline = {
            "h1": page.locator("h1").count(),
            "main#main": page.locator("main#main").count(),
            "lang": page.get_attribute("html", "lang"),
        }
        if outline != {"h1": 1, "main#main": 1, "lang": "sv"}:
            wrong.append(f"{name}: {outline}")
    assert not wrong, "pages with a wrong outline:\n" + "\n".join(wrong)
