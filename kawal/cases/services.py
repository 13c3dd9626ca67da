"""Every write the cases domain allows: intake, transitions, assignment, notes, links, evidence.

Each function checks role and region scope, writes inside ``transaction.atomic()``,
appends an audit event (no personal data: the audit log masks identity keys anyway) and
schedules e-mail with ``transaction.on_commit``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kawal.accounts.models import Role
from kawal.core import audit
from kawal.core.clocks import local
from kawal.core.evidence import store_evidence
from kawal.core.scope import code_covers

from . import deadlines, intake
from .models import Case, CaseEvent, CaseEvidence, CaseLink, CaseNote, Channel, ClockRule, LinkKind
from .workflow import (
    HANDLERS,
    IDENTITY_ROLES,
    INTAKE_ROLES,
    PUBLIC_STATUS,
    SUPERVISORS,
    Action,
    Kind,
    State,
    TransitionRefused,
    check,
)

# Fields a caller may set at intake (views, API and demo all go through this list).
EVENT_FIELDS = (
    "title", "reported_name", "reported_type", "reported_position", "region", "tps", "place_detail",
    "happened_on", "known_on", "narrative", "witnesses",
)
REPORTER_FIELDS = (
    "reporter_status", "reporter_name", "reporter_nik", "reporter_birth_place", "reporter_birth_date",
    "reporter_sex", "reporter_occupation", "reporter_citizenship", "reporter_address", "reporter_phone",
    "reporter_email",
)
REQUIRED_IDENTITY = ("reporter_name", "reporter_nik", "reporter_address")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roles_on(user: Any, region_code: str) -> set[str]:
    """The user's roles that cover ``region_code`` (an administrator covers everything)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return {Role.ADMIN}
    return {
        m.role for m in user.active_memberships() if m.role == Role.ADMIN or code_covers(m.region_id, region_code)
    }


def may_see_identity(user: Any, case: Case) -> bool:
    return bool(roles_on(user, case.region_code) & IDENTITY_ROLES)


def record_event(case: Case, action: str, *, by: Any, at: dt.datetime, old: str = "", new: str = "",
                 reason: str = "", data: Mapping[str, Any] | None = None) -> CaseEvent:
    """One line of the case's timeline (who, when, from which state to which, why)."""
    label = by.get_username() if getattr(by, "is_authenticated", False) else str(by or _("public"))
    return CaseEvent.objects.create(
        case=case, action=action, from_state=old, to_state=new, at=at, reason=reason, data=dict(data or {}),
        actor=by if getattr(by, "is_authenticated", False) else None, actor_label=label[:150],
    )


def refresh_due(case: Case) -> None:
    """Recompute the case's next statutory deadline after a change."""
    due = deadlines.next_due(case)
    Case.objects.filter(pk=case.pk).update(next_due_at=due)
    case.next_due_at = due


def check_filing(case: Case) -> None:
    """Formal requirements (syarat formil): identity of a reporter and the 7-day filing limit."""
    problems: list[str] = []
    deadline = deadlines.filing_deadline(case.known_on)
    if deadline is not None and case.kind != Kind.INFORMATION and case.received_at > deadline:
        case.filed_late = True
        problems.append(
            _("Filed after the deadline: the event became known on %(known)s, the limit was %(deadline)s.")
            % {"known": case.known_on.strftime("%d-%m-%Y"), "deadline": local(deadline).strftime("%d-%m-%Y %H:%M")}
        )
    if case.kind == Kind.REPORT:
        missing = [Case.label_of(name) for name in REQUIRED_IDENTITY if not getattr(case, name)]
        if missing:
            problems.append(_("Reporter identity incomplete: %(fields)s.") % {"fields": ", ".join(missing)})
    case.formal_issues = "\n".join(problems)


