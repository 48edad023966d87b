from django.urls import path, re_path

from paragraf.portal.views import documents, meetings, pages, pdfs

app_name = "portal"

urlpatterns = [
    path("", pages.home, name="home"),
    path("om-webbplatsen/", pages.about, name="about"),
    path("namnder/", pages.committees, name="committees"),
    path("namnder/<slug:committee>/", pages.committee, name="committee"),
    path("namnder/<slug:committee>/<slug:meeting>/", meetings.meeting, name="meeting"),
    path("namnder/<slug:committee>/<slug:meeting>/kallelse.pdf", pdfs.notice, name="notice_pdf"),
    path(
        "namnder/<slug:committee>/<slug:meeting>/kallelse-med-handlingar.pdf",
        pdfs.bundle,
        name="bundle_pdf",
    ),
    path(
        "namnder/<slug:committee>/<slug:meeting>/kallelse-med-handlingar-arkiv.pdf",
        pdfs.archive_bundle,
        name="archive_bundle_pdf",
    ),
    path("namnder/<slug:committee>/<slug:meeting>/protokoll.pdf", pdfs.minutes, name="minutes_pdf"),
    path(
        "namnder/<slug:committee>/<slug:meeting>/protokoll-version-<int:version>.pdf",
        pdfs.minutes_version,
        name="minutes_version_pdf",
    ),
    path(
        "namnder/<slug:committee>/<slug:meeting>/paragraf-<int:number>/utdrag.pdf",
        pdfs.extract,
        name="extract_pdf",
    ),
    path(
        "namnder/<slug:committee>/<slug:meeting>/punkt-<int:position>/",
        meetings.agenda_item,
        name="agenda_item",
    ),
    path(
        "namnder/<slug:committee>/<slug:meeting>/paragraf-<int:number>/",
        meetings.paragraph,
        name="paragraph",
    ),
    re_path(
        r"^handlingar/(?P<pk>[0-9]{1,18})/(?P<filename>[^/]{1,200})$",
        documents.download,
        name="document",
    ),
]
