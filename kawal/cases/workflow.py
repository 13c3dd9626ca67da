"""The case workflow: the one table of states, actions and who may take them.

Screens and the API ask :func:`allowed_actions` what to offer; services ask :func:`check`
before any write. Which clocks an action starts or stops is data (``ClockRule`` rows name
the actions), so changing a clock never means changing this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from kawal.accounts.models import Role


class Kind(models.TextChoices):
    REPORT = "laporan", _("Report (laporan)")
    FINDING = "temuan", _("Finding (temuan)")
    INFORMATION = "informasi", _("Initial information (informasi awal)")


class State(models.TextChoices):
    RECEIVED = "received", _("Received")
    INITIAL_REVIEW = "initial_review", _("Initial review (kajian awal)")
    COMPLETENESS_REQUESTED = "completeness_requested", _("Completion requested")
    REGISTERED = "registered", _("Registered")
    NOT_REGISTERED = "not_registered", _("Not registered")
    STOPPED = "stopped", _("Stopped (dihentikan)")
    CLARIFICATION = "clarification", _("Clarification (klarifikasi)")
    ASSESSMENT = "assessment", _("Assessment (kajian)")
    ADMINISTRATIVE = "administrative", _("Administrative violation")
    CRIME = "crime", _("Election crime")
    ETHICS = "ethics", _("Code of ethics violation")
    OTHER_LAW = "other_law", _("Violation of other laws")
    TSM = "tsm", _("Structured, systematic and massive (TSM)")
    NOT_VIOLATION = "not_violation", _("Not a violation")
    REFERRED = "referred", _("Referred (diteruskan)")
    GAKKUMDU_1 = "gakkumdu_1", _("Sentra Gakkumdu: first discussion")
    GAKKUMDU_2 = "gakkumdu_2", _("Sentra Gakkumdu: second discussion")
    INVESTIGATION = "investigation", _("Investigation (penyidikan)")
    GAKKUMDU_3 = "gakkumdu_3", _("Sentra Gakkumdu: third discussion")
    PROSECUTION = "prosecution", _("File with the prosecutor (penuntutan)")
    FILE_RETURNED = "file_returned", _("File returned to the investigator")
    TRIAL = "trial", _("Trial at the district court")
    COURT_DECIDED = "court_decided", _("District court decided")
    APPEAL = "appeal", _("Appeal (banding)")
    FOLLOW_UP_RECEIVED = "follow_up_received", _("Follow-up received")
    CONVERTED = "converted", _("Turned into a finding")
    CLOSED = "closed", _("Closed")


class Action(models.TextChoices):
    START_REVIEW = "start_review", _("Start initial review")
    REQUEST_COMPLETENESS = "request_completeness", _("Ask the reporter to complete the report")
    MARK_COMPLETED = "mark_completed", _("Report completed")
    MARK_NOT_COMPLETED = "mark_not_completed", _("Not completed in time")
    REGISTER = "register", _("Register")
    NOT_REGISTER = "not_register", _("Do not register")
    START_CLARIFICATION = "start_clarification", _("Start clarification")
    START_ASSESSMENT = "start_assessment", _("Start assessment")
    EXTEND_HANDLING = "extend_handling", _("Extend handling by 2 days")
    DECIDE_ADMINISTRATIVE = "decide_administrative", _("Outcome: administrative violation")
    DECIDE_CRIME = "decide_crime", _("Outcome: election crime")
    DECIDE_ETHICS = "decide_ethics", _("Outcome: code of ethics")
    DECIDE_OTHER_LAW = "decide_other_law", _("Outcome: other law (e.g. ASN, kepala desa, TNI/POLRI neutrality)")
    DECIDE_TSM = "decide_tsm", _("Outcome: TSM administrative violation")
    DECIDE_NOT_VIOLATION = "decide_not_violation", _("Outcome: not a violation")
    REFER_KPU = "refer_kpu", _("Recommend to KPU Kabupaten")
    REFER_GAKKUMDU = "refer_gakkumdu", _("Forward to Sentra Gakkumdu")
    REFER_DKPP = "refer_dkpp", _("Forward to DKPP")
    REFER_BKN = "refer_bkn", _("Forward to BKN")
    REFER_BUPATI = "refer_bupati", _("Forward to the Bupati")
    REFER_INSTITUTION = "refer_institution", _("Forward to the subject's institution")
    REFER_PROVINCE = "refer_province", _("Forward to Bawaslu Provinsi")
    GAKKUMDU_SECOND = "gakkumdu_second", _("Hold the second discussion")
    START_INVESTIGATION = "start_investigation", _("Start investigation")
    GAKKUMDU_THIRD = "gakkumdu_third", _("Hold the third discussion")
    FILE_TO_PROSECUTOR = "file_to_prosecutor", _("File handed to the prosecutor")
    RETURN_FILE = "return_file", _("Prosecutor returned the file")
    RESUBMIT_FILE = "resubmit_file", _("Investigator re-submitted the file")
    FILE_TO_COURT = "file_to_court", _("Prosecutor filed with the court")
    RECORD_COURT_DECISION = "record_court_decision", _("Record the court decision")
    FILE_APPEAL = "file_appeal", _("Appeal filed")
    RECORD_APPEAL_DECISION = "record_appeal_decision", _("Record the appeal decision")
    STOP_GAKKUMDU = "stop_gakkumdu", _("Stop at Sentra Gakkumdu")
    RECORD_FOLLOW_UP = "record_follow_up", _("Record the follow-up received")
    CONVERT_TO_FINDING = "convert_to_finding", _("Turn into a finding (temuan)")
    DISMISS = "dismiss", _("Dismiss the information")
    CLOSE = "close", _("Close")


DECIDERS = frozenset({Role.BAWASLU_MEMBER, Role.ADMIN})
HANDLERS = frozenset({Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.PANWASCAM, Role.ADMIN})
REGENCY_OFFICE = frozenset({Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.ADMIN})
SUPERVISORS = frozenset({Role.BAWASLU_MEMBER, Role.PANWASCAM, Role.PKD, Role.PTPS, Role.ADMIN})
# Roles that receive a report in person (UU 10/2016 Pasal 134: Bawaslu, Panwascam, PKD, PTPS).
INTAKE_ROLES = HANDLERS | SUPERVISORS
# Roles that see the reporter's identity unmasked (those who handle cases).
IDENTITY_ROLES = HANDLERS

REPORTS = frozenset({Kind.REPORT, Kind.FINDING})
ONLY_REPORT = frozenset({Kind.REPORT})
ONLY_INFORMATION = frozenset({Kind.INFORMATION})
OUTCOMES = frozenset(
    {State.ADMINISTRATIVE, State.CRIME, State.ETHICS, State.OTHER_LAW, State.TSM, State.NOT_VIOLATION}
)
GAKKUMDU_OPEN = frozenset({State.GAKKUMDU_1, State.GAKKUMDU_2, State.INVESTIGATION, State.GAKKUMDU_3})
FINAL = frozenset({State.CLOSED, State.CONVERTED})


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[State]
    target: State | None  # None: the state does not change
    roles: frozenset[str]
    kinds: frozenset[str] = REPORTS
    needs_reason: bool = False
    referral_to: str = ""  # institution a referral goes to


def _t(action: Action, sources: set[State], target: State | None, roles: frozenset[str], **kw: Any) -> Transition:
    return Transition(action, frozenset(sources), target, roles, **kw)


A, S = Action, State
TABLE: tuple[Transition, ...] = (
    _t(A.START_REVIEW, {S.RECEIVED}, S.INITIAL_REVIEW, HANDLERS),
    _t(A.REQUEST_COMPLETENESS, {S.INITIAL_REVIEW}, S.COMPLETENESS_REQUESTED, HANDLERS, kinds=ONLY_REPORT,
       needs_reason=True),
    _t(A.MARK_COMPLETED, {S.COMPLETENESS_REQUESTED}, S.INITIAL_REVIEW, HANDLERS, kinds=ONLY_REPORT),
    _t(A.MARK_NOT_COMPLETED, {S.COMPLETENESS_REQUESTED}, S.STOPPED, HANDLERS, kinds=ONLY_REPORT, needs_reason=True),
    _t(A.REGISTER, {S.INITIAL_REVIEW}, S.REGISTERED, DECIDERS),
    _t(A.NOT_REGISTER, {S.INITIAL_REVIEW}, S.NOT_REGISTERED, DECIDERS, needs_reason=True),
    _t(A.START_CLARIFICATION, {S.REGISTERED}, S.CLARIFICATION, HANDLERS),
    _t(A.START_ASSESSMENT, {S.REGISTERED, S.CLARIFICATION}, S.ASSESSMENT, HANDLERS),
    _t(A.EXTEND_HANDLING, {S.REGISTERED, S.CLARIFICATION, S.ASSESSMENT}, None, DECIDERS, needs_reason=True),
    _t(A.DECIDE_ADMINISTRATIVE, {S.ASSESSMENT}, S.ADMINISTRATIVE, DECIDERS, needs_reason=True),
    _t(A.DECIDE_CRIME, {S.ASSESSMENT}, S.CRIME, DECIDERS, needs_reason=True),
    _t(A.DECIDE_ETHICS, {S.ASSESSMENT}, S.ETHICS, DECIDERS, needs_reason=True),
    _t(A.DECIDE_OTHER_LAW, {S.ASSESSMENT}, S.OTHER_LAW, DECIDERS, needs_reason=True),
    _t(A.DECIDE_TSM, {S.ASSESSMENT}, S.TSM, DECIDERS, needs_reason=True),
    _t(A.DECIDE_NOT_VIOLATION, {S.ASSESSMENT}, S.NOT_VIOLATION, DECIDERS, needs_reason=True),
    _t(A.REFER_KPU, {S.ADMINISTRATIVE, S.ETHICS}, S.REFERRED, DECIDERS, referral_to="KPU Kabupaten"),
    _t(A.REFER_DKPP, {S.ETHICS}, S.REFERRED, DECIDERS, referral_to="DKPP"),
    _t(A.REFER_BKN, {S.OTHER_LAW}, S.REFERRED, DECIDERS, referral_to="BKN"),
    _t(A.REFER_BUPATI, {S.OTHER_LAW}, S.REFERRED, DECIDERS, referral_to="Bupati"),
    _t(A.REFER_INSTITUTION, {S.OTHER_LAW}, S.REFERRED, DECIDERS, needs_reason=True),
    _t(A.REFER_PROVINCE, {S.TSM}, S.REFERRED, DECIDERS, referral_to="Bawaslu Provinsi"),
    _t(A.REFER_GAKKUMDU, {S.CRIME}, S.GAKKUMDU_1, DECIDERS, referral_to="Sentra Gakkumdu"),
    _t(A.GAKKUMDU_SECOND, {S.GAKKUMDU_1}, S.GAKKUMDU_2, REGENCY_OFFICE),
    _t(A.START_INVESTIGATION, {S.GAKKUMDU_2}, S.INVESTIGATION, REGENCY_OFFICE),
    _t(A.GAKKUMDU_THIRD, {S.INVESTIGATION}, S.GAKKUMDU_3, REGENCY_OFFICE),
    _t(A.FILE_TO_PROSECUTOR, {S.GAKKUMDU_3}, S.PROSECUTION, REGENCY_OFFICE),
    _t(A.RETURN_FILE, {S.PROSECUTION}, S.FILE_RETURNED, REGENCY_OFFICE, needs_reason=True),
    _t(A.RESUBMIT_FILE, {S.FILE_RETURNED}, S.PROSECUTION, REGENCY_OFFICE),
    _t(A.FILE_TO_COURT, {S.PROSECUTION}, S.TRIAL, REGENCY_OFFICE),
    _t(A.RECORD_COURT_DECISION, {S.TRIAL}, S.COURT_DECIDED, REGENCY_OFFICE, needs_reason=True),
    _t(A.FILE_APPEAL, {S.COURT_DECIDED}, S.APPEAL, REGENCY_OFFICE),
    _t(A.RECORD_APPEAL_DECISION, {S.APPEAL}, S.FOLLOW_UP_RECEIVED, REGENCY_OFFICE, needs_reason=True),
    _t(A.STOP_GAKKUMDU, set(GAKKUMDU_OPEN), S.STOPPED, DECIDERS, needs_reason=True),
    _t(A.RECORD_FOLLOW_UP, {S.REFERRED}, S.FOLLOW_UP_RECEIVED, REGENCY_OFFICE, needs_reason=True),
    _t(A.CLOSE, {S.FOLLOW_UP_RECEIVED, S.NOT_REGISTERED, S.NOT_VIOLATION, S.STOPPED, S.COURT_DECIDED}, S.CLOSED,
       DECIDERS),
    _t(A.CONVERT_TO_FINDING, {S.RECEIVED}, S.CONVERTED, SUPERVISORS, kinds=ONLY_INFORMATION),
    _t(A.DISMISS, {S.RECEIVED}, S.CLOSED, SUPERVISORS, kinds=ONLY_INFORMATION, needs_reason=True),
)
BY_ACTION: dict[str, Transition] = {t.action.value: t for t in TABLE}
assert len(BY_ACTION) == len(TABLE), "one row per action"


class TransitionRefused(Exception):
    """The action is not allowed here; ``message`` says why, in the user's language."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


