"""The public notice board. The portal includes these at /anslagstavla/."""

from django.urls import path

from paragraf.noticeboard import views

app_name = "noticeboard"

urlpatterns = [
    path("", views.board, name="board"),
]
