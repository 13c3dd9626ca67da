from django.urls import path

from kawal.elections import views

app_name = "elections"

urlpatterns = [path("", views.index, name="index")]