def check(action: str, *, state: str, kind: str, roles: set[str] | frozenset[str]) -> Transition:
    """The transition for ``action``, or :class:`TransitionRefused` with the reason."""
    transition = BY_ACTION.get(action)
    if transition is None:
        raise TransitionRefused(_("Unknown action."))
    if kind not in transition.kinds or state not in transition.sources:
        raise TransitionRefused(
            _("“%(action)s” is not possible while the case is “%(state)s”.")
            % {"action": transition.action.label, "state": State(state).label}
        )
    if not roles & transition.roles:
        raise TransitionRefused(
            _("Your role may not do “%(action)s” on this case.") % {"action": transition.action.label}
        )
    return transition


def allowed_actions(*, state: str, kind: str, roles: set[str] | frozenset[str]) -> list[Transition]:
    return [t for t in TABLE if kind in t.kinds and state in t.sources and roles & t.roles]


# What the public reads (DOMAIN.md §3 status words).
PUBLIC_STATUS: dict[str, Any] = {
    S.RECEIVED: _("received"),
    S.INITIAL_REVIEW: _("received, under initial review"),
    S.COMPLETENESS_REQUESTED: _("received, waiting for the reporter to complete it"),
    S.REGISTERED: _("registered"),
    S.NOT_REGISTERED: _("not registered"),
    S.STOPPED: _("stopped"),
    S.CLARIFICATION: _("registered, still in process"),
    S.ASSESSMENT: _("registered, still in process"),
    S.ADMINISTRATIVE: _("violation"),
    S.CRIME: _("violation"),
    S.ETHICS: _("violation"),
    S.OTHER_LAW: _("violation"),
    S.TSM: _("violation"),
    S.NOT_VIOLATION: _("not a violation"),
    S.REFERRED: _("forwarded"),
    S.GAKKUMDU_1: _("forwarded to Sentra Gakkumdu"),
    S.GAKKUMDU_2: _("forwarded to Sentra Gakkumdu"),
    S.INVESTIGATION: _("under investigation"),
    S.GAKKUMDU_3: _("under investigation"),
    S.PROSECUTION: _("with the prosecutor"),
    S.FILE_RETURNED: _("with the prosecutor"),
    S.TRIAL: _("in court"),
    S.COURT_DECIDED: _("decided by the court"),
    S.APPEAL: _("in appeal"),
    S.FOLLOW_UP_RECEIVED: _("followed up"),
    S.CONVERTED: _("turned into a finding"),
    S.CLOSED: _("finished"),
}
