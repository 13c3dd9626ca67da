from django.urls import path

from kawal.cases import public_views, views

app_name = "cases"

urlpatterns = [
    # Staff
    path("", views.case_list, name="list"),
    path("baru/temuan/", views.new_case, {"kind": "temuan"}, name="new_finding"),
    path("baru/laporan/", views.new_case, {"kind": "laporan"}, name="new_report"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/aksi/", views.act, name="act"),
    path("<int:pk>/ubah/", views.edit_case, name="edit"),
    path("<int:pk>/penanganan/", views.assign, name="assign"),
    path("<int:pk>/catatan/", views.add_note, name="note"),
    path("<int:pk>/tautan/", views.link, name="link"),
    path("<int:pk>/bukti/", views.add_evidence, name="evidence"),
    path("<int:pk>/bukti/<int:item>/", views.download_evidence, name="download"),
    path("<int:pk>/dokumen/<slug:doc>.pdf", views.case_pdf, name="pdf"),
    # Public (no account)
    path("lapor/", public_views.report, name="report"),
    path("informasi/", public_views.information, name="information"),
    path("tanda-terima/<str:code>/", public_views.receipt, name="receipt"),
    path("tanda-terima/<str:code>/pdf/", public_views.receipt_pdf, name="receipt_pdf"),
    path("lacak/", public_views.track, name="track"),
    path("lacak/<str:code>/", public_views.track_detail, name="track_detail"),
    path("lacak/<str:code>/pemberitahuan.pdf", public_views.status_notice_pdf, name="status_notice_pdf"),
    path("pengumuman/", public_views.announcements, name="announcements"),
]