def _attach(case: Case, uploads: Iterable[UploadedFile], *, by: Any, at: dt.datetime) -> list[CaseEvidence]:
    attached = []
    for upload in uploads:
        evidence = store_evidence(upload, by=by, region_code=case.region_code)
        link, created = CaseEvidence.objects.get_or_create(
            case=case, evidence=evidence, defaults={"added_by": by if getattr(by, "is_authenticated", False) else None}
        )
        if created:
            attached.append(link)
            record_event(case, "evidence_added", by=by, at=at, data={"sha256": evidence.sha256, "kind": evidence.kind})
    return attached


def _create(kind: Kind, fields: Mapping[str, Any], *, channel: str, by: Any, evidence: Iterable[UploadedFile],
            at: dt.datetime | None, source: Case | None = None) -> Case:
    allowed = EVENT_FIELDS + (REPORTER_FIELDS if kind == Kind.REPORT else ())
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unexpected intake fields: {sorted(unknown)}")
    now = at or timezone.now()
    case = Case(kind=kind, channel=channel, received_at=now, state_changed_at=now, source=source, **fields)
    if getattr(by, "is_authenticated", False):
        case.created_by = by
    check_filing(case)
    case.save()
    counted = intake.counted_receipt(now, deadlines.calendar())
    data = {"channel": channel, **({"counted_from": counted.isoformat()} if counted != now else {})}
    record_event(case, "received", by=by, at=now, new=State.RECEIVED, data=data)
    _attach(case, evidence, by=by, at=now)
    refresh_due(case)
    audit.record(
        f"cases.{kind}_received", actor=by or "public", target=case, region_code=case.region_code,
        data={"channel": channel, "filed_late": case.filed_late, "evidence": case.evidence.count()}, at=now,
    )
    return case


def file_report(fields: Mapping[str, Any], *, channel: str = Channel.ONLINE, by: Any = None,
                evidence: Iterable[UploadedFile] = (), at: dt.datetime | None = None) -> Case:
    """A laporan from a voter, monitor or participant: online (no account) or entered by staff."""
    region_code = str(getattr(fields.get("region"), "code", ""))
    if channel == Channel.IN_PERSON and not roles_on(by, region_code) & INTAKE_ROLES:
        raise TransitionRefused(_("Only supervisors and staff of this area may enter a report on a reporter's behalf."))
    with transaction.atomic():
        case = _create(Kind.REPORT, fields, channel=channel, by=by, evidence=evidence, at=at)
        if case.reporter_email:
            from .tasks import send_receipt

            case_id = case.pk
            transaction.on_commit(lambda: send_receipt(case_id))
    return case


def add_reporter_completion(case: Case, note: str, uploads: Iterable[UploadedFile]) -> Case:
    """The reporter sends what was asked for (by tracking code, no account) while completion is requested."""
    note = note.strip()
    uploads = list(uploads)
    if case.state != State.COMPLETENESS_REQUESTED:
        raise TransitionRefused(_("This report is not waiting for anything from you."))
    if not note and not uploads:
        raise TransitionRefused(_("Write what you are adding or attach a file."))
    with transaction.atomic():
        now = timezone.now()
        attached = _attach(case, uploads, by=None, at=now)
        record_event(case, "reporter_completed", by=None, at=now, reason=note[:5000], data={"files": len(attached)})
        audit.record("cases.reporter_completed", actor="public", target=case, region_code=case.region_code,
                     data={"files": len(attached)}, at=now)
    return case


def record_finding(fields: Mapping[str, Any], *, by: Any, evidence: Iterable[UploadedFile] = (),
                   at: dt.datetime | None = None) -> Case:
    """A temuan recorded by Bawaslu, Panwascam, PKD or PTPS within their region."""
    region_code = str(getattr(fields.get("region"), "code", ""))
    if not roles_on(by, region_code) & SUPERVISORS:
        raise TransitionRefused(_("Only supervisors of this area may record a finding here."))
    with transaction.atomic():
        return _create(Kind.FINDING, fields, channel=Channel.SUPERVISOR, by=by, evidence=evidence, at=at)


