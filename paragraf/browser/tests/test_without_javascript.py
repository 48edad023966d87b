from playwright.sync_api import expect

from paragraf.browser.pages import visit


def test_pages_work_without_javascript(new_context, public_site):
    page = new_context(java_script_enabled=False).new_page()
    visit(page, "meeting")

    minutes = page.get_by_role("region", name="Protokoll")
    expect(minutes.get_by_text("§ 1", exact=True)).to_be_visible()
    expect(minutes.get_by_role("link", name="Verksamhetsbidrag 2023 till Hopajola")).to_be_visible()
    expect(minutes.get_by_text("Regional tillväxtnämnd beviljar 305 000 kronor.")).to_be_visible()

    agenda = page.get_by_role("region", name="Föredragningslista")
    expect(agenda.get_by_role("link", name="Verksamhetsbidrag 2023 till Hopajola")).to_be_visible()
    expect(agenda.get_by_role("link", name="Ansökan Hopajola")).to_be_visible()
