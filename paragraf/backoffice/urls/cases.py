from django.urls import path

from paragraf.backoffice.views import cases

urlpatterns = [
    path("namnder/<slug:committee>/arenden/", cases.case_list, name="cases_list"),
    path("namnder/<slug:committee>/arenden/ny/", cases.case_create, name="cases_create"),
    path("arenden/<int:case>/", cases.case_detail, name="cases_detail"),
    path("arenden/<int:case>/handlingar/", cases.case_upload, name="cases_upload"),
    path("handlingar/<int:document>/", cases.document_download, name="cases_document"),
    path(
        "handlingar/<int:document>/offentlighet/",
        cases.document_public,
        name="cases_document_public",
    ),
]
