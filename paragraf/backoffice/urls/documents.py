from django.urls import path

from paragraf.backoffice.views import documents

urlpatterns = [
    path(
        "moten/<int:meeting>/kallelse-med-handlingar.pdf",
        documents.members_bundle,
        name="documents_members_bundle",
    ),
    path(
        "moten/<int:meeting>/kallelse-med-handlingar-arkiv.pdf",
        documents.members_archive_bundle,
        name="documents_members_archive_bundle",
    ),
]
