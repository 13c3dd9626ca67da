"""REST endpoints: report intake (single and batch), C.Hasil photos and area totals."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kawal.core.scope import code_covers, scope_codes
from kawal.elections.models import Election
from kawal.supervision import api_schema
from kawal.supervision.intake import Reporter, reporter_for
from kawal.supervision.lookups import lookups
from kawal.supervision.models import Channel, TpsReport
from kawal.supervision.services import add_photo, receive
from kawal.supervision.tabulation import area_total
from kawal.supervision.tokens import IntakeTokenAuthentication, TokenReporter


def _reporter(request: Request) -> Reporter:
    user = request.user
    return user.reporter if isinstance(user, TokenReporter) else reporter_for(user)


def _body(request: Request) -> Any:
    try:
        return request.data
    except ParseError:
        return None


class IntakeView(APIView):
    authentication_classes = [IntakeTokenAuthentication, SessionAuthentication]
    parser_classes = [JSONParser]
    permission_classes = [IsAuthenticated]


class ReportCreate(IntakeView):
    @extend_schema(
        operation_id="tps_report_submit",
        summary="Submit one TPS report (PTPS checklist and copy of the C.Hasil tally)",
        description=(
            "Idempotent on submission_id: sending the same report again returns status 'duplicate' (200) and "
            "creates nothing. A report whose figures do not add up is accepted and flagged (see flags/reasons). "
            "A correction is a new report for the same TPS and election (new submission_id): it becomes the "
            "newest version."
        ),
        request=api_schema.ReportIn,
        responses={
            201: api_schema.ReportOut,
            200: OpenApiResponse(api_schema.ReportOut, description="duplicate"),
            400: api_schema.ReportOut,
            404: api_schema.ReportOut,
        },
        tags=["pengawasan"],
    )
    def post(self, request: Request) -> Response:
        data = _body(request)
        result = receive([data], reporter=_reporter(request), channel=Channel.API, audit_batch=False)
        [item] = result.as_list()
        status = {"created": 201, "duplicate": 200, "invalid": 400, "not_found": 404}[item["status"]]
        return Response(item, status=status)


class ReportBatch(IntakeView):
    @extend_schema(
        operation_id="tps_report_submit_batch",
        summary="Submit up to 100 TPS reports at once (e.g. an outbox after reconnecting)",
        description="Each item gets its own verdict, in order; bad items do not stop the good ones.",
        request=api_schema.BatchIn,
        responses={200: api_schema.BatchOut, 400: OpenApiResponse(description="not a JSON object with 'reports'")},
        tags=["pengawasan"],
    )
    def post(self, request: Request) -> Response:
        data = _body(request)
        if not isinstance(data, dict) or not isinstance(data.get("reports"), list):
            return Response({"detail": _('Expected {"reports": [...]}.')}, status=400)
        result = receive(data["reports"], reporter=_reporter(request), channel=Channel.API)
        return Response({"created": result.created, "duplicates": result.duplicates, "results": result.as_list()})


class ReportPhoto(APIView):
    authentication_classes = [IntakeTokenAuthentication, SessionAuthentication]
    parser_classes = [MultiPartParser]
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="tps_report_photo",
        summary="Attach a photo of the C.Hasil to a stored report (multipart field 'photo')",
        description=(
            "Idempotent: the same picture sent again (e.g. from an outbox after reconnecting) is stored once "
            "and answers with the same photo id. Only someone who may report for the TPS may attach one."
        ),
        request={"multipart/form-data": {"type": "object", "properties": {"photo": {"type": "string",
                                                                                  "format": "binary"}}}},
        responses={200: api_schema.PhotoOut, 400: OpenApiResponse(description="not an image, or too large"),
                   404: OpenApiResponse(description="no such report in the caller's area")},
        tags=["pengawasan"],
    )  # fmt: skip
    def post(self, request: Request, report_id: int) -> Response:
        user = request.user
        if isinstance(user, TokenReporter):
            user = get_user_model().objects.filter(pk=user.reporter.user_id, is_active=True).first()
            if user is None:
                raise Http404
        report = TpsReport.objects.visible_to(user).filter(pk=report_id).first()
        if report is None:
            raise Http404
        try:
            upload = request.FILES.get("photo")
        except ParseError:
            upload = None
        if upload is None:
            return Response({"detail": _("Choose a photo of the C.Hasil first.")}, status=400)
        try:
            photo = add_photo(report, upload, by=user)
        except ValidationError as error:
            return Response({"detail": " ".join(error.messages)}, status=400)
        except PermissionError:
            raise Http404 from None
        return Response({"photo": photo.pk, "report": report.pk, "sha256": photo.evidence.sha256})


class AreaTotals(APIView):
    authentication_classes = [IntakeTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="area_totals",
        summary="Running totals of an area (TPS, desa, kecamatan, regency, province) for an election",
        responses={200: api_schema.TotalsOut},
        tags=["pengawasan"],
    )
    def get(self, request: Request, election: int, code: str) -> Response:
        found = Election.objects.filter(pk=election).values_list("region_id", flat=True).first()
        user = request.user
        codes = list(user.reporter.codes or []) if isinstance(user, TokenReporter) else scope_codes(user)
        if isinstance(user, TokenReporter) and user.reporter.codes is None:
            codes = None
        region_code = code.rsplit(".", 1)[0] if code.count(".") == 4 else code
        visible = codes is None or any(code_covers(c, region_code) for c in codes)
        if found is None or not visible or not code_covers(found, region_code):
            raise Http404
        total = area_total(election, code)
        expected = lookups.expected(code)
        body = {"area_code": code, "reported": total.reported, "expected": expected, "flagged": total.flagged,
                "not_counted": total.not_counted}  # fmt: skip
        body.update(valid=total.valid, invalid=total.invalid, cast=total.cast)
        return Response({**body, "votes": {str(k): v for k, v in sorted(total.votes.items())}})
