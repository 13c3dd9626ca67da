from django.urls import path

from kawal.coordination import api

app_name = "coordination-api"

urlpatterns = [
    path("rapat/", api.MeetingList.as_view(), name="meetings"),
    path("komitmen/", api.CommitmentList.as_view(), name="commitments"),
]
