"""The sitemap lives at the site's root: a sitemap may only list addresses
below its own, and it lists pages in both languages."""

from django.urls import path

from paragraf.feeds import sitemaps

app_name = "sitemaps"

urlpatterns = [
    path("robots.txt", sitemaps.robots, name="robots"),
    path("sitemap.xml", sitemaps.index, name="index"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="section"),
]
