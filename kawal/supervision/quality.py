"""Quality rules for a TPS report: inconsistent figures are accepted but flagged.

Each rule has a stable code (stored on the report) and an Indonesian reason shown to
people. The rules follow DOMAIN.md §7 (consistency of the C.Hasil).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

VOTES_MISMATCH = "votes_mismatch"
OVER_REGISTERED = "over_registered"
BALLOTS_MISMATCH = "ballots_mismatch"
VOTERS_MISMATCH = "voters_mismatch"
BALLOTS_USED_MISMATCH = "ballots_used_mismatch"
TALLY_CHANGED = "tally_changed"

REASONS = {
    VOTES_MISMATCH: _("Votes for the pairs plus invalid votes do not equal the votes cast."),
    OVER_REGISTERED: _("More votes were cast than voters registered (DPT + DPTb + DPK)."),
    BALLOTS_MISMATCH: _("Ballots received do not equal ballots used + unused + damaged."),
    VOTERS_MISMATCH: _("Voters who voted (male + female) do not equal the votes cast."),
    BALLOTS_USED_MISMATCH: _("Ballots used do not equal the votes cast."),
    TALLY_CHANGED: _("The tally was changed after it had been submitted."),
}


@dataclass(frozen=True)
class Figures:
    """The numbers of one report that the rules look at."""

    dpt: int
    dptb: int
    dpk: int
    voters_male: int
    voters_female: int
    ballots_received: int
    ballots_used: int
    ballots_damaged: int
    ballots_unused: int
    votes: Mapping[str, int]
    invalid: int
    cast: int

    @property
    def valid(self) -> int:
        return sum(self.votes.values())


def check(figures: Figures, previous_votes: Mapping[str, int] | None = None, previous_invalid: int = 0) -> list[str]:
    """Codes of the rules the figures break (empty when consistent).

    ``previous_votes`` is the tally of the version this one replaces, if any.
    """
    flags: list[str] = []
    if figures.valid + figures.invalid != figures.cast:
        flags.append(VOTES_MISMATCH)
    if figures.cast > figures.dpt + figures.dptb + figures.dpk:
        flags.append(OVER_REGISTERED)
    if figures.ballots_received and (
        figures.ballots_received != figures.ballots_used + figures.ballots_unused + figures.ballots_damaged
    ):
        flags.append(BALLOTS_MISMATCH)
    voters = figures.voters_male + figures.voters_female
    if voters and voters != figures.cast:
        flags.append(VOTERS_MISMATCH)
    if figures.ballots_used and figures.ballots_used != figures.cast:
        flags.append(BALLOTS_USED_MISMATCH)
    if previous_votes is not None and (
        dict(previous_votes) != dict(figures.votes) or previous_invalid != figures.invalid
    ):
        flags.append(TALLY_CHANGED)
    return flags


def reasons(flags: list[str]) -> list[str]:
    return [str(REASONS.get(code, code)) for code in flags]
