"""Serializers that describe the intake API in the OpenAPI schema.

They document; they do not validate. Validation is ``submission.parse`` (plain Python,
no queries), so the hot path does not pay for nested serializers.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class ReportIn(serializers.Serializer[Any]):
    submission_id = serializers.UUIDField(help_text="Made on the device; a retry sends the same id.")
    election = serializers.IntegerField()
    tps = serializers.IntegerField()
    submitted_at = serializers.DateTimeField(required=False, help_text="When it was filled in (with time zone).")
    dpt = serializers.IntegerField(min_value=0)
    dptb = serializers.IntegerField(min_value=0, required=False)
    dpk = serializers.IntegerField(min_value=0, required=False)
    voters_male = serializers.IntegerField(min_value=0, required=False)
    voters_female = serializers.IntegerField(min_value=0, required=False)
    ballots_received = serializers.IntegerField(min_value=0, required=False)
    ballots_used = serializers.IntegerField(min_value=0, required=False)
    ballots_damaged = serializers.IntegerField(min_value=0, required=False)
    ballots_unused = serializers.IntegerField(min_value=0, required=False)
    votes = serializers.DictField(child=serializers.IntegerField(min_value=0), help_text='{"ballot number": votes}')
    invalid = serializers.IntegerField(min_value=0)
    cast = serializers.IntegerField(min_value=0)
    checklist = serializers.DictField(required=False, help_text="Answers keyed by the election's checklist keys.")
    note = serializers.CharField(required=False, allow_blank=True)


class BatchIn(serializers.Serializer[Any]):
    reports = ReportIn(many=True, help_text="At most 100.")


class ReportOut(serializers.Serializer[Any]):
    submission_id = serializers.CharField()
    status = serializers.ChoiceField(choices=["created", "duplicate", "invalid", "not_found"])
    version = serializers.IntegerField(required=False)
    report_id = serializers.IntegerField(required=False)
    flags = serializers.ListField(child=serializers.CharField(), required=False)
    reasons = serializers.ListField(child=serializers.CharField(), required=False)
    errors = serializers.DictField(child=serializers.CharField(), required=False)  # type: ignore[assignment]


class BatchOut(serializers.Serializer[Any]):
    created = serializers.IntegerField()
    duplicates = serializers.IntegerField()
    results = ReportOut(many=True)


class TotalsOut(serializers.Serializer[Any]):
    area_code = serializers.CharField()
    reported = serializers.IntegerField()
    expected = serializers.IntegerField()
    flagged = serializers.IntegerField()
    not_counted = serializers.IntegerField(help_text="Reports stored but not yet in any total (the peak's backlog).")
    valid = serializers.IntegerField()
    invalid = serializers.IntegerField()
    cast = serializers.IntegerField()
    votes = serializers.DictField(child=serializers.IntegerField())


class PhotoOut(serializers.Serializer[Any]):
    photo = serializers.IntegerField()
    report = serializers.IntegerField()
    sha256 = serializers.CharField()
