from django.urls import path

from kawal.coordination.views import checkin, documents, follow_up, liaison, meetings, stakeholders, summary

app_name = "coordination"

urlpatterns = [
    path("", meetings.meeting_list, name="meeting_list"),
    path("rapat/baru/", meetings.meeting_create, name="meeting_create"),
    path("rapat/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("rapat/<int:pk>/ubah/", meetings.meeting_edit, name="meeting_edit"),
    path("rapat/<int:pk>/undang/", meetings.meeting_invite, name="meeting_invite"),
    path("rapat/<int:pk>/undang-perorangan/", meetings.meeting_invite_person, name="meeting_invite_person"),
    path("rapat/<int:pk>/daftar-hadir/", meetings.meeting_checkin_toggle, name="meeting_checkin_toggle"),
    path("rapat/<int:pk>/catat-hadir/", meetings.meeting_tick_in, name="meeting_tick_in"),
    path("rapat/<int:pk>/notulen/", meetings.minutes_edit, name="minutes_edit"),
    path("rapat/<int:pk>/komitmen/", meetings.commitment_add, name="commitment_add"),
    path("rapat/<int:pk>/undangan.pdf", documents.invitation_pdf, name="invitation_pdf"),
    path("rapat/<int:pk>/daftar-hadir.pdf", documents.attendance_pdf, name="attendance_pdf"),
    path("rapat/<int:pk>/notulen.pdf", documents.minutes_pdf, name="minutes_pdf"),
    path("rapat/<int:pk>/notulen/cetak/", documents.minutes_print, name="minutes_print"),
    path("stakeholder/", stakeholders.stakeholder_list, name="stakeholder_list"),
    path("stakeholder/<int:pk>/", stakeholders.stakeholder_detail, name="stakeholder_detail"),
    path("stakeholder/<int:pk>/ubah/", stakeholders.stakeholder_edit, name="stakeholder_edit"),
    path("tindak-lanjut/", follow_up.follow_up, name="follow_up"),
    path("komitmen/<int:pk>/", follow_up.commitment_detail, name="commitment_detail"),
    path("komitmen/<int:pk>/ubah/", follow_up.commitment_edit, name="commitment_edit"),
    path("komitmen/<int:pk>/bukti/<int:link_id>/", follow_up.evidence_download, name="evidence_download"),
    path(
        "komitmen/<int:pk>/<slug:action>/",
        follow_up.commitment_action,
        name="commitment_action",
    ),
    path("rekap/", summary.summary, name="summary"),
    path("rekap.pdf", summary.summary_pdf, name="summary_pdf"),
    path("rekap.xlsx", summary.summary_xlsx, name="summary_xlsx"),
    path("mitra/", liaison.my_commitments, name="my_commitments"),
    path("hadir/<str:token>/", checkin.checkin, name="checkin"),
]
