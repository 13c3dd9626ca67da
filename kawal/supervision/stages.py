"""Stage supervision: tasks per stage and area, Form A reports, the temuan a report becomes,
and the supervisor roster imported from CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kawal.accounts.models import Role, User
from kawal.core import audit
from kawal.core.scope import code_covers, scope_codes
from kawal.elections.models import Stage
from kawal.regions.models import Level, Region, Tps
from kawal.regions.services import RowError
from kawal.supervision.models import Assignment, SupervisionReport, SupervisionTask

TASK_ASSIGNERS = (Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.PANWASCAM, Role.ADMIN)
TASK_ROLES = (Role.PANWASCAM, Role.PKD)
FORM_A_AUTHORS = (Role.PANWASCAM, Role.PKD, Role.PTPS, Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.ADMIN)
ROSTER_MANAGERS = (Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.PANWASCAM, Role.ADMIN)
ROSTER_ROLES: dict[str, str] = {Role.PTPS: Level.DESA, Role.PKD: Level.DESA, Role.PANWASCAM: Level.KECAMATAN}


def _covers(user: Any, roles: tuple[str, ...], region_code: str) -> bool:
    codes = scope_codes(user, roles)
    return codes is None or any(code_covers(c, region_code) for c in codes)


def create_task(
    *, stage: Stage, region: Region, assigned_role: str, title: str, instructions: str = "",
    due_date: Any = None, by: User,
) -> SupervisionTask:  # fmt: skip
    if assigned_role not in TASK_ROLES:
        raise ValidationError(_("A task goes to the Panwascam or the PKD."))
    if not _covers(by, TASK_ASSIGNERS, region.code):
        raise PermissionDenied
    with transaction.atomic():
        task = SupervisionTask.objects.create(
            stage=stage, region=region, assigned_role=assigned_role, title=title[:200], instructions=instructions,
            due_date=due_date, created_by=by,
        )  # fmt: skip
        audit.record("supervision.task_created", actor=by, target=task, region_code=region.code,
                     data={"stage": stage.code, "role": assigned_role})  # fmt: skip
    return task


def _number(region: Region, held_at: Any) -> str:
    """``<n>/LHP/PM.01.02/<area code>/<dd/mm/yyyy>`` (the n-th Form A of the area)."""
    count = SupervisionReport.objects.filter(region=region).count() + 1
    date = timezone.localtime(held_at).strftime("%d/%m/%Y")
    return f"{count:03d}/LHP/PM.01.02/{region.code}/{date}"


def file_form_a(fields: Mapping[str, Any], *, by: User) -> SupervisionReport:
    """Store a Form A written by a supervisor of the area."""
    region: Region = fields["region"]
    if not _covers(by, FORM_A_AUTHORS, region.code):
        raise PermissionDenied
    report = SupervisionReport(author=by, **fields)
    with transaction.atomic():
        for attempt in range(3):
            report.number = _number(region, report.held_at) + (f"-{attempt}" if attempt else "")
            if not SupervisionReport.objects.filter(number=report.number).exists():
                break
        report.full_clean()
        report.save()
        audit.record("supervision.form_a_filed", actor=by, target=report, region_code=region.code,
                     data={"number": report.number, "violation": report.violation_found})  # fmt: skip
    return report


def record_as_finding(report: SupervisionReport, *, by: User) -> Any:
    """Turn a Form A with an alleged violation into a temuan in ``cases``; the link is kept."""
    from kawal.cases.services import record_finding

    if not report.violation_found:
        raise ValidationError(_("This report records no alleged violation."))
    if report.finding_id:
        message = _("This report has already become finding %(code)s.")
        raise ValidationError(message % {"code": report.finding_tracking_code})
    narrative = "\n\n".join(
        part for part in [
            report.violation_facts,
            report.violation_analysis and _("Analysis: %(text)s") % {"text": report.violation_analysis},
            report.violation_evidence and _("Evidence: %(text)s") % {"text": report.violation_evidence},
            _("Source: supervision report %(number)s") % {"number": report.number},
        ] if part
    )  # fmt: skip
    with transaction.atomic():
        case = record_finding(
            {
                "title": (report.violation_event or report.purpose)[:200],
                "reported_name": report.violation_actor or _("not yet known"),
                "reported_position": report.violation_actor_address[:200],
                "region": report.region,
                "place_detail": report.violation_place[:255],
                "happened_on": report.violation_date or timezone.localtime(report.held_at).date(),
                "known_on": timezone.localtime(report.held_at).date(),
                "narrative": narrative,
                "witnesses": report.violation_witnesses,
            },
            by=by,
        )
        updated = SupervisionReport.objects.filter(pk=report.pk, finding_id__isnull=True).update(
            finding_id=case.pk, finding_tracking_code=case.tracking_code
        )
        if not updated:
            raise ValidationError(_("This report has already become a finding."))
        report.finding_id, report.finding_tracking_code = case.pk, case.tracking_code
        audit.record("supervision.form_a_to_finding", actor=by, target=report, region_code=report.region_id,
                     data={"case": case.pk, "tracking_code": case.tracking_code})  # fmt: skip
    return case


# --- Roster -------------------------------------------------------------------------------

ROSTER_HEADER = ["username", "peran", "kode_wilayah", "nomor_tps", "nomor_surat_tugas"]


@dataclass
class RosterImport:
    imported: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)


def import_roster(content: bytes | str, *, by: User) -> RosterImport:
    """Assign supervisors from CSV (username, peran, kode_wilayah, nomor_tps, nomor_surat_tugas).

    Every row is checked on its own: unknown user, role, area or TPS, an area outside the
    importer's scope; bad rows are named by line and the good ones imported.
    """
    text = content.decode("utf-8-sig", errors="replace") if isinstance(content, bytes) else content
    reader = csv.reader(io.StringIO(text))
    result = RosterImport()
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header] != ROSTER_HEADER:
        result.errors.append(RowError(1, _("the header must be: %(cols)s") % {"cols": ",".join(ROSTER_HEADER)}))
        return result
    rows = [(reader.line_num, row) for row in reader if row and any(c.strip() for c in row)]
    users = {u.username: u for u in User.objects.filter(username__in=[r[0].strip() for _l, r in rows if r])}
    regions = {r.code: r for r in Region.objects.filter(code__in=[r[2].strip() for _l, r in rows if len(r) > 2])}
    with transaction.atomic():
        for line, row in rows:
            error = _roster_row(line, row, users, regions, by, result)
            if error:
                result.errors.append(RowError(line, error))
        audit.record("supervision.roster_imported", actor=by,
                     data={"imported": result.imported, "rejected": len(result.errors)})  # fmt: skip
    return result


def _roster_row(
    line: int, row: list[str], users: dict[str, User], regions: dict[str, Region], by: User, result: RosterImport
) -> str | None:
    if len(row) != len(ROSTER_HEADER):
        return _("expected %(n)d columns, found %(found)d") % {"n": len(ROSTER_HEADER), "found": len(row)}
    username, role, code, tps_number, letter = (c.strip() for c in row)
    user = users.get(username)
    if user is None:
        return _("user %(name)s does not exist") % {"name": username}
    if role not in ROSTER_ROLES:
        return _("role must be ptps, pkd or panwascam, not '%(role)s'") % {"role": role}
    region = regions.get(code)
    if region is None or region.level != ROSTER_ROLES[role]:
        return _("%(code)s is not a %(level)s") % {"code": code, "level": Level(ROSTER_ROLES[role]).label}
    if not _covers(by, ROSTER_MANAGERS, code):
        return _("%(code)s is outside your area") % {"code": code}
    tps = None
    if role == Role.PTPS:
        if not tps_number.isdigit():
            return _("a PTPS needs a TPS number")
        tps = Tps.objects.filter(desa=region, number=int(tps_number)).first()
        if tps is None:
            return _("TPS %(n)s does not exist in %(desa)s") % {"n": tps_number, "desa": region.name}
    _assignment, created = Assignment.objects.get_or_create(
        user=user, role=role, region=region, tps=tps, defaults={"letter_number": letter[:100]}
    )
    if created:
        result.imported += 1
    else:
        result.unchanged += 1
    return None
