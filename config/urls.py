from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # The OParl API is a contract: its addresses carry no language prefix.
    path("oparl/v1/", include("paragraf.api.urls")),
    path("", include("paragraf.feeds.sitemap_urls")),  # /sitemap.xml: root, both languages
]
urlpatterns += i18n_patterns(
    path("kansli/", include("paragraf.backoffice.urls")),
    path("anslagstavla/", include("paragraf.noticeboard.urls")),
    path("handlingar/", include("paragraf.documents.urls")),
    path("sok/", include("paragraf.search.urls")),
    path("oppna-data/", include("paragraf.feeds.urls")),
    path("bevakning/", include("paragraf.alerts.urls")),
    path("", include("paragraf.portal.urls")),
    prefix_default_language=False,
)

handler404 = "paragraf.portal.views.errors.not_found"
handler500 = "paragraf.portal.views.errors.server_error"
