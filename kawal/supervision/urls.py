from django.urls import path

from kawal.supervision import (
    views_checklist,
    views_coverage,
    views_index,
    views_recap,
    views_report,
    views_stages,
)

app_name = "supervision"

urlpatterns = [
    path("", views_index.index, name="index"),
    path("lapor/", views_report.report_form, name="report_form"),
    path("lapor/<int:election_id>/", views_report.report_form, name="report_form_election"),
    path("laporan/<int:report_id>/", views_report.report_detail, name="report_detail"),
    path("laporan/<int:report_id>/foto/", views_report.report_photo, name="report_photo"),
    path("foto/<int:photo_id>/", views_report.photo_download, name="photo"),
    path("sw.js", views_report.service_worker, name="service_worker"),
    path("cakupan/", views_coverage.coverage_index, name="coverage_index"),
    path("cakupan/<int:election_id>/<str:code>/", views_coverage.coverage, name="coverage"),
    path("rekap/", views_recap.recap_index, name="recap_index"),
    path("rekap/<int:election_id>/", views_recap.recap, name="recap"),
    path("tahapan/", views_stages.task_list, name="tasks"),
    path("form-a/baru/", views_stages.form_a_new, name="form_a_new"),
    path("form-a/<int:report_id>/", views_stages.form_a, name="form_a"),
    path("form-a/<int:report_id>/pdf/", views_stages.form_a_pdf, name="form_a_pdf"),
    path("form-a/<int:report_id>/temuan/", views_stages.form_a_to_finding, name="form_a_finding"),
    path("pengawas/", views_stages.roster, name="roster"),
    path("daftar-periksa/", views_checklist.checklist_index, name="checklist_index"),
    path("daftar-periksa/<int:election_id>/", views_checklist.checklist, name="checklist"),
]
