from django.urls import path

from paragraf.documents import views

app_name = "documents"
urlpatterns = [
    path("granska/", views.verify, name="verify"),
]
