from paragraf import factories
from paragraf.organisation.models import Committee


def test_it_lists_committees_grouped_by_kind(client, committee):
    factories.committee(committee.body, name="Regionstyrelsen", kind=Committee.Kind.BOARD)
    gone = factories.committee(committee.body, name="Nedlagd nämnd")
    gone.soft_delete()
    html = client.get("/namnder/").content.decode()
    assert "Styrelse" in html and "Nämnd" in html
    assert html.index("Regional tillväxtnämnd") > html.index("Nämnd")
    assert 'href="/namnder/regional-tillvaxtnamnd/"' in html
    assert "Nedlagd nämnd" not in html
