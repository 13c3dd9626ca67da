"""Demo: Gresik's voting day, 27 Nov 2024, for Pilbup Gresik and Pilgub Jawa Timur.

Synthetic TPS tallies. For Pilbup Gresik the reported TPS together add up exactly to the
real result (DOMAIN.md §2: 366,944 for pair 1, 247,479 for the empty box, 614,423 valid,
35,749 invalid, 650,172 cast), with the empty box ahead in 6 kecamatan. The TPS left
out are the ones coverage shows as missing; a real count would of course include them.
A few reports are flagged (figures that do not add up, one corrected tally), and the
imported official recap differs from the PTPS copies at a handful of TPS (differences
that cancel out at regency level). Pilgub figures are synthetic throughout.
"""

from __future__ import annotations

import random
import uuid

from django.utils.dateparse import parse_datetime

from kawal.accounts.models import Role, User
from kawal.core import audit
from kawal.core.demo import DEMO_ACTOR, DemoContext
from kawal.elections.models import Election, ElectionKind
from kawal.regions.models import Tps
from kawal.supervision.intake import Reporter, submit
from kawal.supervision.lookups import lookups
from kawal.supervision.models import Channel, CurrentReport
from kawal.supervision.quality import Figures
from kawal.supervision.recap import import_official
from kawal.supervision.services import assign_supervisor, ensure_checklist
from kawal.supervision.submission import Submission
from kawal.supervision.totals import apply_pending

GRESIK = "35.25"
PAIR_1, EMPTY_BOX, INVALID, CAST = 366_944, 247_479, 35_749, 650_172
MISSING = 41  # TPS without a report, per election
EMPTY_BOX_KECAMATAN = 6  # kecamatan where the empty box won (Beritajatim)
CHECKLIST = [
    ("opened_at", "Jam TPS dibuka", "time", True),
    ("ptps_arrived_before_opening", "PTPS hadir sebelum TPS dibuka", "yesno", True),
    ("c_pemberitahuan_distributed", "Formulir C Pemberitahuan dibagikan kepada pemilih", "yesno", False),
    ("witnesses_present", "Jumlah saksi paslon yang hadir", "number", False),
    ("ballot_box_sealed", "Kotak suara tersegel saat dibuka", "yesno", True),
    ("dpk_after_noon_only", "Pemilih DPK hanya dilayani pukul 12.00-13.00", "yesno", False),
    ("incidents", "Kejadian khusus", "text", False),
]
SUBMITTED_AT = "2024-11-27T14:30:00+07:00"


def _spread(total: int, weights: list[float], caps: list[int], rng: random.Random) -> list[int]:
    """Integers proportional to ``weights``, each ≤ its cap, summing exactly to ``total``."""
    scale = total / sum(weights)
    values = [min(int(w * scale), cap) for w, cap in zip(weights, caps, strict=True)]
    diff = total - sum(values)
    order = list(range(len(values)))
    while diff:
        rng.shuffle(order)
        for i in order:
            if diff == 0:
                break
            step = 1 if diff > 0 else -1
            if 0 <= values[i] + step <= caps[i]:
                values[i] += step
                diff -= step
    return values


