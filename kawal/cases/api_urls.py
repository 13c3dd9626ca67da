from django.urls import path

from kawal.cases import api

app_name = "cases-api"

urlpatterns = [
    path("", api.CaseList.as_view(), name="list"),
    path("<int:pk>/", api.CaseDetail.as_view(), name="detail"),
    path("<int:pk>/aksi/", api.CaseAction.as_view(), name="act"),
    path("lapor/", api.PublicReportCreate.as_view(), name="report"),
    path("lacak/<str:code>/", api.PublicTracking.as_view(), name="track"),
]
