from playwright.sync_api import expect

from paragraf.browser.pages import visit


def test_print_hides_the_navigation(page):
    visit(page, "meeting")
    main_menu = page.get_by_role("navigation", name="Huvudmeny")
    skip_link = page.locator("a.skip-link")
    decision = page.get_by_text("Regional tillväxtnämnd beviljar 305 000 kronor.")
    # On screen the menu is shown and the skip link is in the page, just moved out of sight.
    expect(main_menu).to_be_visible()
    expect(skip_link).to_be_visible()

    page.emulate_media(media="print")

    expect(main_menu).to_be_hidden()
    expect(skip_link).to_be_hidden()
    expect(decision).to_be_visible()
    expect(page.get_by_role("heading", name="Protokoll")).to_be_visible()
