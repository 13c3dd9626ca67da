from django.urls import path

from kawal.supervision import api

app_name = "supervision-api"

urlpatterns = [
    path("laporan-tps/", api.ReportCreate.as_view(), name="report"),
    path("laporan-tps/batch/", api.ReportBatch.as_view(), name="report-batch"),
    path("laporan-tps/<int:report_id>/foto/", api.ReportPhoto.as_view(), name="report-photo"),
    path("total/<int:election>/<str:code>/", api.AreaTotals.as_view(), name="totals"),
]
