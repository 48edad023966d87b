"""robots.txt points crawlers at the sitemap and away from the back office."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_names_the_sitemap_and_keeps_crawlers_out_of_the_back_office(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /kansli/" in lines
    assert client.get("/sitemap.xml").status_code == 200
    assert client.post("/robots.txt").status_code == 405
