from django.urls import path

from paragraf.backoffice.views import delegated

urlpatterns = [
    path(
        "namnder/<slug:committee>/delegationsbeslut/",
        delegated.decision_list,
        name="delegated_list",
    ),
    path(
        "namnder/<slug:committee>/delegationsbeslut/ny/",
        delegated.decision_create,
        name="delegated_create",
    ),
    path(
        "namnder/<slug:committee>/delegationsbeslut/anmal/",
        delegated.decision_report,
        name="delegated_report",
    ),
    path("delegationsbeslut/<int:decision>/", delegated.decision_edit, name="delegated_edit"),
]
