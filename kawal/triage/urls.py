from django.urls import path

from kawal.triage import views

app_name = "triage"

urlpatterns = [
    path("kasus/<int:pk>/", views.case_panel, name="case_panel"),
    path("kasus/<int:pk>/halaman/", views.case_page, name="case_page"),
    path("kasus/<int:pk>/analisis/", views.analyse, name="analyse"),
    path("kasus/<int:pk>/saran/<int:suggestion_pk>/terima/", views.decide, {"action": "accept"}, name="accept"),
    path("kasus/<int:pk>/saran/<int:suggestion_pk>/tolak/", views.decide, {"action": "reject"}, name="reject"),
    path("akurasi/", views.accuracy, name="accuracy"),
]
