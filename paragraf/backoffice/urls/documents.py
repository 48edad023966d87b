from django.urls import path

from paragraf.backoffice.views import documents

urlpatterns = [
    path(
        "moten/<int:meeting>/kallelse-med-handlingar.pdf",
        documents.members_bundle,
        name="documents_members_bundle",
    ),
]
