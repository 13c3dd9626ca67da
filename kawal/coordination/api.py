"""REST endpoints for staff: meetings and commitments in scope (read only, no contact details)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import generics, serializers
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.views import APIView

from kawal.accounts.models import STAFF_ROLES
from kawal.coordination.models import Commitment, Meeting


class IsStaffMember(BasePermission):
    def has_permission(self, request: Request, view: APIView) -> bool:
        user: Any = request.user
        return bool(user.is_superuser or user.has_role(*STAFF_ROLES))


class MeetingOut(serializers.ModelSerializer):
    region = serializers.CharField(source="region_id")
    stage: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(slug_field="code", read_only=True)
    invited = serializers.IntegerField(source="n_invited")
    attendees = serializers.IntegerField(source="n_attended")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "purpose",
            "stage",
            "starts_at",
            "ends_at",
            "venue",
            "region",
            "checkin",
            "invited",
            "attendees",
        ]


class CommitmentOut(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.name")
    meeting = serializers.IntegerField(source="meeting_id")
    state = serializers.SerializerMethodField(
        help_text="pending, overdue, done_on_time, done_late or missed (Jakarta dates)"
    )

    class Meta:
        model = Commitment
        fields = ["id", "meeting", "owner", "description", "due_date", "status", "state", "risk", "completed_at"]

    @extend_schema_field(serializers.CharField())
    def get_state(self, obj: Commitment) -> str:
        return obj.follow_up_state()


class MeetingList(generics.ListAPIView):
    """Coordination meetings the user may see, newest first."""

    serializer_class = MeetingOut
    permission_classes = [IsAuthenticated, IsStaffMember]

    def get_queryset(self) -> QuerySet[Meeting]:
        return (
            Meeting.objects.visible_to(self.request.user)
            .select_related("stage")
            .annotate(n_invited=Count("invitations", distinct=True), n_attended=Count("attendances", distinct=True))
            .order_by("-starts_at", "-id")
        )


class CommitmentList(generics.ListAPIView):
    """Commitments in scope; ``?status=open`` etc. filters, ``?overdue=1`` keeps the overdue ones."""

    serializer_class = CommitmentOut
    permission_classes = [IsAuthenticated, IsStaffMember]

    def get_queryset(self) -> QuerySet[Commitment]:
        commitments = Commitment.objects.visible_to(self.request.user).select_related("owner")
        status = self.request.query_params.get("status")
        if status:
            commitments = commitments.filter(status=status)
        if self.request.query_params.get("overdue") == "1":
            commitments = Commitment.objects.overdue().filter(pk__in=commitments.values("pk")).select_related("owner")
        return commitments.order_by("due_date", "id")
