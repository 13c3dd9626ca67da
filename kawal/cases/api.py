"""REST endpoints: public intake and tracking (no personal data out), staff case list and detail in scope.

Public intake validates with the same form as the web page and writes through the same
service, so the API has no second path around the checks.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.datastructures import MultiValueDict
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kawal.core.crypto import mask
from kawal.core.throttling import PublicIntakeThrottle, PublicTrackingThrottle

from . import deadlines, documents, services
from .forms import ReportForm
from .models import Case, Channel, PartyType, ReporterStatus
from .services import REPORTER_FIELDS, roles_on
from .workflow import Action, TransitionRefused, allowed_actions


class PublicReportIn(serializers.Serializer):
    """The laporan form's fields (Perbawaslu 9/2024). Send multipart to attach ``evidence`` files."""

    reporter_status = serializers.ChoiceField(choices=ReporterStatus.choices)
    reporter_name = serializers.CharField()
    reporter_nik = serializers.CharField(help_text="16 digits")
    reporter_birth_place = serializers.CharField(required=False, allow_blank=True)
    reporter_birth_date = serializers.DateField(required=False, allow_null=True)
    reporter_sex = serializers.ChoiceField(choices=[("L", "L"), ("P", "P")], required=False, allow_blank=True)
    reporter_occupation = serializers.CharField(required=False, allow_blank=True)
    reporter_citizenship = serializers.CharField(required=False, allow_blank=True)
    reporter_address = serializers.CharField()
    reporter_phone = serializers.CharField()
    reporter_email = serializers.EmailField(required=False, allow_blank=True)
    reported_name = serializers.CharField()
    reported_type = serializers.ChoiceField(choices=PartyType.choices)
    reported_position = serializers.CharField(required=False, allow_blank=True)
    title = serializers.CharField()
    region = serializers.CharField(help_text="Kemendagri code of the kecamatan or desa, e.g. 35.25.14.2004")
    tps_number = serializers.IntegerField(required=False, allow_null=True)
    place_detail = serializers.CharField(required=False, allow_blank=True)
    happened_on = serializers.DateField()
    known_on = serializers.DateField()
    narrative = serializers.CharField()
    witnesses = serializers.CharField(required=False, allow_blank=True)
    agree = serializers.BooleanField(help_text="The reporter declares the report true.")
    evidence = serializers.ListField(child=serializers.FileField(), required=False)


class EvidenceOut(serializers.Serializer):
    sha256 = serializers.CharField()
    kind = serializers.CharField()
    size = serializers.IntegerField()


class StepOut(serializers.Serializer):
    at = serializers.DateTimeField()
    status = serializers.CharField()


class TrackingOut(serializers.Serializer):
    tracking_code = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField(help_text="Public status words (diterima, diregistrasi, diteruskan, …)")
    registration_number = serializers.CharField(allow_blank=True)
    referred_to = serializers.CharField(allow_blank=True)
    filed_late = serializers.BooleanField()
    formal_issues = serializers.CharField(allow_blank=True)
    evidence = EvidenceOut(many=True)
    history = StepOut(many=True)


def tracking_payload(case: Case) -> dict[str, Any]:
    return {
        "tracking_code": case.tracking_code,
        "kind": case.kind,
        "status": case.public_status,
        "registration_number": case.registration_number,
        "referred_to": case.referred_to,
        "filed_late": case.filed_late,
        "formal_issues": case.formal_issues,
        "evidence": [
            {"sha256": item.evidence.sha256, "kind": item.evidence.kind, "size": item.evidence.size}
            for item in case.evidence.select_related("evidence")
        ],
        "history": documents.public_history(case),
    }