def record_information(fields: Mapping[str, Any], *, by: Any = None, evidence: Iterable[UploadedFile] = (),
                       at: dt.datetime | None = None) -> Case:
    """Informasi awal (an anonymous tip): kept apart, no identity, may become a temuan."""
    with transaction.atomic():
        return _create(Kind.INFORMATION, fields, channel=Channel.ONLINE, by=by, evidence=evidence, at=at)


def transition(case: Case, action: str, *, by: Any, reason: str = "", at: dt.datetime | None = None,
               seen_state: str | None = None) -> Case:
    """Take one workflow action; refused unless the table allows it for the user's role and the case's state.

    ``seen_state`` is the state the user saw when choosing the action (screens and the API
    send it): if the case has moved on since, the action is refused rather than applied
    to a state the user did not see.
    """
    reason = reason.strip()
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        if seen_state and seen_state != current.state:
            raise TransitionRefused(_("Someone else changed this case meanwhile; reload the page and try again."))
        step = check(action, state=current.state, kind=current.kind, roles=roles_on(by, current.region_code))
        if step.needs_reason and not reason:
            raise TransitionRefused(_("Please give a reason for “%(action)s”.") % {"action": step.action.label})
        if action == Action.EXTEND_HANDLING and current.events.filter(action=action).exists():
            raise TransitionRefused(_("Handling has already been extended once."))
        now = at or timezone.now()
        old, new = current.state, step.target or current.state
        changes: dict[str, Any] = {"state": new, "state_changed_at": now}
        if action == Action.REGISTER:
            changes["registration_number"] = registration_number(current, now)
        if step.referral_to or action == Action.REFER_INSTITUTION:
            changes["referred_to"] = step.referral_to or reason[:200]
        if not Case.objects.filter(pk=current.pk, state=old).update(**changes):
            raise TransitionRefused(_("Someone else changed this case meanwhile; reload the page and try again."))
        for name, value in changes.items():
            setattr(current, name, value)
        record_event(current, action, by=by, at=now, old=old, new=new, reason=reason,
               data={"referral_to": changes.get("referred_to", "")} if "referred_to" in changes else None)
        if action == Action.CONVERT_TO_FINDING:
            _convert(current, by=by, at=now)
        refresh_due(current)
        audit.record(f"cases.{action}", actor=by, target=current, region_code=current.region_code,
                     data={"from": old, "to": new}, at=now)
        if current.kind == Kind.REPORT and current.reporter_email and PUBLIC_STATUS[old] != PUBLIC_STATUS[new]:
            from .tasks import send_status_notice

            case_id = current.pk
            transaction.on_commit(lambda: send_status_notice(case_id))
    for name in ("state", "state_changed_at", "registration_number", "referred_to", "next_due_at"):
        setattr(case, name, getattr(current, name))
    return current


def registration_number(case: Case, at: dt.datetime) -> str:
    """Like Bawaslu's ``001/Reg/LP/PW/Kab/35.25/XI/2024`` (the case id keeps it unique)."""
    when = local(at)
    regency = ".".join(case.region_code.split(".")[:2])
    kind = "LP" if case.kind == Kind.REPORT else "TM"
    return f"{case.pk:03d}/Reg/{kind}/PW/Kab/{regency}/{ROMAN_MONTHS[when.month - 1]}/{when.year}"


def _convert(info: Case, *, by: Any, at: dt.datetime) -> Case:
    fields = {name: getattr(info, name) for name in EVENT_FIELDS}
    finding = _create(Kind.FINDING, fields, channel=Channel.SUPERVISOR, by=by, evidence=(), at=at, source=info)
    for item in info.evidence.all():
        CaseEvidence.objects.create(case=finding, evidence=item.evidence, added_by=item.added_by, added_at=at)
    _link(info, finding, LinkKind.RELATED, by=by, at=at)
    return finding


def require_role(by: Any, case: Case, roles: frozenset[str], message: str) -> None:
    """Refuse (with ``message``) unless ``by`` holds one of ``roles`` over the case's region."""
    if not roles_on(by, case.region_code) & roles:
        raise TransitionRefused(message)