def pilbup_tallies(stations: list[Tps], rng: random.Random) -> dict[int, tuple[int, int, int]]:
    """(pair 1, empty box, invalid) per reported TPS, summing exactly to the real result."""
    kecamatan = sorted({t.desa_id[:8] for t in stations})
    empty_box_wins = set(rng.sample(kecamatan, EMPTY_BOX_KECAMATAN))
    cast = _spread(CAST, [t.dpt * rng.uniform(0.6, 0.75) for t in stations], [t.dpt for t in stations], rng)
    invalid = _spread(INVALID, [c * rng.uniform(0.04, 0.07) for c in cast], [c // 4 for c in cast], rng)
    valid = [c - i for c, i in zip(cast, invalid, strict=True)]
    share = [
        (rng.uniform(0.36, 0.46) if t.desa_id[:8] in empty_box_wins else rng.uniform(0.6, 0.72)) for t in stations
    ]
    pair_1 = _spread(PAIR_1, [v * s for v, s in zip(valid, share, strict=True)], valid, rng)
    return {
        t.pk: (p, v - p, i) for t, p, v, i in zip(stations, pair_1, valid, invalid, strict=True)
    }


def _figures(votes: dict[str, int], invalid: int, dpt: int, rng: random.Random) -> Figures:
    cast = sum(votes.values()) + invalid
    male = cast // 2 + rng.randint(-10, 10)
    received = dpt + dpt * 25 // 1000 + 2
    damaged = rng.randint(0, 3)
    return Figures(
        dpt=dpt, dptb=rng.randint(0, 6), dpk=rng.randint(0, 4), voters_male=male, voters_female=cast - male,
        ballots_received=received, ballots_used=cast, ballots_damaged=damaged,
        ballots_unused=received - cast - damaged, votes=votes, invalid=invalid, cast=cast,
    )  # fmt: skip


def _answers(rng: random.Random) -> dict[str, object]:
    return {
        "opened_at": rng.choice(["07:00", "07:00", "07:05", "07:15"]),
        "ptps_arrived_before_opening": True,
        "c_pemberitahuan_distributed": rng.random() > 0.03,
        "witnesses_present": rng.randint(0, 2),
        "ballot_box_sealed": True,
    }


def _submission(election: Election, station: Tps, figures: Figures, rng: random.Random) -> Submission:
    info_election, info_tps = lookups.election(election.pk), lookups.tps(station.pk)
    assert info_election is not None and info_tps is not None

    return Submission(
        submission_id=uuid.UUID(int=rng.getrandbits(128), version=4),
        election=info_election,
        tps=info_tps,
        figures=figures,
        checklist=_answers(rng),
        submitted_at=parse_datetime(SUBMITTED_AT),
    )


def _flag_some(figures: Figures, kind: int) -> Figures:
    """Break a rule without touching the votes (so totals stay exact)."""
    if kind == 0:  # ballots do not add up
        return Figures(**{**figures.__dict__, "ballots_unused": figures.ballots_unused + 7})
    if kind == 1:  # voters who voted do not match the votes cast
        return Figures(**{**figures.__dict__, "voters_female": figures.voters_female + 12})
    return Figures(**{**figures.__dict__, "ballots_used": figures.ballots_used + 20})


def load(ctx: DemoContext) -> None:
    pilbup = Election.objects.filter(kind=ElectionKind.REGENT, region_id=GRESIK).first()
    pilgub = Election.objects.filter(kind=ElectionKind.GOVERNOR, region_id="35").first()
    if pilbup is None or pilgub is None:
        return
    for election in (pilbup, pilgub):
        ensure_checklist(election, CHECKLIST, by=DEMO_ACTOR)
    ptps = User.objects.filter(username="ptps.randuagung01").first()
    first_tps = Tps.objects.filter(desa_id="35.25.14.2004", number=1).first()
    if ptps is not None and first_tps is not None:
        assign_supervisor(ptps, role=Role.PTPS, region_code=first_tps.desa_id, tps=first_tps,
                          letter_number="001/ST/PTPS/2024", by=DEMO_ACTOR)  # fmt: skip
    if CurrentReport.objects.filter(election=pilbup).exists():
        return
    rng = random.Random(27112024)
    lookups.clear()
    stations = list(Tps.objects.filter(desa__code__startswith=GRESIK + ".").order_by("desa_id", "number"))
    reporter = Reporter(None, DEMO_ACTOR, None)
    missing_pilbup = set(rng.sample([t.pk for t in stations if t.desa_id != "35.25.14.2004"], MISSING))
    reported = [t for t in stations if t.pk not in missing_pilbup]
    tallies = pilbup_tallies(reported, rng)
    flagged = rng.sample(reported, 6)
    corrected = flagged[0]
    subs: list[Submission] = []
    for station in reported:
        pair_1, empty, invalid = tallies[station.pk]
        figures = _figures({"1": pair_1, "2": empty}, invalid, station.dpt, rng)
        if station in flagged[1:]:
            figures = _flag_some(figures, flagged.index(station) % 3)
        if station is corrected:  # first sent with two digits swapped, then corrected
            wrong = _figures({"1": empty, "2": pair_1}, invalid, station.dpt, rng)
            subs.append(_submission(pilbup, station, wrong, rng))
        subs.append(_submission(pilbup, station, figures, rng))
    missing_pilgub = set(rng.sample([t.pk for t in stations if t.desa_id != "35.25.14.2004"], MISSING))
    for station in stations:
        if station.pk in missing_pilgub:
            continue
        pair_1, empty, invalid = tallies.get(station.pk, (300, 0, 20))
        valid = pair_1 + empty
        luluk = int(valid * rng.uniform(0.05, 0.1))
        khofifah = int(valid * rng.uniform(0.55, 0.65))
        votes = {"1": luluk, "2": khofifah, "3": valid - luluk - khofifah}
        subs.append(_submission(pilgub, station, _figures(votes, invalid + rng.randint(-5, 5), station.dpt, rng), rng))
    for start in range(0, len(subs), 250):
        submit(subs[start : start + 250], reporter=reporter, channel=Channel.IMPORT)
    apply_pending()  # as the running-totals job would have by the time anyone looks
    audit.record(
        "supervision.demo_voting_day_loaded",
        actor=DEMO_ACTOR,
        region_code=GRESIK,
        data={"reports": len(subs), "missing_pilbup": len(missing_pilbup), "missing_pilgub": len(missing_pilgub)},
    )
    _official_recap(pilbup, reported, tallies, rng)
    ctx.say(
        f"Voting day (synthetic): {len(reported)} of {len(stations)} TPS reported for Pilbup Gresik "
        f"(sums equal the real result: 366,944 / 247,479, invalid 35,749); {len(missing_pilbup)} missing, "
        f"6 flagged; {len(stations) - len(missing_pilgub)} reported for Pilgub Jatim.\n"
    )


def _official_recap(
    election: Election, reported: list[Tps], tallies: dict[int, tuple[int, int, int]], rng: random.Random
) -> None:
    """KPU's recap per TPS: equal to the PTPS copies except four TPS, differences cancelling out."""
    odd = rng.sample(reported, 4)
    shifts = {odd[0].pk: 12, odd[1].pk: -12, odd[2].pk: 5, odd[3].pk: -5}
    lines = ["kode_wilayah,paslon_1,paslon_2,tidak_sah"]
    for station in reported:
        pair_1, empty, invalid = tallies[station.pk]
        shift = shifts.get(station.pk, 0)
        lines.append(f"{station.desa_id}.{station.number:03d},{pair_1 + shift},{empty - shift},{invalid}")
    import_official(election, "\n".join(lines) + "\n", by=DEMO_ACTOR, source="Rekap KPU (demo, sintetis)")