class PublicReportCreate(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicIntakeThrottle]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        operation_id="case_report_submit",
        summary="File a report (laporan) without an account",
        description="Validated like the web form; returns the tracking code. No personal data is returned.",
        request={"application/json": PublicReportIn, "multipart/form-data": PublicReportIn},
        responses={201: TrackingOut, 400: OpenApiResponse(description="field errors, in Indonesian")},
    )
    def post(self, request: Request) -> Response:
        data = {k: v for k, v in request.data.items() if k != "evidence"}
        if str(data.get("agree", "")).lower() in {"true", "1", "on"}:
            data["agree"] = "on"
        else:
            data.pop("agree", None)
        files = request.FILES.getlist("evidence") if hasattr(request.FILES, "getlist") else []
        form = ReportForm(data=data, files=MultiValueDict({"evidence": files}))
        if not form.is_valid():
            return Response({k: [str(m) for m in v] for k, v in form.errors.items()}, status=400)
        case = services.file_report(form.case_fields(), channel=Channel.API, evidence=form.cleaned_data["evidence"])
        return Response(TrackingOut(tracking_payload(case)).data, status=status.HTTP_201_CREATED)


class PublicTracking(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicTrackingThrottle]

    @extend_schema(operation_id="case_track", summary="Status of a report by its tracking code",
                   responses={200: TrackingOut})
    def get(self, request: Request, code: str) -> Response:
        case = get_object_or_404(Case, tracking_code=code)
        return Response(TrackingOut(tracking_payload(case)).data)


class CaseOut(serializers.ModelSerializer):
    state_label = serializers.CharField(source="get_state_display")
    region_name = serializers.CharField(source="region.name")

    class Meta:
        model = Case
        fields = [
            "id", "tracking_code", "kind", "state", "state_label", "registration_number", "title", "region",
            "region_name", "reported_type", "received_at", "next_due_at", "filed_late", "referred_to",
        ]


class ClockOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    due = serializers.DateTimeField()
    overdue = serializers.BooleanField()


class CaseDetailOut(CaseOut):
    reporter = serializers.SerializerMethodField()
    clocks = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()
    narrative = serializers.CharField()
    reported_name = serializers.CharField()

    class Meta(CaseOut.Meta):
        fields = [*CaseOut.Meta.fields, "reported_name", "narrative", "reporter", "clocks", "actions"]

    def get_reporter(self, case: Case) -> dict[str, str]:
        """Unmasked only for roles that handle cases in this area."""
        visible = services.may_see_identity(self.context["request"].user, case)
        values = {name: str(getattr(case, name) or "") for name in REPORTER_FIELDS}
        return {k: (v if visible or k == "reporter_status" else mask(v)) for k, v in values.items() if v}

    def get_clocks(self, case: Case) -> list[dict[str, Any]]:
        return [{"code": c.rule.code, "name": c.rule.name, "due": c.due, "overdue": c.overdue}
                for c in deadlines.clocks_for(case)]

    def get_actions(self, case: Case) -> list[str]:
        roles = roles_on(self.context["request"].user, case.region_code)
        return [t.action.value for t in allowed_actions(state=case.state, kind=case.kind, roles=roles)]


class CaseList(generics.ListAPIView):
    serializer_class = CaseOut
    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="case_list", summary="Cases within the caller's region scope")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return Case.objects.visible_to(self.request.user).select_related("region").order_by("-received_at", "-id")


class CaseDetail(generics.RetrieveAPIView):
    serializer_class = CaseDetailOut
    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="case_detail", summary="One case in scope, with clocks and allowed actions")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return Case.objects.visible_to(self.request.user).select_related("region")


class ActionIn(serializers.Serializer):
    action = serializers.ChoiceField(choices=Action.choices)
    state = serializers.CharField(required=False, allow_blank=True, default="",
                                  help_text="The state you saw; the action is refused if the case has moved on.")
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CaseAction(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="case_act", summary="Take one workflow action allowed for your role",
                   request=ActionIn, responses={200: CaseDetailOut, 409: OpenApiResponse(description="refused")})
    def post(self, request: Request, pk: int) -> Response:
        case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
        incoming = ActionIn(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            services.transition(case, incoming.validated_data["action"], by=request.user,
                                reason=incoming.validated_data["reason"],
                                seen_state=incoming.validated_data["state"] or None)
        except TransitionRefused as refused:
            return Response({"detail": str(refused.message)}, status=status.HTTP_409_CONFLICT)
        case.refresh_from_db()
        return Response(CaseDetailOut(case, context={"request": request}).data)