def assign(case: Case, handler: Any, *, by: Any) -> Case:
    """Give the case to a handler who works in its area."""
    require_role(by, case, HANDLERS, _("Your role may not assign cases."))
    if handler is not None and not roles_on(handler, case.region_code) & HANDLERS:
        raise TransitionRefused(_("That person does not handle cases in this area."))
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(assigned_to=handler)
        case.assigned_to = handler
        now = timezone.now()
        record_event(case, "assigned", by=by, at=now, data={"handler": handler.get_username() if handler else ""})
        audit.record("cases.assigned", actor=by, target=case, region_code=case.region_code,
                     data={"handler": handler.pk if handler else None}, at=now)
        if handler is not None and handler.email and handler != by:
            from kawal.core.tasks import send_email

            subject = _("Kawal: you now handle case %(code)s") % {"code": case.tracking_code}
            body = _("You have been assigned case %(code)s: %(title)s.") % {
                "code": case.tracking_code, "title": case.title,
            }
            address = handler.email
            transaction.on_commit(lambda: send_email(subject, body, [address]))
    return case


def add_note(case: Case, body: str, *, by: Any) -> CaseNote:
    require_role(by, case, HANDLERS | SUPERVISORS, _("Your role may not write notes on this case."))
    body = body.strip()
    if not body:
        raise TransitionRefused(_("The note is empty."))
    with transaction.atomic():
        note = CaseNote.objects.create(case=case, author=by, body=body)
        audit.record("cases.note_added", actor=by, target=case, region_code=case.region_code,
                     data={"note": note.pk})
    return note


def _link(case: Case, other: Case, kind: str, *, by: Any, at: dt.datetime) -> CaseLink:
    first, second = sorted([case, other], key=lambda c: c.pk)
    link, created = CaseLink.objects.get_or_create(
        first=first, second=second, defaults={"kind": kind, "created_by": by, "created_at": at}
    )
    if created:
        for one, two in ((case, other), (other, case)):
            record_event(one, "linked", by=by, at=at, data={"other": two.tracking_code, "kind": kind})
    return link


def link_cases(case: Case, other: Case, kind: str, *, by: Any) -> CaseLink:
    """Mark two cases related or duplicate; both stay open on their own."""
    if case.pk == other.pk:
        raise TransitionRefused(_("A case cannot be linked to itself."))
    if kind not in LinkKind.values:
        raise TransitionRefused(_("Unknown kind of link."))
    for each in (case, other):
        require_role(by, each, HANDLERS, _("You may only link cases you handle."))
    with transaction.atomic():
        link = _link(case, other, kind, by=by, at=timezone.now())
        audit.record("cases.linked", actor=by, target=case, region_code=case.region_code,
                     data={"other": other.pk, "kind": kind})
    return link


def add_evidence(case: Case, uploads: Iterable[UploadedFile], *, by: Any) -> list[CaseEvidence]:
    require_role(by, case, HANDLERS | SUPERVISORS, _("Your role may not add evidence to this case."))
    with transaction.atomic():
        attached = _attach(case, uploads, by=by, at=timezone.now())
        audit.record("cases.evidence_added", actor=by, target=case, region_code=case.region_code,
                     data={"files": [a.evidence.sha256 for a in attached]})
    return attached


def update_rule(rule: ClockRule, *, by: Any, **changes: Any) -> ClockRule:
    """Change a clock rule; every open case's due date is recomputed in the background after commit."""
    if not (getattr(by, "is_superuser", False) or roles_on(by, "") & {Role.ADMIN}):
        raise TransitionRefused(_("Only an administrator may change clock rules."))
    with transaction.atomic():
        before = {name: getattr(rule, name) for name in changes}
        for name, value in changes.items():
            setattr(rule, name, value)
        rule.full_clean()
        rule.save()
        audit.record("cases.clock_rule_changed", actor=by, target=rule, data={"before": before, "after": changes})
        from .tasks import refresh_open_due_dates

        transaction.on_commit(refresh_open_due_dates)
    return rule
